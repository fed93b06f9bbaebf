// Touch widgets and the full-screen window helper.
#include "kiosk/ui/frame.h"

#include "imgui.h"

#include "kiosk/core/text_edit.h"

#include <algorithm>
#include <vector>

namespace kiosk::ui {

Metrics Metrics::forScreen(float width, float height) {
    Metrics m;
    m.portrait = height > width;
    // Scale from the shorter side so a 1080×1920 stele gets the same finger-sized targets as 1920×1080.
    const float scale = std::min(width, height) / 1080.0f;
    m.unit = 20.0f * scale;
    m.target = std::max(60.0f * scale, 90.0f * scale);
    return m;
}

std::string Frame::t(const std::string& key) const { return text.text(language, key); }

bool TouchButton(Frame& frame, const std::string& id, const std::string& label, const ImVec2& size, bool enabled,
                 bool primary, const char* role) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    frame.elements.push_back(
        {.id = id, .role = role, .label = label, .x = pos.x, .y = pos.y, .w = size.x, .h = size.y, .enabled = enabled});
    ImGui::PushID(id.c_str());
    if (primary) {
        ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(30, 100, 170, 255));
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, IM_COL32(20, 70, 130, 255));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, IM_COL32(30, 100, 170, 255));
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));
    }
    if (!enabled) ImGui::BeginDisabled();
    const bool pressed = ImGui::Button(label.empty() ? " " : label.c_str(), size);
    if (!enabled) ImGui::EndDisabled();
    if (primary) ImGui::PopStyleColor(4);
    ImGui::PopID();
    return pressed && enabled && !frame.suppressTaps;
}

std::string typedCharacters() {
    const ImVector<ImWchar>& queue = ImGui::GetIO().InputQueueCharacters;
    const std::vector<unsigned int> codepoints(queue.begin(), queue.end());
    return core::utf8FromCodepoints(codepoints.data(), codepoints.size());
}

void BeginFullscreen(const char* name, unsigned int background) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, background);
    ImGui::Begin(name, nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleColor();
}

void EndFullscreen() { ImGui::End(); }

}  // namespace kiosk::ui
