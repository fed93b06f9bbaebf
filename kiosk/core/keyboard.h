// The on-screen keyboard model: the layouts come from assets/i18n/<code>.toml ([keyboard.layout]: rows of keys, the
// label, case rules), shift, caps lock, symbols.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace kiosk::core {

/// One language's keyboard, as read from the [keyboard.layout] table of its translation file.
struct KeyboardLayout {
    std::string code;                               ///< the language code whose keyboard this is ("de", "tr" …)
    std::string label;                              ///< on the layout key ("DE", "ع")
    std::vector<std::vector<std::string>> letters;  ///< three rows of lower-case keys, left to right
    std::map<std::string, std::string> upper;       ///< exceptions to the Unicode upper case of a key (i → İ)
    std::vector<std::string> quotes;                ///< the language's quotes and marks on the symbols page
    bool capitals = true;                           ///< false: shift is a second page, never switched on by itself
};

/// Every keyboard known to the kiosk, in the order the layout key cycles through them, and which one each language
/// uses (its own, or another language's through `layout = "de"`).
class KeyboardLayouts {
public:
    /// Reads the keyboards of `languages` (in that order) from `folder`/<code>.toml. Throws std::runtime_error with
    /// one message naming the file and the key on a missing or broken table.
    static KeyboardLayouts load(const std::string& folder, const std::vector<std::string>& languages);

    /// Layouts in cycle order.
    const std::vector<KeyboardLayout>& layouts() const { return m_layouts; }
    /// The layout with this code, or nullptr.
    const KeyboardLayout* find(const std::string& code) const;
    /// The code of the layout `language` uses: its own, the one its file names, else the first (German).
    std::string layoutFor(const std::string& language) const;

private:
    std::vector<KeyboardLayout> m_layouts;
    std::map<std::string, std::string> m_uses;  // language -> layout code
};

/// Installs the keyboards every KeyboardModel uses. Called once at start (from the loaded assets) before any thread
/// or frame reads them; until then there are none and the keyboard has only its function keys.
void setKeyboardLayouts(KeyboardLayouts layouts);
const KeyboardLayouts& keyboardLayouts();

/// The code of the layout that fits a language code ("de", "de-einfach" → "de"; "uk" → "uk").
std::string layoutForLanguage(const std::string& language);
/// Every layout's code, in the order the layout key cycles through them.
std::vector<std::string> allLayouts();

enum class KeyKind { Character, Shift, Backspace, Space, Enter, Symbols, NextLayout };

/// One key of the current page; for a Character key `text` is exactly what it types and what it shows.
/// Function keys (shift, backspace …) have no text: the view labels them in the attendee's language.
struct Key {
    KeyKind kind = KeyKind::Character;
    std::string text;
    float width = 1.0f;  ///< in key units; a row's widths add up to the same total
    std::string id;      ///< stable, e.g. "key:a", "key:shift" (for tests and automation)
};

/// What pressing a key means for the draft.
struct KeyAction {
    enum class Kind { None, Insert, Backspace, Enter } kind = Kind::None;
    std::string text;
};

/// Shift applies to one letter; a second tap on shift locks capitals, a third releases them. Capitals are
/// Unicode's upper case except where the layout's `upper` says otherwise (Turkish i becomes İ and ı becomes I; ß
/// stays ß). A layout without capitals (Arabic: its shift page holds the vowel marks and the hamza forms of the
/// Arabic PC layout) never shows its shift page automatically.
struct KeyboardModel {
    std::string layout = "de";  ///< the code of a layout of keyboardLayouts()
    bool shift = false;
    bool capsLock = false;
    bool symbols = false;
    bool autoShift = false;  ///< shift was set by autoCapitalise(), not by the attendee

    std::vector<std::vector<Key>> rows() const;
    KeyAction press(const Key& key);
    /// The translation key ("keyboard.shift" …) for a function key's label, or "" for a character key.
    std::string labelKey(const Key& key, bool multiline) const;
    void reset(const std::string& newLayout);
    /// Shows capitals for the next letter when `wanted` (start of a field or a sentence) and takes automatic
    /// capitals back when not. Caps lock and a shift the attendee set stay as they are. Tapping shift while the
    /// capitals are automatic keeps them for the one letter (a second tap locks, as always).
    void autoCapitalise(bool wanted);
};

}  // namespace kiosk::core
