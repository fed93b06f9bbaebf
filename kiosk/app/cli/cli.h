// The organisers' command line: shared context and the registration of each group of subcommands.
#pragma once

#include "kiosk/app/logic/kiosk_config.h"
#include "kiosk/app/logic/window_launcher.h"
#include "phones/server.h"
#include "storage/store.h"
#include "sync/sync_worker.h"

#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
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
    std::string configPath;   ///< --config: kiosk.toml, read before the subcommand runs
    KioskConfig config;       ///< what --config set (nothing without it); command-line options win
    int busyTimeoutMs = 5000; ///< --busy-timeout: how long a write waits for another connection's lock

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
/// Installs the languages of <assetDir>/i18n as the registry (storage::setLanguages), before any subcommand runs.
/// Without that folder (a tool run without assets) the registry stays storage's default.
void useAssetLanguages(const std::string& assetDir);

/// --config FILE: reads it once parsing is complete (before any subcommand runs) and takes --db and --assets from it
/// unless they were given on the command line. Subcommands take their own settings with `configured`.
void addConfigOption(CLI::App& app, CliContext& context);
/// `target` = `value` when the file set it and `option` was not given on the command line.
template <class T>
void configured(const CLI::Option* option, T& target, const std::optional<T>& value) {
    if (value && option->count() == 0) target = *value;
}
/// The file's event_file, loaded and activated when the database has no active event yet (a fresh venue PC).
void loadConfiguredEvent(const CliContext& context);

/// A required argument or option of `command` holding text; shared, because the callback reads it after parsing.
std::shared_ptr<std::string> requiredText(CLI::App& command, const std::string& name, const std::string& help);

/// Who did it, for the moderation log: the command line and the operating-system user ("cli:anna").
std::string cliActor();

// The command groups, one file each in kiosk/app/cli/, named after the command. main.cpp registers them in
// this order, which is the order `ideenkiosk --help` lists them in.
void addEventCommands(CLI::App& app, CliContext& context);     ///< event create|list|show|activate|set|load
void addIdeaCommands(CLI::App& app, CliContext& context);      ///< idea list|add|approve|…|merge
void addSessionCommands(CLI::App& app, CliContext& context);   ///< session void
void addRehearseCommand(CLI::App& app, CliContext& context);   ///< rehearse
void addPinCommands(CLI::App& app, CliContext& context);       ///< pin set|status|check
void addExportCommand(CLI::App& app, CliContext& context);     ///< export TABLE|all
void addImportCommands(CLI::App& app, CliContext& context);    ///< import ideas
void addBackupCommand(CLI::App& app, CliContext& context);     ///< backup
void addRestoreCommand(CLI::App& app, CliContext& context);    ///< restore
void addMergeCommand(CLI::App& app);                           ///< merge (works on the files it names)
void addStatsCommand(CLI::App& app, CliContext& context);      ///< stats
void addReportCommand(CLI::App& app, CliContext& context);     ///< report
void addCheckCommand(CLI::App& app, CliContext& context);      ///< check
void addDemoCommand(CLI::App& app, CliContext& context);       ///< demo
/// doctor: the venue PC's checks; asks `windows` for the monitors and fonts (null: a build without windows).
void addDoctorCommand(CLI::App& app, CliContext& context, WindowLauncher* windows);
/// run, projector and moderate open windows through `windows`; null in a build without them (IDEEN_BUILD_UI=OFF),
/// where they parse as always and then fail with one clear line.
void addRunCommand(CLI::App& app, CliContext& context, WindowLauncher* windows);
void addProjectorCommand(CLI::App& app, CliContext& context, WindowLauncher* windows);
void addModerateCommand(CLI::App& app, CliContext& context, WindowLauncher* windows);
void addWordListCommands(CLI::App& app, CliContext& context);  ///< wordlist show|check
void addServerCommands(CLI::App& app);                         ///< server init|status (the venue's PostgreSQL)
void addSyncCommand(CLI::App& app, CliContext& context);       ///< sync [--once]

/// The --server option (also IDEEN_SERVER): a libpq connection string, required.
void addServerOption(CLI::App& command, std::string& server);
/// The sync worker's options for this database and server (log lines go to spdlog).
pgsync::SyncWorkerOptions syncWorkerOptions(const CliContext& context, const std::string& url, double maxIdleSeconds);
/// Brings a window's file (projector/moderate --server) up to the venue's state before the window opens; without
/// the server it logs a warning and the window shows the copy it has (the worker catches up later).
void catchUpWithServer(const CliContext& context, const std::string& url);
/// The sync worker of a window's process (run/moderate --server): it wakes the window's loop through `link.wake`
/// when it applied rows or its connection came or went, and `link.state` reads its status for the panel.
std::unique_ptr<pgsync::SyncWorker> startWindowSync(const CliContext& context, const std::string& url, SyncLink& link);
void addPhonesCommands(CLI::App& app, CliContext& context);    ///< phones --listen, phones qr
/// The phone server's options for `phones --listen` and `run --phones` (UsageError for a bad ADDRESS:PORT).
/// `perAddress`: connections one remote address may hold at once (phones::ConnectionLimits::perAddress, 0: no cap).
phones::ServerOptions phoneServerOptions(const CliContext& context, const std::string& listen, double limitScale = 1.0,
                                         std::size_t perAddress = phones::ConnectionLimits{}.perAddress);
/// The option that sets ServerOptions::connections.perAddress (`phones --per-address`, `run --phones-per-address`).
void addPerAddressOption(CLI::App& command, const std::string& name, std::size_t& perAddress);

/// A warning of a command-line command: one line on stderr.
void warnOnStderr(const std::string& line);

}  // namespace kiosk::app
