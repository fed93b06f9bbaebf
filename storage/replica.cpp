// The outbox and the application of remote changes: how the venue sync reads and writes the model.
#include "storage/replica.h"

#include "storage/replica_fields.h"
#include "storage/schema.h"
#include "storage/store_impl.h"
#include "storage/text.h"

#include <SQLiteCpp/Statement.h>

#include <nlohmann/json.hpp>

#include <map>

namespace storage {

namespace {

using nlohmann::json;

// [SECTION] Rows as JSON

const char* tableOf(const std::string& kind) {
    if (kind == "event") return "events";
    if (kind == "session") return "sessions";
    if (kind == "idea") return "ideas";
    if (kind == "vote") return "votes";
    if (kind == "moderation") return "moderation_log";
    throw StoreError("unknown kind of synced row: " + printableLine(kind, 40));
}

// Columns that describe this file, not the row: never sent, never compared.
bool localOnly(const std::string& column) { return column == "title_fold" || column == "active"; }

json rowObject(Store& store, const std::string& kind, const std::string& rowId) {
    SQLite::Statement q(store.db(), std::string("SELECT * FROM ") + tableOf(kind) + " WHERE id = ?");
    q.bind(1, rowId);
    if (!q.executeStep()) return nullptr;
    json row = json::object();
    for (int c = 0; c < q.getColumnCount(); ++c) {
        const std::string name = q.getColumnName(c);
        if (localOnly(name)) continue;
        const auto column = q.getColumn(c);
        if (column.isNull()) {
            row[name] = nullptr;
        } else if (column.isInteger()) {
            row[name] = column.getInt64();
        } else {
            row[name] = column.getString();
        }
    }
    return row;
}

std::string text(const json& row, const char* key) {
    const auto it = row.find(key);
    return it != row.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// [SECTION] Sync state (cursor, server, whose settings)

std::string syncState(Store& store, const std::string& key) {
    return keyValue(store.db(), "sync_state", key.c_str()).value_or(std::string());
}

void setSyncState(Store& store, const std::string& key, const std::string& value) {
    putKeyValue(store.db(), "sync_state", key.c_str(), value);
}

// Event settings are last-writer-wins per row. The kiosk that still holds an unsent change keeps it and logs that
// (Outcome::KeptLocal); the kiosk whose change already reached the server would otherwise see its settings replaced
// by a later push without a word. So the file remembers, per event, the server change that carried this kiosk's own
// settings (its echo in the pull), until a change of another kiosk arrives for that event.
const char* const kOwnSettingsPrefix = "own_settings_change:";

void followSettingsOrigin(Store& store, const RemoteChange& change, bool replaced, ApplyReport& report) {
    const std::string key = kOwnSettingsPrefix + change.rowId;
    if (change.kioskId == store.kioskId()) {
        setSyncState(store, key, std::to_string(change.serverSeq));
        return;
    }
    const std::string ours = syncState(store, key);
    if (ours.empty()) return;
    if (replaced) {
        report.lines.push_back("conflict on event " + change.rowId + ": this kiosk's settings (server change " + ours +
                               ") were replaced by kiosk " + change.kioskId + "'s later change (server change " +
                               std::to_string(change.serverSeq) + "); the later push wins at every kiosk");
    }
    SQLite::Statement forget(store.db(), "DELETE FROM sync_state WHERE key = ?");
    forget.bind(1, key);
    forget.exec();
}

// [SECTION] Applying one change

bool pendingLocally(Store& store, const std::string& kind, const std::string& rowId) {
    SQLite::Statement q(store.db(), "SELECT 1 FROM outbox WHERE kind = ? AND row_id = ? LIMIT 1");
    q.bind(1, kind);
    q.bind(2, rowId);
    return q.executeStep();
}

// The fields last-writer-wins decides, without the ones that describe this file or the venue number.
json mutableState(json row) {
    if (row.is_object()) {
        row.erase("number");
        row.erase("kiosk_id");
    }
    return row;
}

void updateEvent(Store& store, const Event& remote) {
    SQLite::Statement update(store.db(), "UPDATE events SET " + kEventSettingsAssignments + " WHERE id = :id");
    bindEventSettings(update, remote.settings);
    update.bind(":id", remote.id);
    update.exec();
}

// Sessions only move forward: an open session may end, a session may become voided; never back.
bool advanceSession(Store& store, const Session& remote) {
    SQLite::Statement update(store.db(),
        "UPDATE sessions SET ended_at = coalesce(ended_at, ?), "
        "end_reason = CASE WHEN end_reason = 'open' THEN ? ELSE end_reason END, voided = max(voided, ?) "
        "WHERE id = ? AND ((end_reason = 'open' AND ? <> 'open') OR voided < ?)");
    const std::string reason = remote.end == SessionEnd::Finished      ? "finished"
                               : remote.end == SessionEnd::IdleTimeout ? "idle"
                               : remote.endedAt                        ? "finished"
                                                                       : "open";
    const int voided = remote.end == SessionEnd::Voided ? 1 : 0;
    bindOrNull(update, 1, remote.endedAt);
    update.bind(2, reason);
    update.bind(3, voided);
    update.bind(4, remote.id);
    update.bind(5, reason);
    update.bind(6, voided);
    return update.exec() > 0;
}

// Gives the idea the server's venue number; a provisional number of another idea in the way moves aside.
bool takeVenueNumber(Store& store, const Idea& idea, int venueNumber, ApplyReport& report) {
    SQLite::Statement current(store.db(), "SELECT number FROM ideas WHERE id = ?");
    current.bind(1, idea.id);
    if (!current.executeStep() || current.getColumn(0).getInt() == venueNumber) return false;
    const int before = current.getColumn(0).getInt();
    SQLite::Statement holder(store.db(), "SELECT id FROM ideas WHERE event_id = ? AND number = ?");
    holder.bind(1, idea.eventId);
    holder.bind(2, venueNumber);
    if (holder.executeStep()) {
        SQLite::Statement aside(store.db(),
            "UPDATE ideas SET number = (SELECT max(number) + 1 FROM ideas WHERE event_id = ?) WHERE id = ?");
        aside.bind(1, idea.eventId);
        aside.bind(2, holder.getColumn(0).getString());
        aside.exec();
    }
    SQLite::Statement set(store.db(), "UPDATE ideas SET number = ? WHERE id = ?");
    set.bind(1, venueNumber);
    set.bind(2, idea.id);
    set.exec();
    report.lines.push_back("idea " + idea.id + ": provisional #" + std::to_string(before) + " is venue #" +
                           std::to_string(venueNumber));
    return true;
}

void linkSession(Store& store, const json& row) {
    const std::string sessionId = text(row, "session_id");
    if (sessionId.empty()) return;
    SQLite::Statement link(store.db(), "UPDATE ideas SET session_id = ? WHERE id = ? AND session_id IS NULL");
    link.bind(1, sessionId);
    link.bind(2, text(row, "id"));
    link.exec();
}

enum class Outcome { Inserted, Updated, Unchanged, KeptLocal };

// Events: inserted when new, else last-writer-wins in server order unless this file has an unsent change.
template <typename Record, typename Insert, typename Update>
Outcome applyMutable(Store& store, const RemoteChange& change, const json& row, const Record& record, Insert insert,
                     Update update) {
    const json local = rowObject(store, change.kind, change.rowId);
    if (local.is_null()) {
        insert(record);
        return Outcome::Inserted;
    }
    if (mutableState(local) == mutableState(row)) return Outcome::Unchanged;
    if (pendingLocally(store, change.kind, change.rowId)) return Outcome::KeptLocal;
    update(record);
    return Outcome::Updated;
}

// An idea: inserted when new. An idea this file has changes only through moderation entries, field by field
// (replica_fields.h); a pushed row that differs is remembered to explain the merge, or kept against an unsent one.
Outcome applyIdea(Store& store, const RemoteChange& change, const json& row, ApplyReport& report,
                  std::map<std::string, replica_fields::PushedRow>& differing) {
    const Idea idea = readIdea(JsonRow{row, kIdeaFields});
    Outcome outcome = Outcome::Unchanged;
    const json local = rowObject(store, change.kind, change.rowId);
    if (local.is_null()) {
        store.insertIdeaRecord(idea);
        linkSession(store, row);
        outcome = Outcome::Inserted;
    } else if (mutableState(local) != mutableState(row)) {
        if (pendingLocally(store, change.kind, change.rowId)) {
            outcome = Outcome::KeptLocal;
        } else {
            differing[change.rowId] = {row, change};
        }
    }
    if (change.venueNumber > 0 && takeVenueNumber(store, idea, change.venueNumber, report) &&
        outcome == Outcome::Unchanged) {
        outcome = Outcome::Updated;
    }
    return outcome;
}

Outcome applyOne(Store& store, const RemoteChange& change, ApplyReport& report,
                 std::map<std::string, replica_fields::PushedRow>& differing) {
    const json row = json::parse(change.payload, nullptr, false);
    if (!row.is_object() || text(row, "id") != change.rowId) {
        throw StoreError("server change " + std::to_string(change.serverSeq) + " is not a row of ours");
    }
    if (change.kind == "vote") return store.insertVoteRecord(readVote(JsonRow{row, kVoteFields})) ? Outcome::Inserted : Outcome::Unchanged;
    if (change.kind == "moderation") {
        // Applied again when known (this kiosk's own entries too): every kiosk applies the same entries in the
        // same order, so the same fields end the same everywhere.
        const ModerationEntry entry = readModerationEntry(JsonRow{row, kModerationFields});
        const bool inserted = store.insertModerationRecord(entry);
        const bool changed = replica_fields::setsIdeaFields(entry) &&
                             replica_fields::applyIdeaOperation(store, entry, change, report);
        if (changed) ++report.updated;  // the idea's fields: counted beside the entry itself
        return inserted ? Outcome::Inserted : Outcome::Unchanged;
    }
    if (change.kind == "session") {
        const Session s = readSession(JsonRow{row, kSessionFields});
        if (store.insertSessionRecord(s)) return Outcome::Inserted;
        return advanceSession(store, s) ? Outcome::Updated : Outcome::Unchanged;
    }
    if (change.kind == "event") {
        const Event e = readEvent(JsonRow{row, kEventFields});
        const Outcome outcome = applyMutable(
            store, change, row, e, [&](const Event& x) { store.insertEventRecord(x); },
            [&](const Event& x) { updateEvent(store, x); });
        // An unsent change of ours stays and is pushed next; its echo makes the settings ours again.
        if (outcome != Outcome::KeptLocal) followSettingsOrigin(store, change, outcome == Outcome::Updated, report);
        // Not activateEvent: its log entry would exist in this file only, and the files must stay equal.
        SQLite::Statement activate(store.db(), "UPDATE events SET active = 1 WHERE id = ? AND NOT EXISTS "
                                               "(SELECT 1 FROM events WHERE active = 1)");
        activate.bind(1, e.id);
        activate.exec();
        return outcome;
    }
    if (change.kind == "idea") return applyIdea(store, change, row, report, differing);
    throw StoreError("unknown kind of synced row: " + printableLine(change.kind, 40));
}

}  // namespace

// [SECTION] Outbox

std::string rowJson(Store& store, const std::string& kind, const std::string& rowId) {
    const json row = rowObject(store, kind, rowId);
    return row.is_null() ? std::string() : row.dump();
}

std::vector<OutboxRow> outboxBatch(Store& store, int limit) {
    std::vector<OutboxRow> batch;
    SQLite::Statement q(store.db(), "SELECT seq, kind, row_id FROM outbox ORDER BY seq LIMIT ?");
    q.bind(1, limit);
    while (q.executeStep()) {
        OutboxRow r;
        r.seq = q.getColumn(0).getInt64();
        r.kind = q.getColumn(1).getString();
        r.rowId = q.getColumn(2).getString();
        batch.push_back(std::move(r));
    }
    for (auto& r : batch) r.payload = rowJson(store, r.kind, r.rowId);
    return batch;
}

void acknowledgeOutbox(Store& store, std::int64_t seq) {
    store.transaction([&] {
        SQLite::Statement remove(store.db(), "DELETE FROM outbox WHERE seq <= ?");
        remove.bind(1, seq);
        remove.exec();
    });
}

std::int64_t outboxBacklog(Store& store) { return store.db().execAndGet("SELECT count(*) FROM outbox").getInt64(); }

// [SECTION] Pull

bool attachToServer(Store& store, const std::string& serverId) {
    const std::string known = syncState(store, "server_id");
    if (known == serverId) return false;
    bool requeued = false;
    store.transaction([&] {
        // The first server: the outbox already holds everything not yet pushed anywhere.
        if (!known.empty()) {
            store.db().exec("DELETE FROM outbox");
            store.db().exec(std::string("DELETE FROM sync_state WHERE key LIKE '") + kOwnSettingsPrefix + "%'");
            store.db().exec(kQueueAllRows);
            setSyncState(store, "pull_cursor", "0");
            requeued = true;
        }
        setSyncState(store, "server_id", serverId);
    });
    return requeued;
}

std::int64_t pullCursor(Store& store) {
    const std::string cursor = syncState(store, "pull_cursor");
    return cursor.empty() ? 0 : std::stoll(cursor);
}

ApplyReport applyRemoteChanges(Store& store, const std::vector<RemoteChange>& changes) {
    ApplyReport report;
    if (changes.empty()) return report;
    store.transaction([&] {
        // Parents may come later in the same batch (a merged idea before its target in an old file's backlog).
        store.db().exec("PRAGMA defer_foreign_keys = ON");
        store.db().exec("INSERT INTO sync_applying(on_behalf) VALUES ('pull')");
        std::map<std::string, replica_fields::PushedRow> differing;
        for (const auto& change : changes) {
            switch (applyOne(store, change, report, differing)) {
                case Outcome::Inserted: ++report.inserted; break;
                case Outcome::Updated: ++report.updated; break;
                case Outcome::Unchanged: ++report.unchanged; break;
                case Outcome::KeptLocal:
                    ++report.keptLocal;
                    // The echo of this kiosk's own earlier push behind a newer unsent change is no conflict.
                    if (change.kioskId == store.kioskId()) break;
                    report.lines.push_back("conflict on " + change.kind + " " + change.rowId + ": kept this kiosk's " +
                                           "unsent change over server change " + std::to_string(change.serverSeq) +
                                           " of kiosk " + change.kioskId + " (it is pushed next and wins everywhere)");
                    break;
            }
        }
        replica_fields::explainFieldMerges(store, differing, report);
        setSyncState(store, "pull_cursor", std::to_string(changes.back().serverSeq));
        store.db().exec("DELETE FROM sync_applying");
    });
    return report;
}

}  // namespace storage
