// The shared board of lock waits (see lock_waits.h).
#include "storage/lock_waits.h"

#include <cerrno>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <map>
#include <memory>
#include <utility>

namespace storage {

LockWaits* LockWaits::forFile(const std::string& path) {
    if (path.empty() || path == ":memory:") return nullptr;
    struct stat file {};
    if (::stat(path.c_str(), &file) != 0) return nullptr;
    // Device and inode name the file however it is reached (a relative path, a link); a file made anew under the
    // same name is another file, and an old board of a reused inode only holds a time long past.
    static std::mutex mutex;
    static std::map<std::pair<dev_t, ino_t>, std::unique_ptr<LockWaits>> boards;
    std::lock_guard lock(mutex);
    auto& board = boards[{file.st_dev, file.st_ino}];
    if (!board) {
        char name[80];
        std::snprintf(name, sizeof name, "/ideenkiosk-lockwait-%llx-%llx", static_cast<unsigned long long>(file.st_dev),
                      static_cast<unsigned long long>(file.st_ino));
        board.reset(new LockWaits(name, file.st_mode));
    }
    return board.get();
}

LockWaits::~LockWaits() {
    if (auto* slot = m_shared.load()) ::munmap(slot, sizeof(Clock::rep));
}

LockWaits::Clock::rep* LockWaits::sharedSlot(bool create) {
    if (auto* slot = m_shared.load(std::memory_order_acquire)) return slot;
    std::lock_guard lock(m_attaching);
    if (m_reach == Reach::Attached) return m_shared.load();
    if (m_reach == Reach::Unavailable) return nullptr;
    const auto now = Clock::now();
    // A reader looks for a board some other process made, but not at every commit.
    if (!create && m_reach == Reach::Absent && now - m_lookedAt < kLookAgain) return nullptr;
    m_lookedAt = now;
    const int fd = ::shm_open(m_sharedName.c_str(), O_RDWR | O_CLOEXEC | (create ? O_CREAT : 0), 0600);
    if (fd < 0) {
        m_reach = errno == ENOENT ? Reach::Absent : Reach::Unavailable;
        return nullptr;
    }
    struct stat object {};
    // Whoever may write the database may write its board: a new object gets the file's read and write bits (set
    // again, as shm_open's mode passes through the umask).
    if (::fstat(fd, &object) == 0 && object.st_size == 0) ::fchmod(fd, m_fileMode & 0666);
    // A new object is empty; growing it to one slot is the same size for whoever does it first.
    if (::fstat(fd, &object) == 0 && (object.st_size >= static_cast<off_t>(sizeof(Clock::rep)) ||
                                      ::ftruncate(fd, sizeof(Clock::rep)) == 0)) {
        void* mapped = ::mmap(nullptr, sizeof(Clock::rep), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        if (mapped != MAP_FAILED) {
            m_shared.store(static_cast<Clock::rep*>(mapped), std::memory_order_release);
            m_reach = Reach::Attached;
        }
    }
    ::close(fd);
    if (m_reach != Reach::Attached) m_reach = Reach::Unavailable;
    return m_shared.load();
}

void LockWaits::noteWait(Clock::time_point at) {
    const auto ticks = at.time_since_epoch().count();
    m_here.store(ticks, std::memory_order_relaxed);
    if (auto* slot = sharedSlot(true)) std::atomic_ref<Clock::rep>(*slot).store(ticks, std::memory_order_relaxed);
}

LockWaits::Clock::time_point LockWaits::lastWait() {
    auto ticks = m_here.load(std::memory_order_relaxed);
    if (auto* slot = sharedSlot(false)) ticks = std::max(ticks, std::atomic_ref<Clock::rep>(*slot).load(std::memory_order_relaxed));
    return Clock::time_point(Clock::duration(ticks));
}

bool LockWaits::othersSeen() {
    sharedSlot(false);
    std::lock_guard lock(m_attaching);
    return m_reach != Reach::Unavailable;
}

}  // namespace storage
