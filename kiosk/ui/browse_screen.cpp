// Browsing ideas: order and topic tabs, a virtualised list of cards scrolled by dragging, and the detail view.
#include "kiosk/ui/kiosk_view.h"

#include "imgui.h"

#include <cfloat>
#include <cstdio>

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

void voteButton(const core::KioskState& state, const core::IdeaCard& idea, Frame& frame, const ImVec2& size) {
    const bool voted = state.voted.count(idea.id) > 0;
    const bool busy = state.voteInFlight == idea.id;
    if (voted) {
        if (TouchButton(frame, "undo:" + std::to_string(idea.number), frame.t("browse.voted") + " · " + frame.t("browse.undo"),
                        size, !busy)) {
            frame.events.push_back(ev::Undo{idea.id});
        }
    } else if (TouchButton(frame, "vote:" + std::to_string(idea.number), frame.t("browse.vote"), size,
                           !busy && state.votesLeft > 0, true)) {
        frame.events.push_back(ev::Vote{idea.id});
    }
}

}  // namespace

void BrowseScreen::Draw(const core::KioskState& state, const KioskViewModel& model, Frame& frame) {
    const Metrics& m = frame.metrics;
    if (generation != state.generation) {  // a new person: back to the top
        scroller.reset();
        generation = state.generation;
    }
    if (TouchButton(frame, "back", frame.t("common.back"), ImVec2(m.unit * 8, m.target))) frame.events.push_back(ev::Back{});
    ImGui::SameLine(0, m.unit);
    const std::pair<core::BrowseOrder, const char*> orders[] = {{core::BrowseOrder::Random, "browse.order_random"},
                                                                {core::BrowseOrder::Newest, "browse.order_newest"},
                                                                {core::BrowseOrder::Popular, "browse.order_popular"}};
    for (const auto& [order, key] : orders) {
        if (TouchButton(frame, std::string("order:") + key, frame.t(key), ImVec2(m.unit * 10, m.target), true,
                        state.order == order, "tab")) {
            frame.events.push_back(ev::SetOrder{order});
        }
        ImGui::SameLine();
    }
    ImGui::NewLine();
    // Topic filter: "all" plus one tab per category, in the category's colour.
    if (TouchButton(frame, "filter:all", frame.t("browse.all_categories"), ImVec2(m.unit * 9, m.target), true,
                    state.categoryFilter.empty(), "tab")) {
        frame.events.push_back(ev::SetCategoryFilter{""});
    }
    for (const auto& c : model.categories) {
        ImGui::SameLine();
        if (ImGui::GetContentRegionAvail().x < m.unit * 9) ImGui::NewLine();
        if (TouchButton(frame, "filter:" + c.key, c.name(state.language), ImVec2(m.unit * 9, m.target), true,
                        state.categoryFilter == c.key, "tab")) {
            frame.events.push_back(ev::SetCategoryFilter{c.key});
        }
    }
    ImGui::Dummy(ImVec2(0, m.unit * 0.5f));

    // The list: only the cards in view are drawn, so 5,000 ideas cost what ten do.
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float rowHeight = m.target * 2.2f;
    scroller.setExtent(static_cast<float>(model.ideas.size()) * rowHeight, avail.y);
    trackFinger(scroller, frame, origin, ImVec2(origin.x + avail.x, origin.y + avail.y));
    if (model.ideas.empty()) {
        ImGui::TextWrapped("%s", frame.t("browse.empty").c_str());
        return;
    }
    ImGui::BeginChild("##cards", avail, false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    const auto range = core::visibleRows(static_cast<int>(model.ideas.size()), rowHeight, scroller.offset(), avail.y);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (int i = range.first; i < range.last; ++i) {
        const auto& idea = model.ideas[static_cast<std::size_t>(i)];
        const float y = static_cast<float>(i) * rowHeight - scroller.offset();
        const ImVec2 min(origin.x, origin.y + y);
        const ImVec2 max(origin.x + avail.x, origin.y + y + rowHeight - m.unit * 0.5f);
        const auto* category = model.category(idea.category);
        draw->AddRectFilled(min, max, IM_COL32(255, 255, 255, 255), m.unit * 0.4f);
        draw->AddRectFilled(min, ImVec2(min.x + m.unit * 0.5f, max.y), category ? category->color : 0xFF888888u, m.unit * 0.4f,
                            ImDrawFlags_RoundCornersLeft);
        ImGui::SetCursorScreenPos(ImVec2(min.x + m.unit * 1.2f, min.y + m.unit * 0.5f));
        // The card itself opens the detail: an invisible button under the text.
        const float voteWidth = m.unit * 16;
        if (TouchButton(frame, "card:" + std::to_string(idea.number), idea.title,
                        ImVec2(avail.x - voteWidth - m.unit * 3, rowHeight - m.unit * 1.5f), true, false, "card")) {
            frame.events.push_back(ev::OpenDetail{idea.id});
        }
        char header[64];
        std::snprintf(header, sizeof header, "#%d", idea.number);
        std::string line = header;
        if (category) line += "  " + category->name(state.language);
        if (model.showCounts) line += "  ·  " + frame.text.plural(state.language, "common.vote_count", idea.votes);
        draw->AddText(frame.fonts.bold, frame.fonts.bold->FontSize, ImVec2(min.x + m.unit * 1.6f, min.y + m.unit * 0.6f),
                      IM_COL32(90, 90, 90, 255), line.c_str());
        const float textWidth = avail.x - voteWidth - m.unit * 4;
        const ImVec2 titlePos(min.x + m.unit * 1.6f, min.y + m.unit * 2.6f);
        draw->AddText(frame.fonts.body, frame.fonts.body->FontSize, titlePos, IM_COL32(20, 20, 20, 255), idea.title.c_str(),
                      nullptr, textWidth);
        // The first line of the description, when the title leaves room for it.
        const float titleHeight = frame.fonts.body->CalcTextSizeA(frame.fonts.body->FontSize, FLT_MAX, textWidth, idea.title.c_str()).y;
        if (!idea.description.empty() && titleHeight < frame.fonts.body->FontSize * 1.5f) {
            const ImVec2 at(titlePos.x, titlePos.y + titleHeight + m.unit * 0.3f);
            draw->PushClipRect(at, ImVec2(at.x + textWidth, at.y + frame.fonts.body->FontSize * 1.2f), true);
            const std::string firstLine = idea.description.substr(0, idea.description.find('\n'));
            draw->AddText(frame.fonts.body, frame.fonts.body->FontSize, at, IM_COL32(110, 110, 110, 255), firstLine.c_str());
            draw->PopClipRect();
        }
        ImGui::SetCursorScreenPos(ImVec2(max.x - voteWidth - m.unit, min.y + (rowHeight - m.target) * 0.5f - m.unit * 0.25f));
        voteButton(state, idea, frame, ImVec2(voteWidth, m.target));
    }
    ImGui::EndChild();
}

void BrowseScreen::DrawDetail(const core::KioskState& state, const KioskViewModel& model, Frame& frame) {
    const Metrics& m = frame.metrics;
    if (TouchButton(frame, "back", frame.t("browse.close"), ImVec2(m.unit * 10, m.target))) frame.events.push_back(ev::Back{});
    const core::IdeaCard* idea = nullptr;
    for (const auto& card : model.ideas) {
        if (card.id == state.detailIdeaId) idea = &card;
    }
    if (!idea) return;  // hidden by a moderator meanwhile: only the way back remains
    ImGui::Dummy(ImVec2(0, m.unit));
    ImGui::PushFont(frame.fonts.title);
    ImGui::TextWrapped("#%d  %s", idea->number, idea->title.c_str());
    ImGui::PopFont();
    if (const auto* category = model.category(idea->category)) ImGui::TextDisabled("%s", category->name(state.language).c_str());
    ImGui::Dummy(ImVec2(0, m.unit));
    ImGui::TextWrapped("%s", idea->description.c_str());
    ImGui::Dummy(ImVec2(0, m.unit));
    if (model.showCounts) ImGui::TextUnformatted(frame.text.plural(state.language, "common.vote_count", idea->votes).c_str());
    voteButton(state, *idea, frame, ImVec2(m.unit * 20, m.target));
}

}  // namespace kiosk::ui
