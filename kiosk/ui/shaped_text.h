// Text as Dear ImGui must draw it: right-to-left lines shaped and reordered by core/bidi, other text passed through,
// and the mirrored layout of a right-to-left language (the picture flipped, the text in it not).
#pragma once

#include "kiosk/core/bidi.h"

#include <string>
#include <string_view>
#include <vector>

struct ImFont;
struct ImDrawList;
struct ImDrawData;
struct ImVec2;
struct ImDrawCmd;
using ImDrawCallback = void (*)(const ImDrawList* parent_list, const ImDrawCmd* cmd);  // as imgui.h declares it

namespace kiosk::ui {

/// True for a language whose screens are laid out right to left (Arabic).
bool isRightToLeftLanguage(const std::string& language);

/// `text` on one line as it is drawn: itself when it holds no right-to-left letter (no work for Latin text),
/// else shaped and reordered (line breaks become spaces).
std::string visualText(std::string_view text);

/// The lines of `text` as drawn, wrapped at `wrapWidth` (> 0) on logical words and each reordered on its own;
/// with `wrapWidth` 0 one line per paragraph. For text without right-to-left letters the lines are in logical
/// order, broken where Dear ImGui breaks them.
std::vector<core::VisualLine> visualLines(ImFont* font, float size, std::string_view text, float wrapWidth,
                                          core::BaseDirection fallback = core::BaseDirection::LeftToRight);

/// The size `text` takes when drawn (wrapped at `wrapWidth` when > 0), shaped when it needs it.
ImVec2 shapedTextSize(ImFont* font, float size, std::string_view text, float wrapWidth = 0.0f);

/// Draws `text` at `pos` (wrapped at `wrapWidth` when > 0), shaped and reordered when it holds right-to-left
/// letters. A right-to-left paragraph is aligned to the right of `wrapWidth` in a left-to-right layout; in a
/// mirrored layout (see MirrorScope) the mirroring puts every paragraph on its reading side.
void AddShapedText(ImDrawList* draw, ImFont* font, float size, const ImVec2& pos, unsigned int colour, const char* begin,
                   const char* end = nullptr, float wrapWidth = 0.0f);

/// How glyphs drawn at another size than their font was baked at (`size` != the font's FontSize: the start
/// screen's icons, a shrunk label) are sampled. The window samples the atlas nearest (text at its own size lands
/// texel on pixel, and a software rasteriser pays dearly for bilinear filtering); a scaled glyph needs bilinear
/// filtering or it looks jagged. Given callbacks, AddShapedText and AddVisualText put `linear` before such a glyph
/// run and `restore` after it (ImDrawList::AddCallback); the renderer calls them while it draws the lists. Without
/// them (nullptr, the default, as in headless tests) nothing is added. Set once per process, before drawing.
void SetScaledTextSampling(ImDrawCallback linear, ImDrawCallback restore);

/// Draws a line already in visual order (a VisualLine's `visual`) as it is, without shaping it again.
void AddVisualText(ImDrawList* draw, ImFont* font, float size, const ImVec2& pos, unsigned int colour, std::string_view visual);
/// The width of a line already in visual order.
float visualWidth(ImFont* font, float size, std::string_view visual);

/// While it lives, the screens drawn are laid out for a right-to-left language: AddShapedText leaves paragraphs
/// left-aligned, for MirrorDrawData to flip.
class MirrorScope {
public:
    explicit MirrorScope(bool mirrored);
    ~MirrorScope();
    MirrorScope(const MirrorScope&) = delete;
    MirrorScope& operator=(const MirrorScope&) = delete;

private:
    bool m_previous;
};

/// After ImGui::Render() of a frame drawn in a MirrorScope(true): flips the picture left to right across a screen
/// `width` wide (shapes, clip rectangles, the places of text) but moves each line of text as a whole instead of
/// mirroring its letters: the layout reads right to left, the words still read as written. The pointer must be
/// mirrored the same way before ImGui::NewFrame (mirroredX), and so must the elements a test or driver taps.
void MirrorDrawData(ImDrawData* data, float width);
/// Flips one draw list now, as MirrorDrawData does after Render, for a view that mirrors its own picture while the
/// loop drawing it does not know its language (the projector in its Arabic turn). Call it inside the MirrorScope.
void MirrorDrawList(ImDrawList* draw, float width);
/// The pointer at `x` as a mirrored frame's hit tests see it (a pointer off the screen stays off it).
inline float mirroredPointerX(float x, float screenWidth) { return x < -256000.0f ? x : screenWidth - x; }

}  // namespace kiosk::ui
