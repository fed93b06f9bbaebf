// Drawing helpers shared by the PDF and the charts: text through pango (every script, bidi, no markup) on a
// cairo surface, and cairo output into a C++ stream. Internal to report/.
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include <ostream>
#include <string>

namespace report::draw {

/// Text sizes are in points; the surfaces are in points too (PDF, SVG) or scaled to them (PNG).
struct Font {
    double size = 10.0;
    bool bold = false;
};

enum class Align { Left, Center, Right };

/// Lays out and draws untrusted text (set as plain text, never as pango markup) on one cairo context.
class Text {
public:
    explicit Text(cairo_t* cr);
    ~Text();
    Text(const Text&) = delete;
    Text& operator=(const Text&) = delete;

    /// Draws `text` in a box `width` wide whose top left is (x, y), wrapped at words (or anywhere in a word too
    /// long for a line); with maxLines > 0 it ends with "…" after that many lines. Returns the height it took.
    double draw(const std::string& text, double x, double y, double width, Font font, Align align = Align::Left,
                int maxLines = 0);
    /// The height `draw` would take, without drawing.
    double height(const std::string& text, double width, Font font, int maxLines = 0);
    /// The width of `text` on one line.
    double width(const std::string& text, Font font);

private:
    PangoLayout* layout(const std::string& text, double width, Font font, Align align, int maxLines);
    cairo_t* m_cr;
    PangoContext* m_context;
};

/// A cairo write function that appends to the std::ostream given as closure.
cairo_status_t writeToStream(void* closure, const unsigned char* data, unsigned int length);

/// Finishes the surface and throws storage::StoreError naming `what` when cairo failed (a full disk, no memory).
void finish(cairo_surface_t* surface, const std::string& what);

/// Grey levels: every chart and table reads in black and white.
void setGrey(cairo_t* cr, double level);

}  // namespace report::draw
