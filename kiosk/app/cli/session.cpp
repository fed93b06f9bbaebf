// `ideenkiosk session void`: the moderators' answer to a burst of abusive votes; the log keeps them.
#include "kiosk/app/cli/cli.h"

#include <iostream>

namespace kiosk::app {

void addSessionCommands(CLI::App& app, CliContext& context) {
    auto* session = app.add_subcommand("session", "Kiosk sessions");
    session->require_subcommand(1);
    auto* voidCmd = session->add_subcommand("void", "Void every vote of one session (burst abuse); the log keeps them");
    auto sessionId = requiredText(*voidCmd, "ID", "Session id (see `export sessions`)");
    auto reason = requiredText(*voidCmd, "--reason", "Why (goes into the moderation log)");
    voidCmd->callback([&context, sessionId, reason] {
        auto store = context.openStore();
        store->voidSession(*sessionId, cliActor(), *reason);
        std::cout << "session " << *sessionId << " voided\n";
    });
}

}  // namespace kiosk::app
