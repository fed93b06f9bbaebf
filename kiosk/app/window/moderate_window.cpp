// The moderators' laptop: the keypad (when a PIN is set), then the panel, redrawn when the data changes.
#include "kiosk/app/window/moderate_window.h"

#include "kiosk/app/logic/store_writer.h"
#include "kiosk/app/present/automation.h"
#include "kiosk/app/window/panel_host.h"
#include "kiosk/app/window/platform_window.h"
#include "kiosk/app/window/signals.h"
#include "storage/pin.h"

#include "imgui.h"

#include <GLFW/glfw3.h>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>

namespace kiosk::app {

namespace {

std::string laptopActor() {
    const char* user = std::getenv("USER");
    return std::string("panel:") + (user && *user ? user : "laptop");
}

nlohmann::json automationJson(const PanelHost& panel, const ui::Frame& frame) {
    return {{"screen", panel.active() ? panel.screenName() : "closed"}, {"panel", panel.automation()},
            {"elements", elementsJson(frame.elements)}};
}

std::vector<std::string> offeredByEvent(const core::Catalog& catalog, const std::vector<std::string>& event) {
    std::vector<std::string> offered;
    for (const auto& code : event) {
        if (catalog.has(code)) offered.push_back(code);
    }
    return offered.empty() ? catalog.languages() : offered;
}

}  // namespace

int runModerate(const ModerateOptions& options) {
    installWindowSignals();
    ScreenshotRequests screenshots;
    bool needsPin = false;
    {  // before the window opens: after that, the database is the writer's alone
        storage::Store store(options.dbPath);
        needsPin = storage::pinIsSet(store);
    }
    const core::Catalog catalog = core::Catalog::load(options.assetDir + "/i18n");
    core::setKeyboardLayouts(catalog.keyboards());  // the panel's fields type on the German keyboard
    PlatformWindow window(0, options.windowedWidth, options.windowedHeight, "Ideenkiosk – Moderation", true);
    const ui::Fonts fonts = window.loadFonts();
    const auto started = std::chrono::steady_clock::now();
    auto clock = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(); };
    // Declared after the window (it wakes the window's loop) and the catalog (the panel's jobs format with it).
    StoreWriter writer(options.dbPath, {}, [] { glfwPostEmptyEvent(); });
    PanelHost panel(writer, options.eventId, laptopActor(), false, [] { spdlog::error("moderation: the database cannot be read now"); });
    panel.language = options.panelLanguage;
    options.sync.wake->plug([] { glfwPostEmptyEvent(); });
    panel.followSync(options.sync.state);
    needsPin ? panel.openKeypad(clock()) : panel.openWithoutPin(clock());

    AutomationFile automation(options.automationFile);
    std::shared_ptr<const WriterSnapshot> seen = writer.snapshot();
    int framesToRender = 3;
    while (!window.shouldClose() && !stopRequested()) {
        const bool hadInput = window.waitEvents(framesToRender > 0 ? 0.0 : 0.25);
        // The writer's answers (an action done, the model read) and its snapshot (a commit anywhere) are news.
        if (writer.drain() > 0) framesToRender = std::max(framesToRender, 2);
        if (auto now = writer.snapshot(); now != seen) {
            seen = std::move(now);
            framesToRender = std::max(framesToRender, 2);
        }
        if (hadInput) core::touchPanel(panel.gate, clock());
        // Left alone, the laptop goes back to the keypad: the panel is not for whoever walks by.
        if (panel.expire(clock()) && needsPin) panel.openKeypad(clock());
        if (hadInput || screenshots.pending()) framesToRender = std::max(framesToRender, 3);
        if (panel.active() && panel.syncMoved()) framesToRender = std::max(framesToRender, 1);
        if (framesToRender <= 0) continue;
        --framesToRender;
        // The panel offers the languages of the event (all of the catalog's when it names none).
        if (seen && seen->usable) panel.offered = offeredByEvent(catalog, storage::eventLanguages(seen->event.settings));
        window.beginFrame(panel.mirrored());
        const ui::Metrics metrics = ui::Metrics::forScreen(ImGui::GetIO().DisplaySize.x, ImGui::GetIO().DisplaySize.y);
        ui::Frame frame{.text = catalog, .fonts = fonts, .metrics = metrics, .now = clock(), .events = {}, .elements = {},
                        .language = panel.language};
        panel.physicalKeys(clock());
        panel.Draw(frame, clock());  // in the panel's language, mirrored in Arabic (frame.flipped)
        const bool shoot = screenshots.take() && !options.screenshotFile.empty();
        window.endFrame(shoot ? options.screenshotFile : std::string(), frame.flipped);
        if (automation.enabled()) automation.update(automationText(automationJson(panel, frame)));
        if (!panel.active()) break;  // "Schließen" or the keypad's "Abbrechen"
    }
    options.sync.wake->plug(nullptr);
    spdlog::info("moderation window closed");
    return 0;
}

}  // namespace kiosk::app
