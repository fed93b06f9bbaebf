// What the phone server keeps in the database's meta table: its URL while it serves (for the projector) and the
// moderators' wish to have it on or off (for the kiosk that runs it), each change of the wish in the log.
#include "../storage/fixtures.h"

#include "storage/phone_address.h"
#include "storage/phone_reads.h"

#include <doctest/doctest.h>

using namespace storage;

TEST_SUITE("phones.meta") {
    TEST_CASE("the server's address: recorded, read, cleared only by the server that set it") {
        fixtures::ManualClock clock;
        Store store(":memory:", fixtures::options(clock));
        CHECK_FALSE(phonesUrl(store));
        recordPhonesUrl(store, "http://192.168.1.10:8080/");
        CHECK(phonesUrl(store) == "http://192.168.1.10:8080/");
        SUBCASE("a stopping server clears its own address") {
            clearPhonesUrl(store, "http://192.168.1.10:8080/");
            CHECK_FALSE(phonesUrl(store));
        }
        SUBCASE("another server started since keeps its address") {
            recordPhonesUrl(store, "http://10.0.0.5:9000/");
            clearPhonesUrl(store, "http://192.168.1.10:8080/");
            CHECK(phonesUrl(store) == "http://10.0.0.5:9000/");
        }
    }

    TEST_CASE("the moderators' wish: unset until they say, then kept and logged") {
        fixtures::ManualClock clock;
        Store store(":memory:", fixtures::options(clock));
        const auto event = store.createEvent(fixtures::conference());
        CHECK_FALSE(phonesWanted(store));
        setPhonesWanted(store, event, false, "panel:test");
        CHECK(phonesWanted(store) == false);
        setPhonesWanted(store, event, true, "panel:test");
        CHECK(phonesWanted(store) == true);
        CHECK(store.moderationLog(event).size() >= 2);
        CHECK(fixtures::lastLogged(store, event) == R"(phones by panel:test: {"phones":false} -> {"phones":true})");
    }

    TEST_CASE("reads for the phones: ideas from phones, an idea's id by its number") {
        fixtures::EventStore v;
        const auto kiosk = v.store.startSession(v.event, "de");
        const auto phone = v.store.startPhoneSession(v.event, "tr", "hash");
        const auto typed = v.store.submitIdea(v.event, fixtures::idea("Kochabend"), kiosk);
        const auto tapped = v.store.submitIdea(v.event, fixtures::idea("Mahalle şenliği"), phone);
        const auto added = v.submit("Sprachcafé");
        CHECK(ideasFromPhones(v.store, v.event) == std::set<std::string>{tapped.id});
        CHECK(ideaIdByNumber(v.store, v.event, tapped.number) == tapped.id);
        CHECK(ideaIdByNumber(v.store, v.event, added.number) == added.id);
        CHECK_FALSE(ideaIdByNumber(v.store, v.event, 99));
        CHECK_FALSE(ideaIdByNumber(v.store, "another-event", typed.number));
    }

    TEST_CASE("reads for the phones: a request's session in the active event, the votes it has left") {
        fixtures::EventStore v;
        const auto phone = v.store.startPhoneSession(v.event, "tr", "hash");
        const auto kiosk = v.store.startSession(v.event, "de");
        const auto first = v.submit("Sprachcafé");
        const auto second = v.submit("Kochabend");
        v.store.castVote(phone, first.id);
        v.store.castVote(phone, second.id);
        v.store.retractVote(phone, first.id);
        const auto found = activePhoneSession(v.store, "hash");
        REQUIRE(found);
        CHECK(found->id == phone);
        CHECK(found->votesUsed == v.store.session(phone)->votesUsed);
        CHECK(found->votesUsed == 1);
        CHECK_FALSE(activePhoneSession(v.store, "another hash"));
        const int budget = v.store.requireEvent(v.event).settings.voteBudget;
        CHECK(v.store.votesLeft(phone) == budget - 1);
        CHECK(v.store.votesLeft(kiosk) == budget);
        CHECK(fixtures::codeOf([&] { v.store.votesLeft("no-such-session"); }) == "unknown_session");
        SUBCASE("a session of an event that is no longer the active one is no caller") {
            v.store.activateEvent(v.store.createEvent(fixtures::conference()));
            CHECK_FALSE(activePhoneSession(v.store, "hash"));
        }
    }

    TEST_CASE("voiding a session needs a reason for the log") {
        fixtures::EventStore v;
        const auto phone = v.store.startPhoneSession(v.event, "tr", "hash");
        CHECK(fixtures::codeOf([&] { v.store.voidSession(phone, "test", " \t"); }) == "reason_required");
        CHECK(toString(v.store.session(phone)->end) != toString(SessionEnd::Voided));
        v.store.voidSession(phone, "test", "Stimmen-Flut");
        CHECK(toString(v.store.session(phone)->end) == toString(SessionEnd::Voided));
    }
}
