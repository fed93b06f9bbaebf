// The crash counter in the meta table (see service_log.h). Three rows and the running kiosk's mark, no schema
// change: the meta table holds key/value facts about this file already (the kiosk id, the PIN), and it is never
// exported, merged or synced.
#include "storage/service_log.h"

#include "storage/text.h"
#include "storage/timefmt.h"

#include <SQLiteCpp/Statement.h>

#include <sstream>

namespace storage {

namespace {

constexpr const char* kRunMarkKey = "kiosk_running";

void countCrash(Store& store, TimeMs at, const std::string& reason) {
    SQLite::Statement count(store.db(), "INSERT INTO meta(key, value) VALUES ('crash_count', '1') "
                                        "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1");
    count.exec();
    SQLite::Statement last(store.db(), "INSERT OR REPLACE INTO meta(key, value) VALUES ('crash_last_at', ?), "
                                       "('crash_last_reason', ?)");
    last.bind(1, std::to_string(at));
    last.bind(2, printableLine(reason, 300));
    last.exec();
}

// The mark is one meta value: "pid boot-id started-at-ms".
std::string markText(const RunMark& mark) {
    return std::to_string(mark.pid) + " " + mark.bootId + " " + std::to_string(mark.startedAt);
}

std::optional<RunMark> readMark(Store& store) {
    SQLite::Statement q(store.db(), "SELECT value FROM meta WHERE key = ?");
    q.bind(1, kRunMarkKey);
    if (!q.executeStep()) return std::nullopt;
    std::istringstream text(q.getColumn(0).getString());
    RunMark mark;
    if (!(text >> mark.pid >> mark.bootId >> mark.startedAt)) return RunMark{};  // unreadable: a kiosk was here
    return mark;
}

}  // namespace

CrashRecord recordCrash(Store& store, TimeMs at, const std::string& reason) {
    store.transaction([&] { countCrash(store, at, reason); });
    return crashRecord(store);
}

std::optional<CrashRecord> markKioskRunning(Store& store, const RunMark& me, const StillRunning& stillRunning) {
    bool counted = false;
    store.transaction([&] {
        const auto before = readMark(store);
        if (before && !stillRunning(*before)) {
            const std::string since = before->startedAt > 0 ? " (started " + formatTimestamp(before->startedAt) + ")" : "";
            countCrash(store, store.now(),
                       "the kiosk before" + since + " ended without a clean stop: killed, out of memory or its watchdog");
            counted = true;
        }
        SQLite::Statement mark(store.db(), "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)");
        mark.bind(1, kRunMarkKey);
        mark.bind(2, markText(me));
        mark.exec();
    });
    if (!counted) return std::nullopt;
    return crashRecord(store);
}

void markKioskStopped(Store& store, const RunMark& me) {
    store.transaction([&] {
        SQLite::Statement clear(store.db(), "DELETE FROM meta WHERE key = ? AND value = ?");
        clear.bind(1, kRunMarkKey);
        clear.bind(2, markText(me));
        clear.exec();
    });
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
