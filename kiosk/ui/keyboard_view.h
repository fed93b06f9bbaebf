// The on-screen keyboard's view, shared by the attendee's submit wizard and the moderators' panel at the kiosk.
#pragma once

#include "kiosk/core/keyboard.h"
#include "kiosk/core/text_edit.h"
#include "kiosk/ui/frame.h"

#include <vector>

namespace kiosk::core {
struct KioskState;
}

namespace kiosk::ui {

/// What one frame of the keyboard produced.
struct KeyboardInput {
    std::vector<core::Key> pressed;  ///< keys tapped, in order
    int repeatedBackspaces = 0;      ///< removals due because backspace is held down
};

struct KeyboardView {
    core::KeyRepeat backspaceRepeat;
    /// Draws the rows of `keyboard` at the cursor, across `width` pixels (0: the content width), in `height` pixels.
    KeyboardInput DrawKeys(const core::KeyboardModel& keyboard, bool multiline, Frame& frame, float height, float width = 0.0f);
    /// The attendee's keyboard: what is tapped becomes events of the kiosk's state machine.
    void Draw(const core::KioskState& state, Frame& frame, float height, float width = 0.0f);
};

}  // namespace kiosk::ui
