// The moderators' laptop: the keypad (when a PIN is set), then the panel, redrawn when the data changes.
#include "kiosk/app/window/moderate_window.h"

#include "kiosk/app/present/automation.h"
#include "kiosk/app/window/panel_host.h"
#include "kiosk/app/window/platform_window.h"
#include "kiosk/app/window/signals.h"
#include "storage/pin.h"

#include "imgui.h"

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

}  // namespace

int runModerate(const ModerateOptions& options) {
    installWindowSignals();
    ScreenshotRequests screenshots;
    storage::Store store(options.dbPath);
    const core::Catalog catalog = core::Catalog::load(options.assetDir + "/i18n");
    PlatformWindow window(0, options.windowedWidth, options.windowedHeight, "Ideenkiosk – Moderation", true);
    const ui::Fonts fonts = window.loadFonts();
    const auto started = std::chrono::steady_clock::now();
    auto clock = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(); };
    PanelHost panel(store, options.eventId, laptopActor(), false);
    const bool needsPin = storage::pinIsSet(store);
    needsPin ? panel.openKeypad(clock()) : panel.openWithoutPin(clock());

    AutomationFile automation(options.automationFile);
    std::int64_t seen = store.changeCounter();
    int framesToRender = 3;
    while (!window.shouldClose() && !stopRequested()) {
        const bool hadInput = window.waitEvents(framesToRender > 0 ? 0.0 : 0.25);
        if (const auto change = store.changeCounter(); change != seen) {
            seen = change;
            framesToRender = std::max(framesToRender, 2);
        }
        if (hadInput) core::touchPanel(panel.gate, clock());
        // Left alone, the laptop goes back to the keypad: the panel is not for whoever walks by.
        if (panel.expire(clock()) && needsPin) panel.openKeypad(clock());
        if (hadInput || screenshots.pending()) framesToRender = std::max(framesToRender, 3);
        if (framesToRender <= 0) continue;
        --framesToRender;
        window.beginFrame();
        const ui::Metrics metrics = ui::Metrics::forScreen(ImGui::GetIO().DisplaySize.x, ImGui::GetIO().DisplaySize.y);
        ui::Frame frame{.text = catalog, .fonts = fonts, .metrics = metrics, .now = clock(), .events = {}, .elements = {},
                        .language = "de"};
        panel.physicalKeys(clock());
        panel.Draw(frame, clock());
        const bool shoot = screenshots.take() && !options.screenshotFile.empty();
        window.endFrame(shoot ? options.screenshotFile : std::string());
        if (automation.enabled()) automation.update(automationText(automationJson(panel, frame)));
        if (!panel.active()) break;  // "Schließen" or the keypad's "Abbrechen"
    }
    spdlog::info("moderation window closed");
    return 0;
}

}  // namespace kiosk::app
