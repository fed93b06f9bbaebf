// The crash counter: counted per crash, kept across restarts, its reason one printable line; a kiosk that ended
// without a clean stop counted at the next start through its mark.
#include "fixtures.h"
#include "storage/service_log.h"
#include "storage/timefmt.h"

#include <doctest/doctest.h>

#include <stdexcept>

using namespace storage;

TEST_SUITE("service_log") {
    TEST_CASE("a fresh database has no crashes") {
        fixtures::ManualClock clock;
        Store store(":memory:", fixtures::options(clock));
        const auto record = crashRecord(store);
        CHECK(record.count == 0);
        CHECK(record.lastAt == 0);
        CHECK(record.lastReason.empty());
    }

    TEST_CASE("crashes are counted and survive a restart") {
        fixtures::TempFile file("crashes.db");
        fixtures::ManualClock clock;
        {
            Store store(file.path, fixtures::options(clock));
            CHECK(recordCrash(store, store.now(), "first").count == 1);
            clock.advance(60000);
            CHECK(recordCrash(store, store.now(), "zweiter\nFehler\x1b[31m").count == 2);
        }
        Store reopened(file.path, fixtures::options(clock));
        const auto record = crashRecord(reopened);
        CHECK(record.count == 2);
        CHECK(record.lastAt == *clock.now);
        CHECK(record.lastReason.find('\n') == std::string::npos);
        CHECK(record.lastReason.find('\x1b') == std::string::npos);
        CHECK(record.lastReason.find("zweiter") != std::string::npos);
    }

    TEST_CASE("a kiosk that ended without a clean stop is counted at the next start") {
        fixtures::ManualClock clock;
        Store store(":memory:", fixtures::options(clock));
        const RunMark first{101, "boot-a", 1000};
        const RunMark second{202, "boot-a", 2000};
        const auto gone = [](const RunMark&) { return false; };

        CHECK_FALSE(markKioskRunning(store, first, gone).has_value());  // the first start: nothing before it

        SUBCASE("stopped cleanly: nothing counted") {
            markKioskStopped(store, first);
            CHECK_FALSE(markKioskRunning(store, second, gone).has_value());
            CHECK(crashRecord(store).count == 0);
        }
        SUBCASE("killed: counted once, with when it started") {
            const auto counted = markKioskRunning(store, second, gone);
            REQUIRE(counted.has_value());
            CHECK(counted->count == 1);
            CHECK(counted->lastAt == *clock.now);
            CHECK(counted->lastReason.find("without a clean stop") != std::string::npos);
            CHECK(counted->lastReason.find(formatTimestamp(1000)) != std::string::npos);
            markKioskStopped(store, second);
            CHECK_FALSE(markKioskRunning(store, first, gone).has_value());
            CHECK(crashRecord(store).count == 1);
        }
        SUBCASE("another kiosk still running on the file is no crash") {
            RunMark asked;
            const auto running = [&](const RunMark& mark) { asked = mark; return true; };
            CHECK_FALSE(markKioskRunning(store, second, running).has_value());
            CHECK(asked.pid == first.pid);
            CHECK(asked.bootId == first.bootId);
            CHECK(asked.startedAt == first.startedAt);
            CHECK(crashRecord(store).count == 0);
        }
        SUBCASE("a stop removes only its own mark") {
            markKioskStopped(store, second);  // not the mark in the file
            CHECK(markKioskRunning(store, second, gone).has_value());
        }
        SUBCASE("an exception's crash, counted at once, is not counted again at the next start") {
            recordCrash(store, store.now(), "a frame failed");
            markKioskStopped(store, first);
            CHECK_FALSE(markKioskRunning(store, second, gone).has_value());
            CHECK(crashRecord(store).count == 1);
        }
    }

    TEST_CASE("an unreadable mark counts as a kiosk that was there") {
        fixtures::ManualClock clock;
        Store store(":memory:", fixtures::options(clock));
        store.db().exec("INSERT INTO meta(key, value) VALUES ('kiosk_running', 'garbage')");
        CHECK(markKioskRunning(store, RunMark{1, "b", 1}, [](const RunMark&) { return false; }).has_value());
    }

    TEST_CASE("a failed mark changes nothing (rolled back)") {
        fixtures::ManualClock clock;
        Store store(":memory:", fixtures::options(clock));
        markKioskRunning(store, RunMark{1, "b", 1}, [](const RunMark&) { return false; });
        const auto throwing = [](const RunMark&) -> bool { throw std::runtime_error("proc unreadable"); };
        CHECK_THROWS(markKioskRunning(store, RunMark{2, "b", 2}, throwing));
        // The first mark is still there and nothing was counted: the second start is counted against it.
        const auto counted = markKioskRunning(store, RunMark{3, "b", 3}, [](const RunMark& m) { return m.pid != 1; });
        REQUIRE(counted.has_value());
        CHECK(counted->count == 1);
    }
}
