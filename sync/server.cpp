// The server schema (numbered migrations in schema "ideenkiosk"), pipelined idempotent pushes, pulls by sequence.
#include "sync/server.h"

#include <functional>

namespace pgsync {

namespace {

// Serialises schema changes of concurrent `server init`s, and pushes (see kPushLock).
constexpr const char* kSchemaLock = "SELECT pg_advisory_xact_lock(4940001)";
// Pushes take this lock for their transaction, so changes commit in the order of their sequence numbers: a
// puller that read up to sequence N can never later find a smaller one committed (the cursor needs no clock).
// The same lock makes the next venue idea number (max + 1) safe.
constexpr const char* kPushLock = "SELECT pg_advisory_xact_lock(4940002)";

struct ServerMigration {
    int version;
    const char* sql;
};

// Version 1: what kiosks pushed, in the server's order; each kiosk's contact; the venue-wide idea numbers; the
// server's identity (a kiosk file that meets another server pushes everything again and pulls from the start).
// A row is a change of one record of a kiosk file (its whole state as JSON), recognised by (kiosk, outbox number).
const ServerMigration kMigrations[] = {
    {1, R"sql(
CREATE TABLE ideenkiosk.changes (
    seq        bigserial PRIMARY KEY,
    kiosk_id   text NOT NULL,
    outbox_seq bigint NOT NULL,
    kind       text NOT NULL CHECK (kind IN ('event', 'session', 'idea', 'vote', 'moderation')),
    row_id     text NOT NULL,
    payload    jsonb NOT NULL,
    pushed_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (kiosk_id, outbox_seq)
);
CREATE INDEX changes_row ON ideenkiosk.changes (kind, row_id);
CREATE TABLE ideenkiosk.kiosks (
    kiosk_id      text PRIMARY KEY,
    first_contact timestamptz NOT NULL DEFAULT now(),
    last_contact  timestamptz NOT NULL DEFAULT now(),
    backlog       bigint NOT NULL DEFAULT 0,
    pull_cursor   bigint NOT NULL DEFAULT 0,
    pushed        bigint NOT NULL DEFAULT 0
);
CREATE TABLE ideenkiosk.meta (
    key   text PRIMARY KEY,
    value text NOT NULL
);
INSERT INTO ideenkiosk.meta(key, value) VALUES ('server_id', gen_random_uuid()::text);
CREATE TABLE ideenkiosk.idea_numbers (
    idea_id  text PRIMARY KEY,
    event_id text NOT NULL,
    number   integer NOT NULL,
    UNIQUE (event_id, number)
);
)sql"},
};

std::string str(long long value) { return std::to_string(value); }

}  // namespace

int newestServerSchema() { return kMigrations[std::size(kMigrations) - 1].version; }

int serverSchema(PgConnection& pg) {
    const auto exists = pg.exec("SELECT to_regclass('ideenkiosk.schema_version') IS NOT NULL");
    if (exists.text(0, 0) != "t") return 0;
    return static_cast<int>(pg.exec("SELECT coalesce(max(version), 0) FROM ideenkiosk.schema_version").integer(0, 0));
}

int initServer(PgConnection& pg) {
    pg.execScript(std::string("BEGIN; ") + kSchemaLock + "; CREATE SCHEMA IF NOT EXISTS ideenkiosk; "
                  "CREATE TABLE IF NOT EXISTS ideenkiosk.schema_version (version integer PRIMARY KEY, "
                  "applied_at timestamptz NOT NULL DEFAULT now()); COMMIT;");
    const int before = serverSchema(pg);
    if (before > newestServerSchema()) requireServerSchema(pg);
    for (const auto& step : kMigrations) {
        if (step.version <= before) continue;
        pg.execScript(std::string("BEGIN; ") + kSchemaLock + ";");
        try {
            // Another `server init` may have applied it while this one waited for the lock.
            if (serverSchema(pg) < step.version) {
                pg.execScript(step.sql);
                pg.exec("INSERT INTO ideenkiosk.schema_version(version) VALUES ($1)", {str(step.version)});
            }
            pg.execScript("COMMIT");
        } catch (...) {
            try {
                pg.execScript("ROLLBACK");
            } catch (const PgError&) {
                // the connection is gone: so is the transaction
            }
            throw;
        }
    }
    return before;
}

void requireServerSchema(PgConnection& pg) {
    const int found = serverSchema(pg);
    if (found == newestServerSchema()) return;
    if (found == 0) throw PgError("the server has no Ideenkiosk schema yet (run `ideenkiosk server init --server URL`)");
    if (found > newestServerSchema()) {
        throw PgError("the server's schema " + str(found) + " is newer than this Ideenkiosk's (" +
                      str(newestServerSchema()) + "); update this kiosk's software");
    }
    throw PgError("the server's schema " + str(found) + " is older than this Ideenkiosk's (" +
                  str(newestServerSchema()) + "); run `ideenkiosk server init --server URL`");
}

std::string serverId(PgConnection& pg) {
    return pg.exec("SELECT value FROM ideenkiosk.meta WHERE key = 'server_id'").text(0, 0);
}

int pushRows(PgConnection& pg, const std::string& kioskId, const std::vector<storage::OutboxRow>& rows,
             std::int64_t backlogAfter) {
    std::vector<PipelineStep> steps;
    steps.push_back({"BEGIN", {}});
    steps.push_back({kPushLock, {}});
    std::vector<std::size_t> changeSteps;
    for (const auto& row : rows) {
        if (row.payload.empty()) continue;  // no such row (cannot happen: nothing is deleted); nothing to send
        changeSteps.push_back(steps.size());
        steps.push_back({"INSERT INTO ideenkiosk.changes(kiosk_id, outbox_seq, kind, row_id, payload) "
                         "VALUES ($1, $2, $3, $4, $5::jsonb) ON CONFLICT (kiosk_id, outbox_seq) DO NOTHING",
                         {kioskId, str(row.seq), row.kind, row.rowId, row.payload}});
        if (row.kind == "idea") {
            steps.push_back({"INSERT INTO ideenkiosk.idea_numbers(idea_id, event_id, number) "
                             "SELECT $1, $2::jsonb->>'event_id', coalesce(max(number), 0) + 1 FROM ideenkiosk.idea_numbers "
                             "WHERE event_id = $2::jsonb->>'event_id' ON CONFLICT (idea_id) DO NOTHING",
                             {row.rowId, row.payload}});
        }
    }
    steps.push_back({"INSERT INTO ideenkiosk.kiosks(kiosk_id, backlog) VALUES ($1, $2) ON CONFLICT (kiosk_id) DO "
                     "UPDATE SET last_contact = now(), backlog = excluded.backlog",
                     {kioskId, str(backlogAfter)}});
    steps.push_back({"SELECT pg_notify($1, (SELECT coalesce(max(seq), 0) FROM ideenkiosk.changes)::text)",
                     {std::string(kNotifyChannel)}});
    steps.push_back({"COMMIT", {}});
    const auto results = pg.pipeline(steps);
    int inserted = 0;
    for (auto index : changeSteps) inserted += static_cast<int>(results[index].affected());
    if (inserted > 0) {
        pg.exec("UPDATE ideenkiosk.kiosks SET pushed = pushed + $2 WHERE kiosk_id = $1", {kioskId, str(inserted)});
    }
    return inserted;
}

std::vector<storage::RemoteChange> pullChanges(PgConnection& pg, std::int64_t cursor, int limit) {
    const auto result = pg.exec(
        "SELECT c.seq, c.kiosk_id, c.kind, c.row_id, c.payload::text, coalesce(n.number, 0) "
        "FROM ideenkiosk.changes c LEFT JOIN ideenkiosk.idea_numbers n ON c.kind = 'idea' AND n.idea_id = c.row_id "
        "WHERE c.seq > $1 ORDER BY c.seq LIMIT $2",
        {str(cursor), str(limit)});
    std::vector<storage::RemoteChange> changes;
    for (int r = 0; r < result.rows(); ++r) {
        changes.push_back({result.integer(r, 0), result.text(r, 1), result.text(r, 2), result.text(r, 3),
                           result.text(r, 4), static_cast<int>(result.integer(r, 5))});
    }
    return changes;
}

void noteContact(PgConnection& pg, const std::string& kioskId, std::int64_t cursor, std::int64_t backlog) {
    pg.exec("INSERT INTO ideenkiosk.kiosks(kiosk_id, backlog, pull_cursor) VALUES ($1, $2, $3) ON CONFLICT (kiosk_id) "
            "DO UPDATE SET last_contact = now(), backlog = excluded.backlog, pull_cursor = excluded.pull_cursor",
            {kioskId, str(backlog), str(cursor)});
}

ServerStatus serverStatus(PgConnection& pg) {
    ServerStatus status;
    status.schema = serverSchema(pg);
    if (status.schema == 0) return status;
    status.lastSeq = pg.exec("SELECT coalesce(max(seq), 0) FROM ideenkiosk.changes").integer(0, 0);
    const auto kiosks = pg.exec(
        "SELECT kiosk_id, to_char(last_contact AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), "
        "extract(epoch FROM now() - last_contact)::float8, backlog, pull_cursor, pushed FROM ideenkiosk.kiosks "
        "ORDER BY kiosk_id");
    for (int r = 0; r < kiosks.rows(); ++r) {
        status.kiosks.push_back({kiosks.text(r, 0), kiosks.text(r, 1), std::stod(kiosks.text(r, 2)),
                                 kiosks.integer(r, 3), kiosks.integer(r, 4), kiosks.integer(r, 5)});
    }
    const auto rows = pg.exec("SELECT kind, count(DISTINCT row_id) FROM ideenkiosk.changes GROUP BY kind ORDER BY kind");
    for (int r = 0; r < rows.rows(); ++r) status.rows.emplace_back(rows.text(r, 0), rows.integer(r, 1));
    return status;
}

}  // namespace pgsync
