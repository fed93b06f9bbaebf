// Draws the idea board full screen: title band, then cards in columns.
#include "kiosk/ui/idea_board.h"

#include "kiosk/ui/shaped_text.h"

#include "imgui.h"

#include <cfloat>
#include <cstdio>

namespace kiosk::ui {

unsigned int colorFromHex(const std::string& hex) {
    unsigned int r = 0, g = 0, b = 0;
    if (hex.size() != 7 || std::sscanf(hex.c_str(), "#%02x%02x%02x", &r, &g, &b) != 3) return IM_COL32(136, 136, 136, 255);
    return IM_COL32(r, g, b, 255);
}

void IdeaBoard::Draw(const IdeaBoardModel& model, const Fonts& fonts) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("##board", nullptr, flags);
    const float unit = viewport->Size.y / 54.0f;  // 20 px at 1080p: spacing scales with the screen

    ImGui::PushFont(fonts.title);
    ImGui::TextWrapped("%s", visualText(model.title).c_str());
    ImGui::PopFont();
    if (!model.subtitle.empty()) ImGui::TextDisabled("%s", visualText(model.subtitle).c_str());
    ImGui::Dummy(ImVec2(0, unit));

    const float width = ImGui::GetContentRegionAvail().x;
    const int columns = width > 60 * unit ? 3 : (width > 35 * unit ? 2 : 1);
    const float gap = unit;
    const float cardWidth = (width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const float cardHeight = unit * 6.0f;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    for (std::size_t i = 0; i < model.cards.size(); ++i) {
        const auto& card = model.cards[i];
        const float x = origin.x + static_cast<float>(i % static_cast<std::size_t>(columns)) * (cardWidth + gap);
        const float y = origin.y + static_cast<float>(i / static_cast<std::size_t>(columns)) * (cardHeight + gap);
        const ImVec2 min(x, y);
        const ImVec2 max(x + cardWidth, y + cardHeight);
        draw->AddRectFilled(min, max, IM_COL32(255, 255, 255, 255), unit * 0.5f);
        draw->AddRectFilled(min, ImVec2(x + unit * 0.5f, y + cardHeight), card.color, unit * 0.5f,
                            ImDrawFlags_RoundCornersLeft);
        char number[32];
        std::snprintf(number, sizeof number, "#%d", card.number);
        AddShapedText(draw, fonts.bold, fonts.bold->FontSize, ImVec2(x + unit * 1.2f, y + unit * 0.6f), IM_COL32(90, 90, 90, 255), number);
        if (model.showCounts) {
            char votes[32];
            std::snprintf(votes, sizeof votes, "%d", card.votes);
            const ImVec2 size = fonts.bold->CalcTextSizeA(fonts.bold->FontSize, FLT_MAX, 0, votes);
            AddShapedText(draw, fonts.bold, fonts.bold->FontSize, ImVec2(max.x - unit - size.x, y + unit * 0.6f), card.color, votes);
        }
        AddShapedText(draw, fonts.body, fonts.body->FontSize, ImVec2(x + unit * 1.2f, y + unit * 2.4f), IM_COL32(20, 20, 20, 255),
                      card.title.c_str(), nullptr, cardWidth - unit * 2.2f);
    }
    const std::size_t rows = (model.cards.size() + static_cast<std::size_t>(columns) - 1) / static_cast<std::size_t>(columns);
    ImGui::Dummy(ImVec2(width, static_cast<float>(rows) * (cardHeight + gap)));
    ImGui::End();
}

}  // namespace kiosk::ui
