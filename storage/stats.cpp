// Counts for the organisers' report, computed from the rows (nothing is a stored counter).
#include "storage/stats.h"

#include "storage/store_impl.h"

#include "storage/text.h"
#include "storage/timefmt.h"

#include <SQLiteCpp/Statement.h>

#include <cstdio>
#include <set>

namespace storage {

Stats computeStats(Store& store, const std::string& eventId) {
    const auto event = store.event(eventId);
    if (!event) throw RuleError("unknown_event", "no event with id " + quoteUntrusted(eventId));
    Stats stats;
    stats.eventTitle = event->settings.title;
    std::map<std::string, std::string> categoryNames;
    for (const auto& c : event->settings.categories) categoryNames[c.key] = c.name("de");
    auto categoryName = [&](const std::string& key) {
        if (key.empty()) return std::string("(ohne Kategorie)");
        const auto it = categoryNames.find(key);
        return it == categoryNames.end() ? key : it->second;
    };

    IdeaQuery all;
    all.statuses = {IdeaStatus::Pending, IdeaStatus::Published, IdeaStatus::Hidden, IdeaStatus::Merged};
    std::map<std::string, std::string> ideaCategory;
    std::set<std::string> activeSessions;
    SQLite::Statement ideaSessions(store.db(), "SELECT id, session_id FROM ideas WHERE event_id = ?");
    ideaSessions.bind(1, eventId);
    while (ideaSessions.executeStep()) {
        if (!ideaSessions.getColumn(1).isNull()) activeSessions.insert(ideaSessions.getColumn(1).getString());
    }
    for (const auto& i : store.ideas(eventId, all)) {
        ++stats.ideas;
        ++stats.ideasByStatus[toString(i.status)];
        ++stats.perHour[localHour(i.createdAt)].first;
        ++stats.perCategory[categoryName(i.category)].first;
        ++stats.ideasPerLanguage[i.language];
        ideaCategory[i.id] = i.category;
    }
    std::map<std::string, std::string> sessionLanguage;
    const auto sessions = store.sessions(eventId);
    for (const auto& s : sessions) sessionLanguage[s.id] = s.language;
    SQLite::Statement votes(store.db(), std::string("SELECT ") + kVoteColumns + ", s.voided, EXISTS (SELECT 1 FROM votes r "
                                        "WHERE r.retracts = v.id) FROM votes v JOIN sessions s ON s.id = v.session_id "
                                        "WHERE v.event_id = ?");
    votes.bind(1, eventId);
    while (votes.executeStep()) {
        const VoteEvent vote = readVote(votes);
        if (vote.kind == VoteKind::Retract) {
            ++stats.retractions;
            continue;
        }
        activeSessions.insert(vote.sessionId);
        const bool voided = votes.getColumn(kVoteColumnCount).getInt() != 0;
        const bool retracted = votes.getColumn(kVoteColumnCount + 1).getInt() != 0;
        if (voided || retracted) continue;
        ++stats.liveVotes;
        ++stats.perHour[localHour(vote.createdAt)].second;
        ++stats.perCategory[categoryName(ideaCategory[vote.ideaId])].second;
        ++stats.votesPerLanguage[sessionLanguage[vote.sessionId]];
    }
    for (const auto& s : sessions) {
        ++stats.sessions;
        // Phones are served by a kiosk's machine: their sessions are counted apart from its touchscreen's.
        ++stats.sessionsPerKiosk[s.source == SessionSource::Phone ? "phone:" + s.kioskId : s.kioskId];
        if (activeSessions.count(s.id)) ++stats.sessionsPerLanguage[s.language];
    }
    stats.participants = static_cast<int>(activeSessions.size());
    stats.votesPerParticipant =
        stats.participants ? static_cast<double>(stats.liveVotes) / static_cast<double>(stats.participants) : 0.0;
    return stats;
}

LiveTotals liveTotals(Store& store, const std::string& eventId) {
    SQLite::Statement q(store.db(),
        "SELECT (SELECT count(*) FROM ideas WHERE event_id = :e AND status = 'published'), "
        "(SELECT count(*) FROM votes v JOIN sessions s ON s.id = v.session_id WHERE v.event_id = :e AND v.kind = 'vote' "
        " AND s.voided = 0 AND NOT EXISTS (SELECT 1 FROM votes r WHERE r.retracts = v.id)), "
        "(SELECT count(*) FROM (SELECT session_id FROM votes WHERE event_id = :e UNION "
        " SELECT session_id FROM ideas WHERE event_id = :e AND session_id IS NOT NULL))");
    q.bind(":e", eventId);
    q.executeStep();
    return {q.getColumn(0).getInt(), q.getColumn(1).getInt(), q.getColumn(2).getInt()};
}

// [SECTION] Presentation

namespace {

std::string padRight(const std::string& text, std::size_t width) {
    // Pads by code points so that umlauts do not shift the columns.
    std::size_t points = 0;
    for (unsigned char c : text) points += (c & 0xC0) != 0x80;
    return text + std::string(width > points ? width - points : 0, ' ');
}

std::string row(const std::string& label, const std::string& a, const std::string& b = {}) {
    char numbers[64];
    std::snprintf(numbers, sizeof numbers, "%10s %10s", a.c_str(), b.c_str());
    return "  " + padRight(label, 28) + numbers + "\n";
}

}  // namespace

std::string formatStatsTable(const Stats& s) {
    std::string out = s.eventTitle + "\n\n";
    out += row("", "ideas", "votes");
    out += row("total", std::to_string(s.ideas), std::to_string(s.liveVotes));
    for (const auto& [status, n] : s.ideasByStatus) out += row("  " + status, std::to_string(n));
    out += row("retracted votes", "", std::to_string(s.retractions));
    out += row("kiosk sessions", std::to_string(s.sessions));
    out += row("participants (did something)", std::to_string(s.participants));
    char average[32];
    std::snprintf(average, sizeof average, "%.2f", s.votesPerParticipant);
    out += row("votes per participant", "", average);
    out += "\nper hour\n";
    for (const auto& [hour, counts] : s.perHour) {
        char label[16];
        std::snprintf(label, sizeof label, "%02d:00–%02d:00", hour, (hour + 1) % 24);
        out += row(label, std::to_string(counts.first), std::to_string(counts.second));
    }
    out += "\nper category\n";
    for (const auto& [name, counts] : s.perCategory) out += row(name, std::to_string(counts.first), std::to_string(counts.second));
    out += "\nper language                     ideas   sessions\n";
    for (const auto& lang : knownLanguages()) {
        const auto ideas = s.ideasPerLanguage.count(lang) ? s.ideasPerLanguage.at(lang) : 0;
        const auto sessions = s.sessionsPerLanguage.count(lang) ? s.sessionsPerLanguage.at(lang) : 0;
        out += row(lang, std::to_string(ideas), std::to_string(sessions));
    }
    return out;
}

nlohmann::json statsToJson(const Stats& s) {
    nlohmann::json perHour = nlohmann::json::array();
    for (const auto& [hour, counts] : s.perHour) perHour.push_back({{"hour", hour}, {"ideas", counts.first}, {"votes", counts.second}});
    nlohmann::json perCategory = nlohmann::json::array();
    for (const auto& [name, counts] : s.perCategory) perCategory.push_back({{"category", name}, {"ideas", counts.first}, {"votes", counts.second}});
    return {{"event", s.eventTitle},
            {"ideas", s.ideas},
            {"ideas_by_status", s.ideasByStatus},
            {"votes", s.liveVotes},
            {"retractions", s.retractions},
            {"sessions", s.sessions},
            {"participants", s.participants},
            {"votes_per_participant", s.votesPerParticipant},
            {"per_hour", perHour},
            {"per_category", perCategory},
            {"ideas_per_language", s.ideasPerLanguage},
            {"sessions_per_language", s.sessionsPerLanguage}};
}

}  // namespace storage
