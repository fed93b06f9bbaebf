// One reader per record: the function that turns a row (of this file, or synced from the server) into its struct.
// Every query that returns whole records goes through these.
#include "storage/store_impl.h"

namespace storage {

std::string columnList(std::span<const char* const> fields, std::string_view prefix) {
    std::string list;
    for (const char* field : fields) {
        if (!list.empty()) list += ", ";
        list.append(prefix).append(field);
    }
    return list;
}

// [SECTION] A synced row, by field name

const nlohmann::json* JsonRow::member(int k) const {
    const auto it = object.find(fields[static_cast<std::size_t>(k)]);
    return it == object.end() ? nullptr : &*it;
}

bool JsonRow::isNull(int k) const {
    const auto* value = member(k);
    return value == nullptr || value->is_null();
}

std::string JsonRow::text(int k) const {
    const auto* value = member(k);
    return value != nullptr && value->is_string() ? value->get<std::string>() : std::string();
}

std::int64_t JsonRow::integer(int k) const {
    const auto* value = member(k);
    return value != nullptr && value->is_number_integer() ? value->get<std::int64_t>() : 0;
}

// [SECTION] The readers, written once for both kinds of row (fields in the order of the k…Fields lists)

namespace {

template <class Row>
Idea ideaOf(const Row& row) {
    Idea i;
    i.id = row.text(0);
    i.eventId = row.text(1);
    i.number = static_cast<int>(row.integer(2));
    i.title = row.text(3);
    i.description = row.text(4);
    i.author = row.text(5);
    i.category = row.text(6);
    i.language = row.text(7);
    i.status = ideaStatusFromString(row.text(8));
    i.mergedInto = row.text(9);
    i.pinned = row.integer(10) != 0;
    i.createdAt = row.integer(11);
    i.kioskId = row.text(12);
    i.kioskSeq = row.integer(13);
    return i;
}

template <class Row>
Event eventOf(const Row& row) {
    Event e;
    e.id = row.text(0);
    e.settings.title = row.text(1);
    e.settings.venue = row.text(2);
    e.settings.startsOn = row.text(3);
    e.settings.endsOn = row.text(4);
    e.settings.categories = categoriesFromJson(row.text(5));
    e.settings.voteBudget = static_cast<int>(row.integer(6));
    e.settings.showCounts = row.integer(7) != 0;
    e.settings.moderation = moderationModeFromString(row.text(8));
    e.settings.submissionOpen = row.integer(9) != 0;
    e.settings.votingOpen = row.integer(10) != 0;
    e.active = row.integer(11) != 0;
    e.createdAt = row.integer(12);
    e.settings.countsAfterReveal = row.integer(13) != 0;
    e.settings.countsRevealed = row.integer(14) != 0;
    e.settings.projectorFrozen = row.integer(15) != 0;
    e.settings.languages = languagesFromJson(row.text(16));  // a row of a kiosk before schema 6 has none: every language
    return e;
}

SessionEnd sessionEndFrom(const std::string& reason, bool voided) {
    if (voided) return SessionEnd::Voided;
    if (reason == "finished") return SessionEnd::Finished;
    if (reason == "idle") return SessionEnd::IdleTimeout;
    return SessionEnd::Open;
}

template <class Row>
Session sessionOf(const Row& row) {
    Session s;
    s.id = row.text(0);
    s.eventId = row.text(1);
    s.kioskId = row.text(2);
    s.language = row.text(3);
    s.startedAt = row.integer(4);
    if (!row.isNull(5)) s.endedAt = row.integer(5);
    s.end = sessionEndFrom(row.text(6), row.integer(7) != 0);
    s.source = sessionSourceFrom(row.text(8));
    return s;
}

template <class Row>
VoteEvent voteOf(const Row& row) {
    VoteEvent v;
    v.id = row.text(0);
    v.eventId = row.text(1);
    v.ideaId = row.text(2);
    v.sessionId = row.text(3);
    v.kind = voteKindFromString(row.text(4));
    v.retracts = row.text(5);
    v.createdAt = row.integer(6);
    v.kioskId = row.text(7);
    return v;
}

template <class Row>
ModerationEntry moderationEntryOf(const Row& row) {
    ModerationEntry e;
    e.id = row.text(0);
    e.eventId = row.text(1);
    e.at = row.integer(2);
    e.actor = row.text(3);
    e.action = row.text(4);
    e.targetId = row.text(5);
    e.before = row.text(6);
    e.after = row.text(7);
    e.reason = row.text(8);
    e.kioskId = row.text(9);
    return e;
}

}  // namespace

Idea readIdea(const StatementRow& row) { return ideaOf(row); }
Idea readIdea(const JsonRow& row) { return ideaOf(row); }
Event readEvent(const StatementRow& row) { return eventOf(row); }
Event readEvent(const JsonRow& row) { return eventOf(row); }
Session readSession(const JsonRow& row) { return sessionOf(row); }
Session readSession(const StatementRow& row) {
    Session s = sessionOf(row);
    s.votesUsed = static_cast<int>(row.integer(static_cast<int>(kSessionFields.size())));
    return s;
}
VoteEvent readVote(const StatementRow& row) { return voteOf(row); }
VoteEvent readVote(const JsonRow& row) { return voteOf(row); }
ModerationEntry readModerationEntry(const StatementRow& row) { return moderationEntryOf(row); }
ModerationEntry readModerationEntry(const JsonRow& row) { return moderationEntryOf(row); }

}  // namespace storage
