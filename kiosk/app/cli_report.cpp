// `ideenkiosk stats|check|demo`: reports for organisers and demo data for trying things out.
#include "kiosk/app/cli.h"

#include "storage/demo.h"
#include "storage/event_config.h"
#include "storage/stats.h"

#include <filesystem>
#include <iostream>

namespace kiosk::app {

void addReportCommands(CLI::App& app, CliContext& context) {
    auto* stats = app.add_subcommand("stats", "Statistics of the active (or --event) event");
    auto json = std::make_shared<bool>(false);
    stats->add_flag("--json", *json, "As JSON");
    stats->callback([&context, json] {
        auto store = context.openStore(true);
        const auto result = storage::computeStats(*store, context.resolveEvent(*store));
        std::cout << (*json ? storage::statsToJson(result).dump(2) + "\n" : storage::formatStatsTable(result));
    });

    app.add_subcommand("check", "Integrity and schema report (exit 1 when there are problems)")->callback([&context] {
        auto store = context.openStore(true);
        const auto report = store->check();
        for (const auto& fact : report.facts) std::cout << fact << '\n';
        for (const auto& problem : report.problems) std::cout << "PROBLEM: " << problem << '\n';
        std::cout << (report.ok ? "ok" : "problems found") << '\n';
        if (!report.ok) throw storage::StoreError(context.dbPath + ": " + std::to_string(report.problems.size()) + " problems");
    });

    auto* demo = app.add_subcommand("demo", "Create a fresh demo event with plausible ideas and votes, and activate it");
    struct DemoArgs {
        int ideas = 40;
        int votes = 300;
        std::uint64_t seed = 2009;
    };
    auto args = std::make_shared<DemoArgs>();
    demo->add_option("--ideas", args->ideas, "Number of ideas")->check(CLI::Range(0, 1000000))->capture_default_str();
    demo->add_option("--votes", args->votes, "Number of votes")->check(CLI::Range(0, 50000000))->capture_default_str();
    demo->add_option("--seed", args->seed, "Random seed")->capture_default_str();
    demo->callback([&context, args] {
        const std::string example = context.assetDir + "/event.example.toml";
        const auto settings = std::filesystem::exists(example) ? storage::loadEventToml(example) : storage::demoEventSettings();
        auto store = context.openStore();
        std::string eventId;
        store->transaction([&] {
            eventId = store->createEvent(settings);
            store->activateEvent(eventId);
            storage::fillDemo(*store, eventId, args->ideas, args->votes, args->seed);
        });
        std::cout << eventId << '\n';
    });
}

}  // namespace kiosk::app
