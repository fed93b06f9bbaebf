// One sync of a kiosk file with the venue server: push the outbox, pull what is new, until both are empty.
#pragma once

#include "storage/replica.h"
#include "sync/pg.h"

#include <cstdint>
#include <functional>
#include <string>

namespace pgsync {

struct SyncOptions {
    int batchRows = 500;                               ///< rows per pushed transaction and per pull
    std::function<void(const std::string&)> log;       ///< conflicts and renumberings, one line each; may be empty
};

struct SyncReport {
    std::int64_t pushed = 0;     ///< outbox rows sent
    std::int64_t pushedNew = 0;  ///< of those, rows the server did not have yet
    std::int64_t pulled = 0;     ///< changes received
    storage::ApplyReport applied;
    std::int64_t backlog = 0;    ///< outbox rows left (0 unless someone wrote meanwhile)
    std::int64_t cursor = 0;     ///< the server sequence this file has applied up to
    std::string summary() const;
};

/// Pushes the outbox in batches (each one server transaction; the local outbox is cleared only after the server
/// committed, so a kill in between sends a batch again, which changes nothing), then pulls and applies every
/// change after the cursor, and repeats until the outbox is empty. Throws PgError (connection, server) or
/// StoreError/RuleError (the local file); what was acknowledged or applied before stays.
SyncReport syncOnce(storage::Store& store, PgConnection& pg, const SyncOptions& options = {});

}  // namespace pgsync
