// `ideenkiosk run`: the attendee kiosk window on the active event, optionally with the projector beside it.
#include "kiosk/app/cli.h"

#include "storage/text.h"

#ifdef IDEEN_HAVE_UI
#include "kiosk/app/window_kiosk.h"
#include "kiosk/app/window_moderate.h"
#include "kiosk/app/window_projector.h"
#endif

#include "storage/wordlist.h"

#include <SQLiteCpp/Exception.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace kiosk::app {

namespace {

// "1280x720" -> width and height; false for anything else.
bool parseWindowSize(const std::string& text, int& width, int& height) {
    int w = 0;
    int h = 0;
    char x = 0;
    char extra = 0;
    if (std::sscanf(text.c_str(), "%d%c%d%c", &w, &x, &h, &extra) != 3 || (x != 'x' && x != 'X') || w < 320 ||
        h < 240 || w > 16384 || h > 16384) {
        return false;
    }
    width = w;
    height = h;
    return true;
}

// Checked while parsing, so a bad size is a usage error (exit 2) in every build.
const CLI::Validator kWindowSize(
    [](std::string& text) {
        int w = 0, h = 0;
        return parseWindowSize(text, w, h) ? std::string() : "takes WIDTHxHEIGHT, e.g. 1280x720, not " + storage::quoteUntrusted(text);
    },
    "WIDTHxHEIGHT");

void addModerateCommand(CLI::App& app, CliContext& context) {
    auto* moderate = app.add_subcommand("moderate", "The moderators' panel in a window (laptop; asks for the PIN when one is set)");
    struct ModerateArgs {
        std::string windowed = "1280x800";
        std::string automation;
        std::string screenshot;
    };
    auto args = std::make_shared<ModerateArgs>();
    moderate->add_option("--windowed", args->windowed, "Window size WxH")->check(kWindowSize)->capture_default_str();
    moderate->add_option("--automation", args->automation, "Keep a JSON description of the panel in this file");
    moderate->add_option("--screenshot", args->screenshot, "Write a PNG here on SIGUSR1");
    moderate->callback([&context, args] {
#ifdef IDEEN_HAVE_UI
        ModerateOptions options;
        options.dbPath = context.dbPath;
        options.assetDir = context.assetDir;
        parseWindowSize(args->windowed, options.windowedWidth, options.windowedHeight);
        options.automationFile = args->automation;
        options.screenshotFile = args->screenshot;
        options.eventId = context.resolveEvent(*context.openStore());
        const int code = runModerate(options);
        if (code != 0) std::exit(code);
#else
        (void)context;
        (void)args;
        throw storage::StoreError("this build has no window support (configured with IDEEN_BUILD_UI=OFF)");
#endif
    });
}

/// run --projector-…: the projector as a second window of the kiosk process.
struct SecondWindowArgs {
    int monitor = -1;  ///< -1: not asked for
    std::string windowed;
    std::string automation;
    std::string screenshot;

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

}  // namespace

void addRunCommands(CLI::App& app, CliContext& context) {
    auto* run = app.add_subcommand("run", "Start the attendee kiosk (fullscreen) on the active event");
    struct Args {
        int monitor = 0;
        std::string windowed;
        double idleTimeout = 60;
        int busyTimeoutMs = 5000;
        bool allowExit = false;
        std::string automation;
        std::string screenshot;
        std::string frameTimes;
        SecondWindowArgs projector;
    };
    auto args = std::make_shared<Args>();
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
    run->callback([&context, args] {
        args->projector.check(args->monitor, args->windowed.empty());
#ifdef IDEEN_HAVE_UI
        RunOptions options;
        options.dbPath = context.dbPath;
        options.assetDir = context.assetDir;
        options.monitor = args->monitor;
        if (!args->windowed.empty()) parseWindowSize(args->windowed, options.windowedWidth, options.windowedHeight);
        options.idleTimeoutSeconds = args->idleTimeout;
        options.busyTimeoutMs = args->busyTimeoutMs;
        options.allowExit = args->allowExit;
        options.automationFile = args->automation;
        options.screenshotFile = args->screenshot;
        options.frameTimesFile = args->frameTimes;
        if (args->projector.wanted()) {
            ProjectorOptions& projector = options.projector.emplace();
            projector.dbPath = context.dbPath;
            projector.assetDir = context.assetDir;
            projector.monitor = std::max(0, args->projector.monitor);
            if (!args->projector.windowed.empty()) {
                parseWindowSize(args->projector.windowed, projector.windowedWidth, projector.windowedHeight);
            }
            projector.automationFile = args->projector.automation;
            projector.screenshotFile = args->projector.screenshot;
        }
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
        if (options.projector) requireMonitor(options.projector->monitor, "--projector-monitor");
        const int code = runKiosk(options);
        if (code != 0) std::exit(code);
#else
        (void)context;
        (void)args;
        throw storage::StoreError("this build has no window support (configured with IDEEN_BUILD_UI=OFF)");
#endif
    });

    auto* projector = app.add_subcommand("projector", "Show the live ranking on a projector (reads the database only)");
    struct ProjectorArgs {
        int monitor = 0;
        std::string windowed;
        bool allowExit = false;
        std::string automation;
        std::string screenshot;
    };
    auto p = std::make_shared<ProjectorArgs>();
    projector->add_option("--monitor", p->monitor, "Monitor number (0 = primary)")->check(CLI::Range(0, 16));
    projector->add_option("--windowed", p->windowed, "Run in a window of WxH pixels instead")->check(kWindowSize);
    projector->add_flag("--allow-exit", p->allowExit, "Let Escape close the window");
    projector->add_option("--automation", p->automation, "Keep a JSON description of what is shown in this file");
    projector->add_option("--screenshot", p->screenshot, "Write a PNG here on SIGUSR1");
    projector->callback([&context, p] {
#ifdef IDEEN_HAVE_UI
        ProjectorOptions options;
        options.dbPath = context.dbPath;
        options.assetDir = context.assetDir;
        options.monitor = p->monitor;
        if (!p->windowed.empty()) parseWindowSize(p->windowed, options.windowedWidth, options.windowedHeight);
        options.allowExit = p->allowExit;
        options.automationFile = p->automation;
        options.screenshotFile = p->screenshot;
        context.resolveEvent(*context.openStore(true));
        const int code = runProjector(options);
        if (code != 0) std::exit(code);
#else
        (void)context;
        (void)p;
        throw storage::StoreError("this build has no window support (configured with IDEEN_BUILD_UI=OFF)");
#endif
    });

    addModerateCommand(app, context);
}

}  // namespace kiosk::app
