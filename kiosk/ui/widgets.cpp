// Shared pieces of the kiosk's screens, drawn from the theme's tokens.
#include "kiosk/ui/widgets.h"

#include "imgui.h"

#include <algorithm>
#include <cfloat>
#include <cstring>

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
    draw->AddCircleFilled(ImVec2(x + pad + dot, y + h * 0.5f), dot, dotColour | 0xFF000000u, 16);
    AddShapedText(draw, font, size, ImVec2(x + pad * 2 + dot * 2, y + scale.xs), p.text.packed(), shown.c_str());
    return w;
}

void DrawCard(ImDrawList* draw, const Box& box, unsigned int accent, const theme::Scale& scale) {
    const theme::Palette& p = theme::palette();
    const ImVec2 min(box.x, box.y), max(box.right(), box.bottom());
    draw->AddRectFilled(min, max, p.surface.packed(), scale.radius);
    if (accent != 0) {
        draw->AddRectFilled(min, ImVec2(min.x + scale.s, max.y), accent | 0xFF000000u, scale.radius, ImDrawFlags_RoundCornersLeft);
    }
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

float readingOptionsHeight(const Frame& frame) { return frame.scale().target; }

float DrawReadingOptions(const core::KioskState& state, Frame& frame, float x, float y, float width) {
    const theme::Scale sc = frame.scale();
    ImFont* bold = frame.fonts.bold;
    struct Switch {
        const char* id;
        const char* label;
        const char* icon;
        bool on;
        core::Event event;
    };
    const Switch switches[] = {
        {"text_size", "common.large_text", icon::kTextSize, state.largeText, core::ev::SetLargeText{!state.largeText}},
        {"contrast", "common.high_contrast", icon::kContrast, state.highContrast, core::ev::SetHighContrast{!state.highContrast}},
    };
    // Side by side, each as wide as its label needs (the wider one sets both); half the width each at most.
    float w = sc.target * 3.0f;
    for (const Switch& s : switches) w = std::max(w, textWidth(bold, bold->FontSize, frame.t(s.label)) + bold->FontSize + sc.s + sc.l * 2);
    w = std::min(w, (width - sc.m) * 0.5f);
    float left = x + (width - w * 2 - sc.m) * 0.5f;
    for (const Switch& s : switches) {
        ImGui::SetCursorScreenPos(ImVec2(left, y));
        ButtonStyle style;
        // Selected like a chosen tab while switched on: the same button switches it off again.
        style.kind = s.on ? ButtonKind::TabSelected : ButtonKind::Secondary;
        style.icon = s.icon;
        style.font = bold;
        if (StyledButton(frame, s.id, frame.t(s.label), ImVec2(w, readingOptionsHeight(frame)), style)) frame.events.push_back(s.event);
        left += w + sc.m;
    }
    return readingOptionsHeight(frame);
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
