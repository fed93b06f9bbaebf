// The sync worker: a thread with its own SQLite and PostgreSQL connections that keeps a kiosk file in sync.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace pgsync {

/// What moderators may see of the sync (discreetly): connected or not, when it last completed, rows waiting.
struct SyncStatus {
    bool connected = false;
    std::int64_t lastSyncMs = 0;   ///< system clock, ms since the epoch; 0: never
    std::int64_t waiting = 0;      ///< outbox rows not yet on the server
    std::string lastError;         ///< one line, password masked; empty after a good round
    bool loginRefused = false;     ///< the last try failed because the server turned the login away (a wrong password)
};

struct SyncWorkerOptions {
    std::string dbPath;
    std::string conninfo;
    /// A round at least this often even when nothing was noticed (a missed notification, a write of a process
    /// that the change counter shows late).
    double maxIdleSeconds = 5;
    /// How often the worker looks at its file's change counter for local writes to push.
    double watchSeconds = 0.1;
    /// After a round that applied something, and when connected or waiting changed (wake the owner's loop).
    /// Called on the worker's thread.
    std::function<void()> changed;
    std::function<void(const std::string&)> log;          ///< one line per event worth logging
};

/// Starts at construction, stops (and joins) at destruction or stop(). Never blocks its owner: the owner only reads
/// status(). A lost link (noticed within tcp_user_timeout, 3 s by default: pg.h) is tried again at once and then
/// at most once a second; a server that refuses (another schema version, the login) less and less often, up to
/// every 30 s (retry_policy.h).
/// While the server is away the kiosk writes locally.
/// Between rounds it waits for a local commit (its file's change counter), a NOTIFY from the server (another
/// kiosk pushed), or maxIdleSeconds.
class SyncWorker {
public:
    explicit SyncWorker(SyncWorkerOptions options);
    ~SyncWorker();
    SyncWorker(const SyncWorker&) = delete;
    SyncWorker& operator=(const SyncWorker&) = delete;

    void stop();
    SyncStatus status() const;

private:
    void run();
    /// Changes the status under the lock; calls `changed` when `applied` or the connection or backlog moved.
    void setStatus(const std::function<void(SyncStatus&)>& change, bool applied);
    bool sleepFor(double seconds);  ///< false when asked to stop

    SyncWorkerOptions m_options;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    SyncStatus m_status;
    std::atomic<bool> m_stopping{false};
    std::thread m_thread;
};

}  // namespace pgsync
