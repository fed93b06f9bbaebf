// Word lists: loading the organisers' files and finding their entries in a text as whole words.
#include "storage/wordlist.h"

#include "storage/text.h"
#include "storage/types.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace storage {

namespace {

// [SECTION] Characters

constexpr char32_t kDotlessI = 0x0131;
constexpr char32_t kEuro = 0x20AC;

// A leetspeak character and the letters it may stand for, the usual one first. Inside a word with letters
// the character counts as itself or as any of these.
struct Leet {
    char32_t symbol;
    std::array<char32_t, 3> letters;
};
constexpr Leet kLeet[] = {
    {U'0', {U'o'}}, {U'1', {U'i', U'l', kDotlessI}}, {U'3', {U'e'}}, {U'4', {U'a'}}, {U'5', {U's'}},
    {U'7', {U't'}}, {U'8', {U'b'}}, {U'9', {U'g'}}, {U'@', {U'a'}}, {U'$', {U's'}}, {kEuro, {U'e'}}, {U'!', {U'i'}},
};

const Leet* leetOf(char32_t cp) {
    for (const auto& leet : kLeet) {
        if (leet.symbol == cp) return &leet;
    }
    return nullptr;
}

// Symbols that are not word characters but may stand inside a word as leetspeak ("sh!t", "@rsch", "a$$").
bool isLeetSymbol(char32_t cp) { return cp == U'@' || cp == U'$' || cp == kEuro || cp == U'!'; }

bool isLineBreak(char32_t cp) { return cp == U'\n' || cp == U'\r' || cp == 0x2028 || cp == 0x2029; }

bool hasLetter(std::u32string_view cps) { return std::any_of(cps.begin(), cps.end(), isLetterCodePoint); }

// How a word reads leetspeak: symbols whenever it has a letter ("a$$"), digits only when it has two letters
// or more ("sh1t"), so "A5", "G8" or "S04" stay names with a number and "2026" a year.
struct LeetReading {
    bool symbols = false;
    bool digits = false;
    explicit LeetReading(std::u32string_view cps) {
        const auto letters = std::count_if(cps.begin(), cps.end(), isLetterCodePoint);
        symbols = letters >= 1;
        digits = letters >= 2;
    }
    const Leet* of(char32_t cp) const {
        const Leet* leet = leetOf(cp);
        if (!leet) return nullptr;
        return (isLeetSymbol(cp) ? symbols : digits) ? leet : nullptr;
    }
};

// [SECTION] Words

// A word of the text as typed (NFC, format characters dropped) and where it stands, in code points.
struct RawWord {
    std::u32string cps;
    std::size_t begin = 0;
    std::size_t end = 0;
};

// Splits NFC text at everything that is neither a word character nor a leet symbol. An exclamation mark
// at either end of a word is punctuation ("Idiot!"), not an i.
std::vector<RawWord> splitWords(const std::u32string& text) {
    std::vector<RawWord> words;
    RawWord current;
    auto flush = [&](std::size_t end) {
        auto& cps = current.cps;
        while (!cps.empty() && cps.back() == U'!') cps.pop_back();
        std::size_t lead = 0;
        while (lead < cps.size() && cps[lead] == U'!') ++lead;
        cps.erase(0, lead);
        if (!cps.empty()) {
            current.end = end;
            words.push_back(std::move(current));
        }
        current = RawWord{};
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char32_t cp = text[i];
        if (isFormatCodePoint(cp)) continue;
        if (isWordCodePoint(cp) || isLeetSymbol(cp)) {
            if (current.cps.empty()) current.begin = i;
            current.cps += cp;
            continue;
        }
        flush(i);
    }
    flush(text.size());
    return words;
}

// One word of a list entry, folded to the exact letters a text must show: leetspeak written into a list
// counts as its usual letter, and only the Turkish list lower-cases I to ı (elsewhere ı is read as i).
std::u32string foldEntryWord(std::u32string_view cps, bool turkish) {
    const LeetReading leetReading(cps);
    std::u32string out;
    for (char32_t cp : cps) {
        if (const Leet* leet = leetReading.of(cp)) {
            out += leet->letters[0];
            continue;
        }
        if (cp == U'I' && turkish) {
            out += kDotlessI;
        } else if (cp == kDotlessI && !turkish) {
            out += U'i';
        } else {
            appendFolded(out, cp);
        }
    }
    return out;
}

// [SECTION] Matching

// The letters one character of the text may stand for (itself folded, and its leetspeak readings).
struct Readings {
    std::array<char32_t, 4> letters{};
    std::uint8_t count = 0;

    void add(char32_t c) {
        if (!has(c) && count < letters.size()) letters[count++] = c;
    }
    bool has(char32_t c) const { return std::find(letters.begin(), letters.begin() + count, c) != letters.begin() + count; }
    bool operator==(const Readings& other) const {
        return count == other.count && std::equal(letters.begin(), letters.begin() + count, other.letters.begin());
    }
};

// Consecutive characters with the same readings. Three or more are taken as a held key ("fuuuck", "!!!"),
// which may stand for fewer letters; one or two must match exactly ("Boot" is not "bot").
struct Run {
    Readings readings;
    std::size_t count = 0;
    bool held() const { return count >= 3; }
};

struct TextWord {
    std::vector<Run> runs;
    std::size_t minLetters = 0;
    std::size_t maxLetters = 0;
};

TextWord readWord(std::u32string_view cps) {
    const LeetReading leetReading(cps);
    std::vector<Readings> chars;
    for (char32_t cp : cps) {
        Readings r;
        if (const Leet* leet = leetReading.of(cp)) {
            r.add(cp);
            for (char32_t c : leet->letters) {
                if (c) r.add(c);
            }
            chars.push_back(r);
        } else if (cp == U'I') {
            // Capital I is i in German and English and ı in Turkish; the text does not say which.
            r.add(U'i');
            r.add(kDotlessI);
            chars.push_back(r);
        } else {
            std::u32string folded;
            appendFolded(folded, cp);
            for (char32_t c : folded) {
                Readings one;
                one.add(c);
                chars.push_back(one);
            }
        }
    }
    TextWord word;
    for (const auto& r : chars) {
        if (!word.runs.empty() && word.runs.back().readings == r) {
            ++word.runs.back().count;
        } else {
            word.runs.push_back({r, 1});
        }
    }
    for (const auto& run : word.runs) {
        word.minLetters += run.held() ? 1 : run.count;
        word.maxLetters += run.count;
    }
    return word;
}

// Outside the Turkish list, a dotless ı in the text reads as i (it looks like one).
bool accepts(const Readings& r, char32_t letter, bool turkish) {
    return r.has(letter) || (!turkish && letter == U'i' && r.has(kDotlessI));
}

// Whether the text word spells exactly `entry`: each run covers its count of letters, a held run between
// one and its count.
bool wordMatches(const TextWord& word, const std::u32string& entry, bool turkish) {
    const std::size_t n = entry.size();
    if (n < word.minLetters || n > word.maxLetters) return false;
    std::vector<char> reach(n + 1, 0), next(n + 1, 0);
    reach[0] = 1;
    for (const auto& run : word.runs) {
        std::fill(next.begin(), next.end(), 0);
        bool any = false;
        for (std::size_t j = 0; j < n; ++j) {
            if (!reach[j]) continue;
            const std::size_t least = run.held() ? 1 : run.count;
            for (std::size_t k = 1; k <= run.count && j + k <= n; ++k) {
                if (!accepts(run.readings, entry[j + k - 1], turkish)) break;
                if (k >= least) {
                    next[j + k] = 1;
                    any = true;
                }
            }
        }
        if (!any) return false;
        reach.swap(next);
    }
    return reach[n] != 0;
}

// Single characters with at most this many separators between them are read as one spelled-out word.
constexpr std::size_t kSpelledGap = 3;
constexpr std::size_t kSpelledMin = 3;
constexpr std::size_t kSpelledMax = 24;

bool startsLine(const std::u32string& text, std::size_t from, std::size_t to) {
    return std::any_of(text.begin() + static_cast<std::ptrdiff_t>(from), text.begin() + static_cast<std::ptrdiff_t>(to),
                       isLineBreak);
}

std::string where(const std::string& path, int line) { return "word list " + path + ", line " + std::to_string(line); }

std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t");
    return std::string(text.substr(first, last - first + 1));
}

// A comment starts with '#' at the beginning of the line or after white space.
std::string_view withoutComment(std::string_view line) {
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) return line.substr(0, i);
    }
    return line;
}

std::u32string joinedKey(const std::vector<std::u32string>& words) {
    std::u32string key;
    for (const auto& w : words) {
        if (!key.empty()) key += U' ';
        key += w;
    }
    return key;
}

}  // namespace

// [SECTION] Loading

void WordList::add(std::string_view entry, const std::string& language, const std::string& file, int line) {
    const std::string context = file.empty() ? "word list entry" : where(file, line);
    std::u32string cps;
    if (!nfcCodePoints(entry, cps)) throw RuleError("wordlist_invalid_utf8", context + ": not valid UTF-8");
    Entry e;
    e.source = {trimmed(entry), file, line, language};
    e.turkish = language == "tr";
    for (const auto& word : splitWords(cps)) e.words.push_back(foldEntryWord(word.cps, e.turkish));
    if (e.words.empty()) {
        throw RuleError("wordlist_bad_entry", context + ": '" + e.source.text + "' has no letters or digits");
    }
    const std::u32string key = joinedKey(e.words);
    const bool known = std::any_of(m_entries.begin(), m_entries.end(),
                                   [&](const Entry& other) { return joinedKey(other.words) == key; });
    if (!known) m_entries.push_back(std::move(e));
}

std::size_t WordList::addFile(std::string_view content, const std::string& path, const std::string& language) {
    if (content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);
    struct Line {
        std::string text;
        int number;
    };
    std::vector<Line> lines;
    int number = 0;
    while (!content.empty()) {
        ++number;
        const auto end = content.find('\n');
        std::string_view line = content.substr(0, end);
        content.remove_prefix(end == std::string_view::npos ? content.size() : end + 1);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (!isValidUtf8(line)) throw RuleError("wordlist_invalid_utf8", where(path, number) + ": not valid UTF-8");
        std::string text = trimmed(withoutComment(line));
        if (!text.empty()) lines.push_back({std::move(text), number});
    }
    // All or nothing: a bad line anywhere leaves the list as it was.
    WordList checked = *this;
    for (const auto& line : lines) checked.add(line.text, language, path, line.number);
    m_entries = std::move(checked.m_entries);
    return lines.size();
}

WordList WordList::loadFolder(const std::string& folder) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) throw RuleError("wordlist_missing", "word list folder " + folder + " does not exist");
    WordList list;
    list.m_folder = folder;
    bool any = false;
    for (const auto& language : knownLanguages()) {
        WordListFile file;
        file.path = (fs::path(folder) / (language + ".txt")).string();
        file.language = language;
        if (fs::exists(file.path, ec)) {
            std::ifstream in(file.path, std::ios::binary);
            std::ostringstream content;
            content << in.rdbuf();
            if (!in || !content) throw RuleError("wordlist_unreadable", "cannot read word list " + file.path);
            file.entries = list.addFile(content.str(), file.path, language);
            file.present = true;
            any = true;
        }
        list.m_files.push_back(file);
    }
    if (!any) throw RuleError("wordlist_missing", "no de.txt, tr.txt or en.txt in word list folder " + folder);
    return list;
}

// [SECTION] Finding entries

std::vector<WordListEntry> WordList::find(std::string_view text) const {
    std::u32string cps;
    if (!nfcCodePoints(text, cps)) throw RuleError("invalid_utf8", "text is not valid UTF-8");
    const std::vector<RawWord> raw = splitWords(cps);
    std::vector<TextWord> words;
    words.reserve(raw.size());
    for (const auto& w : raw) words.push_back(readWord(w.cps));

    std::vector<std::pair<std::size_t, std::size_t>> hits;  // (position in the text, entry index)
    for (std::size_t i = 0; i < words.size(); ++i) {
        for (std::size_t e = 0; e < m_entries.size(); ++e) {
            const auto& entry = m_entries[e];
            if (i + entry.words.size() > words.size()) continue;
            bool all = true;
            for (std::size_t k = 0; all && k < entry.words.size(); ++k) {
                all = wordMatches(words[i + k], entry.words[k], entry.turkish);
            }
            if (all) hits.emplace_back(raw[i].begin, e);
        }
    }

    // Spelled out: a stretch of single characters, each close to the next on the same line.
    for (std::size_t a = 0; a < raw.size();) {
        std::size_t b = a;
        while (b < raw.size() && raw[b].cps.size() == 1 &&
               (b == a || (raw[b].begin - raw[b - 1].end <= kSpelledGap && !startsLine(cps, raw[b - 1].end, raw[b].begin)))) {
            ++b;
        }
        // The longest tail of the stretch that spells an entry: "you are a i d i o t" spells "idiot" after the
        // article, while letters inside the stretch ("s c u n t h o r p e") are not a word of their own.
        for (std::size_t s = b - std::min(b - a, kSpelledMax); b - a >= kSpelledMin && s + kSpelledMin <= b; ++s) {
            std::u32string joined;
            for (std::size_t t = s; t < b; ++t) joined += raw[t].cps;
            if (!hasLetter(joined)) continue;
            const TextWord word = readWord(joined);
            bool spelled = false;
            for (std::size_t e = 0; e < m_entries.size(); ++e) {
                const auto& entry = m_entries[e];
                if (entry.words.size() == 1 && wordMatches(word, entry.words[0], entry.turkish)) {
                    hits.emplace_back(raw[s].begin, e);
                    spelled = true;
                }
            }
            if (spelled) break;
        }
        a = b > a ? b : a + 1;
    }

    std::stable_sort(hits.begin(), hits.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    std::vector<WordListEntry> found;
    std::set<std::size_t> seen;
    for (const auto& [position, e] : hits) {
        if (seen.insert(e).second) found.push_back(m_entries[e].source);
    }
    return found;
}

std::vector<std::string> WordList::matches(std::string_view text) const {
    std::vector<std::string> result;
    for (auto& entry : find(text)) result.push_back(std::move(entry.text));
    return result;
}

}  // namespace storage
