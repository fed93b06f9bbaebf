// `ideenkiosk projector`: the live ranking for the hall as its own read-only process.
#include "kiosk/app/cli/window_args.h"

#include <cstdlib>

namespace kiosk::app {

void addProjectorCommand(CLI::App& app, CliContext& context, WindowLauncher* windows) {
    auto* projector = app.add_subcommand("projector", "Show the live ranking on a projector (reads the database only)");
    auto args = std::make_shared<WindowArgs>();
    auto* monitor = projector->add_option("--monitor", args->monitor, "Monitor number (0 = primary)")->check(CLI::Range(0, 16));
    projector->add_option("--windowed", args->windowed, "Run in a window of WxH pixels instead")->check(kWindowSize);
    projector->add_flag("--allow-exit", args->allowExit, "Let Escape close the window");
    projector->add_option("--automation", args->automation, "Keep a JSON description of what is shown in this file");
    projector->add_option("--screenshot", args->screenshot, "Write a PNG here on SIGUSR1");
    projector->callback([&context, args, windows, monitor] {
        configured(monitor, args->monitor, context.config.projectorMonitor);
        WindowLauncher& launcher = requireWindows(windows);
        const ProjectorOptions options{windowOptions(context, *args)};
        context.resolveEvent(*context.openStore(true));
        const int code = launcher.runProjector(options);
        if (code != 0) std::exit(code);
    });
}

}  // namespace kiosk::app
