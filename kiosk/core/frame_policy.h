// When the kiosk's frame loop draws and how long it may sleep: the redraw and wake policy, without a clock or window.
#pragma once

#include "kiosk/core/state.h"

namespace kiosk::core {

/// The kiosk renders while something moves and otherwise waits for events, so an idle kiosk uses next to no CPU.
/// The loop asks waitSeconds() before it waits, reports what happened with requestFrames(), asks needsFrame()
/// and, when it drew, calls frameDrawn(). Time is passed in (seconds since the loop started).
class FramePolicy {
public:
    /// Frames drawn after a change: ImGui needs a frame or two to settle hover, layout and released buttons.
    static constexpr int kFramesAfterChange = 3;
    /// The loop wakes at least this often while idle: timers (idle warning, storage retry) and the heartbeat.
    static constexpr double kIdleWakeSeconds = 0.5;

    /// Redraws for data that changed elsewhere (phones, other kiosks, the command line) come at most this often: a
    /// hundred voting phones change the counts hundreds of times a second, and on a PC without a graphics card each
    /// redraw costs tens of milliseconds of the CPU the phone server needs. A person reading the screen sees counts
    /// four times a second; their own taps and this kiosk's saves still redraw at once.
    static constexpr double kDataFrameInterval = 0.25;
    /// Frames for such a change: the numbers are right in the first, the second settles a list that grew.
    static constexpr int kFramesAfterData = 2;

    /// Something changed (input, a new screen, taps, this kiosk's save, a screenshot asked for): draw a few frames.
    void requestFrames(int frames = kFramesAfterChange);
    /// Called every turn: whether the data on screen changed elsewhere since the last turn. Asks for frames now, or
    /// at the latest kDataFrameInterval after the last data redraw; waitSeconds() wakes the loop for that.
    void followData(bool changed, double now);
    /// Frames still owed (tests, and the loop's own gating).
    int framesOwed() const { return m_framesOwed; }
    /// How long the loop may wait for events at `now`: 0 while frames are owed or the view animates, else the idle
    /// wake-up, sooner when `otherWakeSeconds` (a second window beside the kiosk) or the view's next change
    /// (viewChangesAt) needs the loop earlier.
    double waitSeconds(double now, bool animating, double otherWakeSeconds = kIdleWakeSeconds) const;
    /// Whether to draw now: frames owed, an animation, the view's next change come due (a blinking caret, the
    /// thank-you countdown's second), or a clock on screen that changed (the idle countdown's or the saving
    /// screen's second): those need one frame per change, not three.
    bool needsFrame(const KioskState& state, double now, bool animating) const;
    /// A frame was drawn at `now`: one owed frame is paid and the clocks it showed are remembered.
    void frameDrawn(double now);
    /// After a frame: when the picture just drawn next changes by itself (the view knows: ui::KioskView::nextChangeAt);
    /// negative when nothing on screen depends on time.
    void viewChangesAt(double at) { m_viewChangeAt = at; }

private:
    static int second(double now);

    int m_framesOwed = kFramesAfterChange;  // the first frames show the start screen
    int m_lastSecond = -1;
    double m_viewChangeAt = -1;
    double m_dataDueAt = -1;                 // a data redraw is waiting until then (-1: none)
    double m_lastDataFrameAt = -kDataFrameInterval;
};

}  // namespace kiosk::core
