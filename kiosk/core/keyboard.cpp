// The keyboards read from the translation files, and the shift rules of the on-screen keyboard.
#include "kiosk/core/keyboard.h"

#include <toml++/toml.h>
#include <utf8proc.h>

#include <filesystem>
#include <set>
#include <sstream>
#include <stdexcept>

namespace kiosk::core {

// [SECTION] Reading the layouts

namespace {

constexpr const char* kLayoutKey = "keyboard.layout";

[[noreturn]] void fail(const std::string& file, const std::string& key, const std::string& what) {
    throw std::runtime_error(file + ": '" + key + "' " + what);
}

std::vector<std::string> splitKeys(const std::string& row) {
    std::vector<std::string> keys;
    std::istringstream in(row);
    for (std::string key; in >> key;) keys.push_back(key);
    return keys;
}

KeyboardLayout readLayout(const toml::table& table, const std::string& code, const std::string& file) {
    KeyboardLayout layout;
    layout.code = code;
    const std::string prefix = std::string(kLayoutKey) + ".";
    for (const auto& [key, node] : table) {
        const std::string name(key.str());
        if (name != "label" && name != "rows" && name != "upper" && name != "quotes" && name != "capitals") {
            fail(file, prefix + name, "is not a setting of a keyboard (label, rows, upper, quotes, capitals)");
        }
    }
    const auto label = table["label"].value<std::string>();
    if (!label || label->empty()) fail(file, prefix + "label", "must be the text of the layout key, e.g. label = \"DE\"");
    layout.label = *label;

    const char* rowsHelp = "must be three rows of keys, each key separated by a space, e.g. rows = [\"q w e …\", "
                           "\"a s d …\", \"y x c …\"]";
    const auto* rows = table["rows"].as_array();
    if (!rows || rows->size() != 3) fail(file, prefix + "rows", rowsHelp);
    std::set<std::string> seen;
    for (std::size_t i = 0; i < rows->size(); ++i) {
        const auto row = (*rows)[i].value<std::string>();
        const std::string rowName = prefix + "rows[" + std::to_string(i) + "]";
        if (!row) fail(file, rowName, rowsHelp);
        layout.letters.push_back(splitKeys(*row));
        if (layout.letters.back().empty()) fail(file, rowName, "has no keys");
        for (const auto& k : layout.letters.back()) {
            if (!seen.insert(k).second) fail(file, rowName, "has the key '" + k + "' a second time");
        }
    }

    if (const auto& node = table["upper"]; node) {
        const auto* upper = node.as_table();
        if (!upper) fail(file, prefix + "upper", "must be a table of a key and its capital, e.g. upper = { \"i\" = \"İ\" }");
        for (const auto& [key, value] : *upper) {
            const std::string lower(key.str());
            const auto capital = value.value<std::string>();
            if (!capital || capital->empty()) fail(file, prefix + "upper." + lower, "must be the text of the key's capital");
            if (!seen.count(lower)) fail(file, prefix + "upper." + lower, "is not a key of the rows");
            layout.upper[lower] = *capital;
        }
    }
    if (const auto& node = table["quotes"]; node) {
        const auto* quotes = node.as_array();
        if (!quotes) fail(file, prefix + "quotes", "must be a list of texts, e.g. quotes = [\"„\", \"“\"]");
        for (const auto& quote : *quotes) {
            const auto text = quote.value<std::string>();
            if (!text || text->empty()) fail(file, prefix + "quotes", "must be a list of texts, e.g. quotes = [\"„\", \"“\"]");
            layout.quotes.push_back(*text);
        }
    }
    if (const auto& node = table["capitals"]; node) {
        const auto capitals = node.value<bool>();
        if (!capitals) fail(file, prefix + "capitals", "must be true or false");
        layout.capitals = *capitals;
    }
    return layout;
}

KeyboardLayouts g_layouts;  // set once at start (setKeyboardLayouts), read by every KeyboardModel

}  // namespace

KeyboardLayouts KeyboardLayouts::load(const std::string& folder, const std::vector<std::string>& languages) {
    KeyboardLayouts result;
    std::vector<std::pair<std::string, std::string>> reused;  // file, language whose keyboard another one uses
    std::map<std::string, std::string> files;
    for (const std::string& language : languages) {
        const std::string file = folder + "/" + language + ".toml";
        files[language] = file;
        if (!std::filesystem::exists(file)) throw std::runtime_error("translation file " + file + " is missing");
        toml::table document;
        try {
            document = toml::parse_file(file);
        } catch (const toml::parse_error& e) {
            throw std::runtime_error(file + ":" + std::to_string(e.source().begin.line) + ": " + std::string(e.description()));
        }
        const auto node = document["keyboard"]["layout"];
        if (const auto* table = node.as_table()) {
            result.m_layouts.push_back(readLayout(*table, language, file));
            result.m_uses[language] = language;
        } else if (const auto other = node.value<std::string>()) {
            result.m_uses[language] = *other;
        } else if (!node) {
            fail(file, kLayoutKey, "is missing: a [keyboard.layout] table (label, rows …) or the code of a language "
                                   "whose keyboard to use, e.g. layout = \"de\" in [keyboard]");
        } else {
            fail(file, kLayoutKey, "must be a [keyboard.layout] table or a language code such as \"de\"");
        }
    }
    for (const std::string& language : languages) {
        const std::string& uses = result.m_uses[language];
        if (!result.find(uses)) {
            fail(files[language], kLayoutKey, "'" + uses + "' is not a language with a keyboard of its own");
        }
    }
    return result;
}

const KeyboardLayout* KeyboardLayouts::find(const std::string& code) const {
    for (const auto& layout : m_layouts) {
        if (layout.code == code) return &layout;
    }
    return nullptr;
}

std::string KeyboardLayouts::layoutFor(const std::string& language) const {
    if (const auto it = m_uses.find(language); it != m_uses.end()) return it->second;
    return m_layouts.empty() ? std::string("de") : m_layouts.front().code;
}

void setKeyboardLayouts(KeyboardLayouts layouts) { g_layouts = std::move(layouts); }

const KeyboardLayouts& keyboardLayouts() { return g_layouts; }

// [SECTION] The keyboard model

namespace {

// The layout's exception, else the Unicode simple upper case of a one-letter key (ä → Ä, ж → Ж, ł → Ł).
std::string upperOf(const KeyboardLayout& t, const std::string& lower) {
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

std::string layoutForLanguage(const std::string& language) { return keyboardLayouts().layoutFor(language); }

std::vector<std::string> allLayouts() {
    std::vector<std::string> result;
    for (const auto& t : keyboardLayouts().layouts()) result.push_back(t.code);
    return result;
}

std::vector<std::vector<Key>> KeyboardModel::rows() const {
    static const KeyboardLayout kNone{"", "", {{}, {}, {}}, {}, {}, true};  // before setKeyboardLayouts()
    const KeyboardLayout* found = keyboardLayouts().find(layout);
    const KeyboardLayout& t = found ? *found : kNone;
    std::vector<std::vector<Key>> result;
    if (symbols) {
        std::vector<Key> digits, punctuation, more;
        for (const char* s : {"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"}) digits.push_back(character(s));
        for (const char* s : {"€", "@", "#", "&", "(", ")", ":", ";", "/", "\""}) punctuation.push_back(character(s));
        for (const char* s : {"?", "!", "'", "-", "–", "…", "+", "%"}) more.push_back(character(s));
        for (const auto& s : t.quotes) more.push_back(character(s));
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
            const auto& all = keyboardLayouts().layouts();
            if (all.empty()) return {};
            std::size_t at = 0;
            while (at < all.size() && all[at].code != layout) ++at;
            reset(all[(at + 1) % all.size()].code);
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

void KeyboardModel::reset(const std::string& newLayout) {
    layout = newLayout;
    shift = false;
    capsLock = false;
    symbols = false;
    autoShift = false;
}

void KeyboardModel::autoCapitalise(bool wanted) {
    if (capsLock) return;
    // A layout without capitals (Arabic) keeps its marks on the shift page: never shown by itself.
    if (const KeyboardLayout* t = keyboardLayouts().find(layout); t && !t->capitals) wanted = false;
    if (wanted && !shift) {
        shift = true;
        autoShift = true;
    } else if (!wanted && autoShift) {
        shift = false;
        autoShift = false;
    }
}

}  // namespace kiosk::core
