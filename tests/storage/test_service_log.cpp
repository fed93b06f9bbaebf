// The crash counter: counted per crash, kept across restarts, its reason one printable line.
#include "fixtures.h"
#include "storage/service_log.h"

#include <doctest/doctest.h>

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
}
