// The writer thread against real files: jobs in order, a second connection holding the write lock, answers through
// the queue, a snapshot that follows commits, and a shutdown that runs what was queued.
#include "app_fixtures.h"

#include "kiosk/app/logic/kiosk_effects.h"
#include "kiosk/app/logic/store_writer.h"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <thread>

using namespace kiosk;

namespace {

// The frame loop's side: the events that came back, in the order they came, and how often it was woken.
struct Ui {
    std::vector<core::Event> events;
    std::vector<bool> settled;
    std::atomic<int> wakes{0};

    app::EffectAnswer answer() {
        return [this](std::vector<core::Event> got, bool done) {
            for (auto& e : got) events.push_back(std::move(e));
            settled.push_back(done);
        };
    }
};

app::StoreWriter::Options options(int busyTimeoutMs = 5000) {
    app::StoreWriter::Options o;
    o.store.busyTimeoutMs = busyTimeoutMs;
    o.busySliceMs = 20;
    o.busyNoticeSeconds = 0.05;
    return o;
}

// Drains the writer's answers until `done` holds; gives up after a generous while (a stuck writer fails the test).
template <class Pred>
bool drainUntil(app::StoreWriter& writer, Pred done) {
    const auto giveUp = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (!done()) {
        if (std::chrono::steady_clock::now() > giveUp) return false;
        writer.drain();
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return true;
}

template <class T>
int countOf(const std::vector<core::Event>& events) {
    int n = 0;
    for (const auto& e : events) n += std::holds_alternative<T>(e) ? 1 : 0;
    return n;
}

int ideasTitled(storage::Store& store, const std::string& eventId, const std::string& title) {
    storage::IdeaQuery all;
    all.statuses = {storage::IdeaStatus::Pending, storage::IdeaStatus::Published};
    int n = 0;
    for (const auto& idea : store.ideas(eventId, all)) n += idea.title == title ? 1 : 0;
    return n;
}

}  // namespace

TEST_SUITE("store_writer") {
    TEST_CASE("effects run in the order posted and answer through the queue, not on the writer's thread") {
        fixtures::TempFile file("writer-order.db");
        app_fixtures::ConferenceStore c(file.path);
        const auto a = c.add("Sprachcafé");
        const auto b = c.add("Stadtrundfahrten mit Migranten");
        Ui ui;
        app::StoreWriter writer(file.path, options(), [&] { ++ui.wakes; });
        writer.post(app::effectJob(core::fx::StartSession{"de"}, 7, ui.answer()));
        writer.waitIdle();
        CHECK(ui.events.empty());  // nothing reaches the UI until it drains
        REQUIRE(drainUntil(writer, [&] { return !ui.events.empty(); }));
        REQUIRE(std::holds_alternative<core::ev::SessionStarted>(ui.events[0]));
        const std::string session = std::get<core::ev::SessionStarted>(ui.events[0]).id;
        CHECK(ui.wakes > 0);

        writer.post(app::effectJob(core::fx::CastVote{session, a.id}, 0, ui.answer()));
        writer.post(app::effectJob(core::fx::CastVote{session, b.id}, 0, ui.answer()));
        writer.post(app::effectJob(core::fx::RetractVote{session, a.id}, 0, ui.answer()));
        REQUIRE(drainUntil(writer, [&] { return ui.events.size() == 4; }));
        const auto& first = std::get<core::ev::VoteSettled>(ui.events[1]);
        const auto& second = std::get<core::ev::VoteSettled>(ui.events[2]);
        const auto& third = std::get<core::ev::VoteSettled>(ui.events[3]);
        CHECK(first.ideaId == a.id);
        CHECK(first.votesLeft == 2);
        CHECK(second.ideaId == b.id);
        CHECK(second.votesLeft == 1);
        CHECK_FALSE(third.voted);
        CHECK(third.votesLeft == 2);
        CHECK(c.store->voteCount(b.id) == 1);
    }

    TEST_CASE("a refused write answers the rule's code") {
        fixtures::TempFile file("writer-refused.db");
        app_fixtures::ConferenceStore c(file.path);
        Ui ui;
        app::StoreWriter writer(file.path, options(), nullptr);
        writer.post(app::effectJob(core::fx::CastVote{"no-such-session", "no-such-idea"}, 0, ui.answer()));
        REQUIRE(drainUntil(writer, [&] { return !ui.events.empty(); }));
        REQUIRE(std::holds_alternative<core::ev::ActionRefused>(ui.events[0]));
        CHECK_FALSE(std::get<core::ev::ActionRefused>(ui.events[0]).code.empty());
    }

    TEST_CASE("under another connection's write lock a draft's save reports trouble early and keeps trying") {
        fixtures::TempFile file("writer-locked.db");
        app_fixtures::ConferenceStore c(file.path);
        const std::string session = c.store->startSession(c.eventId, "de");
        storage::Store holder(file.path);
        holder.db().exec("BEGIN IMMEDIATE");
        Ui ui;
        app::StoreWriter writer(file.path, options(5000), nullptr);
        writer.post(app::effectJob(core::fx::SaveIdea{session, fixtures::idea("Gesperrt aber gemerkt")}, 0, ui.answer()));
        REQUIRE(drainUntil(writer, [&] { return !ui.events.empty(); }));
        CHECK(std::holds_alternative<core::ev::StorageFailed>(ui.events[0]));
        CHECK_FALSE(ui.settled[0]);  // only a notice: the save is still being tried
        CHECK(ideasTitled(*c.store, c.eventId, "Gesperrt aber gemerkt") == 0);
        // Within the busy timeout: one notice, and the save is still being tried.
        std::this_thread::sleep_for(std::chrono::milliseconds(600));
        writer.drain();
        CHECK(ui.events.size() == 1);
        CHECK(writer.pending() == 1);

        SUBCASE("the lock goes: saved exactly once") {
            holder.db().exec("COMMIT");
            REQUIRE(drainUntil(writer, [&] { return ui.events.size() == 2; }));
            CHECK(std::holds_alternative<core::ev::Saved>(ui.events[1]));
            CHECK(ui.settled[1]);
            CHECK(ideasTitled(*c.store, c.eventId, "Gesperrt aber gemerkt") == 1);
        }
        SUBCASE("a job queued behind it runs after it, in order") {
            writer.post(app::effectJob(core::fx::CastVote{session, "no-such-idea"}, 0, ui.answer()));
            holder.db().exec("COMMIT");
            REQUIRE(drainUntil(writer, [&] { return writer.pending() == 0 && ui.events.size() == 3; }));
            CHECK(std::holds_alternative<core::ev::Saved>(ui.events[1]));
            CHECK(std::holds_alternative<core::ev::ActionRefused>(ui.events[2]));
            CHECK(ideasTitled(*c.store, c.eventId, "Gesperrt aber gemerkt") == 1);
        }
    }

    TEST_CASE("a vote under a lock that does not go gives up after the busy timeout") {
        fixtures::TempFile file("writer-vote-locked.db");
        app_fixtures::ConferenceStore c(file.path);
        const auto idea = c.add("Sprachcafé");
        const std::string session = c.store->startSession(c.eventId, "de");
        storage::Store holder(file.path);
        holder.db().exec("BEGIN IMMEDIATE");
        Ui ui;
        app::StoreWriter writer(file.path, options(200), nullptr);
        writer.post(app::effectJob(core::fx::CastVote{session, idea.id}, 0, ui.answer()));
        REQUIRE(drainUntil(writer, [&] { return writer.pending() == 0 && !ui.settled.empty() && ui.settled.back(); }));
        CHECK(countOf<core::ev::StorageFailed>(ui.events) == 1);  // the notice; the final give-up adds nothing
        CHECK(countOf<core::ev::VoteSettled>(ui.events) == 0);
        holder.db().exec("ROLLBACK");
        CHECK(c.store->voteCount(idea.id) == 0);
    }

    TEST_CASE("stopping runs every queued job first") {
        fixtures::TempFile file("writer-shutdown.db");
        app_fixtures::ConferenceStore c(file.path);
        std::vector<std::string> sessions;
        for (int i = 0; i < 5; ++i) sessions.push_back(c.store->startSession(c.eventId, "de"));
        {
            app::StoreWriter writer(file.path, options(), nullptr);
            for (const auto& id : sessions) {
                writer.post(app::effectJob(core::fx::EndSession{id, storage::SessionEnd::Finished}, 0, [](auto, bool) {}));
            }
        }
        for (const auto& id : sessions) CHECK(storage::toString(c.store->session(id)->end) == "finished");
    }

    TEST_CASE("the snapshot follows commits of other connections") {
        fixtures::TempFile file("writer-snapshot.db");
        app_fixtures::ConferenceStore c(file.path);
        c.add("Sprachcafé");
        std::atomic<int> wakes{0};
        app::StoreWriter writer(file.path, options(), [&] { ++wakes; });
        REQUIRE(drainUntil(writer, [&] { return writer.snapshot()->usable; }));
        CHECK(writer.snapshot()->published.size() == 1);
        CHECK(writer.snapshot()->event.settings.title == "Integrationskonferenz");
        const int before = wakes;
        c.add("Kochabend der Kulturen");  // another connection commits
        REQUIRE(drainUntil(writer, [&] { return writer.snapshot()->published.size() == 2; }));
        CHECK(wakes > before);
    }

    TEST_CASE("others' commits are read at most every outsideReadSeconds, the writer's own at once") {
        fixtures::TempFile file("writer-outside.db");
        app_fixtures::ConferenceStore c(file.path);
        c.add("Sprachcafé");
        auto o = options();
        o.outsideReadSeconds = 3600;  // within this test: never again by itself after the first read
        Ui ui;
        app::StoreWriter writer(file.path, o, [&] { ++ui.wakes; });
        REQUIRE(drainUntil(writer, [&] { return writer.snapshot()->usable; }));
        REQUIRE(writer.snapshot()->published.size() == 1);
        c.add("Kochabend der Kulturen");  // another connection commits: noticed, but not read yet
        std::this_thread::sleep_for(std::chrono::milliseconds(500));  // (with the default it is read in 0.25 s)
        CHECK(writer.snapshot()->published.size() == 1);
        writer.post(app::effectJob(core::fx::StartSession{"de"}, 1, ui.answer()));
        // The writer's own commit is read at once, and with it the other connection's (an hour is not waited).
        CHECK(drainUntil(writer, [&] { return writer.snapshot()->published.size() == 2; }));
    }

    TEST_CASE("a file that cannot be used is reported, and the next job tries it afresh") {
        fixtures::TempFile file("writer-missing-event.db");
        { storage::Store empty(file.path); }  // no active event: the kiosk cannot use it yet
        Ui ui;
        app::StoreWriter writer(file.path, options(), nullptr);
        writer.post(app::effectJob(core::fx::CheckStorage{}, 0, ui.answer()));
        REQUIRE(drainUntil(writer, [&] { return !ui.events.empty(); }));
        CHECK(std::holds_alternative<core::ev::StorageFailed>(ui.events[0]));
        CHECK_FALSE(writer.snapshot()->usable);
        {
            storage::Store store(file.path);
            store.activateEvent(store.createEvent(fixtures::conference(3)));
        }
        writer.post(app::effectJob(core::fx::CheckStorage{}, 0, ui.answer()));
        REQUIRE(drainUntil(writer, [&] { return ui.events.size() == 2; }));
        CHECK(std::holds_alternative<core::ev::StorageBack>(ui.events[1]));
        REQUIRE(drainUntil(writer, [&] { return writer.snapshot()->usable; }));
    }
}
