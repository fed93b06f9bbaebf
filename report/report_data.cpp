// Gathering the report's figures (see report_data.h): storage's statistics, ranking and moderation log.
#include "report/report_data.h"

#include "report/texts.h"
#include "storage/stats.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

namespace report {

namespace {

std::vector<std::pair<std::string, int>> mostFirst(const std::map<std::string, int>& counts) {
    std::vector<std::pair<std::string, int>> sorted(counts.begin(), counts.end());
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    return sorted;
}

template <typename Map>
typename Map::mapped_type valueOr(const Map& map, const typename Map::key_type& key) {
    const auto it = map.find(key);
    return it == map.end() ? typename Map::mapped_type{} : it->second;
}

// Reasons for hiding, counted over the ideas hidden now (the reason of the entry that last hid each one).
std::map<std::string, int> hiddenReasons(storage::Store& store, const std::string& eventId,
                                         const std::vector<storage::Idea>& hidden) {
    std::map<std::string, std::string> lastReason;
    for (const auto& entry : store.moderationLog(eventId)) {
        if (entry.action != "status") continue;
        const auto after = nlohmann::json::parse(entry.after, nullptr, false);
        if (after.is_object() && after.value("status", "") == "hidden") lastReason[entry.targetId] = entry.reason;
    }
    std::map<std::string, int> counts;
    for (const auto& idea : hidden) ++counts[valueOr(lastReason, idea.id)];
    return counts;
}

struct Topics {
    std::vector<std::pair<std::string, std::string>> ordered;  // key -> name in the report's language
    std::map<std::string, std::string> germanName;             // key -> name as storage's statistics label it
    std::string name(const std::string& key, const std::string& language) const {
        if (key.empty()) return text(language, "no_topic");
        for (const auto& [k, n] : ordered) {
            if (k == key) return n;
        }
        return key;
    }
};

Topics topicsOf(const storage::Event& event, const std::string& language) {
    Topics topics;
    for (const auto& c : event.settings.categories) {
        topics.ordered.emplace_back(c.key, c.name(language));
        topics.germanName[c.key] = c.name("de");
    }
    return topics;
}

void gatherRanking(storage::Store& store, const std::string& eventId, const Topics& topics,
                   const ReportOptions& options, ReportData& data) {
    storage::IdeaQuery published;
    published.ranking = storage::Ranking::MostVotes;
    std::map<std::string, std::vector<RankedIdea>> byTopic;
    for (const auto& idea : store.ideas(eventId, published)) {
        RankedIdea ranked{idea.number, idea.title, topics.name(idea.category, options.language), idea.votes,
                          data.key.votes ? static_cast<double>(idea.votes) / data.key.votes : 0.0};
        auto& best = byTopic[idea.category];
        if (static_cast<int>(best.size()) < options.bestPerTopic) best.push_back(ranked);
        if (static_cast<int>(data.ranking.size()) < options.top) data.ranking.push_back(std::move(ranked));
    }
    for (const auto& [key, name] : topics.ordered) {
        if (byTopic.count(key)) data.bestPerTopic.push_back({name, byTopic[key]});
        byTopic.erase(key);
    }
    for (auto& [key, ideas] : byTopic) data.bestPerTopic.push_back({topics.name(key, options.language), ideas});
}

// Hours in the order of the day they happened on: an evening event that goes past midnight starts at its
// evening hours, not at 00. The day starts after the longest stretch of hours without activity.
std::vector<GroupCount> hoursInOrder(const std::map<int, std::pair<int, int>>& perHour) {
    std::vector<GroupCount> hours;
    for (const auto& [hour, counts] : perHour) {
        hours.push_back({(hour < 10 ? "0" : "") + std::to_string(hour), counts.first, counts.second});
    }
    std::vector<int> keys;
    for (const auto& entry : perHour) keys.push_back(entry.first);
    std::size_t start = 0;
    int longestGap = -1;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const int previous = i == 0 ? keys.back() - 24 : keys[i - 1];
        if (keys[i] - previous > longestGap) {
            longestGap = keys[i] - previous;
            start = i;
        }
    }
    std::rotate(hours.begin(), hours.begin() + static_cast<std::ptrdiff_t>(start), hours.end());
    return hours;
}

void gatherGroups(const storage::Stats& stats, const Topics& topics, const std::string& language, ReportData& data) {
    data.perHour = hoursInOrder(stats.perHour);
    // Statistics label topics by their German name; the report wants them in its own language and order.
    auto perCategory = stats.perCategory;
    for (const auto& [key, name] : topics.ordered) {
        const auto german = topics.germanName.at(key);
        const auto counts = valueOr(perCategory, german);
        data.perTopic.push_back({name, counts.first, counts.second});
        perCategory.erase(german);
    }
    for (const auto& [label, counts] : perCategory) {
        const bool none = label == "(ohne Kategorie)";
        data.perTopic.push_back({none ? text(language, "no_topic") : label, counts.first, counts.second});
    }
    std::map<std::string, int> ideas = stats.ideasPerLanguage;
    std::map<std::string, int> votes = stats.votesPerLanguage;
    for (const auto& code : storage::knownLanguages()) {
        // German, Turkish and English always (the conference's main languages); the others when they were used.
        const bool main = code == "de" || code == "tr" || code == "en";
        if (!main && valueOr(ideas, code) == 0 && valueOr(votes, code) == 0) continue;
        data.perLanguage.push_back({text(language, "lang_" + code), valueOr(ideas, code), valueOr(votes, code)});
        ideas.erase(code);
        votes.erase(code);
    }
    for (const auto& [code, n] : votes) ideas.try_emplace(code, 0);
    for (const auto& [code, n] : ideas) data.perLanguage.push_back({code, n, valueOr(votes, code)});
}

}  // namespace

ReportData gatherReport(storage::Store& store, const std::string& eventId, const ReportOptions& options) {
    const auto stats = storage::computeStats(store, eventId);  // refuses an unknown event
    const auto event = store.requireEvent(eventId);
    ReportData data;
    data.language = options.language;
    data.title = event.settings.title;
    data.venue = event.settings.venue;
    data.startsOn = event.settings.startsOn;
    data.endsOn = event.settings.endsOn;
    data.voteBudget = event.settings.voteBudget;
    data.key.ideas = stats.ideas;
    data.key.published = valueOr(stats.ideasByStatus, std::string("published"));
    data.key.votes = stats.liveVotes;
    data.key.participants = stats.participants;
    data.key.sessions = stats.sessions;
    data.key.sessionsBySource = mostFirst(stats.sessionsPerKiosk);

    const Topics topics = topicsOf(event, options.language);
    gatherRanking(store, eventId, topics, options, data);
    gatherGroups(stats, topics, options.language, data);

    data.moderation.pending = valueOr(stats.ideasByStatus, std::string("pending"));
    data.moderation.merged = valueOr(stats.ideasByStatus, std::string("merged"));
    storage::IdeaQuery hiddenQuery;
    hiddenQuery.statuses = {storage::IdeaStatus::Hidden};
    const auto hidden = store.ideas(eventId, hiddenQuery);
    data.moderation.hidden = static_cast<int>(hidden.size());
    data.moderation.hiddenReasons = mostFirst(hiddenReasons(store, eventId, hidden));
    return data;
}

}  // namespace report
