// Rotating backups (see backup_rotation.h).
#include "kiosk/app/logic/backup_rotation.h"

#include "storage/backup.h"

#include <algorithm>
#include <filesystem>
#include <regex>

namespace kiosk::app {

namespace fs = std::filesystem;

namespace {

const std::regex kBackupName(R"(ideenkiosk-\d{8}-\d{6}\.db)");

std::string backupName(std::time_t at) {
    std::tm utc{};
    gmtime_r(&at, &utc);
    char name[64];
    std::strftime(name, sizeof(name), "ideenkiosk-%Y%m%d-%H%M%S.db", &utc);
    return name;
}

}  // namespace

std::vector<std::string> rotatedBackups(const std::string& folder) {
    std::vector<std::string> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        if (entry.is_regular_file() && std::regex_match(entry.path().filename().string(), kBackupName)) {
            files.push_back(entry.path().string());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

RotationResult rotateBackup(storage::Store& store, const std::string& folder, int keep, std::time_t at) {
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) throw storage::StoreError("cannot create the backup folder " + folder + ": " + ec.message());
    RotationResult result;
    result.written = (fs::path(folder) / backupName(at)).string();
    storage::backupDatabase(store, result.written);
    // Only after the new copy is safe do the old ones go.
    auto files = rotatedBackups(folder);
    const std::size_t excess = files.size() > static_cast<std::size_t>(std::max(keep, 1)) ? files.size() - std::max(keep, 1) : 0;
    for (std::size_t i = 0; i < excess; ++i) {
        if (fs::remove(files[i], ec)) result.removed.push_back(files[i]);
    }
    return result;
}

}  // namespace kiosk::app
