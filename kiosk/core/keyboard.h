// The on-screen keyboard model: one layout per language (German QWERTZ, Turkish Q, English, Russian and Ukrainian
// ЙЦУКЕН, Polish, Kurmanji, Arabic), shift, caps lock, symbols.
#pragma once

#include <string>
#include <vector>

namespace kiosk::core {

enum class KeyboardLayout { German, Turkish, English, Russian, Ukrainian, Polish, Kurmanji, Arabic };

/// The layout that fits a language code ("de", "tr", "uk" …); German for a language without a layout of its own.
KeyboardLayout layoutForLanguage(const std::string& language);
/// Every layout, in the order the layout key cycles through them.
std::vector<KeyboardLayout> allLayouts();

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
/// Unicode's upper case except where the layout says otherwise: Turkish i becomes İ and ı becomes I; ß stays ß;
/// Kurmanji i becomes I. Arabic has no
/// capitals: its shift page holds the vowel marks and the hamza forms of the Arabic PC layout, and is never shown
/// automatically.
struct KeyboardModel {
    KeyboardLayout layout = KeyboardLayout::German;
    bool shift = false;
    bool capsLock = false;
    bool symbols = false;
    bool autoShift = false;  ///< shift was set by autoCapitalise(), not by the attendee

    std::vector<std::vector<Key>> rows() const;
    KeyAction press(const Key& key);
    /// The translation key ("keyboard.shift" …) for a function key's label, or "" for a character key.
    std::string labelKey(const Key& key, bool multiline) const;
    void reset(KeyboardLayout newLayout);
    /// Shows capitals for the next letter when `wanted` (start of a field or a sentence) and takes automatic
    /// capitals back when not. Caps lock and a shift the attendee set stay as they are. Tapping shift while the
    /// capitals are automatic keeps them for the one letter (a second tap locks, as always).
    void autoCapitalise(bool wanted);
};

}  // namespace kiosk::core
