// Noto Sans through FreeType, with the glyph ranges every kiosk language needs, Noto Sans Arabic and the icons
// merged in.
#pragma once

#include <string>

struct ImFont;

namespace kiosk::ui {

struct Fonts {
    ImFont* body = nullptr;   ///< body text: an em of 1/36 of the shorter side (theme::Scale::body)
    ImFont* bold = nullptr;   ///< labels and buttons, the same size
    ImFont* title = nullptr;  ///< headings (theme::Scale::heading)
    ImFont* display = nullptr;  ///< large figures only: digits and '#' (theme::Scale::display)
    /// Body, bold and title at theme::kLargeTextFactor for an attendee who switched to large text (in the same
    /// atlas, built with the others: switching costs no frame). Null when loaded without them.
    ImFont* largeBody = nullptr;
    ImFont* largeBold = nullptr;
    ImFont* largeTitle = nullptr;

    /// The fonts to draw with: the large ones when `large` and they were loaded, else these. `display` stays.
    Fonts forTextSize(bool large) const;
};

/// Where Debian's fonts-noto-core puts Noto Sans.
inline constexpr const char* kNotoFolder = "/usr/share/fonts/truetype/noto";
/// Font Awesome 4.7 from Debian's fonts-font-awesome: the icons, merged into every text font.
inline constexpr const char* kIconFont = "/usr/share/fonts/truetype/font-awesome/fontawesome-webfont.ttf";

/// Adds Regular and Bold at sizes derived from the framebuffer's shorter side to the current ImGui context's atlas,
/// built with FreeType, with the icons of `iconFile` merged in; with `withLargeText` also body, bold and title at
/// theme::kLargeTextFactor (the attendees' text-size switch). Throws std::runtime_error naming the missing file
/// and the package to install.
Fonts loadFonts(float shorterSide, bool withLargeText = false, const std::string& folder = kNotoFolder,
                const std::string& iconFile = kIconFont);

/// The glyph ranges used: Basic Latin, Latin-1, Latin Extended-A (ğ ş ı İ, Polish), the Cyrillic of Russian and
/// Ukrainian, General Punctuation („ “ – … ’), ẞ, €.
const unsigned short* glyphRanges();

/// The Arabic glyphs merged from Noto Sans Arabic (fonts-noto-core): the Arabic block and the presentation forms
/// core/bidi's shaping produces.
const unsigned short* arabicRanges();
/// Noto Sans Arabic's pixel size relative to Noto Sans', so that its letters match Noto Sans' in size.
inline constexpr float kArabicSizeFactor = 1.55f;

/// The icons the views use (Font Awesome 4.7 code points, as UTF-8). Only these are put into the atlas.
namespace icon {
inline constexpr const char* kBack = "\uf060";       // arrow-left
inline constexpr const char* kDone = "\uf00c";       // check
inline constexpr const char* kVote = "\uf087";       // thumbs-o-up
inline constexpr const char* kVoted = "\uf164";      // thumbs-up
inline constexpr const char* kUndo = "\uf0e2";       // undo
inline constexpr const char* kLanguage = "\uf0ac";   // globe
inline constexpr const char* kSimilar = "\uf002";    // search
inline constexpr const char* kShift = "\uf062";      // arrow-up
inline constexpr const char* kBackspace = "\uf177";  // long-arrow-left
inline constexpr const char* kEnter = "\uf149";      // level-down (return)
inline constexpr const char* kWarning = "\uf071";    // exclamation-triangle
inline constexpr const char* kIdea = "\uf0eb";       // lightbulb-o
inline constexpr const char* kBrowse = "\uf0cb";     // list-ol
inline constexpr const char* kTouch = "\uf25a";      // hand-pointer-o
inline constexpr const char* kNext = "\uf061";       // arrow-right
inline constexpr const char* kSend = "\uf1d8";       // paper-plane
inline constexpr const char* kClose = "\uf00d";      // times
inline constexpr const char* kClock = "\uf017";      // clock-o
inline constexpr const char* kProjector = "\uf26c";  // television
inline constexpr const char* kModeration = "\uf06e"; // eye
inline constexpr const char* kHide = "\uf070";       // eye-slash
inline constexpr const char* kPin = "\uf08d";        // thumb-tack
inline constexpr const char* kEdit = "\uf040";       // pencil
inline constexpr const char* kMerge = "\uf126";      // code-fork: two ideas become one
inline constexpr const char* kStick = "\uf287";      // usb
inline constexpr const char* kTextSize = "\uf034";  // text-height: the text-size switch
inline constexpr const char* kContrast = "\uf042";  // adjust (a half-filled circle): the contrast switch
}  // namespace icon

/// The code points of every icon above, as an ImGui glyph range (pairs, 0-terminated).
const unsigned short* iconRanges();

}  // namespace kiosk::ui
