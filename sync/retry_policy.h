// When the sync worker tries again after a failed round: soon after a lost link, less and less often after a refusal.
#pragma once

namespace pgsync {

/// What ended a sync round early, as far as the pause before the next try is concerned.
enum class SyncFailure {
    /// No connection, or it broke (the link, the server's process): worth trying again soon.
    LinkLost,
    /// The server answered, with an error (another schema version, a refused statement): asking again soon would
    /// change nothing.
    Refused,
    /// The server turned the login away (a wrong password, an unknown user or database): nothing changes until
    /// someone fixes the connection string or the server, so it waits as long as a refusal.
    LoginRefused,
};

/// The pause before the next try. A lost link is tried again at most once a second, counted from the start of the
/// failed try (a try that waited out connect_timeout is followed by the next at once): a kiosk must be caught up
/// within seconds after the link returns, and a try costs a server that is away nothing. A refusal (a login too)
/// backs off 1, 2, 4 … 30 s. A good round, or a lost link, starts the back-off again at 1 s.
class RetryPolicy {
public:
    static constexpr double kRetrySeconds = 1;
    static constexpr double kMaxBackoffSeconds = 30;

    /// The seconds to wait after `failure` of a try that took `triedSeconds` so far; moves the back-off on.
    double pauseAfter(SyncFailure failure, double triedSeconds);
    /// After a good round.
    void succeeded() { m_backoff = kRetrySeconds; }

private:
    double m_backoff = kRetrySeconds;
};

/// A few words for the log line: why the worker waits ("the server refused the login" …).
const char* describe(SyncFailure failure);

}  // namespace pgsync
