// Word lists the organisers edit (assets/wordlists/{de,tr,en}.txt): which listed words or phrases a text
// contains, as whole words, after folding case (Turkish-aware), ß and common leetspeak.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace storage {

/// One line of a word list.
struct WordListEntry {
    std::string text;      ///< as written in the file (trimmed, without its comment)
    std::string file;      ///< the file's name, e.g. "de.txt"
    int line = 0;          ///< 1-based line number in that file
    std::string language;  ///< "de", "tr" or "en": Turkish lists lower-case I to ı
};

/// One file a list was loaded from, for `wordlist show`.
struct WordListFile {
    std::string path;
    std::string language;
    bool present = false;      ///< false: the folder has no such file (its language contributes nothing)
    std::size_t entries = 0;   ///< entries read from it (duplicates of earlier entries included)
};

/// Words and phrases that put an idea before the moderators. Nothing is ever rejected because of them.
///
/// Matching folds list and text alike: NFC; case, where I is i or ı and İ is i, and the Turkish list keeps
/// i and ı apart ("sık" is not "sik"); ß as ss; invisible format characters (soft hyphen, zero-width space)
/// dropped. Common leetspeak counts as the letter it stands for (0 o, 1 i/l, 3 e, 4 a, 5 s, 7 t, 8 b, 9 g,
/// @ a, $ s, € e, ! i): symbols in any word with a letter, digits only in words with two letters or more,
/// so "1d10t" is "idiot" and "a$$" is "ass", while "2026", "A5" and "S04" stay what they are. A letter held for three or more characters ("fuuuck") may stand for fewer. Only whole words match:
/// an entry of n words matches n consecutive words of the text, so "Scunthorpe", "Klassenfahrt" or "sıkıcı"
/// never match a shorter entry hidden inside them. Letters spelled out one by one with a short separator
/// ("s c h e i s s e", "a.r.s.c.h") are joined and compared with one-word entries.
class WordList {
public:
    /// Loads de.txt, tr.txt and en.txt from `folder`. A missing file is recorded in files() and skipped.
    /// Throws RuleError: "wordlist_missing" when the folder or all three files are missing,
    /// "wordlist_unreadable", and the errors of addFile (which name the file and line).
    static WordList loadFolder(const std::string& folder);

    /// Adds the entries of one file's `content` and returns how many lines held one: UTF-8, one word or phrase per line; `#` at the start of a
    /// line or after white space starts a comment; blank lines are ignored; a UTF-8 byte order mark and CRLF
    /// line ends are accepted. `path` names the file in errors and entries. Throws RuleError
    /// "wordlist_invalid_utf8" or "wordlist_bad_entry" (no letters or digits) naming `path` and the line;
    /// nothing is added then.
    std::size_t addFile(std::string_view content, const std::string& path, const std::string& language);

    /// Adds one entry (tests, and the loader).
    void add(std::string_view entry, const std::string& language, const std::string& file = {}, int line = 0);

    /// The entries found in `text`, each once, in the order they first occur. Text that is not valid UTF-8
    /// throws RuleError("invalid_utf8"); the store only passes text it has cleaned.
    std::vector<WordListEntry> find(std::string_view text) const;
    /// The same, as the entries' text as written in the file.
    std::vector<std::string> matches(std::string_view text) const;

    std::size_t size() const { return m_entries.size(); }
    bool empty() const { return m_entries.empty(); }
    const std::string& folder() const { return m_folder; }
    const std::vector<WordListFile>& files() const { return m_files; }

private:
    struct Entry {
        WordListEntry source;
        std::vector<std::u32string> words;  ///< folded, one per word
        bool turkish = false;
    };
    std::vector<Entry> m_entries;            ///< without duplicates (same folded words)
    std::vector<WordListFile> m_files;
    std::string m_folder;
};

}  // namespace storage
