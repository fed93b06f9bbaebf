// --config FILE: the venue PC's kiosk.toml under the command line (see cli.h).
#include "kiosk/app/cli/cli.h"

#include "storage/event_config.h"

#include <spdlog/spdlog.h>

namespace kiosk::app {

void addConfigOption(CLI::App& app, CliContext& context) {
    auto* config = app.add_option("--config", context.configPath,
                                  "Settings file (e.g. /etc/ideenkiosk/kiosk.toml); options given here win over it");
    const CLI::Option* db = app.get_option("--db");
    const CLI::Option* assets = app.get_option("--assets");
    // The main app's parse-complete callback runs before the subcommands' callbacks (CLI11's order).
    app.parse_complete_callback([&context, config, db, assets] {
        if (config->count() != 0) {
            context.config = loadKioskConfig(context.configPath);
            configured(db, context.dbPath, context.config.database);
            configured(assets, context.assetDir, context.config.assets);
        }
        // Every command knows the languages of the assets it runs with (an event's list, the phones, the kiosk).
        useAssetLanguages(context.assetDir);
    });
}

void loadConfiguredEvent(const CliContext& context) {
    if (!context.config.eventFile) return;
    auto store = context.openStore();
    if (store->activeEvent()) return;
    const auto loaded = storage::loadEventToml(*context.config.eventFile);
    const std::string id = store->createEvent(loaded);
    store->activateEvent(id);
    spdlog::info("no active event: loaded {} from {}", id, *context.config.eventFile);
}

}  // namespace kiosk::app
