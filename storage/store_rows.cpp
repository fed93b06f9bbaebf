// One reader per record: the columns each table is selected with and the function that turns such a row into its
// struct. Every query that returns whole records goes through these.
#include "storage/store_impl.h"

namespace storage {

Idea readIdea(SQLite::Statement& row) {
    Idea i;
    i.id = row.getColumn(0).getString();
    i.eventId = row.getColumn(1).getString();
    i.number = row.getColumn(2).getInt();
    i.title = row.getColumn(3).getString();
    i.description = row.getColumn(4).getString();
    i.author = row.getColumn(5).getString();
    i.category = row.getColumn(6).getString();
    i.language = row.getColumn(7).getString();
    i.status = ideaStatusFromString(row.getColumn(8).getString());
    i.mergedInto = row.getColumn(9).isNull() ? "" : row.getColumn(9).getString();
    i.pinned = row.getColumn(10).getInt() != 0;
    i.createdAt = row.getColumn(11).getInt64();
    i.kioskId = row.getColumn(12).getString();
    i.kioskSeq = row.getColumn(13).getInt64();
    return i;
}

Event readEvent(SQLite::Statement& row) {
    Event e;
    e.id = row.getColumn(0).getString();
    e.settings.title = row.getColumn(1).getString();
    e.settings.venue = row.getColumn(2).getString();
    e.settings.startsOn = row.getColumn(3).getString();
    e.settings.endsOn = row.getColumn(4).getString();
    e.settings.categories = categoriesFromJson(row.getColumn(5).getString());
    e.settings.voteBudget = row.getColumn(6).getInt();
    e.settings.showCounts = row.getColumn(7).getInt() != 0;
    e.settings.moderation = moderationModeFromString(row.getColumn(8).getString());
    e.settings.submissionOpen = row.getColumn(9).getInt() != 0;
    e.settings.votingOpen = row.getColumn(10).getInt() != 0;
    e.active = row.getColumn(11).getInt() != 0;
    e.createdAt = row.getColumn(12).getInt64();
    e.settings.countsAfterReveal = row.getColumn(13).getInt() != 0;
    e.settings.countsRevealed = row.getColumn(14).getInt() != 0;
    e.settings.projectorFrozen = row.getColumn(15).getInt() != 0;
    return e;
}

namespace {

SessionEnd sessionEndFrom(const std::string& reason, bool voided) {
    if (voided) return SessionEnd::Voided;
    if (reason == "finished") return SessionEnd::Finished;
    if (reason == "idle") return SessionEnd::IdleTimeout;
    return SessionEnd::Open;
}

}  // namespace

Session readSession(SQLite::Statement& row) {
    Session s;
    s.id = row.getColumn(0).getString();
    s.eventId = row.getColumn(1).getString();
    s.kioskId = row.getColumn(2).getString();
    s.language = row.getColumn(3).getString();
    s.startedAt = row.getColumn(4).getInt64();
    if (!row.getColumn(5).isNull()) s.endedAt = row.getColumn(5).getInt64();
    s.end = sessionEndFrom(row.getColumn(6).getString(), row.getColumn(7).getInt() != 0);
    s.source = sessionSourceFrom(row.getColumn(8).getString());
    s.votesUsed = row.getColumn(9).getInt();
    return s;
}

VoteEvent readVote(SQLite::Statement& row) {
    VoteEvent v;
    v.id = row.getColumn(0).getString();
    v.eventId = row.getColumn(1).getString();
    v.ideaId = row.getColumn(2).getString();
    v.sessionId = row.getColumn(3).getString();
    v.kind = voteKindFromString(row.getColumn(4).getString());
    v.retracts = row.getColumn(5).isNull() ? "" : row.getColumn(5).getString();
    v.createdAt = row.getColumn(6).getInt64();
    v.kioskId = row.getColumn(7).getString();
    return v;
}

ModerationEntry readModerationEntry(SQLite::Statement& row) {
    ModerationEntry e;
    e.id = row.getColumn(0).getString();
    e.eventId = row.getColumn(1).getString();
    e.at = row.getColumn(2).getInt64();
    e.actor = row.getColumn(3).getString();
    e.action = row.getColumn(4).getString();
    e.targetId = row.getColumn(5).getString();
    e.before = row.getColumn(6).getString();
    e.after = row.getColumn(7).getString();
    e.reason = row.getColumn(8).getString();
    e.kioskId = row.getColumn(9).getString();
    return e;
}

}  // namespace storage
