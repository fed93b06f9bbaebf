// The moderators' laptop: the keypad (when a PIN is set), then the panel, redrawn when the data changes.
#include "kiosk/app/window_moderate.h"

#include "kiosk/app/cli.h"
#include "kiosk/app/window_panel.h"
#include "kiosk/app/window_platform.h"
#include "storage/pin.h"

#include "imgui.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdlib>

namespace kiosk::app {

namespace {

std::atomic<bool> g_screenshot{false};
std::atomic<bool> g_stop{false};
void onScreenshot(int) { g_screenshot = true; }
void onStop(int) { g_stop = true; }

std::string laptopActor() {
    const char* user = std::getenv("USER");
    return std::string("panel:") + (user && *user ? user : "laptop");
}

nlohmann::json automationJson(const PanelHost& panel, const ui::Frame& frame) {
    nlohmann::json elements = nlohmann::json::array();
    for (const auto& e : frame.elements) {
        elements.push_back({{"id", e.id}, {"role", e.role}, {"label", e.label}, {"rect", {e.x, e.y, e.w, e.h}}, {"enabled", e.enabled}});
    }
    return {{"screen", panel.active() ? panel.screenName() : "closed"}, {"panel", panel.automation()}, {"elements", elements}};
}

}  // namespace

int runModerate(const ModerateOptions& options) {
    std::signal(SIGUSR1, onScreenshot);
    std::signal(SIGTERM, onStop);
    std::signal(SIGINT, onStop);
    storage::Store store(options.dbPath);
    const core::Catalog catalog = core::Catalog::load(options.assetDir + "/i18n");
    PlatformWindow window(0, options.windowedWidth, options.windowedHeight, "Ideenkiosk – Moderation", true);
    const ui::Fonts fonts = window.loadFonts();
    const auto started = std::chrono::steady_clock::now();
    auto clock = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(); };
    PanelHost panel(store, options.eventId, laptopActor(), false);
    const bool needsPin = storage::pinIsSet(store);
    needsPin ? panel.openKeypad(clock()) : panel.openWithoutPin(clock());

    std::string lastAutomation;
    std::int64_t seen = store.changeCounter();
    int framesToRender = 3;
    while (!window.shouldClose() && !g_stop) {
        const bool hadInput = window.waitEvents(framesToRender > 0 ? 0.0 : 0.25);
        if (const auto change = store.changeCounter(); change != seen) {
            seen = change;
            framesToRender = std::max(framesToRender, 2);
        }
        if (hadInput) core::touchPanel(panel.gate, clock());
        // Left alone, the laptop goes back to the keypad: the panel is not for whoever walks by.
        if (panel.expire(clock()) && needsPin) panel.openKeypad(clock());
        if (hadInput || g_screenshot) framesToRender = std::max(framesToRender, 3);
        if (framesToRender <= 0) continue;
        --framesToRender;
        window.beginFrame();
        const ui::Metrics metrics = ui::Metrics::forScreen(ImGui::GetIO().DisplaySize.x, ImGui::GetIO().DisplaySize.y);
        ui::Frame frame{catalog, fonts, metrics, clock(), false, 0.0f, {}, {}, "de"};
        panel.physicalKeys(clock());
        panel.Draw(frame, clock());
        const bool shoot = g_screenshot.exchange(false) && !options.screenshotFile.empty();
        window.endFrame(shoot ? options.screenshotFile : std::string());
        if (!options.automationFile.empty()) {
            const std::string json = automationText(automationJson(panel, frame));
            if (json != lastAutomation) {
                writeOutput(options.automationFile, json);
                lastAutomation = json;
            }
        }
        if (!panel.active()) break;  // "Schließen" or the keypad's "Abbrechen"
    }
    spdlog::info("moderation window closed");
    return 0;
}

}  // namespace kiosk::app
