// Internals shared by the files that implement Store and by storage's own readers of its tables (not a public header).
#pragma once

#include "storage/similarity.h"
#include "storage/store.h"

#include <SQLiteCpp/Statement.h>

#include <nlohmann/json.hpp>

#include <map>
#include <random>

namespace storage {

struct Store::Impl {
    std::string path;
    StoreOptions options;
    SQLite::Database db;
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

// [SECTION] Row readers (store_rows.cpp): one per record, each with the columns it expects, in that order.

/// Reads one idea row selected with kIdeaColumns.
Idea readIdea(SQLite::Statement& row);
inline constexpr const char* kIdeaColumns =
    "id, event_id, number, title, description, author, category, language, status, merged_into, pinned, "
    "created_at, kiosk_id, kiosk_seq";

/// Reads one event row selected with kEventColumns.
Event readEvent(SQLite::Statement& row);
inline constexpr const char* kEventColumns =
    "id, title, venue, starts_on, ends_on, categories, vote_budget, show_counts, moderation, submission_open, "
    "voting_open, active, created_at, counts_after_reveal, counts_revealed, projector_frozen";

/// Reads one row of kSessionSelect (a whole statement up to FROM: add WHERE and ORDER BY); votesUsed is derived.
Session readSession(SQLite::Statement& row);
inline constexpr const char* kSessionSelect =
    "SELECT s.id, s.event_id, s.kiosk_id, s.language, s.started_at, s.ended_at, s.end_reason, s.voided, s.source, "
    "(SELECT count(*) FROM votes v WHERE v.session_id = s.id AND v.kind = 'vote' AND NOT EXISTS "
    "(SELECT 1 FROM votes r WHERE r.retracts = v.id)) FROM sessions s ";

/// Reads one vote row selected with kVoteColumns from `votes v` (further columns may follow them).
VoteEvent readVote(SQLite::Statement& row);
inline constexpr const char* kVoteColumns =
    "v.id, v.event_id, v.idea_id, v.session_id, v.kind, v.retracts, v.created_at, v.kiosk_id";
inline constexpr int kVoteColumnCount = 8;

/// Reads one moderation_log row selected with kModerationColumns.
ModerationEntry readModerationEntry(SQLite::Statement& row);
inline constexpr const char* kModerationColumns =
    "id, event_id, at, actor, action, target_id, before, after, reason, kiosk_id";

/// Live vote counts per idea of one event: each idea's own distinct sessions, and for every idea that is
/// not merged, the distinct sessions over it and all ideas merged into it (through chains).
struct VoteCounts {
    std::map<std::string, int> own;
    std::map<std::string, int> tree;
    int of(const Idea& idea) const;
};
VoteCounts countVotes(SQLite::Database& db, const std::string& eventId);

/// Binds :title, :venue, :starts, :ends, :categories, :budget, :show, :moderation, :submission, :voting,
/// :after_reveal, :revealed and :frozen of an events INSERT or UPDATE.
void bindEventSettings(SQLite::Statement& st, const EventSettings& s);

/// The idea's title, description, author and category cleaned and checked against their limits (throws RuleError
/// like cleanText and checkLength); language untouched.
NewIdea cleanedIdea(const NewIdea& input);

/// The settings as the moderation log records them (and the sync sends them).
nlohmann::json settingsJson(const EventSettings& s);

nlohmann::json categoriesToJson(const std::vector<Category>& categories);
std::vector<Category> categoriesFromJson(const std::string& text);

}  // namespace storage
