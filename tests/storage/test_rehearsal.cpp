// The rehearsal drives the model like attendees would, and keeps every rule a kiosk keeps.
#include "fixtures.h"
#include "storage/rehearsal.h"
#include "storage/stats.h"

#include <doctest/doctest.h>

#include <map>

using namespace storage;

namespace {

// An event with a three-vote budget and one idea already in, on a clock the test moves.
struct RehearsalStage : fixtures::EventStore {
    RehearsalStage() { store.submitIdea(event, fixtures::idea("Sprachcafé im Glashaus", "sprache")); }
};

}  // namespace

TEST_SUITE("rehearsal") {
    TEST_CASE("a rehearsal adds ideas and votes within the session budget") {
        RehearsalStage stage;
        auto& [clock, store, eventId] = stage;
        Rehearsal rehearsal(store, eventId, 11);
        for (int i = 0; i < 300; ++i) {
            const std::string line = rehearsal.step();
            CHECK_FALSE(line.empty());
            clock.advance(1000);
        }
        rehearsal.finish();
        CHECK(rehearsal.ideasAdded() > 20);
        CHECK(rehearsal.votesCast() > 150);
        CHECK(store.ideas(eventId).size() == static_cast<std::size_t>(1 + rehearsal.ideasAdded()));
        CHECK(liveTotals(store, eventId).votes == rehearsal.votesCast());
        std::map<std::string, int> perSession;
        for (const auto& vote : store.voteEvents(eventId)) ++perSession[vote.sessionId];
        for (const auto& [session, votes] : perSession) CHECK(votes <= 3);
        for (const auto& session : store.sessions(eventId)) CHECK((session.end != SessionEnd::Open));
        CHECK(static_cast<int>(store.sessions(eventId).size()) == rehearsal.sessionsStarted());
    }

    TEST_CASE("a rehearsal follows the phases") {
        RehearsalStage stage;
        auto& [clock, store, eventId] = stage;
        Rehearsal rehearsal(store, eventId, 5);
        SUBCASE("voting closed: only ideas") {
            store.setVotingOpen(eventId, false, "test");
            for (int i = 0; i < 20; ++i) rehearsal.step();
            CHECK(rehearsal.ideasAdded() == 20);
            CHECK(store.voteEvents(eventId).empty());
        }
        SUBCASE("submission closed: only votes") {
            store.setSubmissionOpen(eventId, false, "test");
            for (int i = 0; i < 20; ++i) rehearsal.step();
            CHECK(rehearsal.ideasAdded() == 0);
            CHECK(store.ideas(eventId).size() == 1);
        }
        SUBCASE("both closed: a clear error and nothing written") {
            store.setVotingOpen(eventId, false, "test");
            store.setSubmissionOpen(eventId, false, "test");
            CHECK_THROWS_WITH_AS(rehearsal.step(), doctest::Contains("both closed"), RuleError);
            CHECK(store.sessions(eventId).empty());
        }
    }

    TEST_CASE("pre-moderation puts rehearsed ideas into pending") {
        fixtures::ManualClock clock;
        Store store(":memory:", fixtures::options(clock));
        auto settings = fixtures::conference(3);
        settings.moderation = ModerationMode::PreModerate;
        const auto eventId = store.createEvent(settings);
        store.setVotingOpen(eventId, false, "test");
        Rehearsal rehearsal(store, eventId, 3);
        CHECK(rehearsal.step().find("(pending)") != std::string::npos);
        CHECK(store.ideas(eventId).empty());
    }
}
