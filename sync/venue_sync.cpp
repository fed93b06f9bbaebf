// Push-then-pull rounds of one kiosk file against the venue server.
#include "sync/venue_sync.h"

#include "sync/server.h"

#include <chrono>
#include <thread>

namespace pgsync {

std::string SyncReport::summary() const {
    return "pushed " + std::to_string(pushed) + " rows (" + std::to_string(pushedNew) + " new to the server), pulled " +
           std::to_string(pulled) + " changes (" + std::to_string(applied.inserted) + " new here, " +
           std::to_string(applied.updated) + " updated, " + std::to_string(applied.unchanged) + " known, " +
           std::to_string(applied.keptLocal) + " conflicts kept for later), " + std::to_string(backlog) +
           " rows waiting, cursor " + std::to_string(cursor);
}

namespace {

constexpr int kMaxRounds = 20;

// A full pulled batch means more follow. Applied back to back, they would hold the file's write lock all but one
// PostgreSQL round trip (about a millisecond) per batch, and another writer on the file (the kiosk's own writer
// saving an idea, an `idea add`) could miss every gap for its whole busy timeout: a kiosk joining a venue with a
// backlog of thousands of rows would refuse votes while it catches up. So the worker leaves the file alone this long
// after a full batch. Our connections (the kiosk's writer, the command line) look again every 2 ms
// (storage/schema.cpp) and get in at once; a program with SQLite's own busy handler (sqlite3, a script) tries every
// 1 to 25 ms in the first tenth of a second of its wait, then every 100 ms, so 30 ms gives it a fair chance too. It
// costs a backlog of 28,000 rows 56 pauses, under 2 s.
constexpr std::chrono::milliseconds kPauseAfterFullBatch{30};

void pushAll(storage::Store& store, PgConnection& pg, const SyncOptions& options, SyncReport& report) {
    for (;;) {
        const auto batch = storage::outboxBatch(store, options.batchRows);
        if (batch.empty()) return;
        const auto left = storage::outboxBacklog(store) - static_cast<std::int64_t>(batch.size());
        report.pushedNew += pushRows(pg, store.kioskId(), batch, left);
        // Only now: the server committed. A kill before this line sends the batch again, which changes nothing.
        storage::acknowledgeOutbox(store, batch.back().seq);
        report.pushed += static_cast<std::int64_t>(batch.size());
    }
}

void pullAll(storage::Store& store, PgConnection& pg, const SyncOptions& options, SyncReport& report) {
    for (;;) {
        const auto changes = pullChanges(pg, storage::pullCursor(store), options.batchRows);
        if (changes.empty()) return;
        const auto applied = storage::applyRemoteChanges(store, changes);
        report.pulled += static_cast<std::int64_t>(changes.size());
        report.applied.inserted += applied.inserted;
        report.applied.updated += applied.updated;
        report.applied.unchanged += applied.unchanged;
        report.applied.keptLocal += applied.keptLocal;
        for (const auto& line : applied.lines) {
            if (options.log) options.log(line);
        }
        if (static_cast<int>(changes.size()) >= options.batchRows) std::this_thread::sleep_for(kPauseAfterFullBatch);
    }
}

}  // namespace

SyncReport syncOnce(storage::Store& store, PgConnection& pg, const SyncOptions& options) {
    requireServerSchema(pg);
    if (storage::attachToServer(store, serverId(pg)) && options.log) {
        options.log("this file synced with another server before: every row is queued again, the cursor starts at 0");
    }
    SyncReport report;
    // Rounds until the outbox stays empty; bounded, for a file someone keeps writing to meanwhile.
    for (int round = 0; round < kMaxRounds; ++round) {
        pushAll(store, pg, options, report);
        pullAll(store, pg, options, report);
        if (storage::outboxBacklog(store) == 0) break;
    }
    report.backlog = storage::outboxBacklog(store);
    report.cursor = storage::pullCursor(store);
    noteContact(pg, store.kioskId(), report.cursor, report.backlog);
    return report;
}

}  // namespace pgsync
