// Shared pieces of the command line: default paths, opening the store, who acts.
#include "kiosk/app/cli/cli.h"

#include "kiosk/core/i18n.h"
#include "storage/text.h"

#include <cstdlib>
#include <filesystem>

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
    // Installed (by the package, or unpacked anywhere with `dpkg-deb -x`): <prefix>/bin/ideenkiosk finds its
    // assets in <prefix>/share/ideenkiosk. A build tree has no such folder and uses the source tree's assets.
    std::error_code ec;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const std::filesystem::path installed = self.parent_path().parent_path() / "share" / "ideenkiosk";
        if (std::filesystem::is_directory(installed / "i18n", ec)) return installed.string();
    }
    return IDEEN_ASSET_DIR;
}

void useAssetLanguages(const std::string& assetDir) {
    const std::string folder = assetDir + "/i18n";
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec)) return;
    try {
        storage::setLanguages(core::languagesInFolder(folder));
    } catch (const std::invalid_argument& e) {
        throw std::runtime_error(folder + ": " + e.what());
    }
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
    options.busyTimeoutMs = busyTimeoutMs;
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

std::shared_ptr<std::string> requiredText(CLI::App& command, const std::string& name, const std::string& help) {
    auto text = std::make_shared<std::string>();
    command.add_option(name, *text, help)->required();
    return text;
}

std::string cliActor() {
    const char* user = std::getenv("USER");
    return std::string("cli:") + (user && *user ? user : "unknown");
}

}  // namespace kiosk::app
