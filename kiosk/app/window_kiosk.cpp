// The kiosk's frame loop: event-driven rendering of the idea board, screenshots and the automation file.
#include "kiosk/app/window_kiosk.h"

#include "kiosk/app/cli.h"
#include "kiosk/app/window_platform.h"
#include "kiosk/ui/idea_board.h"
#include "storage/store.h"

#include "imgui.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <atomic>
#include <algorithm>
#include <csignal>

namespace kiosk::app {

namespace {

std::atomic<bool> g_screenshotRequested{false};
std::atomic<bool> g_stopRequested{false};

void onScreenshotSignal(int) { g_screenshotRequested = true; }
void onStopSignal(int) { g_stopRequested = true; }

// [SECTION] View model from the store

ui::IdeaBoardModel loadBoard(storage::Store& store) {
    ui::IdeaBoardModel model;
    const auto event = store.requireActiveEvent();
    model.title = event.settings.title;
    model.subtitle = event.settings.venue;
    model.showCounts = event.settings.showCounts;
    storage::IdeaQuery query;
    query.ranking = storage::Ranking::MostVotes;
    for (const auto& idea : store.ideas(event.id, query)) {
        ui::IdeaBoardModel::Card card;
        card.number = idea.number;
        card.title = idea.title;
        card.votes = idea.votes;
        for (const auto& c : event.settings.categories) {
            if (c.key == idea.category) {
                card.category = c.name("de");
                card.color = ui::colorFromHex(c.color);
            }
        }
        model.cards.push_back(std::move(card));
    }
    return model;
}

std::string automationJson(const ui::IdeaBoardModel& model) {
    nlohmann::json ideas = nlohmann::json::array();
    for (const auto& card : model.cards) {
        nlohmann::json idea = {{"number", card.number}, {"title", card.title}};
        idea["count"] = model.showCounts ? nlohmann::json(card.votes) : nlohmann::json(nullptr);
        ideas.push_back(idea);
    }
    return nlohmann::json{{"screen", "board"}, {"title", model.title}, {"elements", nlohmann::json::array()}, {"ideas", ideas}}
        .dump(2);
}

}  // namespace

// [SECTION] The loop

int runKiosk(const RunOptions& options) {
    std::signal(SIGUSR1, onScreenshotSignal);
    std::signal(SIGTERM, onStopSignal);
    std::signal(SIGINT, onStopSignal);
    storage::Store store(options.dbPath);

    PlatformWindow window(options.monitor, options.windowedWidth, options.windowedHeight, "Ideenkiosk", options.allowExit);
    const ui::Fonts fonts = window.loadFonts();
    ui::IdeaBoard board;
    ui::IdeaBoardModel model = loadBoard(store);
    std::int64_t seenChange = store.changeCounter();
    std::string lastAutomation;
    int framesToRender = 3;  // a few frames after anything changes, then sleep until something happens

    while (!window.shouldClose() && !g_stopRequested) {
        // Wait for input, or wake twice a second to notice commits from other processes.
        const bool hadInput = window.waitEvents(framesToRender > 0 ? 0.0 : 0.5);
        if (window.escapePressed() && options.allowExit) break;
        if (hadInput) framesToRender = std::max(framesToRender, 2);
        if (const auto change = store.changeCounter(); change != seenChange) {
            seenChange = change;
            model = loadBoard(store);
            framesToRender = std::max(framesToRender, 2);
        }
        if (g_screenshotRequested) framesToRender = std::max(framesToRender, 1);
        if (framesToRender <= 0) continue;
        --framesToRender;

        window.beginFrame();
        board.Draw(model, fonts);
        const bool shoot = g_screenshotRequested.exchange(false) && !options.screenshotFile.empty();
        window.endFrame(shoot ? options.screenshotFile : std::string());

        if (!options.automationFile.empty()) {
            const std::string json = automationJson(model);
            if (json != lastAutomation) {
                writeOutput(options.automationFile, json);
                lastAutomation = json;
            }
        }
    }
    if (!options.screenshotFile.empty()) {
        window.beginFrame();
        board.Draw(model, fonts);
        window.endFrame(options.screenshotFile);
    }
    spdlog::info("kiosk window closed");
    return 0;
}

}  // namespace kiosk::app
