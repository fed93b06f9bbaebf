// Text at the storage boundary: UTF-8 validation, NFC, removal of control and bidi characters,
// limits in code points, and the Turkish-aware folding used for duplicate detection.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace storage {

/// Limits counted in characters (Unicode code points), not bytes.
constexpr std::size_t kTitleMax = 120;
constexpr std::size_t kDescriptionMax = 1000;
constexpr std::size_t kAuthorMax = 60;
constexpr std::size_t kReasonMax = 1000;  ///< a moderator's reason in the log
constexpr std::size_t kOtherMax = 200;    ///< venue, dates, category keys and names

/// True when `text` is well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF).
bool isValidUtf8(std::string_view text);

/// Number of code points in valid UTF-8.
std::size_t codepointCount(std::string_view text);

enum class TextField { Title, Description, Author, Reason, Other };

/// Cleans one field for storage: rejects invalid UTF-8 (RuleError "invalid_utf8"), normalises to NFC,
/// removes control characters (keeping line breaks only in descriptions and reasons, tabs become spaces),
/// removes bidi embedding/override/isolate characters, trims, and collapses runs of spaces in
/// single-line fields. Does not check length; see checkLength.
std::string cleanText(std::string_view text, TextField field);

/// Throws RuleError ("title_empty", "title_too_long", "description_too_long", "author_too_long",
/// "reason_too_long", "text_too_long") with a message that names the limit in characters. A title without a
/// visible character is empty.
void checkLength(std::string_view cleaned, TextField field);

/// True when cleaned text has at least one visible character: a letter, digit, punctuation mark or symbol
/// (not only joiners, combining marks, tag characters or blank fillers such as U+3164).
bool hasVisibleText(std::string_view cleaned);

/// Untrusted text for an error message or a log line, in single quotes: one line of valid UTF-8 whatever
/// the input, with control, bidi and invisible characters and bytes that are not UTF-8 shown as escapes
/// (\n, \x1B, \u{202E}), shortened to about `maxChars` characters with "…".
std::string quoteUntrusted(std::string_view text, std::size_t maxChars = 40);

/// The same escaping without quotes, for a whole message (the command line's last line of defence). Applying
/// it again changes nothing.
std::string printableLine(std::string_view text, std::size_t maxChars = 500);

/// Folding for "is this the same idea": NFC, case folding where I, ı, İ and i are all the same letter,
/// ß = ss, ё = е, punctuation and runs of white space become one space, trimmed.
std::string foldForCompare(std::string_view text);

/// foldForCompare's result as code points (the similarity index works on those).
std::u32string foldedCodePoints(std::string_view text);

// [SECTION] Pieces of the folding, shared with the word lists (storage/wordlist.h)

/// Decodes `text` strictly and composes it to NFC, as code points. False (and `out` empty) for invalid UTF-8.
bool nfcCodePoints(std::string_view text, std::u32string& out);

/// Letters, combining marks and decimal digits: what words are made of. Everything else separates words.
bool isWordCodePoint(char32_t cp);

/// True for letters (Unicode categories Lu, Ll, Lt, Lm, Lo).
bool isLetterCodePoint(char32_t cp);

/// Format characters (Cf) such as the soft hyphen or a zero-width space: invisible, they neither make nor
/// split a word.
bool isFormatCodePoint(char32_t cp);

/// Lower-cases one code point for comparison and appends it to `out`: ß and ẞ become "ss", Ё and ё become е, İ becomes i and
/// I becomes i; dotless ı stays ı (callers that must treat the Turkish letters specially check for I and ı
/// before calling).
void appendFolded(std::u32string& out, char32_t cp);

/// Encodes code points as UTF-8.
std::string toUtf8(std::u32string_view text);

}  // namespace storage
