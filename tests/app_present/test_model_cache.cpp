// The kiosk's view model: rebuilt after a commit or when the attendee changes order or filter, not every frame.
#include "tests/app/app_fixtures.h"

#include "kiosk/app/present/model_cache.h"

#include <doctest/doctest.h>

using namespace kiosk;

TEST_SUITE("model_cache") {
    TEST_CASE("builds once, then only after a change") {
        app_fixtures::ConferenceStore c;
        c.add("Sprachcafé");
        c.add("Stadtrundfahrten mit Migranten", "sprache");
        const auto event = *c.store->event(c.eventId);
        core::KioskState state;
        app::ModelCache cache;
        CHECK(cache.refresh(*c.store, event, state));
        CHECK(cache.model().eventTitle == "Integrationskonferenz");
        CHECK(cache.model().totalIdeas == 2);
        CHECK(cache.model().ideas.size() == 2);
        CHECK(cache.model().categories.size() == 2);
        CHECK_FALSE(cache.refresh(*c.store, event, state));

        SUBCASE("a commit rebuilds it") {
            c.add("Kochabend der Kulturen");
            CHECK(cache.refresh(*c.store, event, state));
            CHECK(cache.model().totalIdeas == 3);
        }
        SUBCASE("a category filter keeps the total and lists only that category") {
            state.categoryFilter = "sprache";
            CHECK(cache.refresh(*c.store, event, state));
            REQUIRE(cache.model().ideas.size() == 1);
            CHECK(cache.model().ideas[0].category == "sprache");
            CHECK(cache.model().totalIdeas == 2);
        }
        SUBCASE("a new order reorders") {
            state.order = core::BrowseOrder::Newest;
            CHECK(cache.refresh(*c.store, event, state));
            CHECK(cache.model().ideas.front().number == 2);
        }
        SUBCASE("settings changed by the moderators show after the next commit") {
            c.store->setVotingOpen(c.eventId, false, "test");
            CHECK(cache.refresh(*c.store, event, state));
            CHECK_FALSE(cache.model().votingOpen);
        }
    }

    TEST_CASE("through the keeper: no store means no change, and a new connection rebuilds") {
        fixtures::TempFile file("model-cache.db");
        {
            app_fixtures::ConferenceStore c(file.path);
            c.add("Sprachcafé");
        }
        core::KioskState state;
        app::ModelCache cache;
        app::StoreKeeper keeper(file.path, {});
        CHECK_FALSE(cache.refresh(keeper, state));  // nothing opened yet: the last model stays
        REQUIRE(keeper.get() != nullptr);
        CHECK(cache.refresh(keeper, state));
        CHECK_FALSE(cache.refresh(keeper, state));
        keeper.drop();
        REQUIRE(keeper.get() != nullptr);
        CHECK(cache.refresh(keeper, state));
        CHECK(cache.model().totalIdeas == 1);
    }
}
