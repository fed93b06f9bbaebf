// The group writer's gap after each commit: short while nobody waits, long when a writer of this process waits
// for the lock, and long at least every quarter second for writers elsewhere.
#include "phones/backend.h"
#include "storage/store.h"

#include <doctest/doctest.h>

using phones::LockFreeGap;
using namespace std::chrono_literals;

TEST_SUITE("phones.backend") {
    TEST_CASE("the gap after a commit") {
        LockFreeGap gap;
        const LockFreeGap::Clock::time_point start{};
        const auto t0 = start + 10s;
        const LockFreeGap::Clock::time_point nobodyWaited{};
        // The first commit: no long gap yet, so one is due.
        CHECK(gap.after(t0, 20ms, nobodyWaited) == 20ms);

        SUBCASE("nobody waits: short gaps, a long one again after a quarter second") {
            CHECK(gap.after(t0 + 30ms, 20ms, nobodyWaited) == LockFreeGap::kShort);
            CHECK(gap.after(t0 + 249ms, 20ms, nobodyWaited) == LockFreeGap::kShort);
            CHECK(gap.after(t0 + 250ms, 20ms, nobodyWaited) == 20ms);
            CHECK(gap.after(t0 + 260ms, 20ms, nobodyWaited) == LockFreeGap::kShort);
        }
        SUBCASE("a connection of this process waited just now: as long as the batch held the lock") {
            CHECK(gap.after(t0 + 30ms, 20ms, t0 + 29ms) == 20ms);
            CHECK(gap.after(t0 + 60ms, 8ms, t0 + 55ms) == 8ms);
            SUBCASE("a wait long past does not count") {
                CHECK(gap.after(t0 + 100ms, 20ms, t0 + 55ms) == LockFreeGap::kShort);
            }
        }
        SUBCASE("a long gap is at least the short one and at most kLongMax") {
            CHECK(gap.after(t0 + 30ms, 1ms, t0 + 30ms) == LockFreeGap::kShort);
            CHECK(gap.after(t0 + 60ms, 400ms, t0 + 60ms) == LockFreeGap::kLongMax);
        }
    }
}
