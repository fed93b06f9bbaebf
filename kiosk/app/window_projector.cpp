// The projector, own process or a kiosk's second window: follows commits within a fraction of a second, else sleeps.
#include "kiosk/app/window_projector.h"

#include "kiosk/app/cli.h"
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

// [SECTION] The model from the store, the automation file

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
    return automationText({{"screen", "projector"}, {"title", model.title}, {"pinned", pinned},
                           {"frozen", model.frozen}, {"awaiting_reveal", model.awaitingReveal},
                           {"totals", {{"ideas", model.ideas}, {"votes", model.votes}, {"participants", model.participants}}},
                           {"elements", nlohmann::json::array()}, {"ideas", ideas}});
}

storage::StoreOptions readOnly() {
    storage::StoreOptions options;
    options.readOnly = true;  // a WAL reader: it never blocks a kiosk's write
    return options;
}

// A frozen projector keeps its picture and only learns that it is frozen; unfreezing shows the present.
ui::ProjectorModel followed(ui::ProjectorModel shown, ui::ProjectorModel fresh) {
    if (!fresh.frozen) return fresh;
    shown.frozen = true;
    return shown;
}

}  // namespace

// [SECTION] ProjectorWindow

ProjectorWindow::ProjectorWindow(const ProjectorOptions& options, const PlatformWindow* beside)
    : m_options(options),
      m_store(options.dbPath, readOnly()),
      m_catalog(core::Catalog::load(options.assetDir + "/i18n")),
      m_window(options.monitor, options.windowedWidth, options.windowedHeight, "Ideenkiosk – Projektor",
               options.allowExit, beside ? WindowRole::Secondary : WindowRole::Main) {
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

void ProjectorWindow::followCommits() {
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
    if (m_options.automationFile.empty()) return;
    std::string json = automationJson(m_model, m_view);
    if (json == m_lastAutomation) return;
    writeOutput(m_options.automationFile, json);
    m_lastAutomation = std::move(json);
}

// [SECTION] The projector as its own process

int runProjector(const ProjectorOptions& options) {
    std::signal(SIGUSR1, onScreenshot);
    std::signal(SIGTERM, onStop);
    std::signal(SIGINT, onStop);
    ProjectorWindow projector(options);
    PlatformWindow& window = projector.window();
    while (!window.shouldClose() && !g_stop) {
        window.waitEvents(projector.wantsWakeWithin());
        if (window.escapePressed() && options.allowExit) break;
        projector.step(g_screenshot.exchange(false));
    }
    spdlog::info("projector closed");
    return 0;
}

}  // namespace kiosk::app
