// The organisers' command line: shared context and the registration of each group of subcommands.
#pragma once

#include "storage/store.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json_fwd.hpp>

#include <functional>
#include <memory>
#include <ostream>
#include <stdexcept>
#include <string>

namespace storage {
class WordList;
}

namespace kiosk::app {

/// Receives one warning line (the kiosk logs it, the command line prints it on stderr).
using Warn = std::function<void(const std::string&)>;

/// What every subcommand needs: where the database and the assets are.
struct CliContext {
    std::string dbPath;
    std::string assetDir;
    std::string eventId;      ///< --event: which event; empty means the active one
    std::string wordListDir;  ///< --wordlists: the organisers' own word lists instead of <assets>/wordlists

    /// Opens the database (creating its folder when writing). Throws StoreError with a clear message.
    std::unique_ptr<storage::Store> openStore(bool readOnly = false,
                                              std::shared_ptr<const storage::WordList> wordList = nullptr) const;
    /// Opens the database for a command that submits ideas as attendees do, with the word list.
    std::unique_ptr<storage::Store> openStoreWithWordList(const Warn& warn) const;
    /// --wordlists if given, else the assets' wordlists/ folder.
    std::string wordListFolder() const;
    /// The word list, or null when it is missing or broken: then `warn` gets one line naming the path and
    /// ideas are submitted without it (a list never stops the kiosk). A missing language file is a warning too.
    std::shared_ptr<const storage::WordList> loadWordList(const Warn& warn) const;
    /// The --event id if given (must exist), else the active event's id.
    std::string resolveEvent(storage::Store& store) const;
};

/// A usage mistake found after parsing (exit code 2).
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

std::string defaultDatabasePath();
/// Refuses database paths that SQLite would open as a throwaway database, and folders or devices (UsageError).
void checkDatabasePath(const std::string& path);
std::string defaultAssetDir();

/// Writes `content` to `path` atomically (temporary file, fsync, rename, fsync of the folder) or to
/// standard output when `path` is empty or "-".
void writeOutput(const std::string& path, const std::string& content);
/// The same, for output produced as a stream (large exports never sit in memory as one string).
void writeOutput(const std::string& path, const std::function<void(std::ostream&)>& produce);

/// The text of an automation file (`--automation`, a test aid). Bytes that are not UTF-8 in a label show as
/// U+FFFD instead of throwing: a test aid must never end the kiosk (a label cut inside a character once did).
std::string automationText(const nlohmann::json& json);

void addEventCommands(CLI::App& app, CliContext& context);
void addEventLoadCommand(CLI::App& event, CliContext& context);  ///< event load FILE.toml
void addIdeaCommands(CLI::App& app, CliContext& context);
void addDataCommands(CLI::App& app, CliContext& context);    ///< export, import, backup, restore, merge
void addReportCommands(CLI::App& app, CliContext& context);  ///< stats, check, demo
/// idea approve|reject|hide|unhide|edit|merge|pin|unpin, session void, rehearse (after addIdeaCommands)
void addModerationCommands(CLI::App& app, CliContext& context);
void addPinCommands(CLI::App& app, CliContext& context);         ///< pin set|status|check
void addRunCommands(CLI::App& app, CliContext& context);     ///< run (the kiosk window)
void addWordListCommands(CLI::App& app, CliContext& context);  ///< wordlist show|check

/// A warning of a command-line command: one line on stderr.
void warnOnStderr(const std::string& line);

}  // namespace kiosk::app
