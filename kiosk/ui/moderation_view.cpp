// Draws the moderators' panel: tabs for what waits for review, all ideas, sessions, the log, and the day's
// controls; a detail pane with the actions for the chosen idea. Rows come in pages, so a finger needs no scrolling.
#include "kiosk/ui/moderation_view.h"

#include "kiosk/core/text_edit.h"

#include "imgui.h"

#include <algorithm>

namespace kiosk::ui {

using Action = core::PanelAction;
using Kind = core::PanelAction::Kind;

void ModerationView::Reset() { *this = ModerationView{}; }

namespace {

// Presets let a moderator at the touchscreen give a reason without a keyboard; the laptop can type one.
const char* kReasonKeys[] = {"panel.reason_offensive", "panel.reason_duplicate", "panel.reason_off_topic",
                             "panel.reason_advert", "panel.reason_personal"};

std::string statusLabel(const Frame& frame, storage::IdeaStatus status) {
    return frame.t("panel.status_" + storage::toString(status));
}

std::string rowLabel(const Frame& frame, const core::PanelModel::IdeaRow& idea) {
    std::string label = core::shortenForDisplay("#" + std::to_string(idea.number) + "  " + idea.title, 70);
    label += "   · " + statusLabel(frame, idea.status) + " · " + std::to_string(idea.votes);
    if (idea.pinned) label += " · " + frame.t("panel.pinned");
    if (!idea.flagged.empty()) label += " · !";
    return label;
}

Action action(Kind kind, const std::string& target, const std::string& reason = {}) {
    Action a;
    a.kind = kind;
    a.target = target;
    a.reason = reason;
    return a;
}

Action toggle(Kind kind, bool on) {
    Action a;
    a.kind = kind;
    a.on = on;
    return a;
}

}  // namespace

// [SECTION] The panel

void ModerationView::Draw(const core::PanelModel& model, Frame& frame, PanelOutput& out) {
    if (typing != Field::None) {
        DrawTyping(frame);
        return;
    }
    BeginFullscreen("##moderation", theme::palette().page.packed());
    const Metrics& m = frame.metrics;
    const ImVec2 screen = ImGui::GetMainViewport()->Size;
    ImGui::SetCursorPos(ImVec2(m.unit, m.unit * 0.6f));
    ImGui::PushFont(frame.fonts.bold);
    // The event's name is shortened with "…" where it would run under "Schließen".
    const std::string heading = frame.t("panel.title") + " – " + model.eventTitle;
    ImGui::TextUnformatted(fitText(frame.fonts.bold, frame.fonts.bold->FontSize, heading, screen.x - m.unit * 15).c_str());
    ImGui::PopFont();
    ImGui::SetCursorPos(ImVec2(screen.x - m.unit * 13, m.unit * 0.3f));
    if (TouchButton(frame, "panel:close", frame.t("panel.close"), ImVec2(m.unit * 12, m.target * 0.7f))) out.close = true;
    DrawTabs(model, frame);
    if (!message.empty()) {
        ImGui::SetCursorPos(ImVec2(m.unit, screen.y - m.unit * 2));
        ImGui::TextUnformatted(message.c_str());
    }
    const float top = m.unit * 3 + m.target * 1.6f;
    const float height = screen.y - top - m.unit * 3;
    const float listWidth = screen.x * 0.55f;
    switch (tab) {
        case Tab::Pending:
        case Tab::Ideas:
            DrawIdeaList(model, frame, out, tab == Tab::Pending, top, listWidth, height);
            DrawIdeaDetail(model, frame, out, listWidth + m.unit * 2, top, screen.x - listWidth - m.unit * 3);
            break;
        case Tab::Sessions: DrawSessions(model, frame, out, top, listWidth, height); break;
        case Tab::Log: DrawLog(model, frame, top, height); break;
        case Tab::Control: DrawControl(model, frame, out, top); break;
    }
    EndFullscreen();
}

void ModerationView::DrawTabs(const core::PanelModel& model, Frame& frame) {
    const Metrics& m = frame.metrics;
    const std::pair<Tab, std::string> tabs[] = {
        {Tab::Pending, frame.text.format(frame.language, "panel.tab_pending", {{"count", std::to_string(model.pendingCount())}})},
        {Tab::Ideas, frame.t("panel.tab_ideas")},
        {Tab::Sessions, frame.t("panel.tab_sessions")},
        {Tab::Log, frame.t("panel.tab_log")},
        {Tab::Control, frame.t("panel.tab_control")}};
    const char* ids[] = {"tab:pending", "tab:ideas", "tab:sessions", "tab:log", "tab:control"};
    const float width = (ImGui::GetMainViewport()->Size.x - m.unit * 2) / 5 - m.unit * 0.5f;
    for (int i = 0; i < 5; ++i) {
        ImGui::SetCursorPos(ImVec2(m.unit + static_cast<float>(i) * (width + m.unit * 0.5f), m.unit * 1.5f + m.target * 0.7f));
        if (TouchButton(frame, ids[i], tabs[i].second, ImVec2(width, m.target * 0.8f), true, tab == tabs[i].first, "tab")) {
            tab = tabs[i].first;
            page = 0;
            selected.clear();
            pickingMergeTarget = false;
            editing = false;
        }
    }
}

bool ModerationView::Pager(Frame& frame, int rows, int perPage, float x, float y) {
    const Metrics& m = frame.metrics;
    const int pages = std::max(1, (rows + perPage - 1) / perPage);
    page = std::clamp(page, 0, pages - 1);
    ImGui::SetCursorPos(ImVec2(x, y));
    if (TouchButton(frame, "page:prev", "<", ImVec2(m.target, m.target * 0.7f), page > 0)) --page;
    ImGui::SameLine();
    ImGui::Text("%d / %d", page + 1, pages);
    ImGui::SameLine();
    if (TouchButton(frame, "page:next", ">", ImVec2(m.target, m.target * 0.7f), page + 1 < pages)) ++page;
    return pages > 1;
}

void ModerationView::DrawIdeaList(const core::PanelModel& model, Frame& frame, PanelOutput& out, bool pendingOnly,
                                  float top, float width, float height) {
    const Metrics& m = frame.metrics;
    std::vector<const core::PanelModel::IdeaRow*> rows;
    for (const auto& idea : model.ideas) {
        if (!pendingOnly || idea.status == storage::IdeaStatus::Pending) rows.push_back(&idea);
    }
    if (rows.empty()) {
        ImGui::SetCursorPos(ImVec2(m.unit, top));
        ImGui::TextUnformatted(frame.t(pendingOnly ? "panel.nothing_pending" : "panel.no_ideas").c_str());
        return;
    }
    const float rowHeight = m.target * 0.7f;
    const int perPage = std::max(1, static_cast<int>((height - rowHeight) / (rowHeight + m.unit * 0.3f)));
    Pager(frame, static_cast<int>(rows.size()), perPage, m.unit, top + height - rowHeight);
    for (int i = page * perPage; i < std::min(static_cast<int>(rows.size()), (page + 1) * perPage); ++i) {
        const auto& idea = *rows[i];
        ImGui::SetCursorPos(ImVec2(m.unit, top + static_cast<float>(i - page * perPage) * (rowHeight + m.unit * 0.3f)));
        const bool mergeCandidate = pickingMergeTarget && idea.id != selected &&
                                    idea.status != storage::IdeaStatus::Merged;
        ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.02f, 0.5f));
        const bool tapped = TouchButton(frame, "row:" + std::to_string(idea.number), rowLabel(frame, idea),
                                        ImVec2(width, rowHeight), !pickingMergeTarget || mergeCandidate,
                                        idea.id == selected, "card");
        ImGui::PopStyleVar();
        if (tapped) {
            if (pickingMergeTarget) {
                Action merge = action(Kind::Merge, selected, reason);
                merge.other = idea.id;
                out.actions.push_back(merge);
                pickingMergeTarget = false;
            } else {
                selected = idea.id;
                editing = false;
                reason.clear();
            }
        }
    }
}

void ModerationView::DrawReason(const core::PanelModel& model, Frame& frame, float width) {
    const Metrics& m = frame.metrics;
    const float x = ImGui::GetCursorPosX();
    ImGui::TextUnformatted(frame.t("panel.reason").c_str());
    int column = 0;
    const float button = (width - m.unit) / 2;
    for (const char* key : kReasonKeys) {
        const std::string text = frame.t(key);
        ImGui::SetCursorPosX(x + static_cast<float>(column) * (button + m.unit));
        const std::string id = std::string("reason:") + (key + std::string("panel.reason_").size());
        if (TouchButton(frame, id, text, ImVec2(button, m.target * 0.6f), true, reason == text)) reason = text;
        if (column == 0) ImGui::SameLine();
        column = 1 - column;
    }
    if (column == 1) ImGui::NewLine();
    ImGui::SetCursorPosX(x);
    DrawTextField(model, frame, Field::Reason, frame.t("panel.reason_hint"), width);
}

void ModerationView::DrawIdeaDetail(const core::PanelModel& model, Frame& frame, PanelOutput& out, float left, float top,
                                    float width) {
    const Metrics& m = frame.metrics;
    const auto* idea = model.idea(selected);
    ImGui::SetCursorPos(ImVec2(left, top));
    if (!idea) {
        ImGui::TextWrapped("%s", frame.t("panel.choose_idea").c_str());
        return;
    }
    ImGui::PushTextWrapPos(left + width);
    ImGui::PushFont(frame.fonts.bold);
    ImGui::TextWrapped("#%d %s", idea->number, idea->title.c_str());
    ImGui::PopFont();
    const auto line = [&](const std::string& text) {
        ImGui::SetCursorPosX(left);
        ImGui::TextWrapped("%s", text.c_str());
    };
    if (!idea->description.empty()) line(fitLines(ImGui::GetFont(), ImGui::GetFontSize(), idea->description, width, 10));
    if (!idea->author.empty()) line("– " + idea->author);
    line(statusLabel(frame, idea->status) + (idea->category.empty() ? "" : " · " + idea->category) + " · " +
         frame.text.plural(frame.language, "common.vote_count", idea->votes));
    if (idea->mergedIntoNumber > 0) line(frame.text.format(frame.language, "panel.merged_into", {{"number", std::to_string(idea->mergedIntoNumber)}}));
    if (!idea->flagged.empty()) {
        std::string words;
        for (const auto& w : idea->flagged) words += (words.empty() ? "" : ", ") + w;
        ImGui::PushStyleColor(ImGuiCol_Text, theme::palette().trouble.packed());
        line(frame.text.format(frame.language, "panel.flagged", {{"words", words}}));
        ImGui::PopStyleColor();
    }
    ImGui::PopTextWrapPos();
    if (pickingMergeTarget) {
        line(frame.text.format(frame.language, "panel.pick_target", {{"number", std::to_string(idea->number)}}));
        ImGui::SetCursorPosX(left);
        if (TouchButton(frame, "merge:cancel", frame.t("panel.cancel"), ImVec2(width / 2, m.target * 0.7f))) pickingMergeTarget = false;
        return;
    }
    ImGui::Dummy(ImVec2(0, m.unit * 0.5f));
    if (editing) {
        for (const auto& [field, hint] : {std::pair{Field::Title, "panel.edit_title"},
                                          std::pair{Field::Description, "panel.edit_description"},
                                          std::pair{Field::Author, "panel.edit_author"}}) {
            ImGui::SetCursorPosX(left);
            DrawTextField(model, frame, field, frame.t(hint), width);
        }
        ImGui::SetCursorPosX(left);
        DrawReason(model, frame, width);
        ImGui::SetCursorPosX(left);
        if (TouchButton(frame, "edit:save", frame.t("panel.save"), ImVec2(width / 2 - m.unit / 2, m.target * 0.7f), true, true)) {
            Action edit = action(Kind::Edit, idea->id, reason);
            edit.edit.title = editTitle;
            edit.edit.description = editDescription;
            edit.edit.author = editAuthor;
            out.actions.push_back(edit);
            editing = false;
        }
        ImGui::SameLine();
        if (TouchButton(frame, "edit:cancel", frame.t("panel.cancel"), ImVec2(width / 2 - m.unit / 2, m.target * 0.7f))) editing = false;
        return;
    }
    ImGui::SetCursorPosX(left);
    DrawReason(model, frame, width);
    const ImVec2 button(width / 2 - m.unit / 2, m.target * 0.7f);
    int placed = 0;
    const auto offer = [&](const char* id, const std::string& label, Kind kind, bool primary = false) {
        const bool enabled = !core::needsReason(kind) || !reason.empty();
        ImGui::SetCursorPosX(left + static_cast<float>(placed % 2) * (button.x + m.unit));
        if (TouchButton(frame, id, label, button, enabled, primary)) out.actions.push_back(action(kind, idea->id, reason));
        if (placed++ % 2 == 0) ImGui::SameLine();
    };
    for (const Kind kind : core::ideaActions(*idea)) {
        switch (kind) {
            case Kind::Approve: offer("act:approve", frame.t("panel.approve"), kind, true); break;
            case Kind::Reject: offer("act:reject", frame.t("panel.reject"), kind); break;
            case Kind::Hide: offer("act:hide", frame.t("panel.hide"), kind); break;
            case Kind::Unhide: offer("act:unhide", frame.t("panel.unhide"), kind); break;
            case Kind::Pin: offer("act:pin", frame.t("panel.pin"), kind); break;
            case Kind::Unpin: offer("act:unpin", frame.t("panel.unpin"), kind); break;
            default: break;
        }
    }
    if (placed % 2 == 1) ImGui::NewLine();
    if (idea->status == storage::IdeaStatus::Merged) return;
    ImGui::SetCursorPosX(left);
    if (TouchButton(frame, "act:merge", frame.t("panel.merge"), button)) pickingMergeTarget = true;
    ImGui::SameLine(left + button.x + m.unit);
    if (TouchButton(frame, "act:edit", frame.t("panel.edit"), button)) {
        editing = true;
        editTitle = idea->title;
        editDescription = idea->description;
        editAuthor = idea->author;
    }
}

void ModerationView::DrawSessions(const core::PanelModel& model, Frame& frame, PanelOutput& out, float top, float width,
                                  float height) {
    const Metrics& m = frame.metrics;
    if (model.sessions.empty()) {
        ImGui::SetCursorPos(ImVec2(m.unit, top));
        ImGui::TextUnformatted(frame.t("panel.no_sessions").c_str());
        return;
    }
    const float rowHeight = m.target * 0.7f;
    const int perPage = std::max(1, static_cast<int>((height - rowHeight) / (rowHeight + m.unit * 0.3f)));
    Pager(frame, static_cast<int>(model.sessions.size()), perPage, m.unit, top + height - rowHeight);
    const core::PanelModel::SessionRow* chosen = nullptr;
    for (int i = 0; i < static_cast<int>(model.sessions.size()); ++i) {
        const auto& s = model.sessions[i];
        if (s.id == selected) chosen = &s;
        if (i < page * perPage || i >= (page + 1) * perPage) continue;
        ImGui::SetCursorPos(ImVec2(m.unit, top + static_cast<float>(i - page * perPage) * (rowHeight + m.unit * 0.3f)));
        std::string label = s.started + "  " + s.language + "  · " + frame.text.plural(frame.language, "common.vote_count", s.votes);
        if (s.voided) label += " · " + frame.t("panel.voided");
        if (TouchButton(frame, "session:" + std::to_string(i), label, ImVec2(width, rowHeight), true, s.id == selected, "card")) {
            selected = s.id;
            reason.clear();
        }
    }
    const float left = width + m.unit * 2;
    const float paneWidth = ImGui::GetMainViewport()->Size.x - left - m.unit;
    ImGui::SetCursorPos(ImVec2(left, top));
    if (!chosen) {
        ImGui::TextWrapped("%s", frame.t("panel.choose_session").c_str());
        return;
    }
    ImGui::PushTextWrapPos(left + paneWidth);
    ImGui::TextWrapped("%s", frame.t("panel.void_explained").c_str());
    ImGui::PopTextWrapPos();
    if (chosen->voided) return;
    ImGui::SetCursorPosX(left);
    DrawReason(model, frame, paneWidth);
    ImGui::SetCursorPosX(left);
    if (TouchButton(frame, "act:void", frame.t("panel.void"), ImVec2(paneWidth, m.target * 0.7f), !reason.empty())) {
        out.actions.push_back(action(Kind::VoidSession, chosen->id, reason));
    }
}

void ModerationView::DrawLog(const core::PanelModel& model, Frame& frame, float top, float height) {
    const Metrics& m = frame.metrics;
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const int perPage = std::max(1, static_cast<int>((height - m.target) / line));
    Pager(frame, static_cast<int>(model.log.size()), perPage, m.unit, top + height - m.target * 0.7f);
    for (int i = page * perPage; i < std::min(static_cast<int>(model.log.size()), (page + 1) * perPage); ++i) {
        ImGui::SetCursorPos(ImVec2(m.unit, top + static_cast<float>(i - page * perPage) * line));
        ImGui::TextUnformatted(fitText(ImGui::GetFont(), ImGui::GetFontSize(), model.log[i].line, ImGui::GetWindowWidth() - m.unit * 2).c_str());
    }
}

void ModerationView::DrawControl(const core::PanelModel& model, Frame& frame, PanelOutput& out, float top) {
    const Metrics& m = frame.metrics;
    const ImVec2 button(m.unit * 24, m.target * 0.8f);
    const auto row = [&](const char* id, const std::string& state, const std::string& label, Action a) {
        ImGui::Dummy(ImVec2(0, m.unit * 0.2f));
        ImGui::SetCursorPosX(m.unit);
        if (TouchButton(frame, id, label, button)) out.actions.push_back(a);
        ImGui::SameLine();
        ImGui::TextUnformatted(state.c_str());
    };
    ImGui::SetCursorPos(ImVec2(m.unit, top));
    row("ctl:submission", frame.t(model.submissionOpen ? "panel.submission_open" : "panel.submission_closed"),
        frame.t(model.submissionOpen ? "panel.close_submission" : "panel.open_submission"),
        toggle(Kind::SetSubmission, !model.submissionOpen));
    row("ctl:voting", frame.t(model.votingOpen ? "panel.voting_open" : "panel.voting_closed"),
        frame.t(model.votingOpen ? "panel.close_voting" : "panel.open_voting"), toggle(Kind::SetVoting, !model.votingOpen));
    if (model.countsAfterReveal) {
        row("ctl:reveal", frame.t(model.countsRevealed ? "panel.counts_shown" : "panel.counts_hidden"),
            frame.t(model.countsRevealed ? "panel.hide_counts" : "panel.reveal_counts"),
            toggle(Kind::RevealCounts, !model.countsRevealed));
    }
    row("ctl:freeze", frame.t(model.projectorFrozen ? "panel.projector_frozen" : "panel.projector_live"),
        frame.t(model.projectorFrozen ? "panel.unfreeze" : "panel.freeze"), toggle(Kind::FreezeProjector, !model.projectorFrozen));
    ImGui::Dummy(ImVec2(0, m.unit));
    ImGui::SetCursorPosX(m.unit);
    ImGui::TextUnformatted(frame.t("panel.export_to").c_str());
    for (std::size_t i = 0; i < model.exportFolders.size() && i < 4; ++i) {
        ImGui::SetCursorPosX(m.unit);
        if (TouchButton(frame, "export:" + std::to_string(i), model.exportFolders[i], ImVec2(m.unit * 40, m.target * 0.7f))) {
            out.actions.push_back(action(Kind::Export, model.exportFolders[i]));
        }
    }
    if (!model.atKiosk) return;
    ImGui::Dummy(ImVec2(0, m.unit));
    ImGui::SetCursorPosX(m.unit);
    if (TouchButton(frame, "ctl:leave", frame.t("panel.leave_kiosk"), button)) out.actions.push_back(action(Kind::LeaveKiosk, {}));
}

}  // namespace kiosk::ui
