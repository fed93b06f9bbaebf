// Recognising SQLITE_BUSY behind the Store's exceptions (see busy.h).
#include "storage/busy.h"

#include "storage/types.h"

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <string>

namespace storage {

bool isBusyError(const std::exception& error) {
    if (const auto* sqlite = dynamic_cast<const SQLite::Exception*>(&error)) {
        return (sqlite->getErrorCode() & 0xff) == SQLITE_BUSY;
    }
    // Store::transaction turns SQLite's exception into a StoreError that keeps SQLite's own message.
    if (dynamic_cast<const StoreError*>(&error) == nullptr) return false;
    return std::string(error.what()).find(sqlite3_errstr(SQLITE_BUSY)) != std::string::npos;
}

}  // namespace storage
