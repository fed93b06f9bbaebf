// Draws the join QR code (see join_code.h).
#include "kiosk/ui/join_code.h"

#include "kiosk/ui/frame.h"

#include "imgui.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {

namespace {
constexpr unsigned int kLight = IM_COL32(255, 255, 255, 255);
}  // namespace

JoinCodeLayout LayoutJoinCode(const JoinCode& code, ImFont* font, float fontSize, float x, float y, float maxSide,
                              float maxHeight) {
    JoinCodeLayout layout;
    if (!code.shown()) return layout;
    const float modules = static_cast<float>(code.size + 2 * kQuietModules);
    const float labelWidth = textWidth(font, fontSize, code.label);
    // The label gets a line of the font's size (smaller only when the address is wider than the square).
    const float labelLine = fontSize * 1.3f;
    layout.module = std::floor(std::min(maxSide, maxHeight - labelLine) / modules);
    if (!layout.fits()) return layout;
    layout.side = layout.module * modules;
    layout.labelSize = labelWidth > layout.side ? fontSize * layout.side / labelWidth : fontSize;
    layout.x = std::floor(x + (maxSide - layout.side) / 2);
    layout.y = std::floor(y);
    layout.height = layout.side + labelLine;
    return layout;
}

void DrawJoinCode(ImDrawList* draw, const JoinCode& code, ImFont* font, const JoinCodeLayout& layout, unsigned int labelColour) {
    if (!code.shown() || !layout.fits()) return;
    const float m = layout.module;
    draw->AddRectFilled(ImVec2(layout.x, layout.y), ImVec2(layout.x + layout.side, layout.y + layout.side), kLight);
    // One rectangle per run of dark modules in a row: a few hundred rectangles instead of a thousand squares.
    const float left = layout.x + kQuietModules * m;
    const float top = layout.y + kQuietModules * m;
    for (int row = 0; row < code.size; ++row) {
        int column = 0;
        while (column < code.size) {
            if (!code.at(column, row)) {
                ++column;
                continue;
            }
            const int start = column;
            while (column < code.size && code.at(column, row)) ++column;
            draw->AddRectFilled(ImVec2(left + static_cast<float>(start) * m, top + static_cast<float>(row) * m),
                                ImVec2(left + static_cast<float>(column) * m, top + static_cast<float>(row + 1) * m),
                                kModuleColour);
        }
    }
    const float labelWidth = textWidth(font, layout.labelSize, code.label);
    AddShapedText(draw, font, layout.labelSize,
                  ImVec2(std::floor(layout.x + (layout.side - labelWidth) / 2), layout.y + layout.side + layout.labelSize * 0.15f),
                  labelColour, code.label.c_str());
}

}  // namespace kiosk::ui
