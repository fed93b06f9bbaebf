// Shared pieces of the kiosk's screens: the column, vote tokens, chips, the step indicator, section text.
#pragma once

#include "kiosk/ui/frame.h"

#include <string>

struct ImDrawList;

namespace kiosk::ui {

/// A rectangle of the screen, in screen pixels.
struct Box {
    float x = 0, y = 0, w = 0, h = 0;
    float right() const { return x + w; }
    float bottom() const { return y + h; }
};

/// The area below the top bar, inside the content column, down to the bottom margin.
Box contentBox(const Frame& frame);

/// A row of `total` round tokens, the first `filled` of them full: ●●●○○. Returns the width drawn.
float DrawTokens(ImDrawList* draw, float x, float centreY, int filled, int total, float radius);
float tokensWidth(int total, float radius);

/// A small rounded label with a coloured dot (a topic); shortened to `maxWidth`. Returns the width drawn.
float DrawChip(ImDrawList* draw, ImFont* font, float x, float y, const std::string& text, unsigned int dotColour,
               float maxWidth, const theme::Scale& scale);
float chipHeight(ImFont* font, const theme::Scale& scale);

/// A category's colour (from the event file) as a dot or a stripe. Its text is never drawn on it (names stand beside
/// it in the theme's text colour); in the high-contrast palette it gets a rim in the border colour, `categoryRim` wide
/// (around a dot; inside the box's top, bottom and start for a stripe, whose colour then moves inward by the rim).
void DrawCategoryDot(ImDrawList* draw, const ImVec2& centre, float radius, unsigned int colour, const theme::Scale& scale);
void DrawCategoryStripe(ImDrawList* draw, const ImVec2& min, const ImVec2& max, unsigned int colour, float rounding,
                        int corners, const theme::Scale& scale);
/// The width of the rim around a category's mark in the current palette (0 when it has none).
float categoryRim(const theme::Scale& scale);

/// A card's background: surface, rounded, with a coloured stripe at the left when `accent` is not 0.
void DrawCard(ImDrawList* draw, const Box& box, unsigned int accent, const theme::Scale& scale);

/// The "back" button at the top left of a screen (an arrow and `label`), as wide as its label needs. Returns
/// its width; a tap sends ev::Back.
float DrawBackButton(Frame& frame, const std::string& label, float x, float y);

/// The reading switches for this session, centred in [x, x + width] at `y`: "Große Schrift" and "Hoher Kontrast"
/// (toggles that show their state in colour and by an on/off switch drawn at their end), side by side, or one above
/// the other when two do not fit beside each other. Send ev::SetLargeText / ev::SetHighContrast. Returns the height.
float DrawReadingOptions(const core::KioskState& state, Frame& frame, float x, float y, float width);
/// The height DrawReadingOptions takes in `width`.
float readingOptionsHeight(const Frame& frame, float width);

/// Where the end of `text` wrapped at `wrapWidth` lands, relative to the text's top-left corner.
ImVec2 wrappedTextEnd(ImFont* font, float size, const std::string& text, float wrapWidth);
/// Byte offset where line `lines` (counted from 0) of `text` wrapped at `wrapWidth` starts: a field that scrolls
/// by whole lines draws from there, so no half line shows at its top.
std::size_t wrappedLinesStart(ImFont* font, float size, const std::string& text, float wrapWidth, int lines);

}  // namespace kiosk::ui
