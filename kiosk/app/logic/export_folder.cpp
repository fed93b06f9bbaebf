// Export of a whole event into a folder (see export_folder.h).
#include "kiosk/app/logic/export_folder.h"

#include "kiosk/app/logic/output_file.h"
#include "kiosk/app/logic/report_files.h"
#include "storage/backup.h"
#include "storage/export.h"

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>

#include <fcntl.h>
#include <unistd.h>

namespace kiosk::app {

namespace fs = std::filesystem;

namespace {

std::string localStamp() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d-%H%M%S", &local);
    return text;
}

// Everything of the file system holding `folder` onto its device: the new export folder's entry in `folder`
// (each file and its folder were synced as they were written) and whatever else the stick still held in memory.
// The panel then says the stick may be pulled.
void flushFileSystem(const fs::path& folder) {
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY);
    int error = fd < 0 ? errno : 0;
    if (fd >= 0) {
        if (::fsync(fd) != 0 || ::syncfs(fd) != 0) error = errno;
        ::close(fd);
    }
    if (error != 0) throw storage::StoreError("cannot flush " + folder.string() + " to its device: " + std::strerror(error));
}

bool writableFolder(const fs::path& path) {
    std::error_code error;
    return fs::is_directory(path, error) && ::access(path.c_str(), W_OK) == 0;
}

}  // namespace

std::string exportToFolder(storage::Store& store, const std::string& eventId, const std::string& folder) {
    if (!writableFolder(folder)) throw storage::StoreError("cannot export: " + folder + " is not a writable folder");
    const fs::path target = fs::path(folder) / ("ideenkiosk-" + localStamp());
    std::error_code error;
    if (!fs::create_directory(target, error) && error) {
        throw storage::StoreError("cannot create " + target.string() + ": " + error.message());
    }
    for (const auto& table : storage::kExportTables) {
        storage::ExportOptions csv;
        writeOutput((target / (table + ".csv")).string(),
                    [&](std::ostream& out) { storage::exportTable(store, eventId, table, csv, out); });
        storage::ExportOptions json;
        json.format = storage::ExportFormat::Json;
        writeOutput((target / (table + ".json")).string(),
                    [&](std::ostream& out) { storage::exportTable(store, eventId, table, json, out); });
    }
    writeWorkbookFile(store, eventId, (target / "ideenkiosk.xlsx").string());
    writeReportFile(report::gatherReport(store, eventId), (target / "bericht.pdf").string());
    storage::backupDatabase(store, (target / "ideenkiosk-backup.db").string());
    flushFileSystem(folder);
    return target.string();
}

FolderSize folderSize(const std::string& folder) {
    FolderSize size;
    std::error_code error;
    for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
        if (!it->is_regular_file(error)) continue;
        ++size.files;
        size.bytes += it->file_size(error);
    }
    return size;
}

std::string humanSize(std::uintmax_t bytes) {
    char text[32];
    if (bytes < 1000) {
        std::snprintf(text, sizeof text, "%ju B", bytes);
    } else if (bytes < 1000 * 1000) {
        std::snprintf(text, sizeof text, "%.0f KB", static_cast<double>(bytes) / 1e3);
    } else {
        std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / 1e6);
    }
    return text;
}

bool onRemovableMedia(const std::string& folder) {
    return folder.rfind("/media/", 0) == 0 || folder.rfind("/run/media/", 0) == 0;
}

std::vector<std::string> exportFolderCandidates() {
    std::vector<std::string> found;
    const char* user = std::getenv("USER");
    for (const fs::path& base : {fs::path("/media") / (user ? user : ""), fs::path("/run/media") / (user ? user : "")}) {
        std::error_code error;
        for (fs::directory_iterator it(base, error), end; !error && it != end; it.increment(error)) {
            if (writableFolder(it->path())) found.push_back(it->path().string());
        }
    }
    if (const char* home = std::getenv("HOME"); home && writableFolder(home)) found.emplace_back(home);
    return found;
}

}  // namespace kiosk::app
