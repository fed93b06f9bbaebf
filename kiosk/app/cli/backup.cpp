// `ideenkiosk backup`: a checked copy of the database while the kiosk may keep running; with --rotate a
// timestamped copy into the backup folder keeping the newest ones (the hourly backup timer).
#include "kiosk/app/cli/cli.h"

#include "kiosk/app/logic/backup_rotation.h"
#include "storage/backup.h"

#include <ctime>
#include <iostream>

namespace kiosk::app {

namespace {

struct BackupArgs {
    std::string output;
    bool rotate = false;
    std::string folder;
    int keep = 24;
};

}  // namespace

void addBackupCommand(CLI::App& app, CliContext& context) {
    auto* backup = app.add_subcommand("backup", "Copy the database safely (the kiosk may keep running)");
    auto args = std::make_shared<BackupArgs>();
    auto* output = backup->add_option("-o,--output", args->output, "Backup file to write");
    auto* rotate = backup->add_flag("--rotate", args->rotate,
                                    "Write a timestamped copy into the backup folder and keep only the newest ones");
    auto* folder = backup->add_option("--folder", args->folder, "Backup folder for --rotate (default: [backup] folder of --config)");
    auto* keep = backup->add_option("--keep", args->keep, "How many rotated copies stay")->check(CLI::Range(1, 100000))->capture_default_str();
    output->excludes(rotate);
    folder->needs(rotate);
    keep->needs(rotate);
    backup->callback([&context, args, output, folder, keep] {
        if (!args->rotate && output->count() == 0) throw UsageError("backup needs -o FILE or --rotate");
        auto store = context.openStore(true);
        if (!args->rotate) {
            storage::backupDatabase(*store, args->output);
            std::cout << "backup written to " << args->output << '\n';
            return;
        }
        configured(folder, args->folder, context.config.backupFolder);
        configured(keep, args->keep, context.config.backupKeep);
        if (args->folder.empty()) throw UsageError("backup --rotate needs --folder or [backup] folder in the --config file");
        const auto result = rotateBackup(*store, args->folder, args->keep, std::time(nullptr));
        std::cout << "backup written to " << result.written << '\n';
        for (const auto& old : result.removed) std::cout << "removed old backup " << old << '\n';
    });
}

}  // namespace kiosk::app
