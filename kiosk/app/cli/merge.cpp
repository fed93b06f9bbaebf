// `ideenkiosk merge`: the databases of several kiosks into one, by id; idempotent, all or nothing.
#include "kiosk/app/cli/cli.h"

#include "storage/merge.h"

#include <iostream>

namespace kiosk::app {

void addMergeCommand(CLI::App& app) {
    auto* merge = app.add_subcommand("merge", "Merge kiosk databases of one event into OUT (union by id)");
    auto mergeOut = requiredText(*merge, "OUT", "Database to merge into (created if missing)");
    auto mergeIn = std::make_shared<std::vector<std::string>>();
    merge->add_option("IN", *mergeIn, "Kiosk databases to merge")->required()->check(CLI::ExistingFile);
    merge->callback([mergeOut, mergeIn] {
        checkDatabasePath(*mergeOut);
        storage::Store out(*mergeOut);
        for (const auto& in : *mergeIn) {
            const auto report = storage::mergeDatabase(out, in);
            std::cout << in << ":\n" << report.summary();
        }
    });
}

}  // namespace kiosk::app
