// The phone page's API: route table, safety checks, and handlers that reuse the store's rules.
#include "phones/api.h"

#include "phones/page.h"
#include "phones/token.h"
#include "storage/phone_reads.h"
#include "storage/store.h"
#include "storage/text.h"
#include "storage/types.h"

#include <SQLiteCpp/Exception.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <optional>

namespace phones {

using nlohmann::json;

// [SECTION] Responses

namespace {

// The page's texts: not a file of the page, but what the program read from assets/i18n ([phone]).
constexpr const char* kTextsPath = "/texts.json";

// No inline script or style, nothing from elsewhere, no framing: the page is ours alone.
constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

Response jsonResponse(int status, const json& body) {
    Response r;
    r.status = status;
    r.body = body.dump(-1, ' ', false, json::error_handler_t::replace);  // never throws on odd bytes
    return r;
}

Response refused(int status, const std::string& code, const std::string& reason) {
    Response r = jsonResponse(status, {{"error", code}, {"message", reason}});
    r.refusal = reason;
    return r;
}

// A 429 for a page gets a short page a person can read; for the API, JSON the page turns into its own words.
Response tooMany(const Request& request, const std::string& what) {
    Response r = refused(429, "rate_limited", "rate limit: " + what);
    r.headers.emplace_back("Retry-After", "5");
    if (request.path.rfind("/api/", 0) != 0) {
        r.contentType = "text/html; charset=utf-8";
        r.body = "<!doctype html><html lang=\"de\"><meta charset=\"utf-8\"><title>Moment bitte</title>"
                 "<p>Zu viele Anfragen – bitte einen Moment warten.</p>"
                 "<p lang=\"tr\">Çok fazla istek – lütfen biraz bekleyin.</p>"
                 "<p lang=\"en\">Too many requests – please wait a moment.</p></html>";
    }
    return r;
}

// Rule errors become 409 with their stable code (the page translates it); database trouble becomes 503.
template <typename Work>
Response guarded(Work&& work) {
    try {
        return work();
    } catch (const storage::RuleError& e) {
        return refused(409, e.code(), e.what());
    } catch (const storage::StoreError& e) {
        return refused(503, "storage", e.what());
    } catch (const SQLite::Exception& e) {
        return refused(503, "storage", e.what());
    } catch (const std::exception& e) {
        return refused(500, "internal", e.what());
    }
}

std::optional<json> parseBody(const Request& request) {
    json body = json::parse(request.body, nullptr, false);
    if (body.is_discarded() || !body.is_object()) return std::nullopt;
    return body;
}

// A string field of at most `maxBytes` bytes (the store counts characters; this only bounds the work).
std::optional<std::string> textField(const json& body, const char* name, std::size_t maxBytes) {
    if (!body.contains(name)) return std::string();
    const auto& value = body[name];
    if (!value.is_string() || value.get_ref<const std::string&>().size() > maxBytes) return std::nullopt;
    return value.get<std::string>();
}

json ideaJson(const storage::Idea& idea, bool withCounts) {
    json j{{"number", idea.number}, {"title", idea.title}, {"description", idea.description},
           {"author", idea.author}, {"category", idea.category}, {"createdAt", idea.createdAt}};
    if (withCounts) j["votes"] = idea.votes;
    return j;
}

bool countsShown(const storage::EventSettings& settings) { return settings.showCounts && settings.countsVisible(); }

// The language a phone's session in `language` is stored as, when the event offers it: one of its languages, or
// the stored form of one (the page sends "de" for "de-einfach"). Empty when the event does not offer it.
std::string offeredAs(const storage::EventSettings& settings, const std::string& language) {
    for (const std::string& offered : storage::eventLanguages(settings)) {
        if (language == offered || language == storage::storedLanguage(offered)) return storage::storedLanguage(language);
    }
    return {};
}

}  // namespace

// [SECTION] Routing and checks

struct PhoneApi::Caller {
    std::string address;
    std::optional<storage::Session> session;  ///< the phone's own session in the active event, if it has one
};

struct PhoneApi::Route {
    const char* method;
    const char* path;
    Response (PhoneApi::*handler)(const Request&, const Caller&);
};

PhoneApi::PhoneApi(Backend backend, Limits limits, std::function<std::int64_t()> clockMs, const PageTexts& texts)
    : m_backend(std::move(backend)), m_limits(limits), m_texts(json(texts).dump()), m_clock(std::move(clockMs)),
      m_sessionVotes(limits.sessionVotes), m_addressVotes(limits.addressVotes), m_sessionIdeas(limits.sessionIdeas),
      m_addressIdeas(limits.addressIdeas), m_addressSessions(limits.addressSessions), m_addressReads(limits.addressReads) {}

PhoneApi::Caller PhoneApi::identify(const Request& request) {
    Caller caller;
    caller.address = request.remoteAddress;
    const std::string token = cookieValue(request.cookie, kSessionCookie);
    if (!plausibleToken(token)) return caller;
    const std::string hash = hashToken(token);
    m_backend.read([&](storage::Store& store) { caller.session = storage::activePhoneSession(store, hash); });
    return caller;
}

Response PhoneApi::handle(const Request& request) {
    static constexpr std::array<Route, 6> kRoutes{{
        {"GET", "/api/state", &PhoneApi::state},
        {"GET", "/api/similar", &PhoneApi::similar},
        {"POST", "/api/session", &PhoneApi::startSession},
        {"POST", "/api/vote", &PhoneApi::vote},
        {"POST", "/api/retract", &PhoneApi::retract},
        {"POST", "/api/ideas", &PhoneApi::submit},
    }};
    const bool isPost = request.method == "POST";
    Response response;
    const Route* route = nullptr;
    bool pathKnown = false;
    for (const auto& candidate : kRoutes) {
        if (request.path != candidate.path) continue;
        pathKnown = true;
        if (request.method == candidate.method) route = &candidate;
    }
    const bool isPage = request.path == kTextsPath || std::any_of(pageFiles().begin(), pageFiles().end(),
                                                                  [&](const PageFile& file) { return file.path == request.path; });
    if (isPage) pathKnown = true;
    if (!pathKnown) {
        response = refused(404, "not_found", "no such path");
    } else if (!route && !(isPage && request.method == "GET")) {
        response = refused(405, "method_not_allowed", request.method.substr(0, 16) + " not allowed here");
        response.headers.emplace_back("Allow", isPage ? "GET" : (request.path == "/api/state" ||
                                                                 request.path == "/api/similar" ? "GET" : "POST"));
    } else if (isPost && (request.origin.empty() || (request.origin != "http://" + request.host &&
                                                     request.origin != "https://" + request.host))) {
        response = refused(403, "bad_origin", "Origin '" + request.origin.substr(0, 100) + "' is not this server");
    } else if (isPost && request.contentType.rfind("application/json", 0) != 0) {
        response = refused(415, "bad_content_type", "POST needs Content-Type application/json");
    } else if (request.body.size() > m_limits.maxBodyBytes) {
        response = refused(413, "too_large", "body of " + std::to_string(request.body.size()) + " bytes");
    } else if (!isPost && !m_addressReads.allow(request.remoteAddress, m_clock())) {
        response = tooMany(request, "reads per address");
    } else {
        response = guarded([&] {
            const Caller caller = identify(request);
            return route ? (this->*(route->handler))(request, caller) : servePage(request, caller);
        });
    }
    response.headers.emplace_back("Content-Security-Policy", kContentSecurityPolicy);
    response.headers.emplace_back("X-Content-Type-Options", "nosniff");
    response.headers.emplace_back("Referrer-Policy", "no-referrer");
    response.headers.emplace_back("Cache-Control", "no-store");
    return response;
}

// [SECTION] Reading

Response PhoneApi::servePage(const Request& request, const Caller&) {
    if (request.path == kTextsPath) {
        Response r;
        r.contentType = "application/json";
        r.body = m_texts;
        return r;
    }
    for (const auto& file : pageFiles()) {
        if (file.path != request.path) continue;
        Response r;
        r.contentType = std::string(file.contentType);
        r.body = std::string(file.body);
        return r;
    }
    return refused(404, "not_found", "no such path");
}

Response PhoneApi::state(const Request&, const Caller& caller) {
    json body;
    m_backend.read([&](storage::Store& store) {
        const storage::Event event = store.requireActiveEvent();
        const auto& s = event.settings;
        const bool counts = countsShown(s);
        json categories = json::array();
        for (const auto& c : s.categories) categories.push_back({{"key", c.key}, {"color", c.color}, {"names", c.names}});
        body["event"] = {{"title", s.title},           {"venue", s.venue},
                         {"budget", s.voteBudget},     {"submissionOpen", s.submissionOpen},
                         {"votingOpen", s.votingOpen}, {"showCounts", counts},
                         {"moderated", s.moderation == storage::ModerationMode::PreModerate},
                         {"categories", categories},
                         {"languages", storage::eventLanguages(s)}};
        storage::IdeaQuery query;
        query.ranking = storage::Ranking::Number;
        const auto ideas = store.ideas(event.id, query);
        json list = json::array();
        for (const auto& idea : ideas) list.push_back(ideaJson(idea, counts));
        body["ideas"] = std::move(list);
        body["session"] = nullptr;
        if (caller.session) {
            json voted = json::array();
            for (const auto& id : store.votedIdeaIds(caller.session->id)) {
                if (auto idea = store.idea(id)) voted.push_back(idea->number);
            }
            body["session"] = {{"votesLeft", std::max(0, s.voteBudget - caller.session->votesUsed)},
                               {"voted", voted},
                               {"ended", caller.session->end != storage::SessionEnd::Open}};
        }
    });
    return jsonResponse(200, body);
}

Response PhoneApi::similar(const Request& request, const Caller&) {
    const auto it = request.query.find("text");
    const std::string text = it == request.query.end() ? std::string() : it->second;
    if (text.size() > 4 * storage::kTitleMax || !storage::isValidUtf8(text)) {
        return refused(400, "bad_text", "similarity text too long or not UTF-8");
    }
    json list = json::array();
    m_backend.read([&](storage::Store& store) {
        const storage::Event event = store.requireActiveEvent();
        for (const auto& match : store.similar(event.id, text, 3)) {
            list.push_back(ideaJson(match.idea, countsShown(event.settings)));
        }
    });
    return jsonResponse(200, {{"similar", list}});
}

// [SECTION] Writing

Response PhoneApi::startSession(const Request& request, const Caller& caller) {
    const auto body = parseBody(request);
    if (!body) return refused(400, "bad_json", "body is not a JSON object");
    const auto language = textField(*body, "language", 16);
    std::string stored, offered;
    m_backend.read([&](storage::Store& store) {
        const auto settings = store.requireActiveEvent().settings;
        if (language) stored = offeredAs(settings, *language);
        offered = storage::languageList(storage::eventLanguages(settings));
    });
    if (stored.empty()) return refused(400, "bad_language", "language must be one this event offers: " + offered);
    if (caller.session) return jsonResponse(200, {{"started", false}});
    if (!m_addressSessions.allow(caller.address, m_clock())) return tooMany(request, "new sessions per address");
    const std::string token = newToken();
    const std::string hash = hashToken(token);
    m_backend.write([&](storage::Store& store) {
        store.startPhoneSession(store.requireActiveEvent().id, stored, hash);
    });
    Response r = jsonResponse(201, {{"started", true}});
    // No Max-Age: the session ends with the browser's; Strict keeps other sites' pages from using it.
    r.headers.emplace_back("Set-Cookie", std::string(kSessionCookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Strict");
    return r;
}

Response PhoneApi::vote(const Request& request, const Caller& caller) { return changeVote(request, caller, true); }
Response PhoneApi::retract(const Request& request, const Caller& caller) { return changeVote(request, caller, false); }

Response PhoneApi::changeVote(const Request& request, const Caller& caller, bool cast) {
    if (!caller.session) return refused(401, "no_session", "vote without a session");
    const auto body = parseBody(request);
    if (!body || !body->contains("idea") || !(*body)["idea"].is_number_integer()) {
        return refused(400, "bad_json", "body needs an integer \"idea\"");
    }
    const auto number = (*body)["idea"].get<std::int64_t>();
    if (number < 1 || number > 10'000'000) return refused(404, "unknown_idea", "no such idea number");
    const auto now = m_clock();
    if (!m_sessionVotes.allow(caller.session->id, now)) return tooMany(request, "votes per session");
    if (!m_addressVotes.allow(caller.address, now)) return tooMany(request, "votes per address");
    // Only the id: the store's idea() would count the idea's votes, on every vote.
    std::optional<std::string> ideaId;
    m_backend.read([&](storage::Store& store) {
        ideaId = storage::ideaIdByNumber(store, caller.session->eventId, static_cast<int>(number));
    });
    if (!ideaId) return refused(404, "unknown_idea", "no idea #" + std::to_string(number));
    int votesLeft = 0;
    m_backend.write([&](storage::Store& store) {
        if (cast) {
            store.castVote(caller.session->id, *ideaId);
        } else {
            store.retractVote(caller.session->id, *ideaId);
        }
        votesLeft = store.votesLeft(caller.session->id);
    });
    return jsonResponse(200, {{"votesLeft", votesLeft}, {"idea", number}, {"voted", cast}});
}

Response PhoneApi::submit(const Request& request, const Caller& caller) {
    if (!caller.session) return refused(401, "no_session", "idea without a session");
    const auto body = parseBody(request);
    if (!body) return refused(400, "bad_json", "body is not a JSON object");
    // Bytes bound the work (four per character at most); the store checks the limits in characters.
    const auto title = textField(*body, "title", 4 * storage::kTitleMax);
    const auto description = textField(*body, "description", 4 * storage::kDescriptionMax);
    const auto author = textField(*body, "author", 4 * storage::kAuthorMax);
    const auto category = textField(*body, "category", 4 * storage::kOtherMax);
    const auto language = textField(*body, "language", 8);
    if (!title || !description || !author || !category || !language) {
        return refused(400, "bad_field", "a field is not text or is too long");
    }
    const auto now = m_clock();
    if (!m_sessionIdeas.allow(caller.session->id, now)) return tooMany(request, "ideas per session");
    if (!m_addressIdeas.allow(caller.address, now)) return tooMany(request, "ideas per address");
    storage::NewIdea idea{*title, *description, *author, *category, language->empty() ? caller.session->language : *language};
    if (!storage::isKnownLanguage(idea.language)) {
        return refused(400, "bad_language", "language must be one of " + storage::knownLanguagesList());
    }
    storage::Idea saved;
    m_backend.write([&](storage::Store& store) {
        // The page offers only the event's categories; anything else is a hand-made request.
        const auto categories = store.requireEvent(caller.session->eventId).settings.categories;
        const bool known = std::any_of(categories.begin(), categories.end(),
                                       [&](const storage::Category& c) { return c.key == idea.category; });
        if (!idea.category.empty() && !known) throw storage::RuleError("unknown_category", "no such category");
        saved = store.submitIdea(caller.session->eventId, idea, caller.session->id);
    });
    return jsonResponse(201, {{"number", saved.number}, {"status", storage::toString(saved.status)}});
}

}  // namespace phones
