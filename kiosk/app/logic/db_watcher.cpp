// inotify on a database's folder, and a thread that turns its events into a call (see db_watcher.h).
#include "kiosk/app/logic/db_watcher.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

namespace kiosk::app {

// [SECTION] DbWatcher

DbWatcher::DbWatcher(const std::string& dbPath) {
    const std::filesystem::path path = std::filesystem::absolute(dbPath);
    m_name = path.filename().string();
    m_fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (m_fd < 0) {
        spdlog::warn("no file notifications for {} ({}): polling only", dbPath, std::strerror(errno));
        return;
    }
    // A commit in WAL mode writes the -wal file; a checkpoint writes the database; a restore moves a file in.
    const uint32_t mask = IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_MOVED_TO | IN_DELETE;
    if (inotify_add_watch(m_fd, path.parent_path().c_str(), mask) < 0) {
        spdlog::warn("no file notifications for {} ({}): polling only", dbPath, std::strerror(errno));
        close(m_fd);
        m_fd = -1;
    }
}

DbWatcher::~DbWatcher() {
    if (m_fd >= 0) close(m_fd);
}

bool DbWatcher::drain(Clock::time_point now) {
    if (m_fd < 0) return false;
    bool ours = false;
    alignas(inotify_event) char buffer[4096];
    for (;;) {
        const ssize_t got = read(m_fd, buffer, sizeof buffer);
        if (got <= 0) break;
        for (ssize_t at = 0; at < got;) {
            const auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
            if (event->len > 0 && std::strncmp(event->name, m_name.c_str(), m_name.size()) == 0) ours = true;
            if (event->mask & IN_Q_OVERFLOW) ours = true;
            at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
        }
    }
    if (ours) {
        m_nextLook = 0;
        m_noticed = now;
    }
    return ours;
}

int DbWatcher::waitMs(int idleMs, Clock::time_point now) const {
    if (m_nextLook >= kLooks) return idleMs;
    const auto due = m_noticed + std::chrono::milliseconds(kLookAfterMs[m_nextLook]);
    return static_cast<int>(std::max<std::int64_t>(0, std::chrono::ceil<std::chrono::milliseconds>(due - now).count()));
}

bool DbWatcher::lookDue(Clock::time_point now) const { return m_nextLook < kLooks && waitMs(0, now) == 0; }

void DbWatcher::lookedAgain(Clock::time_point now) {
    // Looks that fell due while the owner was busy are all done by this one.
    while (m_nextLook < kLooks && lookDue(now)) ++m_nextLook;
}

// [SECTION] ChangeNotifier

ChangeNotifier::ChangeNotifier(const std::string& dbPath, std::function<void()> changed)
    : m_watcher(dbPath), m_changed(std::move(changed)) {
    if (m_watcher.fd() < 0) return;
    m_stop = eventfd(0, EFD_CLOEXEC);
    if (m_stop < 0) return;
    m_thread = std::thread([this] { run(); });
}

ChangeNotifier::~ChangeNotifier() {
    if (m_thread.joinable()) {
        const std::uint64_t one = 1;
        if (write(m_stop, &one, sizeof one) != sizeof one) spdlog::warn("change notifier: stop signal lost");
        m_thread.join();
    }
    if (m_stop >= 0) close(m_stop);
}

void ChangeNotifier::run() {
    pollfd fds[2] = {{m_watcher.fd(), POLLIN, 0}, {m_stop, POLLIN, 0}};
    auto tell = [this] {
        m_dirty = true;
        m_changed();
    };
    for (;;) {
        const int ready = poll(fds, 2, m_watcher.waitMs(-1));
        if (ready < 0 && errno != EINTR) return;
        if (ready > 0 && (fds[1].revents & POLLIN)) return;
        if (ready > 0 && (fds[0].revents & POLLIN) && m_watcher.drain()) {
            tell();
        } else if (m_watcher.lookDue()) {
            m_watcher.lookedAgain();
            tell();
        }
    }
}

}  // namespace kiosk::app
