// The figures of an event's results report, gathered from the store into plain structs (no personal data).
#pragma once

#include "storage/store.h"

#include <string>
#include <vector>

namespace report {

/// One idea in the ranking: what the report prints about it.
struct RankedIdea {
    int number = 0;
    std::string title;
    std::string topic;   ///< the category's name in the report's language; empty without a category
    int votes = 0;
    double share = 0.0;  ///< votes / all live votes of the event, 0 when there are none
};

/// A labelled pair of counts (a topic, a language, an hour).
struct GroupCount {
    std::string label;
    int ideas = 0;
    int votes = 0;
};

struct TopicBest {
    std::string topic;
    std::vector<RankedIdea> ideas;  ///< best first
};

struct KeyFigures {
    int ideas = 0;          ///< every idea submitted, whatever became of it
    int published = 0;
    int votes = 0;          ///< live votes
    int participants = 0;   ///< sessions that submitted or voted
    int sessions = 0;
    std::vector<std::pair<std::string, int>> sessionsBySource;  ///< kiosk (or other source) id -> sessions
};

/// Moderation in numbers: counts and reasons only, never who did it.
struct ModerationFigures {
    int pending = 0;
    int hidden = 0;
    int merged = 0;
    std::vector<std::pair<std::string, int>> hiddenReasons;  ///< reason (empty: none given) -> ideas, most first
};

struct ReportData {
    std::string language = "de";  ///< the report's language
    std::string title, venue, startsOn, endsOn;
    int voteBudget = 0;
    KeyFigures key;
    std::vector<RankedIdea> ranking;     ///< the top N published ideas, most votes first
    std::vector<TopicBest> bestPerTopic; ///< in the event's category order
    std::vector<GroupCount> perHour;     ///< label "18" for 18:00–19:00, in hour order
    std::vector<GroupCount> perTopic;    ///< in the event's category order, then ideas without one
    std::vector<GroupCount> perLanguage; ///< de, tr, en, then any other
    ModerationFigures moderation;
};

struct ReportOptions {
    std::string language = "de";
    int top = 20;           ///< ideas in the ranking
    int bestPerTopic = 3;   ///< ideas per topic
};

/// Reads everything the report shows, using storage's statistics and idea queries. Throws RuleError
/// ("unknown_event") for an unknown event.
ReportData gatherReport(storage::Store& store, const std::string& eventId, const ReportOptions& options = {});

}  // namespace report
