// The kiosk's writer thread: every database call of the kiosk runs here, on its own connection; answers come back
// through a queue the frame loop drains without waiting, and the views read a snapshot the writer keeps current.
#pragma once

#include "kiosk/app/logic/store_keeper.h"
#include "kiosk/core/state.h"
#include "storage/store.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <limits>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace kiosk::app {

/// What the views show from the database, read by the writer after each change. Immutable once published.
struct WriterSnapshot {
    bool usable = false;        ///< the file is open with an active event
    int opens = 0;              ///< the writer's connection it came from (a new one restarts the change count)
    std::int64_t change = -1;   ///< the store's change counter when it was read
    storage::Event event;       ///< the active event with its settings as read then
    std::string kioskId;        ///< this file's kiosk id (the panel's actor names it)
    std::vector<core::IdeaCard> published;
    std::string phonesUrl;      ///< the phone server serving this file (storage::phonesUrl), empty when none
    std::optional<bool> phonesWanted;  ///< the moderators' wish (storage::phonesWanted); unset: as started
};

/// Reads a snapshot from `store` (the writer's, or a test's).
WriterSnapshot readSnapshot(storage::Store& store, const storage::Event& event, int opens);

/// Something to run on the frame thread once the writer is done (it carries the job's result).
using Answer = std::function<void()>;

/// Why a job did not (yet) work.
struct WriteFailure {
    enum class Kind {
        Refused,  ///< a rule of the model said no (RuleError); final
        Busy,     ///< another connection holds the write lock; `final` false: the writer is still trying
        Broken,   ///< the file cannot be used (full disk, read-only, corrupt, gone, or the lock never went); final
    };
    Kind kind = Kind::Broken;
    bool final = true;
    std::string code;     ///< RuleError's code for Refused
    std::string message;  ///< one line for a log or a status line
    bool toldBefore = false;  ///< a Busy notice of this job was answered already
};

/// WriteJob::retrySeconds: keep trying while the lock is held, until the write works or the writer stops.
inline constexpr double kUntilStopped = std::numeric_limits<double>::infinity();
/// WriteJob::retrySeconds: as long as the configured busy timeout (StoreOptions::busyTimeoutMs).
inline constexpr double kBusyTimeout = -1;

/// One unit of database work: one transaction of the model (or a read), re-run as a whole while the lock is held.
struct WriteJob {
    std::string what;  ///< for the log
    /// How long the writer keeps retrying a write refused under another connection's lock; infinity: until it
    /// works or the writer stops (a draft waits on it). The UI hears of the lock after busyNoticeSeconds anyway.
    double retrySeconds = kUntilStopped;
    std::function<Answer(storage::Store&, const storage::Event&)> run;  ///< on the writer thread; may throw
    std::function<Answer(const WriteFailure&)> failed;                  ///< on the writer thread; may be empty
};

class StoreWriter {
public:
    struct Options {
        storage::StoreOptions store;      ///< busyTimeoutMs is the budget of a job without its own retrySeconds
        double busyNoticeSeconds = 0.2;   ///< a write refused this long tells the UI it is in trouble
        int busySliceMs = 100;            ///< the connection's own busy timeout: one attempt waits this long
        double fallbackPollSeconds = 2.0; ///< also looks for other processes' commits this often (inotify may miss)
        /// Others' commits are read into the snapshot at most this often; the writer's own at once. A hundred phones
        /// commit dozens of times a second, each read of the snapshot counts every vote, and the views draw others'
        /// changes at most four times a second anyway (core::FramePolicy::followData).
        double outsideReadSeconds = 0.25;
        Answer readFailure;               ///< answered when reading the snapshot failed (the connection is dropped)
    };

    /// Starts the thread, which opens `path` at once. `wake` is called (from the writer thread) whenever an
    /// answer is queued or the snapshot changed, e.g. glfwPostEmptyEvent.
    StoreWriter(std::string path, Options options, std::function<void()> wake);
    /// Runs every job still queued (a busy one gets the busy budget, no longer), then stops the thread.
    ~StoreWriter();
    StoreWriter(const StoreWriter&) = delete;
    StoreWriter& operator=(const StoreWriter&) = delete;

    /// Queues a job; jobs run one after another in the order posted.
    void post(WriteJob job);
    /// Runs the answers that arrived, on the calling thread, without waiting for the writer; how many it ran.
    int drain();
    /// The newest snapshot (never null; unusable until the file was opened).
    std::shared_ptr<const WriterSnapshot> snapshot() const;
    /// Jobs queued or running (for tests and for shutting down in order).
    std::size_t pending() const;
    /// Blocks until every posted job has run (tests only: never from a frame loop).
    void waitIdle() const;

private:
    void loop();
    void runJob(const WriteJob& job);
    void refreshSnapshot();
    /// refreshSnapshot() for others' commits: now, or once outsideReadSeconds have passed since the last read.
    void refreshForOutside();
    /// How long the loop may sleep before refreshForOutside() is due again (ms), at most `idleMs`.
    int outsideWaitMs(int idleMs) const;
    void forget();
    void answer(Answer reply);
    bool nextJob(WriteJob& job);

    std::string m_path;
    Options m_options;
    std::function<void()> m_wake;
    StoreKeeper m_keeper;  // only the writer thread touches it

    mutable std::mutex m_mutex;  // guards the queues and the snapshot pointer; never held across a disk call
    mutable std::condition_variable m_changed;
    std::deque<WriteJob> m_jobs;
    std::deque<Answer> m_answers;
    std::shared_ptr<const WriterSnapshot> m_snapshot;
    bool m_running = false;  // a job taken off the queue is running
    bool m_stopping = false;
    int m_wakeFd = -1;       // eventfd: a job was posted or the writer should stop
    std::chrono::steady_clock::time_point m_lastRead{};  // of the snapshot (writer thread only)
    bool m_outsidePending = false;  // another connection's commit may wait for the next read (writer thread only)
    std::thread m_thread;
};

}  // namespace kiosk::app
