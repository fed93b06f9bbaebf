// Opening an Ideenkiosk database: pragmas, identity checks and the numbered schema migrations.
#pragma once

#include <SQLiteCpp/Database.h>

#include <functional>
#include <string>
#include <vector>

namespace storage {

/// One schema step: applied inside one transaction, after which user_version = `version`.
struct Migration {
    int version;
    std::function<void(SQLite::Database&)> apply;
};

/// SQL that queues every synced row of the file in the outbox (parents first): migration 4 runs it, and the sync
/// when the file meets a different server than before.
extern const char* const kQueueAllRows;

/// The migrations of this build, in order.
const std::vector<Migration>& migrations();

/// Sets the pragmas every connection needs (WAL, synchronous=FULL, foreign keys) and a busy handler: a connection
/// that finds the file locked tries again every few milliseconds until busyTimeoutMs has passed (schema.cpp: why
/// not SQLite's own, which waits up to 100 ms between tries).
void configureConnection(SQLite::Database& db, int busyTimeoutMs, bool readOnly);

/// Refuses files that are not ours or are newer than this build; applies the missing migrations, each in
/// its own transaction. `steps` is injectable for tests. Throws StoreError naming `path`.
void migrate(SQLite::Database& db, const std::string& path, int applicationId,
             const std::vector<Migration>& steps = migrations());

/// Throws StoreError naming `path` unless `PRAGMA quick_check` says "ok".
void quickCheck(SQLite::Database& db, const std::string& path);

}  // namespace storage
