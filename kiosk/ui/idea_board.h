// The first kiosk screen: the event's title and its published ideas, read-only.
#pragma once

#include "kiosk/ui/fonts.h"

#include <string>
#include <vector>

namespace kiosk::ui {

/// What the board shows; filled by the app from the store, never by the view.
struct IdeaBoardModel {
    struct Card {
        int number = 0;
        std::string title;
        std::string category;
        unsigned int color = 0xFF888888;  ///< ImGui ABGR
        int votes = 0;
    };
    std::string title;
    std::string subtitle;
    bool showCounts = true;
    std::vector<Card> cards;
};

/// Plain data plus Draw(), in the manner of Dear ImGui's own demo structs.
struct IdeaBoard {
    float scrollY = 0.0f;
    void Draw(const IdeaBoardModel& model, const Fonts& fonts);
};

/// "#rrggbb" to an opaque ImGui colour; grey for anything malformed.
unsigned int colorFromHex(const std::string& hex);

}  // namespace kiosk::ui
