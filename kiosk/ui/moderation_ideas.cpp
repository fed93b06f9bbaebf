// The moderators' panel, ideas: the list with status and counts, the chosen idea with the reason presets and the
// actions its status allows, the edit and the merge.
#include "kiosk/ui/moderation_parts.h"

namespace kiosk::ui {

using namespace panel;

namespace {

// Presets let a moderator at the touchscreen give a reason without a keyboard; the laptop can type one.
const char* kReasonKeys[] = {"panel.reason_offensive", "panel.reason_duplicate", "panel.reason_off_topic",
                             "panel.reason_advert", "panel.reason_personal"};

}  // namespace

// [SECTION] Ideas

void ModerationView::DrawIdeaList(const core::PanelModel& model, Frame& frame, PanelOutput& out, bool pendingOnly,
                                  float top, float width, float height) {
    const auto [sc, p, draw] = Pen(frame);
    const PanelLayout l = PanelLayout::of(frame, band);
    ImFont* bold = frame.fonts.bold;
    ImFont* body = frame.fonts.body;
    std::vector<const core::PanelModel::IdeaRow*> rows;
    for (const auto& idea : model.ideas) {
        if (!pendingOnly || idea.status == storage::IdeaStatus::Pending) rows.push_back(&idea);
    }
    if (rows.empty()) {
        DrawText(draw, body, body->FontSize, ImVec2(l.margin, top), p.textMuted,
                 fitLines(body, body->FontSize, frame.t(pendingOnly ? "panel.nothing_pending" : "panel.no_ideas"), width, 2), width);
        return;
    }
    const int perPage = rowsPerPage(l);
    Pager(frame, static_cast<int>(rows.size()), perPage, l.margin, top + height - l.controlHeight);
    const float numberWidth = textWidth(bold, bold->FontSize, "#0000");
    for (int i = page * perPage; i < std::min(static_cast<int>(rows.size()), (page + 1) * perPage); ++i) {
        const auto& idea = *rows[static_cast<std::size_t>(i)];
        const Box box = rowBox(l, i - page * perPage, l.margin, width);
        const bool mergeCandidate = pickingMergeTarget && idea.id != selected && idea.status != storage::IdeaStatus::Merged;
        const bool enabled = !pickingMergeTarget || mergeCandidate;
        // The row's label is the title, as a browse card's: the number is drawn beside it, not as its beginning.
        const bool tapped = RowCard(frame, "row:" + std::to_string(idea.number), idea.title, box, idea.id == selected, enabled);
        // Right to left: votes, status, pinned, flagged; the title takes what is left.
        const float cy = box.y + box.h * 0.5f;
        const float textY = cy - body->FontSize * 0.5f;
        // The counts in a column of their own, right-aligned, so the status badges line up.
        const std::string votes = std::string(icon::kVote) + " " + std::to_string(idea.votes);
        const float columnX = box.right() - sc.m - textWidth(body, body->FontSize, std::string(icon::kVote) + " 0000");
        const float votesX = box.right() - sc.m - textWidth(body, body->FontSize, votes);
        const theme::Rgb ink = enabled ? p.text : p.onDisabled;
        const theme::Rgb muted = enabled ? p.textMuted : p.onDisabled;
        DrawText(draw, body, body->FontSize, ImVec2(votesX, textY), muted, votes);
        float right = DrawBadgeLeftOf(draw, body, columnX - sc.m, cy, statusLabel(frame, idea.status), statusLook(idea.status), sc) - sc.s;
        if (idea.fromPhone) right = DrawBadgeLeftOf(draw, body, right, cy, frame.t("panel.source_phone"), {p.primary, p.surfaceSunken}, sc) - sc.s;
        if (idea.pinned) {
            right -= textWidth(body, body->FontSize, icon::kPin);
            DrawText(draw, body, body->FontSize, ImVec2(right, textY), p.primary, icon::kPin);
            right -= sc.s;
        }
        if (!idea.flagged.empty()) {
            right -= textWidth(body, body->FontSize, icon::kWarning);
            DrawText(draw, body, body->FontSize, ImVec2(right, textY), p.trouble, icon::kWarning);
            right -= sc.s;
        }
        const float numberX = box.x + sc.l;
        DrawText(draw, bold, bold->FontSize, ImVec2(numberX, cy - bold->FontSize * 0.5f), muted, "#" + std::to_string(idea.number));
        const float titleX = numberX + numberWidth + sc.s;
        DrawText(draw, body, body->FontSize, ImVec2(titleX, textY), ink, fitText(body, body->FontSize, idea.title, right - sc.s - titleX));
        if (!tapped) continue;
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

void ModerationView::DrawReason(const core::PanelModel& model, Frame& frame, float width) {
    const auto [sc, p, draw] = Pen(frame);
    const PanelLayout l = PanelLayout::of(frame, band);
    ImFont* bold = frame.fonts.bold;
    const float x = ImGui::GetCursorScreenPos().x;
    float y = ImGui::GetCursorScreenPos().y;
    DrawText(draw, bold, bold->FontSize, ImVec2(x, y), p.textMuted, frame.t("panel.reason"));
    y += bold->FontSize + sc.s;
    const float button = (width - sc.s) / 2;
    const float height = l.controlHeight * 0.85f;
    int column = 0;
    for (const char* key : kReasonKeys) {
        const std::string text = frame.t(key);
        ImGui::SetCursorScreenPos(ImVec2(x + static_cast<float>(column) * (button + sc.s), y));
        const std::string id = std::string("reason:") + (key + std::string("panel.reason_").size());
        ButtonStyle style;
        style.kind = reason == text ? ButtonKind::TabSelected : ButtonKind::Secondary;
        style.icon = reason == text ? icon::kDone : nullptr;
        style.font = frame.fonts.body;
        if (StyledButton(frame, id, text, ImVec2(button, height), style)) reason = text;
        column = 1 - column;
        if (column == 0) y += height + sc.s;
    }
    if (column == 1) y += height + sc.s;
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    DrawTextField(model, frame, Field::Reason, frame.t("panel.reason_hint"), width);
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + sc.s));
}

void ModerationView::DrawIdeaDetail(const core::PanelModel& model, Frame& frame, PanelOutput& out, const Box& pane) {
    const auto [sc, p, draw] = Pen(frame);
    const PanelLayout l = PanelLayout::of(frame, band);
    ImFont* bold = frame.fonts.bold;
    ImFont* body = frame.fonts.body;
    DrawCard(draw, pane, 0u, sc);
    const float x = pane.x + sc.l;
    const float inner = pane.w - sc.l * 2;
    float y = pane.y + sc.l;
    const auto* idea = model.idea(selected);
    if (!idea) {
        DrawText(draw, body, body->FontSize, ImVec2(x, y), p.textMuted, fitLines(body, body->FontSize, frame.t("panel.choose_idea"), inner, 3),
                 inner);
        return;
    }
    // The reason and the actions always fit in the pane: the title and the description take the lines left above
    // them (up to three and six), so a long idea cannot push its own actions off the screen.
    const float chips = static_cast<float>((std::size(kReasonKeys) + 1) / 2) * (l.controlHeight * 0.85f + sc.s);
    const float field = (model.atKiosk ? frame.metrics.target * 0.7f : ImGui::GetFrameHeight()) + sc.s * 2;
    const std::size_t actions = core::ideaActions(*idea).size() + (idea->status == storage::IdeaStatus::Merged ? 0 : 2);
    const float controls = bold->FontSize + sc.s + chips + field + static_cast<float>((actions + 1) / 2) * (l.controlHeight + sc.s);
    float below = body->FontSize + sc.s * 2;  // the status line, and the gap before the reason
    if (!idea->author.empty()) below += body->FontSize + sc.s;
    if (idea->mergedIntoNumber > 0) below += body->FontSize + sc.s;
    if (!idea->flagged.empty()) below += body->FontSize * 2.25f + sc.s;
    float room = pane.bottom() - sc.m - y - controls - below;
    const auto linesIn = [](float height, float size, int most) {
        return std::clamp(static_cast<int>((height - size * 0.25f) / size), 1, most);
    };
    // What the idea says, then what is known about it.
    const int titleLines = linesIn(room - body->FontSize * 2.25f - sc.s * 2, bold->FontSize, 3);
    const std::string heading = fitLines(bold, bold->FontSize, "#" + std::to_string(idea->number) + "  " + idea->title, inner, titleLines);
    const float headingHeight = DrawText(draw, bold, bold->FontSize, ImVec2(x, y), p.text, heading, inner) + sc.s;
    y += headingHeight;
    room -= headingHeight;
    if (!idea->description.empty()) {
        const int lines = linesIn(room - sc.s, body->FontSize, 6);
        y += DrawText(draw, body, body->FontSize, ImVec2(x, y), p.text, fitLines(body, body->FontSize, idea->description, inner, lines), inner) + sc.s;
    }
    if (!idea->author.empty()) y += DrawText(draw, body, body->FontSize, ImVec2(x, y), p.textMuted, fitText(body, body->FontSize, "– " + idea->author, inner)) + sc.s;
    const float badgeRight = x + textWidth(body, body->FontSize, statusLabel(frame, idea->status)) + sc.m;
    DrawBadgeLeftOf(draw, body, badgeRight, y + body->FontSize * 0.5f, statusLabel(frame, idea->status), statusLook(idea->status), sc);
    const std::string facts = frame.t(idea->fromPhone ? "panel.source_phone" : "panel.source_kiosk") + " · " +
                              (idea->category.empty() ? "" : model.categoryName(idea->category, frame.language) + " · ") + frame.text.plural(frame.language, "common.vote_count", idea->votes);
    y += DrawText(draw, body, body->FontSize, ImVec2(badgeRight + sc.m, y), p.textMuted,
                  fitText(body, body->FontSize, facts, x + inner - badgeRight - sc.m)) + sc.s;
    if (idea->mergedIntoNumber > 0) {
        const std::string merged = frame.text.format(frame.language, "panel.merged_into", {{"number", std::to_string(idea->mergedIntoNumber)}});
        y += DrawText(draw, body, body->FontSize, ImVec2(x, y), p.textMuted, fitText(body, body->FontSize, merged, inner)) + sc.s;
    }
    if (!idea->flagged.empty()) {
        std::string words;
        for (const auto& w : idea->flagged) words += (words.empty() ? "" : ", ") + w;
        const std::string flagged = std::string(icon::kWarning) + "  " + frame.text.format(frame.language, "panel.flagged", {{"words", words}});
        y += DrawText(draw, body, body->FontSize, ImVec2(x, y), p.trouble, fitLines(body, body->FontSize, flagged, inner, 2), inner) + sc.s;
    }
    y += sc.s;
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    if (pickingMergeTarget) {
        const std::string pick = frame.text.format(frame.language, "panel.pick_target", {{"number", std::to_string(idea->number)}});
        y += DrawText(draw, body, body->FontSize, ImVec2(x, y), p.primary, fitLines(body, body->FontSize, pick, inner, 3), inner) + sc.m;
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        if (ActionButton(frame, "merge:cancel", frame.t("panel.cancel"), icon::kClose, ButtonKind::Secondary, ImVec2(inner / 2, l.controlHeight))) {
            pickingMergeTarget = false;
        }
        return;
    }
    if (editing) {
        DrawEdit(model, frame, out, *idea, inner);
        return;
    }
    DrawReason(model, frame, inner);
    DrawIdeaActions(frame, out, *idea, inner);
}

void ModerationView::DrawEdit(const core::PanelModel& model, Frame& frame, PanelOutput& out, const core::PanelModel::IdeaRow& idea,
                              float width) {
    const auto [sc, p, draw] = Pen(frame);
    const float height = PanelLayout::of(frame, band).controlHeight;
    const float x = ImGui::GetCursorScreenPos().x;
    for (const auto& [field, hint] : {std::pair{Field::Title, "panel.edit_title"}, std::pair{Field::Description, "panel.edit_description"},
                                      std::pair{Field::Author, "panel.edit_author"}}) {
        DrawTextField(model, frame, field, frame.t(hint), width);
        ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + sc.s));
    }
    DrawReason(model, frame, width);
    const float y = ImGui::GetCursorScreenPos().y;
    const ImVec2 button(width / 2 - sc.s / 2, height);
    if (ActionButton(frame, "edit:save", frame.t("panel.save"), icon::kDone, ButtonKind::Primary, button)) {
        Action edit = action(Kind::Edit, idea.id, reason);
        edit.edit.title = editTitle;
        edit.edit.description = editDescription;
        edit.edit.author = editAuthor;
        out.actions.push_back(edit);
        editing = false;
    }
    ImGui::SetCursorScreenPos(ImVec2(x + button.x + sc.s, y));
    if (ActionButton(frame, "edit:cancel", frame.t("panel.cancel"), icon::kClose, ButtonKind::Secondary, button)) editing = false;
}

void ModerationView::DrawIdeaActions(Frame& frame, PanelOutput& out, const core::PanelModel::IdeaRow& idea, float width) {
    const auto [sc, p, draw] = Pen(frame);
    const float x = ImGui::GetCursorScreenPos().x;
    float y = ImGui::GetCursorScreenPos().y;
    const ImVec2 button(width / 2 - sc.s / 2, PanelLayout::of(frame, band).controlHeight);
    int placed = 0;
    const auto offer = [&](const char* id, const std::string& label, const char* icon, ButtonKind kind, bool enabled) {
        ImGui::SetCursorScreenPos(ImVec2(x + static_cast<float>(placed % 2) * (button.x + sc.s), y));
        const bool fired = ActionButton(frame, id, label, icon, kind, button, enabled);
        if (++placed % 2 == 0) y += button.y + sc.s;
        return fired;
    };
    for (const Kind kind : core::ideaActions(idea)) {
        const bool ready = !core::needsReason(kind) || !reason.empty();
        bool fired = false;
        switch (kind) {
            case Kind::Approve: fired = offer("act:approve", frame.t("panel.approve"), icon::kDone, ButtonKind::Primary, ready); break;
            case Kind::Reject: fired = offer("act:reject", frame.t("panel.reject"), icon::kClose, ButtonKind::Danger, ready); break;
            case Kind::Hide: fired = offer("act:hide", frame.t("panel.hide"), icon::kHide, ButtonKind::Danger, ready); break;
            case Kind::Unhide: fired = offer("act:unhide", frame.t("panel.unhide"), icon::kModeration, ButtonKind::Secondary, ready); break;
            case Kind::Pin: fired = offer("act:pin", frame.t("panel.pin"), icon::kPin, ButtonKind::Secondary, ready); break;
            case Kind::Unpin: fired = offer("act:unpin", frame.t("panel.unpin"), icon::kPin, ButtonKind::Secondary, ready); break;
            default: break;
        }
        if (fired) out.actions.push_back(action(kind, idea.id, reason));
    }
    if (idea.status == storage::IdeaStatus::Merged) return;
    if (offer("act:merge", frame.t("panel.merge"), icon::kMerge, ButtonKind::Secondary, true)) pickingMergeTarget = true;
    if (offer("act:edit", frame.t("panel.edit"), icon::kEdit, ButtonKind::Secondary, true)) {
        editing = true;
        editTitle = idea.title;
        editDescription = idea.description;
        editAuthor = idea.author;
    }
}

}  // namespace kiosk::ui
