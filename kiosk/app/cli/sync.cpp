// `ideenkiosk sync`: this kiosk file with the venue server, once (for scripts and tests) or on until stopped.
#include "kiosk/app/cli/cli.h"

#include "sync/sync_worker.h"
#include "sync/venue_sync.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <iostream>
#include <thread>

namespace kiosk::app {

namespace {

volatile std::sig_atomic_t g_stopSync = 0;

void syncUntilStopped(const CliContext& context, const std::string& url, double maxIdleSeconds) {
    std::signal(SIGTERM, [](int) { g_stopSync = 1; });
    std::signal(SIGINT, [](int) { g_stopSync = 1; });
    context.openStore();  // a file that cannot be opened is one clear line now, not a retry loop
    pgsync::SyncWorker worker(syncWorkerOptions(context, url, maxIdleSeconds));
    while (!g_stopSync) std::this_thread::sleep_for(std::chrono::milliseconds(100));
}

}  // namespace

pgsync::SyncWorkerOptions syncWorkerOptions(const CliContext& context, const std::string& url, double maxIdleSeconds) {
    pgsync::SyncWorkerOptions options;
    options.dbPath = context.dbPath;
    options.conninfo = url;
    options.maxIdleSeconds = maxIdleSeconds;
    options.log = [](const std::string& line) { spdlog::info("{}", line); };
    return options;
}

void catchUpWithServer(const CliContext& context, const std::string& url) {
    try {
        auto store = context.openStore();
        pgsync::PgConnection pg(url);
        spdlog::info("sync: {}", pgsync::syncOnce(*store, pg).summary());
    } catch (const pgsync::PgError& e) {
        spdlog::warn("sync: {} (showing the local copy)", e.what());
    }
}

std::unique_ptr<pgsync::SyncWorker> startWindowSync(const CliContext& context, const std::string& url, SyncLink& link) {
    pgsync::SyncWorkerOptions options = syncWorkerOptions(context, url, 5);
    options.changed = [wake = link.wake] { (*wake)(); };
    auto worker = std::make_unique<pgsync::SyncWorker>(std::move(options));
    // The owner keeps the worker until its window has closed, so the panel never reads a stopped one.
    link.state = [worker = worker.get()] {
        const pgsync::SyncStatus status = worker->status();
        core::SyncState state;
        state.enabled = true;
        state.connected = status.connected;
        state.waiting = status.waiting;
        state.loginRefused = status.loginRefused;
        if (status.lastSyncMs > 0) {
            const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                                 std::chrono::system_clock::now().time_since_epoch()).count();
            state.secondsSinceSync = static_cast<double>(std::max<std::int64_t>(0, now - status.lastSyncMs)) / 1000.0;
        }
        return state;
    };
    return worker;
}

void addSyncCommand(CLI::App& app, CliContext& context) {
    auto* sync = app.add_subcommand("sync", "Push this kiosk's writes to the venue server and pull the others'");
    auto url = std::make_shared<std::string>();
    addServerOption(*sync, *url);
    auto once = std::make_shared<bool>(false);
    auto interval = std::make_shared<double>(5.0);
    sync->add_flag("--once", *once, "Push and pull until both are empty, then exit");
    sync->add_option("--interval", *interval,
                     "Without --once: a round at least every S seconds (local commits and server notifications "
                     "start one at once)")
        ->check(CLI::Range(0.05, 3600.0))
        ->capture_default_str();
    sync->callback([&context, url, once, interval] {
        if (!*once) {
            syncUntilStopped(context, *url, *interval);
            return;
        }
        auto store = context.openStore();
        pgsync::PgConnection pg(*url);
        pgsync::SyncOptions options;
        options.log = [](const std::string& line) { std::cout << line << '\n'; };
        std::cout << pgsync::syncOnce(*store, pg, options).summary() << '\n';
    });
}

}  // namespace kiosk::app
