// `ideenkiosk run`: the attendee kiosk window on the active event, optionally with the projector beside it.
#include "kiosk/app/cli/window_args.h"

#include "phones/server_switch.h"
#include "storage/wordlist.h"

#include <SQLiteCpp/Exception.h>
#include <spdlog/spdlog.h>

#include <cstdlib>
#include <memory>

namespace kiosk::app {

namespace {

// The phone server's switch beside the kiosk: the frame loop passes the moderators' wish on, the switch's thread
// starts or stops the server. A server that cannot start (address taken) leaves the kiosk running; the log says why.
std::unique_ptr<phones::ServerSwitch> phoneSwitch(const CliContext& context, const std::string& listen,
                                                  std::shared_ptr<const storage::WordList> wordList, double limitScale,
                                                  std::size_t perAddress) {
    phones::ServerOptions phoneOptions = phoneServerOptions(context, listen, limitScale, perAddress);
    phoneOptions.wordList = std::move(wordList);
    return std::make_unique<phones::ServerSwitch>(std::move(phoneOptions));
}

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
    std::vector<std::string> languages;
    std::string frameTimes;
    double hangAfter = 0;
    double crashAfter = 0;
    SecondWindowArgs projector;
    std::string phones;
    bool phonesOnAttract = false;
    double phonesLimitScale = 1.0;
    std::size_t phonesPerAddress = phones::ConnectionLimits{}.perAddress;
};

}  // namespace

void addRunCommand(CLI::App& app, CliContext& context, WindowLauncher* windows) {
    auto* run = app.add_subcommand("run", "Start the attendee kiosk (fullscreen) on the active event");
    auto args = std::make_shared<RunArgs>();
    auto* monitor = addWindowOptions(*run, *args, "Write a PNG here on SIGUSR1 and at exit");
    auto* idleTimeout = run->add_option("--idle-timeout", args->idleTimeout, "Seconds without touch before \"Sind Sie noch da?\"")
        ->check(CLI::Range(5.0, 3600.0))
        ->capture_default_str();
    run->add_option("--languages", args->languages,
                    "Offer only these of the event's languages (in the event's order), e.g. de,uk,tr "
                    "(default: [kiosk] languages, else all the event offers)")
        ->delimiter(',');
    addPanelLanguageOption(*run, *args);
    // The same setting as the global --busy-timeout, also accepted after `run` (the fault tests write it there).
    run->add_option("--busy-timeout", context.busyTimeoutMs,
                    "Milliseconds a save waits for another process's lock before the trouble screen (tests)")
        ->check(CLI::Range(100, 600000))
        ->capture_default_str();
    run->add_option("--frame-times", args->frameTimes, "Write the CPU time of every frame (and the main thread's wall time outside drawing) here at exit (benchmarks)");
    // Tests only, so not in --help: after this many seconds the frame loop stops turning (a hung kiosk for the
    // watchdog test; the process stays alive) or an exception escapes a frame (the crash handling).
    run->add_option("--test-hang-after", args->hangAfter)->group("")->check(CLI::Range(0.0, 3600.0));
    run->add_option("--test-crash-after", args->crashAfter)->group("")->check(CLI::Range(0.0, 3600.0));
    // Benchmarks only: the phone server's rate limits multiplied (a hundred phones behind 127.0.0.1).
    run->add_option("--test-phones-rate-limit-scale", args->phonesLimitScale)->group("")->check(CLI::Range(0.1, 10000.0));
    addPerAddressOption(*run, "--phones-per-address", args->phonesPerAddress);
    auto* projectorMonitor = run->add_option("--projector-monitor", args->projector.monitor, "Also show the projector, fullscreen on this monitor")
        ->check(CLI::Range(0, 16));
    run->add_option("--projector-windowed", args->projector.windowed, "Also show the projector, in a window of WxH pixels")
        ->check(kWindowSize);
    run->add_option("--projector-automation", args->projector.automation, "Keep a JSON description of the projector here");
    run->add_option("--projector-screenshot", args->projector.screenshot, "Write a PNG of the projector here on SIGUSR1");
    run->add_option("--phones", args->phones,
                    "Also serve the phone page on ADDRESS:PORT (its own threads; only that address)");
    auto* phonesOnAttract = run->add_flag("--phones-on-attract", args->phonesOnAttract,
                                          "Show the phones' QR code on the attract screen too (while a phone server serves this database)");
    addWindowServerOption(*run, *args,
                    "Sync with the venue's PostgreSQL (a libpq connection string) on a thread of its own; the kiosk "
                    "writes locally first and goes on when the network fails");
    run->callback([&context, args, windows, monitor, idleTimeout, projectorMonitor, phonesOnAttract] {
        configured(monitor, args->monitor, context.config.monitor);
        configured(phonesOnAttract, args->phonesOnAttract, context.config.phonesOnAttract);
        configured(projectorMonitor, args->projector.monitor, context.config.kioskProjectorMonitor);
        configured(idleTimeout, args->idleTimeout, context.config.idleTimeout);
        useConfiguredServer(context, *args);
        args->projector.check(args->monitor, args->windowed.empty());
        WindowLauncher& launcher = requireWindows(windows);
        RunOptions options;
        static_cast<WindowOptions&>(options) = windowOptions(context, *args);
        options.idleTimeoutSeconds = args->idleTimeout;
        options.panelLanguage = panelLanguage(context, *args);
        if (!args->languages.empty()) {
            try {
                options.languages = checkedLanguages(args->languages, "--languages");
            } catch (const ConfigError& e) {
                throw UsageError(e.what());
            }
        } else if (context.config.languages) {
            options.languages = *context.config.languages;
        }
        options.busyTimeoutMs = context.busyTimeoutMs;
        options.phonesOnAttract = args->phonesOnAttract;
        options.frameTimesFile = args->frameTimes;
        options.hangAfterSeconds = args->hangAfter;
        options.crashAfterSeconds = args->crashAfter;
        if (args->projector.wanted()) options.projector.emplace(ProjectorOptions{windowOptions(context, args->projector)});
        // A missing or broken word list is logged and the kiosk runs without it: it must never keep the doors shut.
        options.wordList = context.loadWordList([](const std::string& line) { spdlog::warn("{}", line); });
        if (options.wordList) {
            spdlog::info("word lists: {} entries from {}", options.wordList->size(), options.wordList->folder());
        }
        // A database without an active event is a set-up mistake: a clear error now beats a blank screen. A file
        // that cannot be used (corrupt, read-only, a full disk) is trouble the kiosk shows and recovers from.
        try {
            loadConfiguredEvent(context);
            context.resolveEvent(*context.openStore());
        } catch (const storage::StoreError& e) {
            spdlog::error("starting with the trouble screen: {}", e.what());
        } catch (const SQLite::Exception& e) {
            spdlog::error("starting with the trouble screen: {}", e.what());
        }
        if (options.projector) launcher.requireMonitor(options.projector->monitor, "--projector-monitor");
        // The sync worker and the phone server each have their own threads and connections; the frame loop never
        // waits for them: what they write shows when the worker (or the writer's file watcher) wakes the loop, or
        // at its next wake-up (it looks at the file's change counter at least every half second). A phone server that cannot start (address taken) leaves the kiosk
        // running, and the log says why.
        std::unique_ptr<pgsync::SyncWorker> sync;
        if (!args->server.empty()) sync = startWindowSync(context, args->server, options.sync);
        std::unique_ptr<phones::ServerSwitch> phoneServer;
        if (!args->phones.empty()) {
            phoneServer = phoneSwitch(context, args->phones, options.wordList, args->phonesLimitScale,
                                      args->phonesPerAddress);
            options.setPhones = [server = phoneServer.get()](bool on) { server->want(on); };
            options.phonesByDefault = true;  // run --phones: on, until the moderators say otherwise
        }
        const int code = launcher.runKiosk(options);
        phoneServer.reset();
        sync.reset();
        if (code != 0) std::exit(code);
    });
}

}  // namespace kiosk::app
