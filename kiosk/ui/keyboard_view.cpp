// Draws the on-screen keyboard model: rows of keys sized to the screen, backspace repeating while held.
#include "kiosk/ui/keyboard_view.h"

#include "kiosk/core/state.h"

#include "imgui.h"

#include <algorithm>

namespace kiosk::ui {

namespace {

const char* iconFor(core::KeyKind kind) {
    switch (kind) {
        case core::KeyKind::Shift: return icon::kShift;
        case core::KeyKind::Backspace: return icon::kBackspace;
        case core::KeyKind::Enter: return icon::kEnter;
        case core::KeyKind::NextLayout: return icon::kLanguage;
        default: return nullptr;
    }
}

}  // namespace

KeyboardInput KeyboardView::DrawKeys(const core::KeyboardModel& keyboard, bool multiline, Frame& frame, float height, float width) {
    KeyboardInput input;
    const theme::Scale sc = frame.scale();
    const auto rows = keyboard.rows();
    const float gap = sc.s;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float keyHeight = (height - gap * static_cast<float>(rows.size() - 1)) / static_cast<float>(rows.size());
    float widestRow = 0;
    for (const auto& row : rows) {
        float units = 0;
        for (const auto& key : row) units += key.width;
        widestRow = std::max(widestRow, units);
    }
    const float totalWidth = width > 0 ? width : ImGui::GetContentRegionAvail().x;
    const float unitWidth = (totalWidth - gap * (widestRow - 1)) / widestRow;
    bool backspaceHeld = false;
    float y = origin.y;
    for (const auto& row : rows) {
        float rowWidth = -gap;
        for (const auto& key : row) rowWidth += key.width * unitWidth + gap;
        float x = origin.x + (totalWidth - rowWidth) * 0.5f;
        for (const core::Key& key : row) {
            const bool highlighted = key.kind == core::KeyKind::Shift && (keyboard.shift || keyboard.capsLock);
            const std::string labelKey = keyboard.labelKey(key, multiline);
            const std::string label = labelKey.empty() ? key.text : frame.t(labelKey);
            ButtonStyle style;
            style.role = "key";
            style.font = frame.fonts.bold;
            style.icon = iconFor(key.kind);
            if (key.kind == core::KeyKind::Character || key.kind == core::KeyKind::Space) {
                style.kind = ButtonKind::Key;
            } else if (highlighted || key.kind == core::KeyKind::Enter) {
                style.kind = ButtonKind::Primary;
            } else {
                style.kind = ButtonKind::Secondary;
            }
            // A mirrored (Arabic) frame flips the picture afterwards: the keys are placed mirrored inside the keyboard
            // first, so they end up where they sit on a physical keyboard of their layout.
            const float keyWidth = key.width * unitWidth;
            ImGui::SetCursorScreenPos(ImVec2(frame.mirrored() ? origin.x + totalWidth - (x - origin.x) - keyWidth : x, y));
            if (StyledButton(frame, key.id, label, ImVec2(keyWidth, keyHeight), style)) input.pressed.push_back(key);
            if (key.kind == core::KeyKind::Backspace && ImGui::IsItemActive()) backspaceHeld = true;
            x += keyWidth + gap;
        }
        y += keyHeight + gap;
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + height));
    ImGui::Dummy(ImVec2(0, 0));
    // Holding backspace deletes more after half a second, one character every 80 ms.
    if (backspaceHeld) {
        if (backspaceRepeat.pressedAt < 0) backspaceRepeat.press(frame.now);
        input.repeatedBackspaces = backspaceRepeat.due(frame.now);
    } else {
        backspaceRepeat.release();
    }
    return input;
}

void KeyboardView::Draw(const core::KioskState& state, Frame& frame, float height, float width) {
    const KeyboardInput input = DrawKeys(state.keyboard, state.screen == core::Screen::SubmitDescription, frame, height, width);
    for (const core::Key& key : input.pressed) frame.events.push_back(core::ev::KeyPressed{key});
    for (int n = input.repeatedBackspaces; n > 0; --n) frame.events.push_back(core::ev::Backspace{});
}

}  // namespace kiosk::ui
