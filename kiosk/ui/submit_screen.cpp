// The submit wizard: topic tiles, the three text steps with the on-screen keyboard, similar ideas, review.
#include "kiosk/ui/kiosk_view.h"

#include "imgui.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {

using core::Screen;
namespace ev = core::ev;

namespace {

const char* promptKey(Screen screen) {
    switch (screen) {
        case Screen::SubmitCategory: return "submit.category_prompt";
        case Screen::SubmitTitle: return "submit.title_prompt";
        case Screen::SubmitDescription: return "submit.description_prompt";
        case Screen::SubmitName: return "submit.name_prompt";
        case Screen::SubmitSimilar: return "submit.similar_prompt";
        case Screen::SubmitReview: return "submit.review_prompt";
        case Screen::Saving: return "submit.saving";
        case Screen::Thanks: return "thanks.title";
        default: return "";
    }
}

const std::string& fieldText(const core::KioskState& state) {
    switch (state.screen) {
        case Screen::SubmitTitle: return state.draft.title;
        case Screen::SubmitDescription: return state.draft.description;
        default: return state.draft.author;
    }
}

void drawCategories(const KioskViewModel& model, const core::KioskState& state, Frame& frame) {
    const Metrics& m = frame.metrics;
    const int columns = m.portrait ? 2 : 3;
    const float width = (ImGui::GetContentRegionAvail().x - m.unit * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    int column = 0;
    for (const auto& c : model.categories) {
        if (column > 0) ImGui::SameLine(0, m.unit);
        ImGui::PushStyleColor(ImGuiCol_Button, c.color);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, c.color);
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));
        ImGui::PushFont(frame.fonts.bold);
        if (TouchButton(frame, "category:" + c.key, c.name(state.language), ImVec2(width, m.target * 2))) {
            frame.events.push_back(ev::PickCategory{c.key});
        }
        ImGui::PopFont();
        ImGui::PopStyleColor(3);
        column = (column + 1) % columns;
    }
    if (model.categories.empty()) frame.events.push_back(ev::PickCategory{""});
}

void drawField(const core::KioskState& state, Frame& frame) {
    const Metrics& m = frame.metrics;
    const std::string& text = fieldText(state);
    const float lines = state.screen == Screen::SubmitDescription ? 4.0f : 1.6f;
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 size(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * lines + m.unit);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(min, ImVec2(min.x + size.x, min.y + size.y), IM_COL32(255, 255, 255, 255), m.unit * 0.3f);
    draw->AddRect(min, ImVec2(min.x + size.x, min.y + size.y), IM_COL32(30, 100, 170, 255), m.unit * 0.3f, 0, 3.0f);
    // Long descriptions show their end, where the typing happens.
    ImGui::PushClipRect(min, ImVec2(min.x + size.x, min.y + size.y), true);
    const float wrap = size.x - m.unit;
    const ImVec2 textSize = ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap);
    const float shift = std::max(0.0f, textSize.y - (size.y - m.unit));
    const bool caretOn = std::fmod(frame.now, 1.0) < 0.6;
    const std::string shown = text + (caretOn ? "|" : " ");
    draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(min.x + m.unit * 0.5f, min.y + m.unit * 0.5f - shift),
                  IM_COL32(20, 20, 20, 255), shown.c_str(), nullptr, wrap);
    ImGui::PopClipRect();
    frame.elements.push_back(
        {.id = "field", .role = "text", .label = text, .x = min.x, .y = min.y, .w = size.x, .h = size.y, .enabled = true});
    ImGui::Dummy(size);
    const std::size_t limit = core::activeFieldLimit(state.screen);
    ImGui::TextDisabled("%s", frame.text.format(state.language, "submit.counter",
                                                {{"count", std::to_string(core::characterCount(text))},
                                                 {"max", std::to_string(limit)}}).c_str());
    if (state.inputFull) {
        ImGui::SameLine();
        ImGui::TextUnformatted(frame.t("submit.too_long").c_str());
    }
}

void drawSimilar(const core::KioskState& state, const KioskViewModel& model, Frame& frame) {
    const Metrics& m = frame.metrics;
    for (const auto& idea : state.similar) {
        ImGui::PushID(idea.id.c_str());
        ImGui::TextWrapped("#%d  %s", idea.number, idea.title.c_str());
        const bool voted = state.voted.count(idea.id) > 0;
        if (voted) {
            ImGui::TextUnformatted(frame.t("browse.voted").c_str());
        } else if (TouchButton(frame, "similar:" + std::to_string(idea.number), frame.t("submit.similar_support"),
                               ImVec2(m.unit * 18, m.target), state.votesLeft > 0 && model.votingOpen, true)) {
            frame.events.push_back(ev::Vote{idea.id});
        }
        ImGui::PopID();
        ImGui::Dummy(ImVec2(0, m.unit * 0.5f));
    }
}

void drawReview(const core::KioskState& state, const KioskViewModel& model, Frame& frame) {
    ImGui::PushFont(frame.fonts.bold);
    ImGui::TextWrapped("%s", state.draft.title.c_str());
    ImGui::PopFont();
    if (const auto* category = model.category(state.draft.category)) ImGui::TextDisabled("%s", category->name(state.language).c_str());
    if (!state.draft.description.empty()) ImGui::TextWrapped("%s", state.draft.description.c_str());
    if (!state.draft.author.empty()) ImGui::TextWrapped("– %s", state.draft.author.c_str());
}

}  // namespace

void SubmitScreen::Draw(const core::KioskState& state, const KioskViewModel& model, Frame& frame) {
    const Metrics& m = frame.metrics;
    const bool typing = core::activeFieldLimit(state.screen) > 0;
    if (state.screen != Screen::Saving && state.screen != Screen::Thanks) {
        if (TouchButton(frame, "back", frame.t("common.back"), ImVec2(m.unit * 8, m.target))) frame.events.push_back(ev::Back{});
        ImGui::SameLine(0, m.unit);
    }
    ImGui::PushFont(frame.fonts.title);
    ImGui::TextWrapped("%s", frame.t(promptKey(state.screen)).c_str());
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, m.unit * 0.5f));

    switch (state.screen) {
        case Screen::SubmitCategory: drawCategories(model, state, frame); break;
        case Screen::SubmitTitle:
        case Screen::SubmitDescription:
        case Screen::SubmitName: drawField(state, frame); break;
        case Screen::SubmitSimilar: drawSimilar(state, model, frame); break;
        case Screen::SubmitReview: drawReview(state, model, frame); break;
        case Screen::Thanks:
            ImGui::PushFont(frame.fonts.title);
            ImGui::TextWrapped("%s", frame.text.format(state.language, "thanks.number",
                                                       {{"number", std::to_string(state.savedNumber)}}).c_str());
            ImGui::PopFont();
            // Pre-moderation or a word of the word list: either way the attendee only hears that the moderators
            // look first, never which word it was.
            if (state.savedPending) {
                ImGui::TextWrapped("%s", frame.t("thanks.pending").c_str());
                frame.elements.push_back({.id = "saved_pending", .role = "status", .label = frame.t("thanks.pending"), .enabled = false});
            }
            frame.elements.push_back(
                {.id = "saved_number", .role = "status", .label = std::to_string(state.savedNumber), .enabled = false});
            if (TouchButton(frame, "thanks:next", frame.t("common.next"), ImVec2(m.unit * 14, m.target), true, true)) {
                frame.events.push_back(ev::Back{});
            }
            break;
        default: break;
    }

    // The step's forward button: "Weiter", "Überspringen" for empty optional fields, "Absenden" on review.
    const bool optionalEmpty = (state.screen == Screen::SubmitDescription && state.draft.description.empty()) ||
                               (state.screen == Screen::SubmitName && state.draft.author.empty());
    ImGui::Dummy(ImVec2(0, m.unit * 0.5f));
    if (typing || state.screen == Screen::SubmitSimilar) {
        const char* key = state.screen == Screen::SubmitSimilar ? "submit.similar_different" : optionalEmpty ? "common.skip" : "common.next";
        if (TouchButton(frame, "next", frame.t(key), ImVec2(m.unit * 16, m.target), true, true)) frame.events.push_back(ev::Next{});
    } else if (state.screen == Screen::SubmitReview) {
        if (TouchButton(frame, "send", frame.t("submit.send"), ImVec2(m.unit * 16, m.target), model.submissionOpen, true)) {
            frame.events.push_back(ev::Send{});
        }
    }
    if (typing) {
        const float keyboardHeight = std::min(ImGui::GetContentRegionAvail().y, m.target * 4.0f + m.unit * 3.0f);
        ImGui::SetCursorPosY(ImGui::GetWindowHeight() - keyboardHeight - m.unit);
        keyboard.Draw(state, frame, keyboardHeight);
    }
}

}  // namespace kiosk::ui
