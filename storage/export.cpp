// Streams the tables of one event to CSV (both dialects) or JSON without holding them in memory.
#include "storage/export.h"

#include "storage/timefmt.h"

#include <SQLiteCpp/Statement.h>

#include <nlohmann/json.hpp>

#include <functional>
#include <map>

namespace storage {

using nlohmann::json;

namespace {

// [SECTION] Rows of each table as (column, value) pairs; CSV and JSON writers share them.

struct Cell {
    std::string text;
    json value;  // typed value for JSON (numbers stay numbers)
};
using Row = std::vector<Cell>;
using RowSink = std::function<void(const Row&)>;

Cell text(const std::string& s) { return {s, s}; }
Cell number(std::int64_t n) { return {std::to_string(n), n}; }
Cell optionalText(const std::string& s) { return {s, s.empty() ? json(nullptr) : json(s)}; }
Cell boolean(bool b) { return {b ? "1" : "0", b}; }
Cell timestamp(TimeMs ms) { return text(formatTimestamp(ms)); }

const std::map<std::string, std::vector<std::string>> kColumns = {
    {"ideas", {"number", "id", "title", "description", "category", "category_name", "language", "status", "votes",
               "created_at", "merged_into_number", "merged_into", "author", "pinned", "kiosk_id", "kiosk_seq"}},
    {"votes", {"id", "idea_number", "idea_id", "session_id", "kind", "retracts", "created_at", "kiosk_id"}},
    {"sessions", {"id", "kiosk_id", "language", "started_at", "ended_at", "end", "votes_used"}},
    {"moderation", {"id", "at", "actor", "action", "target_id", "before", "after", "reason", "kiosk_id"}},
};

void ideaRows(Store& store, const Event& event, const RowSink& sink) {
    IdeaQuery all;
    all.statuses = {IdeaStatus::Pending, IdeaStatus::Published, IdeaStatus::Hidden, IdeaStatus::Merged};
    const auto ideas = store.ideas(event.id, all);
    std::map<std::string, int> numbers;
    for (const auto& i : ideas) numbers[i.id] = i.number;
    std::map<std::string, std::string> categoryNames;
    for (const auto& c : event.settings.categories) categoryNames[c.key] = c.name("de");
    for (const auto& i : ideas) {
        const auto target = numbers.find(i.mergedInto);
        sink({number(i.number), text(i.id), text(i.title), text(i.description), text(i.category),
              text(categoryNames.count(i.category) ? categoryNames[i.category] : ""), text(i.language),
              text(toString(i.status)), number(i.votes), timestamp(i.createdAt),
              target == numbers.end() ? Cell{"", nullptr} : number(target->second), optionalText(i.mergedInto),
              text(i.author), boolean(i.pinned), text(i.kioskId), number(i.kioskSeq)});
    }
}

void voteRows(Store& store, const Event& event, const RowSink& sink) {
    // Streamed straight from SQL: a million votes never sit in memory as objects.
    SQLite::Statement q(store.db(), "SELECT v.id, i.number, v.idea_id, v.session_id, v.kind, v.retracts, v.created_at, "
                                    "v.kiosk_id FROM votes v JOIN ideas i ON i.id = v.idea_id WHERE v.event_id = ? "
                                    "ORDER BY v.created_at, v.id");
    q.bind(1, event.id);
    while (q.executeStep()) {
        sink({text(q.getColumn(0).getString()), number(q.getColumn(1).getInt64()), text(q.getColumn(2).getString()),
              text(q.getColumn(3).getString()), text(q.getColumn(4).getString()),
              optionalText(q.getColumn(5).isNull() ? "" : q.getColumn(5).getString()), timestamp(q.getColumn(6).getInt64()),
              text(q.getColumn(7).getString())});
    }
}

void sessionRows(Store& store, const Event& event, const RowSink& sink) {
    for (const auto& s : store.sessions(event.id)) {
        sink({text(s.id), text(s.kioskId), text(s.language), timestamp(s.startedAt),
              s.endedAt ? timestamp(*s.endedAt) : Cell{"", nullptr}, text(toString(s.end)), number(s.votesUsed)});
    }
}

void moderationRows(Store& store, const Event& event, const RowSink& sink) {
    for (const auto& e : store.moderationLog(event.id)) {
        sink({text(e.id), timestamp(e.at), text(e.actor), text(e.action), text(e.targetId),
              {e.before, json::parse(e.before, nullptr, false)}, {e.after, json::parse(e.after, nullptr, false)},
              text(e.reason), text(e.kioskId)});
    }
}

json eventJson(const Event& e) {
    json categories = json::array();
    for (const auto& c : e.settings.categories) categories.push_back({{"key", c.key}, {"color", c.color}, {"names", c.names}});
    return {{"id", e.id},
            {"title", e.settings.title},
            {"venue", e.settings.venue},
            {"starts_on", e.settings.startsOn},
            {"ends_on", e.settings.endsOn},
            {"vote_budget", e.settings.voteBudget},
            {"show_counts", e.settings.showCounts},
            {"moderation", toString(e.settings.moderation)},
            {"submission_open", e.settings.submissionOpen},
            {"voting_open", e.settings.votingOpen},
            {"categories", categories}};
}

}  // namespace

// [SECTION] Writers

std::vector<std::string> exportColumns(const std::string& table) {
    const auto it = kColumns.find(table);
    if (it == kColumns.end()) {
        throw RuleError("bad_table", "unknown export '" + table + "' (expected ideas, votes, sessions or moderation)");
    }
    return it->second;
}

void exportTable(Store& store, const std::string& eventId, const std::string& table, const ExportOptions& options,
                 std::ostream& out) {
    const auto columns = exportColumns(table);
    const auto event = store.event(eventId);
    if (!event) throw RuleError("unknown_event", "no event with id " + eventId);
    const std::map<std::string, std::function<void(Store&, const Event&, const RowSink&)>> producers = {
        {"ideas", ideaRows}, {"votes", voteRows}, {"sessions", sessionRows}, {"moderation", moderationRows}};
    const auto& produce = producers.at(table);

    if (options.format == ExportFormat::Csv) {
        CsvWriter writer(out, options.dialect);
        writer.row(columns);
        std::vector<std::string> fields(columns.size());
        produce(store, *event, [&](const Row& row) {
            for (std::size_t i = 0; i < row.size(); ++i) fields[i] = row[i].text;
            writer.row(fields);
        });
        return;
    }
    // JSON, streamed: the envelope by hand, each row through nlohmann::json.
    out << "{\"event\":" << eventJson(*event).dump() << ",\"" << table << "\":[";
    bool first = true;
    produce(store, *event, [&](const Row& row) {
        json object = json::object();
        for (std::size_t i = 0; i < row.size(); ++i) object[columns[i]] = row[i].value;
        out << (first ? "\n" : ",\n") << object.dump();
        first = false;
    });
    out << "\n]}\n";
}

}  // namespace storage
