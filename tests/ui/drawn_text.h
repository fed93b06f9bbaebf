// Reads back the text Dear ImGui actually drew (from the draw data, whatever view drew it) and finds text that
// overlaps other text, is cut by a clip rectangle, leaves the window or its element, or is shortened without "…".
#pragma once

#include <string>
#include <vector>

struct ImDrawData;
struct ImFontAtlas;

namespace kiosk::ui::testing {

/// An axis-aligned rectangle in screen pixels, min inclusive, max exclusive.
struct Box {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    float width() const { return x1 - x0; }
    float height() const { return y1 - y0; }
    bool empty() const { return x1 <= x0 || y1 <= y0; }
    Box intersect(const Box& o) const;
    Box unite(const Box& o) const;
    /// `o` lies inside this box, allowing `slack` pixels on every side.
    bool contains(const Box& o, float slack = 0.0f) const;
    bool containsPoint(float x, float y) const { return x >= x0 && x < x1 && y >= y0 && y < y1; }
};
std::string describe(const Box& box);  ///< "(x,y w×h)"

/// One glyph quad of the draw data, recognised by its texture coordinates in the font atlas.
struct DrawnGlyph {
    char32_t codepoint = 0;
    int font = -1;           ///< index into the atlas's fonts
    Box quad;                ///< where the glyph's bitmap went (before any clipping)
    Box visible;             ///< the part inside its draw command's clip rectangle and not covered by a window above
    bool cutX = false;       ///< partly or wholly outside its clip rectangle to the left or right (or trimmed there)
    bool cutY = false;       ///< the same above or below
    bool hidden = false;     ///< nothing of it can be seen (outside its clip rectangle, or under an opaque window)
    bool covered = false;    ///< hidden under an opaque window drawn later: not this text's problem
    bool veiled = false;     ///< under a translucent window drawn later (a dimming veil): it shows, so it may
                             ///< overlap the veil's text, but its own cuts are its own screen's business
    bool trimmed = false;    ///< ImGui trimmed the quad on the CPU to fit a box (a button's label that does not fit)
};

/// Consecutive glyphs of one line: adjacent in the vertex order of one draw list (nothing else drawn between them),
/// one draw command, one font and size, one baseline.
struct TextRun {
    std::string text;        ///< UTF-8 of the visible glyphs, with spaces where the gaps say there were spaces
    std::string allText;     ///< the same with the glyphs that cannot be seen
    Box rect;                ///< union of the visible glyph quads
    Box clip;                ///< the draw command's clip rectangle
    int drawList = 0;        ///< index in the draw data: windows later in the list are drawn above
    int font = -1;
    float fontSize = 0;      ///< pixel size the text was drawn at
    float lineTop = 0;       ///< top of the line box (the baseline minus the ascent)
    std::vector<DrawnGlyph> glyphs;
    bool anyVisible() const { return !rect.empty(); }
};

/// Every text run in `data`, in drawing order. Glyphs are textured quads whose texture coordinates are those
/// of a glyph of one of `atlas`'s fonts (a quad trimmed by ImGui's CPU clipping lies inside one); everything
/// else (the white pixel of shapes, anti-aliased lines) is ignored. An axis-aligned filled rectangle of a later
/// draw list (a window's background, a button) with an alpha of at least 240 hides the glyphs of earlier lists
/// beneath it; through a lighter veil (alpha 128 to 239: the idle question dims the screen at 230) text still
/// shows, so it may overlap the veil's text, while its cuts are left to the test of the screen beneath.
std::vector<TextRun> recordDrawnText(const ImDrawData& data, const ImFontAtlas& atlas);
/// The same for the current ImGui context, after ImGui::Render().
std::vector<TextRun> recordDrawnText();

/// A tappable element as the views report it (frame.elements): text that starts inside it must stay inside it.
struct LabelledElement {
    std::string id;
    std::string label;
    Box rect;
};

/// What the drawn text is checked against.
struct LayoutInput {
    Box display;                            ///< the window: no glyph may leave it
    std::vector<LabelledElement> elements;  ///< also known sources of their own label
    std::vector<std::string> sources;       ///< texts the views may show in full or shortened with "…"
    /// The screens' own texts (the translations): shown whole or shortened with "…". A label cut between two letters
    /// by its clip rectangle leaves no cut glyph (ImGui draws nothing beyond it), only its beginning.
    std::vector<std::string> labels;
    /// Texts that are never shortened, not even with "…": headings and the screens' own words (the event's name, a
    /// tab's label). Where one line does not hold them they wrap or shrink.
    std::vector<std::string> whole;
};

struct LayoutProblem {
    enum class Kind { Overlap, Cut, OffScreen, OutsideElement, ShortenedWithoutEllipsis, ShortenedHeading, ShortenedWithRoom };
    Kind kind;
    std::string message;  ///< names the strings and rectangles involved
};
const char* kindName(LayoutProblem::Kind kind);

/// The rules of DESIGN.md's "What people see":
/// - Overlap: glyph bitmaps of two different runs intersect by more than a pixel both ways (each glyph's own
///   bitmap, not its line box, so ascenders and descenders of neighbouring lines may come close).
/// - Cut: a glyph straddles or lies beyond its clip rectangle (also when ImGui trimmed it on the CPU). Scrolling
///   is allowed to cut: a glyph inside its element, where the element itself crosses the clip rectangle (a card or
///   chip partly scrolled out of its list), and text in no element cut at the top or bottom of a clip rectangle
///   at least three lines high (a scrolled field).
/// - OffScreen: a glyph outside `display`.
/// - OutsideElement: a run whose first visible glyph lies inside an element (the smallest one; an element as large
///   as the screen, such as the attract screen's "touch anywhere", is no label's box) has visible glyphs outside
///   that element's rectangle.
/// - ShortenedWithoutEllipsis: lines of one block of text (same list, font and size, one line below the other)
///   joined without white space end in a proper prefix of a source (at least 6 characters of it, or any prefix of
///   the label of the element the text lies in) and not in "…", unless that element is partly scrolled out of view;
///   or that are, as a whole, a proper beginning (at least 4 characters) of one of `labels` and the whole of none.
/// Blocks are compared with the texts as written: a line drawn right to left (Arabic, shaped into presentation forms
/// and reordered) is read back in logical order with its letters, so "… ظفحلا ٍراج" is the label "جارٍ الحفظ …".
/// - ShortenedHeading: a block that ends in "…" after a proper beginning (at least 2 characters: "?1…" of "?123") of one of `whole`
///   (and of no source that may be shortened).
/// - ShortenedWithRoom: a block shortened with "…" (at its end, or at its start in a right-to-left line's visual
///   order) although one more line of its size (and a quarter for padding) would fit under its last line: inside its
///   clip rectangle, the window and the element it lies in, clear of the lines of other text. Text wraps onto the
///   lines its place has before it is cut. A view marks a place smaller than the window (a row, a band) with a clip
///   rectangle; an element a list cuts off is left out (its lower lines are not drawn).
std::vector<LayoutProblem> findLayoutProblems(const std::vector<TextRun>& runs, const LayoutInput& input);

/// `text` shortened to `maxChars` characters with "[…]" (not "…", which the views draw), for messages.
std::string preview(const std::string& text, std::size_t maxChars = 48);

}  // namespace kiosk::ui::testing
