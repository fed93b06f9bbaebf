// Internals shared by the files that implement Store (not a public header).
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

/// Reads one idea row selected with kIdeaColumns.
Idea readIdea(SQLite::Statement& row);
inline constexpr const char* kIdeaColumns =
    "id, event_id, number, title, description, author, category, language, status, merged_into, pinned, "
    "created_at, kiosk_id, kiosk_seq";

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

nlohmann::json categoriesToJson(const std::vector<Category>& categories);
std::vector<Category> categoriesFromJson(const std::string& text);

}  // namespace storage
