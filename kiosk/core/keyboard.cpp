// Layout tables and shift rules of the on-screen keyboard.
#include "kiosk/core/keyboard.h"

#include <map>

namespace kiosk::core {

namespace {

struct LayoutTable {
    std::vector<std::vector<std::string>> letters;  // three rows of lower-case letters
    std::map<std::string, std::string> upper;       // exceptions to plain ASCII upper case
    std::vector<std::string> extraSymbols;          // layout-specific quotes on the symbols page
};

const LayoutTable& table(KeyboardLayout layout) {
    static const LayoutTable german{{{"q", "w", "e", "r", "t", "z", "u", "i", "o", "p", "ü"},
                                     {"a", "s", "d", "f", "g", "h", "j", "k", "l", "ö", "ä"},
                                     {"y", "x", "c", "v", "b", "n", "m", "ß", "-"}},
                                    {{"ü", "Ü"}, {"ö", "Ö"}, {"ä", "Ä"}, {"ß", "ß"}, {"-", "_"}},
                                    {"„", "“"}};
    static const LayoutTable turkish{{{"q", "w", "e", "r", "t", "y", "u", "ı", "o", "p", "ğ", "ü"},
                                      {"a", "s", "d", "f", "g", "h", "j", "k", "l", "ş", "i"},
                                      {"z", "x", "c", "v", "b", "n", "m", "ö", "ç", "-"}},
                                     {{"ı", "I"}, {"i", "İ"}, {"ğ", "Ğ"}, {"ü", "Ü"}, {"ş", "Ş"}, {"ö", "Ö"}, {"ç", "Ç"},
                                      {"-", "_"}},
                                     {"“", "”"}};
    static const LayoutTable english{{{"q", "w", "e", "r", "t", "y", "u", "i", "o", "p"},
                                      {"a", "s", "d", "f", "g", "h", "j", "k", "l"},
                                      {"z", "x", "c", "v", "b", "n", "m", "-"}},
                                     {{"-", "_"}},
                                     {"“", "”"}};
    // The Arabic PC layout (the letters on the keys of a German or US keyboard sold in Arab countries), left to right
    // as on the keys; ذ sits left of 1 there, here at the start of the first row. Shift gives the marks and hamzas.
    static const LayoutTable arabic{{{"ذ", "ض", "ص", "ث", "ق", "ف", "غ", "ع", "ه", "خ", "ح", "ج", "د"},
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
                                    {"،", "؛", "؟", "«", "»"}};
    switch (layout) {
        case KeyboardLayout::Turkish: return turkish;
        case KeyboardLayout::English: return english;
        case KeyboardLayout::Arabic: return arabic;
        case KeyboardLayout::German: break;
    }
    return german;
}

std::string upperOf(const LayoutTable& t, const std::string& lower) {
    if (const auto it = t.upper.find(lower); it != t.upper.end()) return it->second;
    if (lower.size() == 1 && lower[0] >= 'a' && lower[0] <= 'z') return std::string(1, static_cast<char>(lower[0] - 32));
    return lower;
}

Key character(const std::string& text) { return {KeyKind::Character, text, 1.0f, "key:" + text}; }

const char* layoutLabel(KeyboardLayout layout) {
    switch (layout) {
        case KeyboardLayout::Turkish: return "TR";
        case KeyboardLayout::English: return "EN";
        case KeyboardLayout::Arabic: return "ع";
        case KeyboardLayout::German: break;
    }
    return "DE";
}

}  // namespace

KeyboardLayout layoutForLanguage(const std::string& language) {
    if (language == "tr") return KeyboardLayout::Turkish;
    if (language == "en") return KeyboardLayout::English;
    if (language == "ar") return KeyboardLayout::Arabic;
    return KeyboardLayout::German;
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
                      {KeyKind::NextLayout, layoutLabel(layout), 1.5f, "key:layout"},
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
        case KeyKind::NextLayout:
            reset(layout == KeyboardLayout::German    ? KeyboardLayout::Turkish
                  : layout == KeyboardLayout::Turkish ? KeyboardLayout::English
                  : layout == KeyboardLayout::English ? KeyboardLayout::Arabic
                                                      : KeyboardLayout::German);
            return {};
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
