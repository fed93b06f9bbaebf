// Phone sessions: where a session came from, the token hash that finds it, and the group commit of the phone server.
#include "fixtures.h"

#include "storage/export.h"

#include <doctest/doctest.h>

#include <SQLiteCpp/Statement.h>

#include <sstream>

using namespace storage;

TEST_SUITE("store.phones") {
    TEST_CASE("a session records whether a kiosk or a phone started it") {
        fixtures::ManualClock clock;
        Store store(":memory:", fixtures::options(clock));
        const auto event = store.createEvent(fixtures::conference());
        const auto kiosk = store.startSession(event, "de");
        const auto phone = store.startPhoneSession(event, "tr", "hash-1");
        CHECK(toString(store.session(kiosk)->source) == std::string("kiosk"));
        CHECK(toString(store.session(phone)->source) == std::string("phone"));
        CHECK(store.session(phone)->language == "tr");

        SUBCASE("the token's hash finds the phone's session, nothing else does") {
            REQUIRE(store.sessionByTokenHash("hash-1"));
            CHECK(store.sessionByTokenHash("hash-1")->id == phone);
            CHECK_FALSE(store.sessionByTokenHash("hash-2"));
            CHECK_FALSE(store.sessionByTokenHash(""));
        }
        SUBCASE("a token hash belongs to one session only") {
            CHECK_THROWS(store.startPhoneSession(event, "de", "hash-1"));
            CHECK(store.sessions(event).size() == 2);
            CHECK(fixtures::codeOf([&] { store.startPhoneSession(event, "de", ""); }) == "bad_token");
        }
        SUBCASE("exports name the source") {
            std::ostringstream out;
            ExportOptions options;
            options.format = ExportFormat::Csv;
            exportTable(store, event, "sessions", options, out);
            CHECK(out.str().find("\"source\"") != std::string::npos);
            CHECK(out.str().find("\"phone\"") != std::string::npos);
            CHECK(out.str().find("\"kiosk\"") != std::string::npos);
        }
        SUBCASE("a merged session keeps its source; the token stays behind") {
            Store other(":memory:", fixtures::options(clock, 9));
            other.insertEventRecord(store.requireEvent(event));
            CHECK(other.insertSessionRecord(*store.session(phone)));
            CHECK(toString(other.session(phone)->source) == std::string("phone"));
            CHECK_FALSE(other.sessionByTokenHash("hash-1"));
        }
    }

    TEST_CASE("group commit: one transaction, each body undone alone when it fails") {
        fixtures::ManualClock clock;
        Store store(":memory:", fixtures::options(clock));
        const auto event = store.createEvent(fixtures::conference(1));
        const auto idea = store.submitIdea(event, fixtures::idea("Stadtrundfahrten mit Migranten"));
        const auto first = store.startPhoneSession(event, "de", "a");
        const auto second = store.startPhoneSession(event, "de", "b");
        const auto before = store.changeCounter();
        const auto errors = store.transactionBatch({
            [&] { store.castVote(first, idea.id); },
            [&] { store.castVote(first, idea.id); },   // already voted: refused, undone alone
            [&] { store.castVote(second, idea.id); },
        });
        REQUIRE(errors.size() == 3);
        CHECK_FALSE(errors[0]);
        REQUIRE(errors[1]);
        CHECK(fixtures::codeOf([&] { std::rethrow_exception(errors[1]); }) == "already_voted");
        CHECK_FALSE(errors[2]);
        CHECK(store.voteCount(idea.id) == 2);
        CHECK(store.changeCounter() == before + 1);  // one commit for the three
        CHECK(store.check().ok);
    }
}
