// Tells when a SQLite database file may have changed: inotify on its folder for the file, its -wal and -shm.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <iterator>
#include <functional>
#include <string>
#include <thread>

namespace kiosk::app {

/// An inotify watch on the folder of a database (the -wal file may not exist yet, and a restored backup
/// replaces the file). It only hints: SQLite's data_version stays the truth, and whoever uses it still polls
/// slowly in case the notification is unavailable (another filesystem, no inotify instances left).
class DbWatcher {
public:
    explicit DbWatcher(const std::string& dbPath);
    ~DbWatcher();
    DbWatcher(const DbWatcher&) = delete;
    DbWatcher& operator=(const DbWatcher&) = delete;

    /// The descriptor to poll for reading, or -1 when the folder cannot be watched.
    int fd() const { return m_fd; }
    using Clock = std::chrono::steady_clock;

    /// Reads what is pending without waiting; true when it concerned the database, its WAL or its shm file.
    bool drain(Clock::time_point now = Clock::now());

    /// Another process's commit is notified by its last WAL write, before its fsync and the WAL index make it
    /// visible, and nothing notifies after that: after drain() returned true, the owner looks at data_version
    /// again 20, 60, 140 and 300 ms later. How long the owner's poll may wait (ms) before the next such look is
    /// due, or `idleMs` when none is. The looks are counted from the notification, so a stream of other files'
    /// events (a log beside the database) wakes the owner without putting them off.
    int waitMs(int idleMs, Clock::time_point now = Clock::now()) const;
    /// True when the next look is due (the owner then looks and calls lookedAgain()).
    bool lookDue(Clock::time_point now = Clock::now()) const;
    /// The owner looked: counts the looks due by now as done.
    void lookedAgain(Clock::time_point now = Clock::now());

private:
    static constexpr int kLookAfterMs[] = {20, 60, 140, 300};  // after the notification
    static constexpr std::size_t kLooks = std::size(kLookAfterMs);
    std::size_t m_nextLook = kLooks;  // index into kLookAfterMs; kLooks: no look due
    Clock::time_point m_noticed;      // the last notification about the database's files
    int m_fd = -1;
    std::string m_name;  // the database's file name; the WAL and shm files share it as prefix
};

/// A thread that calls `changed` (from that thread) soon after a commit touched the database's files, and
/// nothing otherwise. For a window that sleeps in its event loop: `changed` wakes it (glfwPostEmptyEvent).
class ChangeNotifier {
public:
    ChangeNotifier(const std::string& dbPath, std::function<void()> changed);
    ~ChangeNotifier();
    ChangeNotifier(const ChangeNotifier&) = delete;
    ChangeNotifier& operator=(const ChangeNotifier&) = delete;
    /// False when inotify was unavailable: the owner's slow poll is all there is.
    bool watching() const { return m_watcher.fd() >= 0; }
    /// True once after the files changed (or after markChanged): the owner then asks data_version.
    bool takeChanged() { return m_dirty.exchange(false); }
    /// The same process committed (the kiosk's writer says so): look at once, without waiting for inotify.
    void markChanged() { m_dirty = true; }

private:
    void run();

    DbWatcher m_watcher;
    std::function<void()> m_changed;
    std::atomic<bool> m_dirty{true};
    int m_stop = -1;  // eventfd the destructor signals
    std::thread m_thread;
};

}  // namespace kiosk::app
