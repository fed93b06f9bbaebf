// `ideenkiosk session void`: the moderators' answer to a burst of abusive votes; the log keeps them.
#include "kiosk/app/cli/cli.h"

#include <iostream>

namespace kiosk::app {

void addSessionCommands(CLI::App& app, CliContext& context) {
    auto* session = app.add_subcommand("session", "Kiosk and phone sessions");
    session->require_subcommand(1);
    auto* list = session->add_subcommand("list", "Every session of the event: id, source (kiosk or phone), language, votes, end");
    list->callback([&context] {
        auto store = context.openStore(true);
        for (const auto& s : store->sessions(context.resolveEvent(*store))) {
            std::cout << s.id << "  " << storage::toString(s.source) << "  " << s.language << "  " << s.votesUsed
                      << " votes  " << storage::toString(s.end) << "\n";
        }
    });
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
