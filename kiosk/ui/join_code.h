// The join QR code with its short address beneath: on the projector and, when the organiser wants it, the attract
// screen. Drawn as plain rectangles from the code's modules, which the app prepares (the views know no QR library).
#pragma once

#include <string>
#include <vector>

struct ImDrawList;
struct ImFont;

namespace kiosk::ui {

/// The code phones scan. Empty (size 0) when no phone server serves this database: then nothing is drawn.
struct JoinCode {
    std::string url;          ///< what the code holds, e.g. "http://192.168.1.10:8080/"
    std::string label;        ///< the short form written beneath for typing, e.g. "192.168.1.10:8080"
    int size = 0;             ///< modules a side
    std::vector<bool> dark;   ///< row by row, true: dark
    bool shown() const { return size > 0; }
    bool at(int x, int y) const { return dark[static_cast<std::size_t>(y * size + x)]; }
};

/// Scanners need four light modules around a code.
inline constexpr int kQuietModules = 4;
/// The modules' colour (a label or a frame is never quite this black, so tests can tell them apart).
inline constexpr unsigned int kModuleColour = 0xFF000000;

/// Where the code and its label go. Modules are whole pixels, so none is blurred or a pixel wider than its neighbour.
struct JoinCodeLayout {
    float x = 0, y = 0;     ///< top left of the light square (quiet zone included)
    float module = 0;       ///< pixels a module
    float side = 0;         ///< the light square's side: (size + 2 * kQuietModules) * module
    float labelSize = 0;    ///< the label's font size: the font's own, smaller only when the address is wider than the square
    float height = 0;       ///< the square and the label beneath
    bool fits() const { return module >= 1; }
};

/// The largest code whose square and label fit `maxSide` wide and `maxHeight` high, centred in `maxSide` at (x, y).
JoinCodeLayout LayoutJoinCode(const JoinCode& code, ImFont* font, float fontSize, float x, float y, float maxSide,
                              float maxHeight);
/// Draws the code at `layout`: a light square, the dark modules, the label beneath in `labelColour`.
void DrawJoinCode(ImDrawList* draw, const JoinCode& code, ImFont* font, const JoinCodeLayout& layout, unsigned int labelColour);

}  // namespace kiosk::ui
