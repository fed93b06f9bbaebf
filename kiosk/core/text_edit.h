// Editing the draft text: appending typed or pasted text within a limit, and deleting whole characters.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::core {

struct InsertResult {
    bool changed = false;
    bool truncated = false;  ///< some input did not fit the limit (the UI says so)
};

/// Appends `input` to `text`: invalid UTF-8 and control characters are dropped (line breaks only when
/// `multiline`), and no more than `limit` code points are kept in total.
InsertResult appendText(std::string& text, std::string_view input, std::size_t limit, bool multiline);

/// Removes the last user-perceived character (a grapheme cluster: a base letter with its combining marks,
/// an emoji with its modifiers and joiners, a Hangul syllable), never half of one.
bool removeLastCharacter(std::string& text);

/// `text` as valid UTF-8 of at most `maxChars` code points for a label: a longer text is cut after its last
/// whole character (grapheme cluster) that fits and ends with "…"; bytes that are not UTF-8 are dropped.
std::string shortenForDisplay(std::string_view text, std::size_t maxChars);

/// The UTF-8 bytes of the code points a keyboard delivered (GLFW's character callback, ImGui's input queue);
/// values that are not Unicode scalar values (surrogates, above U+10FFFF) are dropped.
std::string utf8FromCodepoints(const unsigned int* codepoints, std::size_t count);

/// True where the next letter typed should be a capital: at the start of `text` (nothing but spaces so far) and,
/// when `sentences`, after a sentence's end (". ", "! ", "? " or a line break).
bool wantsCapital(std::string_view text, bool sentences);

/// One code point of a UTF-8 string and the byte offset where it starts.
struct DecodedChar {
    std::int32_t cp;
    std::size_t offset;
};
/// Decodes UTF-8, skipping broken bytes (they are neither typed nor shown).
std::vector<DecodedChar> decode(std::string_view text);

/// Number of code points, the unit every limit is counted in.
std::size_t characterCount(std::string_view text);

/// Auto-repeat of a held backspace: the first repeat after 0.5 s, then every 80 ms.
struct KeyRepeat {
    double pressedAt = -1.0;
    int fired = 0;
    void press(double now);
    void release();
    /// How many removals are due at `now` (0 when not held).
    int due(double now);
};

}  // namespace kiosk::core
