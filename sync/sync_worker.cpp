// The sync worker's loop: connect, LISTEN, sync rounds on local commits and server notifications, back off on errors.
#include "sync/sync_worker.h"

#include "sync/server.h"
#include "sync/venue_sync.h"

#include <poll.h>

#include <algorithm>
#include <chrono>

namespace pgsync {

namespace {

// A kiosk must be caught up within seconds after the link returns (the 5 s), so a try every 3 s at most:
// a failed try costs the server nothing and the kiosk one short connect (connect_timeout 2 s).
constexpr double kMaxBackoffSeconds = 3;

std::int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// Reads what arrived on the connection; true when a notification came.
bool drainNotifications(PgConnection& pg) {
    if (PQconsumeInput(pg.raw()) != 1) throw PgError("lost the connection to the server");
    bool any = false;
    while (PGnotify* notify = PQnotifies(pg.raw())) {
        any = true;
        PQfreemem(notify);
    }
    return any;
}

}  // namespace

SyncWorker::SyncWorker(SyncWorkerOptions options) : m_options(std::move(options)) {
    m_thread = std::thread([this] { run(); });
}

SyncWorker::~SyncWorker() { stop(); }

void SyncWorker::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable()) m_thread.join();
}

SyncStatus SyncWorker::status() const {
    std::lock_guard lock(m_mutex);
    return m_status;
}

void SyncWorker::setStatus(const std::function<void(SyncStatus&)>& change, bool applied) {
    bool moved = false;
    {
        std::lock_guard lock(m_mutex);
        const SyncStatus before = m_status;
        change(m_status);
        moved = before.connected != m_status.connected || before.waiting != m_status.waiting;
    }
    // Outside the lock: the owner's wake-up may read status() at once.
    if ((applied || moved) && m_options.changed) m_options.changed();
}

bool SyncWorker::sleepFor(double seconds) {
    std::unique_lock lock(m_mutex);
    m_wake.wait_for(lock, std::chrono::duration<double>(seconds), [this] { return m_stopping.load(); });
    return !m_stopping;
}

void SyncWorker::run() {
    auto log = [this](const std::string& line) {
        if (m_options.log) m_options.log(line);
    };
    std::unique_ptr<storage::Store> store;
    std::unique_ptr<PgConnection> pg;
    double backoff = 1;
    SyncOptions syncOptions;
    syncOptions.log = log;
    while (!m_stopping) {
        try {
            if (!store) store = std::make_unique<storage::Store>(m_options.dbPath);
            if (!pg) {
                pg = std::make_unique<PgConnection>(m_options.conninfo);
                pg->exec(std::string("LISTEN ") + kNotifyChannel);
                log("sync: connected to " + describeServer(m_options.conninfo));
            }
            const auto report = syncOnce(*store, *pg, syncOptions);
            setStatus(
                [&](SyncStatus& s) {
                    s.connected = true;
                    s.lastSyncMs = nowMs();
                    s.waiting = report.backlog;
                    s.lastError.clear();
                },
                report.applied.inserted + report.applied.updated > 0);
            if (report.pushed > 0 || report.applied.inserted + report.applied.updated > 0) log("sync: " + report.summary());
            backoff = 1;
            // Wait for a reason to sync again: a local commit, a notification, the idle limit, or stop.
            const auto counter = store->changeCounter();
            const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(m_options.maxIdleSeconds);
            while (!m_stopping && std::chrono::steady_clock::now() < deadline) {
                pollfd fd{pg->socket(), POLLIN, 0};
                const int timeoutMs = static_cast<int>(m_options.watchSeconds * 1000);
                if (::poll(&fd, 1, std::max(timeoutMs, 1)) > 0 && drainNotifications(*pg)) break;
                if (store->changeCounter() != counter) break;
            }
        } catch (const std::exception& e) {
            // The kiosk goes on locally; the outbox keeps every write until the server is back.
            const std::string line = maskSecrets(e.what(), m_options.conninfo);
            std::int64_t waiting = -1;
            try {
                if (store) waiting = storage::outboxBacklog(*store);
            } catch (const std::exception&) {
                // the file is in trouble too; the status keeps the last count
            }
            setStatus(
                [&](SyncStatus& s) {
                    s.connected = false;
                    s.lastError = line;
                    if (waiting >= 0) s.waiting = waiting;
                },
                false);
            log("sync: " + line + " (next try in " + std::to_string(static_cast<int>(backoff)) + " s)");
            pg.reset();
            store.reset();
            if (!sleepFor(backoff)) break;
            backoff = std::min(backoff * 2, kMaxBackoffSeconds);
        }
    }
}

}  // namespace pgsync
