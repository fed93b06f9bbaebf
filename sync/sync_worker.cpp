// The sync worker's loop: connect, LISTEN, sync rounds on local commits and server notifications, back off on errors.
#include "sync/sync_worker.h"

#include "sync/retry_policy.h"
#include "sync/server.h"
#include "sync/venue_sync.h"

#include <poll.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace pgsync {

namespace {

double secondsSince(std::chrono::steady_clock::time_point then) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - then).count();
}

std::int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// The highest server sequence the notifications read so far announce (0: none came). A push notifies every
// listener, its own kiosk too; comparing with the cursor tells news from an echo of what was just pulled.
std::int64_t announcedSeq(PgConnection& pg) {
    std::int64_t highest = 0;
    while (PGnotify* notify = PQnotifies(pg.raw())) {
        highest = std::max<std::int64_t>(highest, std::strtoll(notify->extra, nullptr, 10));
        PQfreemem(notify);
    }
    return highest;
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
        moved = before.connected != m_status.connected || before.waiting != m_status.waiting ||
                before.loginRefused != m_status.loginRefused;
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
    RetryPolicy retry;
    auto tryStarted = std::chrono::steady_clock::now();
    SyncOptions syncOptions;
    syncOptions.log = log;
    while (!m_stopping) {
        try {
            if (!store) store = std::make_unique<storage::Store>(m_options.dbPath);
            if (!pg) {
                tryStarted = std::chrono::steady_clock::now();
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
                    s.loginRefused = false;
                },
                report.applied.inserted + report.applied.updated > 0);
            if (report.pushed > 0 || report.applied.inserted + report.applied.updated > 0) log("sync: " + report.summary());
            retry.succeeded();
            // Wait for a reason to sync again: a local commit, news from the server (a notification past the cursor;
            // one read during the round counts too), the idle limit, or stop.
            const auto counter = store->changeCounter();
            const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(m_options.maxIdleSeconds);
            bool news = announcedSeq(*pg) > report.cursor;
            while (!news && !m_stopping && std::chrono::steady_clock::now() < deadline) {
                pollfd fd{pg->socket(), POLLIN, 0};
                const int timeoutMs = static_cast<int>(m_options.watchSeconds * 1000);
                if (::poll(&fd, 1, std::max(timeoutMs, 1)) > 0) {
                    pg->consumeInput();
                    news = announcedSeq(*pg) > report.cursor;
                }
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
            // A login the server turned away is a refusal, not a lost link; otherwise the link (or the server's
            // process) is gone when there is no connection or it broke, and a healthy one carried the server's refusal.
            const auto* pgError = dynamic_cast<const PgError*>(&e);
            const SyncFailure failure = pgError && pgError->loginRefused() ? SyncFailure::LoginRefused
                                        : !pg || !pg->healthy()            ? SyncFailure::LinkLost
                                                                           : SyncFailure::Refused;
            setStatus(
                [&](SyncStatus& s) {
                    s.connected = false;
                    s.lastError = line;
                    s.loginRefused = failure == SyncFailure::LoginRefused;
                    if (waiting >= 0) s.waiting = waiting;
                },
                false);
            const double pause = retry.pauseAfter(failure, secondsSince(tryStarted));
            char next[48];
            std::snprintf(next, sizeof next, "next try in %.1f s", pause);
            const std::string why = failure == SyncFailure::LoginRefused ? std::string(describe(failure)) + "; " : "";
            log("sync: " + line + " (" + why + next + ")");
            pg.reset();
            store.reset();
            if (!sleepFor(pause)) break;
        }
    }
}

}  // namespace pgsync
