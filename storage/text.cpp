// Text cleaning at the storage boundary and the folding used to compare ideas.
#include "storage/text.h"

#include "storage/types.h"

#include <utf8proc.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <vector>

namespace storage {

// [SECTION] Decoding

namespace {

using CodePoints = std::vector<utf8proc_int32_t>;

// Decodes strictly; returns false on any malformed sequence (utf8proc rejects overlongs and surrogates).
bool decode(std::string_view text, CodePoints& out) {
    out.clear();
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    auto remaining = static_cast<utf8proc_ssize_t>(text.size());
    while (remaining > 0) {
        utf8proc_int32_t cp = 0;
        const utf8proc_ssize_t n = utf8proc_iterate(bytes, remaining, &cp);
        if (n <= 0 || cp < 0) return false;
        out.push_back(cp);
        bytes += n;
        remaining -= n;
    }
    return true;
}

void append(std::string& out, utf8proc_int32_t cp) {
    utf8proc_uint8_t buffer[4];
    const utf8proc_ssize_t n = utf8proc_encode_char(cp, buffer);
    out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(n));
}

// With an explicit length rather than utf8proc_NFC's NUL-terminated string, so a NUL cannot cut text short.
std::string nfc(const std::string& text) {
    utf8proc_uint8_t* buffer = nullptr;
    const utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                            static_cast<utf8proc_ssize_t>(text.size()), &buffer,
                                            static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> composed(buffer, &std::free);
    if (n < 0 || !composed) throw RuleError("invalid_utf8", "text is not valid UTF-8");
    return std::string(reinterpret_cast<const char*>(composed.get()), static_cast<std::size_t>(n));
}

// Characters that change how text is displayed without being visible: bidi embeddings, overrides and
// isolates (the "Trojan Source" family), directional marks, and zero-width characters other than ZWJ,
// which emoji sequences need.
bool isInvisibleFormat(utf8proc_int32_t cp) {
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F ||
           cp == 0x061C || cp == 0x200B || cp == 0xFEFF || cp == 0x2060 || cp == 0x00AD;
}

bool isLineBreak(utf8proc_int32_t cp) { return cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029; }

bool isSpace(utf8proc_int32_t cp) {
    const auto category = utf8proc_category(cp);
    return cp == ' ' || cp == '\t' || cp == 0x00A0 || category == UTF8PROC_CATEGORY_ZS;
}

bool isControl(utf8proc_int32_t cp) { return utf8proc_category(cp) == UTF8PROC_CATEGORY_CC; }

bool isMark(utf8proc_int32_t cp) {
    const auto category = utf8proc_category(cp);
    return category >= UTF8PROC_CATEGORY_MN && category <= UTF8PROC_CATEGORY_ME;
}

// Russian writes ё as е in most print: "ёлка" and "елка" are one word. Folding maps ё to this е.
constexpr char32_t kCyrillicIe = U'\u0435';

std::string trimSpaces(const std::string& text) {
    const auto first = text.find_first_not_of(' ');
    if (first == std::string::npos) return {};
    const auto last = text.find_last_not_of(' ');
    return text.substr(first, last - first + 1);
}

const char* fieldName(TextField field) {
    switch (field) {
        case TextField::Title: return "title";
        case TextField::Description: return "description";
        case TextField::Author: return "author";
        case TextField::Reason: return "reason";
        case TextField::Other: return "text";
    }
    return "text";
}

}  // namespace

// [SECTION] Validation and cleaning

bool isValidUtf8(std::string_view text) {
    CodePoints ignored;
    return decode(text, ignored);
}

std::size_t codepointCount(std::string_view text) {
    CodePoints cps;
    decode(text, cps);
    return cps.size();
}

std::string cleanText(std::string_view text, TextField field) {
    CodePoints cps;
    if (!decode(text, cps)) {
        throw RuleError("invalid_utf8", std::string(fieldName(field)) + " is not valid UTF-8");
    }
    const bool multiline = field == TextField::Description || field == TextField::Reason;
    std::string line;      // current line, spaces collapsed
    std::string result;
    int pendingBreaks = 0; // line breaks seen since the last non-empty line
    auto flushLine = [&] {
        const std::string trimmed = trimSpaces(line);
        line.clear();
        if (trimmed.empty()) return;
        if (!result.empty()) result.append(pendingBreaks >= 2 ? "\n\n" : "\n");
        pendingBreaks = 0;
        result += trimmed;
    };
    for (std::size_t i = 0; i < cps.size(); ++i) {
        const auto cp = cps[i];
        if (isLineBreak(cp)) {
            if (!multiline) {
                if (!line.empty() && line.back() != ' ') line += ' ';
                continue;
            }
            if (cp == '\r' && i + 1 < cps.size() && cps[i + 1] == '\n') continue;  // CRLF is one break
            flushLine();
            ++pendingBreaks;
            continue;
        }
        if (isInvisibleFormat(cp)) continue;
        if (isSpace(cp)) {
            if (!line.empty() && line.back() != ' ') line += ' ';
            continue;
        }
        if (isControl(cp)) continue;
        append(line, cp);
    }
    flushLine();
    return nfc(result);
}

void checkLength(std::string_view cleaned, TextField field) {
    const std::size_t count = codepointCount(cleaned);
    std::size_t limit = 0;
    switch (field) {
        case TextField::Title: limit = kTitleMax; break;
        case TextField::Description: limit = kDescriptionMax; break;
        case TextField::Author: limit = kAuthorMax; break;
        case TextField::Reason: limit = kReasonMax; break;
        case TextField::Other: limit = kOtherMax; break;
    }
    const std::string name = fieldName(field);
    if (field == TextField::Title && (count == 0 || !hasVisibleText(cleaned))) {
        throw RuleError("title_empty", "the title is empty");
    }
    if (count > limit) {
        throw RuleError(name + "_too_long", name + " has " + std::to_string(count) + " characters; at most " +
                                                std::to_string(limit) + " are allowed");
    }
}

bool hasVisibleText(std::string_view cleaned) {
    CodePoints cps;
    if (!decode(cleaned, cps)) return false;
    for (auto cp : cps) {
        // Hangul fillers and the blank Braille pattern are letters and symbols that draw nothing.
        if (cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 || cp == 0x2800) continue;
        const auto category = utf8proc_category(cp);
        if ((category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO) ||
            (category >= UTF8PROC_CATEGORY_ND && category <= UTF8PROC_CATEGORY_SO)) {
            return true;
        }
    }
    return false;
}

// [SECTION] Untrusted text in messages

std::string printableLine(std::string_view text, std::size_t maxChars) {
    static const char* kHex = "0123456789ABCDEF";
    std::string out;
    std::size_t chars = 0;
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    auto remaining = static_cast<utf8proc_ssize_t>(text.size());
    while (remaining > 0) {
        utf8proc_int32_t cp = -1;
        utf8proc_ssize_t n = utf8proc_iterate(bytes, remaining, &cp);
        std::string unit;
        if (n <= 0 || cp < 0) {
            // Not UTF-8: show the byte, and go on with the next one.
            unit = std::string("\\x") + kHex[bytes[0] >> 4] + kHex[bytes[0] & 0xF];
            n = 1;
        } else if (cp == '\n') {
            unit = "\\n";
        } else if (cp == '\r') {
            unit = "\\r";
        } else if (cp == '\t') {
            unit = "\\t";
        } else if (cp < 0x80 && isControl(cp)) {
            unit = std::string("\\x") + kHex[cp >> 4] + kHex[cp & 0xF];
        } else if (isControl(cp) || isInvisibleFormat(cp) || isLineBreak(cp) ||
                   (utf8proc_category(cp) == UTF8PROC_CATEGORY_CF && cp != 0x200C && cp != 0x200D)) {
            char hex[16];
            std::snprintf(hex, sizeof hex, "\\u{%X}", static_cast<unsigned>(cp));
            unit = hex;
        } else {
            unit.assign(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(n));
        }
        const std::size_t unitChars = unit.front() == '\\' ? unit.size() : 1;
        if (chars + unitChars + 1 > maxChars && (remaining > n || chars + unitChars > maxChars)) {
            out += "…";
            break;
        }
        out += unit;
        chars += unitChars;
        bytes += n;
        remaining -= n;
    }
    return out;
}

std::string quoteUntrusted(std::string_view text, std::size_t maxChars) { return "'" + printableLine(text, maxChars) + "'"; }

// [SECTION] Folding for comparison

bool nfcCodePoints(std::string_view text, std::u32string& out) {
    out.clear();
    CodePoints cps;
    if (!decode(text, cps)) return false;
    // Drop what cleanText drops, before composing as cleanText does, so a draft folds like the stored title
    // (and a joiner hidden inside a word cannot split it).
    std::string utf8;
    for (auto cp : cps) {
        if (isInvisibleFormat(cp) || (isControl(cp) && !isSpace(cp) && !isLineBreak(cp))) continue;
        append(utf8, cp);
    }
    decode(nfc(utf8), cps);
    out.reserve(cps.size());
    for (auto cp : cps) out.push_back(static_cast<char32_t>(cp));
    return true;
}

bool isWordCodePoint(char32_t cp) {
    const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    return (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO) ||
           isMark(static_cast<utf8proc_int32_t>(cp)) || category == UTF8PROC_CATEGORY_ND;
}

bool isLetterCodePoint(char32_t cp) {
    const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    return category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO;
}

bool isFormatCodePoint(char32_t cp) {
    return utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_CF;
}

void appendFolded(std::u32string& out, char32_t cp) {
    if (cp == 0x00DF || cp == 0x1E9E) {
        out += U"ss";
        return;
    }
    if (cp == 0x0401 || cp == 0x0451) {
        out += kCyrillicIe;
        return;
    }
    // Stated rather than left to the tables: İ must never fold to "i̇" (i with a combining dot).
    if (cp == 0x0130 || cp == 'I') {
        out += U'i';
        return;
    }
    out += static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp)));
}

std::string toUtf8(std::u32string_view text) {
    std::string out;
    for (auto cp : text) append(out, static_cast<utf8proc_int32_t>(cp));
    return out;
}

std::string foldForCompare(std::string_view text) { return toUtf8(foldedCodePoints(text)); }

namespace {

// Whether a diaeresis (combining class 230) behind this mark still reaches the letter before it when composing:
// NFC lets a mark pass only marks of a lower, non-zero class.
bool markPassesOn(char32_t cp) {
    const auto combiningClass = utf8proc_get_property(static_cast<utf8proc_int32_t>(cp))->combining_class;
    return combiningClass != 0 && combiningClass < 230;
}

// One pass of the per-letter folding over composed code points. Returns whether a letter it changed stands
// before combining marks: there composing again can merge them into a letter the pass has not seen
// (Ё + ◌̀ → е + ◌̀ → ѐ). The one fold that takes a diacritic off, ё → е, would come back with every
// diaeresis left after it (е + ◌̈ is ё), so those are dropped here in one go rather than one per round.
bool foldPass(const std::u32string& cps, std::u32string& out) {
    out.clear();
    bool recompose = false;
    bool changedBeforeMarks = false;
    bool diaeresisReachesE = false;
    for (const char32_t original : cps) {
        // Turkish dotted and dotless i would otherwise fold apart; for "same idea?" they are one.
        const char32_t cp = original == 0x0131 ? U'i' : original;
        if (!isWordCodePoint(cp)) {
            if (!out.empty() && out.back() != U' ') out += U' ';
            changedBeforeMarks = diaeresisReachesE = false;
            continue;
        }
        const bool mark = isMark(static_cast<utf8proc_int32_t>(cp));
        if (cp == 0x0308 && diaeresisReachesE) {
            changedBeforeMarks = true;  // marks behind it may reach the е now
            continue;
        }
        if (mark && changedBeforeMarks) recompose = true;
        const std::size_t before = out.size();
        appendFolded(out, cp);
        const bool changed = out.size() != before + 1 || out.back() != original;
        changedBeforeMarks = changed || (mark && changedBeforeMarks);
        diaeresisReachesE = mark ? diaeresisReachesE && markPassesOn(cp) : out.back() == kCyrillicIe;
    }
    while (!out.empty() && out.back() == U' ') out.pop_back();
    return recompose;
}

}  // namespace

std::u32string foldedCodePoints(std::string_view text) {
    std::u32string cps;
    if (!nfcCodePoints(text, cps)) return {};
    std::u32string out;
    // Folding the folded text must change nothing (a stored title_fold is compared with a fresh one), so a
    // pass whose changes meet combining marks is composed and folded again. What composes then is a lower-case
    // letter that folds to itself (ё cannot come back, see foldPass), so the second round changes nothing that
    // needs a third; the bound is only a guard.
    for (int round = 0; foldPass(cps, out) && round < 8; ++round) nfcCodePoints(toUtf8(out), cps);
    return out;
}

}  // namespace storage
