// `ideenkiosk projector`: the live ranking for the hall as its own read-only process, optionally of the whole venue.
#include "kiosk/app/cli/window_args.h"

#include <spdlog/spdlog.h>

#include <cstdlib>
#include <memory>

namespace kiosk::app {

void addProjectorCommand(CLI::App& app, CliContext& context, WindowLauncher* windows) {
    auto* projector = app.add_subcommand("projector", "Show the live ranking on a projector (reads the database only)");
    auto args = std::make_shared<WindowArgs>();
    auto* monitor = addWindowOptions(*projector, *args, "Write a PNG here on SIGUSR1");
    addWindowServerOption(*projector, *args,
                          "Show the whole venue: keep --db a copy of the venue's PostgreSQL, following its "
                          "notifications on a thread of its own");
    projector->callback([&context, args, windows, monitor] {
        configured(monitor, args->monitor, context.config.projectorMonitor);
        useConfiguredServer(context, *args);
        WindowLauncher& launcher = requireWindows(windows);
        const ProjectorOptions options{windowOptions(context, *args)};
        std::unique_ptr<pgsync::SyncWorker> sync;
        if (!args->server.empty()) {
            catchUpWithServer(context, args->server);
            sync = std::make_unique<pgsync::SyncWorker>(syncWorkerOptions(context, args->server, 5));
        }
        context.resolveEvent(*context.openStore(true));
        const int code = launcher.runProjector(options);
        sync.reset();
        if (code != 0) std::exit(code);
    });
}

}  // namespace kiosk::app
