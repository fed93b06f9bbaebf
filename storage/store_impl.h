// Internals shared by the files that implement Store and by storage's own readers of its tables (not a public header).
#pragma once

#include "storage/similarity.h"
#include "storage/store.h"

#include <SQLiteCpp/Statement.h>

#include <nlohmann/json.hpp>

#include <array>
#include <utility>
#include <map>
#include <random>
#include <span>
#include <string_view>
#include <unordered_map>

namespace storage {

struct Store::Impl {
    std::string path;
    StoreOptions options;
    SQLite::Database db;
    StatementCache statements{db};  ///< after db: its statements are finalized before the connection closes
    std::string kioskId;
    int transactionDepth = 0;
    std::int64_t ownCommits = 0;
    std::uint64_t lastIdMs = 0;
    std::uint64_t idCounter = 0;

    // similar() cache: rebuilt when the change counter moved.
    std::string similarEventId;
    std::int64_t similarVersion = -1;
    SimilarityIndex similarIndex;

    Impl(const std::string& file, StoreOptions opts);
};

// [SECTION] Row readers (store_rows.cpp): one per record. Each record's fields are named once, in the order the
// SELECTs list them; the same reader reads a row of this file by position and a row synced from the venue server
// (JSON, storage/replica.cpp) by name.

inline constexpr std::array<const char*, 14> kIdeaFields{"id", "event_id", "number", "title", "description",
    "author", "category", "language", "status", "merged_into", "pinned", "created_at", "kiosk_id", "kiosk_seq"};
inline constexpr std::array<const char*, 17> kEventFields{"id", "title", "venue", "starts_on", "ends_on",
    "categories", "vote_budget", "show_counts", "moderation", "submission_open", "voting_open", "active",
    "created_at", "counts_after_reveal", "counts_revealed", "projector_frozen", "languages"};
inline constexpr std::array<const char*, 9> kSessionFields{"id", "event_id", "kiosk_id", "language", "started_at",
    "ended_at", "end_reason", "voided", "source"};
inline constexpr std::array<const char*, 8> kVoteFields{"id", "event_id", "idea_id", "session_id", "kind",
    "retracts", "created_at", "kiosk_id"};
inline constexpr std::array<const char*, 10> kModerationFields{"id", "event_id", "at", "actor", "action",
    "target_id", "before", "after", "reason", "kiosk_id"};

/// "a, b, c" from field names, each with `prefix` (a table alias such as "v.") in front.
std::string columnList(std::span<const char* const> fields, std::string_view prefix = {});

inline const std::string kIdeaColumns = columnList(kIdeaFields);
inline const std::string kEventColumns = columnList(kEventFields);
/// A whole statement up to FROM (add WHERE and ORDER BY); the session's votesUsed (its live votes, kept in
/// live_votes by the triggers of schema 7) follows its fields.
inline const std::string kSessionSelect = "SELECT " + columnList(kSessionFields, "s.") +
    ", (SELECT coalesce(sum(l.live), 0) FROM live_votes l WHERE l.session_id = s.id) FROM sessions s ";
/// Selected from `votes v`; further columns may follow them, from kVoteColumnCount on.
inline const std::string kVoteColumns = columnList(kVoteFields, "v.");
inline constexpr int kVoteColumnCount = static_cast<int>(kVoteFields.size());
inline const std::string kModerationColumns = columnList(kModerationFields);

/// A row of this file: field k is column k of the statement.
struct StatementRow {
    StatementRow(SQLite::Statement& stepped) : statement(stepped) {}  // implicit: callers pass the statement
    SQLite::Statement& statement;
    bool isNull(int k) const { return statement.getColumn(k).isNull(); }
    std::string text(int k) const {
        const auto column = statement.getColumn(k);
        return column.isNull() ? std::string() : column.getString();
    }
    std::int64_t integer(int k) const { return statement.getColumn(k).getInt64(); }
};

/// A row synced from the server: field k is the member named fields[k]; a missing or mistyped member reads as
/// empty text, 0 or null.
struct JsonRow {
    const nlohmann::json& object;
    std::span<const char* const> fields;
    const nlohmann::json* member(int k) const;
    bool isNull(int k) const;
    std::string text(int k) const;
    std::int64_t integer(int k) const;
};

Idea readIdea(const StatementRow& row);
Idea readIdea(const JsonRow& row);
Event readEvent(const StatementRow& row);
Event readEvent(const JsonRow& row);
/// From a statement this also reads votesUsed (kSessionSelect's last column); the server does not send it.
Session readSession(const StatementRow& row);
Session readSession(const JsonRow& row);
VoteEvent readVote(const StatementRow& row);
VoteEvent readVote(const JsonRow& row);
ModerationEntry readModerationEntry(const StatementRow& row);
ModerationEntry readModerationEntry(const JsonRow& row);

/// Writes an idea's cleaned texts, with the folded title the duplicate check compares.
void writeIdeaText(SQLite::Database& db, const std::string& ideaId, const NewIdea& clean);

/// The value of `key` in a key-value table (meta, sync_state), if it has one.
std::optional<std::string> keyValue(SQLite::Database& db, const char* table, const char* key);
/// Sets `key` to `value` in a key-value table.
void putKeyValue(SQLite::Database& db, const char* table, const char* key, const std::string& value);

/// Binds text, or NULL where it is empty (optional references such as merged_into and retracts).
inline void bindOrNull(SQLite::Statement& statement, int k, const std::string& text) {
    if (text.empty()) {
        statement.bind(k);
    } else {
        statement.bind(k, text);
    }
}
/// Binds a time, or NULL where there is none.
inline void bindOrNull(SQLite::Statement& statement, int k, const std::optional<TimeMs>& at) {
    if (at) {
        statement.bind(k, *at);
    } else {
        statement.bind(k);
    }
}

/// Live vote counts per idea of one event: each idea's own distinct sessions, and for every idea that is
/// not merged, the distinct sessions over it and all ideas merged into it (through chains).
struct VoteCounts {
    std::unordered_map<std::string, int> own;   ///< empty while no idea of the event is merged
    std::unordered_map<std::string, int> tree;
    int of(const Idea& idea) const;
};
VoteCounts countVotes(SQLite::Database& db, const std::string& eventId);

/// Binds :title, :venue, :starts, :ends, :categories, :budget, :show, :moderation, :submission, :voting,
/// :after_reveal, :revealed, :frozen and :languages of an events INSERT or UPDATE.
void bindEventSettings(SQLite::Statement& st, const EventSettings& s);
/// The columns of an event's settings, each with its parameter in bindEventSettings; named once here, so an INSERT
/// and an UPDATE cannot list different ones.
inline constexpr std::array<std::pair<const char*, const char*>, 14> kEventSettingsFields{{
    {"title", ":title"}, {"venue", ":venue"}, {"starts_on", ":starts"}, {"ends_on", ":ends"},
    {"categories", ":categories"}, {"vote_budget", ":budget"}, {"show_counts", ":show"}, {"moderation", ":moderation"},
    {"submission_open", ":submission"}, {"voting_open", ":voting"}, {"counts_after_reveal", ":after_reveal"},
    {"counts_revealed", ":revealed"}, {"projector_frozen", ":frozen"}, {"languages", ":languages"}}};
/// Those fields joined: "<column>, …" and ":<parameter>, …" for an INSERT, "<column> = :<parameter>, …" for an UPDATE.
std::string eventSettingsList(bool columns, bool parameters);
inline const std::string kEventSettingsColumns = eventSettingsList(true, false);
inline const std::string kEventSettingsValues = eventSettingsList(false, true);
inline const std::string kEventSettingsAssignments = eventSettingsList(true, true);

/// The idea's title, description, author and category cleaned and checked against their limits (throws RuleError
/// like cleanText and checkLength); language untouched.
NewIdea cleanedIdea(const NewIdea& input);

/// The settings as the moderation log records them (and the sync sends them).
nlohmann::json settingsJson(const EventSettings& s);

nlohmann::json categoriesToJson(const std::vector<Category>& categories);
std::vector<Category> categoriesFromJson(const std::string& text);
/// An event's languages as stored: a JSON list of codes; anything but a list of text reads as none (every language).
std::vector<std::string> languagesFromJson(const std::string& text);

}  // namespace storage
