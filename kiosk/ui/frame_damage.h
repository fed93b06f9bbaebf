// Where a frame differs from the one before: the window redraws only there when little changed (a vote count, the
// projector's language turn), since a software rasteriser (llvmpipe) pays for every pixel it draws.
#pragma once

#include "imgui.h"

#include <cstdint>
#include <vector>

namespace kiosk::ui {

/// A rectangle of framebuffer pixels, top-left origin, x1/y1 exclusive.
struct PixelRect {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    int area() const { return (x1 - x0) * (y1 - y0); }
    bool operator==(const PixelRect&) const = default;
};

/// What must be drawn again this frame.
struct Damage {
    bool full = true;                ///< everything (the first frame, a new size or background, much changed)
    std::vector<PixelRect> rects;    ///< when not full: where it changed; empty when nothing did
};

/// Fingerprints each frame's draw data per tile of the framebuffer: every triangle (its vertices, clip rectangle,
/// texture and the render state callbacks before it) is mixed, in drawing order, into the tiles its clipped bounds
/// touch. A tile whose fingerprint is the same as last frame's is drawn over by the same triangles in the same order,
/// so its pixels are the same; the changed tiles are merged into a few rectangles.
class FrameDamage {
public:
    static constexpr int kTile = 32;         ///< pixels
    static constexpr int kMaxRects = 6;      ///< more are merged, the two whose union adds least first
    static constexpr double kFullShare = 0.6;  ///< a larger changed share of the screen draws everything

    /// The damage of `data` (after any mirroring, as it will be rendered) against the last frame given here.
    Damage Update(const ImDrawData& data, ImU32 background, int framebufferWidth, int framebufferHeight);
    /// The next frame draws everything (the window lost what it showed, its fonts changed).
    void Invalidate() { m_valid = false; }

private:
    std::vector<std::uint64_t> m_tiles, m_previous;
    int m_columns = 0, m_rows = 0, m_width = 0, m_height = 0;
    ImU32 m_background = 0;
    bool m_valid = false;
};

/// The clip rectangles of every draw command, in order, to narrow them for one damaged rectangle after another.
std::vector<ImVec4> SaveClipRects(const ImDrawData& data);
/// Sets every draw command's clip rectangle to the pixels its saved one lets ImGui's OpenGL backend draw (the
/// backend truncates to whole pixels) that lie inside `rect` (framebuffer pixels, `framebufferHeight` tall), so
/// that rendering the data draws inside `rect` only and each pixel there as the whole frame draws it. Commands
/// outside get an empty clip rectangle, which the backend skips. Exact for whole-number framebuffer scales.
void ClipDrawDataTo(ImDrawData& data, const std::vector<ImVec4>& saved, const PixelRect& rect, int framebufferHeight);
/// Puts the saved clip rectangles back.
void RestoreClipRects(ImDrawData& data, const std::vector<ImVec4>& saved);

}  // namespace kiosk::ui
