// `ideenkiosk moderate`: the moderators' panel in a window of its own, for a laptop beside the stage.
#include "kiosk/app/cli/window_args.h"

#include <cstdlib>
#include <memory>

namespace kiosk::app {

void addModerateCommand(CLI::App& app, CliContext& context, WindowLauncher* windows) {
    auto* moderate = app.add_subcommand("moderate", "The moderators' panel in a window (laptop; asks for the PIN when one is set)");
    auto args = std::make_shared<WindowArgs>();
    args->windowed = "1280x800";
    moderate->add_option("--windowed", args->windowed, "Window size WxH")->check(kWindowSize)->capture_default_str();
    moderate->add_option("--automation", args->automation, "Keep a JSON description of the panel in this file");
    moderate->add_option("--screenshot", args->screenshot, "Write a PNG here on SIGUSR1");
    addPanelLanguageOption(*moderate, *args);
    addWindowServerOption(*moderate, *args,
                         "Moderate the whole venue: keep --db a copy of the venue's PostgreSQL (a libpq connection "
                         "string) on a thread of its own; decisions reach every kiosk through it");
    moderate->callback([&context, args, windows] {
        useConfiguredServer(context, *args);
        WindowLauncher& launcher = requireWindows(windows);
        // The laptop's file is a replica like any kiosk's: its decisions enter its outbox and the worker pushes
        // them; what the kiosks write arrives through the same worker.
        if (!args->server.empty()) catchUpWithServer(context, args->server);
        ModerateOptions options{windowOptions(context, *args), context.resolveEvent(*context.openStore()), {}, panelLanguage(context, *args)};
        std::unique_ptr<pgsync::SyncWorker> sync;
        if (!args->server.empty()) sync = startWindowSync(context, args->server, options.sync);
        const int code = launcher.runModerate(options);
        sync.reset();
        if (code != 0) std::exit(code);
    });
}

}  // namespace kiosk::app
