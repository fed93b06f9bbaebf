// Dispatch to the current screen, the top bar and the simple screens (attract, start).
#include "kiosk/ui/kiosk_view.h"

#include "imgui.h"

namespace kiosk::ui {

using core::Screen;
namespace ev = core::ev;

namespace {
constexpr const char* kLanguages[] = {"de", "tr", "en"};
}  // namespace

std::string KioskViewModel::CategoryInfo::name(const std::string& language) const {
    for (const std::string& lang : {language, std::string("de")}) {
        if (const auto it = names.find(lang); it != names.end() && !it->second.empty()) return it->second;
    }
    return key;
}

const KioskViewModel::CategoryInfo* KioskViewModel::category(const std::string& key) const {
    for (const auto& c : categories) {
        if (c.key == key) return &c;
    }
    return nullptr;
}

// [SECTION] Top bar

void TopBar::Draw(const core::KioskState& state, Frame& frame) {
    const Metrics& m = frame.metrics;
    const float height = m.target;
    const ImVec2 size(m.unit * 7.0f, height);
    for (const char* language : kLanguages) {
        const bool current = state.language == language;
        if (TouchButton(frame, std::string("lang:") + language, frame.text.text(language, std::string("lang.") + language),
                        size, true, current, "tab")) {
            frame.events.push_back(ev::SetLanguage{language});
        }
        ImGui::SameLine();
    }
    const std::string votes = state.votesLeft > 0 ? frame.text.plural(frame.language, "common.votes_left", state.votesLeft)
                                                  : frame.t("common.votes_none");
    ImGui::SetCursorPosX(ImGui::GetWindowWidth() * 0.5f);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (height - ImGui::GetFontSize()) * 0.5f);
    ImGui::TextUnformatted(votes.c_str());
    frame.elements.push_back({.id = "votes_left", .role = "status", .label = votes, .enabled = false});
    ImGui::SameLine(ImGui::GetWindowWidth() - m.unit * 10.0f);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - (height - ImGui::GetFontSize()) * 0.5f);
    if (TouchButton(frame, "done", frame.t("common.done"), ImVec2(m.unit * 9.0f, height))) {
        frame.events.push_back(ev::Finish{});
    }
    ImGui::Dummy(ImVec2(0, m.unit * 0.5f));
}

// [SECTION] Attract and start

void AttractScreen::Draw(const core::KioskState&, const KioskViewModel& model, Frame& frame) {
    const ImVec2 size = ImGui::GetWindowSize();
    frame.elements.push_back({.id = "attract", .role = "button", .label = "", .w = size.x, .h = size.y, .enabled = true});
    ImGui::PushFont(frame.fonts.title);
    ImGui::PushTextWrapPos(size.x - frame.metrics.unit * 2);
    ImGui::SetCursorPos(ImVec2(frame.metrics.unit * 2, size.y * 0.12f));
    ImGui::TextWrapped("%s", model.eventTitle.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    // The invitation rotates through the languages, six seconds each, in German, Turkish and English.
    const auto turn = static_cast<std::size_t>(frame.now / 6.0) % 3;
    ImGui::SetCursorPos(ImVec2(frame.metrics.unit * 2, size.y * 0.4f));
    ImGui::PushFont(frame.fonts.bold);
    ImGui::TextWrapped("%s", frame.text.text(kLanguages[turn], "attract.invite").c_str());
    ImGui::PopFont();
    ImGui::SetCursorPosX(frame.metrics.unit * 2);
    ImGui::TextDisabled("%s", frame.text.format(kLanguages[turn], "attract.ideas_so_far",
                                                {{"count", std::to_string(model.totalIdeas)}}).c_str());
    ImGui::SetCursorPos(ImVec2(frame.metrics.unit * 2, size.y * 0.58f));
    for (std::size_t i = 0; i < model.ideas.size() && i < 4; ++i) {
        ImGui::SetCursorPosX(frame.metrics.unit * 2);
        ImGui::Text("#%d  %s", model.ideas[i].number, model.ideas[i].title.c_str());
    }
    // A touch anywhere starts: on release, and not when the touch became a drag.
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && !frame.suppressTaps) frame.events.push_back(ev::Begin{});
}

void StartScreen::Draw(const core::KioskState&, const KioskViewModel& model, Frame& frame) {
    const Metrics& m = frame.metrics;
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = ImGui::GetContentRegionAvail().y;
    ImGui::PushFont(frame.fonts.title);
    ImGui::TextWrapped("%s", model.eventTitle.c_str());
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, m.unit * 2));
    ImGui::PushFont(frame.fonts.title);
    const ImVec2 big = m.portrait ? ImVec2(width, height * 0.3f) : ImVec2((width - m.unit) * 0.5f, height * 0.5f);
    if (TouchButton(frame, "choose:submit", frame.t("start.submit"), big, model.submissionOpen, true)) {
        frame.events.push_back(ev::ChooseSubmit{});
    }
    if (!m.portrait) ImGui::SameLine(0, m.unit);
    if (TouchButton(frame, "choose:browse", frame.t("start.browse"), big, true, true)) {
        frame.events.push_back(ev::ChooseBrowse{});
    }
    ImGui::PopFont();
    if (!model.submissionOpen) ImGui::TextWrapped("%s", frame.t("errors.submission_closed").c_str());
}

// [SECTION] Dispatch

void KioskView::Draw(const core::KioskState& state, const KioskViewModel& model, Frame& frame) {
    frame.language = state.language;
    BeginFullscreen("##kiosk", IM_COL32(238, 240, 245, 255));
    if (state.screen != Screen::Attract && state.screen != Screen::Trouble) topBar.Draw(state, frame);
    switch (state.screen) {
        case Screen::Attract: attract.Draw(state, model, frame); break;
        case Screen::Start: start.Draw(state, model, frame); break;
        case Screen::Browse: browse.Draw(state, model, frame); break;
        case Screen::Detail: browse.DrawDetail(state, model, frame); break;
        case Screen::Trouble: break;
        default: submit.Draw(state, model, frame); break;
    }
    EndFullscreen();
    overlays.Draw(state, frame);
}

}  // namespace kiosk::ui
