// `ideenkiosk backup`: a checked copy of the database while the kiosk may keep running.
#include "kiosk/app/cli/cli.h"

#include "storage/backup.h"

#include <iostream>

namespace kiosk::app {

void addBackupCommand(CLI::App& app, CliContext& context) {
    auto* backup = app.add_subcommand("backup", "Copy the database safely (the kiosk may keep running)");
    auto backupFile = requiredText(*backup, "-o,--output", "Backup file to write");
    backup->callback([&context, backupFile] {
        auto store = context.openStore(true);
        storage::backupDatabase(*store, *backupFile);
        std::cout << "backup written to " << *backupFile << '\n';
    });
}

}  // namespace kiosk::app
