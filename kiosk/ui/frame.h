// What every kiosk view gets for one frame, and the touch widgets that record themselves for automation.
#pragma once

#include "kiosk/core/i18n.h"
#include "kiosk/core/state.h"
#include "kiosk/ui/fonts.h"

#include <string>
#include <vector>

struct ImVec2;

namespace kiosk::ui {

/// One tappable thing on screen, as the automation file lists it.
struct UiElement {
    std::string id;
    std::string role;   ///< "button", "key", "card", "tab"
    std::string label;
    float x = 0, y = 0, w = 0, h = 0;
    bool enabled = true;
};

/// Sizes derived from the framebuffer: every target is at least 60 px at 1080p and scales with the screen.
struct Metrics {
    float unit = 20.0f;       ///< spacing unit: 20 px at 1080p
    float target = 90.0f;     ///< height of ordinary buttons
    bool portrait = false;
    static Metrics forScreen(float width, float height);
};

/// Input and output of one frame of the views.
struct Frame {
    const core::Catalog& text;
    const Fonts& fonts;
    Metrics metrics;
    double now = 0;               ///< passed in: views never read the clock
    bool suppressTaps = false;    ///< a drag is (or just was) under way: no button fires
    float pressY = 0;             ///< where the current touch went down (from the input events, not the frame)
    std::vector<core::Event> events;
    std::vector<UiElement> elements;

    std::string t(const std::string& key) const;  ///< translated in the kiosk's current language
    std::string language;
};

/// A button that fires on release, never on hover, never at the end of a drag. Records itself.
bool TouchButton(Frame& frame, const std::string& id, const std::string& label, const ImVec2& size, bool enabled = true,
                 bool primary = false, const char* role = "button");

/// What a physical keyboard typed this frame (ImGui's input queue), as UTF-8.
std::string typedCharacters();

/// Opens a full-screen window on the main viewport, the way Dear ImGui's own examples do.
void BeginFullscreen(const char* name, unsigned int background);
void EndFullscreen();

}  // namespace kiosk::ui
