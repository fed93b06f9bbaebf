// The head of the moderators' panel: the band (what this is, the panel's language, the way out, the event and the
// venue sync), the list of languages the panel may speak, and the tabs.
#include "kiosk/ui/moderation_view.h"

#include "kiosk/ui/moderation_parts.h"

namespace kiosk::ui {

using namespace panel;

// The band: what this is, the panel's language and the way out; for which event and the venue sync (only with a
// server), discreetly, beside them where they fit on one line, else on a second row, where both wrap onto a
// second line or shrink a little rather than being cut. Sets `band`, which the rest of the panel is laid out under.
void ModerationView::DrawBand(const core::PanelModel& model, Frame& frame, PanelOutput& out) {
    const auto [sc, p, draw] = Pen(frame);
    const ImVec2 screen = ImGui::GetMainViewport()->Size;
    ImFont* bold = frame.fonts.bold;
    ImFont* body = frame.fonts.body;
    const float margin = sc.l;
    const float room = screen.x - margin * 2;
    auto buttonWidth = [&](const std::string& label, const char* glyph) {
        return std::min(room * 0.3f, textWidth(body, body->FontSize, std::string(glyph) + "  " + label) + sc.l * 2);
    };
    // Measured first: the buttons on the right, the title on the left, what is left between them.
    const std::string closeLabel = frame.t("panel.close");
    const float closeWidth = buttonWidth(closeLabel, icon::kClose);
    const float closeX = screen.x - margin - closeWidth;
    const std::string languageName = frame.text.languageName(frame.language);
    const float languageWidth = model.languages.size() > 1 ? buttonWidth(languageName, icon::kLanguage) : 0.0f;
    const float languageX = closeX - sc.m - languageWidth;
    const float headingRight = languageWidth > 0 ? languageX - sc.m : closeX - sc.m;
    const FittedHeading heading = fitHeading(bold, bold->FontSize, body->FontSize * 0.8f,
                                             std::string(icon::kModeration) + "  " + frame.t("panel.title"), headingRight - margin, 1);
    const float middleLeft = margin + textWidth(bold, heading.size, heading.text) + sc.l;
    const float middle = headingRight - middleLeft;
    const float small = body->FontSize * 0.8f;
    const std::string sync = core::syncLine(model.sync, frame.text, frame.language);
    const std::string status = core::panelStatusLine(model, frame.text, frame.language);
    const float syncOneLine = sync.empty() ? 0.0f : textWidth(body, small, sync) + 1.0f;
    const float statusRoom = middle - (sync.empty() ? 0.0f : syncOneLine + sc.l);
    const FittedHeading statusOneRow = fitHeading(body, body->FontSize, body->FontSize * 0.8f, status, std::max(1.0f, statusRoom), 1);
    const bool oneRow = syncOneLine <= middle * 0.4f && statusRoom > 0 && statusOneRow.text == status;
    band = oneRow ? sc.target : sc.target + small * 2.25f + sc.s;
    const PanelLayout l = PanelLayout::of(frame, band);

    draw->AddRectFilled(ImVec2(0, 0), ImVec2(screen.x, l.bandHeight), p.band.packed());
    // The band is the texts' place: nothing of it may run below.
    draw->PushClipRect(ImVec2(0, 0), ImVec2(screen.x, l.bandHeight), true);
    const float buttonY = (l.bandRow - l.controlHeight) * 0.5f;
    ImGui::SetCursorScreenPos(ImVec2(closeX, buttonY));
    if (ActionButton(frame, "panel:close", closeLabel, icon::kClose, ButtonKind::OnBand, ImVec2(closeWidth, l.controlHeight))) {
        out.close = true;
    }
    // The panel's language, in its own name: whoever reads it knows where to change it.
    if (languageWidth > 0) {
        ImGui::SetCursorScreenPos(ImVec2(languageX, buttonY));
        ButtonStyle style;
        style.kind = ButtonKind::OnBand;
        style.icon = icon::kLanguage;
        style.font = body;
        style.checked = pickingLanguage;
        if (StyledButton(frame, "panel:language", languageName, ImVec2(languageWidth, l.controlHeight), style)) {
            pickingLanguage = !pickingLanguage;
        }
    }
    DrawText(draw, bold, heading.size, ImVec2(margin, (l.bandRow - heading.size) * 0.5f), p.onBand, heading.text);
    if (oneRow) {
        if (!sync.empty()) {
            DrawText(draw, body, small, ImVec2(headingRight - syncOneLine + 1.0f, (l.bandRow - small) * 0.5f), p.onBandMuted, sync);
        }
        DrawText(draw, body, statusOneRow.size, ImVec2(middleLeft, (l.bandRow - statusOneRow.size) * 0.5f), p.onBandMuted,
                 statusOneRow.text);
        draw->PopClipRect();
        return;
    }

    // Second row: the event on the left, the sync on the right in a column of at most two fifths.
    const float top = l.bandRow;
    const float rowHeight = l.bandHeight - l.bandRow - sc.s;
    float eventRight = screen.x - margin;
    if (!sync.empty()) {
        const float width = std::min(syncOneLine, room * 0.4f);
        const std::string shown = fitLines(body, small, sync, width, 2);
        const float h = textHeight(body, small, shown, width);
        // Right-aligned: each line ends at the margin.
        float y = top + (rowHeight - h) * 0.5f;
        for (const auto& line : visualLines(body, small, shown, width)) {
            const float w = visualWidth(body, small, line.visual);
            AddVisualText(draw, body, small, ImVec2(screen.x - margin - w, y), p.onBandMuted.packed(), line.visual);
            y += small;
        }
        eventRight = screen.x - margin - width - sc.l;
    }
    // The event's name at body size on one line, else on two smaller ones (the row holds two of the sync's size).
    FittedHeading event = fitHeading(body, body->FontSize, body->FontSize * 0.8f, status, eventRight - margin, 1);
    if (event.text != status) event = fitHeading(body, small, small * 0.8f, status, eventRight - margin, 2);
    DrawText(draw, body, event.size, ImVec2(margin, top + (rowHeight - event.height) * 0.5f), p.onBandMuted, event.text,
             eventRight - margin);
    draw->PopClipRect();
}

// The languages the panel may speak, each in its own name, the current one marked; a tap switches the whole panel.
void ModerationView::DrawLanguages(const core::PanelModel& model, Frame& frame, PanelOutput& out) {
    const auto [sc, p, draw] = Pen(frame);
    const PanelLayout l = PanelLayout::of(frame, band);
    ImFont* title = frame.fonts.title;
    ImFont* bold = frame.fonts.bold;
    const float width = std::min(ImGui::GetMainViewport()->Size.x - l.margin * 2, sc.em * 40.0f);
    const float x = l.margin;
    float y = l.tabsTop + sc.m;
    const FittedHeading heading = fitHeading(title, title->FontSize, bold->FontSize, frame.t("panel.language"), width, 2);
    y += DrawText(draw, title, heading.size, ImVec2(x, y), p.text, heading.text, width) + sc.l;
    const float mark = textWidth(bold, bold->FontSize, icon::kDone) + sc.s;
    float widest = 0;
    for (const auto& code : model.languages) widest = std::max(widest, textWidth(bold, bold->FontSize, frame.text.languageName(code)) + mark);
    const int columns = std::clamp(static_cast<int>((width + sc.m) / (widest + sc.xl * 2 + sc.m)), 1, 3);
    const float bw = (width - sc.m * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const float bh = sc.target;
    for (std::size_t i = 0; i < model.languages.size(); ++i) {
        const std::string& code = model.languages[i];
        const int row = static_cast<int>(i) / columns, column = static_cast<int>(i) % columns;
        ImGui::SetCursorScreenPos(ImVec2(x + static_cast<float>(column) * (bw + sc.m), y + static_cast<float>(row) * (bh + sc.m)));
        if (LanguageChoice(frame, "panel:lang:" + code, code, code == frame.language, ImVec2(bw, bh))) {
            out.language = code;
            pickingLanguage = false;
        }
    }
    const int rows = (static_cast<int>(model.languages.size()) + columns - 1) / columns;
    y += static_cast<float>(rows) * (bh + sc.m) + sc.m;
    const std::string cancel = frame.t("panel.cancel");
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    if (ActionButton(frame, "panel:lang:cancel", cancel, icon::kClose, ButtonKind::Quiet,
                     ImVec2(std::min(width, textWidth(bold, bold->FontSize, cancel) + bold->FontSize + sc.xl * 2), bh))) {
        pickingLanguage = false;
    }
}

void ModerationView::DrawTabs(const core::PanelModel& model, Frame& frame) {
    const auto [sc, p, draw] = Pen(frame);
    const PanelLayout l = PanelLayout::of(frame, band);
    const std::pair<Tab, std::string> tabs[] = {
        {Tab::Pending, frame.text.format(frame.language, "panel.tab_pending", {{"count", std::to_string(model.pendingCount())}})},
        {Tab::Ideas, frame.t("panel.tab_ideas")},
        {Tab::Sessions, frame.t("panel.tab_sessions")},
        {Tab::Log, frame.t("panel.tab_log")},
        {Tab::Control, frame.t("panel.tab_control")}};
    const char* ids[] = {"tab:pending", "tab:ideas", "tab:sessions", "tab:log", "tab:control"};
    // A segmented control: one sunken track, the chosen tab in the primary colour.
    const float trackWidth = ImGui::GetMainViewport()->Size.x - l.margin * 2;
    draw->AddRectFilled(ImVec2(l.margin, l.tabsTop), ImVec2(l.margin + trackWidth, l.tabsTop + l.tabsHeight), p.surfaceSunken.packed(),
                        sc.radius);
    const float inset = sc.xs;
    const float width = (trackWidth - inset * 2) / 5;
    ImFont* bold = frame.fonts.bold;
    for (int i = 0; i < 5; ++i) {
        ImGui::SetCursorScreenPos(ImVec2(l.margin + inset + static_cast<float>(i) * width, l.tabsTop + inset));
        const bool chosen = tab == tabs[i].first;
        ButtonStyle style;
        style.kind = chosen ? ButtonKind::TabSelected : ButtonKind::Tab;
        style.role = "tab";
        style.custom = true;  // the label is drawn below: whole, on two lines or smaller where one does not hold it
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        const ImVec2 size(width, l.tabsHeight - inset * 2);
        const bool tapped = StyledButton(frame, ids[i], tabs[i].second, size, style);
        const float pad = std::min(sc.m, size.x * 0.1f);
        const FittedHeading label = fitInBox(bold, bold->FontSize, tabs[i].second, size.x - pad * 2, size.y - sc.xs);
        DrawTextCentred(draw, bold, label.size, pos.x + pad, pos.y + (size.y - label.height) * 0.5f, size.x - pad * 2,
                        chosen ? p.onPrimary : p.text, label.text);
        if (tapped) {
            tab = tabs[i].first;
            page = 0;
            selected.clear();
            pickingMergeTarget = false;
            editing = false;
        }
    }
}

}  // namespace kiosk::ui
