// `ideenkiosk pin set|status|check`: the moderators' PIN, typed without echo on a terminal.
#include "kiosk/app/cli/cli.h"

#include "storage/pin.h"

#include <termios.h>
#include <unistd.h>

#include <iostream>

namespace kiosk::app {

namespace {

/// One line from standard input; on a terminal the prompt is shown and the typing is not echoed.
std::string readSecret(const char* prompt) {
    const bool terminal = isatty(STDIN_FILENO) != 0;
    termios saved{};
    if (terminal) {
        std::cerr << prompt << std::flush;
        tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= static_cast<tcflag_t>(~ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string line;
    const bool got = static_cast<bool>(std::getline(std::cin, line));
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::cerr << '\n';
    }
    if (!got) throw UsageError("no PIN given on standard input");
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

std::string describe(const storage::PinAttempt& a) {
    using R = storage::PinAttempt::Result;
    switch (a.result) {
        case R::NotSet: return "no PIN is set (set one with `ideenkiosk pin set`)";
        case R::Locked: return "PIN entry is locked for " + std::to_string(a.lockedSeconds) + " s";
        case R::Wrong:
            return a.lockedSeconds > 0 ? "wrong PIN; entry is locked for " + std::to_string(a.lockedSeconds) + " s"
                                       : "wrong PIN (" + std::to_string(a.triesLeft) + (a.triesLeft == 1 ? " try" : " tries") +
                                             " left before a lockout)";
        case R::Accepted: break;
    }
    return "PIN accepted";
}

}  // namespace

void addPinCommands(CLI::App& app, CliContext& context) {
    auto* pin = app.add_subcommand("pin", "The moderators' PIN (for the panel at the kiosk)");
    pin->require_subcommand(1);
    pin->add_subcommand("set", "Set the PIN: asked twice, never echoed; reads standard input when it is not a terminal")
        ->callback([&context] {
            const std::string first = readSecret("New PIN (4 to 8 digits): ");
            // A pipe may give the PIN once; a person types it twice.
            if (isatty(STDIN_FILENO) && readSecret("Again: ") != first) throw UsageError("the two PINs differ; nothing changed");
            auto store = context.openStore();
            storage::setPin(*store, first);
            std::cout << "PIN set\n";
        });
    pin->add_subcommand("status", "Whether a PIN is set and whether entry is locked")->callback([&context] {
        auto store = context.openStore(true);
        const auto status = storage::pinStatus(*store);
        std::cout << (status.result == storage::PinAttempt::Result::Accepted
                          ? "PIN set, entry open (" + std::to_string(status.triesLeft) + " tries before a lockout)"
                          : describe(status))
                  << '\n';
    });
    pin->add_subcommand("check", "Try a PIN from standard input (counts as a try, like the panel)")->callback([&context] {
        const std::string candidate = readSecret("PIN: ");
        auto store = context.openStore();
        const auto attempt = storage::checkPin(*store, candidate);
        if (attempt.result != storage::PinAttempt::Result::Accepted) throw storage::RuleError("pin", describe(attempt));
        std::cout << describe(attempt) << '\n';
    });
}

}  // namespace kiosk::app
