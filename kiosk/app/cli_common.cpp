// Shared pieces of the command line: default paths, opening the store, atomic output files.
#include "kiosk/app/cli.h"

#include "storage/text.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kiosk::app {

std::string defaultDatabasePath() {
    std::filesystem::path base;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) {
        base = xdg;
    } else if (const char* home = std::getenv("HOME"); home && *home) {
        base = std::filesystem::path(home) / ".local" / "share";
    } else {
        base = ".";
    }
    return (base / "ideenkiosk" / "ideenkiosk.db").string();
}

std::string defaultAssetDir() {
    if (const char* env = std::getenv("IDEEN_ASSETS"); env && *env) return env;
    return IDEEN_ASSET_DIR;
}

void checkDatabasePath(const std::string& path) {
    // SQLite would open "" and ":memory:" as throwaway databases: every command would succeed and keep nothing.
    if (path.empty()) throw UsageError("the database path is empty");
    if (path == ":memory:") throw UsageError("':memory:' is not a database file (nothing would be kept)");
    // A device such as /dev/null would swallow every write; a folder cannot be opened at all.
    std::error_code ec;
    if (std::filesystem::exists(path, ec) && !std::filesystem::is_regular_file(path, ec)) {
        throw UsageError("the database path " + path + " is not a regular file");
    }
}

std::unique_ptr<storage::Store> CliContext::openStore(bool readOnly,
                                                      std::shared_ptr<const storage::WordList> wordList) const {
    namespace fs = std::filesystem;
    checkDatabasePath(dbPath);
    if (readOnly && !fs::exists(dbPath)) {
        throw storage::StoreError("database " + dbPath + " does not exist");
    }
    if (!readOnly) {
        const fs::path parent = fs::path(dbPath).parent_path();
        std::error_code ec;
        if (!parent.empty()) fs::create_directories(parent, ec);
        if (ec) throw storage::StoreError("cannot create folder " + parent.string() + ": " + ec.message());
    }
    storage::StoreOptions options;
    options.readOnly = readOnly;
    options.wordList = std::move(wordList);
    return std::make_unique<storage::Store>(dbPath, options);
}

std::string CliContext::resolveEvent(storage::Store& store) const {
    if (!eventId.empty()) {
        if (!store.event(eventId)) throw storage::RuleError("unknown_event", "no event with id " + storage::quoteUntrusted(eventId));
        return eventId;
    }
    return store.requireActiveEvent().id;
}

std::string automationText(const nlohmann::json& json) {
    return json.dump(1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void writeOutput(const std::string& path, const std::function<void(std::ostream&)>& produce) {
    if (path.empty() || path == "-") {
        produce(std::cout);
        std::cout.flush();
        if (!std::cout) throw storage::StoreError("cannot write to standard output");
        return;
    }
    namespace fs = std::filesystem;
    const fs::path target(path);
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string temp = (folder / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
    const int fd = ::mkstemp(temp.data());
    if (fd < 0) throw storage::StoreError("cannot write into " + folder.string() + ": " + std::strerror(errno));
    ::fchmod(fd, 0644);
    ::close(fd);
    try {
        {
            std::ofstream out(temp, std::ios::binary | std::ios::trunc);
            produce(out);
            out.flush();
            if (!out) throw storage::StoreError("cannot write " + path + " (disk full?)");
        }
        const int sync = ::open(temp.c_str(), O_RDONLY);
        if (sync < 0) throw storage::StoreError("cannot reopen " + temp + ": " + std::strerror(errno));
        const bool synced = ::fsync(sync) == 0;
        ::close(sync);
        if (!synced) throw storage::StoreError("cannot sync " + path + ": " + std::strerror(errno));
        if (::rename(temp.c_str(), path.c_str()) != 0) {
            throw storage::StoreError("cannot write " + path + ": " + std::strerror(errno));
        }
    } catch (...) {
        ::unlink(temp.c_str());
        throw;
    }
    // The rename is durable only once the folder's entry is on disk too (a USB stick pulled right after).
    if (const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY); dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
}

void writeOutput(const std::string& path, const std::string& content) {
    writeOutput(path, [&](std::ostream& out) { out << content; });
}

}  // namespace kiosk::app
