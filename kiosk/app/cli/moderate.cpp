// `ideenkiosk moderate`: the moderators' panel in a window of its own, for a laptop beside the stage.
#include "kiosk/app/cli/window_args.h"

#include <cstdlib>

namespace kiosk::app {

void addModerateCommand(CLI::App& app, CliContext& context, WindowLauncher* windows) {
    auto* moderate = app.add_subcommand("moderate", "The moderators' panel in a window (laptop; asks for the PIN when one is set)");
    auto args = std::make_shared<WindowArgs>();
    args->windowed = "1280x800";
    moderate->add_option("--windowed", args->windowed, "Window size WxH")->check(kWindowSize)->capture_default_str();
    moderate->add_option("--automation", args->automation, "Keep a JSON description of the panel in this file");
    moderate->add_option("--screenshot", args->screenshot, "Write a PNG here on SIGUSR1");
    moderate->callback([&context, args, windows] {
        WindowLauncher& launcher = requireWindows(windows);
        ModerateOptions options{windowOptions(context, *args), context.resolveEvent(*context.openStore())};
        const int code = launcher.runModerate(options);
        if (code != 0) std::exit(code);
    });
}

}  // namespace kiosk::app
