// Shaping and reordering with GNU FriBidi: the calls its own fribidi_log2vis makes, but with our own line breaks.
#include "kiosk/core/bidi.h"

#include "kiosk/core/text_edit.h"

#include <fribidi.h>
#include <utf8proc.h>

#include <algorithm>

namespace kiosk::core {

// [SECTION] The fast check

namespace {

bool isRightToLeftCodePoint(char32_t cp) {
    return (cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFE) ||
           (cp >= 0x10800 && cp <= 0x10FFF) || (cp >= 0x1E800 && cp <= 0x1EFFF);
}

}  // namespace

bool hasRightToLeft(std::string_view utf8) {
    const auto* s = reinterpret_cast<const unsigned char*>(utf8.data());
    const std::size_t n = utf8.size();
    for (std::size_t i = 0; i < n; ++i) {
        const unsigned char lead = s[i];
        if (lead < 0xD6) continue;  // ASCII, Latin, Greek, Cyrillic, Armenian: never right to left
        if (lead <= 0xDF) {
            if (i + 1 >= n || (s[i + 1] & 0xC0) != 0x80) continue;  // not a whole character
            if (lead > 0xD6 || s[i + 1] >= 0x90) return true;      // U+0590 … U+07FF
            ++i;
            continue;
        }
        if (lead >= 0xE0 && lead <= 0xEF && i + 2 < n) {
            const char32_t cp = (char32_t(lead & 0x0F) << 12) | (char32_t(s[i + 1] & 0x3F) << 6) | char32_t(s[i + 2] & 0x3F);
            if (isRightToLeftCodePoint(cp)) return true;
            i += 2;
        } else if (lead >= 0xF0 && lead <= 0xF4 && i + 3 < n) {
            const char32_t cp = (char32_t(lead & 0x07) << 18) | (char32_t(s[i + 1] & 0x3F) << 12) |
                                (char32_t(s[i + 2] & 0x3F) << 6) | char32_t(s[i + 3] & 0x3F);
            if (isRightToLeftCodePoint(cp)) return true;
            i += 3;
        }
    }
    return false;
}

// [SECTION] One paragraph through FriBidi

namespace {

void appendUtf8(std::string& out, char32_t cp) {
    utf8proc_uint8_t buffer[4];
    const auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buffer);
    out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(n));
}

/// Format characters (FriBidi's U+FEFF fill after a lam-alef, joiners, marks of direction) take no room and have
/// no glyph in the atlas: they are left out of what is drawn.
bool invisible(char32_t cp) { return utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_CF; }

/// A paragraph (no line break inside) with its bidi types, resolved levels and shaped characters, logical order.
struct Paragraph {
    std::vector<FriBidiChar> chars;
    std::vector<std::size_t> offsets;  // byte offset of each code point in the caller's text, plus one past the end
    std::vector<FriBidiCharType> types;
    std::vector<FriBidiLevel> levels;
    std::vector<FriBidiChar> shaped;
    FriBidiParType direction = FRIBIDI_PAR_LTR;

    std::size_t size() const { return chars.size(); }

    /// The shaped characters [begin, end) in logical order, as UTF-8 (what a width is measured on).
    std::string shapedText(std::size_t begin, std::size_t end) const {
        std::string out;
        for (std::size_t i = begin; i < end; ++i) {
            if (!invisible(shaped[i])) appendUtf8(out, shaped[i]);
        }
        return out;
    }
};

// Mirrored brackets, Arabic presentation forms and lam-alef ligatures. Not FRIBIDI_FLAG_REORDER_NSM: Noto Sans
// Arabic draws a vowel mark with no advance to the right of the pen, and Dear ImGui places no marks, so a mark must
// come just before (left of) its letter in the visual string to land on it.
constexpr FriBidiFlags kFlags = (FRIBIDI_FLAGS_DEFAULT | FRIBIDI_FLAGS_ARABIC) & ~FriBidiFlags{FRIBIDI_FLAG_REORDER_NSM};

Paragraph analyse(std::string_view text, std::size_t base, BaseDirection fallback, bool breaksAsSpaces) {
    Paragraph p;
    for (auto [cp, offset] : decode(text)) {
        if (breaksAsSpaces && (cp == '\n' || cp == '\r')) cp = ' ';
        p.chars.push_back(static_cast<FriBidiChar>(cp));
        p.offsets.push_back(base + offset);
    }
    p.offsets.push_back(base + text.size());
    const auto len = static_cast<FriBidiStrIndex>(p.chars.size());
    p.types.resize(p.chars.size());
    p.levels.resize(p.chars.size());
    p.shaped = p.chars;
    p.direction = fallback == BaseDirection::RightToLeft ? FRIBIDI_PAR_WRTL : FRIBIDI_PAR_WLTR;
    if (len == 0) {
        p.direction = fallback == BaseDirection::RightToLeft ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
        return p;
    }
    std::vector<FriBidiBracketType> brackets(p.chars.size());
    std::vector<FriBidiArabicProp> joining(p.chars.size());
    fribidi_get_bidi_types(p.chars.data(), len, p.types.data());
    fribidi_get_bracket_types(p.chars.data(), len, p.types.data(), brackets.data());
    if (fribidi_get_par_embedding_levels_ex(p.types.data(), brackets.data(), len, &p.direction, p.levels.data()) == 0) {
        std::fill(p.levels.begin(), p.levels.end(), FriBidiLevel{0});  // out of memory: shown as typed, never lost
        p.direction = FRIBIDI_PAR_LTR;
        return p;
    }
    fribidi_get_joining_types(p.chars.data(), len, joining.data());
    fribidi_join_arabic(p.types.data(), len, p.levels.data(), joining.data());
    fribidi_shape(kFlags, p.levels.data(), len, joining.data(), p.shaped.data());
    return p;
}

/// Reorders the paragraph's code points [begin, end) for display as one line.
VisualLine reorderLine(Paragraph& p, std::size_t begin, std::size_t end) {
    VisualLine line;
    line.logicalBegin = p.offsets[begin];
    line.logicalEnd = p.offsets[end];
    line.rightToLeft = FRIBIDI_IS_RTL(p.direction);
    const std::size_t count = end - begin;
    if (count == 0) return line;
    std::vector<FriBidiChar> visual(p.shaped);
    std::vector<FriBidiStrIndex> map(p.size());
    for (std::size_t i = 0; i < map.size(); ++i) map[i] = static_cast<FriBidiStrIndex>(i);
    FriBidiParType direction = p.direction;
    if (fribidi_reorder_line(kFlags, p.types.data(), static_cast<FriBidiStrIndex>(count),
                             static_cast<FriBidiStrIndex>(begin), direction, p.levels.data(), visual.data(),
                             map.data()) == 0) {
        line.rightToLeft = false;  // out of memory: logical order is still every character
    }
    line.logicalToVisual.assign(count, 0);
    line.runsRightToLeft.assign(count, false);
    // A letter merged into a ligature left a fill just left of the ligature: it points at the next glyph shown.
    std::vector<std::size_t> shownIndex(count, 0);
    std::size_t shown = 0;
    for (std::size_t v = begin; v < end; ++v) {
        shownIndex[v - begin] = shown;
        if (!invisible(visual[v])) {
            appendUtf8(line.visual, visual[v]);
            ++shown;
        }
    }
    for (std::size_t v = begin; v < end; ++v) {
        const auto logical = static_cast<std::size_t>(map[v]) - begin;
        std::size_t target = shownIndex[v - begin];
        if (invisible(visual[v]) && target > 0 && target == shown) target = shown - 1;
        line.logicalToVisual[logical] = target;
        line.runsRightToLeft[logical] = FRIBIDI_LEVEL_IS_RTL(p.levels[static_cast<std::size_t>(map[v])]);
    }
    return line;
}

/// Greedy line breaking of one paragraph on logical words; returns the [begin, end) code point ranges.
std::vector<std::pair<std::size_t, std::size_t>> breakLines(const Paragraph& p, float wrapWidth, const MeasureFn& measure) {
    std::vector<std::pair<std::size_t, std::size_t>> lines;
    const std::size_t n = p.size();
    const float space = measure(" ");
    std::size_t pos = 0;
    do {
        const std::size_t start = pos;
        std::size_t end = start;  // end of the last whole word on this line
        std::size_t j = start;
        float width = 0;
        bool wrapped = false;
        while (j < n) {
            if (p.chars[j] == ' ') {  // spaces never wrap a line by themselves; a wrap drops them
                width += space;
                ++j;
                continue;
            }
            std::size_t k = j;
            while (k < n && p.chars[k] != ' ') ++k;
            const float word = measure(p.shapedText(j, k));
            if (width + word <= wrapWidth) {
                width += word;
                end = j = k;
                continue;
            }
            wrapped = true;
            if (end == start) {  // the first word is wider than the line: break it between letters
                std::size_t m = j + 1;
                while (m < k && width + measure(p.shapedText(j, m + 1)) <= wrapWidth) ++m;
                end = m;
            }
            break;
        }
        if (!wrapped) end = n;
        lines.emplace_back(start, end);
        pos = end;
        if (wrapped) {
            while (pos < n && p.chars[pos] == ' ') ++pos;
        }
    } while (pos < n);
    return lines;
}

}  // namespace

// [SECTION] Lines

std::size_t VisualLine::caretBoundary(std::size_t index) const {
    const std::size_t count = logicalToVisual.size();
    if (count == 0) return 0;
    std::size_t boundary = 0;
    if (index >= count) {  // after the last letter: on its far side in its own direction
        boundary = runsRightToLeft[count - 1] ? logicalToVisual[count - 1] : logicalToVisual[count - 1] + 1;
    } else {  // before a letter: on its near side
        boundary = runsRightToLeft[index] ? logicalToVisual[index] + 1 : logicalToVisual[index];
    }
    return std::min(boundary, characterCount(visual));
}

VisualLine visualLine(std::string_view logical, BaseDirection fallback) {
    Paragraph p = analyse(logical, 0, fallback, true);
    return reorderLine(p, 0, p.size());
}

std::vector<VisualLine> wrapVisual(std::string_view logical, float wrapWidth, const MeasureFn& measure, BaseDirection fallback) {
    std::vector<VisualLine> lines;
    std::size_t start = 0;
    while (true) {
        const std::size_t newline = logical.find('\n', start);
        const std::size_t stop = newline == std::string_view::npos ? logical.size() : newline;
        Paragraph p = analyse(logical.substr(start, stop - start), start, fallback, false);
        if (wrapWidth > 0) {
            for (const auto& [begin, end] : breakLines(p, wrapWidth, measure)) lines.push_back(reorderLine(p, begin, end));
        } else {
            lines.push_back(reorderLine(p, 0, p.size()));
        }
        if (newline == std::string_view::npos) break;
        start = newline + 1;
    }
    return lines;
}

}  // namespace kiosk::core
