// The moderators' PIN: hashing, wrong tries, lockout doubling, and a lockout that survives a restart.
#include "fixtures.h"
#include "storage/pin.h"

#include <SQLiteCpp/Statement.h>
#include <doctest/doctest.h>

using namespace storage;
using Result = PinAttempt::Result;

namespace {

void failTimes(Store& store, int n) {
    for (int i = 0; i < n; ++i) REQUIRE((checkPin(store, "0000").result == Result::Wrong));
}

}  // namespace

TEST_SUITE("pin") {
    TEST_CASE("lockout grows from 60 s, doubling with each further wrong try") {
        CHECK(pinLockoutSeconds(0) == 0);
        CHECK(pinLockoutSeconds(4) == 0);
        CHECK(pinLockoutSeconds(5) == 60);
        CHECK(pinLockoutSeconds(6) == 120);
        CHECK(pinLockoutSeconds(7) == 240);
        CHECK(pinLockoutSeconds(1000) == 24 * 3600);
    }

    TEST_CASE("a PIN is stored as a salted hash and checked") {
        fixtures::ManualClock clock;
        Store store(":memory:", fixtures::options(clock));
        CHECK_FALSE(pinIsSet(store));
        CHECK((checkPin(store, "1234").result == Result::NotSet));
        setPin(store, "4711");
        CHECK(pinIsSet(store));
        SQLite::Statement hash(store.db(), "SELECT value FROM meta WHERE key = 'pin_hash'");
        REQUIRE(hash.executeStep());
        const std::string stored = hash.getColumn(0).getString();
        CHECK(stored.rfind("$argon2id$", 0) == 0);
        CHECK(stored.find("4711") == std::string::npos);
        CHECK((checkPin(store, "4711").result == Result::Accepted));
        const auto wrong = checkPin(store, "4712");
        CHECK((wrong.result == Result::Wrong));
        CHECK(wrong.triesLeft == 4);
        SUBCASE("setting the same PIN again gives another salt") {
            setPin(store, "4711");
            SQLite::Statement again(store.db(), "SELECT value FROM meta WHERE key = 'pin_hash'");
            REQUIRE(again.executeStep());
            CHECK(again.getColumn(0).getString() != stored);
        }
        SUBCASE("bad PINs are refused and change nothing") {
            for (const char* bad : {"", "123", "123456789", "12a4", "１２３４", "12 34"}) {
                CHECK_THROWS_WITH_AS(setPin(store, bad), doctest::Contains("4 to 8 digits"), RuleError);
            }
            CHECK((checkPin(store, "4711").result == Result::Accepted));
        }
    }

    TEST_CASE("five wrong tries lock entry, and while locked even the right PIN is not checked") {
        fixtures::ManualClock clock;
        Store store(":memory:", fixtures::options(clock));
        setPin(store, "2009");
        failTimes(store, 4);
        const auto fifth = checkPin(store, "0000");
        CHECK((fifth.result == Result::Wrong));
        CHECK(fifth.lockedSeconds == 60);
        const auto locked = checkPin(store, "2009");
        CHECK((locked.result == Result::Locked));
        CHECK(locked.lockedSeconds == 60);
        clock.advance(59000);
        CHECK((checkPin(store, "2009").result == Result::Locked));
        clock.advance(1000);
        SUBCASE("after the lockout the right PIN opens and resets the count") {
            CHECK((checkPin(store, "2009").result == Result::Accepted));
            CHECK(pinStatus(store).triesLeft == kPinFreeTries);
            failTimes(store, 4);
            CHECK((pinStatus(store).result == Result::Accepted));
        }
        SUBCASE("another wrong try doubles the lockout") {
            CHECK(checkPin(store, "1111").lockedSeconds == 120);
            clock.advance(119000);
            CHECK((checkPin(store, "2009").result == Result::Locked));
            clock.advance(1000);
            CHECK(checkPin(store, "2222").lockedSeconds == 240);
        }
    }

    TEST_CASE("the lockout survives a restart") {
        fixtures::TempFile file("pin.db");
        fixtures::ManualClock clock;
        {
            Store store(file.path, fixtures::options(clock));
            setPin(store, "2009");
            failTimes(store, 5);
        }
        clock.advance(30000);
        Store reopened(file.path, fixtures::options(clock));
        const auto status = pinStatus(reopened);
        CHECK((status.result == Result::Locked));
        CHECK(status.lockedSeconds == 30);
        CHECK((checkPin(reopened, "2009").result == Result::Locked));
    }
}
