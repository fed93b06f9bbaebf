// The phone server's connections: a pool of read connections for the HTTP threads, and the one writer thread
// that commits every queued write together (group commit), so HTTP threads never fight over SQLite's lock.
#pragma once

#include "phones/api.h"
#include "storage/lock_waits.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace phones {

using StoreFactory = std::function<std::unique_ptr<storage::Store>()>;

/// Read connections, opened on demand and reused; a connection whose work failed with a database error is dropped.
class ReaderPool {
public:
    explicit ReaderPool(StoreFactory open) : m_open(std::move(open)) {}
    void run(const StoreWork& work);

private:
    StoreFactory m_open;
    std::mutex m_mutex;
    std::vector<std::unique_ptr<storage::Store>> m_idle;
};

/// How long the group writer leaves SQLite's write lock to other connections after each commit (backend.cpp says
/// why): no gap while nobody waits for the lock, as long as the batch held it (kShort to kLongMax) while a connection
/// of any process waits (storage::LockWaits), and always kShort where waiters elsewhere cannot be seen.
struct LockFreeGap {
    using Clock = std::chrono::steady_clock;
    static constexpr std::chrono::milliseconds kShort{3};
    static constexpr std::chrono::milliseconds kLongMax{50};
    /// A wait noted this recently is someone still waiting: the busy handler notes one every 2 ms while it waits,
    /// and a busy machine may leave a waiter without the processor for a while.
    static constexpr std::chrono::milliseconds kWaiting{25};

    /// The gap after a commit at `now` of a batch that held the lock for `held`, when the last wait for the lock
    /// was noted at `lastWait`; `othersSeen` false when waiters in other processes cannot be seen.
    static Clock::duration after(Clock::time_point now, Clock::duration held, Clock::time_point lastWait, bool othersSeen);
};

/// One thread with one write connection. `run` queues the work and waits for the commit of the batch it joined.
class GroupWriter {
public:
    explicit GroupWriter(std::unique_ptr<storage::Store> store);
    ~GroupWriter();
    GroupWriter(const GroupWriter&) = delete;
    GroupWriter& operator=(const GroupWriter&) = delete;

    /// Runs `work` in the next batch; returns after its commit; rethrows what the work (or the commit) threw.
    void run(const StoreWork& work);

private:
    struct Job;
    void loop();

    static constexpr std::size_t kMaxBatch = 256;
    std::unique_ptr<storage::Store> m_store;
    storage::LockWaits* m_lockWaits;  // nullptr for a database that is not a file
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Job*> m_queue;
    bool m_stopping = false;
    std::thread m_thread;
};

}  // namespace phones
