// The projector's loop: follows commits of any kiosk within a fraction of a second, animates, else sleeps.
#include "kiosk/app/window_projector.h"

#include "kiosk/app/cli.h"
#include "kiosk/app/window_platform.h"
#include "kiosk/ui/idea_board.h"
#include "kiosk/ui/projector_view.h"
#include "storage/stats.h"
#include "storage/store.h"

#include "imgui.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>

namespace kiosk::app {

namespace {

std::atomic<bool> g_screenshot{false};
std::atomic<bool> g_stop{false};
void onScreenshot(int) { g_screenshot = true; }
void onStop(int) { g_stop = true; }

ui::ProjectorModel loadProjector(storage::Store& store) {
    ui::ProjectorModel model;
    const auto event = store.requireActiveEvent();
    model.title = event.settings.title;
    model.venue = event.settings.venue;
    model.showCounts = event.settings.showCounts && event.settings.countsVisible();
    model.awaitingReveal = !event.settings.countsVisible();
    model.frozen = event.settings.projectorFrozen;
    std::map<std::string, std::pair<std::string, unsigned int>> categories;
    for (const auto& c : event.settings.categories) {
        categories[c.key] = {c.name("de"), ui::colorFromHex(c.color)};
        model.categories.emplace_back(c.name("de"), ui::colorFromHex(c.color));
    }
    storage::IdeaQuery query;
    query.ranking = storage::Ranking::MostVotes;
    for (const auto& idea : store.ideas(event.id, query)) {
        ui::ProjectorModel::Entry entry{idea.number, idea.title, "", 0xFF888888, idea.votes, idea.pinned};
        if (const auto it = categories.find(idea.category); it != categories.end()) {
            entry.category = it->second.first;
            entry.color = it->second.second;
        }
        model.ranking.push_back(entry);
        if (idea.pinned) model.pinned.push_back(entry);
    }
    model.newest = model.ranking;
    std::sort(model.newest.begin(), model.newest.end(), [](const auto& a, const auto& b) { return a.number > b.number; });
    // Before the reveal the order of the ranking would give the counts away.
    if (model.awaitingReveal) model.ranking = model.newest;
    if (model.newest.size() > 5) model.newest.resize(5);
    const auto totals = storage::liveTotals(store, event.id);
    model.ideas = totals.ideas;
    model.votes = totals.votes;
    model.participants = totals.participants;
    return model;
}

std::string automationJson(const ui::ProjectorModel& model, const ui::ProjectorView& view) {
    nlohmann::json ideas = nlohmann::json::array();
    for (std::size_t i = 0; i < model.ranking.size() && i < static_cast<std::size_t>(view.topCount); ++i) {
        const auto& e = model.ranking[i];
        ideas.push_back({{"number", e.number}, {"title", e.title},
                         {"count", model.showCounts ? nlohmann::json(e.votes) : nlohmann::json(nullptr)}});
    }
    nlohmann::json pinned = nlohmann::json::array();
    for (const auto& e : model.pinned) pinned.push_back(e.number);
    return nlohmann::json{{"screen", "projector"}, {"title", model.title}, {"pinned", pinned},
                          {"frozen", model.frozen}, {"awaiting_reveal", model.awaitingReveal},
                          {"totals", {{"ideas", model.ideas}, {"votes", model.votes}, {"participants", model.participants}}},
                          {"elements", nlohmann::json::array()}, {"ideas", ideas}}
        .dump(1);
}

// A frozen projector keeps its picture and only learns that it is frozen; unfreezing shows the present.
ui::ProjectorModel followed(ui::ProjectorModel shown, ui::ProjectorModel fresh) {
    if (!fresh.frozen) return fresh;
    shown.frozen = true;
    return shown;
}

}  // namespace

int runProjector(const ProjectorOptions& options) {
    std::signal(SIGUSR1, onScreenshot);
    std::signal(SIGTERM, onStop);
    std::signal(SIGINT, onStop);
    storage::StoreOptions readOnly;
    readOnly.readOnly = true;  // a WAL reader: it never blocks a kiosk's write
    storage::Store store(options.dbPath, readOnly);
    const core::Catalog catalog = core::Catalog::load(options.assetDir + "/i18n");
    PlatformWindow window(options.monitor, options.windowedWidth, options.windowedHeight, "Ideenkiosk – Projektor",
                          options.allowExit);
    const ui::Fonts fonts = window.loadFonts();
    ui::ProjectorView view;
    ui::ProjectorModel model = loadProjector(store);
    std::int64_t seen = store.changeCounter();
    const auto started = std::chrono::steady_clock::now();
    auto clock = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(); };
    std::string lastAutomation;
    int framesToRender = 3;
    int lastTurn = -1;
    double lastFrame = clock();
    bool animating = false;
    while (!window.shouldClose() && !g_stop) {
        // A commit anywhere shows within a quarter of a second; between commits the loop only sleeps.
        window.waitEvents(animating || framesToRender > 0 ? 0.0 : 0.25);
        if (window.escapePressed() && options.allowExit) break;
        if (const auto change = store.changeCounter(); change != seen) {
            seen = change;
            model = followed(std::move(model), loadProjector(store));
            framesToRender = std::max(framesToRender, 2);
        }
        const int turn = static_cast<int>(clock() / ui::ProjectorView::kTurnSeconds);  // the invitation's language and the category spotlight
        if (turn != lastTurn || g_screenshot) framesToRender = std::max(framesToRender, 1);
        if (framesToRender <= 0 && !animating) continue;
        framesToRender = std::max(0, framesToRender - 1);
        lastTurn = turn;
        const double now = clock();
        animating = view.Animate(model, static_cast<float>(std::min(0.1, now - lastFrame)));
        lastFrame = now;
        window.beginFrame();
        view.Draw(model, fonts, catalog, now);
        const bool shoot = g_screenshot.exchange(false) && !options.screenshotFile.empty();
        window.endFrame(shoot ? options.screenshotFile : std::string());
        if (!options.automationFile.empty()) {
            const std::string json = automationJson(model, view);
            if (json != lastAutomation) {
                writeOutput(options.automationFile, json);
                lastAutomation = json;
            }
        }
    }
    spdlog::info("projector closed");
    return 0;
}

}  // namespace kiosk::app
