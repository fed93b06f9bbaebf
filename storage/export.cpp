// Streams the tables of one event to CSV (both dialects) or JSON without holding them in memory.
#include "storage/export.h"

#include "storage/store_impl.h"

#include "storage/text.h"
#include "storage/timefmt.h"

#include <SQLiteCpp/Statement.h>

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <optional>
#include <unordered_map>

namespace storage {

using nlohmann::json;

namespace {

// [SECTION] Rows of each table as (column, value) pairs; CSV and JSON writers share them.

using Cell = ExportCell;
using Row = ExportRow;
using RowSink = std::function<void(Row&&)>;  // rows are handed over, so CSV can move the text out

// JSON values are built only for JSON exports, which keeps a million-row CSV export from constructing a
// million JSON objects.
json toJson(const Cell& cell) {
    switch (cell.kind) {
        case Cell::Kind::Number: return cell.text.empty() ? json(nullptr) : json(std::stoll(cell.text));
        case Cell::Kind::Boolean: return cell.text == "1";
        case Cell::Kind::NullIfEmpty:
        case Cell::Kind::Timestamp: return cell.text.empty() ? json(nullptr) : json(cell.text);
        case Cell::Kind::Json: return json::parse(cell.text, nullptr, false);
        case Cell::Kind::Text: break;
    }
    return cell.text;
}

Cell text(std::string s) { return {Cell::Kind::Text, std::move(s)}; }
Cell number(std::int64_t n) { return {Cell::Kind::Number, std::to_string(n)}; }
Cell optionalText(std::string s) { return {Cell::Kind::NullIfEmpty, std::move(s)}; }
Cell optionalNumber(std::optional<std::int64_t> n) { return {Cell::Kind::Number, n ? std::to_string(*n) : ""}; }
Cell boolean(bool b) { return {Cell::Kind::Boolean, b ? "1" : "0"}; }
Cell timestamp(TimeMs ms) { return {Cell::Kind::Timestamp, formatTimestamp(ms), ms}; }
Cell optionalTimestamp(std::optional<TimeMs> ms) { return ms ? timestamp(*ms) : Cell{Cell::Kind::Timestamp, "", 0}; }
Cell jsonText(std::string s) { return {Cell::Kind::Json, std::move(s)}; }

const std::map<std::string, std::vector<std::string>> kColumns = {
    {"ideas", {"number", "id", "title", "description", "category", "category_name", "language", "status", "votes",
               "created_at", "merged_into_number", "merged_into", "author", "pinned", "kiosk_id", "kiosk_seq"}},
    {"votes", {"id", "idea_number", "idea_id", "session_id", "kind", "retracts", "created_at", "kiosk_id"}},
    {"sessions", {"id", "kiosk_id", "source", "language", "started_at", "ended_at", "end", "votes_used"}},
    {"moderation", {"id", "at", "actor", "action", "target_id", "before", "after", "reason", "kiosk_id"}},
};

void ideaRows(Store& store, const Event& event, const RowSink& sink) {
    IdeaQuery all;
    all.statuses = {IdeaStatus::Pending, IdeaStatus::Published, IdeaStatus::Hidden, IdeaStatus::Merged};
    auto ideas = store.ideas(event.id, all);
    std::unordered_map<std::string, int> numbers;
    for (const auto& i : ideas) numbers.emplace(i.id, i.number);
    std::unordered_map<std::string, std::string> categoryNames;
    for (const auto& c : event.settings.categories) categoryNames[c.key] = c.name("de");
    for (auto& i : ideas) {
        // Everything looked up first: the idea's texts then move into the cells (in any order the call takes).
        const auto target = numbers.find(i.mergedInto);
        const std::optional<std::int64_t> targetNumber =
            target == numbers.end() ? std::nullopt : std::optional<std::int64_t>(target->second);
        const auto name = categoryNames.find(i.category);
        sink({number(i.number), text(std::move(i.id)), text(std::move(i.title)), text(std::move(i.description)),
              text(i.category), text(name == categoryNames.end() ? std::string() : name->second),
              text(std::move(i.language)), text(toString(i.status)), number(i.votes), timestamp(i.createdAt),
              optionalNumber(targetNumber), optionalText(std::move(i.mergedInto)), text(std::move(i.author)),
              boolean(i.pinned), text(std::move(i.kioskId)), number(i.kioskSeq)});
    }
}

void voteRows(Store& store, const Event& event, const RowSink& sink) {
    // Streamed straight from SQL: a million votes never sit in memory as objects.
    SQLite::Statement q(store.db(), std::string("SELECT ") + kVoteColumns + ", i.number FROM votes v JOIN ideas i ON "
                                                                          "i.id = v.idea_id WHERE v.event_id = ? "
                                                                          "ORDER BY v.created_at, v.id");
    q.bind(1, event.id);
    while (q.executeStep()) {
        VoteEvent v = readVote(q);  // its texts move into the cells: a million rows, a few million copies fewer
        sink({text(std::move(v.id)), number(q.getColumn(kVoteColumnCount).getInt64()), text(std::move(v.ideaId)),
              text(std::move(v.sessionId)), text(toString(v.kind)), optionalText(std::move(v.retracts)),
              timestamp(v.createdAt), text(std::move(v.kioskId))});
    }
}

void sessionRows(Store& store, const Event& event, const RowSink& sink) {
    for (const auto& s : store.sessions(event.id)) {
        sink({text(s.id), text(s.kioskId), text(toString(s.source)), text(s.language), timestamp(s.startedAt),
              optionalTimestamp(s.endedAt), text(toString(s.end)), number(s.votesUsed)});
    }
}

void moderationRows(Store& store, const Event& event, const RowSink& sink) {
    for (const auto& e : store.moderationLog(event.id)) {
        sink({text(e.id), timestamp(e.at), text(e.actor), text(e.action), text(e.targetId),
              jsonText(e.before), jsonText(e.after),
              text(e.reason), text(e.kioskId)});
    }
}

json eventJson(const Event& e) {
    json categories = json::array();
    for (const auto& c : e.settings.categories) categories.push_back({{"key", c.key}, {"color", c.color}, {"names", c.names}});
    json event = {{"id", e.id},
                  {"title", e.settings.title},
                  {"venue", e.settings.venue},
                  {"starts_on", e.settings.startsOn},
                  {"ends_on", e.settings.endsOn},
                  {"vote_budget", e.settings.voteBudget},
                  {"show_counts", e.settings.showCounts},
                  {"moderation", toString(e.settings.moderation)},
                  {"submission_open", e.settings.submissionOpen},
                  {"voting_open", e.settings.votingOpen},
                  {"counts_after_reveal", e.settings.countsAfterReveal},
                  {"counts_revealed", e.settings.countsRevealed},
                  {"categories", categories}};
    if (!e.settings.languages.empty()) event["languages"] = e.settings.languages;  // none: every language
    return event;
}

}  // namespace

// [SECTION] Writers

std::vector<std::string> exportColumns(const std::string& table) {
    const auto it = kColumns.find(table);
    if (it == kColumns.end()) {
        throw RuleError("bad_table", "unknown export " + quoteUntrusted(table) + " (expected ideas, votes, sessions or moderation)");
    }
    return it->second;
}

void forEachExportRow(Store& store, const std::string& eventId, const std::string& table, const RowSink& sink) {
    exportColumns(table);  // refuses an unknown table
    const auto event = store.event(eventId);
    if (!event) throw RuleError("unknown_event", "no event with id " + quoteUntrusted(eventId));
    const std::map<std::string, std::function<void(Store&, const Event&, const RowSink&)>> producers = {
        {"ideas", ideaRows}, {"votes", voteRows}, {"sessions", sessionRows}, {"moderation", moderationRows}};
    producers.at(table)(store, *event, sink);
}

void exportTable(Store& store, const std::string& eventId, const std::string& table, const ExportOptions& options,
                 std::ostream& out) {
    const auto columns = exportColumns(table);
    const auto event = store.event(eventId);
    if (!event) throw RuleError("unknown_event", "no event with id " + quoteUntrusted(eventId));
    auto produce = [&](const RowSink& sink) { forEachExportRow(store, eventId, table, sink); };

    if (options.format == ExportFormat::Csv) {
        CsvWriter writer(out, options.dialect);
        writer.row(columns);
        std::vector<std::string> fields(columns.size());
        produce([&](Row&& row) {
            for (std::size_t i = 0; i < row.size(); ++i) fields[i] = std::move(row[i].text);
            writer.row(fields);
        });
        return;
    }
    // JSON, streamed: the envelope by hand, each row through nlohmann::json.
    out << "{\"event\":" << eventJson(*event).dump() << ",\"" << table << "\":[";
    bool first = true;
    produce([&](Row&& row) {
        json object = json::object();
        for (std::size_t i = 0; i < row.size(); ++i) object[columns[i]] = toJson(row[i]);
        out << (first ? "\n" : ",\n") << object.dump();
        first = false;
    });
    out << "\n]}\n";
}

}  // namespace storage
