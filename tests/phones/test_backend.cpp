// The group writer's gap after each commit: none while nobody waits, long while a writer of any process waits for
// the lock; and the board of lock waits that tells it so across processes.
#include "../storage/fixtures.h"

#include "phones/backend.h"
#include "storage/lock_waits.h"
#include "storage/store.h"

#include <doctest/doctest.h>

#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

using phones::LockFreeGap;
using storage::LockWaits;
using namespace std::chrono_literals;

TEST_SUITE("phones.backend") {
    TEST_CASE("the gap after a commit") {
        const LockFreeGap::Clock::time_point t0 = LockFreeGap::Clock::time_point{} + 10s;
        const LockFreeGap::Clock::time_point nobodyWaited{};
        SUBCASE("nobody waits: no gap, however long the batch held the lock") {
            CHECK(LockFreeGap::after(t0, 20ms, nobodyWaited, true) == 0ms);
            CHECK(LockFreeGap::after(t0 + 250ms, 40ms, nobodyWaited, true) == 0ms);
            SUBCASE("unless waiters in other processes cannot be seen: then the short gap") {
                CHECK(LockFreeGap::after(t0, 20ms, nobodyWaited, false) == LockFreeGap::kShort);
            }
        }
        SUBCASE("someone waited just now: as long as the batch held the lock") {
            CHECK(LockFreeGap::after(t0 + 30ms, 20ms, t0 + 29ms, true) == 20ms);
            CHECK(LockFreeGap::after(t0 + 60ms, 8ms, t0 + 60ms - LockFreeGap::kWaiting + 1ms, true) == 8ms);
            CHECK(LockFreeGap::after(t0 + 30ms, 20ms, t0 + 29ms, false) == 20ms);
            SUBCASE("a wait long past does not count") {
                CHECK(LockFreeGap::after(t0 + 100ms, 20ms, t0 + 100ms - LockFreeGap::kWaiting, true) == 0ms);
            }
        }
        SUBCASE("a long gap is at least the short one and at most kLongMax") {
            CHECK(LockFreeGap::after(t0 + 30ms, 1ms, t0 + 30ms, true) == LockFreeGap::kShort);
            CHECK(LockFreeGap::after(t0 + 60ms, 400ms, t0 + 60ms, true) == LockFreeGap::kLongMax);
        }
    }

    TEST_CASE("a wait for a file's lock noted in one process is seen by a writer in another") {
        fixtures::TempFile file("waits.db");
        const std::string path = file.path;
        std::ofstream(path) << "";
        CHECK(LockWaits::forFile(":memory:") == nullptr);
        CHECK(LockWaits::forFile(path + ".missing") == nullptr);
        const auto noted = LockWaits::Clock::time_point{} + 123456789ns;
        // The child makes its own board of the file (this process has none yet), so the two meet only by the name.
        const pid_t child = fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            LockWaits* board = LockWaits::forFile(path);
            if (board == nullptr) _exit(3);
            board->noteWait(noted);
            _exit(board->othersSeen() ? 0 : 2);
        }
        int status = 0;
        REQUIRE(waitpid(child, &status, 0) == child);
        LockWaits* board = LockWaits::forFile(path);
        REQUIRE(board != nullptr);
        CHECK(LockWaits::forFile(path) == board);  // one board per file
        if (WIFEXITED(status) && WEXITSTATUS(status) == 2) {
            MESSAGE("no POSIX shared memory here (/dev/shm): only a process's own waits are seen; skipped");
            return;
        }
        REQUIRE(WIFEXITED(status));
        REQUIRE(WEXITSTATUS(status) == 0);
        CHECK(board->othersSeen());
        CHECK(board->lastWait() == noted);
        board->noteWait(noted + 1s);  // a later wait here is the newest
        CHECK(board->lastWait() == noted + 1s);
        shm_unlink(board->sharedName().c_str());
    }

    TEST_CASE("a file nobody waited for has no shared board, and a reader makes none") {
        fixtures::TempFile file("unwaited.db");
        std::ofstream(file.path) << "";
        LockWaits* board = LockWaits::forFile(file.path);
        REQUIRE(board != nullptr);
        // (A board of a deleted file whose inode the new one got may hold a time long past, never a recent one.)
        CHECK(LockWaits::Clock::now() - board->lastWait() > LockFreeGap::kWaiting);
        CHECK(board->othersSeen());
        CHECK_FALSE(std::filesystem::exists("/dev/shm" + board->sharedName()));
    }

    TEST_CASE("a connection's busy handler notes its waits on the file's board") {
        fixtures::TempFile file("busy.db");
        const std::string path = file.path;
        storage::StoreOptions options;
        options.busyTimeoutMs = 30;
        storage::Store holder(path, options);
        storage::Store waiter(path, options);
        LockWaits* board = LockWaits::forFile(path);
        REQUIRE(board != nullptr);
        const auto before = LockWaits::Clock::now();
        holder.db().exec("BEGIN IMMEDIATE");
        CHECK_THROWS(waiter.db().exec("BEGIN IMMEDIATE"));
        holder.db().exec("COMMIT");
        CHECK(board->lastWait() >= before);
        shm_unlink(board->sharedName().c_str());
    }
}
