// Everything of one event into a folder (a USB stick at the end of the day): CSV for German Excel, JSON, an Excel
// workbook, the results report (PDF) and a backup of the database, each file written atomically so a stick pulled too early holds no half file.
#pragma once

#include "storage/store.h"

#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::app {

/// Creates `folder`/ideenkiosk-YYYY-MM-DD-HHMMSS/ with ideas, votes, sessions and moderation as CSV (excel-de)
/// and JSON, plus ideenkiosk.xlsx, bericht.pdf (the German results report) and ideenkiosk-backup.db. Returns the
/// new folder, once everything is on the device (syncfs): a stick may be pulled right after. Throws StoreError
/// with a clear message.
std::string exportToFolder(storage::Store& store, const std::string& eventId, const std::string& folder);

/// What an export folder holds: how many files and bytes (for the panel's message after an export).
struct FolderSize {
    int files = 0;
    std::uintmax_t bytes = 0;
};
FolderSize folderSize(const std::string& folder);
/// Bytes for people: "840 KB", "12.3 MB" (decimal units, as sticks are sold).
std::string humanSize(std::uintmax_t bytes);

/// A folder where sticks are mounted (/media/…, /run/media/…: udisks, or the package's udev rule with
/// systemd-mount under /media/ideenkiosk): after an export there the panel says the stick may be pulled.
bool onRemovableMedia(const std::string& folder);

/// Where a moderator would export to: mounted removable media first (/media/USER/*, /run/media/USER/*), then
/// the home folder. Only writable folders.
std::vector<std::string> exportFolderCandidates();

}  // namespace kiosk::app
