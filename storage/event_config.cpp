// Event settings from and to TOML, with errors that name the file, line and key.
#include "storage/event_config.h"

#include "storage/text.h"

#include <toml++/toml.h>

#include <fstream>
#include <set>
#include <sstream>

namespace storage {

namespace {

RuleError configError(const std::string& source, const std::string& what) {
    return RuleError("event_config", source + ": " + what);
}

template <typename View>
std::string cleanString(const View& node, const std::string& key, const std::string& source,
                        TextField field, bool required) {
    if (!node) {
        if (required) throw configError(source, "'" + key + "' is missing");
        return {};
    }
    const auto value = node.template value<std::string>();
    if (!value) throw configError(source, "'" + key + "' must be text");
    try {
        std::string cleaned = cleanText(*value, field);
        checkLength(cleaned, field);
        if (required && cleaned.empty()) throw configError(source, "'" + key + "' is empty");
        return cleaned;
    } catch (const RuleError& e) {
        if (e.code() == "event_config") throw;
        throw configError(source, "'" + key + "': " + e.what());
    }
}

bool readBool(const toml::table& table, const std::string& key, bool fallback, const std::string& source) {
    const auto node = table[key];
    if (!node) return fallback;
    const auto value = node.value<bool>();
    if (!value) throw configError(source, "'" + key + "' must be true or false");
    return *value;
}

bool isColour(const std::string& text) {
    if (text.size() != 7 || text[0] != '#') return false;
    for (std::size_t i = 1; i < 7; ++i) {
        const char c = text[i];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
    }
    return true;
}

Category readCategory(const toml::table& item, std::size_t index, const std::string& source) {
    const std::string where = "categories[" + std::to_string(index) + "]";
    Category c;
    c.key = cleanString(item["key"], where + ".key", source, TextField::Other, true);
    const std::string colour = cleanString(item["color"], where + ".color", source, TextField::Other, false);
    if (!colour.empty()) {
        if (!isColour(colour)) throw configError(source, where + ".color must look like \"#3b82f6\", not " + quoteUntrusted(colour));
        c.color = colour;
    }
    const auto* names = item["names"].as_table();
    if (!names) throw configError(source, where + ".names is missing (a table with de and any of " + knownLanguagesList() + ")");
    for (const auto& lang : knownLanguages()) {
        const std::string name = cleanString((*names)[lang], where + ".names." + lang, source, TextField::Title, lang == "de");
        if (!name.empty()) c.names[lang] = name;
    }
    return c;
}

// `languages = ["de", "tr"]`: offered, in this order. Absent: every language; present, it must name at least one.
std::vector<std::string> readLanguages(const toml::table& table, const std::string& source) {
    const auto node = table["languages"];
    if (!node) return {};
    const auto* list = node.as_array();
    const std::string shape = "'languages' must be a list of language codes, e.g. [\"de\", \"tr\"]";
    if (!list) throw configError(source, shape);
    std::vector<std::string> languages;
    for (const auto& item : *list) {
        const auto code = item.value<std::string>();
        if (!code) throw configError(source, shape);
        languages.push_back(*code);
    }
    if (const std::string problem = languageListProblem(languages); !problem.empty()) {
        throw configError(source, "'languages': " + problem);
    }
    return languages;
}

}  // namespace

EventSettings parseEventToml(std::string_view text, const std::string& source) {
    if (!isValidUtf8(text)) throw configError(source, "the file is not valid UTF-8");
    toml::table table;
    try {
        table = toml::parse(text, source);
    } catch (const toml::parse_error& e) {
        throw RuleError("event_config", source + ":" + std::to_string(e.source().begin.line) + ": " +
                                            printableLine(e.description(), 200));
    }
    EventSettings s;
    s.title = cleanString(table["title"], "title", source, TextField::Title, true);
    s.venue = cleanString(table["venue"], "venue", source, TextField::Other, false);
    s.startsOn = cleanString(table["starts_on"], "starts_on", source, TextField::Other, false);
    s.endsOn = cleanString(table["ends_on"], "ends_on", source, TextField::Other, false);
    if (const auto budget = table["vote_budget"]; budget) {
        const auto value = budget.value<std::int64_t>();
        if (!value || *value < 1 || *value > 50) throw configError(source, "'vote_budget' must be a whole number from 1 to 50");
        s.voteBudget = static_cast<int>(*value);
    }
    s.showCounts = readBool(table, "show_counts", s.showCounts, source);
    s.submissionOpen = readBool(table, "submission_open", s.submissionOpen, source);
    s.votingOpen = readBool(table, "voting_open", s.votingOpen, source);
    s.countsAfterReveal = readBool(table, "counts_after_reveal", s.countsAfterReveal, source);
    const std::string moderation = cleanString(table["moderation"], "moderation", source, TextField::Other, false);
    if (!moderation.empty()) {
        try {
            s.moderation = moderationModeFromString(moderation);
        } catch (const RuleError& e) {
            throw configError(source, std::string("'moderation': ") + e.what());
        }
    }
    s.languages = readLanguages(table, source);
    if (const auto node = table["categories"]; node) {
        const auto* list = node.as_array();
        if (!list) throw configError(source, "'categories' must be a list of [[categories]] tables");
        std::size_t index = 0;
        std::set<std::string> keys;
        for (const auto& item : *list) {
            const auto* category = item.as_table();
            if (!category) throw configError(source, "categories[" + std::to_string(index) + "] must be a table");
            s.categories.push_back(readCategory(*category, index, source));
            // The store refuses a repeated key too, but here the message can name the file and the entry.
            if (!keys.insert(s.categories.back().key).second) {
                throw configError(source, "categories[" + std::to_string(index) + "].key " +
                                              quoteUntrusted(s.categories.back().key) + " is used twice");
            }
            ++index;
        }
    }
    return s;
}

EventSettings loadEventToml(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw RuleError("event_config", "cannot read " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return parseEventToml(text.str(), path);
}

std::string eventToToml(const EventSettings& s) {
    toml::table table{{"title", s.title},
                      {"venue", s.venue},
                      {"starts_on", s.startsOn},
                      {"ends_on", s.endsOn},
                      {"vote_budget", s.voteBudget},
                      {"show_counts", s.showCounts},
                      {"moderation", toString(s.moderation)},
                      {"submission_open", s.submissionOpen},
                      {"voting_open", s.votingOpen},
                      {"counts_after_reveal", s.countsAfterReveal}};
    toml::array categories;
    for (const auto& c : s.categories) {
        toml::table names;
        for (const auto& [lang, name] : c.names) names.insert(lang, name);
        categories.push_back(toml::table{{"key", c.key}, {"color", c.color}, {"names", names}});
    }
    table.insert("categories", categories);
    if (!s.languages.empty()) {
        toml::array languages;
        for (const auto& code : s.languages) languages.push_back(code);
        table.insert("languages", languages);
    }
    std::ostringstream out;
    out << toml::toml_formatter(table) << '\n';
    return out.str();
}

}  // namespace storage
