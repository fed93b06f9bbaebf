// An offscreen framebuffer that keeps the window's last frame, so a frame that changed in a few places is drawn
// only there (ui::FrameDamage) and then copied to the window.
#pragma once

#include "kiosk/ui/frame_damage.h"

#include <string>
#include <vector>

namespace kiosk::app {

/// Lives in one OpenGL context (create, use and destroy it with that context current).
class Canvas {
public:
    Canvas() = default;
    ~Canvas();
    Canvas(const Canvas&) = delete;
    Canvas& operator=(const Canvas&) = delete;

    /// A framebuffer of `width` x `height` exists and is bound for drawing; false when this OpenGL has none
    /// (the window then draws every frame whole, straight to itself).
    bool bind(int width, int height);
    /// Copies the canvas to the window's back buffer and binds the window's framebuffer again.
    void present() const;
    /// Reads the canvas's pixels (RGB, bottom row first), to check a partial frame against a whole one.
    std::vector<unsigned char> read() const;
    /// Whether the canvas holds the last frame shown (set by the window after drawing a frame into it).
    bool holdsFrame = false;

private:
    void release();
    unsigned int m_framebuffer = 0, m_colour = 0;
    int m_width = 0, m_height = 0;
    bool m_unavailable = false;
};

/// How the last frames were drawn, for the log and the bench.
struct FrameCounts {
    long whole = 0;      ///< drawn whole (straight to the window or into the canvas)
    long partial = 0;    ///< drawn only where they changed
    long unchanged = 0;  ///< nothing changed: not drawn, not swapped (the window keeps showing the last frame)
    long mismatches = 0; ///< IDEEN_CHECK_DAMAGE=1: partial frames whose pixels differ from the same frame drawn whole
};

}  // namespace kiosk::app
