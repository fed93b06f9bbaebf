// The model's rules: votes, budgets, phases, moderation, merges, counts and ranking.
#include "fixtures.h"

#include <SQLiteCpp/Transaction.h>
#include <doctest/doctest.h>

using namespace storage;
using fixtures::codeOf;

namespace {

struct Conference : fixtures::EventStore {
    std::string add(const std::string& title) { return submit(title).id; }
};

}  // namespace

TEST_SUITE("store.rules") {
    TEST_CASE("ideas get human numbers and are stored as cleaned text") {
        Conference c;
        const auto first = c.submit("Sprachcafé im Glashaus");
        const auto second = c.store.submitIdea(c.event, fixtures::idea("'); DROP TABLE ideas;--\u202E"));
        CHECK(first.number == 1);
        CHECK(second.number == 2);
        CHECK(second.title == "'); DROP TABLE ideas;--");
        CHECK((first.status == IdeaStatus::Published));
        CHECK(first.kioskId == c.store.kioskId());
        CHECK(second.kioskSeq == first.kioskSeq + 1);
        CHECK(c.store.ideas(c.event).size() == 2);
        SUBCASE("bad input is refused and nothing is stored") {
            CHECK(codeOf([&] { c.add(std::string(121, 'x')); }) == "title_too_long");
            CHECK(codeOf([&] { c.add("bad \xFF byte"); }) == "invalid_utf8");
            CHECK(codeOf([&] { c.add(" \u200B "); }) == "title_empty");
            CHECK(codeOf([&] { c.submit("Idee", "gibtsnicht"); }) == "unknown_category");
            auto wrongLanguage = fixtures::idea("Idee");
            wrongLanguage.language = "fr";
            CHECK(codeOf([&] { c.store.submitIdea(c.event, wrongLanguage); }) == "unknown_language");
            CHECK(c.store.ideas(c.event).size() == 2);
        }
    }

    TEST_CASE("one vote per idea per session, within the budget, undo gives the vote back") {
        Conference c;
        const auto a = c.add("A"), b = c.add("B"), d = c.add("D"), e = c.add("E");
        const auto session = c.store.startSession(c.event, "de");
        CHECK(c.store.votesLeft(session) == 3);
        c.store.castVote(session, a);
        CHECK(codeOf([&] { c.store.castVote(session, a); }) == "already_voted");
        c.store.castVote(session, b);
        c.store.castVote(session, d);
        CHECK(c.store.votesLeft(session) == 0);
        CHECK(codeOf([&] { c.store.castVote(session, e); }) == "budget_exhausted");
        c.store.retractVote(session, b);
        CHECK(c.store.votesLeft(session) == 1);
        CHECK(c.store.voteCount(b) == 0);
        c.store.castVote(session, e);
        CHECK(codeOf([&] { c.store.retractVote(session, b); }) == "no_vote");
        SUBCASE("undo then vote again on the same idea") {
            c.store.retractVote(session, a);
            c.store.castVote(session, a);
            CHECK(c.store.voteCount(a) == 1);
        }
        SUBCASE("votes are append-only events") {
            const auto events = c.store.voteEvents(c.event);
            CHECK(events.size() == 5);
            CHECK(std::count_if(events.begin(), events.end(), [](const VoteEvent& v) { return v.kind == VoteKind::Retract; }) == 1);
        }
        SUBCASE("an ended session cannot vote") {
            c.store.endSession(session, SessionEnd::IdleTimeout);
            CHECK(codeOf([&] { c.store.retractVote(session, a); }) == "session_ended");
            CHECK((c.store.session(session)->end == SessionEnd::IdleTimeout));
        }
    }

    TEST_CASE("phases and statuses decide what can be voted and submitted") {
        Conference c;
        const auto a = c.add("A");
        const auto session = c.store.startSession(c.event, "tr");
        SUBCASE("voting closed") {
            c.store.setVotingOpen(c.event, false, "test");
            CHECK(codeOf([&] { c.store.castVote(session, a); }) == "voting_closed");
        }
        SUBCASE("submission closed") {
            c.store.setSubmissionOpen(c.event, false, "test");
            CHECK(codeOf([&] { c.add("B"); }) == "submission_closed");
        }
        SUBCASE("hidden and pending ideas cannot be voted") {
            c.store.setIdeaStatus(a, IdeaStatus::Hidden, "test", "beleidigend");
            CHECK(codeOf([&] { c.store.castVote(session, a); }) == "idea_not_votable");
            c.store.setIdeaStatus(a, IdeaStatus::Pending, "test");
            CHECK(codeOf([&] { c.store.castVote(session, a); }) == "idea_not_votable");
        }
        SUBCASE("pre-moderation puts new ideas into pending") {
            auto settings = c.store.event(c.event)->settings;
            settings.moderation = ModerationMode::PreModerate;
            c.store.updateEventSettings(c.event, settings, "test");
            CHECK((c.submit("Neu").status == IdeaStatus::Pending));
            CHECK(c.store.ideas(c.event).size() == 1);  // only published ones by default
        }
        const auto log = c.store.moderationLog(c.event);
        CHECK(log.back().actor != "");
    }

    TEST_CASE("merging counts a session that voted for both ideas once, and keeps the original") {
        Conference c;
        const auto original = c.add("Stadtrundfahrten mit Migranten");
        const auto duplicate = c.add("Stadtrundfahrt mit Migranten");
        const auto third = c.add("Noch eine Stadtrundfahrt");
        const auto both = c.store.startSession(c.event, "de");
        c.store.castVote(both, original);
        c.store.castVote(both, duplicate);
        const auto other = c.store.startSession(c.event, "en");
        c.store.castVote(other, duplicate);
        c.store.mergeIdea(duplicate, original, "test", "gleiche Idee");
        CHECK(c.store.voteCount(original) == 2);
        CHECK((c.store.idea(duplicate)->status == IdeaStatus::Merged));
        CHECK(c.store.idea(duplicate)->mergedInto == original);
        CHECK(c.store.idea(duplicate)->votes == 2);  // its own votes stay visible
        CHECK(codeOf([&] { c.store.castVote(other, original); }) == "already_voted");
        const auto log = c.store.moderationLog(c.event);
        CHECK(log.back().action == "merge");
        CHECK(log.back().after.find(original) != std::string::npos);
        SUBCASE("chains follow to the final target") {
            c.store.mergeIdea(original, third, "test");
            CHECK(c.store.voteCount(third) == 2);
            IdeaQuery query;
            CHECK(c.store.ideas(c.event, query).front().votes == 2);
        }
        SUBCASE("bad merges are refused") {
            CHECK(codeOf([&] { c.store.mergeIdea(original, original, "test"); }) == "bad_merge");
            CHECK(codeOf([&] { c.store.mergeIdea(third, duplicate, "test"); }) == "bad_merge");
        }
    }

    TEST_CASE("a session's live votes kept in live_votes equal its votes that no retraction names") {
        Conference c;
        auto settings = c.store.event(c.event)->settings;
        settings.voteBudget = 3;
        c.store.updateEventSettings(c.event, settings, "test");
        std::vector<std::string> ideas;
        for (const char* title : {"A", "B", "C", "D", "E"}) ideas.push_back(c.add(title));
        const auto session = c.store.startSession(c.event, "de");
        const auto reference = [&] {
            SQLite::Statement q(c.store.db(), "SELECT count(*) FROM votes v WHERE v.session_id = ? AND v.kind = 'vote' "
                                              "AND NOT EXISTS (SELECT 1 FROM votes r WHERE r.retracts = v.id)");
            q.bind(1, session);
            q.executeStep();
            return q.getColumn(0).getInt();
        };
        // Votes, refusals and take-backs in a fixed pseudo-random order, a merge half-way.
        unsigned seed = 7;
        int refused = 0;
        for (int step = 0; step < 120; ++step) {
            seed = seed * 1103515245u + 12345u;
            const auto& idea = ideas[(seed >> 16) % ideas.size()];
            if (step == 60) c.store.mergeIdea(ideas[1], ideas[0], "test");
            const bool take = (seed >> 8) % 3 == 0;
            const auto code = codeOf([&] { take ? c.store.retractVote(session, idea) : (void)c.store.castVote(session, idea); });
            if (!code.empty()) ++refused;
            CHECK(c.store.session(session)->votesUsed == reference());
        }
        CHECK(reference() > 0);
        CHECK(refused > 0);
        CHECK(c.store.check().ok);
        SUBCASE("a vote that arrives after its retraction (the venue sync under deferred keys) never counts") {
            const auto other = c.store.startSession(c.event, "tr");
            c.store.db().exec("PRAGMA defer_foreign_keys = ON");
            SQLite::Transaction transaction(c.store.db());
            c.store.db().exec("INSERT INTO votes(id, event_id, idea_id, session_id, kind, retracts, created_at, kiosk_id) "
                              "VALUES ('r1', '" + c.event + "', '" + ideas[2] + "', '" + other + "', 'retract', 'v1', 2, 'k')");
            c.store.db().exec("INSERT INTO votes(id, event_id, idea_id, session_id, kind, retracts, created_at, kiosk_id) "
                              "VALUES ('v1', '" + c.event + "', '" + ideas[2] + "', '" + other + "', 'vote', NULL, 1, 'k')");
            transaction.commit();
            CHECK(c.store.session(other)->votesUsed == 0);
            CHECK(c.store.check().ok);
        }
        SUBCASE("check names live counts edited by hand") {
            c.store.db().exec("INSERT INTO live_votes(session_id, idea_id, live) VALUES ('" + session + "', '" + ideas[4] +
                              "', 1) ON CONFLICT DO UPDATE SET live = live + 1");
            const auto report = c.store.check();
            CHECK_FALSE(report.ok);
            REQUIRE(report.problems.size() == 1);
            CHECK(report.problems.front().find("live_votes") != std::string::npos);
        }
    }

    TEST_CASE("check finds votes that break the rules castVote enforces") {
        Conference c;
        const auto idea = c.add("Sprachcafé");
        const auto session = c.store.startSession(c.event, "de");
        const auto vote = c.store.castVote(session, idea);
        c.store.retractVote(session, idea);
        CHECK(c.store.check().ok);
        VoteEvent bad;
        bad.eventId = c.event;
        bad.ideaId = idea;
        bad.sessionId = session;
        SUBCASE("two live votes of one session for one idea") {
            c.store.castVote(session, idea);
            c.store.insertVoteRecord(bad);
            CHECK(c.store.check().problems == std::vector<std::string>{"1 ideas with two live votes of one session"});
        }
        SUBCASE("a vote retracted twice") {
            bad.kind = VoteKind::Retract;
            bad.retracts = vote;
            c.store.insertVoteRecord(bad);
            CHECK(c.store.check().problems == std::vector<std::string>{"1 votes retracted twice"});
        }
        SUBCASE("a vote filed under another event") {
            EventSettings other = fixtures::conference();
            other.title = "Nachtreffen";
            bad.eventId = c.store.createEvent(other);
            c.store.insertVoteRecord(bad);
            CHECK(c.store.check().problems == std::vector<std::string>{"1 votes whose idea or session is of another event"});
        }
    }

    TEST_CASE("a voided session's votes stop counting but stay in the log") {
        Conference c;
        const auto a = c.add("A");
        for (int i = 0; i < 3; ++i) c.store.castVote(c.store.startSession(c.event, "de"), a);
        const auto burst = c.store.startSession(c.event, "de");
        c.store.castVote(burst, a);
        CHECK(c.store.voteCount(a) == 4);
        c.store.voidSession(burst, "test", "Stimmen-Flut");
        CHECK(c.store.voteCount(a) == 3);
        CHECK(c.store.voteEvents(c.event).size() == 4);
        CHECK((c.store.session(burst)->end == SessionEnd::Voided));
        CHECK(c.store.moderationLog(c.event).back().action == "void_session");
    }

    TEST_CASE("editing keeps the original text in the log") {
        Conference c;
        const auto a = c.add("Sprachcafe im Glashuas");
        c.store.editIdea(a, fixtures::idea("Sprachcafé im Glashaus"), "test", "Tippfehler");
        CHECK(c.store.idea(a)->title == "Sprachcafé im Glashaus");
        const auto entry = c.store.moderationLog(c.event).back();
        CHECK(entry.action == "edit");
        CHECK(entry.before.find("Glashuas") != std::string::npos);
        CHECK(entry.reason == "Tippfehler");
        SUBCASE("a correction into an unknown category is refused and changes nothing") {
            const auto entries = c.store.moderationLog(c.event).size();
            CHECK_THROWS_WITH_AS(c.store.editIdea(a, fixtures::idea("Sprachcafé", "gibt-es-nicht"), "test"),
                                 doctest::Contains("no category 'gibt-es-nicht'"), RuleError);
            CHECK(c.store.idea(a)->title == "Sprachcafé im Glashaus");
            CHECK(c.store.moderationLog(c.event).size() == entries);
        }
    }

    TEST_CASE("ranking orders by votes with the number as a stable tiebreak") {
        Conference c;
        const auto a = c.add("A"), b = c.add("B"), d = c.add("D");
        c.store.castVote(c.store.startSession(c.event, "de"), d);
        c.store.castVote(c.store.startSession(c.event, "de"), b);
        IdeaQuery query;
        query.ranking = Ranking::MostVotes;
        auto ranked = c.store.ideas(c.event, query);
        REQUIRE(ranked.size() == 3);
        CHECK(ranked[0].title == "B");  // tie of one vote each: #2 before #3
        CHECK(ranked[1].title == "D");
        CHECK(ranked[2].title == "A");
        (void)a;
        SUBCASE("newest first") {
            c.clock.advance(1000);
            c.add("E");
            query.ranking = Ranking::Newest;
            CHECK(c.store.ideas(c.event, query).front().title == "E");
        }
        SUBCASE("category filter") {
            c.submit("Türkischkurs", "sprache");
            query.category = "sprache";
            CHECK(c.store.ideas(c.event, query).size() == 1);
        }
    }

    TEST_CASE("duplicates: exact after folding, and similar ideas by trigrams") {
        Conference c;
        c.add("Stadtrundfahrten mit Migranten");
        c.add("Sprachcafé im Glashaus");
        c.add("Schwimmkurs für Frauen");
        CHECK(c.store.findExactDuplicate(c.event, "  STADTRUNDFAHRTEN mit migranten! "));
        CHECK_FALSE(c.store.findExactDuplicate(c.event, "Stadtrundfahrten"));
        const auto similar = c.store.similar(c.event, "Stadtrundfahrt mit Migrant:innen", 3);
        REQUIRE_FALSE(similar.empty());
        CHECK(similar.front().idea.title == "Stadtrundfahrten mit Migranten");
        SUBCASE("the cache follows new ideas") {
            c.add("Stadtrundfahrten mit Migrantinnen");
            CHECK(c.store.similar(c.event, "Stadtrundfahrt mit Migrant:innen", 3).size() == 2);
        }
    }

    TEST_CASE("events: the first is active, activation moves, settings are validated and logged") {
        Conference c;
        const auto second = c.store.createEvent(fixtures::conference());
        CHECK(c.store.activeEvent()->id == c.event);
        c.store.activateEvent(second);
        CHECK(c.store.activeEvent()->id == second);
        auto settings = fixtures::conference();
        settings.voteBudget = 0;
        CHECK(codeOf([&] { c.store.createEvent(settings); }) == "bad_budget");
        CHECK(codeOf([&] { c.store.activateEvent("nope"); }) == "unknown_event");
        CHECK(c.store.events().size() == 2);
    }

    TEST_CASE("the projector's reveal and freeze are switches of the event, each logged") {
        Conference c;
        auto settings = fixtures::conference();
        settings.countsAfterReveal = true;
        const auto event = c.store.createEvent(settings);
        CHECK_FALSE(c.store.requireEvent(event).settings.countsVisible());
        CHECK(c.store.requireEvent(c.event).settings.countsVisible());  // the default event shows counts live
        SUBCASE("revealing shows the counts, hiding again takes them back") {
            c.store.setCountsRevealed(event, true, "panel");
            CHECK(c.store.requireEvent(event).settings.countsVisible());
            c.store.setCountsRevealed(event, false, "panel");
            CHECK_FALSE(c.store.requireEvent(event).settings.countsVisible());
            CHECK(c.store.moderationLog(event).size() >= 2);
            CHECK(fixtures::lastLogged(c.store, event) == R"(projector by panel: {"counts_revealed":true} -> {"counts_revealed":false})");
        }
        SUBCASE("freezing is kept across a settings change and an unknown event is refused") {
            c.store.setProjectorFrozen(event, true, "panel");
            auto changed = c.store.requireEvent(event).settings;
            changed.title = "Neuer Titel";
            c.store.updateEventSettings(event, changed, "cli");
            CHECK(c.store.requireEvent(event).settings.projectorFrozen);
            CHECK(c.store.moderationLog(event).back().after.find("\"projector_frozen\":true") != std::string::npos);
            CHECK(codeOf([&] { c.store.setProjectorFrozen("nope", true, "panel"); }) == "unknown_event");
        }
        SUBCASE("merging the event into another file carries the switches") {
            c.store.setCountsRevealed(event, true, "panel");
            Store other(":memory:");
            CHECK(other.insertEventRecord(c.store.requireEvent(event)));
            const auto copied = other.requireEvent(event).settings;
            CHECK(copied.countsAfterReveal);
            CHECK(copied.countsRevealed);
            CHECK_FALSE(copied.projectorFrozen);
        }
    }

    TEST_CASE("insertIdeaRecord is idempotent by id and renumbers taken numbers") {
        Conference c;
        c.add("A");
        Idea record;
        record.id = "01a00000-0000-7000-8000-000000000001";
        record.eventId = c.event;
        record.number = 1;
        record.title = "Von der Karte";
        const auto first = c.store.insertIdeaRecord(record);
        CHECK(first.inserted);
        CHECK(first.renumbered);
        CHECK(first.number == 2);
        const auto again = c.store.insertIdeaRecord(record);
        CHECK_FALSE(again.inserted);
        CHECK(c.store.ideas(c.event).size() == 2);
    }
}
