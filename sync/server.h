// The venue server in PostgreSQL: its schema as numbered migrations, push, pull and the kiosks' status.
#pragma once

#include "storage/replica.h"
#include "sync/pg.h"

#include <cstdint>
#include <string>
#include <vector>

namespace pgsync {

/// The newest server schema this build knows.
int newestServerSchema();

/// The server schema version (0: none yet).
int serverSchema(PgConnection& pg);

/// Creates or migrates the schema (each numbered step in its own transaction, recorded in the version table);
/// returns the version before. Throws PgError for a server schema newer than this build.
int initServer(PgConnection& pg);

/// Throws PgError with one clear line unless the server's schema is the one this build speaks.
void requireServerSchema(PgConnection& pg);

/// The server's identity, made by `server init`.
std::string serverId(PgConnection& pg);

/// Sends `rows` of kiosk `kioskId` in one pipelined transaction: each row is recorded once (a row sent again
/// is recognised by kiosk and outbox number and changes nothing), a new idea gets the next venue number of its
/// event, and the kiosk's last contact and `backlogAfter` are noted. Returns how many rows were new.
int pushRows(PgConnection& pg, const std::string& kioskId, const std::vector<storage::OutboxRow>& rows,
             std::int64_t backlogAfter);

/// Up to `limit` changes after `cursor`, in server order (every kiosk's, this one's too: they carry venue numbers).
std::vector<storage::RemoteChange> pullChanges(PgConnection& pg, std::int64_t cursor, int limit);

/// Notes the kiosk's contact, cursor and backlog (after a pull).
void noteContact(PgConnection& pg, const std::string& kioskId, std::int64_t cursor, std::int64_t backlog);

struct KioskStatus {
    std::string kioskId;
    std::string lastContact;   ///< server time, ISO 8601
    double secondsAgo = 0;
    std::int64_t backlog = 0;  ///< rows waiting in its outbox at its last contact
    std::int64_t cursor = 0;
    std::int64_t pushed = 0;   ///< rows it pushed that were new
};

struct ServerStatus {
    int schema = 0;
    std::int64_t lastSeq = 0;
    std::vector<KioskStatus> kiosks;
    /// Distinct rows per kind ("event", "idea", …) the server holds.
    std::vector<std::pair<std::string, std::int64_t>> rows;
};
ServerStatus serverStatus(PgConnection& pg);

/// The channel every push notifies (payload: the last server sequence), for projectors that follow the server.
inline constexpr const char* kNotifyChannel = "ideenkiosk_changes";

}  // namespace pgsync
