// Merging kiosk databases (idempotent, order-independent, all or nothing) and backup/restore.
#include "fixtures.h"
#include "storage/backup.h"
#include "storage/merge.h"

#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <tuple>

using namespace storage;

namespace {

// Two kiosks of one event: the second starts from a copy of the first's event, then both collect ideas.
struct TwoKiosks {
    fixtures::TempFile a{"kiosk-a.db"};
    fixtures::TempFile b{"kiosk-b.db"};
    fixtures::ManualClock clock;
    std::string event;

    TwoKiosks() {
        Store first(a.path, fixtures::options(clock, 1, "kiosk-a"));
        event = first.createEvent(fixtures::conference(3));
        Store second(b.path, fixtures::options(clock, 2, "kiosk-b"));
        second.insertEventRecord(*first.event(event));
        second.activateEvent(event);
        for (auto* store : {&first, &second}) {
            for (int i = 0; i < 4; ++i) {
                clock.advance(1000);
                const auto idea = store->submitIdea(event, fixtures::idea(store->kioskId() + " Idee " + std::to_string(i)));
                const auto session = store->startSession(event, "de");
                store->castVote(session, idea.id);
                if (i == 3) store->retractVote(session, idea.id);
            }
        }
        const auto ideas = first.ideas(event);
        first.mergeIdea(ideas[1].id, ideas[0].id, "test");
    }
};

using Snapshot = std::set<std::tuple<std::string, std::string, std::string, int>>;

Snapshot snapshot(Store& store, const std::string& event) {
    IdeaQuery all;
    all.statuses = {IdeaStatus::Pending, IdeaStatus::Published, IdeaStatus::Hidden, IdeaStatus::Merged};
    Snapshot result;
    for (const auto& i : store.ideas(event, all)) result.emplace(i.id, i.title, toString(i.status), i.votes);
    return result;
}

}  // namespace

TEST_SUITE("merge") {
    TEST_CASE("merging is a union by id, idempotent and order-independent") {
        TwoKiosks kiosks;
        fixtures::TempFile ab("ab.db"), ba("ba.db");
        fixtures::ManualClock clock;
        Store outAB(ab.path, fixtures::options(clock, 3, "office"));
        Store outBA(ba.path, fixtures::options(clock, 4, "office"));
        const auto first = mergeDatabase(outAB, kiosks.a.path);
        CHECK(first.ideas.added == 4);
        CHECK(first.votes.added == 5);
        mergeDatabase(outAB, kiosks.b.path);
        mergeDatabase(outBA, kiosks.b.path);
        mergeDatabase(outBA, kiosks.a.path);
        CHECK(snapshot(outAB, kiosks.event).size() == 8);
        CHECK(snapshot(outAB, kiosks.event) == snapshot(outBA, kiosks.event));
        CHECK(outAB.voteEvents(kiosks.event).size() == 10);
        SUBCASE("a second merge adds nothing") {
            const auto again = mergeDatabase(outAB, kiosks.b.path);
            CHECK(again.ideas.added == 0);
            CHECK(again.votes.added == 0);
            CHECK(again.ideas.present == 4);
        }
        SUBCASE("numbers two kiosks both gave away are reported") {
            CHECK(outAB.check().ok);
            const auto renumbered = mergeDatabase(outBA, kiosks.a.path).renumbered;
            CHECK(renumbered.empty());  // nothing new the second time
        }
    }

    TEST_CASE("a failing merge leaves the output unchanged") {
        TwoKiosks kiosks;
        fixtures::TempFile out("out.db"), garbage("garbage.db");
        Store target(out.path);
        mergeDatabase(target, kiosks.a.path);
        const auto before = snapshot(target, kiosks.event);
        std::ofstream(garbage.path) << "not a database at all, just text" << std::string(5000, '!');
        CHECK_THROWS_AS(mergeDatabase(target, garbage.path), StoreError);
        SUBCASE("a row that breaks a rule rolls back the whole merge") {
            {
                Store b(kiosks.b.path);
                b.db().exec("UPDATE ideas SET language = 'xx' WHERE number = 4");  // as a damaged kiosk file would
            }
            CHECK_THROWS_AS(mergeDatabase(target, kiosks.b.path), RuleError);
        }
        CHECK(snapshot(target, kiosks.event) == before);
    }
}

TEST_SUITE("backup") {
    TEST_CASE("backup then restore gives the same data, and bad input touches nothing") {
        TwoKiosks kiosks;
        fixtures::TempFile copy("copy.db"), restored("restored.db");
        {
            Store source(kiosks.a.path);
            backupDatabase(source, copy.path);
        }
        restoreDatabase(copy.path, restored.path);
        Store original(kiosks.a.path), back(restored.path);
        CHECK(snapshot(back, kiosks.event) == snapshot(original, kiosks.event));
        CHECK(back.check().ok);
        SUBCASE("restoring garbage is refused and the destination is untouched") {
            fixtures::TempFile garbage("garbage-backup.db");
            std::ofstream(garbage.path) << std::string(9000, 'g');
            CHECK_THROWS_AS(restoreDatabase(garbage.path, restored.path), StoreError);
            Store reopened(restored.path);
            CHECK(snapshot(reopened, kiosks.event) == snapshot(original, kiosks.event));
        }
        SUBCASE("a backup into a missing folder fails clearly") {
            CHECK_THROWS_WITH_AS(backupDatabase(original, "/nonexistent-folder/x.db"), doctest::Contains("does not exist"),
                                 StoreError);
        }
    }
}
