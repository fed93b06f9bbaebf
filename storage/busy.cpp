// Recognising SQLITE_BUSY behind the Store's exceptions (see busy.h).
#include "storage/busy.h"

#include "storage/types.h"

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <atomic>
#include <string>

namespace storage {

namespace {
// Nanoseconds of the steady clock; one relaxed store per wait of 2 ms costs nothing beside the wait itself.
std::atomic<std::chrono::steady_clock::rep> g_lastBusyWait{0};
}  // namespace

std::chrono::steady_clock::time_point lastBusyWait() {
    return std::chrono::steady_clock::time_point(std::chrono::steady_clock::duration(g_lastBusyWait.load(std::memory_order_relaxed)));
}

void noteBusyWait(std::chrono::steady_clock::time_point at) {
    g_lastBusyWait.store(at.time_since_epoch().count(), std::memory_order_relaxed);
}

bool isBusyError(const std::exception& error) {
    if (const auto* sqlite = dynamic_cast<const SQLite::Exception*>(&error)) {
        return (sqlite->getErrorCode() & 0xff) == SQLITE_BUSY;
    }
    // Store::transaction turns SQLite's exception into a StoreError that keeps SQLite's own message.
    if (dynamic_cast<const StoreError*>(&error) == nullptr) return false;
    return std::string(error.what()).find(sqlite3_errstr(SQLITE_BUSY)) != std::string::npos;
}

}  // namespace storage
