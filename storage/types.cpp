// String forms of the model's enums, as stored in the database and written to exports.
#include "storage/types.h"

#include "storage/text.h"

#include <algorithm>
#include <set>

namespace storage {

bool isKnownLanguage(const std::string& code) {
    return std::find(kLanguages.begin(), kLanguages.end(), code) != kLanguages.end();
}

std::string knownLanguagesList() { return languageList(kLanguages); }

std::string languageList(const std::vector<std::string>& codes) {
    std::string list;
    for (const auto& code : codes) list += (list.empty() ? "" : ", ") + code;
    return list;
}

const std::vector<std::string>& offerableLanguages() {
    static const std::vector<std::string> languages = [] {
        std::vector<std::string> all = kLanguages;
        all.insert(std::find(all.begin(), all.end(), "de") + 1, kPlainGerman);
        return all;
    }();
    return languages;
}

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
