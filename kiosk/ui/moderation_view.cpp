// Draws the moderators' panel: a header band, tabs for what waits for review, all ideas, sessions, the log and
// the day's controls; lists of cards on the left, the chosen idea or session with its actions in a pane on the
// right (the ideas' part is in moderation_ideas.cpp, the band and tabs in moderation_head.cpp). Rows come in pages,
// so a finger needs no scrolling.
#include "kiosk/ui/moderation_view.h"

#include "kiosk/ui/moderation_parts.h"

namespace kiosk::ui {

using namespace panel;

void ModerationView::Reset() { *this = ModerationView{}; }

// [SECTION] The panel

void ModerationView::Draw(const core::PanelModel& model, Frame& frame, PanelOutput& out) {
    // In the moderators' own language (frame.language, chosen in the panel); Arabic is drawn as for German, then
    // the loop mirrors the picture and the pointer, as for the attendee screens. The elements listed for tests and
    // automation are mirrored here, where the taps will land.
    const MirrorScope mirror(frame.mirrored());
    frame.flipped = frame.mirrored();
    const std::size_t elementsBefore = frame.elements.size();
    DrawPanel(model, frame, out);
    if (frame.mirrored()) {
        const float width = ImGui::GetMainViewport()->Size.x;
        for (std::size_t i = elementsBefore; i < frame.elements.size(); ++i) {
            UiElement& e = frame.elements[i];
            e.x = width - e.x - e.w;
        }
    }
}

void ModerationView::DrawPanel(const core::PanelModel& model, Frame& frame, PanelOutput& out) {
    if (typing != Field::None) {
        DrawTyping(frame);
        return;
    }
    BeginFullscreen("##moderation", theme::palette().page.packed());
    DrawBand(model, frame, out);
    if (pickingLanguage) {
        DrawLanguages(model, frame, out);
        EndFullscreen();
        return;
    }
    const auto [sc, p, draw] = Pen(frame);
    const PanelLayout l = PanelLayout::of(frame, band);
    const ImVec2 screen = ImGui::GetMainViewport()->Size;
    ImFont* body = frame.fonts.body;
    DrawTabs(model, frame);
    if (!message.empty()) {
        const float y = l.bottom + sc.m;
        draw->AddRectFilled(ImVec2(l.margin, y - sc.xs), ImVec2(screen.x - l.margin, y + body->FontSize + sc.xs), p.surfaceSunken.packed(),
                            sc.radius);
        DrawText(draw, body, body->FontSize, ImVec2(l.margin + sc.m, y), p.text,
                 fitText(body, body->FontSize, message, screen.x - l.margin * 2 - sc.m * 2));
    }
    switch (tab) {
        case Tab::Pending:
        case Tab::Ideas:
            DrawIdeaList(model, frame, out, tab == Tab::Pending, l.top, l.listWidth, l.listHeight());
            DrawIdeaDetail(model, frame, out, l.pane());
            break;
        case Tab::Sessions: DrawSessions(model, frame, out, l.top, l.listWidth, l.listHeight()); break;
        case Tab::Log: DrawLog(model, frame, l.top, l.height()); break;
        case Tab::Control: DrawControl(model, frame, out, l.top); break;
    }
    EndFullscreen();
}

bool ModerationView::Pager(Frame& frame, int rows, int perPage, float x, float y) {
    const auto [sc, p, draw] = Pen(frame);
    const PanelLayout l = PanelLayout::of(frame, band);
    const int pages = std::max(1, (rows + perPage - 1) / perPage);
    page = std::clamp(page, 0, pages - 1);
    if (pages == 1) return false;
    ImFont* body = frame.fonts.body;
    const ImVec2 button(sc.target, l.controlHeight);
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    if (ActionButton(frame, "page:prev", "", frame.backArrow(), ButtonKind::Secondary, button, page > 0)) --page;
    const std::string label = std::to_string(page + 1) + " / " + std::to_string(pages);
    const float labelWidth = textWidth(body, body->FontSize, "000 / 000");
    DrawTextCentred(draw, body, body->FontSize, x + button.x + sc.s, y + (button.y - body->FontSize) * 0.5f, labelWidth, p.text, label);
    ImGui::SetCursorScreenPos(ImVec2(x + button.x + labelWidth + sc.s * 2, y));
    if (ActionButton(frame, "page:next", "", frame.forwardArrow(), ButtonKind::Secondary, button, page + 1 < pages)) ++page;
    return true;
}

// [SECTION] Sessions, log, controls

void ModerationView::DrawSessions(const core::PanelModel& model, Frame& frame, PanelOutput& out, float top, float width,
                                  float height) {
    const auto [sc, p, draw] = Pen(frame);
    const PanelLayout l = PanelLayout::of(frame, band);
    ImFont* bold = frame.fonts.bold;
    ImFont* body = frame.fonts.body;
    if (model.sessions.empty()) {
        DrawText(draw, body, body->FontSize, ImVec2(l.margin, top), p.textMuted, fitText(body, body->FontSize, frame.t("panel.no_sessions"), width));
        return;
    }
    const int perPage = rowsPerPage(l);
    Pager(frame, static_cast<int>(model.sessions.size()), perPage, l.margin, top + height - l.controlHeight);
    const core::PanelModel::SessionRow* chosen = nullptr;
    for (int i = 0; i < static_cast<int>(model.sessions.size()); ++i) {
        const auto& s = model.sessions[static_cast<std::size_t>(i)];
        if (s.id == selected) chosen = &s;
        if (i < page * perPage || i >= (page + 1) * perPage) continue;
        const Box box = rowBox(l, i - page * perPage, l.margin, width);
        const std::string votes = frame.text.plural(frame.language, "common.vote_count", s.votes);
        const std::string source = frame.t(s.phone ? "panel.source_phone" : "panel.source_kiosk");
        const std::string label = "#" + std::to_string(i + 1) + "  " + s.started + "  " + s.language + "  " + source + "  " + votes;
        if (RowCard(frame, "session:" + std::to_string(i), label, box, s.id == selected, true)) {
            selected = s.id;
            reason.clear();
        }
        const float cy = box.y + box.h * 0.5f;
        const float textY = cy - body->FontSize * 0.5f;
        const float x = box.x + sc.l;
        DrawText(draw, bold, bold->FontSize, ImVec2(x, cy - bold->FontSize * 0.5f), p.text, s.started);
        const float languageX = x + textWidth(bold, bold->FontSize, s.started) + sc.l;
        DrawText(draw, body, body->FontSize, ImVec2(languageX, textY), p.textMuted, s.language);
        // Where the session took place, in a column of its own after the language codes (at most 10 letters wide).
        const float sourceX = languageX + textWidth(body, body->FontSize, "de-einfach") + sc.m;
        DrawText(draw, body, body->FontSize, ImVec2(sourceX, textY), s.phone ? p.primary : p.textMuted, source);
        float right = box.right() - sc.m;
        const float votesWidth = textWidth(body, body->FontSize, votes);
        DrawText(draw, body, body->FontSize, ImVec2(right - votesWidth, textY), p.text, votes);
        right -= votesWidth + sc.m;
        if (s.voided) DrawBadgeLeftOf(draw, body, right, cy, frame.t("panel.voided"), {p.trouble, p.troubleSurface}, sc);
    }
    const Box pane = l.pane();
    DrawCard(draw, pane, 0u, sc);
    const float x = pane.x + sc.l;
    const float inner = pane.w - sc.l * 2;
    float y = pane.y + sc.l;
    if (!chosen) {
        DrawText(draw, body, body->FontSize, ImVec2(x, y), p.textMuted, fitLines(body, body->FontSize, frame.t("panel.choose_session"), inner, 3), inner);
        return;
    }
    const std::string facts = chosen->started + "  " + chosen->language + "  " + frame.t(chosen->phone ? "panel.source_phone" : "panel.source_kiosk");
    y += DrawText(draw, bold, bold->FontSize, ImVec2(x, y), p.text, fitText(bold, bold->FontSize, facts, inner)) + sc.s;
    y += DrawText(draw, body, body->FontSize, ImVec2(x, y), p.text, fitLines(body, body->FontSize, frame.t("panel.void_explained"), inner, 6), inner) + sc.m;
    if (chosen->voided) return;
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    DrawReason(model, frame, inner);
    if (ActionButton(frame, "act:void", frame.t("panel.void"), icon::kClose, ButtonKind::Danger, ImVec2(inner, l.controlHeight), !reason.empty())) {
        out.actions.push_back(action(Kind::VoidSession, chosen->id, reason));
    }
}

void ModerationView::DrawLog(const core::PanelModel& model, Frame& frame, float top, float height) {
    const auto [sc, p, draw] = Pen(frame);
    const PanelLayout l = PanelLayout::of(frame, band);
    ImFont* body = frame.fonts.body;
    const float width = ImGui::GetMainViewport()->Size.x - l.margin * 2;
    const float wrap = width - sc.m * 2;
    // A long line (a free reason, a long name) wraps onto up to three lines rather than being cut; each page takes
    // the lines that fit above the pager, so pages are made from the first line on.
    constexpr int kMostLines = 3;
    const float room = height - l.controlHeight - sc.m * 3;
    std::vector<int> pageStarts{0};
    float used = 0;
    for (int i = 0; i < static_cast<int>(model.log.size()); ++i) {
        const std::string& line = model.log[static_cast<std::size_t>(i)].line;
        const float h = textHeight(body, body->FontSize, fitLines(body, body->FontSize, line, wrap, kMostLines), wrap) + sc.s;
        if (used > 0 && used + h > room) {
            pageStarts.push_back(i);
            used = 0;
        }
        used += h;
    }
    Pager(frame, static_cast<int>(pageStarts.size()), 1, l.margin, top + height - l.controlHeight);
    const int first = pageStarts[static_cast<std::size_t>(page)];
    const int last = page + 1 < static_cast<int>(pageStarts.size()) ? pageStarts[static_cast<std::size_t>(page) + 1]
                                                                    : static_cast<int>(model.log.size());
    if (last <= first) return;
    std::vector<std::string> shown;
    float cardHeight = sc.m * 2;
    for (int i = first; i < last; ++i) {
        shown.push_back(fitLines(body, body->FontSize, model.log[static_cast<std::size_t>(i)].line, wrap, kMostLines));
        cardHeight += textHeight(body, body->FontSize, shown.back(), wrap) + sc.s;
    }
    // One card for the page; every other entry on a sunken stripe, so the eye keeps its row.
    DrawCard(draw, {l.margin, top, width, cardHeight}, 0u, sc);
    float y = top + sc.m;
    for (int i = first; i < last; ++i) {
        const std::string& text = shown[static_cast<std::size_t>(i - first)];
        const float h = textHeight(body, body->FontSize, text, wrap) + sc.s;
        if (i % 2 == 1) draw->AddRectFilled(ImVec2(l.margin + sc.s, y), ImVec2(l.margin + width - sc.s, y + h), p.page.packed());
        // Each entry's stripe is its place: an entry cut at its last line has no room below it.
        draw->PushClipRect(ImVec2(l.margin, y), ImVec2(l.margin + width, y + h), true);
        DrawText(draw, body, body->FontSize, ImVec2(l.margin + sc.m, y + sc.s * 0.5f), p.text, text, wrap);
        draw->PopClipRect();
        y += h;
    }
}

void ModerationView::DrawControl(const core::PanelModel& model, Frame& frame, PanelOutput& out, float top) {
    const auto [sc, p, draw] = Pen(frame);
    const PanelLayout l = PanelLayout::of(frame, band);
    ImFont* bold = frame.fonts.bold;
    const float width = std::min(ImGui::GetMainViewport()->Size.x - l.margin * 2, sc.em * 40.0f);
    const float rowHeight = l.controlHeight + sc.m * 2;
    const float buttonWidth = width * 0.42f;
    float y = top;
    // One card per phase: where it stands on the left, what changes it on the right.
    const auto row = [&](const char* id, const std::string& state, const std::string& label, Action a, bool on) {
        DrawCard(draw, {l.margin, y, width, rowHeight}, on ? p.success.packed() : p.border.packed(), sc);
        const float room = width - buttonWidth - sc.l * 2 - sc.m;
        const FittedHeading shown = fitInBox(bold, bold->FontSize, state, room, rowHeight - sc.s);
        DrawText(draw, bold, shown.size, ImVec2(l.margin + sc.l, y + (rowHeight - shown.height) * 0.5f), p.text, shown.text, room);
        ImGui::SetCursorScreenPos(ImVec2(l.margin + width - sc.m - buttonWidth, y + sc.m));
        if (ActionButton(frame, id, label, nullptr, ButtonKind::Secondary, ImVec2(buttonWidth, l.controlHeight))) out.actions.push_back(a);
        y += rowHeight + sc.s;
    };
    row("ctl:submission", frame.t(model.submissionOpen ? "panel.submission_open" : "panel.submission_closed"),
        frame.t(model.submissionOpen ? "panel.close_submission" : "panel.open_submission"),
        toggle(Kind::SetSubmission, !model.submissionOpen), model.submissionOpen);
    row("ctl:voting", frame.t(model.votingOpen ? "panel.voting_open" : "panel.voting_closed"),
        frame.t(model.votingOpen ? "panel.close_voting" : "panel.open_voting"), toggle(Kind::SetVoting, !model.votingOpen),
        model.votingOpen);
    if (model.countsAfterReveal) {
        row("ctl:reveal", frame.t(model.countsRevealed ? "panel.counts_shown" : "panel.counts_hidden"),
            frame.t(model.countsRevealed ? "panel.hide_counts" : "panel.reveal_counts"),
            toggle(Kind::RevealCounts, !model.countsRevealed), model.countsRevealed);
    }
    row("ctl:freeze", frame.t(model.projectorFrozen ? "panel.projector_frozen" : "panel.projector_live"),
        frame.t(model.projectorFrozen ? "panel.unfreeze" : "panel.freeze"), toggle(Kind::FreezeProjector, !model.projectorFrozen),
        !model.projectorFrozen);
    // Phones, where this kiosk was given an address: the state is the server's (serving or not), not the wish.
    if (model.phonesAvailable) {
        const bool serving = !model.phonesUrl.empty();
        row("ctl:phones", serving ? frame.text.format(frame.language, "panel.phones_on", {{"url", model.phonesUrl}}) : frame.t("panel.phones_off"),
            frame.t(serving ? "panel.stop_phones" : "panel.start_phones"), toggle(Kind::SetPhones, !serving), serving);
    }
    y += sc.m;
    DrawText(draw, bold, bold->FontSize, ImVec2(l.margin, y), p.textMuted, fitText(bold, bold->FontSize, frame.t("panel.export_to"), width));
    y += bold->FontSize + sc.s;
    for (std::size_t i = 0; i < model.exportFolders.size() && i < 4; ++i) {
        ImGui::SetCursorScreenPos(ImVec2(l.margin, y));
        if (ActionButton(frame, "export:" + std::to_string(i), model.exportFolders[i], icon::kStick, ButtonKind::Secondary,
                         ImVec2(width, l.controlHeight))) {
            out.actions.push_back(action(Kind::Export, model.exportFolders[i]));
        }
        y += l.controlHeight + sc.s;
    }
    if (!model.atKiosk) return;
    ImGui::SetCursorScreenPos(ImVec2(l.margin, y + sc.m));
    if (ActionButton(frame, "ctl:leave", frame.t("panel.leave_kiosk"), frame.backArrow(), ButtonKind::Quiet, ImVec2(buttonWidth, l.controlHeight))) {
        out.actions.push_back(action(Kind::LeaveKiosk, {}));
    }
}

}  // namespace kiosk::ui
