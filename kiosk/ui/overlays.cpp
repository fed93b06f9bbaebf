// Overlays above every screen: the idle question with its countdown, the trouble screen, short messages.
#include "kiosk/ui/kiosk_view.h"

#include "imgui.h"

#include <cmath>

namespace kiosk::ui {

namespace ev = core::ev;

namespace {

void beginOverlay(const char* name, unsigned int dim) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, dim);
    ImGui::Begin(name, nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    ImGui::PopStyleColor();
}

}  // namespace

void Overlays::Draw(const core::KioskState& state, Frame& frame) {
    const Metrics& m = frame.metrics;
    const ImVec2 screen = ImGui::GetMainViewport()->Size;
    if (state.screen == core::Screen::Trouble) {
        beginOverlay("##trouble", IM_COL32(250, 246, 235, 255));
        ImGui::SetCursorPos(ImVec2(m.unit * 3, screen.y * 0.3f));
        // Without a draft nobody's text is at stake: the kiosk only waits for its database.
        const bool draft = core::savePending(state);
        ImGui::PushFont(frame.fonts.title);
        ImGui::TextWrapped("%s", frame.t(draft ? "trouble.title" : "trouble.waiting_title").c_str());
        ImGui::PopFont();
        ImGui::SetCursorPosX(m.unit * 3);
        ImGui::TextWrapped("%s", frame.t(draft ? "trouble.body" : "trouble.waiting_body").c_str());
        ImGui::SetCursorPosX(m.unit * 3);
        if (TouchButton(frame, "retry", frame.t("trouble.retry"), ImVec2(m.unit * 18, m.target), true, true)) {
            frame.events.push_back(ev::Retry{});
        }
        ImGui::End();
        return;
    }
    if (state.idleWarning) {
        beginOverlay("##idle", IM_COL32(20, 30, 50, 230));
        const double left = std::max(0.0, state.lastInputAt + state.idleTimeout + state.idleCountdown - frame.now);
        ImGui::SetCursorPos(ImVec2(m.unit * 3, screen.y * 0.3f));
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));
        ImGui::PushFont(frame.fonts.title);
        ImGui::TextUnformatted(frame.t("idle.question").c_str());
        ImGui::PopFont();
        ImGui::SetCursorPosX(m.unit * 3);
        ImGui::TextUnformatted(frame.text.format(state.language, "idle.countdown",
                                                 {{"seconds", std::to_string(static_cast<int>(std::ceil(left)))}}).c_str());
        ImGui::PopStyleColor();
        ImGui::SetCursorPosX(m.unit * 3);
        if (TouchButton(frame, "still_here", frame.t("idle.continue"), ImVec2(m.unit * 20, m.target * 1.5f), true, true)) {
            frame.events.push_back(ev::StillHere{});
        }
        ImGui::End();
        return;
    }
    if (!state.messageKey.empty()) {
        // A short message at the bottom, above everything, in the attendee's language.
        const std::string message = frame.t(state.messageKey);
        ImGui::SetNextWindowPos(ImVec2(screen.x * 0.5f, screen.y - m.unit * 2), ImGuiCond_Always, ImVec2(0.5f, 1.0f));
        ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(180, 60, 40, 240));
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));
        ImGui::Begin("##message", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                               ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoInputs);
        ImGui::TextUnformatted(message.c_str());
        ImGui::End();
        ImGui::PopStyleColor(2);
        frame.elements.push_back({.id = "message", .role = "status", .label = message, .enabled = false});
    }
}

}  // namespace kiosk::ui
