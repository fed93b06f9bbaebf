// String forms of the model's enums, as stored in the database and written to exports.
#include "storage/types.h"

#include "storage/text.h"

#include <algorithm>
#include <regex>
#include <set>
#include <stdexcept>

namespace storage {

namespace {

struct LanguageRegistry {
    std::vector<std::string> known;      // stored languages, German first
    std::vector<std::string> offerable;  // known with "de-einfach", in the order of a language list
};

LanguageRegistry makeRegistry(const std::vector<std::string>& offerable) {
    if (offerable.empty() || offerable.front() != "de") {
        throw std::invalid_argument("the languages must start with German (de)");
    }
    LanguageRegistry registry;
    std::set<std::string> seen;
    for (const auto& code : offerable) {
        // Two or three lower-case letters with an optional -variant: a code goes into file names, JSON and the database.
        static const std::regex kCode("[a-z]{2,3}(-[a-z0-9]{2,12})?");
        if (!std::regex_match(code, kCode)) throw std::invalid_argument(quoteUntrusted(code) + " is not a language code");
        if (!seen.insert(code).second) throw std::invalid_argument(quoteUntrusted(code) + " is listed twice");
        registry.offerable.push_back(code);
        if (code != kPlainGerman) registry.known.push_back(code);
    }
    return registry;
}

// Built from constants on first use: nothing here reads a file, at static-init time or later.
LanguageRegistry& registry() {
    static LanguageRegistry languages = makeRegistry(defaultOfferableLanguages());
    return languages;
}

}  // namespace

std::vector<std::string> defaultOfferableLanguages() {
    std::vector<std::string> all = kDefaultLanguages;
    all.insert(all.begin() + 1, kPlainGerman);
    return all;
}

const std::vector<std::string>& knownLanguages() { return registry().known; }

void setLanguages(const std::vector<std::string>& offerable) { registry() = makeRegistry(offerable); }

bool isKnownLanguage(const std::string& code) {
    const auto& known = knownLanguages();
    return std::find(known.begin(), known.end(), code) != known.end();
}

std::string knownLanguagesList() { return languageList(knownLanguages()); }

std::string languageList(const std::vector<std::string>& codes) {
    std::string list;
    for (const auto& code : codes) list += (list.empty() ? "" : ", ") + code;
    return list;
}

const std::vector<std::string>& offerableLanguages() { return registry().offerable; }

bool isOfferableLanguage(const std::string& code) {
    const auto& all = offerableLanguages();
    return std::find(all.begin(), all.end(), code) != all.end();
}

std::string storedLanguage(const std::string& offered) { return offered == kPlainGerman ? "de" : offered; }

std::string languageListProblem(const std::vector<std::string>& languages) {
    const std::string offerable = languageList(offerableLanguages());
    if (languages.empty()) return "the list is empty; name at least one of " + offerable;
    std::set<std::string> seen;
    for (const auto& code : languages) {
        if (!isOfferableLanguage(code)) return quoteUntrusted(code) + " is not one of " + offerable;
        if (!seen.insert(code).second) return quoteUntrusted(code) + " is listed twice";
    }
    return {};
}

std::vector<std::string> eventLanguages(const EventSettings& settings) {
    std::vector<std::string> offered;
    for (const auto& code : settings.languages) {
        if (isOfferableLanguage(code) && std::find(offered.begin(), offered.end(), code) == offered.end()) {
            offered.push_back(code);
        }
    }
    return offered.empty() ? offerableLanguages() : offered;
}

std::string Category::name(const std::string& lang) const {
    if (auto it = names.find(lang); it != names.end() && !it->second.empty()) return it->second;
    if (auto it = names.find("de"); it != names.end() && !it->second.empty()) return it->second;
    return key;
}

std::string toString(IdeaStatus status) {
    switch (status) {
        case IdeaStatus::Pending: return "pending";
        case IdeaStatus::Published: return "published";
        case IdeaStatus::Hidden: return "hidden";
        case IdeaStatus::Merged: return "merged";
    }
    return "published";
}

IdeaStatus ideaStatusFromString(const std::string& text) {
    if (text == "pending") return IdeaStatus::Pending;
    if (text == "published") return IdeaStatus::Published;
    if (text == "hidden") return IdeaStatus::Hidden;
    if (text == "merged") return IdeaStatus::Merged;
    throw RuleError("bad_status", "unknown idea status " + quoteUntrusted(text) + " (expected pending, published, hidden or merged)");
}

std::string toString(ModerationMode mode) {
    return mode == ModerationMode::PreModerate ? "pre-moderate" : "publish";
}

ModerationMode moderationModeFromString(const std::string& text) {
    if (text == "publish") return ModerationMode::PublishImmediately;
    if (text == "pre-moderate") return ModerationMode::PreModerate;
    throw RuleError("bad_moderation_mode",
                    "unknown moderation mode " + quoteUntrusted(text) + " (expected publish or pre-moderate)");
}

std::string toString(VoteKind kind) { return kind == VoteKind::Retract ? "retract" : "vote"; }

VoteKind voteKindFromString(const std::string& text) {
    return text == toString(VoteKind::Retract) ? VoteKind::Retract : VoteKind::Vote;
}

std::string toString(SessionEnd end) {
    switch (end) {
        case SessionEnd::Open: return "open";
        case SessionEnd::Finished: return "finished";
        case SessionEnd::IdleTimeout: return "idle";
        case SessionEnd::Voided: return "voided";
    }
    return "open";
}

std::string toString(SessionSource source) { return source == SessionSource::Phone ? "phone" : "kiosk"; }

SessionSource sessionSourceFrom(const std::string& text) {
    return text == "phone" ? SessionSource::Phone : SessionSource::Kiosk;
}

}  // namespace storage
