// Token buckets: a key that has waited long enough is full again, so forgetting full buckets loses nothing.
#include "phones/rate_limit.h"

#include <algorithm>

namespace phones {

bool RateLimiter::allow(const std::string& key, std::int64_t nowMs) {
    std::lock_guard lock(m_mutex);
    if (m_buckets.size() > kPruneAt) {
        const double fillMs = m_rule.burst / m_rule.perSecond * 1000.0;
        std::erase_if(m_buckets, [&](const auto& entry) {
            return static_cast<double>(nowMs - entry.second.lastMs) >= fillMs;
        });
    }
    auto [it, fresh] = m_buckets.try_emplace(key, Bucket{m_rule.burst, nowMs});
    Bucket& bucket = it->second;
    if (!fresh) {
        const double elapsed = static_cast<double>(std::max<std::int64_t>(0, nowMs - bucket.lastMs)) / 1000.0;
        bucket.tokens = std::min(m_rule.burst, bucket.tokens + elapsed * m_rule.perSecond);
        bucket.lastMs = nowMs;
    }
    if (bucket.tokens < 1.0) return false;
    bucket.tokens -= 1.0;
    return true;
}

}  // namespace phones
