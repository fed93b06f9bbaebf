// The crash counter in the meta table (see service_log.h). Three rows, no schema change: the meta table holds
// key/value facts about this file already (the kiosk id, the PIN).
#include "storage/service_log.h"

#include "storage/text.h"

#include <SQLiteCpp/Statement.h>

namespace storage {

CrashRecord recordCrash(Store& store, TimeMs at, const std::string& reason) {
    store.transaction([&] {
        SQLite::Statement count(store.db(), "INSERT INTO meta(key, value) VALUES ('crash_count', '1') "
                                            "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1");
        count.exec();
        SQLite::Statement last(store.db(), "INSERT OR REPLACE INTO meta(key, value) VALUES ('crash_last_at', ?), "
                                           "('crash_last_reason', ?)");
        last.bind(1, std::to_string(at));
        last.bind(2, printableLine(reason, 300));
        last.exec();
    });
    return crashRecord(store);
}

CrashRecord crashRecord(Store& store) {
    CrashRecord record;
    SQLite::Statement q(store.db(), "SELECT key, value FROM meta WHERE key IN "
                                    "('crash_count', 'crash_last_at', 'crash_last_reason')");
    while (q.executeStep()) {
        const std::string key = q.getColumn(0).getString();
        const std::string value = q.getColumn(1).getString();
        if (key == "crash_count") record.count = std::stoi(value);
        if (key == "crash_last_at") record.lastAt = std::stoll(value);
        if (key == "crash_last_reason") record.lastReason = value;
    }
    return record;
}

}  // namespace storage
