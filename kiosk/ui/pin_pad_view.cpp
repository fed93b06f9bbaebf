// The moderators' PIN keypad: large light keys on a dark screen, the digits shown only as stars.
#include "kiosk/ui/moderation_view.h"

#include "imgui.h"

namespace kiosk::ui {

PinPadInput PinPadView::Draw(const core::PanelGate& gate, Frame& frame) {
    PinPadInput pressed;
    BeginFullscreen("##pinpad", theme::palette().band.packed());
    const Metrics& m = frame.metrics;
    const ImVec2 screen = ImGui::GetMainViewport()->Size;
    const float key = m.target * 1.2f;
    const float left = (screen.x - key * 3 - m.unit * 2) / 2;
    ImGui::PushStyleColor(ImGuiCol_Text, theme::palette().onBand.packed());
    // The keys keep their order in every language (as a phone's keypad does); the texts above them end at the
    // keypad's right edge in a right-to-left language.
    const float padWidth = key * 3 + m.unit * 2;
    const auto line = [&](const std::string& text) {
        const std::string shown = visualText(text);
        ImGui::SetCursorPosX(frame.mirrored() ? left + padWidth - ImGui::CalcTextSize(shown.c_str()).x : left);
        ImGui::TextUnformatted(shown.c_str());
    };
    ImGui::SetCursorPosY(m.unit * 2);
    ImGui::PushFont(frame.fonts.title);
    line(frame.t("panel.pin_title"));
    line(std::string(gate.digits.size(), '*') + " ");
    ImGui::PopFont();
    std::string message = gate.messageKey.empty() ? std::string() : frame.t(gate.messageKey);
    if (gate.messageKey == "panel.pin_wrong") {
        message = frame.text.format(frame.language, "panel.pin_wrong", {{"tries", std::to_string(gate.triesLeft)}});
    } else if (gate.messageKey == "panel.pin_locked") {
        message = frame.text.format(frame.language, "panel.pin_locked", {{"seconds", std::to_string(gate.lockedSeconds)}});
    }
    if (frame.mirrored()) {
        line(message);
    } else {
        ImGui::SetCursorPosX(left);
        ImGui::TextWrapped("%s", message.c_str());
    }
    ImGui::PopStyleColor();
    const float top = ImGui::GetCursorPosY() + m.unit;
    // Light keys with large digits: readable on the dark keypad, and nothing else on screen competes.
    ImGui::PushStyleColor(ImGuiCol_Button, theme::palette().keySurface.packed());
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, theme::palette().keySurface.packed());
    ImGui::PushFont(frame.fonts.title);
    const char* layout = "123456789";
    for (int i = 0; i < 9; ++i) {
        ImGui::SetCursorPos(ImVec2(left + static_cast<float>(i % 3) * (key + m.unit), top + static_cast<float>(i / 3) * (key + m.unit)));
        const std::string digit(1, layout[i]);
        if (TouchButton(frame, "pin:" + digit, digit, ImVec2(key, key), true, false, "key")) pressed.digits.push_back(layout[i]);
    }
    const float last = top + 3 * (key + m.unit);
    ImGui::SetCursorPos(ImVec2(left, last));
    if (TouchButton(frame, "pin:erase", "<", ImVec2(key, key), true, false, "key")) pressed.erase = true;
    ImGui::SetCursorPos(ImVec2(left + key + m.unit, last));
    if (TouchButton(frame, "pin:0", "0", ImVec2(key, key), true, false, "key")) pressed.digits.push_back('0');
    ImGui::SetCursorPos(ImVec2(left + 2 * (key + m.unit), last));
    if (TouchButton(frame, "pin:ok", "OK", ImVec2(key, key), gate.digits.size() >= 4, true, "key")) pressed.ok = true;
    ImGui::PopFont();
    ImGui::SetCursorPos(ImVec2(left, last + key + m.unit * 2));
    if (TouchButton(frame, "pin:cancel", frame.t("panel.cancel"), ImVec2(key * 3 + m.unit * 2, m.target))) pressed.cancel = true;
    ImGui::PopStyleColor(2);
    EndFullscreen();
    return pressed;
}

}  // namespace kiosk::ui
