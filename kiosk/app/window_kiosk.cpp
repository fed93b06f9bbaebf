// The kiosk's frame loop: state + reducer + effects, event-driven rendering, screenshots, automation file.
#include "kiosk/app/window_kiosk.h"

#include "kiosk/app/cli.h"
#include "kiosk/app/kiosk_effects.h"
#include "kiosk/app/store_keeper.h"
#include "kiosk/app/window_panel.h"
#include "kiosk/app/window_platform.h"
#include "kiosk/ui/idea_board.h"
#include "kiosk/ui/kiosk_view.h"
#include "storage/store.h"

#include "imgui.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <memory>
#include <optional>
#include <random>

#include <unistd.h>

namespace kiosk::app {

namespace {

std::atomic<bool> g_screenshotRequested{false};
std::atomic<bool> g_stopRequested{false};
std::atomic<bool> g_projectorScreenshotRequested{false};

void onScreenshotSignal(int) {
    g_screenshotRequested = true;
    g_projectorScreenshotRequested = true;
}

// CPU time in milliseconds: of the whole process (llvmpipe rasterises on worker threads), or of this thread.
double cpuMs(clockid_t which) {
    timespec t{};
    clock_gettime(which, &t);
    return static_cast<double>(t.tv_sec) * 1000.0 + static_cast<double>(t.tv_nsec) / 1e6;
}
void onStopSignal(int) { g_stopRequested = true; }

// [SECTION] Heartbeat: a log line every few seconds from the frame loop, so a watchdog or a test sees that the
// loop still turns (it wakes at least every 0.5 s) and how much memory the process holds.

constexpr double kHeartbeatSeconds = 5.0;

long residentKb() {
    long pages = 0;
    long resident = 0;
    if (std::FILE* statm = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(statm, "%ld %ld", &pages, &resident) != 2) resident = 0;
        std::fclose(statm);
    }
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

struct Heartbeat {
    double next = 0;
    long frames = 0;  ///< frames rendered so far

    void beat(double now, const core::KioskState& state) {
        if (now < next) return;
        next = now + kHeartbeatSeconds;
        spdlog::info("heartbeat rss_kb={} frames={} screen={}", residentKb(), frames, core::screenName(state.screen));
    }
};

// [SECTION] The view model, rebuilt only when the database or the browse settings changed

struct ModelCache {
    int opens = 0;  ///< the keeper's connection the cache was built from
    std::int64_t change = -1;
    core::BrowseOrder order = core::BrowseOrder::Random;
    std::string filter;
    std::uint64_t seed = 0;
    std::vector<core::IdeaCard> published;
    ui::KioskViewModel model;

    bool refresh(storage::Store& store, const storage::Event& event, const core::KioskState& state) {
        const std::int64_t now = store.changeCounter();
        const bool dataChanged = now != change;
        if (!dataChanged && order == state.order && filter == state.categoryFilter && seed == state.shuffleSeed) return false;
        if (dataChanged) {
            published = publishedCards(store, event.id);
            const auto fresh = store.event(event.id);
            const auto& settings = fresh ? fresh->settings : event.settings;
            model.eventTitle = settings.title;
            model.showCounts = settings.showCounts && settings.countsVisible();
            model.submissionOpen = settings.submissionOpen;
            model.votingOpen = settings.votingOpen;
            model.categories.clear();
            for (const auto& c : settings.categories) model.categories.push_back({c.key, c.names, ui::colorFromHex(c.color)});
            model.totalIdeas = static_cast<int>(published.size());
        }
        change = now;
        order = state.order;
        filter = state.categoryFilter;
        seed = state.shuffleSeed;
        model.ideas.clear();
        for (const auto& card : published) {
            if (filter.empty() || card.category == filter) model.ideas.push_back(card);
        }
        core::orderIdeas(model.ideas, order, seed);
        return true;
    }

    /// From the keeper's open store, if any: without one the last model stays (behind the trouble screen).
    bool refresh(StoreKeeper& keeper, const core::KioskState& state) {
        storage::Store* store = keeper.current();
        if (!store) return false;
        if (keeper.opens() != opens) {
            opens = keeper.opens();
            change = -1;  // a new connection counts changes from its own start
        }
        return refresh(*store, keeper.event(), state);
    }
};

// [SECTION] Automation: what is on screen, for tests anyone can write

std::string automationJson(const core::KioskState& state, const ui::KioskViewModel& model, const ui::Frame& frame,
                           const PanelHost* panel) {
    nlohmann::json elements = nlohmann::json::array();
    for (const auto& e : frame.elements) {
        elements.push_back({{"id", e.id}, {"role", e.role}, {"label", e.label}, {"rect", {e.x, e.y, e.w, e.h}}, {"enabled", e.enabled}});
    }
    nlohmann::json ideas = nlohmann::json::array();
    for (const auto& card : model.ideas) {
        ideas.push_back({{"number", card.number}, {"title", card.title},
                         {"count", model.showCounts ? nlohmann::json(card.votes) : nlohmann::json(nullptr)}});
    }
    nlohmann::json json{{"screen", core::screenName(state.screen)}, {"language", state.language},
                        {"votes_left", state.votesLeft}, {"idle_warning", state.idleWarning},
                        {"title", model.eventTitle}, {"elements", elements}, {"ideas", ideas}};
    if (panel && panel->active()) {
        json["screen"] = panel->screenName();
        json["panel"] = panel->automation();
    }
    return automationText(json);
}

// Keys of a physical keyboard go into the same draft as the on-screen ones.
void physicalKeyboard(const core::KioskState& state, std::vector<core::Event>& events) {
    if (core::activeFieldLimit(state.screen) == 0) return;
    const std::string typed = ui::typedCharacters();
    if (!typed.empty()) events.push_back(core::ev::TypeText{typed});
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace))) events.push_back(core::ev::Backspace{});
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter))) events.push_back(core::ev::Next{});
}

}  // namespace

// A still press in the top-left corner opens the moderators' keypad after PanelGate::kHoldSeconds.
bool pressedInCorner(const Gesture& touch, float unit) {
    const float corner = unit * 5;
    return touch.down && touch.pressX < corner && touch.pressY < corner && touch.travel < unit;
}

// [SECTION] The loop

int runKiosk(const RunOptions& options) {
    std::signal(SIGUSR1, onScreenshotSignal);
    std::signal(SIGTERM, onStopSignal);
    std::signal(SIGINT, onStopSignal);
    // The window opens even when the database cannot be used: the kiosk then shows its trouble screen and
    // keeps trying, rather than leaving a blank screen in the foyer.
    storage::StoreOptions storeOptions;
    storeOptions.busyTimeoutMs = options.busyTimeoutMs;
    storeOptions.wordList = options.wordList;
    StoreKeeper keeper(options.dbPath, storeOptions);
    const core::Catalog catalog = core::Catalog::load(options.assetDir + "/i18n");

    PlatformWindow window(options.monitor, options.windowedWidth, options.windowedHeight, "Ideenkiosk", options.allowExit);
    // run --projector-monitor: the projector as a second window that this loop drives beside the kiosk's.
    std::unique_ptr<ProjectorWindow> projector;
    // The projector reads the same file; when it cannot (a damaged file), the kiosk still serves attendees and
    // says why the projector stays dark or still, once per new reason.
    std::string projectorProblem;
    auto projectorTrouble = [&](const std::exception& e) {
        if (projectorProblem != e.what()) spdlog::error("projector window: {}", e.what());
        projectorProblem = e.what();
    };
    if (options.projector) {
        try {
            projector = std::make_unique<ProjectorWindow>(*options.projector, &window);
        } catch (const std::exception& e) {
            projectorTrouble(e);
        }
    }
    const ui::Fonts fonts = window.loadFonts();
    ui::KioskView view;
    ModelCache cache;
    std::mt19937_64 seeds(std::random_device{}());
    const auto started = std::chrono::steady_clock::now();
    auto clock = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(); };

    core::KioskState state;
    state.idleTimeout = options.idleTimeoutSeconds;
    std::function<void(const core::Event&)> dispatch = [&](const core::Event& e) {
        auto step = core::reduce(std::move(state), e, clock());
        state = std::move(step.state);
        for (const auto& effect : step.effects) {
            for (const auto& result : runEffect(keeper, effect, seeds())) dispatch(result);
        }
    };
    if (!keeper.get()) dispatch(core::ev::StorageFailed{});
    // A read that fails is handled like a write that fails: the connection is dropped and opened afresh.
    auto refreshModel = [&] {
        try {
            return cache.refresh(keeper, state);
        } catch (const std::exception& e) {
            spdlog::error("storage failed: {}", e.what());
            keeper.drop();
            dispatch(core::ev::StorageFailed{});
            return true;
        }
    };

    // The moderators' panel works on the keeper's connection of the moment: made afresh for a new connection,
    // gone while the database is out of reach (the PIN lives there, so the held corner then opens nothing).
    std::optional<PanelHost> panel;
    int panelOpens = 0;
    auto syncPanel = [&] {
        storage::Store* store = keeper.current();
        if (!store) {
            panel.reset();
        } else if (!panel || panelOpens != keeper.opens()) {
            panel.emplace(*store, keeper.event().id, "panel:kiosk:" + store->kioskId(), true);
            panelOpens = keeper.opens();
        }
        return panel.has_value();
    };
    // The PIN check and the panel read and write the database: a failure there is trouble like any other.
    auto guardPanel = [&](const auto& body) {
        try {
            body();
        } catch (const std::exception& e) {
            spdlog::error("storage failed: {}", e.what());
            panel.reset();
            keeper.drop();
            dispatch(core::ev::StorageFailed{});
        }
    };
    auto panelActive = [&] { return panel && panel->active(); };
    bool leaveKioskMode = false;

    std::string lastAutomation;
    std::vector<std::pair<double, double>> frameTimes;  // (process, main thread) CPU ms per frame
    int framesToRender = 3;
    int lastAttractTurn = -1;
    int lastSecond = -1;
    Heartbeat heartbeat;
    while (!window.shouldClose() && !g_stopRequested) {
        const bool busy = framesToRender > 0 || view.isAnimating();
        // An idle kiosk still wakes as often as the projector needs; the projector's wake-ups make no kiosk frames.
        const double idleWait = projector ? std::min(0.5, projector->wantsWakeWithin()) : 0.5;
        const bool hadInput = window.waitEvents(busy ? 0.0 : idleWait);
        if (window.escapePressed() && options.allowExit) break;
        if (projector) {
            try {
                projector->step(g_projectorScreenshotRequested.exchange(false));
            } catch (const std::exception& e) {
                projectorTrouble(e);
            }
        }
        const core::Screen before = state.screen;
        const bool warnedBefore = state.idleWarning;
        dispatch(core::ev::Tick{});
        heartbeat.beat(clock(), state);
        // Not ImGui's DisplaySize: the projector's step() left its own ImGui context current.
        const auto [displayWidth, displayHeight] = window.displaySize();
        const float unitNow = ui::Metrics::forScreen(displayWidth, displayHeight).unit;
        if (syncPanel() && core::holdCorner(panel->gate, pressedInCorner(window.gesture(), unitNow), clock())) {
            // Whoever was using the kiosk is done: their session ends before a moderator takes over.
            if (!state.sessionId.empty()) dispatch(core::ev::Finish{});
            if (syncPanel()) guardPanel([&] { panel->openKeypad(clock()); });
            framesToRender = std::max(framesToRender, 3);
        }
        if (panelActive() && hadInput) core::touchPanel(panel->gate, clock());
        if (panel && panel->expire(clock())) framesToRender = std::max(framesToRender, 3);
        const bool changed = refreshModel() || state.screen != before || state.idleWarning != warnedBefore;
        if (hadInput || changed || g_screenshotRequested) framesToRender = std::max(framesToRender, 3);
        // Clocks on screen need one frame per change, not three: the invitation on the attract screen turns
        // every six seconds, the idle countdown every second.
        const int attractTurn = static_cast<int>(clock() / 6.0);
        const int countdownSecond = static_cast<int>(clock());
        if (state.screen == core::Screen::Attract && attractTurn != lastAttractTurn) framesToRender = std::max(framesToRender, 1);
        if ((state.idleWarning || state.screen == core::Screen::Saving) && countdownSecond != lastSecond) {
            framesToRender = std::max(framesToRender, 1);
        }
        if (framesToRender <= 0 && !view.isAnimating()) continue;
        framesToRender = std::max(0, framesToRender - 1);
        lastSecond = countdownSecond;
        lastAttractTurn = attractTurn;

        const double frameStart = cpuMs(CLOCK_PROCESS_CPUTIME_ID);
        const double threadStart = cpuMs(CLOCK_THREAD_CPUTIME_ID);
        window.beginFrame();
        view.browse.scroller.update(1.0 / 60.0);
        const ui::Metrics metrics = ui::Metrics::forScreen(ImGui::GetIO().DisplaySize.x, ImGui::GetIO().DisplaySize.y);
        const Gesture gesture = window.gesture();
        // A touch that wandered further than a finger's jitter is a drag: it scrolls and taps nothing.
        const bool dragged = gesture.travel > metrics.unit * 0.6f;
        ui::Frame frame{catalog, fonts, metrics, clock(), dragged, gesture.pressY, {}, {}, state.language};
        if (syncPanel() && panel->active()) {
            frame.language = "de";
            guardPanel([&] {
                panel->physicalKeys(clock());
                leaveKioskMode = panel->Draw(frame, clock());
            });
        } else {
            physicalKeyboard(state, frame.events);
            view.Draw(state, cache.model, frame);
        }
        const bool shoot = g_screenshotRequested.exchange(false) && !options.screenshotFile.empty();
        window.endFrame(shoot ? options.screenshotFile : std::string());
        ++heartbeat.frames;
        if (!options.frameTimesFile.empty()) {
            frameTimes.emplace_back(cpuMs(CLOCK_PROCESS_CPUTIME_ID) - frameStart, cpuMs(CLOCK_THREAD_CPUTIME_ID) - threadStart);
        }

        // The automation file describes the frame just drawn, before its taps change the state: a new screen's
        // name beside the old screen's buttons would send a test's next tap astray.
        const std::string drawn =
            options.automationFile.empty() ? std::string() : automationJson(state, cache.model, frame, panel ? &*panel : nullptr);
        if (!frame.events.empty()) framesToRender = std::max(framesToRender, 3);
        for (const auto& e : frame.events) dispatch(e);
        refreshModel();
        if (leaveKioskMode) {
            spdlog::info("kiosk mode left from the moderators' panel");
            break;
        }
        syncPanel();
        if (!options.automationFile.empty() && drawn != lastAutomation) {
            // A full disk must not end the kiosk through its test hook: the next change tries again.
            try {
                writeOutput(options.automationFile, drawn);
                lastAutomation = drawn;
            } catch (const std::exception& e) {
                spdlog::warn("automation file not written: {}", e.what());
            }
        }
    }
    if (!state.sessionId.empty()) runEffect(keeper, core::fx::EndSession{state.sessionId, storage::SessionEnd::Finished}, 0);
    if (!options.screenshotFile.empty()) {
        window.beginFrame();
        ui::Frame frame{catalog, fonts, ui::Metrics::forScreen(ImGui::GetIO().DisplaySize.x, ImGui::GetIO().DisplaySize.y),
                        clock(), true, 0.0f, {}, {}, state.language};
        view.Draw(state, cache.model, frame);
        window.endFrame(options.screenshotFile);
    }
    if (!options.frameTimesFile.empty()) {
        std::string lines;
        for (const auto& [process, thread] : frameTimes) lines += std::to_string(process) + " " + std::to_string(thread) + "\n";
        writeOutput(options.frameTimesFile, lines);
    }
    spdlog::info("kiosk window closed");
    return 0;
}

}  // namespace kiosk::app
