// `ideenkiosk session void`: the moderators' answer to a burst of abusive votes; the log keeps them.
#include "kiosk/app/cli/cli.h"

#include <iostream>

namespace kiosk::app {

void addSessionCommands(CLI::App& app, CliContext& context) {
    auto* session = app.add_subcommand("session", "Kiosk sessions");
    session->require_subcommand(1);
    auto* voidCmd = session->add_subcommand("void", "Void every vote of one session (burst abuse); the log keeps them");
    auto sessionId = std::make_shared<std::string>();
    auto reason = std::make_shared<std::string>();
    voidCmd->add_option("ID", *sessionId, "Session id (see `export sessions`)")->required();
    voidCmd->add_option("--reason", *reason, "Why (goes into the moderation log)")->required();
    voidCmd->callback([&context, sessionId, reason] {
        auto store = context.openStore();
        store->voidSession(*sessionId, cliActor(), *reason);
        std::cout << "session " << *sessionId << " voided\n";
    });
}

}  // namespace kiosk::app
