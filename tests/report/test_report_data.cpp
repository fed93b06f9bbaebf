// The report's figures, gathered from small events on :memory: databases.
#include "../storage/fixtures.h"
#include "report/report_data.h"
#include "report/texts.h"
#include "storage/moderation.h"

#include <doctest/doctest.h>

#include <cstdlib>

using namespace storage;

namespace {

struct SmallEvent {
    fixtures::ManualClock clock;  // 17:00 UTC
    Store store{":memory:", fixtures::options(clock)};
    std::string event;
    std::string cafe, fest, tour, spam, twin;

    SmallEvent() {
        setenv("TZ", "UTC", 1);
        tzset();
        auto settings = fixtures::conference(3);
        settings.startsOn = "2009-12-17";
        event = store.createEvent(settings);
        const auto turkishSession = store.startSession(event, "tr");
        auto turkish = fixtures::idea("Mahalle şenliği", "begegnung");
        turkish.language = "tr";
        fest = store.submitIdea(event, turkish, turkishSession).id;
        cafe = store.submitIdea(event, fixtures::idea("Sprachcafé", "sprache")).id;
        clock.advance(3600 * 1000);
        tour = store.submitIdea(event, fixtures::idea("Stadtrundfahrten mit Migranten", "begegnung")).id;
        spam = store.submitIdea(event, fixtures::idea("Werbung für Autohaus", "")).id;
        twin = store.submitIdea(event, fixtures::idea("Sprach-Café", "sprache")).id;
        store.castVote(turkishSession, fest);
        store.castVote(turkishSession, cafe);
        const auto german = store.startSession(event, "de");
        store.castVote(german, cafe);
        store.castVote(german, tour);
        store.retractVote(german, tour);
        moderateIdea(store, spam, ModerationVerb::Hide, "cli:anna", "Werbung");
        store.mergeIdea(twin, cafe, "cli:anna");
        store.startSession(event, "en");  // did nothing
    }
};

// "label ideas/votes" of each group, in order: one line to compare, printed whole when it differs.
std::string counts(const std::vector<report::GroupCount>& groups) {
    std::string line;
    for (const auto& g : groups) {
        if (!line.empty()) line += ", ";
        line += g.label + " " + std::to_string(g.ideas) + "/" + std::to_string(g.votes);
    }
    return line;
}

}  // namespace

TEST_SUITE("report_data") {
    TEST_CASE("key figures, ranking and shares come from the votes that count") {
        SmallEvent e;
        const auto data = report::gatherReport(e.store, e.event);
        CHECK(data.title == "Integrationskonferenz");
        CHECK(data.venue == "Glashaus");
        CHECK(data.startsOn == "2009-12-17");
        CHECK(data.voteBudget == 3);
        CHECK(data.key.ideas == 5);
        CHECK(data.key.published == 3);
        CHECK(data.key.votes == 3);
        CHECK(data.key.participants == 2);
        CHECK(data.key.sessions == 3);
        REQUIRE(data.key.sessionsBySource.size() == 1);
        CHECK(data.key.sessionsBySource[0].second == 3);
        REQUIRE(data.ranking.size() == 3);
        CHECK(data.ranking[0].title == "Sprachcafé");
        CHECK(data.ranking[0].topic == "Sprache");
        CHECK(data.ranking[0].votes == 2);
        CHECK(data.ranking[0].share == doctest::Approx(2.0 / 3.0));
        CHECK(data.ranking[1].title == "Mahalle şenliği");
        CHECK(data.ranking[2].votes == 0);
        SUBCASE("the top N is a cut of the same order") {
            report::ReportOptions options;
            options.top = 1;
            const auto top = report::gatherReport(e.store, e.event, options);
            REQUIRE(top.ranking.size() == 1);
            CHECK(top.ranking[0].number == data.ranking[0].number);
        }
        SUBCASE("sessions from phones are counted apart from the kiosk that served them") {
            e.store.startPhoneSession(e.event, "de", "0123456789abcdef");
            const auto withPhone = report::gatherReport(e.store, e.event);
            REQUIRE(withPhone.key.sessionsBySource.size() == 2);
            CHECK(withPhone.key.sessionsBySource[0].second == 3);
            CHECK(withPhone.key.sessionsBySource[1].first.rfind("phone:", 0) == 0);
            CHECK(withPhone.key.sessionsBySource[1].second == 1);
        }
    }

    TEST_CASE("per topic, per hour and per language, in the report's language") {
        SmallEvent e;
        report::ReportOptions turkish;
        turkish.language = "tr";
        const auto data = report::gatherReport(e.store, e.event, turkish);
        REQUIRE(data.bestPerTopic.size() == 2);
        CHECK(data.bestPerTopic[0].topic == "Tanışma");
        CHECK(data.bestPerTopic[0].ideas[0].title == "Mahalle şenliği");
        CHECK(data.bestPerTopic[1].topic == "Dil");
        CHECK(counts(data.perTopic) == "Tanışma 2/1, Dil 2/2, (konusuz) 1/0");
        CHECK(counts(data.perHour) == "17 2/0, 18 3/3");  // the votes came at 18:00
        // de, tr, en always, the others only when used; a vote counts for its voter's language
        CHECK(counts(data.perLanguage) == "Almanca 4/1, Türkçe 1/2, İngilizce 0/0");
    }

    TEST_CASE("moderation in numbers keeps the reasons and no names") {
        SmallEvent e;
        const auto data = report::gatherReport(e.store, e.event);
        CHECK(data.moderation.pending == 0);
        CHECK(data.moderation.hidden == 1);
        CHECK(data.moderation.merged == 1);
        REQUIRE(data.moderation.hiddenReasons.size() == 1);
        CHECK(data.moderation.hiddenReasons[0] == std::pair<std::string, int>{"Werbung", 1});
        SUBCASE("an idea shown again leaves the reasons") {
            moderateIdea(e.store, e.spam, ModerationVerb::Unhide, "cli:anna", "");
            const auto again = report::gatherReport(e.store, e.event);
            CHECK(again.moderation.hidden == 0);
            CHECK(again.moderation.hiddenReasons.empty());
        }
    }

    TEST_CASE("hours past midnight follow the evening they belong to") {
        setenv("TZ", "UTC", 1);
        tzset();
        fixtures::ManualClock clock;  // 17:00 UTC
        Store store(":memory:", fixtures::options(clock));
        const auto event = store.createEvent(fixtures::conference());
        for (int hours : {5, 1, 1, 1}) {  // 22:00, 23:00, 00:00, 01:00
            clock.advance(hours * 3600 * 1000LL);
            store.submitIdea(event, fixtures::idea("Idee " + std::to_string(*clock.now)));
        }
        const auto data = report::gatherReport(store, event);
        REQUIRE(data.perHour.size() == 4);
        CHECK(data.perHour[0].label == "22");
        CHECK(data.perHour[3].label == "01");
    }

    TEST_CASE("an event without votes or ideas has zeros, not errors") {
        fixtures::ManualClock clock;
        Store store(":memory:", fixtures::options(clock));
        const auto event = store.createEvent(fixtures::conference());
        auto data = report::gatherReport(store, event);
        CHECK(data.key.ideas == 0);
        CHECK(data.ranking.empty());
        CHECK(data.perHour.empty());
        CHECK(data.perTopic.size() == 2);
        store.submitIdea(event, fixtures::idea("Lesepaten"));
        data = report::gatherReport(store, event);
        REQUIRE(data.ranking.size() == 1);
        CHECK(data.ranking[0].share == 0.0);
        CHECK(fixtures::codeOf([&] { report::gatherReport(store, "nope"); }) == "unknown_event");
    }
}

TEST_SUITE("report_texts") {
    TEST_CASE("numbers and shares are written as each language writes them") {
        CHECK(report::formatCount("de", 10000) == "10.000");
        CHECK(report::formatCount("en", 1234567) == "1,234,567");
        CHECK(report::formatCount("tr", 999) == "999");
        CHECK(report::formatShare("de", 0.125) == "12,5\u00A0%");
        CHECK(report::formatShare("tr", 0.5) == "%50,0");
        CHECK(report::formatShare("en", 1.0 / 3.0) == "33.3%");
        CHECK(report::text("tr", "ranking") == "Sıralama");
        CHECK(report::text("fr", "ranking") == "Rangliste");
        CHECK(report::text("de", "no_such_key") == "no_such_key");
    }
}
