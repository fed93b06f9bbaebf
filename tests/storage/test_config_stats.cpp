// Event TOML, statistics and demo data.
#include "fixtures.h"
#include "storage/demo.h"
#include "storage/event_config.h"
#include "storage/stats.h"

#include <doctest/doctest.h>

#include <set>

using namespace storage;

namespace {

std::string errorOf(const std::string& toml) {
    return fixtures::messageOf([&] { parseEventToml(toml, "event.toml"); });
}

}  // namespace

TEST_SUITE("event_config") {
    TEST_CASE("the example event loads with its categories in three languages") {
        const auto s = loadEventToml(std::string(IDEEN_SOURCE_DIR) + "/assets/event.example.toml");
        CHECK(s.title.find("Integrationskonferenz") != std::string::npos);
        CHECK(s.venue == "Glashaus Herten");
        CHECK(s.categories.size() >= 5);
        CHECK(s.categories.size() <= 7);
        for (const auto& c : s.categories) {
            CHECK(c.names.count("de"));
            CHECK(c.names.count("tr"));
            CHECK(c.names.count("en"));
        }
        SUBCASE("and survives a round trip through TOML") {
            const auto again = parseEventToml(eventToToml(s), "again.toml");
            CHECK(again.title == s.title);
            CHECK(again.voteBudget == s.voteBudget);
            auto suspense = s;
            suspense.countsAfterReveal = true;
            CHECK(parseEventToml(eventToToml(suspense), "suspense.toml").countsAfterReveal);
            CHECK_FALSE(again.countsAfterReveal);
            CHECK(again.categories.size() == s.categories.size());
            CHECK(again.categories[2].names == s.categories[2].names);
        }
    }

    TEST_CASE("bad files give one clear error naming file, line or key") {
        CHECK(errorOf("venue = \"x\"") == "event.toml: 'title' is missing");
        CHECK(errorOf("title = \"A\"\nvote_budget = 0") == "event.toml: 'vote_budget' must be a whole number from 1 to 50");
        CHECK(errorOf("title = \"A\"\nmoderation = \"sometimes\"").find("'moderation'") != std::string::npos);
        CHECK(errorOf("title = \"A\"\n[[categories]]\nkey = \"k\"\ncolor = \"red\"\nnames = { de = \"K\" }")
                  .find("categories[0].color") != std::string::npos);
        CHECK(errorOf("title = \"A\nbroken").rfind("event.toml:1", 0) == 0);
        CHECK(errorOf("title = \"\xC3\x28\"").find("not valid UTF-8") != std::string::npos);
        CHECK(errorOf("title = \"" + std::string(10000, 'x') + "\"").find("at most 120") != std::string::npos);
        CHECK(errorOf("title = \"A\"\nshow_counts = \"yes\"") == "event.toml: 'show_counts' must be true or false");
        // The store refuses a repeated key; the loader says so first, naming the file and the entry.
        CHECK(errorOf("title = \"A\"\n[[categories]]\nkey = \"k\"\nnames = { de = \"K\" }\n[[categories]]\nkey = \"k\"\n"
                      "names = { de = \"L\" }") == "event.toml: categories[1].key 'k' is used twice");
        CHECK(errorOf("title = \"A\"\nvenue = \"" + std::string(201, 'v') + "\"").find("at most 200") != std::string::npos);
        CHECK(errorOf("title = \"\u200D\u200D\"") == "event.toml: 'title': the title is empty");
        CHECK(errorOf("title = \"A\"\n[[categories]]\nkey = \"k\"\ncolor = \"\u202Ered\"\nnames = { de = \"K\" }")
                  .find("not 'red'") != std::string::npos);
    }
}

TEST_SUITE("stats") {
    TEST_CASE("statistics count what happened") {
        setenv("TZ", "UTC", 1);
        tzset();
        fixtures::ManualClock clock;  // 17:00 UTC
        Store store(":memory:", fixtures::options(clock));
        const auto event = store.createEvent(fixtures::conference(3));
        const auto session = store.startSession(event, "tr");
        auto turkish = fixtures::idea("Mahalle şenliği", "begegnung");
        turkish.language = "tr";
        const auto a = store.submitIdea(event, turkish, session).id;
        clock.advance(3600 * 1000);
        const auto b = store.submitIdea(event, fixtures::idea("Sprachcafé", "sprache")).id;
        store.castVote(session, a);
        store.castVote(session, b);
        store.retractVote(session, b);
        store.startSession(event, "de");  // a session that did nothing
        const auto stats = computeStats(store, event);
        CHECK(stats.ideas == 2);
        CHECK(stats.liveVotes == 1);
        CHECK(stats.retractions == 1);
        CHECK(stats.sessions == 2);
        CHECK(stats.participants == 1);
        CHECK(stats.perHour.at(17).first == 1);
        CHECK(stats.perHour.at(18) == std::pair{1, 1});
        CHECK(stats.perCategory.at("Begegnung") == std::pair{1, 1});
        CHECK(stats.ideasPerLanguage.at("tr") == 1);
        CHECK(formatStatsTable(stats).find("Sprache") != std::string::npos);
        CHECK(statsToJson(stats)["votes"] == 1);
        const auto live = liveTotals(store, event);
        CHECK(live.ideas == 2);
        CHECK(live.votes == stats.liveVotes);
        CHECK(live.participants == stats.participants);
    }
}

TEST_SUITE("demo") {
    TEST_CASE("demo data has the counts asked for, respects budgets and is deterministic") {
        auto make = [](std::uint64_t seed) {
            fixtures::ManualClock clock;
            auto store = std::make_unique<Store>(":memory:", fixtures::options(clock));
            const auto event = store->createEvent(demoEventSettings());
            fillDemo(*store, event, 120, 700, seed);
            return std::pair{std::move(store), event};
        };
        auto [store, event] = make(1);
        CHECK(store->ideas(event).size() == 120);
        CHECK(store->voteEvents(event).size() == 700);
        int counted = 0;
        for (const auto& s : store->sessions(event)) {
            CHECK(s.votesUsed <= 5);
            counted += s.votesUsed;
        }
        CHECK(counted == 700);
        CHECK(store->check().ok);
        std::set<std::string> languages;
        for (const auto& i : store->ideas(event)) languages.insert(i.language);
        CHECK(languages == std::set<std::string>{"de", "en", "tr"});
        auto [again, againEvent] = make(1);
        CHECK(again->ideas(againEvent)[7].title == store->ideas(event)[7].title);
        CHECK(again->ideas(againEvent)[7].votes == store->ideas(event)[7].votes);
    }
}
