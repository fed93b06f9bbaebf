// `ideenkiosk check`: integrity, foreign keys, schema version and counts of the database (exit 1 on problems).
#include "kiosk/app/cli/cli.h"

#include <iostream>

namespace kiosk::app {

void addCheckCommand(CLI::App& app, CliContext& context) {
    app.add_subcommand("check", "Integrity and schema report (exit 1 when there are problems)")->callback([&context] {
        auto store = context.openStore(true);
        const auto report = store->check();
        for (const auto& fact : report.facts) std::cout << fact << '\n';
        for (const auto& problem : report.problems) std::cout << "PROBLEM: " << problem << '\n';
        std::cout << (report.ok ? "ok" : "problems found") << '\n';
        if (!report.ok) throw storage::StoreError(context.dbPath + ": " + std::to_string(report.problems.size()) + " problems");
    });
}

}  // namespace kiosk::app
