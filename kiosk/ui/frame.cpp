// Touch widgets and the full-screen window helper.
#include "kiosk/ui/frame.h"

#include "imgui.h"

#include "kiosk/core/text_edit.h"

#include <algorithm>
#include <cfloat>
#include <utility>
#include <vector>

namespace kiosk::ui {

Metrics Metrics::forScreen(float width, float height) {
    Metrics m;
    m.portrait = height > width;
    // Scale from the shorter side so a 1080×1920 stele gets the same finger-sized targets as 1920×1080.
    const float scale = std::min(width, height) / 1080.0f;
    m.unit = 20.0f * scale;
    m.target = std::max(60.0f * scale, 90.0f * scale);
    return m;
}

std::string Frame::t(const std::string& key) const { return text.text(language, key); }

bool Frame::mirrored() const { return isRightToLeftLanguage(language); }
const char* Frame::forwardArrow() const { return mirrored() ? icon::kBack : icon::kNext; }
const char* Frame::backArrow() const { return mirrored() ? icon::kNext : icon::kBack; }

theme::Scale Frame::scale() const {
    const ImVec2 size = ImGui::GetMainViewport()->Size;
    return theme::scaleFor(size.x, size.y);
}

theme::Grid Frame::grid() const {
    const ImVec2 size = ImGui::GetMainViewport()->Size;
    return theme::gridFor(size.x, size.y, scale());
}

Pen::Pen(const Frame& frame) : sc(frame.scale()), p(theme::palette()), draw(ImGui::GetWindowDrawList()) {}

// [SECTION] Text that fits

float textWidth(ImFont* font, float size, const std::string& text) { return shapedTextSize(font, size, text).x; }

float widestWordWidth(ImFont* font, float size, const std::string& text) {
    float widest = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find_first_of(" \n", start), text.size());
        if (end > start) widest = std::max(widest, textWidth(font, size, text.substr(start, end - start)));
        start = end + 1;
    }
    return widest;
}

float textHeight(ImFont* font, float size, const std::string& text, float wrapWidth) {
    return shapedTextSize(font, size, text, wrapWidth).y;
}

namespace {

// The longest shortening of `text` (whole characters and "…") for which `fits` holds, by bisection.
template <typename Fits>
std::string longestFitting(const std::string& text, Fits fits) {
    if (fits(text)) return text;
    std::size_t low = 1, high = core::characterCount(text);
    std::string best = core::shortenForDisplay(text, 1);
    while (low + 1 < high) {
        const std::size_t mid = (low + high) / 2;
        std::string candidate = core::shortenForDisplay(text, mid);
        if (fits(candidate)) {
            low = mid;
            best = std::move(candidate);
        } else {
            high = mid;
        }
    }
    return best;
}

}  // namespace

std::string fitText(ImFont* font, float size, const std::string& text, float maxWidth) {
    // One line: line breaks inside a title become spaces.
    std::string flat = text;
    std::replace(flat.begin(), flat.end(), '\n', ' ');
    // Half a pixel of slack: a width computed as "text + padding - padding" must still fit its own text.
    return longestFitting(flat, [&](const std::string& s) { return textWidth(font, size, s) <= maxWidth + 0.5f; });
}

std::string fitLines(ImFont* font, float size, const std::string& text, float wrapWidth, int maxLines) {
    const float limit = size * static_cast<float>(maxLines) + size * 0.25f;
    return longestFitting(text, [&](const std::string& s) { return textHeight(font, size, s, wrapWidth) <= limit; });
}

FittedHeading fitHeading(ImFont* font, float size, float smallest, const std::string& text, float width, int maxLines) {
    auto fits = [&](float s, int lines) { return textHeight(font, s, text, width) <= s * static_cast<float>(lines) + s * 0.25f; };
    auto whole = [&](float s) { return FittedHeading{text, s, textHeight(font, s, text, width)}; };
    for (float s = size; s >= size * 0.8f - 0.01f; s -= size * 0.05f) {
        if (fits(s, 1)) return whole(s);
    }
    for (float s = size; s >= smallest - 0.01f; s -= size * 0.05f) {
        if (fits(s, maxLines)) return whole(s);
    }
    const std::string shown = fitLines(font, smallest, text, width, maxLines);
    return {shown, smallest, textHeight(font, smallest, shown, width)};
}

bool insideClip(ImDrawList* draw, const ImVec2& min, const ImVec2& max) {
    const ImVec2 clipMin = draw->GetClipRectMin();
    const ImVec2 clipMax = draw->GetClipRectMax();
    constexpr float slack = 1.0f;
    return min.x >= clipMin.x - slack && min.y >= clipMin.y - slack && max.x <= clipMax.x + slack && max.y <= clipMax.y + slack;
}

float DrawText(ImDrawList* draw, ImFont* font, float size, const ImVec2& pos, theme::Rgb colour, const std::string& text,
               float wrapWidth) {
    // A block of text is drawn whole or not at all: a card half scrolled out of its list shows no half lines.
    const ImVec2 extent = shapedTextSize(font, size, text, wrapWidth);
    if (!insideClip(draw, pos, ImVec2(pos.x + extent.x, pos.y + extent.y))) return wrapWidth > 0 ? extent.y : size;
    AddShapedText(draw, font, size, pos, colour.packed(), text.c_str(), text.c_str() + text.size(), wrapWidth);
    return wrapWidth > 0 ? extent.y : size;
}

float DrawTextCentred(ImDrawList* draw, ImFont* font, float size, float x, float y, float width, theme::Rgb colour,
                      const std::string& text) {
    const char* s = text.c_str();
    const char* end = s + text.size();
    const float scale = size / font->FontSize;
    float top = y;
    const float height = textHeight(font, size, text, width);
    const bool visible = insideClip(draw, ImVec2(x, y), ImVec2(x + width, y + height));
    if (core::hasRightToLeft(text)) {  // lines broken on logical words, each reordered, then centred
        for (const auto& line : visualLines(font, size, text, width)) {
            const float w = visualWidth(font, size, line.visual);
            if (visible) AddVisualText(draw, font, size, ImVec2(x + std::max(0.0f, (width - w) * 0.5f), top), colour.packed(), line.visual);
            top += size;
        }
        return top - y;
    }
    while (s < end) {
        const char* lineEnd = font->CalcWordWrapPositionA(scale, s, end, width);
        if (lineEnd == s) ++lineEnd;  // a single glyph wider than the line still advances
        const char* shownEnd = lineEnd;
        while (shownEnd > s && (shownEnd[-1] == ' ' || shownEnd[-1] == '\n')) --shownEnd;
        const float w = font->CalcTextSizeA(size, FLT_MAX, 0.0f, s, shownEnd).x;
        if (visible) AddShapedText(draw, font, size, ImVec2(x + std::max(0.0f, (width - w) * 0.5f), top), colour.packed(), s, shownEnd);
        top += size;
        s = lineEnd;
        while (s < end && (*s == ' ' || *s == '\n')) ++s;
    }
    return top - y;
}

// [SECTION] Buttons

namespace {

struct ButtonColours {
    theme::Rgb background, text, pressed;
};

ButtonColours coloursFor(ButtonKind kind) {
    const theme::Palette& p = theme::palette();
    switch (kind) {
        case ButtonKind::Primary:
        case ButtonKind::TabSelected: return {p.primary, p.onPrimary, p.primaryPressed};
        case ButtonKind::Success: return {p.success, p.onSuccess, p.successPressed};
        case ButtonKind::Danger: return {p.trouble, p.onTrouble, p.trouble};
        case ButtonKind::Card:
        case ButtonKind::Key:
        case ButtonKind::Quiet:
        case ButtonKind::OnBand: return {p.keySurface, p.text, p.surfacePressed};
        case ButtonKind::Secondary:
        case ButtonKind::Tab: break;
    }
    return {p.surfaceSunken, p.text, p.surfacePressed};
}

// A tap lands only on the part of a button inside the current clip rectangle (a list cuts its last card off):
// the automation file describes that part, and no button that is cut off completely.
void recordTappable(Frame& frame, UiElement element) {
    const ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 clipMin = draw->GetClipRectMin();
    const ImVec2 clipMax = draw->GetClipRectMax();
    const float left = std::max(element.x, clipMin.x), right = std::min(element.x + element.w, clipMax.x);
    const float top = std::max(element.y, clipMin.y), bottom = std::min(element.y + element.h, clipMax.y);
    if (right <= left || bottom <= top) return;
    element.cut = left > element.x || top > element.y || right < element.x + element.w || bottom < element.y + element.h;
    element.x = left;
    element.y = top;
    element.w = right - left;
    element.h = bottom - top;
    frame.elements.push_back(std::move(element));
}

// The switch's track, in parts of the label's font size: about as high as the label's capitals.
constexpr float kSwitchHeight = 0.7f;
constexpr float kSwitchWidth = 1.7f;

// Off: an outlined track with a solid knob at the start. On: a solid track, the knob at the end in the button's
// colour and a check mark where the knob was. Two shapes, so the state does not rest on colour alone.
void drawSwitch(ImDrawList* draw, ImFont* font, ImVec2 min, bool on, theme::Rgb ink, theme::Rgb ground, float line) {
    const float fontSize = font->FontSize;
    const float h = fontSize * kSwitchHeight;
    const float w = fontSize * kSwitchWidth;
    const float r = h * 0.5f;
    const ImVec2 max(min.x + w, min.y + h);
    const float knob = r - line * 1.5f;
    if (!on) {
        draw->AddRect(min, max, ink.packed(), r, 0, line);
        draw->AddCircleFilled(ImVec2(min.x + r, min.y + r), knob, ink.packed(), 24);
        return;
    }
    draw->AddRectFilled(min, max, ink.packed(), r);
    draw->AddCircleFilled(ImVec2(max.x - r, min.y + r), knob, ground.packed(), 24);
    // A glyph, not lines: the mirrored Arabic picture moves text whole, so the check mark keeps its shape there.
    const float markSize = h * 0.8f;
    const float markWidth = textWidth(font, markSize, icon::kDone);
    const float freeLeft = min.x + r * 0.5f, freeRight = max.x - h;  // beside the knob, clear of the round end
    AddShapedText(draw, font, markSize, ImVec2(freeLeft + (freeRight - freeLeft - markWidth) * 0.5f, min.y + (h - markSize) * 0.5f),
                  ground.packed(), icon::kDone);
}

}  // namespace

float switchWidth(float fontSize) { return fontSize * kSwitchWidth; }

namespace {

float chosenBarThickness(const theme::Scale& scale) { return std::max(4.0f, scale.xs * 1.2f); }

// Along the bottom of a chosen tab, inset from its rounded corners, in the colour of its label.
void drawChosenBar(ImDrawList* draw, const ImVec2& min, const ImVec2& max, theme::Rgb ink, const theme::Scale& scale) {
    const float thickness = chosenBarThickness(scale);
    const float inset = std::min(std::max(scale.radius, scale.m), (max.x - min.x) * 0.25f);
    const float bottom = max.y - scale.xs;
    draw->AddRectFilled(ImVec2(min.x + inset, bottom - thickness), ImVec2(max.x - inset, bottom), ink.packed(), thickness * 0.5f);
}

}  // namespace

float chosenBarRoom(const theme::Scale& scale) { return chosenBarThickness(scale) + scale.xs; }

bool LanguageChoice(Frame& frame, const std::string& id, const std::string& code, bool chosen, const ImVec2& size) {
    ButtonStyle style;
    style.kind = chosen ? ButtonKind::TabSelected : ButtonKind::Secondary;
    style.font = frame.fonts.bold;
    style.icon = chosen ? icon::kDone : nullptr;
    style.checked = chosen;
    return StyledButton(frame, id, frame.text.languageName(code), size, style);
}

bool StyledButton(Frame& frame, const std::string& id, const std::string& label, const ImVec2& requested,
                  const ButtonStyle& style) {
    const ImVec2 size(std::max(1.0f, requested.x), std::max(1.0f, requested.y));
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    recordTappable(frame, {.id = id, .role = style.role, .label = label, .x = pos.x, .y = pos.y, .w = size.x, .h = size.y,
                           .enabled = style.enabled, .cut = false, .checked = style.checked});
    ImGui::PushID(id.c_str());
    if (!style.enabled) ImGui::BeginDisabled();
    const bool released = ImGui::InvisibleButton("##button", size);
    const bool held = ImGui::IsItemActive();
    if (!style.enabled) ImGui::EndDisabled();
    ImGui::PopID();
    const bool fired = released && style.enabled && !frame.suppressTaps;
    if (fired && frame.press) *frame.press = {id, frame.now + theme::kPressFeedbackSeconds};
    const bool flashing = frame.press && frame.press->id == id && frame.now < frame.press->until;

    const auto [sc, p, draw] = Pen(frame);
    ButtonColours colours = coloursFor(style.kind);
    if (!style.enabled) colours = {p.disabled, p.onDisabled, p.disabled};
    const bool pressed = style.enabled && (held || flashing);
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    // A card in a list is its own button, and the card drawn beneath already shows the idle colour: only a press
    // draws over it. On a PC without a graphics card (llvmpipe) each card-sized rectangle costs its pixels once
    // more; measured while scrolling 5,000 ideas: overdraw 1.04 -> 0.69 screens, frame CPU p50 25-31 -> 18 ms.
    const bool cardAtRest = style.kind == ButtonKind::Card && !pressed && colours.background.packed() == p.surface.packed();
    if (pressed && style.kind == ButtonKind::Danger) {
        draw->AddRectFilled(pos, max, p.troubleSurface.packed(), sc.radius);
        colours.text = p.trouble;
    } else if (!cardAtRest) {
        draw->AddRectFilled(pos, max, (pressed ? colours.pressed : colours.background).packed(), sc.radius);
    }
    if (style.kind == ButtonKind::Quiet || style.kind == ButtonKind::Key) {
        draw->AddRect(pos, max, p.border.packed(), sc.radius, 0, std::max(1.0f, sc.border * 0.5f));
    }

    if (style.underline && style.checked.value_or(false)) drawChosenBar(draw, pos, max, colours.text, sc);
    if (style.custom || !insideClip(draw, pos, max)) return fired;  // no label on a button half out of its list
    // Icon and label, centred; a label that does not fit is shortened (or wrapped when the button has room).
    ImFont* font = style.font ? style.font : ImGui::GetFont();
    const float fontSize = font->FontSize;
    const float pad = std::min(sc.m, size.x * 0.1f);
    const float gap = sc.s;
    // A switch takes the trailing end; icon and label are centred in the rest.
    const bool withSwitch = style.knob && style.checked.has_value();
    const float contentWidth = withSwitch ? std::max(0.0f, size.x - pad - switchWidth(fontSize)) : size.x;
    if (withSwitch) {
        const ImVec2 at(max.x - pad - switchWidth(fontSize), pos.y + (size.y - fontSize * kSwitchHeight) * 0.5f);
        drawSwitch(draw, font, at, *style.checked, colours.text, pressed ? colours.pressed : colours.background,
                   std::max(2.0f, sc.border * 0.8f));
    }
    const std::string iconText = style.icon ? style.icon : "";
    const float iconWidth = iconText.empty() ? 0.0f : textWidth(font, fontSize, iconText);
    const float room = std::max(0.0f, contentWidth - 2 * pad - (iconWidth > 0 && !label.empty() ? iconWidth + gap : iconWidth));
    const int lines = std::max(1, static_cast<int>((size.y - sc.s) / fontSize));
    std::string shown = label;
    // Wrapped only between words: a single word wider than the room ("Beliebteste" in a narrow tab) shrinks below
    // rather than break inside the word.
    if (lines >= 2 && iconText.empty() && textWidth(font, fontSize, label) > room && widestWordWidth(font, fontSize, label) <= room) {
        shown = fitLines(font, fontSize, label, room, lines);
        const float h = textHeight(font, fontSize, shown, room);
        DrawTextCentred(draw, font, fontSize, pos.x + pad, pos.y + (size.y - h) * 0.5f, contentWidth - 2 * pad, colours.text, shown);
        return fired;
    }
    // A label a little too wide (a key's "?123" in large text) shrinks, no smaller than ordinary body text, before
    // it is shortened.
    float labelSize = fontSize;
    const float smallest = std::min(fontSize, sc.body);
    while (labelSize > smallest && textWidth(font, labelSize, label) > room + 0.5f) labelSize = std::max(smallest, labelSize - fontSize * 0.05f);
    shown = fitText(font, labelSize, label, room);
    if (!iconText.empty() && shown != label) shown.clear();  // an icon alone rather than a cut word beside it
    const float labelWidth = shown.empty() ? 0.0f : textWidth(font, labelSize, shown);
    const float total = iconWidth + (iconWidth > 0 && labelWidth > 0 ? gap : 0.0f) + labelWidth;
    float x = pos.x + std::max(pad, (contentWidth - total) * 0.5f);
    const float y = pos.y + (size.y - fontSize) * 0.5f;
    if (!iconText.empty()) {
        AddShapedText(draw, font, fontSize, ImVec2(x, y), colours.text.packed(), iconText.c_str());
        x += iconWidth + gap;
    }
    if (!shown.empty()) {
        AddShapedText(draw, font, labelSize, ImVec2(x, y + (fontSize - labelSize) * 0.5f), colours.text.packed(), shown.c_str());
    }
    return fired;
}

bool TouchButton(Frame& frame, const std::string& id, const std::string& label, const ImVec2& size, bool enabled,
                 bool primary, const char* role) {
    ButtonStyle style;
    const bool tab = std::string(role) == "tab";
    style.kind = tab ? (primary ? ButtonKind::TabSelected : ButtonKind::Tab)
                     : std::string(role) == "key" ? (primary ? ButtonKind::Primary : ButtonKind::Key)
                     : primary ? ButtonKind::Primary : ButtonKind::Secondary;
    style.role = role;
    style.enabled = enabled;
    return StyledButton(frame, id, label, size, style);
}

std::string typedCharacters() {
    const ImVector<ImWchar>& queue = ImGui::GetIO().InputQueueCharacters;
    const std::vector<unsigned int> codepoints(queue.begin(), queue.end());
    return core::utf8FromCodepoints(codepoints.data(), codepoints.size());
}

void BeginFullscreen(const char* name, unsigned int background) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, background);
    ImGui::Begin(name, nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleColor();
    // Text drawn through ImGui's own widgets (the panel) takes the theme's colours too.
    ImGui::PushStyleColor(ImGuiCol_Text, theme::palette().text.packed());
    ImGui::PushStyleColor(ImGuiCol_TextDisabled, theme::palette().textMuted.packed());
}

void EndFullscreen() {
    ImGui::PopStyleColor(2);
    ImGui::End();
}

}  // namespace kiosk::ui
