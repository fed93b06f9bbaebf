// Entry point of `ideenkiosk`: parses the command line and turns every failure into one clear line.
#include "kiosk/app/cli/cli.h"

#include "storage/sqlite_setup.h"
#include "storage/text.h"
#include "sync/pg.h"

#include <SQLiteCpp/Exception.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

namespace {

// Messages may quote a file name or an argument; whatever they hold, they leave as one readable line.
int fail(const std::string& message, int code) {
    std::cerr << "ideenkiosk: " << storage::printableLine(message, 300) << '\n';
    return code;
}

// A password in `--server URL` would show in `ps` and /proc/<pid>/cmdline: the arguments are parsed from a copy
// and the password is overwritten in the process's own argument memory.
void hideServerPasswords(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        char* value = nullptr;
        if (std::strcmp(argv[i], "--server") == 0 && i + 1 < argc) {
            value = argv[i + 1];
        } else if (std::strncmp(argv[i], "--server=", 9) == 0) {
            value = argv[i] + 9;
        }
        if (!value) continue;
        const std::size_t length = std::strlen(value);
        const std::string masked = pgsync::maskSecrets(value, value);
        std::memset(value, ' ', length);
        std::memcpy(value, masked.data(), std::min(length, masked.size()));
    }
}

}  // namespace

int main(int argc, char** argv) {
    storage::configureSqliteProcess();  // before any connection: the phone server's threads share no malloc mutex
    // A file size limit (ulimit -f) must make a write fail, which SQLite reports and the kiosk survives with its
    // trouble screen; SIGXFSZ's default action would end the process without a word instead.
    std::signal(SIGXFSZ, SIG_IGN);
    CLI::App app{"Ideenkiosk: ideas and votes at a conference touchscreen, for attendees, moderators and "
                 "organisers.",
                 "ideenkiosk"};
    app.set_version_flag("--version", std::string("ideenkiosk ") + IDEEN_VERSION);
    app.require_subcommand(1);
    kiosk::app::CliContext context;
    context.dbPath = kiosk::app::defaultDatabasePath();
    context.assetDir = kiosk::app::defaultAssetDir();
    app.add_option("--db", context.dbPath, "SQLite database file")->capture_default_str();
    app.add_option("--event", context.eventId, "Event id (default: the active event)");
    app.add_option("--assets", context.assetDir, "Folder with i18n/, wordlists/ and the example event")
        ->capture_default_str();
    app.add_option("--busy-timeout", context.busyTimeoutMs,
                   "Milliseconds a write waits for another program's lock on the database before it gives up")
        ->check(CLI::Range(0, 600000))
        ->capture_default_str();
    app.add_option("--wordlists", context.wordListDir, "Folder with de.txt, tr.txt and en.txt (default: <assets>/wordlists)");

    kiosk::app::addConfigOption(app, context);

    kiosk::app::WindowLauncher* windows = kiosk::app::windowLauncher();
    kiosk::app::addEventCommands(app, context);
    kiosk::app::addIdeaCommands(app, context);
    kiosk::app::addSessionCommands(app, context);
    kiosk::app::addRehearseCommand(app, context);
    kiosk::app::addPinCommands(app, context);
    kiosk::app::addExportCommand(app, context);
    kiosk::app::addImportCommands(app, context);
    kiosk::app::addBackupCommand(app, context);
    kiosk::app::addRestoreCommand(app, context);
    kiosk::app::addMergeCommand(app);
    kiosk::app::addStatsCommand(app, context);
    kiosk::app::addReportCommand(app, context);
    kiosk::app::addCheckCommand(app, context);
    kiosk::app::addDemoCommand(app, context);
    kiosk::app::addDoctorCommand(app, context, windows);
    kiosk::app::addRunCommand(app, context, windows);
    kiosk::app::addProjectorCommand(app, context, windows);
    kiosk::app::addModerateCommand(app, context, windows);
    kiosk::app::addWordListCommands(app, context);
    kiosk::app::addServerCommands(app);
    kiosk::app::addSyncCommand(app, context);
    kiosk::app::addPhonesCommands(app, context);

    std::vector<std::string> arguments(argv, argv + argc);
    std::vector<char*> parsed;
    for (auto& argument : arguments) parsed.push_back(argument.data());
    hideServerPasswords(argc, argv);
    try {
        app.parse(argc, parsed.data());
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        return fail(std::string(e.what()) + " (see ideenkiosk --help)", 2);
    } catch (const kiosk::app::UsageError& e) {
        return fail(e.what(), 2);
    } catch (const kiosk::app::ConfigError& e) {
        return fail(e.what(), 2);
    } catch (const storage::RuleError& e) {
        return fail(e.what(), 1);
    } catch (const storage::StoreError& e) {
        return fail(e.what(), 1);
    } catch (const SQLite::Exception& e) {
        return fail(std::string("database error: ") + e.what(), 1);
    } catch (const std::exception& e) {
        return fail(e.what(), 1);
    }
    return 0;
}
