// The kiosk's view model: rebuilt after a commit or when the attendee changes order or filter, not every frame.
#include "tests/app/app_fixtures.h"

#include "kiosk/app/present/model_cache.h"
#include "storage/phone_address.h"

#include <doctest/doctest.h>

using namespace kiosk;

namespace {

// What the writer does after a commit: a new snapshot only when the store's change counter moved.
struct Snapshots {
    storage::Store& store;
    storage::Event event;
    std::shared_ptr<const app::WriterSnapshot> last;

    std::shared_ptr<const app::WriterSnapshot> current() {
        if (!last || last->change != store.changeCounter()) {
            last = std::make_shared<const app::WriterSnapshot>(app::readSnapshot(store, event, 1));
        }
        return last;
    }
};

}  // namespace

TEST_SUITE("model_cache") {
    TEST_CASE("the attract screen's join code: only when asked for, while a phone server serves") {
        app_fixtures::ConferenceStore c;
        Snapshots snapshots{*c.store, *c.store->event(c.eventId), nullptr};
        core::KioskState state;
        app::ModelCache asked;
        asked.joinOnAttract = true;
        app::ModelCache notAsked;
        CHECK(asked.refresh(snapshots.current(), state));
        CHECK_FALSE(asked.model().join.shown());
        storage::recordPhonesUrl(*c.store, "http://192.168.1.10:8080/");
        CHECK(snapshots.current()->phonesUrl == "http://192.168.1.10:8080/");
        CHECK(asked.refresh(snapshots.current(), state));
        CHECK(asked.model().join.url == "http://192.168.1.10:8080/");
        CHECK(asked.model().join.shown());
        CHECK(notAsked.refresh(snapshots.current(), state));
        CHECK_FALSE(notAsked.model().join.shown());
        storage::clearPhonesUrl(*c.store, "http://192.168.1.10:8080/");
        CHECK(asked.refresh(snapshots.current(), state));
        CHECK_FALSE(asked.model().join.shown());
    }

    TEST_CASE("builds once, then only after a change") {
        app_fixtures::ConferenceStore c;
        c.add("Sprachcafé");
        c.add("Stadtrundfahrten mit Migranten", "sprache");
        Snapshots snapshots{*c.store, *c.store->event(c.eventId), nullptr};
        core::KioskState state;
        app::ModelCache cache;
        CHECK(cache.refresh(snapshots.current(), state));
        CHECK(cache.model().eventTitle == "Integrationskonferenz");
        CHECK(cache.model().totalIdeas == 2);
        CHECK(cache.model().ideas.size() == 2);
        CHECK(cache.model().categories.size() == 2);
        CHECK_FALSE(cache.refresh(snapshots.current(), state));

        SUBCASE("a commit rebuilds it") {
            c.add("Kochabend der Kulturen");
            CHECK(cache.refresh(snapshots.current(), state));
            CHECK(cache.model().totalIdeas == 3);
        }
        SUBCASE("a category filter keeps the total and lists only that category") {
            state.categoryFilter = "sprache";
            CHECK(cache.refresh(snapshots.current(), state));
            REQUIRE(cache.model().ideas.size() == 1);
            CHECK(cache.model().ideas[0].category == "sprache");
            CHECK(cache.model().totalIdeas == 2);
        }
        SUBCASE("a new order reorders") {
            state.order = core::BrowseOrder::Newest;
            CHECK(cache.refresh(snapshots.current(), state));
            CHECK(cache.model().ideas.front().number == 2);
        }
        SUBCASE("settings changed by the moderators show after the next commit") {
            c.store->setVotingOpen(c.eventId, false, "test");
            CHECK(cache.refresh(snapshots.current(), state));
            CHECK_FALSE(cache.model().votingOpen);
        }
    }

    TEST_CASE("an unusable snapshot (the file not open) keeps the last model") {
        app_fixtures::ConferenceStore c;
        c.add("Sprachcafé");
        Snapshots snapshots{*c.store, *c.store->event(c.eventId), nullptr};
        core::KioskState state;
        app::ModelCache cache;
        CHECK_FALSE(cache.refresh(std::make_shared<const app::WriterSnapshot>(), state));
        CHECK(cache.refresh(snapshots.current(), state));
        CHECK_FALSE(cache.refresh(std::make_shared<const app::WriterSnapshot>(), state));
        CHECK(cache.model().totalIdeas == 1);
    }
}
