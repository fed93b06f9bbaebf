// What every kiosk view gets for one frame, and the touch widgets that record themselves for automation.
#pragma once

#include "kiosk/core/i18n.h"
#include "kiosk/core/state.h"
#include "kiosk/ui/fonts.h"
#include "kiosk/ui/shaped_text.h"
#include "kiosk/ui/theme.h"

#include <optional>
#include <string>
#include <vector>

struct ImVec2;
struct ImFont;
struct ImDrawList;

namespace kiosk::ui {

/// One tappable thing on screen, as the automation file lists it.
struct UiElement {
    std::string id;
    std::string role;   ///< "button", "key", "card", "tab"
    std::string label;
    float x = 0, y = 0, w = 0, h = 0;  ///< for a button: the part a tap can reach (inside the clip rectangle)
    bool enabled = true;
    bool cut = false;  ///< the button runs on under an edge of a list: only the part inside it is described
    std::optional<bool> checked = std::nullopt;  ///< a switch (on/off), a choice of a list or a tab (chosen or not); none for other buttons
};

/// Sizes derived from the framebuffer: every target is at least 60 px at 1080p and scales with the screen.
struct Metrics {
    float unit = 20.0f;       ///< spacing unit: 20 px at 1080p
    float target = 90.0f;     ///< height of ordinary buttons
    bool portrait = false;
    static Metrics forScreen(float width, float height);
};

/// The button tapped last and until when it keeps its pressed colour. Owned by the view, so it outlives a frame.
struct PressFeedback {
    std::string id;
    double until = -1;
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
    PressFeedback* press = nullptr;  ///< where a tap is remembered for its pressed colour (set by the view)
    float contentTop = 0;            ///< where a screen's content starts below the top bar (set by the view)
    float reservedBottom = 0;        ///< room kept free at the bottom for a message and the bar (set by the view)
    float bottomBar = 0;             ///< a portrait stele's bar at the bottom (language, "Fertig"): messages sit above it
    bool flipped = false;            ///< the view drew for a mirrored picture: flip it after Render (MirrorDrawData)

    bool mirrored() const;             ///< the language reads right to left: the picture is mirrored (shaped_text.h)
    const char* forwardArrow() const;  ///< an arrow pointing the way the language reads (→, or ← in Arabic)
    const char* backArrow() const;     ///< the opposite arrow
    theme::Scale scale() const;  ///< the type and spacing scale of the main viewport
    theme::Grid grid() const;    ///< its margins and content column
};

/// What a drawing function starts from: the frame's scale, the theme's colours and the current window's draw list.
/// Unpacked where it is used: `const auto [sc, p, draw] = Pen(frame);`.
struct Pen {
    theme::Scale sc;
    const theme::Palette& p;
    ImDrawList* draw;
    explicit Pen(const Frame& frame);
};

/// How a button looks. Every kind takes its colours from the theme.
enum class ButtonKind { Secondary, Primary, Success, Quiet, Key, Tab, TabSelected, Danger, OnBand, Card };

struct ButtonStyle {
    ButtonKind kind = ButtonKind::Secondary;
    const char* icon = nullptr;  ///< an icon of fonts.h drawn before the label
    ImFont* font = nullptr;      ///< the label's font (default: the current one)
    const char* role = "button";
    bool enabled = true;
    bool custom = false;  ///< draw only the background: the caller draws the content (no label under other text)
    std::optional<bool> checked = std::nullopt;  ///< the button is a switch or a choice: recorded for automation and tests
    bool knob = false;            ///< with `checked`: an on/off switch drawn at the trailing end (see switchWidth)
    bool underline = false;       ///< with `checked`: a thick bar along the bottom while chosen (a tab; see chosenBarRoom)
};

/// The width of the on/off switch a button with `knob` draws at its end, for a label in a font of `fontSize`:
/// off, an outlined track with its knob at the start; on, a filled track, the knob at the end and a check mark.
/// Its state reads from its shape, so nobody needs to tell the colours apart. Mirrored with the picture in Arabic.
float switchWidth(float fontSize);

/// The room at the bottom of a tab that the bar of a chosen tab (`ButtonStyle::underline`) takes, gap included: a tab
/// whose label is centred stays clear of the bar when it is at least the label's line height plus twice this.
/// The bar is a shape, so the chosen tab tells apart from the others without its colour; it is symmetric, so the
/// mirrored Arabic picture keeps it where it is.
float chosenBarRoom(const theme::Scale& scale);

/// A button that fires on release, never on hover, never at the end of a drag, with an optional icon. Its label is
/// shortened with "…" when it does not fit; the automation file gets the whole label. Records itself.
bool StyledButton(Frame& frame, const std::string& id, const std::string& label, const ImVec2& size, const ButtonStyle& style);

/// One language of a list to choose from, in its own name and in bold: the chosen one in the selected colour with a
/// check mark, so it shows without telling colours apart (the attendee's languages, the moderators' panel).
bool LanguageChoice(Frame& frame, const std::string& id, const std::string& code, bool chosen, const ImVec2& size);

/// A button that fires on release, never on hover, never at the end of a drag. Records itself.
bool TouchButton(Frame& frame, const std::string& id, const std::string& label, const ImVec2& size, bool enabled = true,
                 bool primary = false, const char* role = "button");

/// `text` on one line of at most `maxWidth` pixels in `font` at `size`: whole if it fits, else shortened with "…".
std::string fitText(ImFont* font, float size, const std::string& text, float maxWidth);
/// `text` wrapped at `wrapWidth` in at most `maxLines` lines: whole if it fits, else shortened with "…".
std::string fitLines(ImFont* font, float size, const std::string& text, float wrapWidth, int maxLines);
/// A heading (the event's name) fitted into `width`: `text` at the size it is drawn at and the height it takes.
struct FittedHeading {
    std::string text;
    float size = 0;
    float height = 0;
};
/// Whole on one line at `size` or up to a fifth smaller, else whole on up to `maxLines` lines, shrinking no further
/// than `smallest`; only at `smallest` is it shortened with "…". Headings wrap or shrink rather than being cut.
FittedHeading fitHeading(ImFont* font, float size, float smallest, const std::string& text, float width, int maxLines);
/// Height of `text` wrapped at `wrapWidth`.
float textHeight(ImFont* font, float size, const std::string& text, float wrapWidth);
float textWidth(ImFont* font, float size, const std::string& text);
/// The width of the widest word of `text` (words end at spaces and line breaks): wrapping never makes a line
/// narrower than that.
float widestWordWidth(ImFont* font, float size, const std::string& text);

/// The rectangle lies inside the draw list's current clip rectangle (text there is seen whole).
bool insideClip(ImDrawList* draw, const ImVec2& min, const ImVec2& max);
/// Draws `text` (wrapped at `wrapWidth` when > 0) at `pos`; returns the height it took.
float DrawText(ImDrawList* draw, ImFont* font, float size, const ImVec2& pos, theme::Rgb colour, const std::string& text,
               float wrapWidth = 0.0f);
/// Draws `text` centred horizontally in [x, x + width] (wrapped at width); returns the height it took.
float DrawTextCentred(ImDrawList* draw, ImFont* font, float size, float x, float y, float width, theme::Rgb colour,
                      const std::string& text);

/// What a physical keyboard typed this frame (ImGui's input queue), as UTF-8.
std::string typedCharacters();

/// Opens a full-screen window on the main viewport, the way Dear ImGui's own examples do.
void BeginFullscreen(const char* name, unsigned int background);
void EndFullscreen();

}  // namespace kiosk::ui
