// Right-to-left text for display: Arabic shaped into presentation forms and each line reordered with GNU FriBidi.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::core {

/// True when `text` holds a character of a right-to-left script (Hebrew, Arabic, Syriac, Thaana, N'Ko, their
/// presentation forms). A byte scan: Latin, Turkish or Cyrillic text answers false without decoding anything, so
/// the views can skip the bidi work for it.
bool hasRightToLeft(std::string_view utf8);

/// The direction a paragraph is laid out in when it has no strong character of its own (digits only, empty).
enum class BaseDirection { LeftToRight, RightToLeft };

/// One line as a reader sees it: `visual` is UTF-8 in drawing order (left to right), Arabic letters replaced by
/// their joined presentation forms, lam-alef ligatures made, FriBidi's U+FEFF fill removed.
struct VisualLine {
    std::string visual;
    std::size_t logicalBegin = 0;  ///< byte range of the logical text this line shows
    std::size_t logicalEnd = 0;
    bool rightToLeft = false;      ///< the paragraph's resolved direction: the line is right-aligned
    /// For each code point of the line in logical order, the index of the code point of `visual` that shows it
    /// (a letter merged into a ligature points at the ligature).
    std::vector<std::size_t> logicalToVisual;
    /// For each code point of the line in logical order: it runs right to left (odd embedding level).
    std::vector<bool> runsRightToLeft;
    /// The caret boundary in `visual` (0 … code points of `visual`) for a caret before the line's logical code
    /// point `index` (index == count: after the last one). The reader expects it next to the letter typed last.
    std::size_t caretBoundary(std::size_t index) const;
};

/// `logical` laid out as one line (line breaks become spaces). Invalid UTF-8 bytes are dropped.
VisualLine visualLine(std::string_view logical, BaseDirection fallback = BaseDirection::LeftToRight);

/// The width of a run of shaped text in the caller's font (any order: widths add up the same either way).
using MeasureFn = std::function<float(std::string_view shapedUtf8)>;

/// `logical` wrapped at `wrapWidth`: lines break at spaces between logical words (a word wider than the line
/// breaks between letters) and at line breaks, each line reordered on its own, as the Unicode bidi algorithm
/// asks (reordering whole paragraphs and then wrapping would put the words of a line in the wrong order).
/// Spaces at a wrap are dropped, as Dear ImGui's own wrapping does. An empty text gives one empty line.
std::vector<VisualLine> wrapVisual(std::string_view logical, float wrapWidth, const MeasureFn& measure,
                                   BaseDirection fallback = BaseDirection::LeftToRight);

}  // namespace kiosk::core
