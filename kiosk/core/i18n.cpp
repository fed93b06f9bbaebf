// Loading and looking up translations.
#include "kiosk/core/i18n.h"

#include "storage/types.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <stdexcept>

namespace kiosk::core {

namespace {

void flatten(const toml::table& table, const std::string& prefix, std::map<std::string, std::string>& out,
             const std::string& file) {
    for (const auto& [key, node] : table) {
        const std::string name = prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
        // The keyboard itself (read by KeyboardLayouts::load) and the place in the list (languagesInFolder).
        if (name == "keyboard.layout" || name == "language.order") continue;
        if (const auto* sub = node.as_table()) {
            flatten(*sub, name, out, file);
        } else if (const auto value = node.value<std::string>()) {
            out[name] = *value;
        } else {
            throw std::runtime_error(file + ": '" + name + "' must be text");
        }
    }
}

}  // namespace

const std::vector<std::string>& kioskLanguages() { return storage::offerableLanguages(); }

bool isKioskLanguage(const std::string& code) { return storage::isOfferableLanguage(code); }

std::string storedLanguage(const std::string& kioskLanguage) { return storage::storedLanguage(kioskLanguage); }

std::vector<std::string> languagesInFolder(const std::string& folder) {
    namespace fs = std::filesystem;
    if (!fs::exists(fs::path(folder) / "de.toml")) {
        throw std::runtime_error("translation file " + folder + "/de.toml is missing (German is the fallback of every text)");
    }
    struct Entry {
        std::string code;
        std::int64_t order;
    };
    std::vector<Entry> entries;
    for (const auto& file : fs::directory_iterator(folder)) {
        if (file.path().extension() != ".toml") continue;
        const std::string name = file.path().string();
        toml::table document;
        try {
            document = toml::parse_file(name);
        } catch (const toml::parse_error& e) {
            throw std::runtime_error(name + ":" + std::to_string(e.source().begin.line) + ": " + std::string(e.description()));
        }
        const auto node = document["language"]["order"];
        const auto order = node.value<std::int64_t>();
        if (node && (!node.is_integer() || !order)) throw std::runtime_error(name + ": 'language.order' must be a whole number");
        // German first; a file without an order after those with one.
        const std::string code = file.path().stem().string();
        entries.push_back({code, code == "de" ? std::numeric_limits<std::int64_t>::min()
                                              : order.value_or(std::numeric_limits<std::int64_t>::max())});
    }
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return a.order != b.order ? a.order < b.order : a.code < b.code; });
    std::vector<std::string> codes;
    for (const auto& entry : entries) codes.push_back(entry.code);
    return codes;
}

Catalog Catalog::load(const std::string& folder) {
    Catalog catalog;
    for (const std::string& language : kioskLanguages()) {
        const std::string file = folder + "/" + language + ".toml";
        if (!std::filesystem::exists(file)) throw std::runtime_error("translation file " + file + " is missing");
        try {
            flatten(toml::parse_file(file), "", catalog.m_texts[language], file);
            catalog.m_languages.push_back(language);
        } catch (const toml::parse_error& e) {
            throw std::runtime_error(file + ":" + std::to_string(e.source().begin.line) + ": " + std::string(e.description()));
        }
    }
    catalog.m_keyboards = KeyboardLayouts::load(folder, catalog.m_languages);
    return catalog;
}

std::string Catalog::text(const std::string& language, const std::string& key) const {
    for (const std::string& lang : {language, std::string("de")}) {
        const auto texts = m_texts.find(lang);
        if (texts == m_texts.end()) continue;
        if (const auto it = texts->second.find(key); it != texts->second.end()) return it->second;
    }
    return key;
}

std::string Catalog::format(const std::string& language, const std::string& key,
                            const std::map<std::string, std::string>& values) const {
    std::string result = text(language, key);
    for (const auto& [name, value] : values) {
        const std::string mark = "{" + name + "}";
        for (std::size_t at = result.find(mark); at != std::string::npos; at = result.find(mark, at + value.size())) {
            result.replace(at, mark.size(), value);
        }
    }
    return result;
}

std::string Catalog::plural(const std::string& language, const std::string& key, int count) const {
    return format(language, key + (count == 1 ? ".one" : ".other"), {{"count", std::to_string(count)}});
}

std::vector<std::string> Catalog::keys(const std::string& language) const {
    std::vector<std::string> result;
    if (const auto it = m_texts.find(language); it != m_texts.end()) {
        for (const auto& entry : it->second) result.push_back(entry.first);
    }
    return result;
}

std::vector<std::string> placeholders(const std::string& text) {
    std::vector<std::string> result;
    for (std::size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
        const std::size_t close = text.find('}', open);
        if (close == std::string::npos) break;
        result.push_back(text.substr(open + 1, close - open - 1));
    }
    std::sort(result.begin(), result.end());
    return result;
}

}  // namespace kiosk::core
