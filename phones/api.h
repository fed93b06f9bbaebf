// The phone page's requests, answered by plain functions over the model: a fixed route table, the safety checks
// (origin, content type, sizes, rate limits) and the same storage rules as the kiosk.
#pragma once

#include "phones/http_types.h"
#include "phones/rate_limit.h"

#include <cstdint>
#include <functional>
#include <map>
#include <string>

namespace storage {
class Store;
}

namespace phones {

/// Runs a piece of work against a store. Reads get a connection of their own; writes are queued to the one
/// writer and this returns after their commit, rethrowing what the work threw.
using StoreWork = std::function<void(storage::Store&)>;
struct Backend {
    std::function<void(const StoreWork&)> read;
    std::function<void(const StoreWork&)> write;
};

/// Limits of what one phone, or one address, may do.
struct Limits {
    BucketRule sessionVotes{30, 2};          ///< votes and take-backs per session
    BucketRule addressVotes{300, 50};        ///< … per address (phones behind one NAT share it)
    BucketRule sessionIdeas{3, 1.0 / 30};    ///< ideas per session
    BucketRule addressIdeas{20, 0.5};        ///< … per address
    BucketRule addressSessions{20, 0.5};     ///< new sessions per address
    BucketRule addressReads{600, 100};       ///< pages, state polls and similarity look-ups per address
    std::size_t maxBodyBytes = 8192;         ///< larger POST bodies get 413
};

/// The cookie that carries a phone's session token.
inline constexpr const char* kSessionCookie = "ik_session";

/// The page's texts, language -> key -> text: served as /texts.json. The program reads them from the [phone] tables
/// of assets/i18n (the kiosk's translation files); without them the page shows its keys.
using PageTexts = std::map<std::string, std::map<std::string, std::string>>;

class PhoneApi {
public:
    PhoneApi(Backend backend, Limits limits, std::function<std::int64_t()> clockMs, const PageTexts& texts = {});
    /// Answers one request: never throws; a refused request carries its reason in Response::refusal.
    Response handle(const Request& request);

private:
    struct Route;
    struct Caller;
    Response servePage(const Request& request, const Caller& caller);
    Response state(const Request& request, const Caller& caller);
    Response similar(const Request& request, const Caller& caller);
    Response startSession(const Request& request, const Caller& caller);
    Response vote(const Request& request, const Caller& caller);
    Response retract(const Request& request, const Caller& caller);
    Response submit(const Request& request, const Caller& caller);
    Response changeVote(const Request& request, const Caller& caller, bool cast);
    Caller identify(const Request& request);

    Backend m_backend;
    Limits m_limits;
    std::string m_texts;  // /texts.json
    std::function<std::int64_t()> m_clock;
    RateLimiter m_sessionVotes, m_addressVotes, m_sessionIdeas, m_addressIdeas, m_addressSessions, m_addressReads;
};

}  // namespace phones
