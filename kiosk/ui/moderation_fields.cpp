// The panel's text fields: at a laptop an InputText; at the kiosk a button that opens a typing screen with the
// on-screen keyboard, since a touchscreen kiosk has no keyboard for correcting a typo or writing a reason.
#include "kiosk/ui/moderation_view.h"

#include "kiosk/core/text_edit.h"

#include "imgui.h"
#include "imgui_stdlib.h"

#include <algorithm>

namespace kiosk::ui {

namespace {

const char* fieldName(ModerationView::Field field) {
    switch (field) {
        case ModerationView::Field::Reason: return "reason";
        case ModerationView::Field::Title: return "title";
        case ModerationView::Field::Description: return "description";
        case ModerationView::Field::Author: return "author";
        case ModerationView::Field::None: break;
    }
    return "";
}

}  // namespace

std::string* ModerationView::typingTarget() {
    switch (typing) {
        case Field::Reason: return &reason;
        case Field::Title: return &editTitle;
        case Field::Description: return &editDescription;
        case Field::Author: return &editAuthor;
        case Field::None: break;
    }
    return nullptr;
}

void ModerationView::DrawTextField(const core::PanelModel& model, Frame& frame, Field field, const std::string& hint,
                                   float width) {
    const Field previous = typing;
    typing = field;
    std::string& value = *typingTarget();
    typing = previous;
    const std::string id = std::string("field:") + fieldName(field);
    if (!model.atKiosk) {
        ImGui::SetNextItemWidth(width);
        const std::string label = "##" + id;
        ImGui::InputTextWithHint(label.c_str(), hint.c_str(), &value);
        return;
    }
    std::string shown = value.empty() ? hint : value;
    shown = core::shortenForDisplay(shown, 60);
    ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.02f, 0.5f));
    if (TouchButton(frame, id, shown, ImVec2(width, frame.metrics.target * 0.7f), true, false, "field")) {
        typing = field;
        keyboard.reset(core::layoutForLanguage(frame.language));  // the moderators' language, as the panel's texts
    }
    ImGui::PopStyleVar();
}

void ModerationView::DrawTyping(Frame& frame) {
    BeginFullscreen("##moderation_typing", theme::palette().page.packed());
    const Metrics& m = frame.metrics;
    const ImVec2 screen = ImGui::GetMainViewport()->Size;
    std::string& value = *typingTarget();
    const bool multiline = typing == Field::Description;
    const std::size_t limit = core::panelFieldLimit(typing);

    const float keyboardHeight = std::min(screen.y * 0.5f, m.target * 4.0f + m.unit * 3.0f);
    ImGui::SetCursorPos(ImVec2(m.unit, screen.y - keyboardHeight - m.unit));
    const KeyboardInput input = keyboardView.DrawKeys(keyboard, multiline, frame, keyboardHeight);
    // A keyboard plugged into the kiosk types here too.
    const std::string typed = typedCharacters();
    if (!typed.empty()) core::appendText(value, typed, limit, multiline);
    int removals = input.repeatedBackspaces + (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace)) ? 1 : 0);
    bool done = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) && !multiline;
    for (const core::Key& key : input.pressed) {
        const core::KeyAction action = keyboard.press(key);
        switch (action.kind) {
            case core::KeyAction::Kind::Insert: core::appendText(value, action.text, limit, multiline); break;
            case core::KeyAction::Kind::Backspace: ++removals; break;
            case core::KeyAction::Kind::Enter:
                if (multiline) core::appendText(value, "\n", limit, true);
                else done = true;
                break;
            case core::KeyAction::Kind::None: break;
        }
    }
    for (; removals > 0; --removals) core::removeLastCharacter(value);

    // What is typed, beside the way back: shaped like every text of the panel (an Arabic hint, too).
    const char* hints[] = {"", "panel.reason_hint", "panel.edit_title", "panel.edit_description", "panel.edit_author"};
    ImFont* bold = frame.fonts.bold;
    DrawText(ImGui::GetWindowDrawList(), bold, bold->FontSize, ImVec2(m.unit, m.unit), theme::palette().text,
             frame.t(hints[static_cast<int>(typing)]), screen.x - m.unit * 15);
    ImGui::SetCursorPos(ImVec2(screen.x - m.unit * 13, m.unit * 0.3f));
    if (TouchButton(frame, "typing:done", frame.t("panel.typing_done"), ImVec2(m.unit * 12, m.target * 0.7f), true, true)) {
        done = true;
    }
    ImGui::SetCursorPos(ImVec2(m.unit, m.unit * 2 + m.target * 0.7f));
    if (core::hasRightToLeft(value)) {  // Arabic: lines broken on logical words, each shaped and reordered
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float wrap = screen.x - m.unit * 2;
        AddShapedText(ImGui::GetWindowDrawList(), ImGui::GetFont(), ImGui::GetFontSize(), at, ImGui::GetColorU32(ImGuiCol_Text),
                      value.c_str(), nullptr, wrap);
        ImGui::Dummy(shapedTextSize(ImGui::GetFont(), ImGui::GetFontSize(), value, wrap));
    } else {
        ImGui::PushTextWrapPos(screen.x - m.unit);
        ImGui::TextWrapped("%s|", value.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::SetCursorPosX(m.unit);
    ImGui::TextDisabled("%zu / %zu", core::characterCount(value), limit);
    EndFullscreen();
    if (done) typing = Field::None;
}

}  // namespace kiosk::ui
