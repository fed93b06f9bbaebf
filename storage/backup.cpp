// Backup and restore through a synced temporary file and an atomic rename.
#include "storage/backup.h"

#include "storage/schema.h"

#include <SQLiteCpp/Backup.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <functional>

#include <fcntl.h>
#include <unistd.h>

namespace storage {

namespace fs = std::filesystem;

namespace {

void syncPath(const fs::path& path, bool directory) {
    const int fd = ::open(path.c_str(), directory ? (O_RDONLY | O_DIRECTORY) : O_RDONLY);
    if (fd < 0) throw StoreError("cannot open " + path.string() + " to sync it: " + std::strerror(errno));
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    if (!ok) throw StoreError("cannot sync " + path.string() + ": " + std::strerror(errno));
}

fs::path folderOf(const fs::path& path) { return path.has_parent_path() ? path.parent_path() : fs::path("."); }

fs::path tempBeside(const fs::path& dest) {
    return folderOf(dest) / ("." + dest.filename().string() + ".partial-" + std::to_string(::getpid()));
}

// Copies `from` into a fresh file at `temp` (a rollback journal, not WAL, so the copy is one file).
void copyInto(SQLite::Database& from, const fs::path& temp) {
    SQLite::Database to(temp.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    SQLite::Backup backup(to, from);
    backup.executeStep(-1);
    to.exec("PRAGMA journal_mode=DELETE");
    quickCheck(to, temp.string());
}

void publish(const fs::path& temp, const fs::path& dest) {
    syncPath(temp, false);
    if (::rename(temp.c_str(), dest.c_str()) != 0) {
        throw StoreError("cannot move the copy to " + dest.string() + ": " + std::strerror(errno));
    }
    syncPath(folderOf(dest), true);
}

void removeQuietly(const fs::path& path) {
    std::error_code ignored;
    fs::remove(path, ignored);
    fs::remove(path.string() + "-journal", ignored);
}

// Copies `from` into a temporary file beside dest, runs beforePublish, and renames the copy over dest. On any
// failure the temporary file goes and an SQLite error becomes "<what> failed: …".
void copyThenPublish(SQLite::Database& from, const fs::path& dest, const std::string& what,
                     const std::function<void()>& beforePublish = {}) {
    const fs::path temp = tempBeside(dest);
    removeQuietly(temp);
    try {
        copyInto(from, temp);
        if (beforePublish) beforePublish();
        publish(temp, dest);
    } catch (const SQLite::Exception& e) {
        removeQuietly(temp);
        throw StoreError(what + " failed: " + e.what());
    } catch (...) {
        removeQuietly(temp);
        throw;
    }
}

}  // namespace

void backupDatabase(Store& source, const std::string& destPath) {
    const fs::path dest(destPath);
    if (!fs::is_directory(folderOf(dest))) throw StoreError("the folder " + folderOf(dest).string() + " does not exist");
    copyThenPublish(source.db(), dest, "backup to " + destPath);
}

void restoreDatabase(const std::string& backupPath, const std::string& destPath) {
    if (!fs::exists(backupPath)) throw StoreError("backup " + backupPath + " does not exist");
    StoreOptions readOnly;
    readOnly.readOnly = true;
    Store backup(backupPath, readOnly);  // throws for a file that is not ours, newer, or damaged
    copyThenPublish(backup.db(), fs::path(destPath), "restore to " + destPath, [&] {
        // A WAL left from the old file would be replayed onto the restored one: remove it first.
        std::error_code ignored;
        fs::remove(destPath + "-wal", ignored);
        fs::remove(destPath + "-shm", ignored);
    });
}

}  // namespace storage
