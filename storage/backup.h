// Backups that are never half-written: online backup into a temporary file, checked, then renamed.
#pragma once

#include "storage/store.h"

#include <string>

namespace storage {

/// Copies the open database to `destPath` with SQLite's online backup API (the kiosk may keep writing).
/// The copy is written to a temporary file beside the destination, synced, quick_checked, and renamed
/// over `destPath` atomically. On failure the destination is untouched and StoreError says why.
void backupDatabase(Store& source, const std::string& destPath);

/// Replaces the database at `destPath` with the backup: the backup must open as an Ideenkiosk database
/// and pass quick_check; then it is copied in the same safe way. Nobody may have `destPath` open.
void restoreDatabase(const std::string& backupPath, const std::string& destPath);

}  // namespace storage
