// The attendee kiosk's views: one struct per screen with its own small UI state, and the dispatcher.
#pragma once

#include "kiosk/core/scroll.h"
#include "kiosk/core/state.h"
#include "kiosk/core/text_edit.h"
#include "kiosk/ui/frame.h"
#include "kiosk/ui/join_code.h"
#include "kiosk/ui/keyboard_view.h"

#include <map>
#include <string>
#include <vector>

namespace kiosk::ui {

/// What the views show from the database, prepared by the app (the views never query it).
struct KioskViewModel {
    struct CategoryInfo {
        std::string key;
        std::map<std::string, std::string> names;
        unsigned int color = 0xFF888888;
        std::string name(const std::string& language) const;
    };
    std::string eventTitle;
    bool showCounts = true;
    bool submissionOpen = true;
    bool votingOpen = true;
    std::vector<CategoryInfo> categories;
    std::vector<core::IdeaCard> ideas;  ///< published ideas, ordered and filtered for the current state
    int totalIdeas = 0;
    /// run --server while the venue server is out of reach: a new idea's number is this kiosk's and may change
    /// once the server numbers it, so the thank-you says so.
    bool numbersProvisional = false;
    JoinCode join;  ///< the phones' QR code for the attract screen: only while a phone server serves and the organiser wants it
    const CategoryInfo* category(const std::string& key) const;
};

/// The language button, the votes left and "Fertig": on every screen but the attract screen. At the top in
/// landscape; on a portrait stele the buttons sit in a bar at the bottom and the upper third shows the event's name.
struct TopBar {
    void Draw(const core::KioskState& state, const KioskViewModel& model, Frame& frame);
};

struct AttractScreen {
    JoinCodeLayout joinLayout;  ///< where the phones' QR code went in the last frame (not fits(): none)
    void Draw(const core::KioskState& state, const KioskViewModel& model, Frame& frame);
};

struct StartScreen {
    void Draw(const core::KioskState& state, const KioskViewModel& model, Frame& frame);
};

struct BrowseScreen {
    core::Scroller scroller;
    int generation = -1;
    void Draw(const core::KioskState& state, const KioskViewModel& model, Frame& frame);
    void DrawDetail(const core::KioskState& state, const KioskViewModel& model, Frame& frame);
    bool isMoving() const { return scroller.isMoving(); }
};

struct SubmitScreen {
    KeyboardView keyboard;
    void Draw(const core::KioskState& state, const KioskViewModel& model, Frame& frame);
};

/// "Sind Sie noch da?", the trouble screen, and short messages.
struct Overlays {
    void Draw(const core::KioskState& state, Frame& frame);
    /// Height of the message box at the bottom (0 without a message): the screen keeps that much free.
    static float messageHeight(const core::KioskState& state, const Frame& frame);
};

struct KioskView {
    TopBar topBar;
    AttractScreen attract;
    StartScreen start;
    BrowseScreen browse;
    SubmitScreen submit;
    Overlays overlays;
    PressFeedback press;   ///< the last tapped button keeps its pressed colour for a moment
    double lastDrawn = 0;  ///< Frame::now of the last frame drawn
    /// Draws the current screen; events go into frame.events, tappable elements into frame.elements.
    void Draw(const core::KioskState& state, const KioskViewModel& model, Frame& frame);
    /// Something is still animating (scroll inertia, a tapped button's pressed colour): keep rendering.
    bool isAnimating() const { return browse.isMoving() || lastDrawn < press.until; }
    /// When the picture changes next by itself (the caret's blink, a countdown's second), or a negative number
    /// when nothing on screen depends on the time. The app's loop may wait until then instead of redrawing.
    double nextChangeAt(const core::KioskState& state, double now) const;
};

}  // namespace kiosk::ui
