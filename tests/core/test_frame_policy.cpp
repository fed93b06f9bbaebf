// The kiosk's redraw and wake policy: when a frame is drawn and how long the loop may sleep (times passed in).
#include "kiosk/core/frame_policy.h"

#include <doctest/doctest.h>

using namespace kiosk::core;

namespace {

// Draws until nothing is owed any more, at time `now`; returns the frames drawn.
int settle(FramePolicy& policy, const KioskState& state, double now) {
    int frames = 0;
    while (policy.needsFrame(state, now, false) && frames < 100) {
        policy.frameDrawn(now);
        ++frames;
    }
    return frames;
}

KioskState onScreen(Screen screen) {
    KioskState state;
    state.screen = screen;
    return state;
}

}  // namespace

TEST_SUITE("frame_policy") {
    TEST_CASE("a new loop draws the first frames, then sleeps") {
        FramePolicy policy;
        const KioskState state = onScreen(Screen::Start);
        CHECK(policy.waitSeconds(0.2, false) == 0.0);
        CHECK(settle(policy, state, 0.1) == FramePolicy::kFramesAfterChange);
        CHECK_FALSE(policy.needsFrame(state, 0.2, false));
        CHECK(policy.waitSeconds(0.2, false) == FramePolicy::kIdleWakeSeconds);
    }

    TEST_CASE("a change asks for a few frames, never fewer than already owed") {
        FramePolicy policy;
        const KioskState state = onScreen(Screen::Browse);
        settle(policy, state, 0.1);
        SUBCASE("input or new data") {
            policy.requestFrames();
            CHECK(policy.framesOwed() == FramePolicy::kFramesAfterChange);
            CHECK(policy.waitSeconds(0.2, false) == 0.0);
            CHECK(settle(policy, state, 0.2) == FramePolicy::kFramesAfterChange);
        }
        SUBCASE("a smaller request does not shorten a larger one") {
            policy.requestFrames(3);
            policy.requestFrames(1);
            CHECK(policy.framesOwed() == 3);
        }
        SUBCASE("frames owed never go below zero") {
            policy.frameDrawn(0.3);
            CHECK(policy.framesOwed() == 0);
        }
    }

    TEST_CASE("data changed elsewhere is redrawn at most a few times a second, the attendee's own change at once") {
        FramePolicy policy;
        const KioskState state = onScreen(Screen::Browse);
        settle(policy, state, 0.1);
        const double interval = FramePolicy::kDataFrameInterval;
        policy.followData(true, 1.0);
        CHECK(settle(policy, state, 1.0) == FramePolicy::kFramesAfterData);
        SUBCASE("a change soon after waits for its turn, and the loop is woken for it") {
            policy.followData(true, 1.0 + interval / 5);
            CHECK(settle(policy, state, 1.0 + interval / 5) == 0);
            CHECK(policy.waitSeconds(1.0 + interval / 5, false) == doctest::Approx(interval * 4 / 5));
            policy.followData(true, 1.0 + interval / 2);  // more changes meanwhile: still one redraw
            policy.followData(false, 1.0 + interval);
            CHECK(settle(policy, state, 1.0 + interval) == FramePolicy::kFramesAfterData);
            CHECK(policy.waitSeconds(1.0 + interval, false) == FramePolicy::kIdleWakeSeconds);
        }
        SUBCASE("changes without pause: one redraw per interval") {
            int frames = 0;
            for (int step = 1; step <= 128; ++step) {  // a change every 1/128 s (exact in binary) for a second
                const double now = 1.0 + step / 128.0;
                policy.followData(true, now);
                frames += settle(policy, state, now);
            }
            CHECK(frames == static_cast<int>(1.0 / interval) * FramePolicy::kFramesAfterData);
        }
        SUBCASE("a change long after the last redraw is drawn at once") {
            policy.followData(true, 1.0 + interval * 3);
            CHECK(settle(policy, state, 1.0 + interval * 3) == FramePolicy::kFramesAfterData);
        }
        SUBCASE("input meanwhile is drawn at once") {
            policy.followData(true, 1.0 + interval / 5);
            policy.requestFrames();
            CHECK(settle(policy, state, 1.0 + interval / 5) == FramePolicy::kFramesAfterChange);
        }
    }

    TEST_CASE("an animation keeps the loop drawing without owed frames") {
        FramePolicy policy;
        const KioskState state = onScreen(Screen::Browse);
        settle(policy, state, 0.1);
        CHECK(policy.needsFrame(state, 0.2, true));
        CHECK(policy.waitSeconds(0.2, true) == 0.0);
        CHECK_FALSE(policy.needsFrame(state, 0.2, false));
    }

    TEST_CASE("idle, the loop wakes for a second window sooner, never later") {
        FramePolicy policy;
        settle(policy, onScreen(Screen::Start), 0.1);
        CHECK(policy.waitSeconds(0.2, false, 0.25) == 0.25);
        CHECK(policy.waitSeconds(0.2, false, 2.0) == FramePolicy::kIdleWakeSeconds);
    }

    TEST_CASE("a change the view foresees (a caret's blink, a countdown's second) draws one frame at its time") {
        FramePolicy policy;
        const KioskState state = onScreen(Screen::SubmitTitle);
        settle(policy, state, 1.0);
        SUBCASE("nothing on screen depends on time: the loop sleeps its idle wake-up and draws nothing") {
            policy.viewChangesAt(-1);
            CHECK(policy.waitSeconds(1.0, false) == FramePolicy::kIdleWakeSeconds);
            CHECK_FALSE(policy.needsFrame(state, 30.0, false));
        }
        SUBCASE("the view changes at 1.3 s: the loop wakes then and draws one frame") {
            policy.viewChangesAt(1.3);
            CHECK(policy.waitSeconds(1.0, false) == doctest::Approx(0.3));
            CHECK_FALSE(policy.needsFrame(state, 1.2, false));
            CHECK(policy.needsFrame(state, 1.3, false));
            CHECK(settle(policy, state, 1.3) == 1);
        }
        SUBCASE("a change already due: the loop does not sleep") {
            policy.viewChangesAt(0.5);
            CHECK(policy.waitSeconds(1.0, false) == 0.0);
        }
    }

    TEST_CASE("countdowns draw one frame per second, and without one the seconds pass without frames") {
        FramePolicy policy;
        KioskState state = onScreen(Screen::Browse);
        bool counting = true;
        SUBCASE("the idle warning") { state.idleWarning = true; }
        SUBCASE("the saving screen") { state.screen = Screen::Saving; }
        SUBCASE("no countdown") { counting = false; }
        settle(policy, state, 10.2);
        CHECK_FALSE(policy.needsFrame(state, 10.9, false));
        CHECK(policy.needsFrame(state, 11.0, false) == counting);
        CHECK(settle(policy, state, 11.0) == (counting ? 1 : 0));
    }
}
