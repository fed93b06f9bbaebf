// Process-wide SQLite settings (see sqlite_setup.h).
#include "storage/sqlite_setup.h"

#include <sqlite3.h>

namespace storage {

bool configureSqliteProcess() { return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK; }

}  // namespace storage
