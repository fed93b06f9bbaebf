// Process-wide SQLite settings, made once before the first connection opens (SQLite takes them only then).
#pragma once

namespace storage {

/// Turns off SQLite's memory statistics. Debian's SQLite is built without lookaside memory, so every statement
/// mallocs often, and with the statistics on each malloc and free takes one mutex shared by every connection of
/// the process: a hundred phone server threads queued on it. Nothing here reads those statistics. Call first thing
/// in main(); later (SQLite already started) it changes nothing and says so by returning false.
bool configureSqliteProcess();

}  // namespace storage
