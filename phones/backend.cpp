// Read pool and group-commit writer of the phone server.
#include "phones/backend.h"

#include "storage/store.h"

#include <SQLiteCpp/Exception.h>

#include <algorithm>
#include <chrono>
#include <future>
#include <thread>

namespace phones {

// [SECTION] Reads

void ReaderPool::run(const StoreWork& work) {
    std::unique_ptr<storage::Store> store;
    {
        std::lock_guard lock(m_mutex);
        if (!m_idle.empty()) {
            store = std::move(m_idle.back());
            m_idle.pop_back();
        }
    }
    if (!store) store = m_open();
    try {
        work(*store);
    } catch (const storage::StoreError&) {
        throw;  // the connection goes with the exception: the next read opens a fresh one
    } catch (const SQLite::Exception&) {
        throw;
    } catch (...) {
        std::lock_guard lock(m_mutex);
        m_idle.push_back(std::move(store));
        throw;
    }
    std::lock_guard lock(m_mutex);
    m_idle.push_back(std::move(store));
}

// [SECTION] Writes

struct GroupWriter::Job {
    const StoreWork* work;
    std::promise<void> done;
};

GroupWriter::GroupWriter(std::unique_ptr<storage::Store> store)
    : m_store(std::move(store)), m_lockWaits(storage::LockWaits::forFile(m_store->path())), m_thread([this] { loop(); }) {}

GroupWriter::~GroupWriter() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

void GroupWriter::run(const StoreWork& work) {
    Job job{&work, {}};
    auto done = job.done.get_future();
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping) throw storage::StoreError("the phone server is stopping");
        m_queue.push_back(&job);
    }
    m_wake.notify_one();
    done.get();
}

void GroupWriter::loop() {
    for (;;) {
        std::vector<Job*> batch;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty()) return;  // stopping, and nothing left to write
            while (!m_queue.empty() && batch.size() < kMaxBatch) {
                batch.push_back(m_queue.front());
                m_queue.pop_front();
            }
        }
        std::vector<std::function<void()>> bodies;
        bodies.reserve(batch.size());
        for (Job* job : batch) bodies.emplace_back([this, job] { (*job->work)(*m_store); });
        const auto began = std::chrono::steady_clock::now();
        try {
            const auto errors = m_store->transactionBatch(bodies);
            for (std::size_t i = 0; i < batch.size(); ++i) {
                if (errors[i]) {
                    batch[i]->done.set_exception(errors[i]);
                } else {
                    batch[i]->done.set_value();
                }
            }
        } catch (...) {
            // The commit failed (locked too long, disk full): nothing of this batch was saved, each hears why.
            for (Job* job : batch) job->done.set_exception(std::current_exception());
        }
        const auto committed = std::chrono::steady_clock::now();
        // A database that is not a file has no other connections; a board without shared memory sees only ours.
        const auto lastWait = m_lockWaits != nullptr ? m_lockWaits->lastWait() : LockFreeGap::Clock::time_point{};
        const bool othersSeen = m_lockWaits == nullptr || m_lockWaits->othersSeen();
        const auto gap = LockFreeGap::after(committed, committed - began, lastWait, othersSeen);
        if (gap > LockFreeGap::Clock::duration::zero()) std::this_thread::sleep_for(gap);
    }
}

LockFreeGap::Clock::duration LockFreeGap::after(Clock::time_point now, Clock::duration held, Clock::time_point lastWait,
                                                bool othersSeen) {
    // The kiosk's own writer (and the command line, the sync worker) wait for the write lock trying every 2 ms
    // (storage/schema.cpp). A hundred phones keep this thread going from one commit straight into the next, so the
    // lock was free for microseconds at a time, every such try missed it, and the kiosk's saves failed with
    // "database is locked" after their whole timeout (seen in tests/e2e/test_projector.sh). Every busy handler notes
    // its first and each further wait on the file's board before it sleeps, in whichever process it runs, so a
    // waiter is seen at the latest by the commit after its first try: then the gap is as long as the batch held the
    // lock, and a waiter woken late still finds it free. While nobody waits, a gap only delays the next batch (it
    // was 3 ms after every commit, and as long as the batch every quarter second for waiters nobody could see).
    if (now - lastWait < kWaiting) return std::clamp<Clock::duration>(held, kShort, kLongMax);
    return othersSeen ? Clock::duration::zero() : Clock::duration(kShort);
}

}  // namespace phones
