// Layout tables and shift rules of the on-screen keyboard.
#include "kiosk/core/keyboard.h"

#include <utf8proc.h>

#include <map>

namespace kiosk::core {

namespace {

struct LayoutTable {
    KeyboardLayout layout;
    const char* language;                           // the language code whose keyboard this is
    const char* label;                              // on the layout key
    std::vector<std::vector<std::string>> letters;  // three rows of lower-case letters
    std::map<std::string, std::string> upper;       // exceptions to the Unicode upper case of a letter
    std::vector<std::string> extraSymbols;          // layout-specific quotes on the symbols page
};

// Every layout, in the order the layout key cycles through them. A new language adds one entry here.
const std::vector<LayoutTable>& tables() {
    static const std::vector<LayoutTable> all{
        {KeyboardLayout::German, "de", "DE",
         {{"q", "w", "e", "r", "t", "z", "u", "i", "o", "p", "ü"},
          {"a", "s", "d", "f", "g", "h", "j", "k", "l", "ö", "ä"},
          {"y", "x", "c", "v", "b", "n", "m", "ß", "-"}},
         {{"ß", "ß"}, {"-", "_"}},  // ß has no capital on a German keyboard (ẞ is rare)
         {"„", "“"}},
        // Turkish: i and ı are two letters; their capitals are İ and I.
        {KeyboardLayout::Turkish, "tr", "TR",
         {{"q", "w", "e", "r", "t", "y", "u", "ı", "o", "p", "ğ", "ü"},
          {"a", "s", "d", "f", "g", "h", "j", "k", "l", "ş", "i"},
          {"z", "x", "c", "v", "b", "n", "m", "ö", "ç", "-"}},
         {{"ı", "I"}, {"i", "İ"}, {"-", "_"}},
         {"“", "”"}},
        {KeyboardLayout::English, "en", "EN",
         {{"q", "w", "e", "r", "t", "y", "u", "i", "o", "p"},
          {"a", "s", "d", "f", "g", "h", "j", "k", "l"},
          {"z", "x", "c", "v", "b", "n", "m", "-"}},
         {{"-", "_"}},
         {"“", "”"}},
        // Russian ЙЦУКЕН, with ё (often left out of printed keyboards, but part of names and words).
        {KeyboardLayout::Russian, "ru", "RU",
         {{"й", "ц", "у", "к", "е", "н", "г", "ш", "щ", "з", "х", "ъ"},
          {"ф", "ы", "в", "а", "п", "р", "о", "л", "д", "ж", "э"},
          {"я", "ч", "с", "м", "и", "т", "ь", "б", "ю", "ё"}},
         {},
         {"«", "»"}},
        // Ukrainian ЙЦУКЕН: ї є і ґ in place of the Russian ъ э ы, and the apostrophe that is part of words (м’ята).
        {KeyboardLayout::Ukrainian, "uk", "UK",
         {{"й", "ц", "у", "к", "е", "н", "г", "ш", "щ", "з", "х", "ї"},
          {"ф", "і", "в", "а", "п", "р", "о", "л", "д", "ж", "є", "’"},
          {"я", "ч", "с", "м", "и", "т", "ь", "б", "ю", "ґ"}},
         {},
         {"«", "»"}},
        // Polish QWERTY with the nine letters of its own on the keys, not behind AltGr.
        {KeyboardLayout::Polish, "pl", "PL",
         {{"q", "w", "e", "r", "t", "y", "u", "i", "o", "p", "ą", "ę"},
          {"a", "s", "d", "f", "g", "h", "j", "k", "l", "ł", "ó", "ś"},
          {"z", "x", "c", "v", "b", "n", "m", "ć", "ń", "ź", "ż"}},
         {},
         {"„", "”"}},
        // Kurmanji (Hawar alphabet): ç ê î ş û. It has no dotless ı: the capital of i is I, as in English.
        {KeyboardLayout::Kurmanji, "ku", "KU",
         {{"q", "w", "e", "r", "t", "y", "u", "i", "o", "p", "ê", "û"},
          {"a", "s", "d", "f", "g", "h", "j", "k", "l", "ş", "î"},
          {"z", "x", "c", "v", "b", "n", "m", "ç", "-"}},
         {{"-", "_"}},
         {"“", "”"}},
        // The Arabic PC layout (the letters on the keys of a German or US keyboard sold in Arab countries), left to
        // right as on the keys; ذ sits left of 1 there, here at the start of the first row. Arabic has no capitals:
        // shift gives the vowel marks and the hamza forms, and is never switched on by itself.
        {KeyboardLayout::Arabic, "ar", "ع",
         {{"ذ", "ض", "ص", "ث", "ق", "ف", "غ", "ع", "ه", "خ", "ح", "ج", "د"},
          {"ش", "س", "ي", "ب", "ل", "ا", "ت", "ن", "م", "ك", "ط"},
          {"ئ", "ء", "ؤ", "ر", "لا", "ى", "ة", "و", "ز", "ظ"}},
         {{"ذ", "ّ"},  // shadda
          {"ض", "َ"},  // fatha
          {"ص", "ً"},  // fathatan
          {"ث", "ُ"},  // damma
          {"ق", "ٌ"},  // dammatan
          {"ف", "لإ"},
          {"غ", "إ"},
          {"ش", "ِ"},  // kasra
          {"س", "ٍ"},  // kasratan
          {"ل", "لأ"},
          {"ا", "أ"},
          {"ت", "ـ"},
          {"ن", "،"},
          {"ء", "ْ"},  // sukun
          {"لا", "لآ"},
          {"ى", "آ"},
          {"ظ", "؟"}},
         {"،", "؛", "؟", "«", "»"}},
    };
    return all;
}

const LayoutTable& table(KeyboardLayout layout) {
    for (const auto& t : tables()) {
        if (t.layout == layout) return t;
    }
    return tables().front();
}

// The layout's exception, else the Unicode simple upper case of a one-letter key (ä → Ä, ж → Ж, ł → Ł).
std::string upperOf(const LayoutTable& t, const std::string& lower) {
    if (const auto it = t.upper.find(lower); it != t.upper.end()) return it->second;
    utf8proc_int32_t cp = 0;
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(lower.data());
    const auto length = static_cast<utf8proc_ssize_t>(lower.size());
    if (utf8proc_iterate(bytes, length, &cp) != length || cp < 0) return lower;
    utf8proc_uint8_t out[4];
    const auto written = utf8proc_encode_char(utf8proc_toupper(cp), out);
    return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(written));
}

Key character(const std::string& text) { return {KeyKind::Character, text, 1.0f, "key:" + text}; }

}  // namespace

KeyboardLayout layoutForLanguage(const std::string& language) {
    for (const auto& t : tables()) {
        if (language == t.language) return t.layout;
    }
    return KeyboardLayout::German;
}

std::vector<KeyboardLayout> allLayouts() {
    std::vector<KeyboardLayout> result;
    for (const auto& t : tables()) result.push_back(t.layout);
    return result;
}

std::vector<std::vector<Key>> KeyboardModel::rows() const {
    const LayoutTable& t = table(layout);
    std::vector<std::vector<Key>> result;
    if (symbols) {
        std::vector<Key> digits, punctuation, more;
        for (const char* s : {"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"}) digits.push_back(character(s));
        for (const char* s : {"€", "@", "#", "&", "(", ")", ":", ";", "/", "\""}) punctuation.push_back(character(s));
        for (const char* s : {"?", "!", "'", "-", "–", "…", "+", "%"}) more.push_back(character(s));
        for (const auto& s : t.extraSymbols) more.push_back(character(s));
        result = {digits, punctuation, more};
    } else {
        const bool upper = shift || capsLock;
        for (const auto& row : t.letters) {
            std::vector<Key> keys;
            for (const auto& lower : row) {
                Key key = character(upper ? upperOf(t, lower) : lower);
                key.id = "key:" + lower;  // the same id in both cases, so tests can press "key:i" and get İ
                keys.push_back(key);
            }
            result.push_back(keys);
        }
        result[2].insert(result[2].begin(), {KeyKind::Shift, "", 1.5f, "key:shift"});
    }
    result[2].push_back({KeyKind::Backspace, "", 1.5f, "key:backspace"});
    result.push_back({{KeyKind::Symbols, "", 1.5f, "key:symbols"},
                      {KeyKind::NextLayout, t.label, 1.5f, "key:layout"},
                      character(","),
                      {KeyKind::Space, " ", 5.0f, "key:space"},
                      character("."),
                      {KeyKind::Enter, "", 2.0f, "key:enter"}});
    result.back()[2].id = "key:comma";
    result.back()[4].id = "key:period";
    return result;
}

KeyAction KeyboardModel::press(const Key& key) {
    switch (key.kind) {
        case KeyKind::Character:
            if (shift && !capsLock) shift = false;  // shift applies to one character
            autoShift = false;
            return {KeyAction::Kind::Insert, key.text};
        case KeyKind::Space: return {KeyAction::Kind::Insert, " "};
        case KeyKind::Backspace: return {KeyAction::Kind::Backspace, {}};
        case KeyKind::Enter: return {KeyAction::Kind::Enter, {}};
        case KeyKind::Shift:
            if (autoShift) {  // the attendee asks for what is already shown: a capital for one letter
                autoShift = false;
                shift = true;
            } else if (capsLock) {
                capsLock = false;
                shift = false;
            } else if (shift) {
                capsLock = true;
            } else {
                shift = true;
            }
            return {};
        case KeyKind::Symbols: symbols = !symbols; return {};
        case KeyKind::NextLayout: {
            const auto& all = tables();
            std::size_t at = 0;
            while (at < all.size() && all[at].layout != layout) ++at;
            reset(all[(at + 1) % all.size()].layout);
            return {};
        }
    }
    return {};
}

std::string KeyboardModel::labelKey(const Key& key, bool multiline) const {
    switch (key.kind) {
        case KeyKind::Shift: return capsLock ? "keyboard.caps" : "keyboard.shift";
        case KeyKind::Backspace: return "keyboard.backspace";
        case KeyKind::Enter: return multiline ? "keyboard.newline" : "keyboard.enter";
        case KeyKind::Symbols: return symbols ? "keyboard.letters" : "keyboard.symbols";
        default: return {};
    }
}

void KeyboardModel::reset(KeyboardLayout newLayout) {
    layout = newLayout;
    shift = false;
    capsLock = false;
    symbols = false;
    autoShift = false;
}

void KeyboardModel::autoCapitalise(bool wanted) {
    if (capsLock) return;
    if (layout == KeyboardLayout::Arabic) wanted = false;  // no capitals: the shift page holds marks
    if (wanted && !shift) {
        shift = true;
        autoShift = true;
    } else if (!wanted && autoShift) {
        shift = false;
        autoShift = false;
    }
}

}  // namespace kiosk::core
