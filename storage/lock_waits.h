// Who waits for a database file's write lock, seen by every process that writes it.
#pragma once

#include <atomic>
#include <chrono>
#include <mutex>
#include <string>

namespace storage {

/// The time a connection last waited for the write lock of one database file (its busy handler notes each of its
/// 2 ms waits), shared by every process on the machine through a few bytes of POSIX shared memory named after the
/// file's device and inode. A writer that commits back to back (the phones' group writer) reads it to leave the lock
/// free while a kiosk in another process waits. The shared memory is made by the first wait, so a file nobody ever
/// waited for has none. Where it cannot be had (another user's, no /dev/shm), the board is this process's own.
class LockWaits {
public:
    using Clock = std::chrono::steady_clock;  // CLOCK_MONOTONIC on Linux: one clock for every process

    /// The board of the file at `path`; one object per file for the life of the process. nullptr for a database
    /// that is not a file (":memory:", ""), or one that cannot be found. Opening a connection creates nothing.
    static LockWaits* forFile(const std::string& path);

    void noteWait(Clock::time_point at);
    /// The newest wait noted by this process or (where the board is shared) any other.
    Clock::time_point lastWait();
    /// False when waits in other processes cannot be seen (the shared memory exists but may not be opened, or
    /// there is none to be had); true while nobody anywhere has waited yet.
    bool othersSeen();
    /// The shared memory object's name (under /dev/shm); it stays when the processes end, a few bytes.
    const std::string& sharedName() const { return m_sharedName; }

    LockWaits(const LockWaits&) = delete;
    LockWaits& operator=(const LockWaits&) = delete;
    ~LockWaits();

private:
    LockWaits(std::string sharedName, unsigned fileMode) : m_sharedName(std::move(sharedName)), m_fileMode(fileMode) {}
    enum class Reach { NotYet, Absent, Attached, Unavailable };
    /// The shared slot, made when `create`; otherwise only opened, looking again at most every kLookAgain.
    Clock::rep* sharedSlot(bool create);

    static constexpr std::chrono::milliseconds kLookAgain{100};
    std::string m_sharedName;
    unsigned m_fileMode;
    std::atomic<Clock::rep> m_here{0};
    std::atomic<Clock::rep*> m_shared{nullptr};
    std::mutex m_attaching;
    Reach m_reach = Reach::NotYet;  // under m_attaching
    Clock::time_point m_lookedAt{};  // under m_attaching
};

}  // namespace storage
