// The projector's presentation policy on a real store: the ranking, the reveal, pinning, freezing, the automation file.
#include "tests/app/app_fixtures.h"

#include "kiosk/app/present/phones_join.h"
#include "kiosk/app/present/projector_model.h"
#include "storage/phone_address.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

using namespace kiosk;

namespace {

std::vector<int> numbers(const std::vector<ui::ProjectorModel::Entry>& entries) {
    std::vector<int> list;
    for (const auto& e : entries) list.push_back(e.number);
    return list;
}

// Ideas #1..#3; #2 gets two votes, #3 one: the ranking is 2, 3, 1 and the newest 3, 2, 1.
void voteSome(app_fixtures::ConferenceStore& c) {
    const auto one = c.add("Sprachcafé");
    const auto two = c.add("Stadtrundfahrten mit Migranten", "sprache");
    const auto three = c.add("Kochabend der Kulturen");
    (void)one;
    const auto a = c.store->startSession(c.eventId, "de");
    const auto b = c.store->startSession(c.eventId, "tr");
    c.store->castVote(a, two.id);
    c.store->castVote(b, two.id);
    c.store->castVote(a, three.id);
}

}  // namespace

TEST_SUITE("projector_model") {
    TEST_CASE("the join code follows the phone server's address in the database, with a short label") {
        app_fixtures::ConferenceStore c;
        CHECK_FALSE(app::loadProjector(*c.store).join.shown());
        storage::recordPhonesUrl(*c.store, "http://192.168.1.10:8080/");
        const auto model = app::loadProjector(*c.store);
        REQUIRE(model.join.shown());
        CHECK(model.join.url == "http://192.168.1.10:8080/");
        CHECK(model.join.label == "192.168.1.10:8080");
        CHECK(model.join.size == 25);  // version 2 at medium error correction: 26 bytes fit
        CHECK(model.join.dark.size() == 25u * 25u);
        CHECK(model.join.at(0, 0));    // the finder pattern's corner
        CHECK_FALSE(model.join.at(7, 7));
        CHECK(nlohmann::json::parse(app::projectorAutomation(model, 8))["join_url"] == "http://192.168.1.10:8080/");
        storage::clearPhonesUrl(*c.store, "http://192.168.1.10:8080/");
        CHECK_FALSE(app::loadProjector(*c.store).join.shown());
        CHECK(app::joinCodeFor("http://[fd00::1]:8080/").label == "[fd00::1]:8080");
    }

    TEST_CASE("the projector turns only through the event's languages, in the event's order") {
        app_fixtures::ConferenceStore c;
        const auto catalog = core::Catalog::load(std::string(IDEEN_SOURCE_DIR) + "/assets/i18n");
        const auto turns = [&](const ui::ProjectorModel& model) {
            std::vector<std::string> spoken;
            for (int turn = 0; turn < 4; ++turn) {
                spoken.push_back(ui::ProjectorView::turnLanguage(model, catalog, (turn + 0.5) * ui::ProjectorView::kTurnSeconds));
            }
            return spoken;
        };
        CHECK(app::loadProjector(*c.store).languages == storage::offerableLanguages());
        CHECK(turns(app::loadProjector(*c.store)) == std::vector<std::string>{"de", "de-einfach", "tr", "en"});
        auto settings = c.store->event(c.eventId)->settings;
        settings.languages = {"tr", "ar", "de"};
        c.store->updateEventSettings(c.eventId, settings, "cli");
        const auto model = app::loadProjector(*c.store);
        CHECK(model.languages == std::vector<std::string>{"tr", "ar", "de"});
        CHECK(turns(model) == std::vector<std::string>{"tr", "ar", "de", "tr"});
    }

    TEST_CASE("live counts: the ranking by votes, the newest first in the ticker, the totals") {
        app_fixtures::ConferenceStore c;
        voteSome(c);
        const auto model = app::loadProjector(*c.store);
        CHECK(model.title == "Integrationskonferenz");
        CHECK(model.venue == "Glashaus");
        CHECK(model.showCounts);
        CHECK_FALSE(model.awaitingReveal);
        CHECK(numbers(model.ranking) == std::vector<int>{2, 3, 1});
        CHECK(numbers(model.newest) == std::vector<int>{3, 2, 1});
        CHECK(model.ranking[0].votes == 2);
        CHECK(model.ranking[0].category == "Sprache");  // the hall's language
        CHECK(model.ideas == 3);
        CHECK(model.votes == 3);
        CHECK(model.participants == 2);
        CHECK(model.categories.size() == 2);
    }

    TEST_CASE("before the reveal the order would give the counts away: the newest first instead") {
        app_fixtures::ConferenceStore c;
        voteSome(c);
        auto settings = c.store->event(c.eventId)->settings;
        settings.countsAfterReveal = true;
        c.store->updateEventSettings(c.eventId, settings, "test");
        const auto hidden = app::loadProjector(*c.store);
        CHECK(hidden.awaitingReveal);
        CHECK_FALSE(hidden.showCounts);
        CHECK(numbers(hidden.ranking) == std::vector<int>{3, 2, 1});
        SUBCASE("revealed, the ranking is back") {
            c.store->setCountsRevealed(c.eventId, true, "test");
            const auto shown = app::loadProjector(*c.store);
            CHECK_FALSE(shown.awaitingReveal);
            CHECK(numbers(shown.ranking) == std::vector<int>{2, 3, 1});
        }
    }

    TEST_CASE("the ticker holds the five newest, pinned ideas are listed apart") {
        app_fixtures::ConferenceStore c;
        for (int i = 1; i <= 7; ++i) c.add("Idee Nummer " + std::to_string(i));
        const auto pinned = c.store->ideaByNumber(c.eventId, 4);
        c.store->setPinned(pinned->id, true, "test");
        const auto model = app::loadProjector(*c.store);
        CHECK(numbers(model.newest) == std::vector<int>{7, 6, 5, 4, 3});
        CHECK(numbers(model.pinned) == std::vector<int>{4});
        CHECK(model.ranking.size() == 7);
    }

    TEST_CASE("a frozen projector keeps its picture and learns only that it is frozen") {
        ui::ProjectorModel shown;
        shown.title = "alt";
        ui::ProjectorModel fresh;
        fresh.title = "neu";
        SUBCASE("frozen") {
            fresh.frozen = true;
            const auto kept = app::followed(shown, fresh);
            CHECK(kept.title == "alt");
            CHECK(kept.frozen);
        }
        SUBCASE("live") {
            const auto followed = app::followed(shown, fresh);
            CHECK(followed.title == "neu");
            CHECK_FALSE(followed.frozen);
        }
    }

    TEST_CASE("the automation file lists the top ideas with counts only when they are shown") {
        app_fixtures::ConferenceStore c;
        voteSome(c);
        auto model = app::loadProjector(*c.store);
        const auto json = nlohmann::json::parse(app::projectorAutomation(model, 2));
        CHECK(json["screen"] == "projector");
        REQUIRE(json["ideas"].size() == 2);
        CHECK(json["ideas"][0]["number"] == 2);
        CHECK(json["ideas"][0]["count"] == 2);
        CHECK(json["totals"]["votes"] == 3);
        CHECK(json["elements"].empty());
        SUBCASE("hidden counts are null") {
            model.showCounts = false;
            CHECK(nlohmann::json::parse(app::projectorAutomation(model, 2))["ideas"][0]["count"].is_null());
        }
    }
}
