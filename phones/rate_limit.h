// Token-bucket rate limits per key (a session, an address), with time passed in; safe to share between threads.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace phones {

/// How many requests of one kind a key may make: `burst` at once, refilled at `perSecond`.
struct BucketRule {
    double burst = 10;
    double perSecond = 1;
};

class RateLimiter {
public:
    explicit RateLimiter(BucketRule rule) : m_rule(rule) {}
    /// Takes one token from `key`'s bucket at time `nowMs`; false when the bucket is empty (answer 429).
    bool allow(const std::string& key, std::int64_t nowMs);

private:
    struct Bucket {
        double tokens = 0;
        std::int64_t lastMs = 0;
    };
    static constexpr std::size_t kPruneAt = 20000;  ///< past this many keys, full buckets are forgotten

    BucketRule m_rule;
    std::mutex m_mutex;
    std::map<std::string, Bucket> m_buckets;
};

}  // namespace phones
