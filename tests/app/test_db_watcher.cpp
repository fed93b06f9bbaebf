// The file watcher's hints: a write to the database's files is noticed, other files are not, and after a
// notification the owner is asked to look again on a short schedule before going back to its slow poll.
#include "kiosk/app/logic/db_watcher.h"

#include <doctest/doctest.h>

#include <poll.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using kiosk::app::DbWatcher;

namespace {

// Waits up to a second for the watcher's descriptor, then drains it.
bool noticed(DbWatcher& watcher) {
    pollfd fd{watcher.fd(), POLLIN, 0};
    if (poll(&fd, 1, 1000) <= 0) return false;
    return watcher.drain();
}

}  // namespace

TEST_SUITE("app.db_watcher") {
    TEST_CASE("a write to the WAL is noticed and asks for looks at 20, 40, 80, 160 ms, another file is not") {
        const fs::path folder = fs::temp_directory_path() / ("ideen-watch-" + std::to_string(::getpid()));
        fs::create_directories(folder);
        DbWatcher watcher((folder / "kiosk.db").string());
        REQUIRE(watcher.fd() >= 0);
        CHECK(watcher.waitMs(2000) == 2000);
        SUBCASE("the WAL") {
            std::ofstream(folder / "kiosk.db-wal") << "frame";
            CHECK(noticed(watcher));
            for (int expected : {20, 40, 80, 160}) {
                CHECK(watcher.waitMs(2000) == expected);
                watcher.lookedAgain();
            }
            CHECK(watcher.waitMs(2000) == 2000);
        }
        SUBCASE("a file of another name") {
            std::ofstream(folder / "notes.txt") << "x";
            CHECK_FALSE(noticed(watcher));
            CHECK(watcher.waitMs(2000) == 2000);
        }
        fs::remove_all(folder);
    }
}
