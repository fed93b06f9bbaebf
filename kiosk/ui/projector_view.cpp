// Draws the projector: title band, ranking with bars, totals, pinned ideas, a category spotlight, a ticker.
#include "kiosk/ui/projector_view.h"

#include "kiosk/ui/frame.h"

#include "imgui.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>

namespace kiosk::ui {

bool ProjectorView::Animate(const ProjectorModel& model, float dt) {
    const int maxVotes = model.ranking.empty() ? 1 : std::max(1, model.ranking.front().votes);
    bool moving = false;
    // Exponential approach: fast at first, settling smoothly; about 0.4 s to close most of a gap.
    const float blend = 1.0f - std::exp(-dt * 8.0f);
    for (std::size_t i = 0; i < model.ranking.size() && i < static_cast<std::size_t>(topCount); ++i) {
        const auto& entry = model.ranking[i];
        Motion& m = motion[entry.number];
        const float slot = static_cast<float>(i);
        const float bar = static_cast<float>(entry.votes) / static_cast<float>(maxVotes);
        if (m.slot < 0) m.slot = slot;  // a new entry appears in place, then its bar grows
        m.slot += (slot - m.slot) * blend;
        m.bar += (bar - m.bar) * blend;
        if (std::fabs(slot - m.slot) > 0.002f || std::fabs(bar - m.bar) > 0.002f) {
            moving = true;
        } else {
            m.slot = slot;
            m.bar = bar;
        }
    }
    return moving;
}

namespace {

void drawTotals(const ProjectorModel& model, const Fonts& fonts, const core::Catalog& text, ImVec2 at, float unit) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const std::pair<const char*, int> totals[] = {{"projector.ideas", model.ideas},
                                                  {"projector.votes", model.votes},
                                                  {"projector.participants", model.participants}};
    for (const auto& [key, value] : totals) {
        const std::string number = std::to_string(value);
        draw->AddText(fonts.title, fonts.title->FontSize, at, IM_COL32(30, 100, 170, 255), number.c_str());
        draw->AddText(fonts.body, fonts.body->FontSize, ImVec2(at.x, at.y + fonts.title->FontSize),
                      IM_COL32(80, 80, 80, 255), text.text("de", key).c_str());
        at.y += fonts.title->FontSize + fonts.body->FontSize + unit;
    }
}

/// One category at a time, with its three best ideas; it turns with the invitation's language.
void drawSpotlight(const ProjectorModel& model, const Fonts& fonts, ImVec2 at, float right, float unit, double now) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const auto turn = static_cast<std::size_t>(now / ProjectorView::kTurnSeconds);
    const auto& [name, color] = model.categories[turn % model.categories.size()];
    const float band = fonts.bold->FontSize * 1.6f;
    draw->AddRectFilled(at, ImVec2(right, at.y + band), color, unit * 0.3f);
    draw->AddText(fonts.bold, fonts.bold->FontSize, ImVec2(at.x + unit * 0.5f, at.y + fonts.bold->FontSize * 0.3f),
                  IM_COL32(255, 255, 255, 255), name.c_str());
    float y = at.y + band + unit * 0.5f;
    int shown = 0;
    for (const auto& entry : model.ranking) {
        if (entry.category != name) continue;
        const std::string line = "#" + std::to_string(entry.number) + " " + entry.title;
        draw->AddText(fonts.body, fonts.body->FontSize, ImVec2(at.x, y), IM_COL32(40, 40, 40, 255), line.c_str(), nullptr,
                      right - at.x);
        y += fonts.body->CalcTextSizeA(fonts.body->FontSize, FLT_MAX, right - at.x, line.c_str()).y + unit * 0.4f;
        if (++shown == 3) break;
    }
}

/// A quiet pause sign in the top corner: the moderators see the picture is held, the hall is not distracted.
void drawFrozenMark(const Fonts& fonts, const core::Catalog& text, ImVec2 size, float unit) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const std::string label = text.text("de", "projector.frozen");
    const float textWidth = fonts.body->CalcTextSizeA(fonts.body->FontSize, FLT_MAX, 0, label.c_str()).x;
    const ImVec2 at(size.x - textWidth - unit * 4, unit * 0.6f);
    const ImU32 color = IM_COL32(220, 235, 250, 200);
    draw->AddRectFilled(at, ImVec2(at.x + unit * 0.4f, at.y + unit * 1.4f), color);
    draw->AddRectFilled(ImVec2(at.x + unit * 0.8f, at.y), ImVec2(at.x + unit * 1.2f, at.y + unit * 1.4f), color);
    draw->AddText(fonts.body, fonts.body->FontSize, ImVec2(at.x + unit * 1.8f, at.y - unit * 0.1f), color, label.c_str());
}

}  // namespace

void ProjectorView::Draw(const ProjectorModel& model, const Fonts& fonts, const core::Catalog& text, double now) {
    BeginFullscreen("##projector", IM_COL32(250, 250, 252, 255));
    const ImVec2 size = ImGui::GetWindowSize();
    const float unit = size.y / 54.0f;
    ImDrawList* draw = ImGui::GetWindowDrawList();

    // [SECTION] Title band with how to take part, in the three languages in turn
    draw->AddRectFilled(ImVec2(0, 0), ImVec2(size.x, unit * 7), IM_COL32(30, 100, 170, 255));
    draw->AddText(fonts.title, fonts.title->FontSize, ImVec2(unit * 2, unit), IM_COL32(255, 255, 255, 255), model.title.c_str(),
                  nullptr, size.x - unit * 4);
    const char* languages[] = {"de", "tr", "en"};
    const std::string invite = text.text(languages[static_cast<int>(now / kTurnSeconds) % 3], "projector.take_part");
    draw->AddText(fonts.body, fonts.body->FontSize, ImVec2(unit * 2, unit * 4.6f), IM_COL32(220, 235, 250, 255), invite.c_str());

    // [SECTION] Ranking: rows slide to their new place, bars grow to their new length
    const float left = unit * 2;
    const float width = size.x * 0.68f;
    const float rowHeight = (size.y - unit * 16) / static_cast<float>(topCount);
    float top = unit * 9;
    if (model.awaitingReveal) {
        draw->AddText(fonts.bold, fonts.bold->FontSize, ImVec2(left, unit * 7.6f), IM_COL32(90, 90, 90, 255),
                      text.text("de", "projector.results_follow").c_str());
        top += unit;
    }
    for (std::size_t i = 0; i < model.ranking.size() && i < static_cast<std::size_t>(topCount); ++i) {
        const auto& entry = model.ranking[i];
        const auto found = motion.find(entry.number);
        const Motion m = found == motion.end() ? Motion{static_cast<float>(i), 0} : found->second;
        const float y = top + m.slot * rowHeight;
        const float barWidth = model.showCounts ? std::max(unit, m.bar * width) : width;
        draw->AddRectFilled(ImVec2(left, y), ImVec2(left + barWidth, y + rowHeight - unit * 0.6f),
                            (entry.color & 0x00FFFFFF) | 0x40000000, unit * 0.4f);
        draw->AddRectFilled(ImVec2(left, y), ImVec2(left + unit * 0.5f, y + rowHeight - unit * 0.6f), entry.color);
        char label[32];
        std::snprintf(label, sizeof label, "#%d", entry.number);
        draw->AddText(fonts.bold, fonts.bold->FontSize, ImVec2(left + unit, y + unit * 0.3f), IM_COL32(90, 90, 90, 255), label);
        draw->PushClipRect(ImVec2(left, y), ImVec2(left + width, y + rowHeight), true);
        draw->AddText(fonts.title, fonts.title->FontSize, ImVec2(left + unit * 5, y + unit * 0.1f), IM_COL32(20, 20, 20, 255),
                      entry.title.c_str());
        draw->PopClipRect();
        if (model.showCounts) {
            const std::string votes = std::to_string(entry.votes);
            draw->AddText(fonts.title, fonts.title->FontSize, ImVec2(left + width + unit, y + unit * 0.1f), entry.color, votes.c_str());
        }
    }
    if (model.ranking.empty()) {
        draw->AddText(fonts.title, fonts.title->FontSize, ImVec2(left, top), IM_COL32(120, 120, 120, 255),
                      text.text("de", "projector.empty").c_str());
    }

    // [SECTION] Side column: totals, pinned ideas, one category in the spotlight
    const float side = left + width + unit * 6;
    drawTotals(model, fonts, text, ImVec2(side, top), unit);
    float y = top + (fonts.title->FontSize + fonts.body->FontSize + unit) * 3 + unit;
    for (const auto& entry : model.pinned) {
        const std::string pinned = "» #" + std::to_string(entry.number) + " " + entry.title;
        draw->AddText(fonts.bold, fonts.bold->FontSize, ImVec2(side, y), IM_COL32(180, 60, 40, 255), pinned.c_str(), nullptr,
                      size.x - side - unit);
        y += fonts.bold->FontSize * 2.4f;
    }
    if (!model.categories.empty()) drawSpotlight(model, fonts, ImVec2(side, y), size.x - unit, unit, now);

    // [SECTION] The newest ideas along the bottom. It changes when ideas come in, not with time, so a quiet
    // hall costs no frames.
    std::string ticker = text.text("de", "projector.newest");
    for (const auto& entry : model.newest) ticker += "   #" + std::to_string(entry.number) + " " + entry.title + "   ·";
    draw->AddRectFilled(ImVec2(0, size.y - unit * 4), ImVec2(size.x, size.y), IM_COL32(30, 40, 60, 255));
    draw->PushClipRect(ImVec2(0, size.y - unit * 4), size, true);
    draw->AddText(fonts.body, fonts.body->FontSize, ImVec2(unit * 2, size.y - unit * 3), IM_COL32(255, 255, 255, 255), ticker.c_str());
    draw->PopClipRect();
    if (model.frozen) drawFrozenMark(fonts, text, size, unit);
    EndFullscreen();
}

}  // namespace kiosk::ui
