// The model's side of the venue sync: the outbox a kiosk pushes, and applying what other kiosks wrote (no network).
#pragma once

#include "storage/store.h"

#include <cstdint>
#include <string>
#include <vector>

namespace storage {

/// One written row waiting to be pushed: the outbox entry and the row's state now, as JSON text.
struct OutboxRow {
    std::int64_t seq = 0;   ///< outbox number, never reused in one file; with the kiosk id the server's idempotency key
    std::string kind;       ///< "event", "session", "idea", "vote" or "moderation"
    std::string rowId;
    std::string payload;    ///< rowJson() of the row as it is now
};

/// One change another kiosk (or this one) pushed, as the server hands it out, in the server's order.
struct RemoteChange {
    std::int64_t serverSeq = 0;  ///< the server's sequence: the pull cursor and the order of last-writer-wins
    std::string kioskId;         ///< the kiosk that pushed it
    std::string kind;
    std::string rowId;
    std::string payload;
    int venueNumber = 0;         ///< ideas: the number the server gave the idea venue-wide (0: none)
};

/// What applying a batch of remote changes did; `lines` says it in words for the sync's log.
struct ApplyReport {
    int inserted = 0;     ///< rows this file did not have
    int updated = 0;      ///< rows whose state changed (moderation, session end, settings, a venue number)
    int unchanged = 0;    ///< already known as they are
    int keptLocal = 0;    ///< remote state ignored: this kiosk has an unsent change of the same row (conflicts)
    std::vector<std::string> lines;
};

/// The row's current state as JSON text (the sync's payload); empty when there is no such row.
std::string rowJson(Store& store, const std::string& kind, const std::string& rowId);

/// Up to `limit` outbox entries, oldest first, each with its row's current state.
std::vector<OutboxRow> outboxBatch(Store& store, int limit);
/// Removes the outbox entries up to and including `seq` (the server has them); one transaction.
void acknowledgeOutbox(Store& store, std::int64_t seq);
/// Entries waiting in the outbox.
std::int64_t outboxBacklog(Store& store);

/// Remembers which server this file syncs with. When it synced with another one before (a new server, a restored
/// one), every row is queued again and the cursor starts at 0, in one transaction; returns true then.
bool attachToServer(Store& store, const std::string& serverId);

/// The server sequence up to which this file has applied remote changes (0: none yet).
std::int64_t pullCursor(Store& store);

/// Applies `changes` (in server order) in one transaction that also moves the pull cursor to the last one's
/// sequence, so a crash applies all of them or none. The rules, the same on every kiosk:
/// - a row this file lacks is inserted through the merge records (insertXRecord: text cleaned and checked);
/// - votes and moderation log entries are immutable: a known id changes nothing;
/// - a session's end and its voiding only move forward (open → ended, not voided → voided);
/// - an event's settings follow the last change in server order, except while this file has an unsent change of
///   the same row (that change will come later in server order and win everywhere; counted in keptLocal, logged);
/// - an idea this file has changes per field, through the moderation entries (status, edit, merge, pin) applied
///   in server order, this kiosk's own ones again too: concurrent changes of different fields (a pin here, a hide
///   there) both survive; of the same field the later one wins; a field with an unsent local entry is kept (it
///   wins later); a merged idea stays merged. Where a pushed row still differs, the report says which fields the
///   log kept (replica_fields.h);
/// - an idea takes the server's venue number; a provisional local number in its way moves to the next free one;
/// - an event is activated when this file has no active event.
/// Nothing applied here enters the outbox. Throws RuleError/StoreError for a row the model refuses (nothing applied).
ApplyReport applyRemoteChanges(Store& store, const std::vector<RemoteChange>& changes);

}  // namespace storage
