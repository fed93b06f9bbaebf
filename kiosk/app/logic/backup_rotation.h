// Backups that rotate: a timestamped copy into a folder, keeping only the newest N (the hourly backup timer).
#pragma once

#include "storage/store.h"

#include <ctime>
#include <string>
#include <vector>

namespace kiosk::app {

/// What one rotation did.
struct RotationResult {
    std::string written;               ///< the new backup file
    std::vector<std::string> removed;  ///< older backups beyond `keep`, oldest first
};

/// Writes `folder`/ideenkiosk-YYYYMMDD-HHMMSS.db (UTC `at`) with storage::backupDatabase, then removes the oldest
/// files of that pattern until `keep` remain. Other files in the folder are never touched. Throws StoreError.
RotationResult rotateBackup(storage::Store& store, const std::string& folder, int keep, std::time_t at);

/// The backup files in `folder`, oldest first (their names sort by time).
std::vector<std::string> rotatedBackups(const std::string& folder);

}  // namespace kiosk::app
