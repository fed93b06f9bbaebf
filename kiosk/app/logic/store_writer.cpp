// The writer thread (see store_writer.h): jobs in order on one connection, busy retries, answers, the snapshot.
#include "kiosk/app/logic/store_writer.h"

#include "kiosk/app/logic/db_watcher.h"
#include "kiosk/app/logic/kiosk_effects.h"
#include "storage/busy.h"
#include "storage/phone_address.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>

#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace kiosk::app {

namespace {

storage::StoreOptions sliced(storage::StoreOptions options, int sliceMs) {
    options.busyTimeoutMs = sliceMs;
    return options;
}

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

WriterSnapshot readSnapshot(storage::Store& store, const storage::Event& event, int opens) {
    WriterSnapshot snapshot;
    snapshot.usable = true;
    snapshot.opens = opens;
    snapshot.change = store.changeCounter();
    snapshot.kioskId = store.kioskId();
    const auto fresh = store.event(event.id);
    snapshot.event = fresh ? *fresh : event;
    snapshot.published = publishedCards(store, event.id);
    snapshot.phonesUrl = storage::phonesUrl(store).value_or("");
    snapshot.phonesWanted = storage::phonesWanted(store);
    return snapshot;
}

// [SECTION] The thread

StoreWriter::StoreWriter(std::string path, Options options, std::function<void()> wake)
    : m_path(std::move(path)),
      m_options(std::move(options)),
      m_wake(std::move(wake)),
      m_keeper(m_path, sliced(m_options.store, m_options.busySliceMs)),
      m_snapshot(std::make_shared<WriterSnapshot>()) {
    m_wakeFd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    m_thread = std::thread([this] { loop(); });
}

StoreWriter::~StoreWriter() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    const std::uint64_t one = 1;
    if (m_wakeFd >= 0 && write(m_wakeFd, &one, sizeof one) != sizeof one) spdlog::warn("writer: stop signal lost");
    m_changed.notify_all();
    m_thread.join();
    if (m_wakeFd >= 0) close(m_wakeFd);
}

void StoreWriter::post(WriteJob job) {
    {
        std::lock_guard lock(m_mutex);
        m_jobs.push_back(std::move(job));
    }
    const std::uint64_t one = 1;
    if (m_wakeFd >= 0 && write(m_wakeFd, &one, sizeof one) != sizeof one) spdlog::warn("writer: wake-up lost");
    m_changed.notify_all();
}

int StoreWriter::drain() {
    std::deque<Answer> ready;
    {
        std::lock_guard lock(m_mutex);
        ready.swap(m_answers);
    }
    for (auto& reply : ready) reply();
    return static_cast<int>(ready.size());
}

std::shared_ptr<const WriterSnapshot> StoreWriter::snapshot() const {
    std::lock_guard lock(m_mutex);
    return m_snapshot;
}

std::size_t StoreWriter::pending() const {
    std::lock_guard lock(m_mutex);
    return m_jobs.size() + (m_running ? 1 : 0);
}

void StoreWriter::waitIdle() const {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_jobs.empty() && !m_running; });
}

void StoreWriter::answer(Answer reply) {
    if (!reply) return;
    {
        std::lock_guard lock(m_mutex);
        m_answers.push_back(std::move(reply));
    }
    if (m_wake) m_wake();
}

// True with the oldest job taken off the queue.
bool StoreWriter::nextJob(WriteJob& job) {
    {
        std::lock_guard lock(m_mutex);
        if (!m_jobs.empty()) {
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
            m_running = true;
            return true;
        }
    }
    return false;
}

void StoreWriter::loop() {
    DbWatcher watcher(m_path);
    m_keeper.get();
    refreshSnapshot();
    for (;;) {
        WriteJob job;
        while (nextJob(job)) {
            runJob(job);
            {
                std::lock_guard lock(m_mutex);
                m_running = false;
            }
            refreshSnapshot();
            m_changed.notify_all();
        }
        {
            std::lock_guard lock(m_mutex);
            if (m_stopping && m_jobs.empty()) break;
        }
        // While a read for outside changes is already set for a time, it will see whatever changes meanwhile: the
        // watcher is not listened to until then, rather than waking this thread for every commit of another writer
        // (hundreds a second while phones vote: 5 % of the kiosk's processor time went to those wake-ups).
        const bool watching = watcher.fd() >= 0 && !m_outsidePending;
        pollfd fds[2] = {{m_wakeFd, POLLIN, 0}, {watcher.fd(), POLLIN, 0}};
        const int ready = poll(fds, watching ? 2 : 1,
                               outsideWaitMs(watcher.waitMs(static_cast<int>(m_options.fallbackPollSeconds * 1000))));
        if (ready < 0 && errno != EINTR) break;
        if (fds[0].revents & POLLIN) {
            std::uint64_t count = 0;
            if (read(m_wakeFd, &count, sizeof count) < 0) count = 0;
        }
        if (watching && (fds[1].revents & POLLIN)) watcher.drain();
        if (watcher.lookDue()) watcher.lookedAgain();  // this refresh is that look
        refreshForOutside();
    }
    spdlog::debug("writer: stopped");
}

// [SECTION] One job

void StoreWriter::runJob(const WriteJob& job) {
    const auto started = std::chrono::steady_clock::now();
    const double connectionBudget = m_options.store.busyTimeoutMs / 1000.0;
    bool told = false;
    bool refused = false;
    auto fail = [&](WriteFailure::Kind kind, bool final, std::string code, std::string message) {
        WriteFailure failure;
        failure.kind = kind;
        failure.final = final;
        failure.code = std::move(code);
        failure.message = std::move(message);
        failure.toldBefore = told;
        if (job.failed) answer(job.failed(failure));
    };
    for (;;) {
        storage::Store* store = m_keeper.get();
        if (!store) {
            fail(WriteFailure::Kind::Broken, true, "", "the database cannot be used now");
            return;
        }
        try {
            answer(job.run(*store, m_keeper.event()));
            return;
        } catch (const storage::RuleError& e) {
            spdlog::info("refused: {}", e.what());
            fail(WriteFailure::Kind::Refused, true, e.code(), e.what());
            return;
        } catch (const std::exception& e) {
            double budget = job.retrySeconds < 0 ? connectionBudget : job.retrySeconds;
            {
                std::lock_guard lock(m_mutex);
                if (m_stopping) budget = std::min(budget, connectionBudget);  // shutting down: no endless wait
            }
            const double waited = secondsSince(started);
            const bool busy = storage::isBusyError(e);
            if (busy && !refused) {
                // The moment the trouble screen is measured from (tests/e2e/test_kiosk_trouble.sh, bench.sh).
                spdlog::info("writer: {} refused under another connection's write lock; trying again", job.what);
                refused = true;
            }
            if (busy && waited < budget) {
                if (!told && waited >= m_options.busyNoticeSeconds) {
                    spdlog::error("storage failed: {} (still trying: {})", e.what(), job.what);
                    fail(WriteFailure::Kind::Busy, false, "", e.what());
                    told = true;
                }
                continue;  // the next attempt waits another busy slice inside SQLite
            }
            // A full disk, a read-only or damaged file, a lock that did not go: a fresh connection next time picks
            // up a repaired file, and none is held meanwhile (a file system can then turn read-only or be unmounted).
            spdlog::error("storage failed: {}", e.what());
            forget();
            fail(WriteFailure::Kind::Broken, true, "", e.what());
            return;
        }
    }
}

// [SECTION] The snapshot the views read

// Drops the connection after a failure (the next job opens the file afresh) and says so in the snapshot.
void StoreWriter::forget() {
    m_keeper.drop();
    auto unusable = std::make_shared<WriterSnapshot>(*snapshot());
    unusable->usable = false;
    {
        std::lock_guard lock(m_mutex);
        m_snapshot = std::move(unusable);
    }
}

void StoreWriter::refreshForOutside() {
    const auto interval = std::chrono::duration<double>(m_options.outsideReadSeconds);
    m_outsidePending = std::chrono::steady_clock::now() - m_lastRead < interval;
    if (!m_outsidePending) refreshSnapshot();
}

int StoreWriter::outsideWaitMs(int idleMs) const {
    if (!m_outsidePending) return idleMs;
    const auto due = m_lastRead + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                      std::chrono::duration<double>(m_options.outsideReadSeconds));
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(due - std::chrono::steady_clock::now()).count();
    return static_cast<int>(idleMs < 0 ? std::max<long long>(left, 0) : std::clamp<long long>(left, 0, idleMs));
}

void StoreWriter::refreshSnapshot() {
    storage::Store* store = m_keeper.current();
    if (!store) return;
    try {
        const std::int64_t change = store->changeCounter();
        const auto current = snapshot();
        if (current->usable && current->opens == m_keeper.opens() && current->change == change) return;
        m_lastRead = std::chrono::steady_clock::now();
        auto fresh = std::make_shared<const WriterSnapshot>(readSnapshot(*store, m_keeper.event(), m_keeper.opens()));
        {
            std::lock_guard lock(m_mutex);
            m_snapshot = std::move(fresh);
        }
        if (m_wake) m_wake();
    } catch (const std::exception& e) {
        spdlog::error("storage failed: {}", e.what());
        forget();
        answer(m_options.readFailure);
    }
}

}  // namespace kiosk::app
