// The database schema as numbered migrations, and the checks made every time a file is opened.
#include "storage/schema.h"

#include "storage/lock_waits.h"
#include "storage/types.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <set>
#include <string>

namespace storage {

namespace {

// Version 1: the whole model. Votes and the moderation log are append-only; counts are derived from votes.
// Every row carries the kiosk that made it so that databases of several kiosks merge by id.
const char* kSchemaV1 = R"sql(
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE events (
    id              TEXT PRIMARY KEY,
    title           TEXT NOT NULL,
    venue           TEXT NOT NULL DEFAULT '',
    starts_on       TEXT NOT NULL DEFAULT '',
    ends_on         TEXT NOT NULL DEFAULT '',
    categories      TEXT NOT NULL DEFAULT '[]',  -- JSON: [{key, color, names:{de,tr,en}}]
    vote_budget     INTEGER NOT NULL CHECK (vote_budget BETWEEN 1 AND 50),
    show_counts     INTEGER NOT NULL DEFAULT 1,
    moderation      TEXT NOT NULL CHECK (moderation IN ('publish', 'pre-moderate')),
    submission_open INTEGER NOT NULL DEFAULT 1,
    voting_open     INTEGER NOT NULL DEFAULT 1,
    active          INTEGER NOT NULL DEFAULT 0,
    created_at      INTEGER NOT NULL,
    kiosk_id        TEXT NOT NULL
);
CREATE TABLE sessions (
    id          TEXT PRIMARY KEY,
    event_id    TEXT NOT NULL REFERENCES events(id),
    kiosk_id    TEXT NOT NULL,
    language    TEXT NOT NULL,
    started_at  INTEGER NOT NULL,
    ended_at    INTEGER,
    end_reason  TEXT NOT NULL DEFAULT 'open' CHECK (end_reason IN ('open', 'finished', 'idle')),
    voided      INTEGER NOT NULL DEFAULT 0   -- set by moderation; the votes stay but stop counting
);
CREATE TABLE ideas (
    id          TEXT PRIMARY KEY,
    event_id    TEXT NOT NULL REFERENCES events(id),
    number      INTEGER NOT NULL,
    title       TEXT NOT NULL,
    title_fold  TEXT NOT NULL,               -- foldForCompare(title), for exact duplicates
    description TEXT NOT NULL DEFAULT '',
    author      TEXT NOT NULL DEFAULT '',
    category    TEXT NOT NULL DEFAULT '',
    language    TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('pending', 'published', 'hidden', 'merged')),
    merged_into TEXT REFERENCES ideas(id),
    pinned      INTEGER NOT NULL DEFAULT 0,
    created_at  INTEGER NOT NULL,
    kiosk_id    TEXT NOT NULL,
    kiosk_seq   INTEGER NOT NULL,
    session_id  TEXT,
    UNIQUE (event_id, number)
);
CREATE INDEX ideas_fold ON ideas(event_id, title_fold);
CREATE INDEX ideas_merged_into ON ideas(merged_into);
CREATE TABLE votes (
    id         TEXT PRIMARY KEY,
    event_id   TEXT NOT NULL REFERENCES events(id),
    idea_id    TEXT NOT NULL REFERENCES ideas(id),
    session_id TEXT NOT NULL REFERENCES sessions(id),
    kind       TEXT NOT NULL CHECK (kind IN ('vote', 'retract')),
    retracts   TEXT REFERENCES votes(id),
    created_at INTEGER NOT NULL,
    kiosk_id   TEXT NOT NULL
);
CREATE INDEX votes_idea ON votes(idea_id);
CREATE INDEX votes_session ON votes(session_id);
CREATE INDEX votes_event ON votes(event_id);
CREATE INDEX votes_retracts ON votes(retracts) WHERE retracts IS NOT NULL;
CREATE TABLE moderation_log (
    id        TEXT PRIMARY KEY,
    event_id  TEXT NOT NULL REFERENCES events(id),
    at        INTEGER NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    target_id TEXT NOT NULL DEFAULT '',
    before    TEXT NOT NULL DEFAULT '{}',
    after     TEXT NOT NULL DEFAULT '{}',
    reason    TEXT NOT NULL DEFAULT '',
    kiosk_id  TEXT NOT NULL
);
CREATE INDEX moderation_event ON moderation_log(event_id, at);
)sql";

// Version 2: the next per-kiosk sequence number is looked up on every insert; without this index that
// lookup scans every idea (quadratic when a kiosk file with 100,000 ideas is merged or demo data is made).
const char* kSchemaV2 = R"sql(
CREATE INDEX ideas_kiosk_seq ON ideas(kiosk_id, kiosk_seq);
)sql";

// Version 3: the projector. An event may keep counts off the projector until a moderator reveals them
// (the suspense of a results moment), and a moderator may freeze the projector's picture.
const char* kSchemaV3 = R"sql(
ALTER TABLE events ADD COLUMN counts_after_reveal INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN counts_revealed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN projector_frozen INTEGER NOT NULL DEFAULT 0;
)sql";

// Version 4: the outbox of the PostgreSQL sync. Triggers record every written row (kind and id) in the same
// transaction as the write itself, so nothing can commit locally and be forgotten by the sync, whichever code path
// wrote it (a kiosk tap, the command line, import, merge); a rollback takes the outbox rows with it. The sync
// itself applies what other kiosks wrote with a row in `sync_applying` (inside its own transaction, so no other
// connection ever sees it), which keeps pulled rows out of the outbox. AUTOINCREMENT: an outbox number is never
// used twice in one file, because the server recognises a row pushed twice by (kiosk, outbox number).
// The rows written before this version are queued too, so the first sync pushes the whole file.
const char* kSchemaV4 = R"sql(
CREATE TABLE outbox (
    seq    INTEGER PRIMARY KEY AUTOINCREMENT,
    kind   TEXT NOT NULL CHECK (kind IN ('event', 'session', 'idea', 'vote', 'moderation')),
    row_id TEXT NOT NULL
);
CREATE INDEX outbox_row ON outbox(kind, row_id);
CREATE TABLE sync_applying (on_behalf TEXT NOT NULL);
CREATE TABLE sync_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
)sql";

}  // namespace

const char* const kQueueAllRows = R"sql(
INSERT INTO outbox(kind, row_id) SELECT 'event', id FROM events ORDER BY created_at, id;
INSERT INTO outbox(kind, row_id) SELECT 'session', id FROM sessions ORDER BY started_at, id;
INSERT INTO outbox(kind, row_id) SELECT 'idea', id FROM ideas ORDER BY merged_into IS NOT NULL, created_at, id;
INSERT INTO outbox(kind, row_id) SELECT 'vote', id FROM votes ORDER BY kind = 'retract', created_at, id;
INSERT INTO outbox(kind, row_id) SELECT 'moderation', id FROM moderation_log ORDER BY at, id;
)sql";

namespace {

// The triggers of version 4, one per table and statement kind (made from one template so they cannot drift).
std::string outboxTriggers() {
    struct Table { const char* table; const char* kind; };
    const Table tables[] = {{"events", "event"}, {"sessions", "session"}, {"ideas", "idea"}, {"votes", "vote"},
                            {"moderation_log", "moderation"}};
    std::string sql;
    for (const auto& t : tables) {
        for (const char* op : {"INSERT", "UPDATE"}) {
            sql += std::string("CREATE TRIGGER outbox_") + t.table + "_" + op + " AFTER " + op + " ON " + t.table +
                   " WHEN NOT EXISTS (SELECT 1 FROM sync_applying) BEGIN INSERT INTO outbox(kind, row_id) VALUES ('" +
                   t.kind + "', NEW.id); END;\n";
        }
    }
    return sql;
}

// Version 5: phones on the venue's Wi-Fi. Every session records where it came from (a kiosk or a phone), for
// moderators and exports; a phone's session is found by the hash of its cookie token, kept apart from the
// sessions table so that exports, merges and the sync never carry it. (Version 4 is the sync outbox.)
const char* kSchemaV5 = R"sql(
ALTER TABLE sessions ADD COLUMN source TEXT NOT NULL DEFAULT 'kiosk' CHECK (source IN ('kiosk', 'phone'));
CREATE TABLE phone_tokens (
    token_hash TEXT PRIMARY KEY,
    session_id TEXT NOT NULL UNIQUE REFERENCES sessions(id)
);
)sql";

// Version 6: the languages an event offers (JSON list of codes, in order; '[]': every language, as before), so
// that the list travels with the event's other settings through exports, merges, backups and the venue sync.
const char* kSchemaV6 = R"sql(
ALTER TABLE events ADD COLUMN languages TEXT NOT NULL DEFAULT '[]';
)sql";

// Version 7: a session's live votes from an index of (session, kind, id) alone (replaced by version 8; kept as it
// was, since files of this version exist).
const char* kSchemaV7 = R"sql(
DROP INDEX votes_session;
CREATE INDEX votes_session_kind ON votes(session_id, kind, id);
)sql";

// Version 8: a vote asks whether its session already has a live vote on the idea and how many it has left, and a
// phone asks the latter on every request. Counted from the votes, both grew with every vote and take-back of the
// session (each vote's row and its retraction looked up). live_votes keeps, per session and idea, the votes that no
// row retracts, kept by triggers on the append-only votes table, so every way a vote arrives (castVote, a merge, the
// venue sync, whose rows may come retraction first) counts alike; `check` compares it with the votes. The session's
// index gains idea, kind and time: take-back finds the session's newest vote on the idea first.
const char* kSchemaV8 = R"sql(
DROP INDEX votes_session_kind;
CREATE INDEX votes_session_idea ON votes(session_id, idea_id, kind, created_at);
CREATE TABLE live_votes (
    session_id TEXT NOT NULL,
    idea_id    TEXT NOT NULL,
    live       INTEGER NOT NULL CHECK (live > 0),
    PRIMARY KEY (session_id, idea_id)
) WITHOUT ROWID;
INSERT INTO live_votes(session_id, idea_id, live)
    SELECT v.session_id, v.idea_id, count(*) FROM votes v
    WHERE v.kind = 'vote' AND NOT EXISTS (SELECT 1 FROM votes r WHERE r.retracts = v.id)
    GROUP BY v.session_id, v.idea_id;
CREATE TRIGGER votes_live_vote AFTER INSERT ON votes
WHEN NEW.kind = 'vote' AND NOT EXISTS (SELECT 1 FROM votes r WHERE r.retracts = NEW.id)
BEGIN
    INSERT INTO live_votes(session_id, idea_id, live) VALUES (NEW.session_id, NEW.idea_id, 1)
        ON CONFLICT (session_id, idea_id) DO UPDATE SET live = live + 1;
END;
CREATE TRIGGER votes_live_retract AFTER INSERT ON votes
WHEN NEW.retracts IS NOT NULL AND NOT EXISTS (SELECT 1 FROM votes r WHERE r.retracts = NEW.retracts AND r.id != NEW.id)
BEGIN
    -- The last live vote takes its row along (a session keeps rows only where it has votes); otherwise one less.
    DELETE FROM live_votes
        WHERE (session_id, idea_id) = (SELECT session_id, idea_id FROM votes WHERE id = NEW.retracts AND kind = 'vote')
        AND live = 1;
    UPDATE live_votes SET live = live - 1
        WHERE (session_id, idea_id) = (SELECT session_id, idea_id FROM votes WHERE id = NEW.retracts AND kind = 'vote');
END;
)sql";

int pragmaInt(SQLite::Database& db, const char* pragma) {
    return db.execAndGet(std::string("PRAGMA ") + pragma).getInt();
}

}  // namespace

const std::vector<Migration>& migrations() {
    static const std::vector<Migration> steps = {
        {1, [](SQLite::Database& db) { db.exec(kSchemaV1); }},
        {2, [](SQLite::Database& db) { db.exec(kSchemaV2); }},
        {3, [](SQLite::Database& db) { db.exec(kSchemaV3); }},
        {4, [](SQLite::Database& db) {
             db.exec(kSchemaV4);
             db.exec(kQueueAllRows);
             db.exec(outboxTriggers());
         }},
        {5, [](SQLite::Database& db) { db.exec(kSchemaV5); }},
        {6, [](SQLite::Database& db) { db.exec(kSchemaV6); }},
        {7, [](SQLite::Database& db) { db.exec(kSchemaV7); }},
        {8, [](SQLite::Database& db) { db.exec(kSchemaV8); }},
    };
    return steps;
}

namespace {

// How often a connection that finds the file locked by another writer looks again. SQLite's own busy handler
// (sqlite3_busy_timeout) sleeps longer and longer between tries, 100 ms each once a wait has passed a quarter of a
// second; a writer that holds the lock most of the time and lets go only briefly between its transactions (the sync
// worker applying a pulled backlog, 500 rows a transaction) is missed by every such try, and the waiting kiosk or
// `idea add` gives up after its whole timeout. Trying every couple of milliseconds finds every gap the sync worker
// leaves (pgsync's pause after a full batch, venue_sync.cpp); a try costs a lock attempt, nothing more.
constexpr int kBusyRetryMs = 2;

// When the current wait began. SQLite counts the tries of one wait (0 for the first) and calls the handler on the
// thread that waits, which does nothing else meanwhile, so one time per thread is enough.
thread_local std::chrono::steady_clock::time_point t_waitingSince;

// What the busy handler of a connection needs: it gets one pointer, which must outlive the connection, so each
// combination is kept for the life of the process (a handful: one per database file and timeout).
struct BusyWait {
    std::chrono::milliseconds timeout;
    LockWaits* board;  // nullptr for a database that is not a file
    auto operator<=>(const BusyWait&) const = default;
};

const BusyWait* keptBusyWait(const BusyWait& wanted) {
    static std::mutex mutex;
    static std::set<BusyWait> kept;  // a set's elements stay where they are
    std::lock_guard lock(mutex);
    return &*kept.insert(wanted).first;
}

// The busy handler: another try (1) after a short sleep until the connection's timeout has passed, then 0 (SQLite
// returns SQLITE_BUSY). Each wait is noted on the file's board, so a writer that commits back to back, in this
// process or another, leaves the lock free long enough (phones/backend.cpp).
int retryUntilTimeout(void* setting, int tries) {
    const auto& wait = *static_cast<const BusyWait*>(setting);
    const auto now = std::chrono::steady_clock::now();
    if (tries == 0) t_waitingSince = now;
    if (now - t_waitingSince >= wait.timeout) return 0;
    if (wait.board != nullptr) wait.board->noteWait(now);
    sqlite3_sleep(kBusyRetryMs);
    return 1;
}

}  // namespace

void configureConnection(SQLite::Database& db, int busyTimeoutMs, bool readOnly) {
    const BusyWait* wait =
        keptBusyWait({std::chrono::milliseconds(std::max(busyTimeoutMs, 0)), LockWaits::forFile(db.getFilename())});
    sqlite3_busy_handler(db.getHandle(), retryUntilTimeout, const_cast<BusyWait*>(wait));
    if (!readOnly) db.exec("PRAGMA journal_mode=WAL");
    db.exec("PRAGMA synchronous=FULL");
    db.exec("PRAGMA foreign_keys=ON");
    // Every insert fires the outbox trigger, so SQLite keeps a statement journal for it; on disk (/var/tmp) that
    // journal took 900,000 writes for demo data of 10,000 ideas and 30,000 votes. In memory it costs what the
    // statement changed, and nothing in it must outlive a crash (the WAL holds what was committed).
    db.exec("PRAGMA temp_store=MEMORY");
}

void migrate(SQLite::Database& db, const std::string& path, int applicationId, const std::vector<Migration>& steps) {
    const int foundId = pragmaInt(db, "application_id");
    int version = pragmaInt(db, "user_version");
    const int newest = steps.empty() ? 0 : steps.back().version;
    if (foundId != 0 && foundId != applicationId) {
        throw StoreError(path + " is not an Ideenkiosk database (application_id " + std::to_string(foundId) + ")");
    }
    if (foundId == 0 && version == 0) {
        const int tables = db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt();
        if (tables > 0) throw StoreError(path + " is an SQLite database of another program, not Ideenkiosk's");
    }
    if (version > newest) {
        throw StoreError(path + " was written by a newer Ideenkiosk (schema " + std::to_string(version) +
                         "); this version reads up to schema " + std::to_string(newest));
    }
    for (const auto& step : steps) {
        if (step.version <= version) continue;
        SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
        step.apply(db);
        db.exec("PRAGMA application_id=" + std::to_string(applicationId));
        db.exec("PRAGMA user_version=" + std::to_string(step.version));
        transaction.commit();
        version = step.version;
    }
}

void quickCheck(SQLite::Database& db, const std::string& path) {
    SQLite::Statement check(db, "PRAGMA quick_check");
    std::string problems;
    while (check.executeStep()) {
        const std::string line = check.getColumn(0).getString();
        if (line != "ok") problems += (problems.empty() ? "" : "; ") + line;
    }
    if (!problems.empty()) throw StoreError(path + " is damaged (quick_check: " + problems.substr(0, 300) + ")");
}

}  // namespace storage
