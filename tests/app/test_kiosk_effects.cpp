// The kiosk's effects against a real store: each becomes the event the reducer expects, and nothing throws.
#include "app_fixtures.h"

#include "kiosk/app/logic/kiosk_effects.h"

#include <doctest/doctest.h>

using namespace kiosk;

namespace {

template <class T>
const T& only(const std::vector<core::Event>& events) {
    REQUIRE(events.size() == 1);
    REQUIRE(std::holds_alternative<T>(events.front()));
    return std::get<T>(events.front());
}

// Runs one effect on the conference store and returns the one event it answers with.
template <class T>
T answer(app_fixtures::ConferenceStore& c, const core::Effect& effect, std::uint64_t seed = 0) {
    return only<T>(app::runEffect(*c.store, c.eventId, effect, seed));
}

}  // namespace

TEST_SUITE("kiosk_effects") {
    TEST_CASE("sessions, votes and retractions are answered with the votes left") {
        app_fixtures::ConferenceStore c;
        const auto idea = c.add("Stadtrundfahrten mit Migranten");
        const auto started = answer<core::ev::SessionStarted>(c, core::fx::StartSession{"de"}, 42);
        CHECK(started.votesLeft == 3);
        CHECK(started.seed == 42);
        CHECK_FALSE(started.id.empty());

        const auto voted = answer<core::ev::VoteSettled>(c, core::fx::CastVote{started.id, idea.id});
        CHECK(voted.voted);
        CHECK(voted.votesLeft == 2);
        CHECK(c.store->voteCount(idea.id) == 1);

        SUBCASE("a second vote for the same idea is refused by the rules, not a failure") {
            const auto refused = answer<core::ev::ActionRefused>(c, core::fx::CastVote{started.id, idea.id});
            CHECK_FALSE(refused.code.empty());
            CHECK(c.store->voteCount(idea.id) == 1);
        }
        SUBCASE("a retraction gives the vote back") {
            const auto retracted = answer<core::ev::VoteSettled>(c, core::fx::RetractVote{started.id, idea.id});
            CHECK_FALSE(retracted.voted);
            CHECK(retracted.votesLeft == 3);
            CHECK(c.store->voteCount(idea.id) == 0);
        }
        SUBCASE("ending the session answers nothing") {
            CHECK(app::runEffect(*c.store, c.eventId, core::fx::EndSession{started.id, storage::SessionEnd::Finished}, 0).empty());
        }
    }

    TEST_CASE("saving an idea answers with its number") {
        app_fixtures::ConferenceStore c;
        c.add("Erste Idee");
        const auto session = c.store->startSession(c.eventId, "de");
        const auto saved = answer<core::ev::Saved>(c, core::fx::SaveIdea{session, fixtures::idea("Sprachcafé im Glashaus")});
        CHECK(saved.number == 2);
        CHECK_FALSE(saved.pending);
        SUBCASE("a title the model refuses is refused, and nothing is saved") {
            const auto refused = answer<core::ev::ActionRefused>(c, core::fx::SaveIdea{session, fixtures::idea("")});
            CHECK_FALSE(refused.code.empty());
            CHECK(c.store->ideas(c.eventId).size() == 2);
        }
    }

    TEST_CASE("similar ideas: the exact duplicate first, and only once") {
        app_fixtures::ConferenceStore c;
        const auto same = c.add("Stadtrundfahrten mit Migranten");
        c.add("Kochabend der Kulturen");
        const auto found = answer<core::ev::SimilarFound>(c, core::fx::FindSimilar{"Stadtrundfahrten mit Migranten"});
        REQUIRE_FALSE(found.ideas.empty());
        CHECK(found.ideas.front().id == same.id);
        int times = 0;
        for (const auto& card : found.ideas) times += card.id == same.id ? 1 : 0;
        CHECK(times == 1);
    }

    TEST_CASE("checking the storage answers that it is back") {
        app_fixtures::ConferenceStore c;
        answer<core::ev::StorageBack>(c, core::fx::CheckStorage{});
    }

    TEST_CASE("through the keeper: a database that cannot be opened is a storage failure") {
        app::StoreKeeper keeper("/nonexistent-folder/ideen.db", {});
        only<core::ev::StorageFailed>(app::runEffect(keeper, core::fx::StartSession{"de"}, 0));
        CHECK(keeper.current() == nullptr);
    }

    TEST_CASE("through the keeper: a session on the active event of a file") {
        fixtures::TempFile file("effects-keeper.db");
        { app_fixtures::ConferenceStore c(file.path); }
        app::StoreKeeper keeper(file.path, {});
        const auto started = only<core::ev::SessionStarted>(app::runEffect(keeper, core::fx::StartSession{"tr"}, 1));
        CHECK(started.votesLeft == 3);
        CHECK(keeper.current() != nullptr);
    }

    TEST_CASE("published cards carry what the kiosk shows") {
        app_fixtures::ConferenceStore c;
        const auto idea = c.add("Sprachpaten", "sprache");
        const auto cards = app::publishedCards(*c.store, c.eventId);
        REQUIRE(cards.size() == 1);
        CHECK(cards[0].id == idea.id);
        CHECK(cards[0].number == idea.number);
        CHECK(cards[0].title == "Sprachpaten");
        CHECK(cards[0].category == "sprache");
    }
}
