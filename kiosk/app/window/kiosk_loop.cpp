// The kiosk's frame loop: state + reducer + effects, event-driven rendering, the moderators' panel, the projector
// beside it, screenshots and the automation file. The redraw policy itself is core::FramePolicy.
#include "kiosk/app/window/kiosk_loop.h"

#include "kiosk/app/logic/kiosk_effects.h"
#include "kiosk/app/logic/output_file.h"
#include "kiosk/app/logic/run_mark.h"
#include "kiosk/app/logic/service_notify.h"
#include "kiosk/app/logic/store_writer.h"
#include "kiosk/app/present/automation.h"
#include "kiosk/app/present/model_cache.h"
#include "kiosk/app/window/display_loss.h"
#include "kiosk/app/window/panel_host.h"
#include "kiosk/app/window/platform_window.h"
#include "kiosk/app/window/projector_window.h"
#include "kiosk/app/window/signals.h"
#include "kiosk/core/frame_policy.h"
#include "kiosk/ui/draw_data.h"
#include "kiosk/ui/kiosk_view.h"
#include "storage/service_log.h"
#include "storage/store.h"

#include "imgui.h"

#include <GLFW/glfw3.h>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <ctime>
#include <functional>
#include <memory>
#include <optional>
#include <random>
#include <map>
#include <thread>

#include <unistd.h>

namespace kiosk::app {

namespace {

// CPU time in milliseconds: of the whole process (llvmpipe rasterises on worker threads), or of this thread.
double cpuMs(clockid_t which) {
    timespec t{};
    clock_gettime(which, &t);
    return static_cast<double>(t.tv_sec) * 1000.0 + static_cast<double>(t.tv_nsec) / 1e6;
}

double wallMs() { return cpuMs(CLOCK_MONOTONIC); }

/// What --frame-times records of one frame.
struct FrameTime {
    double processCpu = 0;  ///< the whole process (llvmpipe rasterises on worker threads)
    double threadCpu = 0;   ///< the main thread
    double logicWall = 0;   ///< the main thread's wall time of the turn outside GL (where a wait on a lock would show)
    ui::DrawDataStats drawn;  ///< what the frame handed the renderer
};

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

// [SECTION] Input and the automation file

// Keys of a physical keyboard go into the same draft as the on-screen ones.
void physicalKeyboard(const core::KioskState& state, std::vector<core::Event>& events) {
    if (core::activeFieldLimit(state.screen) == 0) return;
    const std::string typed = ui::typedCharacters();
    if (!typed.empty()) events.push_back(core::ev::TypeText{typed});
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace))) events.push_back(core::ev::Backspace{});
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter))) events.push_back(core::ev::Next{});
}

// A still press in the top-left corner opens the moderators' keypad after PanelGate::kHoldSeconds.
bool pressedInCorner(const Gesture& touch, float unit) {
    const float corner = unit * 5;
    return touch.down && touch.pressX < corner && touch.pressY < corner && touch.travel < unit;
}

/// The ideas of the kiosk's automation file as JSON text, described again only when the model's ideas changed:
/// a thousand ideas took milliseconds of every frame on the main thread (about half its time on the submit screens).
class AutomationIdeas {
public:
    const std::string& of(const ModelCache& cache) {
        if (m_text.empty() || m_generation != cache.ideasGeneration()) {
            const ui::KioskViewModel& model = cache.model();
            nlohmann::json ideas = nlohmann::json::array();
            for (const auto& card : model.ideas) {
                ideas.push_back({{"number", card.number}, {"title", card.title},
                                 {"count", model.showCounts ? nlohmann::json(card.votes) : nlohmann::json(nullptr)}});
            }
            m_text = automationText(ideas);
            m_generation = cache.ideasGeneration();
        }
        return m_text;
    }

private:
    std::string m_text;
    std::uint64_t m_generation = 0;
};

std::string automationJson(const core::KioskState& state, const ModelCache& cache, AutomationIdeas& ideas,
                           const ui::Frame& frame, const PanelHost* panel) {
    const ui::KioskViewModel& model = cache.model();
    nlohmann::json json{{"screen", core::screenName(state.screen)}, {"language", state.language},
                        {"votes_left", state.votesLeft}, {"idle_warning", state.idleWarning},
                        {"large_text", state.largeText}, {"high_contrast", state.highContrast},
                        {"title", model.eventTitle}, {"elements", elementsJson(frame.elements)}};
    if (panel && panel->active()) {
        json["screen"] = panel->screenName();
        json["panel"] = panel->automation();
    }
    // The ideas' text goes in as it is, before the object's closing brace (the dump ends in "\n}").
    std::string text = automationText(json);
    text.insert(text.size() - 2, ",\n \"ideas\": " + ideas.of(cache));
    return text;
}

// [SECTION] The loop

/// One kiosk window and what it drives. run() turns the loop; each turn is the named steps below.
class KioskLoop {
public:
    explicit KioskLoop(const RunOptions& options);
    int run();

private:
    void turn();                   // one turn of the loop; throws what escapes a frame
    [[noreturn]] void crashed(const std::exception& e);  // logs it with its context, counts it, ends the process
    int displayLost() const;       // the display went away: a stop asked for stays clean; the exit code
    void testFaults();             // --test-hang-after, --test-crash-after: a hung or failing loop
    // The steps of one turn of the loop, in order.
    bool waitForEvents();          // sleeps as long as the frame policy allows; true when input reached the kiosk
    void stepProjector();          // the projector beside the kiosk, if any, follows commits and draws
    void observe(bool hadInput);   // the clock, the held corner and the panel's idle time, new data: frames owed
    bool drawFrame();              // draws, then dispatches the frame's taps; false when kiosk mode was left
    void finish();                 // ends the session, takes the last screenshot, writes the frame times

    double clock() const;
    void dispatch(const core::Event& event);
    void submit(const core::Effect& effect);
    bool refreshModel();
    void followEventLanguages(const std::vector<std::string>& languages);  // the active event's list, when it changed
    bool syncPanel();
    bool panelActive() const { return m_panel && m_panel->active(); }
    void panelTrouble();
    void projectorTrouble(const std::exception& e);

    const RunOptions& m_options;
    core::Catalog m_catalog;
    PlatformWindow m_window;
    // After the window: its destructor runs what is still queued (a session's end) before the window goes.
    std::unique_ptr<StoreWriter> m_writer;
    // Effects that must not be queued twice (a draft's save, the storage check), and whether the writer said the
    // lock holds them up.
    std::map<std::size_t, bool> m_inFlight;
    std::unique_ptr<ProjectorWindow> m_projector;  // run --projector-monitor: a second window this loop drives
    std::string m_projectorProblem;
    std::shared_ptr<const WriterSnapshot> m_projectorSeen;  // the writer's snapshot the projector was told of
    ui::Fonts m_fonts;
    ui::KioskView m_view;
    ModelCache m_cache;
    std::mt19937_64 m_seeds{std::random_device{}()};
    std::chrono::steady_clock::time_point m_started = std::chrono::steady_clock::now();
    core::KioskState m_state;
    std::optional<PanelHost> m_panel;
    std::string m_panelLanguage;  // the moderators' choice; outlives a panel made afresh for a new connection
    std::optional<bool> m_phonesWish;  // what the phone server's switch was last told
    int m_panelOpens = 0;
    bool m_leaveKioskMode = false;
    core::FramePolicy m_frames;
    ScreenshotRequests m_screenshots;
    ScreenshotRequests m_projectorScreenshots;
    AutomationFile m_automation;
    AutomationIdeas m_automationIdeas;
    std::vector<FrameTime> m_frameTimes;
    double m_observeWall = 0;  // wall ms of this turn's observe()
    Heartbeat m_heartbeat;
    ServiceNotifier m_notifier;
    // This kiosk in the file while it runs (storage::RunMark): the next start counts an end without a clean stop.
    storage::RunMark m_runMark = thisKiosk(
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count());
    bool m_done = false;
};

storage::StoreOptions keeperOptions(const RunOptions& options) {
    storage::StoreOptions storeOptions;
    storeOptions.busyTimeoutMs = options.busyTimeoutMs;
    storeOptions.wordList = options.wordList;
    return storeOptions;
}

// The display went with a stop that was asked for: the file's mark goes, as with a clean stop; the exit code (0).
// Needs nothing of the loop, so it serves while the window is taken down too.
int stoppedWithoutDisplay(const std::string& dbPath, const storage::StoreOptions& options, const storage::RunMark& me) {
    spdlog::info("the display ended with the stop that was asked for");
    try {
        storage::Store store(dbPath, options);
        storage::markKioskStopped(store, me);
    } catch (const std::exception& e) {
        spdlog::warn("the clean stop could not be noted in the file: {}", e.what());
    }
    spdlog::default_logger()->flush();
    return 0;
}

// Leaves this kiosk's mark in the file and counts the kiosk before if it ended without a clean stop. A file that
// takes no writes (read-only, locked) still opens: the trouble screen comes with the first real write.
void markRunning(storage::Store& store, const storage::RunMark& me) {
    try {
        if (const auto crash = storage::markKioskRunning(store, me, kioskStillRunning)) {
            spdlog::warn("the kiosk before ended without a clean stop; crash {} of this database recorded", crash->count);
        }
    } catch (const std::exception& e) {
        spdlog::warn("this kiosk could not be marked as running in the file: {}", e.what());
    }
}

// The window opens even when the database cannot be used: the kiosk then shows its trouble screen and keeps
// trying, rather than leaving a blank screen in the foyer.
KioskLoop::KioskLoop(const RunOptions& options)
    : m_options(options),
      m_catalog(core::Catalog::load(options.assetDir + "/i18n")),
      m_window(options.monitor, options.windowedWidth, options.windowedHeight, "Ideenkiosk", options.allowExit),
      m_automation(options.automationFile) {
    m_cache.joinOnAttract = options.phonesOnAttract;
    if (options.projector) {
        try {
            m_projector = std::make_unique<ProjectorWindow>(*options.projector, &m_window);
        } catch (const std::exception& e) {
            projectorTrouble(e);
        }
    }
    m_fonts = m_window.loadFonts(true);  // the attendees' "Große Schrift" switches without building anything
    m_started = std::chrono::steady_clock::now();
    m_state.idleTimeout = options.idleTimeoutSeconds;
    m_state.languages = options.languages;
    m_state.language = core::offeredLanguages(m_state).front();
    m_panelLanguage = options.panelLanguage;
    core::setKeyboardLayouts(m_catalog.keyboards());  // before the first frame and before any other thread starts
    m_state.keyboard.reset(core::layoutForLanguage(m_state.language));
    StoreWriter::Options writerOptions;
    writerOptions.store = keeperOptions(options);
    writerOptions.readFailure = [this] { dispatch(core::ev::StorageFailed{}); };
    m_writer = std::make_unique<StoreWriter>(options.dbPath, writerOptions, [] { glfwPostEmptyEvent(); });
    options.sync.wake->plug([] { glfwPostEmptyEvent(); });  // unplugged in finish(), before the window goes
    // Opening the file is the writer's first job; a file it cannot use shows the trouble screen.
    WriteJob open;
    open.what = "open";
    open.retrySeconds = 0;
    open.run = [me = m_runMark](storage::Store& store, const storage::Event&) -> Answer {
        markRunning(store, me);
        return {};
    };
    open.failed = [this](const WriteFailure&) -> Answer { return [this] { dispatch(core::ev::StorageFailed{}); }; };
    m_writer->post(std::move(open));
    onDisplayLost([this] { return displayLost(); });
}

int KioskLoop::run() {
    try {
        while (!m_done && !m_window.shouldClose() && !stopRequested()) turn();
    } catch (const std::exception& e) {
        crashed(e);
    }
    m_notifier.stopping();
    finish();
    return 0;
}

void KioskLoop::turn() {
    testFaults();
    const bool hadInput = waitForEvents();
    if (m_window.escapePressed() && m_options.allowExit) {
        m_done = true;
        return;
    }
    stepProjector();
    const double observeStart = wallMs();
    observe(hadInput);
    m_observeWall = wallMs() - observeStart;
    const double now = clock();
    if (!m_frames.needsFrame(m_state, now, m_view.isAnimating())) return;
    m_frames.frameDrawn(now);
    if (!drawFrame()) {
        m_done = true;
        return;
    }
    // The supervisor counts the kiosk as started once attendees can see it.
    m_notifier.ready("showing " + std::string(core::screenName(m_state.screen)));
    m_frames.viewChangesAt(m_view.nextChangeAt(m_state, clock()));
}

// Whatever escaped a frame ends the process: the supervisor (systemd, scripts/kiosk.sh) starts a fresh one,
// which shows the attract screen with everything committed so far. Neither drawing on nor the usual shutdown is
// safe after an unknown failure (an ImGui frame may be half begun): the log is flushed and the process exits
// at once, as after a kill, which the store is built to survive.
void KioskLoop::crashed(const std::exception& e) {
    spdlog::critical("kiosk crashed after {} frames, {:.0f} s up, on screen {}: {}", m_heartbeat.frames, clock(),
                     core::screenName(m_state.screen), e.what());
    try {
        storage::Store store(m_options.dbPath, keeperOptions(m_options));
        const auto record = storage::recordCrash(store, store.now(), e.what());
        storage::markKioskStopped(store, m_runMark);  // counted here: the next start must not count it again
        spdlog::critical("crash {} of this database recorded", record.count);
    } catch (const std::exception& again) {
        spdlog::error("the crash could not be counted in the database: {}", again.what());
    }
    spdlog::default_logger()->flush();
    std::fflush(nullptr);
    std::_Exit(kCrashExitCode);
}

// Runs on whichever thread saw the X connection break (the frame loop's or the writer's), so it reads only what
// never changes after the start. Asked to stop (systemd stops cage and the kiosk with one SIGTERM, and cage's X
// server is usually gone before the loop turns again), the stop stays clean: the file's mark goes. Otherwise the
// mark stays and the next start counts the end.
int KioskLoop::displayLost() const {
    if (!stopRequested()) {
        spdlog::critical("the display's connection is gone (its X server or compositor ended); the kiosk ends");
        spdlog::default_logger()->flush();
        return 1;
    }
    spdlog::info("kiosk window closed");  // finish() has not said it yet
    return stoppedWithoutDisplay(m_options.dbPath, keeperOptions(m_options), m_runMark);
}

void KioskLoop::testFaults() {
    if (m_options.crashAfterSeconds > 0 && clock() >= m_options.crashAfterSeconds) {
        throw std::runtime_error("test: a frame failed on purpose (--test-crash-after)");
    }
    if (m_options.hangAfterSeconds <= 0 || clock() < m_options.hangAfterSeconds) return;
    spdlog::warn("test: the frame loop stops turning now (--test-hang-after)");
    while (!stopRequested()) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    m_done = true;
}

bool KioskLoop::waitForEvents() {
    // An idle kiosk still wakes as often as the projector needs; the projector's wake-ups make no kiosk frames.
    // And at least twice per watchdog interval, so an idle kiosk is not taken for a hung one.
    const double otherWake = m_projector ? m_projector->wantsWakeWithin() : core::FramePolicy::kIdleWakeSeconds;
    return m_window.waitEvents(m_frames.waitSeconds(clock(), m_view.isAnimating(), m_notifier.maxSleepSeconds(otherWake)));
}

// The projector reads the same file; when it cannot (a damaged file), the kiosk still serves attendees and says
// why the projector stays dark or still, once per new reason.
void KioskLoop::projectorTrouble(const std::exception& e) {
    if (m_projectorProblem != e.what()) spdlog::error("projector window: {}", e.what());
    m_projectorProblem = e.what();
}

void KioskLoop::stepProjector() {
    if (!m_projector) return;
    // The writer published a new snapshot: something was committed, here or elsewhere. The projector is told at
    // once rather than waiting for the file notification.
    if (auto snapshot = m_writer->snapshot(); snapshot != m_projectorSeen) {
        m_projectorSeen = std::move(snapshot);
        m_projector->dataChanged();
    }
    try {
        m_projector->step(m_projectorScreenshots.take());
    } catch (const std::exception& e) {
        projectorTrouble(e);
    }
}

void KioskLoop::observe(bool hadInput) {
    const core::Screen before = m_state.screen;
    const bool warnedBefore = m_state.idleWarning;
    const bool answered = m_writer->drain() > 0;  // the writer's answers: saved, voted, refused, in trouble
    dispatch(core::ev::Tick{});
    m_heartbeat.beat(clock(), m_state);
    m_notifier.alive(clock());
    // Not ImGui's DisplaySize: the projector's step() left its own ImGui context current.
    const auto [displayWidth, displayHeight] = m_window.displaySize();
    const float unitNow = ui::Metrics::forScreen(displayWidth, displayHeight).unit;
    if (syncPanel() && core::holdCorner(m_panel->gate, pressedInCorner(m_window.gesture(), unitNow), clock())) {
        // Whoever was using the kiosk is done: their session ends before a moderator takes over.
        if (!m_state.sessionId.empty()) dispatch(core::ev::Finish{});
        if (syncPanel()) m_panel->openKeypad(clock());
        m_frames.requestFrames();
    }
    if (panelActive() && hadInput) core::touchPanel(m_panel->gate, clock());
    if (m_panel && m_panel->expire(clock())) m_frames.requestFrames();
    if (panelActive() && m_panel->syncMoved()) m_frames.requestFrames();
    // Without a connection to the venue server a new idea's number is provisional (read each turn, never blocks).
    if (m_options.sync.state && m_cache.setNumbersProvisional(!m_options.sync.state().connected)) m_frames.requestFrames();
    // Data changed elsewhere (phones, other kiosks) is redrawn a few times a second; whatever this kiosk's
    // attendee did (input, a save answered, a new screen) is redrawn at once.
    m_frames.followData(refreshModel(), clock());
    const bool changed = answered || m_state.screen != before || m_state.idleWarning != warnedBefore;
    if (hadInput || changed || m_screenshots.pending()) m_frames.requestFrames();
}

bool KioskLoop::drawFrame() {
    const double frameStart = cpuMs(CLOCK_PROCESS_CPUTIME_ID);
    const double threadStart = cpuMs(CLOCK_THREAD_CPUTIME_ID);
    const double wallStart = wallMs();
    // Arabic mirrors the kiosk's screens; the moderators' panel mirrors in its own language, not the attendee's.
    const bool mirrored = m_panel && m_panel->active() ? m_panel->mirrored() : ui::isRightToLeftLanguage(m_state.language);
    m_window.beginFrame(mirrored);
    m_view.browse.scroller.update(1.0 / 60.0);
    const ui::Metrics metrics = ui::Metrics::forScreen(ImGui::GetIO().DisplaySize.x, ImGui::GetIO().DisplaySize.y);
    const Gesture gesture = m_window.gesture();
    // A touch that wandered further than a finger's jitter is a drag: it scrolls and taps nothing.
    const bool dragged = gesture.travel > metrics.unit * 0.6f;
    const bool panel = syncPanel() && m_panel->active();
    const ui::Fonts fonts = m_fonts.forTextSize(m_state.largeText && !panel);  // the panel keeps its size
    ui::Frame frame{.text = m_catalog, .fonts = fonts, .metrics = metrics, .now = clock(), .suppressTaps = dragged,
                    .pressY = gesture.pressY, .events = {}, .elements = {},
                    .language = m_state.language};
    if (panel) {
        m_panel->offered = core::offeredLanguages(m_state);
        m_panel->physicalKeys(clock());
        m_leaveKioskMode = m_panel->Draw(frame, clock());  // in the panel's language (frame.language)
        if (m_panel) m_panelLanguage = m_panel->language;
    } else {
        physicalKeyboard(m_state, frame.events);
        m_view.Draw(m_state, m_cache.model(), frame);
    }
    const bool shoot = m_screenshots.take() && !m_options.screenshotFile.empty();
    const double renderStart = wallMs();
    m_window.endFrame(shoot ? m_options.screenshotFile : std::string(), frame.flipped);
    const double renderWall = wallMs() - renderStart;
    ++m_heartbeat.frames;

    // The automation file describes the frame just drawn, before its taps change the state: a new screen's
    // name beside the old screen's buttons would send a test's next tap astray.
    std::string drawn =
        m_automation.enabled() ? automationJson(m_state, m_cache, m_automationIdeas, frame, m_panel ? &*m_panel : nullptr) : std::string();
    if (!frame.events.empty()) m_frames.requestFrames();
    for (const auto& e : frame.events) dispatch(e);
    // A commit the writer published while this frame was drawn is taken into the model here, so the next turn's
    // observe() sees nothing new: the frame that shows it must be asked for now (else it waits for the next input).
    m_frames.followData(refreshModel(), clock());
    if (m_leaveKioskMode) {
        spdlog::info("kiosk mode left from the moderators' panel");
        return false;
    }
    syncPanel();
    m_automation.update(std::move(drawn));
    if (!m_options.frameTimesFile.empty()) {
        m_frameTimes.push_back({cpuMs(CLOCK_PROCESS_CPUTIME_ID) - frameStart, cpuMs(CLOCK_THREAD_CPUTIME_ID) - threadStart,
                                m_observeWall + wallMs() - wallStart - renderWall, {}});
        // Measured after the frame's times were taken (it costs about a millisecond); the draw data is what was
        // rendered, until the next frame begins.
        m_frameTimes.back().drawn = ui::MeasureDrawData(*ImGui::GetDrawData());
    }
    return true;
}

void KioskLoop::finish() {
    m_options.sync.wake->plug(nullptr);
    if (!m_state.sessionId.empty()) submit(core::fx::EndSession{m_state.sessionId, storage::SessionEnd::Finished});
    WriteJob stopped;  // run by the writer before it ends, after the session's end
    stopped.what = "clean stop";
    stopped.retrySeconds = 0;
    stopped.run = [me = m_runMark](storage::Store& store, const storage::Event&) -> Answer {
        try {
            storage::markKioskStopped(store, me);
        } catch (const std::exception& e) {
            spdlog::warn("the clean stop could not be noted in the file: {}", e.what());
        }
        return {};
    };
    m_writer->post(std::move(stopped));
    if (!m_options.screenshotFile.empty()) {
        const bool mirrored = ui::isRightToLeftLanguage(m_state.language);
        m_window.beginFrame(mirrored);
        const ui::Fonts fonts = m_fonts.forTextSize(m_state.largeText);
        ui::Frame frame{.text = m_catalog, .fonts = fonts,
                        .metrics = ui::Metrics::forScreen(ImGui::GetIO().DisplaySize.x, ImGui::GetIO().DisplaySize.y),
                        .now = clock(), .suppressTaps = true, .events = {}, .elements = {},
                        .language = m_state.language};
        m_view.Draw(m_state, m_cache.model(), frame);
        m_window.endFrame(m_options.screenshotFile, frame.flipped);
    }
    if (!m_options.frameTimesFile.empty()) {
        std::string lines;
        // Then what each frame drew: draw lists, commands (draw calls), vertices, indices, overdraw (pixels drawn
        // per pixel of the screen).
        for (const auto& t : m_frameTimes) {
            lines += std::to_string(t.processCpu) + " " + std::to_string(t.threadCpu) + " " + std::to_string(t.logicWall) +
                     " " + std::to_string(t.drawn.lists) + " " + std::to_string(t.drawn.commands) + " " +
                     std::to_string(t.drawn.vertices) + " " + std::to_string(t.drawn.indices) + " " +
                     std::to_string(t.drawn.overdraw()) + "\n";
        }
        writeOutput(m_options.frameTimesFile, lines);
    }
    // The window goes now, and `this` with it. The stop is under way (its clean stop queued above), so a display
    // that breaks while the window is taken down (cage's X server ends with the same SIGTERM) leaves it clean; with
    // Xlib's own handler the process ended with exit code 1 there (seen in tests/e2e/test_supervise.sh).
    onDisplayLost([path = m_options.dbPath, options = keeperOptions(m_options), me = m_runMark] {
        return stoppedWithoutDisplay(path, options, me);
    });
    spdlog::info("kiosk window closed");
}

double KioskLoop::clock() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - m_started).count();
}

void KioskLoop::dispatch(const core::Event& event) {
    auto step = core::reduce(std::move(m_state), event, clock());
    m_state = std::move(step.state);
    for (const auto& effect : step.effects) submit(effect);
}

// The effect goes to the writer; its events come back through the writer's queue (drained in observe). A draft's
// save and the storage check wait for their answer before being queued again: the trouble screen's retry must not
// save a draft twice while the first save still waits for the lock.
void KioskLoop::submit(const core::Effect& effect) {
    const bool once = std::holds_alternative<core::fx::SaveIdea>(effect) || std::holds_alternative<core::fx::CheckStorage>(effect);
    const std::size_t kind = effect.index();
    if (once) {
        if (const auto waiting = m_inFlight.find(kind); waiting != m_inFlight.end()) {
            // The same write is still queued: the reducer's retry hears at once that it is still held up.
            if (waiting->second) dispatch(core::ev::StorageFailed{});
            return;
        }
        m_inFlight[kind] = false;
    }
    m_writer->post(effectJob(effect, m_seeds(), [this, once, kind](std::vector<core::Event> events, bool settled) {
        if (once && settled) {
            m_inFlight.erase(kind);
        } else if (once) {
            m_inFlight[kind] = true;  // the writer said the lock holds it up, and goes on trying
        }
        for (const auto& e : events) dispatch(e);
    }));
}

// The writer reads the view's data after each commit (its own or another connection's); this only looks whether
// its snapshot is new. A failed read comes back as StorageFailed through the writer's queue.
bool KioskLoop::refreshModel() {
    const auto snapshot = m_writer->snapshot();
    // The phone server follows the moderators' wish on its own thread; this only passes the wish on.
    if (m_options.setPhones && snapshot && snapshot->usable) {
        const bool wish = snapshot->phonesWanted.value_or(m_options.phonesByDefault);
        if (wish != m_phonesWish) {
            m_phonesWish = wish;
            m_options.setPhones(wish);
        }
    }
    if (snapshot && snapshot->usable) followEventLanguages(storage::eventLanguages(snapshot->event.settings));
    return m_cache.refresh(snapshot, m_state);
}

// The kiosk offers the active event's languages (narrowed by kiosk.toml's); read at start and whenever the event's
// settings change (`event load`, `event set languages`, the venue sync).
void KioskLoop::followEventLanguages(const std::vector<std::string>& languages) {
    if (languages == m_state.eventLanguages) return;
    dispatch(core::ev::EventLanguages{languages});
    const auto offer = core::offerFor(m_state.languages, languages);
    spdlog::info("languages offered: {} (the event offers {})", storage::languageList(offer.offered),
                 storage::languageList(languages));
    if (!offer.notOffered.empty()) {
        spdlog::warn("kiosk.toml (or --languages) names {}, which the event does not offer; left out",
                     storage::languageList(offer.notOffered));
    }
    m_frames.requestFrames();
}

// The moderators' panel works through the writer too: made afresh for a new connection of the writer, gone while
// the database is out of reach (the PIN lives there, so the held corner then opens nothing).
bool KioskLoop::syncPanel() {
    const auto snapshot = m_writer->snapshot();
    if (!snapshot->usable) {
        m_panel.reset();
    } else if (!m_panel || m_panelOpens != snapshot->opens) {
        m_panel.emplace(*m_writer, snapshot->event.id, "panel:kiosk:" + snapshot->kioskId, true, [this] { panelTrouble(); });
        m_panel->language = m_panelLanguage;
        m_panel->followSync(m_options.sync.state);
        m_panel->phonesAvailable = static_cast<bool>(m_options.setPhones);
        m_panelOpens = snapshot->opens;
    }
    return m_panel.has_value();
}

// The panel's data could not be read (the writer logged why): trouble like any other.
void KioskLoop::panelTrouble() {
    m_panel.reset();
    dispatch(core::ev::StorageFailed{});
}

}  // namespace

int runKiosk(const RunOptions& options) {
    installWindowSignals();
    KioskLoop loop(options);
    return loop.run();
}

}  // namespace kiosk::app
