// The phone page's texts (assets/phones/texts.json): every language of the kiosk (Leichte Sprache too), every key,
// the same placeholders.
#include "storage/types.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <regex>
#include <set>
#include <string>

namespace {

std::multiset<std::string> placeholdersOf(const std::string& text) {
    std::multiset<std::string> found;
    static const std::regex mark(R"(\{[a-z]+\})");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), mark); it != std::sregex_iterator(); ++it) found.insert(it->str());
    return found;
}

}  // namespace

TEST_SUITE("phones") {
    TEST_CASE("the phone page speaks every language of the kiosk, with every text and the same placeholders") {
        std::ifstream in(std::string(IDEEN_SOURCE_DIR) + "/assets/phones/texts.json");
        REQUIRE(in);
        const auto texts = nlohmann::json::parse(in);
        std::set<std::string> languages;
        for (const auto& [language, table] : texts.items()) languages.insert(language);
        // Every language of the registry, and "de-einfach" (Leichte Sprache), whose ideas and sessions the page
        // sends as German: the part before "-" of every table's code is a language the server stores.
        std::set<std::string> expected(storage::knownLanguages().begin(), storage::knownLanguages().end());
        expected.insert("de-einfach");
        CHECK(languages == expected);
        for (const std::string& language : languages) CHECK(storage::isKnownLanguage(language.substr(0, language.find('-'))));
        const auto& german = texts.at("de");
        CHECK(german.size() > 30);
        std::set<std::string> names;
        for (const auto& [language, table] : texts.items()) {
            CAPTURE(language);
            names.insert(table.value("language", ""));
            CHECK(table.size() == german.size());
            for (const auto& [key, text] : german.items()) {
                CAPTURE(key);
                REQUIRE(table.contains(key));
                CHECK(!table.at(key).get<std::string>().empty());
                CHECK(placeholdersOf(table.at(key).get<std::string>()) == placeholdersOf(text.get<std::string>()));
            }
        }
        CHECK(names.size() == languages.size());  // each button of the page's language list has its own name
    }
}
