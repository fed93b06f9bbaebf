// The kiosk's connection: opened on demand, counted, dropped after a failure; a file it cannot use is no exit.
#include "app_fixtures.h"

#include "kiosk/app/logic/store_keeper.h"

#include <doctest/doctest.h>

using namespace kiosk;

TEST_SUITE("store_keeper") {
    TEST_CASE("opens the file with its active event, and again after a drop") {
        fixtures::TempFile file("keeper.db");
        std::string eventId;
        {
            app_fixtures::ConferenceStore c(file.path);
            eventId = c.eventId;
        }
        app::StoreKeeper keeper(file.path, {});
        CHECK(keeper.current() == nullptr);  // nothing is opened before it is asked for
        storage::Store* store = keeper.get();
        REQUIRE(store != nullptr);
        CHECK(keeper.get() == store);
        CHECK(keeper.opens() == 1);
        CHECK(keeper.event().id == eventId);
        keeper.drop();
        CHECK(keeper.current() == nullptr);
        REQUIRE(keeper.get() != nullptr);
        CHECK(keeper.opens() == 2);
    }

    TEST_CASE("a file without an active event cannot be used yet") {
        fixtures::TempFile file("keeper-empty.db");
        { storage::Store empty(file.path); }
        app::StoreKeeper keeper(file.path, {});
        CHECK(keeper.get() == nullptr);
        CHECK(keeper.opens() == 0);
    }

    TEST_CASE("the store says whether its connection is read-only") {
        fixtures::TempFile file("keeper-readonly.db");
        { app_fixtures::ConferenceStore c(file.path); }
        SUBCASE("opened for writing") {
            storage::Store store(file.path);
            CHECK_FALSE(store.readOnly());
        }
        SUBCASE("opened for reading only") {
            storage::StoreOptions options;
            options.readOnly = true;
            storage::Store store(file.path, options);
            CHECK(store.readOnly());
        }
    }
}
