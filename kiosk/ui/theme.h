// The kiosk's design tokens: colours with their contrast pairs, the type scale, spacing, radii and the layout grid.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::ui::theme {

// [SECTION] Colours

/// An sRGB colour; `packed()` gives Dear ImGui's IM_COL32 layout (0xAABBGGRR).
struct Rgb {
    std::uint8_t r = 0, g = 0, b = 0;
    constexpr unsigned int packed(std::uint8_t alpha = 255) const {
        return static_cast<unsigned int>(r) | (static_cast<unsigned int>(g) << 8) | (static_cast<unsigned int>(b) << 16) |
               (static_cast<unsigned int>(alpha) << 24);
    }
};

/// Every colour the kiosk's views use. Text colours only ever sit on the backgrounds listed in textPairs().
struct Palette {
    Rgb page{0xF1, 0xF4, 0xF8};            ///< the screen behind everything
    Rgb surface{0xFF, 0xFF, 0xFF};         ///< cards, fields, tiles
    Rgb surfaceSunken{0xE2, 0xE8, 0xF0};   ///< segmented controls, chips, secondary buttons
    Rgb surfacePressed{0xC3, 0xCF, 0xDF};  ///< a secondary button under the finger (and 150 ms after)
    Rgb border{0x8A, 0x97, 0xAB};          ///< outlines (not text)
    Rgb text{0x16, 0x1C, 0x2A};            ///< body text and titles
    Rgb textMuted{0x45, 0x50, 0x63};       ///< descriptions, captions, counters
    Rgb primary{0x1B, 0x5C, 0xA8};         ///< the one main action of a screen
    Rgb primaryPressed{0x10, 0x3D, 0x73};
    Rgb onPrimary{0xFF, 0xFF, 0xFF};
    Rgb success{0x1A, 0x6E, 0x3E};         ///< "Unterstützt": the voted state
    Rgb successPressed{0x0F, 0x4A, 0x29};
    Rgb successSurface{0xE2, 0xF3, 0xE8};  ///< behind a "published" status chip
    Rgb onSuccess{0xFF, 0xFF, 0xFF};
    Rgb warning{0x8F, 0x4A, 0x00};         ///< the counter near its limit (text on surface/page)
    Rgb warningSurface{0xFF, 0xF1, 0xDC};  ///< behind a warning line
    Rgb trouble{0xA8, 0x23, 0x1C};         ///< errors and the trouble screen's accent
    Rgb onTrouble{0xFF, 0xFF, 0xFF};
    Rgb troubleSurface{0xFC, 0xEE, 0xEA};  ///< the trouble screen's background
    Rgb disabled{0xDD, 0xE1, 0xE7};
    Rgb onDisabled{0x55, 0x5E, 0x6C};
    Rgb band{0x14, 0x28, 0x46};            ///< the dark header band, the idle overlay, the PIN keypad
    Rgb onBand{0xFF, 0xFF, 0xFF};
    Rgb onBandMuted{0xC4, 0xD3, 0xE8};
    Rgb keySurface{0xFF, 0xFF, 0xFF};      ///< keyboard keys (text colour: text)
    Rgb caret{0x1B, 0x5C, 0xA8};
    Rgb tokenFull{0x1B, 0x5C, 0xA8};       ///< a vote still to give (●)
    Rgb tokenEmpty{0xB4, 0xC0, 0xD0};      ///< a vote given (○)
    /// The event file's category colours keep their hue in every palette, but may be as light as the page: with this
    /// set, their dots and stripes get a rim in `border` (widgets.h: DrawCategoryDot, DrawCategoryStripe).
    bool rimCategoryMarks = false;
};

/// Black on white with darker accents for attendees who switch to "Hoher Kontrast": every text pair reaches
/// WCAG AAA (7:1), outlines are black.
Palette highContrastPalette();

/// The palette every view reads: the ordinary one, or the high-contrast one inside a HighContrastScope.
const Palette& palette();

/// Makes palette() the high-contrast one for as long as it lives (when `on`): the kiosk's attendee views draw inside
/// one for a session that asked for it; the panel and the projector draw outside and keep the ordinary colours.
class HighContrastScope {
public:
    explicit HighContrastScope(bool on);
    ~HighContrastScope();
    HighContrastScope(const HighContrastScope&) = delete;
    HighContrastScope& operator=(const HighContrastScope&) = delete;

private:
    bool m_before;
};

/// A text colour on a background colour, by name, as the views combine them.
struct TextPair {
    const char* name;
    Rgb text;
    Rgb background;
};

/// Every text/background combination the views draw. The theme test requires a contrast of at least 4.5:1 for each
/// (WCAG AA), and 7:1 (AAA) in the high-contrast palette.
std::vector<TextPair> textPairs(const Palette& p = palette());

/// WCAG 2 relative luminance and contrast ratio (1 … 21).
double relativeLuminance(Rgb colour);
double contrastRatio(Rgb a, Rgb b);

/// Dark text or white, whichever reads better on `background` (for category colours that come from the event file).
Rgb readableOn(Rgb background);

// [SECTION] Type, spacing, layout

/// Sizes for one window, derived from its shorter side.
struct Scale {
    float em = 30.0f;        ///< body em: at least 1/36 of the shorter side
    float body = 40.8f;      ///< body font size as ImGui's FreeType builder takes it (line height, 1.36 em for Noto Sans)
    float heading = 57.0f;   ///< headings (1.4 em)
    float display = 98.0f;   ///< the large figures: idea number, countdown (2.4 em)
    // Spacing steps.
    float xs = 5.0f, s = 10.0f, m = 20.0f, l = 30.0f, xl = 50.0f;
    float radius = 12.0f;     ///< buttons, cards
    float radiusLarge = 20.0f;
    float target = 90.0f;     ///< ordinary touch target height (≥ 60 px at 1080p)
    float border = 3.0f;
};

/// Noto Sans draws a line of 1.36 em when asked for a size: FreeType's builder sizes by line height.
inline constexpr float kNotoLineHeight = 1.36f;
/// How much larger the text is after the attendee's "Große Schrift" switch (the issue asks for at least 1.3).
inline constexpr float kLargeTextFactor = 1.3f;
/// The body em as a share of the window's shorter side (capitals of Noto Sans are 0.714 em: ≥ 21 px at 1080).
inline constexpr float kEmPerShorterSide = 1.0f / 36.0f;

Scale scaleFor(float width, float height);

/// The grid of one window: outer margins and a centred content column of bounded width.
struct Grid {
    float x = 0, width = 0;   ///< the content column
    float top = 0, bottom = 0;  ///< vertical margins
    float margin = 0;
};

Grid gridFor(float width, float height, const Scale& scale);

/// How long a tapped button keeps its pressed colour, so a quick touch always answers visibly.
inline constexpr double kPressFeedbackSeconds = 0.15;
/// Caret blink period (on for the first half).
inline constexpr double kCaretPeriod = 1.0;
/// The counter turns to the warning colours when this share of a field's limit is used.
inline constexpr double kCounterWarnShare = 0.9;

}  // namespace kiosk::ui::theme
