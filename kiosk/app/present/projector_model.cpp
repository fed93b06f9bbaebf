// The projector's presentation policy (see projector_model.h).
#include "kiosk/app/present/projector_model.h"

#include "kiosk/app/present/automation.h"
#include "kiosk/app/present/phones_join.h"
#include "kiosk/ui/idea_board.h"
#include "storage/stats.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <utility>

namespace kiosk::app {

ui::ProjectorModel loadProjector(storage::Store& store) {
    ui::ProjectorModel model;
    const auto event = store.requireActiveEvent();
    model.title = event.settings.title;
    model.venue = event.settings.venue;
    model.showCounts = event.settings.showCounts && event.settings.countsVisible();
    model.awaitingReveal = !event.settings.countsVisible();
    model.frozen = event.settings.projectorFrozen;
    model.languages = storage::eventLanguages(event.settings);
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
    model.join = loadJoinCode(store);
    return model;
}

ui::ProjectorModel followed(ui::ProjectorModel shown, ui::ProjectorModel fresh) {
    if (!fresh.frozen) return fresh;
    shown.frozen = true;
    return shown;
}

std::string projectorAutomation(const ui::ProjectorModel& model, int topCount) {
    nlohmann::json ideas = nlohmann::json::array();
    for (std::size_t i = 0; i < model.ranking.size() && i < static_cast<std::size_t>(topCount); ++i) {
        const auto& e = model.ranking[i];
        ideas.push_back({{"number", e.number}, {"title", e.title},
                         {"count", model.showCounts ? nlohmann::json(e.votes) : nlohmann::json(nullptr)}});
    }
    nlohmann::json pinned = nlohmann::json::array();
    for (const auto& e : model.pinned) pinned.push_back(e.number);
    return automationText({{"screen", "projector"}, {"title", model.title}, {"pinned", pinned},
                           {"frozen", model.frozen}, {"awaiting_reveal", model.awaitingReveal},
                           {"join_url", model.join.url},
                           {"totals", {{"ideas", model.ideas}, {"votes", model.votes}, {"participants", model.participants}}},
                           {"elements", nlohmann::json::array()}, {"ideas", ideas}});
}

}  // namespace kiosk::app
