// Translations of the kiosk's user-facing text and its keyboards, one assets/i18n/<code>.toml per language of the
// registry (storage::knownLanguages) and for "Einfach" (Leichte Sprache); German is the fallback.
#pragma once

#include "kiosk/core/keyboard.h"
#include "storage/types.h"

#include <map>
#include <string>
#include <vector>

namespace kiosk::core {

class Catalog {
public:
    /// Loads every language of kioskLanguages() from `folder`, texts and keyboards. Throws std::runtime_error naming
    /// the file (and the key) on a missing or bad file.
    static Catalog load(const std::string& folder);

    /// The text of `key` in `language`, falling back to German, then to the key itself.
    std::string text(const std::string& language, const std::string& key) const;
    /// The text with {name} placeholders replaced.
    std::string format(const std::string& language, const std::string& key,
                       const std::map<std::string, std::string>& values) const;
    /// `key.one` for 1, else `key.other`, with {count} replaced.
    std::string plural(const std::string& language, const std::string& key, int count) const;

    /// The language's name in itself ("Українська"), from its file's [language] name.
    std::string languageName(const std::string& language) const { return text(language, "language.name"); }

    /// The languages loaded, in the registry's order (German first).
    const std::vector<std::string>& languages() const { return m_languages; }

    /// All keys of one language (for completeness checks).
    std::vector<std::string> keys(const std::string& language) const;
    bool has(const std::string& language) const { return m_texts.count(language) != 0; }

    /// The keyboards of the loaded languages (their [keyboard.layout]); the app installs them with setKeyboardLayouts.
    const KeyboardLayouts& keyboards() const { return m_keyboards; }

private:
    std::map<std::string, std::map<std::string, std::string>> m_texts;  // language -> key -> text
    std::vector<std::string> m_languages;
    KeyboardLayouts m_keyboards;
};

/// "Einfach": German in Leichte Sprache, a choice of its own in the kiosk's language list. Ideas and sessions in
/// it are German (storedLanguage); its keyboard is the German one.
inline constexpr const char* kPlainGerman = storage::kPlainGerman;

/// The kiosk's languages, in the order of its language list: storage::offerableLanguages(), the registry read from
/// assets/i18n at start (storage::kDefaultLanguages with "Einfach" after German before that). An event offers these or fewer (storage::eventLanguages).
const std::vector<std::string>& kioskLanguages();
/// True for a code of kioskLanguages().
bool isKioskLanguage(const std::string& code);
/// The language an idea or session in `kioskLanguage` is stored as ("de-einfach" → "de"; the others unchanged).
std::string storedLanguage(const std::string& kioskLanguage);

/// The languages of a translation folder, one <code>.toml each: German first, then by each file's [language] order
/// (a file without one after those with one, by code). What the program installs with storage::setLanguages at
/// start. Throws std::runtime_error naming the file when de.toml is missing or a file or its order is broken.
std::vector<std::string> languagesInFolder(const std::string& folder);

/// The {placeholders} of a text, sorted (a translation must use the same ones).
std::vector<std::string> placeholders(const std::string& text);

}  // namespace kiosk::core
