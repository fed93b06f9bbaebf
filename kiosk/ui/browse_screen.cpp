// Browsing ideas: order and topic controls, a virtualised list of cards scrolled by dragging, and the detail view.
#include "kiosk/ui/kiosk_view.h"

#include "kiosk/ui/widgets.h"

#include "imgui.h"

#include <algorithm>
#include <cfloat>

namespace kiosk::ui {

namespace ev = core::ev;

namespace {

// Feeds the finger to the scroller before any button is drawn, so a drag can suppress the tap it ends with.
void trackFinger(core::Scroller& scroller, Frame& frame, const ImVec2& min, const ImVec2& max) {
    const ImGuiIO& io = ImGui::GetIO();
    const bool inside = io.MousePos.x >= min.x && io.MousePos.x < max.x && io.MousePos.y >= min.y && io.MousePos.y < max.y;
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && inside) scroller.press(frame.pressY, frame.now);
    if (ImGui::IsMouseDown(ImGuiMouseButton_Left)) scroller.move(io.MousePos.y, frame.now);
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && scroller.release(frame.now)) frame.suppressTaps = true;
    if (scroller.dragging()) frame.suppressTaps = true;
    if (io.MouseWheel != 0.0f) scroller.setOffsetBy(-io.MouseWheel * frame.metrics.target);
}

float voteWidth(Frame& frame) {
    const theme::Scale sc = frame.scale();
    ImFont* font = frame.fonts.bold;
    float widest = 0;
    for (const char* key : {"browse.vote", "browse.voted"}) widest = std::max(widest, textWidth(font, font->FontSize, frame.t(key)));
    return std::max(sc.target * 3.0f, widest + font->FontSize + sc.s + sc.m * 2);
}

// The vote button: "Unterstützen" (primary, open thumb) or, once voted, "Unterstützt" (green, filled thumb), which
// takes the vote back when tapped again, as the line under it says.
void voteButton(const core::KioskState& state, const core::IdeaCard& idea, Frame& frame, const ImVec2& size, bool hint) {
    const theme::Scale sc = frame.scale();
    const bool voted = state.voted.count(idea.id) > 0;
    const bool busy = state.voteInFlight == idea.id;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ButtonStyle style;
    style.font = frame.fonts.bold;
    if (voted) {
        style.kind = ButtonKind::Success;
        style.icon = icon::kVoted;
        style.enabled = !busy;
        if (StyledButton(frame, "undo:" + std::to_string(idea.number), frame.t("browse.voted"), size, style)) {
            frame.events.push_back(ev::Undo{idea.id});
        }
        if (hint) {
            ImFont* font = frame.fonts.body;
            const std::string undo = std::string(icon::kUndo) + " " + frame.t("browse.undo");
            const std::string shown = fitText(font, font->FontSize, undo, size.x);
            DrawText(ImGui::GetWindowDrawList(), font, font->FontSize,
                     ImVec2(at.x + (size.x - textWidth(font, font->FontSize, shown)) * 0.5f, at.y + size.y + sc.xs),
                     theme::palette().success, shown);
        }
    } else {
        style.kind = ButtonKind::Primary;
        style.icon = icon::kVote;
        style.enabled = !busy && state.votesLeft > 0;
        if (StyledButton(frame, "vote:" + std::to_string(idea.number), frame.t("browse.vote"), size, style)) {
            frame.events.push_back(ev::Vote{idea.id});
        }
    }
}

}  // namespace

void BrowseScreen::Draw(const core::KioskState& state, const KioskViewModel& model, Frame& frame) {
    const auto [sc, p, draw] = Pen(frame);
    if (generation != state.generation) {  // a new person: back to the top
        scroller.reset();
        generation = state.generation;
    }
    const Box area = contentBox(frame);
    ImFont* bold = frame.fonts.bold;
    ImFont* body = frame.fonts.body;

    // Row 1: back, and the order as one segmented control beside it, or in a row of its own under it when its labels
    // do not fit beside it (a portrait stele, large text), so they are not shortened.
    const float backWidth = DrawBackButton(frame, frame.t("common.back"), area.x, area.y);
    const std::pair<core::BrowseOrder, const char*> orders[] = {{core::BrowseOrder::Random, "browse.order_random"},
                                                                {core::BrowseOrder::Newest, "browse.order_newest"},
                                                                {core::BrowseOrder::Popular, "browse.order_popular"}};
    float segment = 0;
    for (const auto& [order, key] : orders) segment = std::max(segment, textWidth(bold, bold->FontSize, frame.t(key)) + sc.m * 2);
    const bool ownRow = segment * 3 > area.w - backWidth - sc.l;
    const float orderY = ownRow ? area.y + sc.target + sc.m : area.y;
    segment = ownRow ? area.w / 3.0f : segment;
    // Where a third of the row does not hold a label on one line (large text on a portrait stele: "En çok destek
    // alan"), the row grows to two lines, clear of the chosen tab's bar, and the label wraps instead of being cut.
    float orderHeight = sc.target;
    for (const auto& [order, key] : orders) {
        // Only a label that can wrap between words: a single long word shrinks in its tab instead (StyledButton).
        const float room = segment - 2 * std::min(sc.m, segment * 0.1f);
        if (textWidth(bold, bold->FontSize, frame.t(key)) > room && widestWordWidth(bold, bold->FontSize, frame.t(key)) <= room) {
            orderHeight = std::max(sc.target, bold->FontSize * 2 + chosenBarRoom(sc) * 2 + sc.s);
        }
    }
    float x = area.right() - segment * 3;
    draw->AddRectFilled(ImVec2(x - sc.xs, orderY - sc.xs), ImVec2(area.right() + sc.xs, orderY + orderHeight + sc.xs),
                        p.surfaceSunken.packed(), sc.radius + sc.xs);
    for (const auto& [order, key] : orders) {
        ImGui::SetCursorScreenPos(ImVec2(x, orderY));
        ButtonStyle style;
        style.kind = state.order == order ? ButtonKind::TabSelected : ButtonKind::Tab;
        style.font = bold;
        style.role = "tab";
        style.checked = state.order == order;  // chosen in shape too: a bar under the label
        style.underline = true;
        if (StyledButton(frame, std::string("order:") + key, frame.t(key), ImVec2(segment, orderHeight), style)) {
            frame.events.push_back(ev::SetOrder{order});
        }
        x += segment;
    }

    // Row 2: topic filters, wrapped onto as many lines as they need; a label wider than the column is shortened.
    float y = orderY + orderHeight + sc.l;
    // High enough that the chosen filter's bar stays clear of the label's line, also in large text.
    const float filterHeight = std::max({60.0f, sc.target * 0.75f, body->FontSize + chosenBarRoom(sc) * 2});
    struct Filter {
        std::string id, label, key;
        unsigned int colour;
    };
    std::vector<Filter> filters{{"filter:all", frame.t("browse.all_categories"), "", 0}};
    for (const auto& c : model.categories) filters.push_back({"filter:" + c.key, c.name(state.language), c.key, c.color});
    x = area.x;
    for (const auto& f : filters) {
        const float dot = f.colour ? body->FontSize * 0.22f : 0.0f;
        const float inner = dot > 0 ? dot * 2 + sc.s : 0.0f;
        const float width = std::min(area.w, std::max(filterHeight * 1.5f, textWidth(body, body->FontSize, f.label) + inner + sc.m * 2));
        if (x > area.x && x + width > area.right()) {
            x = area.x;
            y += filterHeight + sc.s;
        }
        const bool selected = state.categoryFilter == f.key;
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        ButtonStyle style;
        style.kind = selected ? ButtonKind::TabSelected : ButtonKind::Tab;
        style.role = "tab";
        style.custom = true;
        style.checked = selected;
        style.underline = true;
        if (StyledButton(frame, f.id, f.label, ImVec2(width, filterHeight), style)) frame.events.push_back(ev::SetCategoryFilter{f.key});
        const theme::Rgb ink = selected ? p.onPrimary : p.text;
        float tx = x + sc.m;
        if (dot > 0) {
            draw->AddCircleFilled(ImVec2(tx + dot, y + filterHeight * 0.5f), dot + 2.0f + categoryRim(sc), p.surface.packed(), 16);
            DrawCategoryDot(draw, ImVec2(tx + dot, y + filterHeight * 0.5f), dot, f.colour, sc);
            tx += inner;
        }
        const std::string shown = fitText(body, body->FontSize, f.label, x + width - sc.m - tx);
        AddShapedText(draw, body, body->FontSize, ImVec2(tx, y + (filterHeight - body->FontSize) * 0.5f), ink.packed(), shown.c_str());
        x += width + sc.s;
    }
    y += filterHeight + sc.l;

    // The list: only the cards in view are drawn, so 5,000 ideas cost what ten do.
    const ImVec2 origin(area.x, y);
    const ImVec2 avail(area.w, std::max(1.0f, area.bottom() - y));
    // Every card is one height, so the list stays virtualised (a row's place is its index times the row's height):
    // under the number a band of three lines (four in large text, where a title wraps sooner) that the title and the
    // description share. The title takes the lines it needs, up to all but one (two, three in large text), and all
    // of them for an idea without a description; the description takes the rest.
    const int textLines = state.largeText ? 4 : 3;
    const float lineHeight = std::max(bold->FontSize, body->FontSize);
    const float cardHeight = sc.m * 2 + bold->FontSize + sc.s + lineHeight * static_cast<float>(textLines) + sc.s;
    const float rowHeight = cardHeight + sc.m;
    scroller.setExtent(static_cast<float>(model.ideas.size()) * rowHeight, avail.y);
    trackFinger(scroller, frame, origin, ImVec2(origin.x + avail.x, origin.y + avail.y));
    if (model.ideas.empty()) {
        DrawTextCentred(draw, body, body->FontSize, area.x, y + sc.xl, area.w, p.textMuted,
                        fitLines(body, body->FontSize, frame.t("browse.empty"), area.w, 2));
        return;
    }
    ImGui::SetCursorScreenPos(origin);
    ImGui::BeginChild("##cards", avail, false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse |
                                                   ImGuiWindowFlags_NoBackground);
    ImDrawList* cards = ImGui::GetWindowDrawList();  // the list of the scrolling child
    const auto range = core::visibleRows(static_cast<int>(model.ideas.size()), rowHeight, scroller.offset(), avail.y);
    const float vote = voteWidth(frame);
    for (int i = range.first; i < range.last; ++i) {
        const auto& idea = model.ideas[static_cast<std::size_t>(i)];
        const float top = origin.y + static_cast<float>(i) * rowHeight - scroller.offset();
        const Box card{origin.x, top, avail.x, cardHeight};
        const auto* category = model.category(idea.category);
        DrawCard(cards, card, 0u, sc);
        // The card opens the detail: a button without a label of its own under the card's text.
        const float voteX = card.right() - sc.m - vote;
        ImGui::SetCursorScreenPos(ImVec2(card.x, card.y));
        ButtonStyle open;
        open.kind = ButtonKind::Card;
        open.role = "card";
        open.custom = true;
        if (StyledButton(frame, "card:" + std::to_string(idea.number), idea.title, ImVec2(voteX - sc.m - card.x, card.h), open)) {
            frame.events.push_back(ev::OpenDetail{idea.id});
        }
        if (category) {
            DrawCategoryStripe(cards, ImVec2(card.x, card.y), ImVec2(card.x + sc.s, card.bottom()), category->color, sc.radius,
                               ImDrawFlags_RoundCornersLeft, sc);
        }
        // Hierarchy: number and topic, the title, the description in the lines the title leaves.
        const float left = card.x + sc.l;
        const float textRight = voteX - sc.l;
        float ty = card.y + sc.m;
        const std::string number = "#" + std::to_string(idea.number);
        DrawText(cards, bold, bold->FontSize, ImVec2(left, ty), p.textMuted, number);
        if (category) {
            const float nx = left + textWidth(bold, bold->FontSize, number) + sc.m;
            DrawChip(cards, body, nx, ty - sc.xs, category->name(state.language), category->color, textRight - nx, sc);
        }
        ty += bold->FontSize + sc.s;
        const float wrap = textRight - left;
        const int titleLimit = idea.description.empty() ? textLines : textLines - 1;
        const std::string title = fitLines(bold, bold->FontSize, idea.title, wrap, titleLimit);
        const float titleHeight = std::max(bold->FontSize, DrawText(cards, bold, bold->FontSize, ImVec2(left, ty), p.text, title, wrap));
        const int titleLines = std::clamp(static_cast<int>(titleHeight / bold->FontSize + 0.5f), 1, titleLimit);
        ty += titleHeight + sc.s;
        if (!idea.description.empty() && titleLines < textLines) {
            DrawText(cards, body, body->FontSize, ImVec2(left, ty), p.textMuted,
                     fitLines(body, body->FontSize, idea.description, wrap, textLines - titleLines), wrap);
        }
        // The count above the vote button, the undo hint below it.
        const bool voted = state.voted.count(idea.id) > 0;
        float blockHeight = sc.target + (voted ? body->FontSize + sc.xs : 0.0f);
        if (model.showCounts) blockHeight += body->FontSize + sc.xs;
        float vy = card.y + (card.h - blockHeight) * 0.5f;
        if (model.showCounts) {
            const std::string count = fitText(body, body->FontSize, frame.text.plural(state.language, "common.vote_count", idea.votes), vote);
            DrawText(cards, body, body->FontSize, ImVec2(voteX + (vote - textWidth(body, body->FontSize, count)) * 0.5f, vy), p.text, count);
            vy += body->FontSize + sc.xs;
        }
        ImGui::SetCursorScreenPos(ImVec2(voteX, vy));
        voteButton(state, idea, frame, ImVec2(vote, sc.target), true);
    }
    ImGui::EndChild();
}

void BrowseScreen::DrawDetail(const core::KioskState& state, const KioskViewModel& model, Frame& frame) {
    const auto [sc, p, draw] = Pen(frame);
    const Box area = contentBox(frame);
    ImFont* bold = frame.fonts.bold;
    ImFont* body = frame.fonts.body;
    ImFont* title = frame.fonts.title;
    DrawBackButton(frame, frame.t("browse.close"), area.x, area.y);
    const core::IdeaCard* idea = nullptr;
    for (const auto& card : model.ideas) {
        if (card.id == state.detailIdeaId) idea = &card;
    }
    if (!idea) return;  // hidden by a moderator meanwhile: only the way back remains

    // A reading column in the middle; the actions at the bottom, where a seated person reaches them.
    const float width = std::min(area.w, sc.em * 40.0f);
    const float left = area.x + (area.w - width) * 0.5f;
    const float actionsTop = area.bottom() - sc.target;
    const float pad = sc.xl;
    const float textWidthMax = width - pad * 2;
    const float cardTop = area.y + sc.target + sc.l;
    const float cardRoom = actionsTop - sc.l - cardTop;
    // The card is as tall as its text (up to the room there is), so a short idea does not float in white.
    const std::string heading = fitLines(title, title->FontSize, idea->title, textWidthMax, 3);
    const float headingHeight = textHeight(title, title->FontSize, heading, textWidthMax);
    const float fixed = pad * 1.2f + bold->FontSize + sc.m + headingHeight + sc.m;
    const int lines = std::max(1, static_cast<int>((cardRoom - fixed) / body->FontSize));
    const std::string description = fitLines(body, body->FontSize, idea->description, textWidthMax, lines);
    const float descriptionHeight = idea->description.empty() ? 0.0f : textHeight(body, body->FontSize, description, textWidthMax);
    const Box card{left, cardTop, width, std::min(cardRoom, fixed + descriptionHeight)};
    const auto* category = model.category(idea->category);
    DrawCard(draw, card, category ? category->color : 0u, sc);
    // The card is its text's place (its clip rectangle says so, to a test too).
    draw->PushClipRect(ImVec2(card.x, card.y), ImVec2(card.right(), card.bottom()), true);
    float y = card.y + pad * 0.6f;
    const std::string number = "#" + std::to_string(idea->number);
    AddShapedText(draw, bold, bold->FontSize, ImVec2(card.x + pad, y), p.textMuted.packed(), number.c_str());
    if (category) {
        const float nx = card.x + pad + textWidth(bold, bold->FontSize, number) + sc.m;
        DrawChip(draw, body, nx, y - sc.xs, category->name(state.language), category->color, card.right() - pad - nx, sc);
    }
    y += bold->FontSize + sc.m;
    y += DrawText(draw, title, title->FontSize, ImVec2(card.x + pad, y), p.text, heading, textWidthMax) + sc.m;
    if (!idea->description.empty()) DrawText(draw, body, body->FontSize, ImVec2(card.x + pad, y), p.text, description, textWidthMax);
    draw->PopClipRect();
    const float vote = voteWidth(frame);
    if (model.showCounts) {
        const std::string count = frame.text.plural(state.language, "common.vote_count", idea->votes);
        DrawText(draw, bold, bold->FontSize, ImVec2(left, actionsTop + (sc.target - bold->FontSize) * 0.5f), p.text,
                 fitText(bold, bold->FontSize, count, width - vote - sc.l));
    }
    ImGui::SetCursorScreenPos(ImVec2(left + width - vote, actionsTop));
    voteButton(state, *idea, frame, ImVec2(vote, sc.target), false);
    if (state.voted.count(idea->id) > 0) {
        const std::string hint = std::string(icon::kUndo) + " " + frame.t("browse.undo");
        const float room = width - vote - sc.l - (model.showCounts ? width * 0.35f : 0.0f);
        const std::string shown = fitText(body, body->FontSize, hint, std::max(0.0f, room));
        DrawText(draw, body, body->FontSize,
                 ImVec2(left + width - vote - sc.m - textWidth(body, body->FontSize, shown), actionsTop + (sc.target - body->FontSize) * 0.5f),
                 p.success, shown);
    }
}

}  // namespace kiosk::ui
