// Shared pieces of the kiosk's screens, drawn from the theme's tokens.
#include "kiosk/ui/widgets.h"

#include "imgui.h"

#include <algorithm>
#include <cfloat>
#include <cstring>
#include <vector>

namespace kiosk::ui {

Box contentBox(const Frame& frame) {
    const ImVec2 screen = ImGui::GetMainViewport()->Size;
    const theme::Grid g = frame.grid();
    const float top = frame.contentTop > 0 ? frame.contentTop : g.top;
    return {g.x, top, g.width, std::max(0.0f, screen.y - g.bottom - frame.reservedBottom - top)};
}

float tokensWidth(int total, float radius) { return static_cast<float>(std::max(0, total)) * radius * 2.7f; }

float DrawTokens(ImDrawList* draw, float x, float centreY, int filled, int total, float radius) {
    const theme::Palette& p = theme::palette();
    for (int i = 0; i < total; ++i) {
        const ImVec2 c(x + radius * 1.35f + static_cast<float>(i) * radius * 2.7f, centreY);
        if (i < filled) {
            draw->AddCircleFilled(c, radius, p.tokenFull.packed(), 24);
        } else {
            draw->AddCircle(c, radius - 1.5f, p.tokenEmpty.packed(), 24, 3.0f);
        }
    }
    return tokensWidth(total, radius);
}

float categoryRim(const theme::Scale& scale) { return theme::palette().rimCategoryMarks ? std::max(2.5f, scale.border) : 0.0f; }

void DrawCategoryDot(ImDrawList* draw, const ImVec2& centre, float radius, unsigned int colour, const theme::Scale& scale) {
    if (const float rim = categoryRim(scale); rim > 0) draw->AddCircleFilled(centre, radius + rim, theme::palette().border.packed(), 24);
    draw->AddCircleFilled(centre, radius, colour | 0xFF000000u, 16);
}

void DrawCategoryStripe(ImDrawList* draw, const ImVec2& min, const ImVec2& max, unsigned int colour, float rounding,
                        int corners, const theme::Scale& scale) {
    const float rim = categoryRim(scale);
    if (rim <= 0) {
        draw->AddRectFilled(min, max, colour | 0xFF000000u, rounding, corners);
        return;
    }
    // The rim stays inside the stripe's box at the top, the bottom and the card's edge (a list's clip rectangle would
    // cut it there); the colour keeps its width and moves inward by the rim.
    draw->AddRectFilled(min, ImVec2(max.x + rim * 2, max.y), theme::palette().border.packed(), rounding, corners);
    draw->AddRectFilled(ImVec2(min.x + rim, min.y + rim), ImVec2(max.x + rim, max.y - rim), colour | 0xFF000000u,
                        std::max(0.0f, rounding - rim), corners);
}

float chipHeight(ImFont* font, const theme::Scale& scale) { return font->FontSize + scale.xs * 2; }

float DrawChip(ImDrawList* draw, ImFont* font, float x, float y, const std::string& text, unsigned int dotColour,
               float maxWidth, const theme::Scale& scale) {
    const theme::Palette& p = theme::palette();
    const float size = font->FontSize;
    const float dot = size * 0.22f;
    const float pad = scale.s;
    const float textRoom = std::max(0.0f, maxWidth - pad * 3 - dot * 2);
    const std::string shown = fitText(font, size, text, textRoom);
    const float w = pad * 3 + dot * 2 + textWidth(font, size, shown);
    const float h = chipHeight(font, scale);
    if (!insideClip(draw, ImVec2(x, y), ImVec2(x + w, y + h))) return w;
    draw->AddRectFilled(ImVec2(x, y), ImVec2(x + w, y + h), p.surfaceSunken.packed(), h * 0.5f);
    DrawCategoryDot(draw, ImVec2(x + pad + dot, y + h * 0.5f), dot, dotColour, scale);
    AddShapedText(draw, font, size, ImVec2(x + pad * 2 + dot * 2, y + scale.xs), p.text.packed(), shown.c_str());
    return w;
}

void DrawCard(ImDrawList* draw, const Box& box, unsigned int accent, const theme::Scale& scale) {
    const theme::Palette& p = theme::palette();
    const ImVec2 min(box.x, box.y), max(box.right(), box.bottom());
    draw->AddRectFilled(min, max, p.surface.packed(), scale.radius);
    if (accent != 0) DrawCategoryStripe(draw, min, ImVec2(min.x + scale.s, max.y), accent, scale.radius, ImDrawFlags_RoundCornersLeft, scale);
}

float DrawBackButton(Frame& frame, const std::string& label, float x, float y) {
    const theme::Scale sc = frame.scale();
    ImFont* bold = frame.fonts.bold;
    const float width = std::max(sc.target * 1.6f, textWidth(bold, bold->FontSize, label) + bold->FontSize + sc.s + sc.m * 2);
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    ButtonStyle back;
    back.kind = ButtonKind::Quiet;
    back.icon = frame.backArrow();
    back.font = bold;
    if (StyledButton(frame, "back", label, ImVec2(width, sc.target), back)) frame.events.push_back(core::ev::Back{});
    return width;
}

namespace {

// The session's reading switches, one list for their layout and their drawing.
struct ReadingSwitch {
    const char* id;
    const char* label;
    const char* icon;
    bool core::KioskState::*on;
    core::Event (*switchTo)(bool);  // the event that switches it to the given state
};

constexpr ReadingSwitch kReadingSwitches[] = {
    {"text_size", "common.large_text", icon::kTextSize, &core::KioskState::largeText,
     [](bool on) -> core::Event { return core::ev::SetLargeText{on}; }},
    {"contrast", "common.high_contrast", icon::kContrast, &core::KioskState::highContrast,
     [](bool on) -> core::Event { return core::ev::SetHighContrast{on}; }},
};

// Each switch as wide as its icon, label and on/off switch need (the wider one sets both): side by side when two fit
// into `width`, one above the other when not (a portrait stele in large text), so no label is left out.
struct ReadingLayout {
    float buttonWidth = 0;
    bool stacked = false;
};

ReadingLayout readingLayout(const Frame& frame, float width) {
    const theme::Scale sc = frame.scale();
    ImFont* bold = frame.fonts.bold;
    const float fixed = bold->FontSize + sc.s + switchWidth(bold->FontSize) + sc.m + sc.l * 2;
    float w = sc.target * 3.0f;
    for (const ReadingSwitch& s : kReadingSwitches) w = std::max(w, textWidth(bold, bold->FontSize, frame.t(s.label)) + fixed);
    if (w * 2 + sc.m <= width) return {w, false};
    return {std::min(w, width), true};
}

}  // namespace

float readingOptionsHeight(const Frame& frame, float width) {
    const theme::Scale sc = frame.scale();
    return readingLayout(frame, width).stacked ? sc.target * 2 + sc.s : sc.target;
}

float DrawReadingOptions(const core::KioskState& state, Frame& frame, float x, float y, float width) {
    const theme::Scale sc = frame.scale();
    const ReadingLayout layout = readingLayout(frame, width);
    const float w = layout.buttonWidth;
    float left = layout.stacked ? x + (width - w) * 0.5f : x + (width - w * 2 - sc.m) * 0.5f;
    float top = y;
    for (const ReadingSwitch& s : kReadingSwitches) {
        const bool on = state.*s.on;
        ImGui::SetCursorScreenPos(ImVec2(left, top));
        ButtonStyle style;
        // Selected like a chosen tab while switched on, and the switch at its end says so in shape as well as colour:
        // the same button switches it off again.
        style.kind = on ? ButtonKind::TabSelected : ButtonKind::Secondary;
        style.icon = s.icon;
        style.font = frame.fonts.bold;
        style.checked = on;
        style.knob = true;
        if (StyledButton(frame, s.id, frame.t(s.label), ImVec2(w, sc.target), style)) frame.events.push_back(s.switchTo(!on));
        if (layout.stacked) {
            top += sc.target + sc.s;
        } else {
            left += w + sc.m;
        }
    }
    return readingOptionsHeight(frame, width);
}

ImVec2 wrappedTextEnd(ImFont* font, float size, const std::string& text, float wrapWidth) {
    const char* s = text.c_str();
    const char* end = s + text.size();
    const float scale = size / font->FontSize;
    float y = 0;
    float lastWidth = 0;
    if (s == end) return ImVec2(0, 0);
    while (s < end) {
        const char* lineEnd = font->CalcWordWrapPositionA(scale, s, end, wrapWidth);
        if (lineEnd == s) ++lineEnd;
        // A forced line break ends the line; the next line starts after it.
        const char* newline = static_cast<const char*>(std::memchr(s, '\n', static_cast<std::size_t>(lineEnd - s)));
        if (newline) lineEnd = newline;
        lastWidth = font->CalcTextSizeA(size, FLT_MAX, 0.0f, s, lineEnd).x;
        if (newline) {
            s = newline + 1;
            y += size;
            lastWidth = 0;
            if (s == end) break;
            continue;
        }
        s = lineEnd;
        if (s < end) {
            // ImGui drops the spaces at a wrap: they do not start the next line.
            while (s < end && *s == ' ') ++s;
            if (s == end) break;
            y += size;
            lastWidth = 0;
        }
    }
    return ImVec2(lastWidth, y);
}

std::size_t wrappedLinesStart(ImFont* font, float size, const std::string& text, float wrapWidth, int lines) {
    const char* begin = text.c_str();
    const char* s = begin;
    const char* end = s + text.size();
    const float scale = size / font->FontSize;
    // The same line breaks as wrappedTextEnd (and ImGui's own wrapping): a forced break, or a wrap whose
    // following spaces are dropped.
    for (int line = 0; line < lines && s < end; ++line) {
        const char* lineEnd = font->CalcWordWrapPositionA(scale, s, end, wrapWidth);
        if (lineEnd == s) ++lineEnd;
        if (const char* newline = static_cast<const char*>(std::memchr(s, '\n', static_cast<std::size_t>(lineEnd - s)))) {
            s = newline + 1;
            continue;
        }
        s = lineEnd;
        while (s < end && *s == ' ') ++s;
    }
    return static_cast<std::size_t>(s - begin);
}

}  // namespace kiosk::ui
