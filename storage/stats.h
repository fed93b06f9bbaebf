// Statistics of one event for the organisers' report: totals, per hour, per category, per language.
#pragma once

#include "storage/store.h"

#include <nlohmann/json.hpp>

#include <map>
#include <string>

namespace storage {

struct Stats {
    std::string eventTitle;
    std::map<std::string, int> ideasByStatus;  ///< "published" -> 12 …
    int ideas = 0;
    int liveVotes = 0;       ///< votes that count (not retracted, session not voided)
    int retractions = 0;
    int sessions = 0;
    int participants = 0;    ///< sessions that submitted an idea or cast a vote
    double votesPerParticipant = 0.0;
    std::map<int, std::pair<int, int>> perHour;           ///< local hour -> (ideas, live votes)
    std::map<std::string, std::pair<int, int>> perCategory;  ///< category name -> (ideas, live votes)
    std::map<std::string, int> ideasPerLanguage;
    std::map<std::string, int> sessionsPerLanguage;
    std::map<std::string, int> votesPerLanguage;     ///< live votes by the language of the session that cast them
    std::map<std::string, int> sessionsPerKiosk;     ///< every session by where it started: a kiosk id, or "phone:" + the id of the kiosk that served the phone
};

Stats computeStats(Store& store, const std::string& eventId);

/// The three numbers the projector shows, cheap enough to ask after every commit.
struct LiveTotals {
    int ideas = 0;         ///< published
    int votes = 0;         ///< live votes (not retracted, session not voided)
    int participants = 0;  ///< sessions that submitted or voted
};
LiveTotals liveTotals(Store& store, const std::string& eventId);
std::string formatStatsTable(const Stats& stats);
nlohmann::json statsToJson(const Stats& stats);

}  // namespace storage
