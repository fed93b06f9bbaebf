// The sync worker's pauses between tries (see retry_policy.h).
#include "sync/retry_policy.h"

#include <algorithm>

namespace pgsync {

double RetryPolicy::pauseAfter(SyncFailure failure, double triedSeconds) {
    if (failure == SyncFailure::LinkLost) {
        m_backoff = kRetrySeconds;
        return std::max(0.0, kRetrySeconds - triedSeconds);
    }
    const double pause = m_backoff;
    m_backoff = std::min(m_backoff * 2, kMaxBackoffSeconds);
    return pause;
}

const char* describe(SyncFailure failure) {
    switch (failure) {
        case SyncFailure::LinkLost: return "no connection";
        case SyncFailure::Refused: return "the server refused";
        case SyncFailure::LoginRefused: return "the server refused the login";
    }
    return "";
}

}  // namespace pgsync
