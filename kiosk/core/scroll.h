// Touch scrolling: a drag beyond a finger's jitter scrolls (and is not a tap), then inertia and a soft edge.
#pragma once

#include <deque>

namespace kiosk::core {

struct ScrollConfig {
    float dragThreshold = 12.0f;  ///< pixels a finger may wander and still tap (scale with the screen)
    float friction = 3.5f;        ///< velocity decays as exp(-friction * t)
    float stopSpeed = 20.0f;      ///< pixels per second below which inertia stops
    float springRate = 12.0f;     ///< how fast an overscroll returns to the edge (1/s)
    float maxOverscroll = 120.0f;
};

/// Scroll position of one list. Offsets grow downwards: 0 shows the top, maxOffset() the bottom.
class Scroller {
public:
    explicit Scroller(ScrollConfig config = {}) : m_config(config) {}

    void setExtent(float contentHeight, float viewHeight);
    void press(float y, double now);
    void move(float y, double now);
    /// Ends the touch; true when it was a drag (so the button under the finger must not fire).
    bool release(double now);
    /// Advances inertia and the edge spring by `dt` seconds.
    void update(double dt);
    void reset();
    /// Moves by `delta` pixels at once (mouse wheel on a laptop), clamped to the content.
    void setOffsetBy(float delta);

    float offset() const { return m_offset; }
    float maxOffset() const;
    bool dragging() const { return m_pressed && m_dragged; }
    /// Still moving on its own: the frame loop must keep rendering.
    bool isMoving() const;

private:
    ScrollConfig m_config;
    float m_offset = 0.0f;
    float m_velocity = 0.0f;  // pixels per second, positive = content moves up (offset grows)
    float m_contentHeight = 0.0f;
    float m_viewHeight = 0.0f;
    bool m_pressed = false;
    bool m_dragged = false;
    float m_pressY = 0.0f;
    float m_pressOffset = 0.0f;
    std::deque<std::pair<double, float>> m_samples;  // recent (time, y) for the release velocity
};

/// Which items of a list of equal-height rows are visible: [first, last).
struct VisibleRange {
    int first = 0;
    int last = 0;
};
VisibleRange visibleRows(int rowCount, float rowHeight, float offset, float viewHeight);

}  // namespace kiosk::core
