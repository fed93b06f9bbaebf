// `ideenkiosk run`: the attendee kiosk window on the active event, optionally with the projector beside it.
#include "kiosk/app/cli/window_args.h"

#include "storage/wordlist.h"

#include <SQLiteCpp/Exception.h>
#include <spdlog/spdlog.h>

#include <cstdlib>

namespace kiosk::app {

namespace {

/// run --projector-…: the projector as a second window of the kiosk process.
struct SecondWindowArgs : WindowArgs {
    SecondWindowArgs() { monitor = -1; }  // -1: not asked for

    bool wanted() const { return monitor >= 0 || !windowed.empty(); }

    /// The mistakes that need no display, refused as usage errors before anything opens.
    void check(int kioskMonitor, bool kioskFullscreen) const {
        if (!wanted() && (!automation.empty() || !screenshot.empty())) {
            throw UsageError("--projector-automation and --projector-screenshot need --projector-monitor or --projector-windowed");
        }
        if (monitor >= 0 && monitor == kioskMonitor && kioskFullscreen && windowed.empty()) {
            throw UsageError("--projector-monitor " + std::to_string(monitor) +
                             " is the monitor the kiosk is fullscreen on; choose another (or add --projector-windowed WxH)");
        }
    }
};

struct RunArgs : WindowArgs {
    double idleTimeout = 60;
    int busyTimeoutMs = 5000;
    std::string frameTimes;
    SecondWindowArgs projector;
    std::string phones;
};

}  // namespace

void addRunCommand(CLI::App& app, CliContext& context, WindowLauncher* windows) {
    auto* run = app.add_subcommand("run", "Start the attendee kiosk (fullscreen) on the active event");
    auto args = std::make_shared<RunArgs>();
    run->add_option("--monitor", args->monitor, "Monitor number (0 = primary)")->check(CLI::Range(0, 16));
    run->add_option("--windowed", args->windowed, "Run in a window of WxH pixels instead (development)")->check(kWindowSize);
    run->add_option("--idle-timeout", args->idleTimeout, "Seconds without touch before \"Sind Sie noch da?\"")
        ->check(CLI::Range(5.0, 3600.0))
        ->capture_default_str();
    run->add_option("--busy-timeout", args->busyTimeoutMs,
                    "Milliseconds a save waits for another process's lock before the trouble screen (tests)")
        ->check(CLI::Range(100, 600000))
        ->capture_default_str();
    run->add_flag("--allow-exit", args->allowExit, "Let Escape close the window (development only)");
    run->add_option("--automation", args->automation, "Keep a JSON description of the screen in this file");
    run->add_option("--screenshot", args->screenshot, "Write a PNG here on SIGUSR1 and at exit");
    run->add_option("--frame-times", args->frameTimes, "Write the CPU time of every frame here at exit (benchmarks)");
    run->add_option("--projector-monitor", args->projector.monitor, "Also show the projector, fullscreen on this monitor")
        ->check(CLI::Range(0, 16));
    run->add_option("--projector-windowed", args->projector.windowed, "Also show the projector, in a window of WxH pixels")
        ->check(kWindowSize);
    run->add_option("--projector-automation", args->projector.automation, "Keep a JSON description of the projector here");
    run->add_option("--projector-screenshot", args->projector.screenshot, "Write a PNG of the projector here on SIGUSR1");
    run->add_option("--phones", args->phones,
                    "Also serve the phone page on ADDRESS:PORT (its own threads; only that address)");
    run->callback([&context, args, windows] {
        args->projector.check(args->monitor, args->windowed.empty());
        WindowLauncher& launcher = requireWindows(windows);
        RunOptions options;
        static_cast<WindowOptions&>(options) = windowOptions(context, *args);
        options.idleTimeoutSeconds = args->idleTimeout;
        options.busyTimeoutMs = args->busyTimeoutMs;
        options.frameTimesFile = args->frameTimes;
        if (args->projector.wanted()) options.projector.emplace(ProjectorOptions{windowOptions(context, args->projector)});
        // A missing or broken word list is logged and the kiosk runs without it: it must never keep the doors shut.
        options.wordList = context.loadWordList([](const std::string& line) { spdlog::warn("{}", line); });
        if (options.wordList) {
            spdlog::info("word lists: {} entries from {}", options.wordList->size(), options.wordList->folder());
        }
        // A database without an active event is a set-up mistake: a clear error now beats a blank screen. A file
        // that cannot be used (corrupt, read-only, a full disk) is trouble the kiosk shows and recovers from.
        try {
            context.resolveEvent(*context.openStore());
        } catch (const storage::StoreError& e) {
            spdlog::error("starting with the trouble screen: {}", e.what());
        } catch (const SQLite::Exception& e) {
            spdlog::error("starting with the trouble screen: {}", e.what());
        }
        if (options.projector) launcher.requireMonitor(options.projector->monitor, "--projector-monitor");
        // The phone server runs beside the kiosk on its own threads and connections; the frame loop never waits on
        // it. If it cannot start (address taken, not on this machine) the kiosk still runs and the log says why.
        std::unique_ptr<phones::PhoneServer> phoneServer;
        if (!args->phones.empty()) {
            phones::ServerOptions phoneOptions = phoneServerOptions(context, args->phones);
            phoneOptions.wordList = options.wordList;
            phoneServer = std::make_unique<phones::PhoneServer>(std::move(phoneOptions));
            try {
                phoneServer->start();
            } catch (const std::exception& e) {
                spdlog::error("phones: not started: {}", e.what());
                phoneServer.reset();
            }
        }
        const int code = launcher.runKiosk(options);
        phoneServer.reset();
        if (code != 0) std::exit(code);
    });
}

}  // namespace kiosk::app
