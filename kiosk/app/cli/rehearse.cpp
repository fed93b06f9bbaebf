// `ideenkiosk rehearse`: plays attendees through the model before the doors open, logging each commit's time.
#include "kiosk/app/cli/cli.h"

#include "storage/rehearsal.h"

#include <spdlog/spdlog.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <iostream>
#include <thread>

namespace kiosk::app {

namespace {

std::atomic<bool> g_stopRehearsal{false};
void onStopRehearsal(int) { g_stopRehearsal = true; }

/// The pace of a rehearsal; registers its options on the command (CLI11 writes into the members, so it stays put).
struct RehearseArgs {
    double rate = 2;
    double seconds = 60;
    std::uint64_t seed = 2009;

    explicit RehearseArgs(CLI::App& command) {
        command.add_option("--rate", rate, "Actions per second")->check(CLI::Range(0.01, 1000.0))->capture_default_str();
        command.add_option("--seconds", seconds, "How long")->check(CLI::Range(0.0, 86400.0))->capture_default_str();
        command.add_option("--seed", seed, "Random seed")->capture_default_str();
    }
    RehearseArgs(const RehearseArgs&) = delete;
    RehearseArgs& operator=(const RehearseArgs&) = delete;
};

}  // namespace

void addRehearseCommand(CLI::App& app, CliContext& context) {
    auto* rehearse = app.add_subcommand("rehearse", "Play attendees: add plausible ideas and votes at a steady rate");
    auto args = std::make_shared<RehearseArgs>(*rehearse);
    rehearse->callback([&context, args] {
        // The rehearsal plays attendees, so their ideas meet the word list as at the kiosk.
        auto store = context.openStoreWithWordList(warnOnStderr);
        storage::Rehearsal rehearsal(*store, context.resolveEvent(*store), args->seed);
        std::signal(SIGINT, onStopRehearsal);
        std::signal(SIGTERM, onStopRehearsal);
        using Clock = std::chrono::steady_clock;
        const auto start = Clock::now();
        const auto period = std::chrono::duration<double>(1.0 / args->rate);
        const auto end = start + std::chrono::duration<double>(args->seconds);
        for (long step = 0; !g_stopRehearsal; ++step) {
            const auto due = start + std::chrono::duration_cast<Clock::duration>(period * static_cast<double>(step));
            if (due >= end) break;
            std::this_thread::sleep_until(due);
            // The log line comes after the commit, with its time: what a projector must show by then + 1 s.
            spdlog::info("committed {}", rehearsal.step());
        }
        rehearsal.finish();
        std::cout << "rehearsal: " << rehearsal.ideasAdded() << " ideas, " << rehearsal.votesCast() << " votes, "
                  << rehearsal.sessionsStarted() << " sessions\n";
    });
}

}  // namespace kiosk::app
