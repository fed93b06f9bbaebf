// The phone server's connections: a pool of read connections for the HTTP threads, and the one writer thread
// that commits every queued write together (group commit), so HTTP threads never fight over SQLite's lock.
#pragma once

#include "phones/api.h"

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
    /// After each commit, leaves the write lock to other connections for as long as the batch held it.
    static void leaveLockFree(std::chrono::steady_clock::duration held);

    static constexpr std::size_t kMaxBatch = 256;
    std::unique_ptr<storage::Store> m_store;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Job*> m_queue;
    bool m_stopping = false;
    std::thread m_thread;
};

}  // namespace phones
