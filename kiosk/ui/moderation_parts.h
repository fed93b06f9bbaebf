// Pieces the moderators' panel shares between its files: where things go, status colours, row cards, buttons.
// Internal to kiosk/ui (the panel's .cpp files include it; nothing else does).
#pragma once

#include "kiosk/ui/fonts.h"
#include "kiosk/ui/moderation_view.h"
#include "kiosk/ui/widgets.h"

#include "imgui.h"

#include <algorithm>
#include <string>

namespace kiosk::ui::panel {

using Action = core::PanelAction;
using Kind = core::PanelAction::Kind;

/// Where the panel's parts go on this screen: full width (moderators want room), the theme's spacing. Landscape puts
/// the list and the pane side by side; portrait puts the pane under the list.
struct PanelLayout {
    float margin, bandRow, bandSmall, bandHeight, tabsTop, tabsHeight, top, bottom, controlHeight;
    float listWidth, listBottom;              ///< the list starts at `top`, at the left margin
    float paneLeft, paneTop, paneWidth;       ///< the chosen idea or session; it ends at `bottom`
    float rowHeight, rowGap;

    /// `band`: the band's height this frame (ModerationView::band), 0 before it was measured: two rows.
    static PanelLayout of(const Frame& frame, float band) {
        const theme::Scale sc = frame.scale();
        const ImVec2 screen = ImGui::GetMainViewport()->Size;
        const bool portrait = screen.y > screen.x;
        PanelLayout l{};
        l.margin = sc.l;
        // The band's first row holds the title and its buttons, and the event's name and the sync where they fit
        // beside them; else a second row holds these, on up to two lines of smaller text each.
        l.bandRow = sc.target;
        l.bandSmall = frame.fonts.body->FontSize * 0.8f;
        l.bandHeight = band > 0 ? band : l.bandRow + l.bandSmall * 2.25f + sc.s;
        l.tabsTop = l.bandHeight + sc.m;
        // Upright, five tabs are narrow: their labels get two lines.
        l.tabsHeight = portrait ? frame.fonts.bold->FontSize * 2 + sc.m * 1.5f : sc.target * 0.75f;
        l.top = l.tabsTop + l.tabsHeight + sc.l;
        l.controlHeight = sc.target * 0.7f;
        // Room for the message line at the bottom, kept whether or not there is a message, so nothing jumps.
        l.bottom = screen.y - l.margin - frame.fonts.body->FontSize - sc.m * 2;
        if (portrait) {
            l.listWidth = screen.x - l.margin * 2;
            l.listBottom = l.top + (l.bottom - l.top) * 0.5f;
            l.paneLeft = l.margin;
            l.paneTop = l.listBottom + sc.l;
            l.paneWidth = l.listWidth;
        } else {
            l.listWidth = (screen.x - l.margin * 2 - sc.l) * 0.55f;
            l.listBottom = l.bottom;
            l.paneLeft = l.margin + l.listWidth + sc.l;
            l.paneTop = l.top;
            l.paneWidth = screen.x - l.margin - l.paneLeft;
        }
        l.rowHeight = std::max(sc.target * 0.7f, frame.fonts.body->FontSize + sc.m);
        l.rowGap = sc.s;
        return l;
    }
    float height() const { return bottom - top; }
    float listHeight() const { return listBottom - top; }
    Box pane() const { return {paneLeft, paneTop, paneWidth, bottom - paneTop}; }
};

/// A text that is shown whole (a tab's label, a phase's state) in a box `width` × `height`: on as few lines (up to
/// three) as let it be largest, at `size` or smaller but no smaller than 0.55 of it, broken only between words;
/// shortened with "…" only when none of these holds it.
inline FittedHeading fitInBox(ImFont* font, float size, const std::string& text, float width, float height) {
    const float smallest = size * 0.55f;
    FittedHeading best;
    for (int lines = 1; lines <= 3; ++lines) {
        const float largest = lines == 1 ? size : std::min(size, height / (static_cast<float>(lines) + 0.25f));
        for (float s = largest; s >= smallest - 0.01f && s > best.size; s -= size * 0.05f) {
            // A word wider than the box would be broken inside: smaller, rather.
            if (widestWordWidth(font, s, text) > width) continue;
            const float h = textHeight(font, s, text, width);
            if (h <= s * static_cast<float>(lines) + s * 0.25f) {
                best = {text, s, h};
                break;
            }
        }
    }
    return best.size > 0 ? best : fitHeading(font, size, smallest, text, width, 1);
}

struct StatusLook {
    theme::Rgb text, background;
};

inline StatusLook statusLook(storage::IdeaStatus status) {
    const theme::Palette& p = theme::palette();
    switch (status) {
        case storage::IdeaStatus::Pending: return {p.warning, p.warningSurface};
        case storage::IdeaStatus::Published: return {p.success, p.successSurface};
        case storage::IdeaStatus::Hidden: return {p.trouble, p.troubleSurface};
        case storage::IdeaStatus::Merged: break;
    }
    return {p.textMuted, p.surfaceSunken};
}

inline std::string statusLabel(const Frame& frame, storage::IdeaStatus status) {
    return frame.t("panel.status_" + storage::toString(status));
}

/// A rounded label in its own colours, its right edge at `right`; returns its left edge.
inline float DrawBadgeLeftOf(ImDrawList* draw, ImFont* font, float right, float centreY, const std::string& text, StatusLook look,
                      const theme::Scale& sc) {
    const float size = font->FontSize;
    const float w = textWidth(font, size, text) + sc.m;
    const float h = size + sc.xs;
    const float left = right - w;
    draw->AddRectFilled(ImVec2(left, centreY - h * 0.5f), ImVec2(right, centreY + h * 0.5f), look.background.packed(), h * 0.5f);
    DrawText(draw, font, size, ImVec2(left + sc.m * 0.5f, centreY - size * 0.5f), look.text, text);
    return left;
}

/// A row's card: white, with a primary outline and stripe when chosen. The caller draws its content.
inline bool RowCard(Frame& frame, const std::string& id, const std::string& label, const Box& box, bool chosen, bool enabled) {
    const auto [sc, p, draw] = Pen(frame);
    ImGui::SetCursorScreenPos(ImVec2(box.x, box.y));
    ButtonStyle style;
    style.kind = ButtonKind::Card;
    style.role = "card";
    style.custom = true;
    style.enabled = enabled;
    const bool tapped = StyledButton(frame, id, label, ImVec2(box.w, box.h), style);
    if (chosen) {
        draw->AddRect(ImVec2(box.x, box.y), ImVec2(box.right(), box.bottom()), p.primary.packed(), sc.radius, 0, sc.border);
        draw->AddRectFilled(ImVec2(box.x, box.y), ImVec2(box.x + sc.s, box.bottom()), p.primary.packed(), sc.radius,
                            ImDrawFlags_RoundCornersLeft);
    }
    return tapped;
}

inline Box rowBox(const PanelLayout& l, int slot, float x, float width) {
    return {x, l.top + static_cast<float>(slot) * (l.rowHeight + l.rowGap), width, l.rowHeight};
}

/// As many rows as fit above the pager.
inline int rowsPerPage(const PanelLayout& l) {
    return std::max(1, static_cast<int>((l.listHeight() - l.controlHeight - l.rowGap) / (l.rowHeight + l.rowGap)));
}

/// A button with an icon and a label in one of the theme's kinds.
inline bool ActionButton(Frame& frame, const std::string& id, const std::string& label, const char* icon, ButtonKind kind,
                  const ImVec2& size, bool enabled = true) {
    ButtonStyle style;
    style.kind = kind;
    style.icon = icon;
    style.enabled = enabled;
    style.font = frame.fonts.body;
    return StyledButton(frame, id, label, size, style);
}

inline Action action(Kind kind, const std::string& target, const std::string& reason = {}) {
    Action a;
    a.kind = kind;
    a.target = target;
    a.reason = reason;
    return a;
}

inline Action toggle(Kind kind, bool on) {
    Action a;
    a.kind = kind;
    a.on = on;
    return a;
}

}  // namespace kiosk::ui::panel
