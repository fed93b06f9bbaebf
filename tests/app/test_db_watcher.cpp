// The file watcher's hints: a write to the database's files is noticed, other files are not, and after a
// notification the owner is asked to look again on a short schedule before going back to its slow poll.
#include "kiosk/app/logic/db_watcher.h"

#include <doctest/doctest.h>

#include <poll.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using kiosk::app::DbWatcher;

namespace {

// Waits up to a second for the watcher's descriptor, then drains it.
bool noticed(DbWatcher& watcher) {
    pollfd fd{watcher.fd(), POLLIN, 0};
    if (poll(&fd, 1, 1000) <= 0) return false;
    return watcher.drain();
}

// Writes to the database's WAL and drains the notification the moment it is readable; returns that moment.
DbWatcher::Clock::time_point walWritten(const fs::path& folder, DbWatcher& watcher) {
    std::ofstream(folder / "kiosk.db-wal") << "frame";
    pollfd fd{watcher.fd(), POLLIN, 0};
    REQUIRE(poll(&fd, 1, 1000) == 1);
    const auto now = DbWatcher::Clock::now();
    REQUIRE(watcher.drain(now));
    return now;
}

}  // namespace

TEST_SUITE("app.db_watcher") {
    TEST_CASE("a write to the WAL is noticed and asks for looks 20, 60, 140 and 300 ms later, another file is not") {
        const fs::path folder = fs::temp_directory_path() / ("ideen-watch-" + std::to_string(::getpid()));
        fs::create_directories(folder);
        DbWatcher watcher((folder / "kiosk.db").string());
        REQUIRE(watcher.fd() >= 0);
        CHECK(watcher.waitMs(2000) == 2000);
        CHECK_FALSE(watcher.lookDue());
        SUBCASE("the WAL") {
            const auto t0 = walWritten(folder, watcher);
            CHECK(watcher.waitMs(2000, t0) == 20);
            CHECK(watcher.waitMs(2000, t0 + 5ms) == 15);  // counted from the notification, not from the last wake
            CHECK_FALSE(watcher.lookDue(t0 + 19ms));
            for (auto at : {20ms, 60ms, 140ms, 300ms}) {
                CHECK(watcher.lookDue(t0 + at));
                watcher.lookedAgain(t0 + at);
            }
            CHECK_FALSE(watcher.lookDue(t0 + 301ms));
            CHECK(watcher.waitMs(2000, t0 + 301ms) == 2000);
        }
        SUBCASE("another file's events between the looks put none of them off") {
            const auto t0 = walWritten(folder, watcher);
            std::ofstream(folder / "kiosk.log") << "a log line";
            CHECK_FALSE(noticed(watcher));
            CHECK(watcher.waitMs(2000, t0 + 50ms) == 0);  // the 20 ms look is overdue, not 20 ms away again
            CHECK(watcher.lookDue(t0 + 50ms));
        }
        SUBCASE("looks that fell due while the owner was busy are done by one look") {
            const auto t0 = walWritten(folder, watcher);
            watcher.lookedAgain(t0 + 150ms);
            CHECK(watcher.waitMs(2000, t0 + 150ms) == 150);  // the look at 300 ms is the one left
        }
        SUBCASE("a file of another name") {
            std::ofstream(folder / "notes.txt") << "x";
            CHECK_FALSE(noticed(watcher));
            CHECK(watcher.waitMs(2000) == 2000);
        }
        fs::remove_all(folder);
    }
}
