// Read pool and group-commit writer of the phone server.
#include "phones/backend.h"

#include "storage/busy.h"
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

GroupWriter::GroupWriter(std::unique_ptr<storage::Store> store) : m_store(std::move(store)), m_thread([this] { loop(); }) {}

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
        std::this_thread::sleep_for(m_gap.after(committed, committed - began, storage::lastBusyWait()));
    }
}

std::chrono::steady_clock::duration LockFreeGap::after(Clock::time_point now, Clock::duration held,
                                                      Clock::time_point lastBusyWait) {
    // The kiosk's own writer (and the command line, the sync worker) wait for the write lock trying every 2 ms
    // (storage/schema.cpp). A hundred phones keep this thread going from one commit straight into the next, so the
    // lock was free for microseconds at a time, every such try missed it, and the kiosk's saves failed with
    // "database is locked" after their whole timeout (seen in tests/e2e/test_projector.sh). A gap a little longer
    // than those 2 ms meets every waiter that gets the processor in time. A long gap (as long as the batch held the
    // lock, at most 50 ms) when a connection of this process is known to wait, and at least every quarter second
    // for waiters in other processes that a busy machine wakes late; a long gap after every commit halved the
    // phones' throughput (scripts/bench_phones.sh).
    const bool waiterHere = now - lastBusyWait < kShort * 4;
    const bool longGapDue = now - m_lastLong >= kLongEvery;
    if (!waiterHere && !longGapDue) return kShort;
    m_lastLong = now;
    return std::clamp<Clock::duration>(held, kShort, kLongMax);
}

}  // namespace phones
