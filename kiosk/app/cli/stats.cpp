// `ideenkiosk stats`: ideas by status, votes, sessions and participants, per hour, category and language.
#include "kiosk/app/cli/cli.h"

#include "storage/stats.h"

#include <iostream>

namespace kiosk::app {

void addStatsCommand(CLI::App& app, CliContext& context) {
    auto* stats = app.add_subcommand("stats", "Statistics of the active (or --event) event");
    auto json = std::make_shared<bool>(false);
    stats->add_flag("--json", *json, "As JSON");
    stats->callback([&context, json] {
        auto store = context.openStore(true);
        const auto result = storage::computeStats(*store, context.resolveEvent(*store));
        std::cout << (*json ? storage::statsToJson(result).dump(2) + "\n" : storage::formatStatsTable(result));
    });
}

}  // namespace kiosk::app
