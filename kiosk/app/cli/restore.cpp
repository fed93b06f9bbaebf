// `ideenkiosk restore`: replaces the database with a checked backup (the kiosk stopped first).
#include "kiosk/app/cli/cli.h"

#include "storage/backup.h"

#include <iostream>

namespace kiosk::app {

void addRestoreCommand(CLI::App& app, CliContext& context) {
    auto* restore = app.add_subcommand("restore", "Replace the database with a backup (stop the kiosk first)");
    auto restoreFile = requiredText(*restore, "FILE", "Backup file");
    restore->callback([&context, restoreFile] {
        checkDatabasePath(context.dbPath);
        storage::restoreDatabase(*restoreFile, context.dbPath);
        std::cout << "restored " << context.dbPath << " from " << *restoreFile << '\n';
    });
}

}  // namespace kiosk::app
