// Small reads about phones (see phone_reads.h).
#include "storage/phone_reads.h"

#include "storage/store_impl.h"
#include "storage/text.h"

#include <SQLiteCpp/Statement.h>

#include <algorithm>

namespace storage {

std::set<std::string> ideasFromPhones(Store& store, const std::string& eventId) {
    SQLite::Statement q(store.db(), "SELECT i.id FROM ideas i JOIN sessions s ON s.id = i.session_id "
                                    "WHERE i.event_id = ? AND s.source = 'phone'");
    q.bind(1, eventId);
    std::set<std::string> ids;
    while (q.executeStep()) ids.insert(q.getColumn(0).getString());
    return ids;
}

std::optional<std::string> ideaIdByNumber(Store& store, const std::string& eventId, int number) {
    auto q = store.prepared("SELECT id FROM ideas WHERE event_id = ? AND number = ?");
    q->bind(1, eventId);
    q->bind(2, number);
    if (!q->executeStep()) return std::nullopt;
    return q->getColumn(0).getString();
}

std::optional<Session> activePhoneSession(Store& store, const std::string& tokenHash) {
    auto q = store.prepared(kSessionSelect + "JOIN phone_tokens t ON t.session_id = s.id JOIN events e ON "
                                             "e.id = s.event_id WHERE t.token_hash = ? AND e.active = 1");
    q->bind(1, tokenHash);
    if (!q->executeStep()) return std::nullopt;
    return readSession(*q);
}

}  // namespace storage
