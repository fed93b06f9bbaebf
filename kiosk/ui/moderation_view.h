// The moderators' panel and its PIN keypad: the same views at the kiosk (touch) and on a laptop (mouse and keys).
#pragma once

#include "kiosk/core/panel.h"
#include "kiosk/ui/frame.h"
#include "kiosk/ui/keyboard_view.h"
#include "kiosk/ui/widgets.h"

#include <string>
#include <vector>

namespace kiosk::ui {

/// What one frame of the panel asked for.
struct PanelOutput {
    std::vector<core::PanelAction> actions;
    bool close = false;
    std::string language;  ///< the moderators chose this language for the panel (empty: no change)
};

/// What was pressed on the PIN keypad in one frame.
struct PinPadInput {
    std::vector<char> digits;   ///< in the order pressed
    bool erase = false;
    bool ok = false;
    bool cancel = false;
};

/// The keypad for the PIN: digits as dots, a message after a wrong try or during a lockout.
struct PinPadView {
    PinPadInput Draw(const core::PanelGate& gate, Frame& frame);
};

/// Plain data plus Draw(): which tab and row are chosen, the reason and the edit in hand.
struct ModerationView {
    enum class Tab { Pending, Ideas, Sessions, Log, Control };
    Tab tab = Tab::Pending;
    int page = 0;
    std::string selected;          ///< idea or session id
    bool pickingMergeTarget = false;
    bool editing = false;
    std::string reason;
    std::string editTitle, editDescription, editAuthor;
    std::string message;           ///< the outcome of the last action, set by the app
    bool pickingLanguage = false;  ///< the list of the panel's languages is open (the band's language button)
    float band = 0;                ///< the band's height, one row or two, measured by the frame's DrawBand
    /// At the kiosk there is no keyboard: a text field is a button that opens a typing screen with the
    /// on-screen keyboard (a plugged-in keyboard types there too). On a laptop the fields take keys directly.
    using Field = core::PanelField;
    Field typing = Field::None;
    core::KeyboardModel keyboard;
    KeyboardView keyboardView;

    /// Draws the panel in `frame.language` (the moderators' choice, not the attendee's), mirrored in Arabic:
    /// sets `frame.flipped` for the loop to flip the picture (MirrorDrawData) and the pointer.
    void Draw(const core::PanelModel& model, Frame& frame, PanelOutput& out);
    /// Forgets choices and text: called when the panel closes, so the next moderator starts clean.
    void Reset();

private:
    void DrawPanel(const core::PanelModel& model, Frame& frame, PanelOutput& out);
    void DrawBand(const core::PanelModel& model, Frame& frame, PanelOutput& out);
    void DrawLanguages(const core::PanelModel& model, Frame& frame, PanelOutput& out);
    void DrawTabs(const core::PanelModel& model, Frame& frame);
    void DrawIdeaList(const core::PanelModel& model, Frame& frame, PanelOutput& out, bool pendingOnly, float top,
                      float width, float height);
    void DrawIdeaDetail(const core::PanelModel& model, Frame& frame, PanelOutput& out, const Box& pane);
    void DrawIdeaActions(Frame& frame, PanelOutput& out, const core::PanelModel::IdeaRow& idea, float width);
    void DrawEdit(const core::PanelModel& model, Frame& frame, PanelOutput& out, const core::PanelModel::IdeaRow& idea, float width);
    void DrawSessions(const core::PanelModel& model, Frame& frame, PanelOutput& out, float top, float width, float height);
    void DrawLog(const core::PanelModel& model, Frame& frame, float top, float height);
    void DrawControl(const core::PanelModel& model, Frame& frame, PanelOutput& out, float top);
    void DrawReason(const core::PanelModel& model, Frame& frame, float width);
    void DrawTextField(const core::PanelModel& model, Frame& frame, Field field, const std::string& hint, float width);
    void DrawTyping(Frame& frame);
    std::string* typingTarget();
    bool Pager(Frame& frame, int rows, int perPage, float x, float y);
};

}  // namespace kiosk::ui
