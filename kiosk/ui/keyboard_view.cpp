// Draws the on-screen keyboard model: rows of keys sized to the screen, backspace repeating while held.
#include "kiosk/ui/keyboard_view.h"

#include "kiosk/core/state.h"

#include "imgui.h"

#include <algorithm>

namespace kiosk::ui {

KeyboardInput KeyboardView::DrawKeys(const core::KeyboardModel& keyboard, bool multiline, Frame& frame, float height) {
    KeyboardInput input;
    const Metrics& m = frame.metrics;
    const auto rows = keyboard.rows();
    const float gap = m.unit * 0.3f;
    const float keyHeight = (height - gap * static_cast<float>(rows.size() - 1)) / static_cast<float>(rows.size());
    float widestRow = 0;
    for (const auto& row : rows) {
        float units = 0;
        for (const auto& key : row) units += key.width;
        widestRow = std::max(widestRow, units);
    }
    const float totalWidth = ImGui::GetContentRegionAvail().x;
    const float unitWidth = (totalWidth - gap * (widestRow - 1)) / widestRow;
    bool backspaceHeld = false;
    ImGui::PushFont(frame.fonts.bold);
    for (const auto& row : rows) {
        float rowWidth = 0;
        for (const auto& key : row) rowWidth += key.width * unitWidth + gap;
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (totalWidth - rowWidth) * 0.5f);
        for (std::size_t i = 0; i < row.size(); ++i) {
            const core::Key& key = row[i];
            if (i > 0) ImGui::SameLine(0, gap);
            const bool highlighted = key.kind == core::KeyKind::Shift && (keyboard.shift || keyboard.capsLock);
            const std::string labelKey = keyboard.labelKey(key, multiline);
            const std::string label = labelKey.empty() ? key.text : frame.t(labelKey);
            if (TouchButton(frame, key.id, label, ImVec2(key.width * unitWidth, keyHeight), true, highlighted, "key")) {
                input.pressed.push_back(key);
            }
            if (key.kind == core::KeyKind::Backspace && ImGui::IsItemActive()) backspaceHeld = true;
        }
        ImGui::Dummy(ImVec2(0, gap * 0.5f));
    }
    ImGui::PopFont();
    // Holding backspace deletes more after half a second, one character every 80 ms.
    if (backspaceHeld) {
        if (backspaceRepeat.pressedAt < 0) backspaceRepeat.press(frame.now);
        input.repeatedBackspaces = backspaceRepeat.due(frame.now);
    } else {
        backspaceRepeat.release();
    }
    return input;
}

void KeyboardView::Draw(const core::KioskState& state, Frame& frame, float height) {
    const KeyboardInput input = DrawKeys(state.keyboard, state.screen == core::Screen::SubmitDescription, frame, height);
    for (const core::Key& key : input.pressed) frame.events.push_back(core::ev::KeyPressed{key});
    for (int n = input.repeatedBackspaces; n > 0; --n) frame.events.push_back(core::ev::Backspace{});
}

}  // namespace kiosk::ui
