// A frame's draw data as a software rasteriser sees it: how much it draws, and the full-screen background it can
// clear instead of blending.
#pragma once

#include "imgui.h"

#include <optional>

namespace kiosk::ui {

/// What one frame hands the renderer.
struct DrawDataStats {
    int lists = 0;
    int commands = 0;      ///< draw calls
    int vertices = 0;
    int indices = 0;       ///< three per triangle
    double covered = 0;    ///< pixels covered by the triangles, each counted as often as it is drawn over
    double screen = 0;     ///< pixels of the display
    /// How often each pixel is drawn on average (covered / screen).
    double overdraw() const { return screen > 0 ? covered / screen : 0.0; }
};

/// Counts the draw data's lists, commands, vertices and indices, and adds up the area of its triangles inside
/// their clip rectangles (an area, not a rasteriser's exact pixel count). Commands that are callbacks count as
/// commands only.
DrawDataStats MeasureDrawData(const ImDrawData& data);

/// Dear ImGui draws a window's background as a blended rectangle. When the frame's very first triangles are one
/// opaque, untextured rectangle over the whole display (a full-screen window's background), they are taken out
/// of the first command and their colour is returned: clearing the framebuffer with it gives the same pixels,
/// without blending every pixel of the screen once more. Otherwise the data is left alone and nullopt returned.
std::optional<ImU32> TakeOpaqueBackground(ImDrawData& data);

}  // namespace kiosk::ui
