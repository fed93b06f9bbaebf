// `ideenkiosk demo`: a fresh, active demo event with ideas in three languages and budget-respecting votes.
#include "kiosk/app/cli/cli.h"

#include "storage/demo.h"
#include "storage/event_config.h"

#include <filesystem>
#include <iostream>

namespace kiosk::app {

void addDemoCommand(CLI::App& app, CliContext& context) {
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
