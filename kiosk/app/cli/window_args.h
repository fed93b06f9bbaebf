// The options that run, projector and moderate share: window size, monitor, automation and screenshot files, the venue server.
#pragma once

#include "kiosk/app/cli/cli.h"

#include <string>

namespace kiosk::app {

/// Checks WIDTHxHEIGHT while parsing, so a bad size is a usage error (exit 2) in every build.
extern const CLI::Validator kWindowSize;

/// A window's options as parsed, before they become WindowOptions.
struct WindowArgs {
    int monitor = 0;
    std::string windowed;  ///< WIDTHxHEIGHT, empty for fullscreen
    bool allowExit = false;
    std::string automation;
    std::string screenshot;
    std::string server;  ///< the venue's PostgreSQL (a libpq connection string), empty for this file alone
    std::string panelLanguage;  ///< --panel-language, empty when not given (run and moderate)
};

/// --monitor, --windowed, --allow-exit, --automation and --screenshot, as run and projector both take them. Returns
/// the --monitor option: a monitor from kiosk.toml applies only when it was not given.
CLI::Option* addWindowOptions(CLI::App& command, WindowArgs& args, const std::string& screenshotHelp);

/// A window's --server (optional, unlike the server commands' one) with this help; the callback then calls
/// useConfiguredServer.
void addWindowServerOption(CLI::App& command, WindowArgs& args, const std::string& help);
/// Without --server, kiosk.toml's [server] url (when it has one).
void useConfiguredServer(const CliContext& context, WindowArgs& args);

/// --panel-language for run and moderate: the language the moderators' panel starts in.
void addPanelLanguageOption(CLI::App& command, WindowArgs& args);
/// --panel-language, else kiosk.toml's [kiosk] panel_language, else German; an unknown code is a UsageError.
std::string panelLanguage(const CliContext& context, const WindowArgs& args);

/// The one place parsed window options become what a window opens with.
WindowOptions windowOptions(const CliContext& context, const WindowArgs& args);

/// The window part of the build, or StoreError saying that this build has none.
WindowLauncher& requireWindows(WindowLauncher* windows);

}  // namespace kiosk::app
