// Every safety rule of the phone API, each with a request that must be refused and must change nothing.
#include "phone_fixtures.h"

#include "phones/api.h"
#include "phones/token.h"
#include "storage/text.h"
#include "tests/nasty/nasty.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cstdio>

using namespace storage;
using nlohmann::json;

namespace {

struct Guarded : fixtures::PhoneVenue {
    Idea idea = store.submitIdea(event, fixtures::idea("Stadtrundfahrten mit Migranten"));
    Guarded() : PhoneVenue(5) {}
    std::string cookie;

    phones::Request post(const std::string& path, const std::string& body) {
        phones::Request r;
        r.method = "POST";
        r.path = path;
        r.body = body;
        r.host = "10.0.0.1:8080";
        r.origin = "http://10.0.0.1:8080";
        r.contentType = "application/json";
        r.remoteAddress = "10.0.0.7";
        r.cookie = cookie;
        return r;
    }
    phones::Request get(const std::string& path) {
        phones::Request r = post(path, "");
        r.method = "GET";
        r.origin.clear();
        r.contentType.clear();
        return r;
    }
    void join() {
        const auto r = api.handle(post("/api/session", R"({"language":"de"})"));
        REQUIRE(r.status == 201);
        for (const auto& [name, value] : r.headers) {
            if (name == "Set-Cookie") cookie = value.substr(0, value.find(';'));
        }
    }
    // Status of a refused request; checks it was logged and left the database as it was.
    int refusedStatus(const phones::Request& r) {
        const auto before = store.changeCounter();
        const auto response = api.handle(r);
        CHECK_FALSE(response.refusal.empty());
        CHECK(store.changeCounter() == before);
        return response.status;
    }
};

}  // namespace

TEST_SUITE("phones.safety") {
    TEST_CASE("the cookie is HttpOnly and SameSite=Strict, and only the token's hash is stored") {
        Guarded g;
        const auto r = g.api.handle(g.post("/api/session", R"({"language":"en"})"));
        std::string setCookie;
        for (const auto& [name, value] : r.headers) {
            if (name == "Set-Cookie") setCookie = value;
        }
        CHECK(setCookie.find("; HttpOnly") != std::string::npos);
        CHECK(setCookie.find("; SameSite=Strict") != std::string::npos);
        const std::string token = phones::cookieValue(setCookie.substr(0, setCookie.find(';')), phones::kSessionCookie);
        REQUIRE(phones::plausibleToken(token));
        SQLite::Statement stored(g.store.db(), "SELECT token_hash FROM phone_tokens");
        REQUIRE(stored.executeStep());
        CHECK(stored.getColumn(0).getString() == phones::hashToken(token));
        CHECK(stored.getColumn(0).getString() != token);
        CHECK(phones::newToken() != phones::newToken());
    }

    TEST_CASE("every response carries a CSP without inline script") {
        Guarded g;
        const auto r = g.api.handle(g.get("/"));
        CHECK(r.status == 200);
        std::string csp;
        for (const auto& [name, value] : r.headers) {
            if (name == "Content-Security-Policy") csp = value;
        }
        CHECK(csp.find("script-src 'self'") != std::string::npos);
        CHECK(csp.find("unsafe-inline") == std::string::npos);
        CHECK(r.body.find("<script src=\"/app.js\"") != std::string::npos);
        CHECK(r.body.find("<script>") == std::string::npos);
    }

    TEST_CASE("refusals: each request must be refused and change nothing") {
        Guarded g;
        g.join();
        const std::string vote = R"({"idea":1})";
        SUBCASE("a POST from another origin") {
            auto r = g.post("/api/vote", vote);
            r.origin = "http://evil.example";
            CHECK(g.refusedStatus(r) == 403);
        }
        SUBCASE("a POST without an Origin") {
            auto r = g.post("/api/vote", vote);
            r.origin.clear();
            CHECK(g.refusedStatus(r) == 403);
        }
        SUBCASE("a form post instead of JSON") {
            auto r = g.post("/api/vote", "idea=1");
            r.contentType = "application/x-www-form-urlencoded";
            CHECK(g.refusedStatus(r) == 415);
        }
        SUBCASE("an oversized body") {
            CHECK(g.refusedStatus(g.post("/api/ideas", R"({"title":")" + std::string(9000, 'a') + "\"}")) == 413);
        }
        SUBCASE("an oversized field") {
            CHECK(g.refusedStatus(g.post("/api/ideas", R"({"title":"a","author":")" + std::string(500, 'a') + "\"}")) == 400);
        }
        SUBCASE("malformed JSON and wrong types") {
            CHECK(g.refusedStatus(g.post("/api/vote", "{\"idea\":")) == 400);
            CHECK(g.refusedStatus(g.post("/api/vote", R"({"idea":"1; DROP TABLE votes"})")) == 400);
            CHECK(g.refusedStatus(g.post("/api/vote", R"([1])")) == 400);
            CHECK(g.refusedStatus(g.post("/api/ideas", R"({"title":["x"]})")) == 400);
            CHECK(g.refusedStatus(g.post("/api/session", R"({"language":"xx"})")) == 400);
        }
        SUBCASE("paths outside the route table, and file paths") {
            CHECK(g.refusedStatus(g.get("/admin")) == 404);
            CHECK(g.refusedStatus(g.get("/../../etc/passwd")) == 404);
            CHECK(g.refusedStatus(g.get("/app.js/../../ideen.db")) == 404);
            CHECK(g.refusedStatus(g.get("/api/export")) == 404);
        }
        SUBCASE("a method a route does not take") {
            auto r = g.post("/api/state", "{}");
            CHECK(g.refusedStatus(r) == 405);
            r = g.get("/api/vote");
            CHECK(g.refusedStatus(r) == 405);
            r.method = "DELETE";
            CHECK(g.refusedStatus(r) == 405);
        }
        SUBCASE("a forged or foreign token is no session") {
            g.cookie = std::string(phones::kSessionCookie) + "=" + phones::newToken();
            CHECK(g.refusedStatus(g.post("/api/vote", vote)) == 401);
            g.cookie = std::string(phones::kSessionCookie) + "=' OR 1=1 --";
            CHECK(g.refusedStatus(g.post("/api/vote", vote)) == 401);
        }
    }

    TEST_CASE("rate limits answer 429 per session and per address, and refill with time") {
        Guarded g;
        g.join();
        const phones::Limits limits;
        int accepted = 0;
        int limited = 0;
        for (int i = 0; i < 2 * static_cast<int>(limits.sessionVotes.burst); ++i) {
            const auto r = g.api.handle(g.post(i % 2 == 0 ? "/api/vote" : "/api/retract", R"({"idea":1})"));
            if (r.status == 200) ++accepted;
            if (r.status == 429) {
                ++limited;
                CHECK_FALSE(r.refusal.empty());
            }
        }
        CHECK(accepted == static_cast<int>(limits.sessionVotes.burst));
        CHECK(limited == static_cast<int>(limits.sessionVotes.burst));
        g.clock.advance(1000);
        CHECK(g.api.handle(g.post("/api/vote", R"({"idea":1})")).status != 429);

        SUBCASE("new sessions per address") {
            g.cookie.clear();
            int created = 0;
            phones::Response last;
            for (int i = 0; i < 2 * static_cast<int>(limits.addressSessions.burst); ++i) {
                last = g.api.handle(g.post("/api/session", R"({"language":"de"})"));
                if (last.status == 201) ++created;
            }
            CHECK(created == static_cast<int>(limits.addressSessions.burst) - 1);  // join() took the first
            CHECK(last.status == 429);
        }
        SUBCASE("a page asked too often gets a readable page") {
            phones::Response last;
            for (int i = 0; i <= static_cast<int>(limits.addressReads.burst); ++i) last = g.api.handle(g.get("/"));
            CHECK(last.status == 429);
            CHECK(last.contentType.rfind("text/html", 0) == 0);
            CHECK(last.body.find("Zu viele Anfragen") != std::string::npos);
        }
    }
}

namespace {

// JSON text of raw bytes: quotes, backslashes and control bytes escaped, every other byte left as it is (so
// invalid UTF-8 reaches the server's parser as a phone could send it).
std::string rawJsonString(const std::string& bytes) {
    std::string out = "\"";
    for (const char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (byte < 0x20) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", byte);
            out += escaped;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

}  // namespace

TEST_SUITE("phones.safety") {
    TEST_CASE("the nasty-strings corpus as a phone's idea, search and cookie: a clear answer, clean storage") {
        Guarded g;
        g.join();
        const auto corpus = nasty::load(std::string(IDEEN_SOURCE_DIR) + "/tests/nasty/strings.txt");
        REQUIRE(corpus.size() > 20);
        for (const auto& entry : corpus) {
            CAPTURE(entry.name);
            g.clock.advance(60'000);  // past the per-session idea limit
            const auto saved = g.api.handle(g.post("/api/ideas", "{\"title\":" + rawJsonString(entry.text) + "}"));
            CHECK((saved.status == 201 || saved.status == 400 || saved.status == 409 || saved.status == 413));
            CHECK(json::accept(saved.body));
            if (saved.status == 201) {
                const auto idea = g.store.ideaByNumber(g.event, json::parse(saved.body)["number"].get<int>());
                REQUIRE(idea);
                CHECK(isValidUtf8(idea->title));
                CHECK(idea->title.find("\u202e") == std::string::npos);
            }
            auto search = g.get("/api/similar");
            search.query["text"] = entry.text;
            const auto found = g.api.handle(search);
            CHECK((found.status == 200 || found.status == 400));
            auto forged = g.get("/api/state");
            forged.cookie = std::string(phones::kSessionCookie) + "=" + entry.text;
            const auto state = g.api.handle(forged);
            CHECK(state.status == 200);
            CHECK(json::parse(state.body)["session"].is_null());
        }
        CHECK(g.store.check().ok);
    }
}
