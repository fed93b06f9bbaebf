// The sync's outbox (written in the same transaction as every write) and applying remote changes by the merge rules.
#include "fixtures.h"
#include "storage/replica.h"
#include "storage/schema.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <doctest/doctest.h>

#include <algorithm>
#include <map>

using namespace storage;

namespace {

// Outbox entries by kind.
std::map<std::string, int> outboxKinds(Store& store) {
    std::map<std::string, int> kinds;
    for (const auto& row : outboxBatch(store, 100000)) ++kinds[row.kind];
    return kinds;
}

int countOf(Store& store, const char* table) {
    return store.db().execAndGet(std::string("SELECT count(*) FROM ") + table).getInt();
}

// What a server would hand out after `from` pushed its whole outbox: its entries in order, numbered from `seq`.
std::vector<RemoteChange> pushed(Store& from, std::int64_t& seq) {
    std::vector<RemoteChange> changes;
    for (const auto& row : outboxBatch(from, 100000)) {
        changes.push_back({++seq, from.kioskId(), row.kind, row.rowId, row.payload, 0});
    }
    if (!changes.empty()) acknowledgeOutbox(from, outboxBatch(from, 100000).back().seq);
    return changes;
}

struct Venue {
    fixtures::ManualClock clock;
    Store a{":memory:", fixtures::options(clock, 1, "kiosk-a")};
    Store b{":memory:", fixtures::options(clock, 2, "kiosk-b")};
    std::string event = a.createEvent(fixtures::conference(3));
    std::int64_t serverSeq = 0;
};

}  // namespace

TEST_SUITE("storage.outbox") {

TEST_CASE("every kind of write is queued in the outbox of its own transaction") {
    fixtures::ManualClock clock;
    Store store(":memory:", fixtures::options(clock));
    const auto event = store.createEvent(fixtures::conference(3));
    CHECK(outboxKinds(store) == std::map<std::string, int>{{"event", 1}, {"moderation", 1}});
    acknowledgeOutbox(store, outboxBatch(store, 100).back().seq);
    CHECK(outboxBacklog(store) == 0);

    SUBCASE("ideas, sessions, votes and retractions") {
        const auto session = store.startSession(event, "de");
        const auto idea = store.submitIdea(event, fixtures::idea("Stadtrundfahrten mit Migranten"), session);
        store.castVote(session, idea.id);
        store.retractVote(session, idea.id);
        const auto kinds = outboxKinds(store);
        CHECK(kinds.at("session") == 1);
        CHECK(kinds.at("idea") >= 1);
        CHECK(kinds.at("vote") == 2);
        const auto batch = outboxBatch(store, 100);
        for (const auto& row : batch) CHECK_MESSAGE(row.payload.find(row.rowId) != std::string::npos, row.kind);
    }
    SUBCASE("moderation and event settings") {
        const auto idea = store.submitIdea(event, fixtures::idea("Sprachcafé"));
        acknowledgeOutbox(store, outboxBatch(store, 100).back().seq);
        store.setIdeaStatus(idea.id, IdeaStatus::Hidden, "test");
        store.setVotingOpen(event, false, "test");
        const auto kinds = outboxKinds(store);
        CHECK(kinds.at("idea") == 1);
        CHECK(kinds.at("event") == 1);
        CHECK(kinds.at("moderation") == 2);
        CHECK(outboxBatch(store, 100).front().payload.find("\"hidden\"") != std::string::npos);
    }
    SUBCASE("a write that rolls back leaves nothing in the outbox") {
        CHECK_THROWS(store.transaction([&] {
            store.submitIdea(event, fixtures::idea("Wird verworfen"));
            CHECK(outboxBacklog(store) > 0);
            throw std::runtime_error("rolled back");
        }));
        CHECK(outboxBacklog(store) == 0);
        CHECK(store.ideas(event).empty());
        {
            SQLite::Transaction scope(store.db());
            store.db().exec("UPDATE events SET title = 'nie gespeichert'");
            CHECK(outboxBacklog(store) == 1);
        }  // no commit: the scope's end rolls the write and its outbox row back
        CHECK(outboxBacklog(store) == 0);
    }
    SUBCASE("a refused write queues nothing") {
        const auto session = store.startSession(event, "de");
        const auto idea = store.submitIdea(event, fixtures::idea("Eins"));
        store.castVote(session, idea.id);
        const auto before = outboxBacklog(store);
        CHECK(fixtures::codeOf([&] { store.castVote(session, idea.id); }) != "no error");
        CHECK(outboxBacklog(store) == before);
    }
}

TEST_CASE("migration 4 queues the rows a file had before it") {
    SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    const auto& all = migrations();
    migrate(db, ":memory:", Store::kApplicationId, {all[0], all[1], all[2]});
    db.exec("INSERT INTO events(id, title, vote_budget, moderation, created_at, kiosk_id) "
            "VALUES ('e1', 'Alt', 3, 'publish', 1, 'k')");
    db.exec("INSERT INTO sessions(id, event_id, kiosk_id, language, started_at) VALUES ('s1', 'e1', 'k', 'de', 2)");
    migrate(db, ":memory:", Store::kApplicationId, all);
    CHECK(db.execAndGet("PRAGMA user_version").getInt() == Store::kSchemaVersion);
    SQLite::Statement q(db, "SELECT kind, row_id FROM outbox ORDER BY seq");
    std::vector<std::string> queued;
    while (q.executeStep()) queued.push_back(q.getColumn(0).getString() + ":" + q.getColumn(1).getString());
    CHECK(queued == std::vector<std::string>{"event:e1", "session:s1"});
}

TEST_CASE("event settings changed at two kiosks at once: the unsent change is kept and logged, then the later push wins everywhere and the replaced kiosk logs it") {
    Venue v;
    applyRemoteChanges(v.b, pushed(v.a, v.serverSeq));
    v.a.updateEventSettings(v.event, fixtures::conference(5), "panel-a");
    v.b.updateEventSettings(v.event, fixtures::conference(7), "panel-b");
    const auto fromA = pushed(v.a, v.serverSeq);
    // a pulls its own push back (the server hands every kiosk its own changes too): nothing to log.
    const auto echoAtA = applyRemoteChanges(v.a, fromA);
    CHECK(echoAtA.lines.empty());
    const auto atB = applyRemoteChanges(v.b, fromA);
    CHECK(atB.keptLocal == 1);
    REQUIRE(!atB.lines.empty());
    CHECK(atB.lines.front().find("conflict on event " + v.event) != std::string::npos);
    CHECK(atB.lines.front().find("kiosk-a") != std::string::npos);
    CHECK(v.b.event(v.event)->settings.voteBudget == 7);
    // b pushes after a: the server orders b's settings last, and both files end with them.
    const auto fromB = pushed(v.b, v.serverSeq);
    const auto atA = applyRemoteChanges(v.a, fromB);
    const auto echoAtB = applyRemoteChanges(v.b, fromB);
    CHECK(v.a.event(v.event)->settings.voteBudget == 7);
    CHECK(v.b.event(v.event)->settings.voteBudget == 7);
    CHECK(echoAtB.lines.empty());  // b's own settings came back: no conflict at b any more

    // a's pushed settings were replaced: a says so once, naming the event, kiosk b and both server changes.
    const auto serverChangeOf = [&](const std::vector<RemoteChange>& changes) {
        const auto it = std::find_if(changes.begin(), changes.end(), [](const auto& c) { return c.kind == "event"; });
        REQUIRE(it != changes.end());
        return std::to_string(it->serverSeq);
    };
    REQUIRE(atA.lines.size() == 1);
    const std::string& line = atA.lines.front();
    CHECK(line.find("conflict on event " + v.event) != std::string::npos);
    CHECK(line.find("this kiosk's settings (server change " + serverChangeOf(fromA) + ")") != std::string::npos);
    CHECK(line.find("replaced by kiosk kiosk-b's later change (server change " + serverChangeOf(fromB) + ")") !=
          std::string::npos);
    SUBCASE("the same changes again log nothing more") {
        CHECK(applyRemoteChanges(v.a, fromB).lines.empty());
    }
    SUBCASE("settings that reached a from another kiosk are not a's: replacing them is no conflict") {
        v.b.updateEventSettings(v.event, fixtures::conference(9), "panel-b");
        const auto again = pushed(v.b, v.serverSeq);
        CHECK(applyRemoteChanges(v.a, again).lines.empty());
        CHECK(v.a.event(v.event)->settings.voteBudget == 9);
    }
}

TEST_CASE("the echo of a kiosk's own push behind a newer unsent change of the same event is no conflict") {
    Venue v;
    v.a.updateEventSettings(v.event, fixtures::conference(5), "panel-a");
    const auto fromA = pushed(v.a, v.serverSeq);
    v.a.updateEventSettings(v.event, fixtures::conference(6), "panel-a");
    const auto echo = applyRemoteChanges(v.a, fromA);
    CHECK(echo.keptLocal >= 1);  // the event row is queued once per write: created, then changed
    CHECK(echo.lines.empty());
    CHECK(v.a.event(v.event)->settings.voteBudget == 6);
}

TEST_CASE("remote changes apply through the merge rules and never echo into the outbox") {
    Venue v;
    const auto session = v.a.startSession(v.event, "de");
    const auto first = v.a.submitIdea(v.event, fixtures::idea("Stadtrundfahrten mit Migranten"), session);
    v.a.castVote(session, first.id);
    const auto changes = pushed(v.a, v.serverSeq);
    const auto report = applyRemoteChanges(v.b, changes);
    CHECK(report.inserted == 5);  // event, its log entry, session, idea, vote
    CHECK(outboxBacklog(v.b) == 0);
    CHECK(pullCursor(v.b) == v.serverSeq);
    CHECK(v.b.activeEvent()->id == v.event);
    CHECK(v.b.idea(first.id)->votes == 1);
    for (const char* table : {"events", "sessions", "ideas", "votes", "moderation_log"}) {
        CHECK_MESSAGE(countOf(v.a, table) == countOf(v.b, table), table);
    }

    SUBCASE("the similar-ideas warning at b sees the idea submitted at a") {
        const auto found = v.b.similar(v.event, "Stadtrundfahrt mit Migranten", 3);
        REQUIRE(!found.empty());
        CHECK(found.front().idea.id == first.id);
    }
    SUBCASE("the same changes again change nothing") {
        const auto again = applyRemoteChanges(v.b, changes);
        CHECK(again.inserted == 0);
        CHECK(again.updated == 0);
        CHECK(again.unchanged == static_cast<int>(changes.size()));
        CHECK(countOf(v.b, "votes") == 1);
    }
    SUBCASE("moderation decided at one kiosk applies at the other") {
        v.a.setIdeaStatus(first.id, IdeaStatus::Hidden, "panel");
        v.a.setPinned(first.id, true, "panel");
        const auto report2 = applyRemoteChanges(v.b, pushed(v.a, v.serverSeq));
        CHECK(report2.updated >= 1);
        CHECK(toString(v.b.idea(first.id)->status) == "hidden");
        CHECK(v.b.idea(first.id)->pinned);
        CHECK(outboxBacklog(v.b) == 0);
    }
    SUBCASE("a session only moves forward") {
        v.b.voidSession(session, "panel", "test");
        acknowledgeOutbox(v.b, outboxBatch(v.b, 100).back().seq);
        v.a.endSession(session, SessionEnd::Finished);
        applyRemoteChanges(v.b, pushed(v.a, v.serverSeq));
        const auto s = v.b.session(session);
        CHECK(toString(s->end) == toString(SessionEnd::Voided));
        CHECK(s->endedAt.has_value());
        CHECK(v.b.idea(first.id)->votes == 0);  // a voided session's votes stop counting
    }
    SUBCASE("an unsent local change of the same idea is kept and logged; the server's order decides later") {
        v.b.setIdeaStatus(first.id, IdeaStatus::Hidden, "panel-b");
        v.a.setPinned(first.id, true, "panel-a");
        const auto report2 = applyRemoteChanges(v.b, pushed(v.a, v.serverSeq));
        CHECK(report2.keptLocal == 1);
        REQUIRE(!report2.lines.empty());
        CHECK(report2.lines.front().find("conflict on idea") != std::string::npos);
        // Fields, not rows: b keeps its unsent hide and takes a's pin.
        CHECK(toString(v.b.idea(first.id)->status) == "hidden");
        CHECK(v.b.idea(first.id)->pinned);
        // b pushes; the server orders its change last, so a applies it and both agree.
        const auto fromB = pushed(v.b, v.serverSeq);
        applyRemoteChanges(v.a, fromB);
        applyRemoteChanges(v.b, fromB);
        CHECK(toString(v.a.idea(first.id)->status) == "hidden");
        CHECK(v.a.idea(first.id)->pinned);
        CHECK(v.a.idea(first.id)->pinned == v.b.idea(first.id)->pinned);
    }
    SUBCASE("the venue number replaces a provisional one and moves another provisional number aside") {
        const auto own = v.b.submitIdea(v.event, fixtures::idea("Sprachcafé"));
        CHECK(own.number == 2);
        auto change = pushed(v.a, v.serverSeq);
        CHECK(change.empty());
        RemoteChange numbered{++v.serverSeq, "kiosk-a", "idea", first.id, rowJson(v.a, "idea", first.id), 2};
        const auto report2 = applyRemoteChanges(v.b, {numbered});
        CHECK(v.b.idea(first.id)->number == 2);
        CHECK(v.b.idea(own.id)->number == 3);
        CHECK(report2.lines.front().find("venue #2") != std::string::npos);
    }
    SUBCASE("a change the model refuses applies nothing, and the cursor stays") {
        const auto cursor = pullCursor(v.b);
        v.a.submitIdea(v.event, fixtures::idea("Gut"));
        auto bad = pushed(v.a, v.serverSeq);
        bad.push_back({++v.serverSeq, "kiosk-x", "idea", "x1", R"({"id":"x1","status":"weird"})", 0});
        CHECK_THROWS(applyRemoteChanges(v.b, bad));
        CHECK(pullCursor(v.b) == cursor);
        CHECK(countOf(v.b, "ideas") == 1);
        CHECK(countOf(v.b, "sync_applying") == 0);
    }
}

// A venue server in miniature: pushes append to one list in arrival order; a pull hands out what follows the
// file's cursor, the file's own changes included (as the real server does).
struct MiniServer {
    std::vector<RemoteChange> changes;
    void push(Store& from) {
        std::int64_t seq = static_cast<std::int64_t>(changes.size());
        for (auto& change : pushed(from, seq)) changes.push_back(std::move(change));
    }
    ApplyReport pull(Store& into) {
        const auto cursor = static_cast<std::size_t>(pullCursor(into));
        return applyRemoteChanges(into, {changes.begin() + static_cast<std::ptrdiff_t>(cursor), changes.end()});
    }
    // Both kiosks push, then both pull, twice: what `sync --once` at each kiosk ends with.
    void settle(Store& a, Store& b) {
        for (int round = 0; round < 2; ++round) {
            push(a);
            push(b);
            pull(a);
            pull(b);
        }
    }
};

bool logSays(const ApplyReport& report, const std::string& words) {
    return std::any_of(report.lines.begin(), report.lines.end(),
                       [&](const std::string& line) { return line.find(words) != std::string::npos; });
}

TEST_CASE("moderation of one idea at two kiosks at the same time resolves per field, the same everywhere") {
    Venue v;
    MiniServer server;
    const auto idea = v.a.submitIdea(v.event, fixtures::idea("Stadtrundfahrten mit Migranten"));
    const auto other = v.a.submitIdea(v.event, fixtures::idea("Sprachcafé im Glashaus"));
    server.settle(v.a, v.b);
    REQUIRE(v.b.idea(idea.id));

    SUBCASE("a pin at a and a hide at b both survive, whichever reaches the server first") {
        bool aFirst = true;
        SUBCASE("a's pin reaches the server first") { aFirst = true; }
        SUBCASE("b's hide reaches the server first") { aFirst = false; }
        v.a.setPinned(idea.id, true, "panel-a");
        v.b.setIdeaStatus(idea.id, IdeaStatus::Hidden, "panel-b", "Doppelt");
        // Each kiosk pushes before it has heard of the other's change.
        if (aFirst) {
            server.push(v.a);
            server.push(v.b);
        } else {
            server.push(v.b);
            server.push(v.a);
        }
        const auto atA = server.pull(v.a);
        const auto atB = server.pull(v.b);
        for (Store* kiosk : {&v.a, &v.b}) {
            const auto now = kiosk->idea(idea.id);
            CHECK(toString(now->status) == "hidden");
            CHECK(now->pinned);
        }
        // The one that pushed first meets the other's row without its pin: the log says how it was resolved.
        CHECK(logSays(aFirst ? atA : atB, "resolved per field"));
        CHECK(logSays(aFirst ? atA : atB, aFirst ? "pinned true" : "status \"hidden\""));
        server.settle(v.a, v.b);
        CHECK(rowJson(v.a, "idea", idea.id) == rowJson(v.b, "idea", idea.id));
    }
    SUBCASE("two changes of the same field: the later in server order wins at both, also at the first one's kiosk") {
        v.a.setIdeaStatus(idea.id, IdeaStatus::Hidden, "panel-a", "Doppelt");
        v.b.setIdeaStatus(idea.id, IdeaStatus::Pending, "panel-b");
        server.push(v.a);
        server.push(v.b);
        server.pull(v.a);
        server.pull(v.b);
        CHECK(toString(v.a.idea(idea.id)->status) == "pending");
        CHECK(toString(v.b.idea(idea.id)->status) == "pending");
    }
    SUBCASE("an unsent change of the same field is kept until it is pushed, then wins everywhere") {
        v.a.setIdeaStatus(idea.id, IdeaStatus::Hidden, "panel-a", "Doppelt");
        server.push(v.a);
        v.b.setIdeaStatus(idea.id, IdeaStatus::Pending, "panel-b");
        const auto atB = server.pull(v.b);
        CHECK(toString(v.b.idea(idea.id)->status) == "pending");
        CHECK(atB.keptLocal >= 1);
        CHECK(logSays(atB, "kept this kiosk's unsent change"));
        server.settle(v.a, v.b);
        CHECK(toString(v.a.idea(idea.id)->status) == "pending");
        CHECK(toString(v.b.idea(idea.id)->status) == "pending");
    }
    SUBCASE("a merge at a and a hide at b: merged stays merged, in either order") {
        v.a.mergeIdea(idea.id, other.id, "panel-a", "Doppelt");
        v.b.setIdeaStatus(idea.id, IdeaStatus::Hidden, "panel-b", "Doppelt");
        server.push(v.b);
        server.push(v.a);
        server.pull(v.a);
        server.pull(v.b);
        for (Store* kiosk : {&v.a, &v.b}) {
            CHECK(toString(kiosk->idea(idea.id)->status) == "merged");
            CHECK(kiosk->idea(idea.id)->mergedInto == other.id);
        }
        v.a.setIdeaStatus(other.id, IdeaStatus::Hidden, "panel-a", "Doppelt");  // the merge target stays free
        server.settle(v.a, v.b);
        CHECK(rowJson(v.a, "idea", idea.id) == rowJson(v.b, "idea", idea.id));
        CHECK(toString(v.b.idea(other.id)->status) == "hidden");
    }
    SUBCASE("an edit of the text at b and a pin at a both survive") {
        v.b.editIdea(idea.id, fixtures::idea("Stadtrundfahrten mit Migrantinnen und Migranten"), "panel-b", "Tippfehler");
        v.a.setPinned(idea.id, true, "panel-a");
        server.push(v.b);
        server.push(v.a);
        server.pull(v.a);
        server.pull(v.b);
        for (Store* kiosk : {&v.a, &v.b}) {
            CHECK(kiosk->idea(idea.id)->title == "Stadtrundfahrten mit Migrantinnen und Migranten");
            CHECK(kiosk->idea(idea.id)->pinned);
        }
    }
}

TEST_CASE("a file that meets another server queues everything again and pulls from the start") {
    Venue v;
    v.a.submitIdea(v.event, fixtures::idea("Sprachcafé"));
    const auto queued = outboxBacklog(v.a);
    CHECK_FALSE(attachToServer(v.a, "server-1"));  // the first server: the outbox has everything already
    CHECK(outboxBacklog(v.a) == queued);
    applyRemoteChanges(v.a, pushed(v.a, v.serverSeq));
    CHECK(outboxBacklog(v.a) == 0);
    CHECK(pullCursor(v.a) > 0);
    CHECK_FALSE(attachToServer(v.a, "server-1"));
    CHECK(outboxBacklog(v.a) == 0);
    CHECK(attachToServer(v.a, "server-2"));
    CHECK(pullCursor(v.a) == 0);
    const int rows = countOf(v.a, "events") + countOf(v.a, "sessions") + countOf(v.a, "ideas") + countOf(v.a, "votes") +
                     countOf(v.a, "moderation_log");
    CHECK(outboxBacklog(v.a) == rows);
}

}  // TEST_SUITE
