// The projector, own process or a kiosk's second window: follows commits within a fraction of a second, else sleeps.
#include "kiosk/app/window/projector_window.h"

#include "kiosk/app/present/projector_model.h"
#include "kiosk/app/window/signals.h"

#include <spdlog/spdlog.h>

#include <GLFW/glfw3.h>

#include <algorithm>
#include <chrono>

namespace kiosk::app {

namespace {

storage::StoreOptions readOnly() {
    storage::StoreOptions options;
    options.readOnly = true;  // a WAL reader: it never blocks a kiosk's write
    return options;
}

}  // namespace

// [SECTION] ProjectorWindow

ProjectorWindow::ProjectorWindow(const ProjectorOptions& options, const PlatformWindow* beside)
    : m_options(options),
      m_store(options.dbPath, readOnly()),
      m_catalog(core::Catalog::load(options.assetDir + "/i18n")),
      m_window(options.monitor, options.windowedWidth, options.windowedHeight, "Ideenkiosk – Projektor",
               options.allowExit, beside ? WindowRole::Secondary : WindowRole::Main),
      m_automation(options.automationFile),
      m_notifier(options.dbPath, [] { glfwPostEmptyEvent(); }) {
    // Two windows of one process on one screen (development): side by side, so neither hides the other.
    if (beside && m_window.windowed()) m_window.placeRightOf(*beside);
    m_fonts = m_window.loadFonts();
    m_model = loadProjector(m_store);
    m_seen = m_store.changeCounter();
    m_lastFrame = seconds();
}

double ProjectorWindow::seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - m_started).count();
}

// data_version is read only when told (inotify, the writer) or at the slow fallback poll.
void ProjectorWindow::followCommits() {
    const double now = seconds();
    const bool told = m_notifier.takeChanged();
    if (!told && now - m_lastPoll < kPollSeconds) return;
    m_lastPoll = now;
    if (const auto change = m_store.changeCounter(); change != m_seen) {
        m_seen = change;
        m_model = followed(std::move(m_model), loadProjector(m_store));
        m_framesToRender = std::max(m_framesToRender, 2);
    }
}

bool ProjectorWindow::step(bool screenshot) {
    followCommits();
    const double now = seconds();
    const int turn = static_cast<int>(now / ui::ProjectorView::kTurnSeconds);  // the invitation's language and the category spotlight
    if (turn != m_lastTurn || screenshot) m_framesToRender = std::max(m_framesToRender, 1);
    if (m_framesToRender <= 0 && !m_animating) return false;
    // The loop may come round sooner than a frame (the kiosk's own events); a few milliseconds of slack keep a
    // 60 Hz kiosk loop from skipping every other projector frame.
    if (!screenshot && now - m_lastFrame < kFrameSeconds - 0.002) return false;
    draw(now, turn, screenshot);
    return true;
}

double ProjectorWindow::wantsWakeWithin() const {
    if (m_framesToRender > 0 || m_animating) return std::max(0.0, m_lastFrame + kFrameSeconds - seconds());
    return kPollSeconds;
}

void ProjectorWindow::draw(double now, int turn, bool screenshot) {
    m_framesToRender = std::max(0, m_framesToRender - 1);
    m_lastTurn = turn;
    m_animating = m_view.Animate(m_model, static_cast<float>(std::min(0.1, now - m_lastFrame)));
    m_lastFrame = now;
    m_window.beginFrame();
    m_view.Draw(m_model, m_fonts, m_catalog, now);
    m_window.endFrame(screenshot ? m_options.screenshotFile : std::string());
    if (m_automation.enabled()) m_automation.update(projectorAutomation(m_model, m_view.topCount));
}

// [SECTION] The projector as its own process

int runProjector(const ProjectorOptions& options) {
    installWindowSignals();
    ScreenshotRequests screenshots;
    ProjectorWindow projector(options);
    PlatformWindow& window = projector.window();
    while (!window.shouldClose() && !stopRequested()) {
        window.waitEvents(projector.wantsWakeWithin());
        if (window.escapePressed() && options.allowExit) break;
        projector.step(screenshots.take());
    }
    spdlog::info("projector closed");
    return 0;
}

}  // namespace kiosk::app
