// Translations of the kiosk's user-facing text, loaded from assets/i18n/{de,tr,en,ar}.toml; German is the fallback.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace kiosk::core {

class Catalog {
public:
    /// Loads de, tr, en and ar from `folder`. Throws std::runtime_error naming the file on a missing or bad file.
    static Catalog load(const std::string& folder);

    /// The text of `key` in `language`, falling back to German, then to the key itself.
    std::string text(const std::string& language, const std::string& key) const;
    /// The text with {name} placeholders replaced.
    std::string format(const std::string& language, const std::string& key,
                       const std::map<std::string, std::string>& values) const;
    /// `key.one` for 1, else `key.other`, with {count} replaced.
    std::string plural(const std::string& language, const std::string& key, int count) const;

    /// All keys of one language (for completeness checks).
    std::vector<std::string> keys(const std::string& language) const;
    bool has(const std::string& language) const { return m_texts.count(language) != 0; }

private:
    std::map<std::string, std::map<std::string, std::string>> m_texts;  // language -> key -> text
};

/// The {placeholders} of a text, sorted (a translation must use the same ones).
std::vector<std::string> placeholders(const std::string& text);

}  // namespace kiosk::core
