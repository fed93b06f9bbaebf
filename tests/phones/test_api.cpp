// The phone API without sockets: the kiosk's rules through the phone's requests, and every safety refusal.
#include "phone_fixtures.h"

#include "phones/api.h"
#include "phones/token.h"
#include "storage/wordlist.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace storage;
using nlohmann::json;

namespace {

// A venue of two votes per session.
struct Venue : fixtures::PhoneVenue {
    Venue() : PhoneVenue(2) {}

    phones::Request request(const std::string& method, const std::string& path, const std::string& body = {}) {
        phones::Request r;
        r.method = method;
        r.path = path;
        r.body = body;
        r.host = "192.168.1.10:8080";
        r.remoteAddress = "192.168.1.23";
        if (method == "POST") {
            r.origin = "http://192.168.1.10:8080";
            r.contentType = "application/json";
        }
        return r;
    }
};

// A phone: keeps the cookie the server set, as a browser does.
struct Phone {
    explicit Phone(Venue& where) : venue(where) {}
    Venue& venue;
    std::string cookie;
    std::string address = "192.168.1.23";

    phones::Response send(phones::Request r) {
        r.cookie = cookie;
        r.remoteAddress = address;
        auto response = venue.api.handle(r);
        for (const auto& [name, value] : response.headers) {
            if (name == "Set-Cookie") cookie = value.substr(0, value.find(';'));
        }
        return response;
    }
    phones::Response post(const std::string& path, const json& body) { return send(venue.request("POST", path, body.dump())); }
    phones::Response get(const std::string& path) { return send(venue.request("GET", path)); }
    json state() { return json::parse(get("/api/state").body); }
    void join(const std::string& language = "de") { REQUIRE(post("/api/session", {{"language", language}}).status == 201); }
};

std::string header(const phones::Response& r, const std::string& name) {
    for (const auto& [key, value] : r.headers) {
        if (key == name) return value;
    }
    return {};
}

std::string errorOf(const phones::Response& r) { return json::parse(r.body).value("error", ""); }

}  // namespace

TEST_SUITE("phones.api") {
    TEST_CASE("a phone is a session with the event's budget: vote, take back, budget exhausted") {
        Venue v;
        const auto a = v.submit("Stadtrundfahrten mit Migranten");
        const auto b = v.submit("Sprachcafé im Glashaus");
        const auto c = v.submit("Nachbarschaftsfest");
        Phone phone{v};
        CHECK(phone.state()["session"].is_null());
        CHECK(phone.post("/api/vote", {{"idea", a.number}}).status == 401);

        phone.join("tr");
        const auto sessions = v.store.sessions(v.event);
        REQUIRE(sessions.size() == 1);
        CHECK(toString(sessions[0].source) == std::string("phone"));
        CHECK(sessions[0].language == "tr");
        CHECK(phone.cookie.rfind(std::string(phones::kSessionCookie) + "=", 0) == 0);
        CHECK(phone.post("/api/session", {{"language", "de"}}).status == 200);  // the same phone: no second session
        CHECK(v.store.sessions(v.event).size() == 1);

        CHECK(phone.post("/api/vote", {{"idea", a.number}}).status == 200);
        CHECK(v.store.voteCount(a.id) == 1);
        const auto again = phone.post("/api/vote", {{"idea", a.number}});
        CHECK(again.status == 409);
        CHECK(errorOf(again) == "already_voted");
        CHECK(phone.post("/api/vote", {{"idea", b.number}}).status == 200);
        const auto over = phone.post("/api/vote", {{"idea", c.number}});
        CHECK(over.status == 409);
        CHECK(errorOf(over) == "budget_exhausted");
        CHECK(v.store.voteCount(c.id) == 0);

        const auto state = phone.state();
        CHECK(state["session"]["votesLeft"] == 0);
        CHECK(state["session"]["voted"] == json::array({a.number, b.number}));
        CHECK(state["ideas"].size() == 3);
        CHECK(state["ideas"][0]["votes"] == 1);

        const auto back = phone.post("/api/retract", {{"idea", a.number}});
        CHECK(back.status == 200);
        CHECK(json::parse(back.body)["votesLeft"] == 1);
        CHECK(v.store.voteCount(a.id) == 0);
        CHECK(phone.post("/api/vote", {{"idea", c.number}}).status == 200);
        CHECK(errorOf(phone.post("/api/retract", {{"idea", a.number}})) == "no_vote");
        CHECK(errorOf(phone.post("/api/vote", {{"idea", 99}})) == "unknown_idea");
        CHECK(v.store.check().ok);
    }

    TEST_CASE("phases, pre-moderation, voided sessions and counts follow the event") {
        Venue v;
        const auto a = v.submit("Stadtrundfahrten mit Migranten");
        Phone phone{v};
        phone.join();
        SUBCASE("voting closed") {
            v.store.setVotingOpen(v.event, false, "test");
            CHECK(errorOf(phone.post("/api/vote", {{"idea", a.number}})) == "voting_closed");
            CHECK(phone.state()["event"]["votingOpen"] == false);
        }
        SUBCASE("submission closed") {
            v.store.setSubmissionOpen(v.event, false, "test");
            CHECK(errorOf(phone.post("/api/ideas", {{"title", "Mehr Bänke"}})) == "submission_closed");
        }
        SUBCASE("pre-moderated: the idea waits and the phone does not list it") {
            auto settings = v.store.requireEvent(v.event).settings;
            settings.moderation = ModerationMode::PreModerate;
            v.store.updateEventSettings(v.event, settings, "test");
            const auto saved = phone.post("/api/ideas", {{"title", "Mehr Bänke am Markt"}, {"category", "begegnung"}});
            CHECK(saved.status == 201);
            CHECK(json::parse(saved.body)["status"] == "pending");
            CHECK(phone.state()["ideas"].size() == 1);
            const auto pending = v.store.ideaByNumber(v.event, json::parse(saved.body)["number"].get<int>());
            REQUIRE(pending);
            CHECK(toString(pending->status) == std::string("pending"));
        }
        SUBCASE("a voided session can no longer vote") {
            const auto session = v.store.sessions(v.event).front().id;
            v.store.voidSession(session, "test", "burst");
            CHECK(errorOf(phone.post("/api/vote", {{"idea", a.number}})) == "session_ended");
        }
        SUBCASE("counts hidden until the reveal") {
            auto settings = v.store.requireEvent(v.event).settings;
            settings.countsAfterReveal = true;
            v.store.updateEventSettings(v.event, settings, "test");
            CHECK_FALSE(phone.state()["ideas"][0].contains("votes"));
        }
    }

    TEST_CASE("the page offers only the event's languages, in its order, and a session in another is refused") {
        Venue v;
        Phone phone{v};
        CHECK(phone.state()["event"]["languages"] == json(offerableLanguages()));  // no list: every language
        auto settings = v.store.event(v.event)->settings;
        settings.languages = {"tr", "de-einfach", "uk"};
        v.store.updateEventSettings(v.event, settings, "cli");
        CHECK(phone.state()["event"]["languages"] == json::array({"tr", "de-einfach", "uk"}));
        for (const char* other : {"en", "ar", "xx", ""}) {
            CAPTURE(other);
            const auto refused = phone.post("/api/session", {{"language", other}});
            CHECK(refused.status == 400);
            CHECK(errorOf(refused) == "bad_language");
        }
        CHECK(phone.post("/api/session", json::object()).status == 400);
        CHECK(v.store.sessions(v.event).empty());
        SUBCASE("Leichte Sprache is stored as German, whether the page sends de-einfach or de") {
            Phone other{v};
            other.address = "192.168.1.24";
            phone.join("de-einfach");
            other.join("de");
            const auto sessions = v.store.sessions(v.event);
            REQUIRE(sessions.size() == 2);
            CHECK(sessions[0].language == "de");
            CHECK(sessions[1].language == "de");
        }
        SUBCASE("an offered language starts a session") {
            phone.join("uk");
            REQUIRE(v.store.sessions(v.event).size() == 1);
            CHECK(v.store.sessions(v.event)[0].language == "uk");
        }
    }

    TEST_CASE("submit: similar ideas first, then the number, and the store cleans the text") {
        Venue v;
        const auto a = v.submit("Stadtrundfahrten mit Migranten");
        Phone phone{v};
        auto similarRequest = v.request("GET", "/api/similar");
        similarRequest.query["text"] = "Stadtrundfahrt mit Migrantinnen";
        const auto similar = json::parse(phone.send(similarRequest).body)["similar"];
        REQUIRE(similar.size() == 1);
        CHECK(similar[0]["number"] == a.number);

        phone.join();
        const auto saved = phone.post("/api/ideas", {{"title", "  Sprach\u202ecafé  "}, {"description", "Jeden Freitag"},
                                                     {"author", "Ayşe"}, {"category", "sprache"}, {"language", "tr"}});
        REQUIRE(saved.status == 201);
        const auto idea = v.store.ideaByNumber(v.event, json::parse(saved.body)["number"].get<int>());
        REQUIRE(idea);
        CHECK(idea->title == "Sprachcafé");
        CHECK(idea->language == "tr");
        // A minute between tries: a phone may submit three ideas at once, then one every 30 s.
        const auto tryIdea = [&](const json& body) {
            v.clock.advance(60'000);
            return errorOf(phone.post("/api/ideas", body));
        };
        CHECK(tryIdea({{"title", "   "}}) == "title_empty");
        CHECK(tryIdea({{"title", std::string(121, 'x')}}) == "title_too_long");
        CHECK(tryIdea({{"title", "Gut"}, {"category", "nicht-da"}}) == "unknown_category");
        const auto before = v.store.changeCounter();
        CHECK(phone.send(v.request("POST", "/api/ideas", "{\"title\":\"\xff\xfe\"}")).status == 400);
        CHECK(v.store.changeCounter() == before);
    }

    TEST_CASE("the page's texts are what the program gave the server (from assets/i18n), as /texts.json") {
        Store store(":memory:");
        phones::PhoneApi api{phones::Backend{[&](const phones::StoreWork& w) { w(store); },
                                             [&](const phones::StoreWork& w) { w(store); }},
                             phones::Limits{}, [] { return std::int64_t{0}; },
                             phones::PageTexts{{"de", {{"language", "Deutsch"}}}, {"tr", {{"language", "Türkçe"}}}}};
        Venue helper;  // only for its request builder
        const auto texts = api.handle(helper.request("GET", "/texts.json"));
        REQUIRE(texts.status == 200);
        CHECK(texts.contentType == "application/json");
        CHECK(json::parse(texts.body) == json{{"de", {{"language", "Deutsch"}}}, {"tr", {{"language", "Türkçe"}}}});
        CHECK(api.handle(helper.request("POST", "/texts.json", "{}")).status == 405);
    }

    TEST_CASE("a word on the list sends a phone's idea to the moderators") {
        fixtures::ManualClock clock;
        auto options = fixtures::options(clock);
        auto list = std::make_shared<WordList>();
        list->add("Mist", "de");
        options.wordList = list;
        Store store(":memory:", options);
        const auto event = store.createEvent(fixtures::conference());
        phones::PhoneApi api{phones::Backend{[&](const phones::StoreWork& w) { w(store); },
                                             [&](const phones::StoreWork& w) { w(store); }},
                             phones::Limits{}, [&] { return *clock.now; }};
        Venue helper;  // only for its request builder
        auto join = helper.request("POST", "/api/session", R"({"language":"de"})");
        const auto joined = api.handle(join);
        REQUIRE(joined.status == 201);
        auto submit = helper.request("POST", "/api/ideas", R"({"title":"So ein Mist"})");
        submit.cookie = header(joined, "Set-Cookie").substr(0, header(joined, "Set-Cookie").find(';'));
        const auto saved = api.handle(submit);
        REQUIRE(saved.status == 201);
        CHECK(json::parse(saved.body)["status"] == "pending");
        CHECK(store.flaggedWordsOfEvent(event).size() == 1);
    }
}
