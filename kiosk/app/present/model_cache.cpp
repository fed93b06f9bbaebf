// The kiosk's view model cache (see model_cache.h).
#include "kiosk/app/present/model_cache.h"

#include "kiosk/app/present/phones_join.h"
#include "kiosk/ui/idea_board.h"

namespace kiosk::app {

bool ModelCache::refresh(std::shared_ptr<const WriterSnapshot> snapshot, const core::KioskState& state) {
    if (!snapshot || !snapshot->usable) return false;
    const bool dataChanged = snapshot != m_snapshot;
    if (!dataChanged && m_order == state.order && m_filter == state.categoryFilter && m_seed == state.shuffleSeed) return false;
    if (dataChanged) {
        const auto& settings = snapshot->event.settings;
        m_model.eventTitle = settings.title;
        m_model.showCounts = settings.showCounts && settings.countsVisible();
        m_model.submissionOpen = settings.submissionOpen;
        m_model.votingOpen = settings.votingOpen;
        m_model.categories.clear();
        for (const auto& c : settings.categories) m_model.categories.push_back({c.key, c.names, ui::colorFromHex(c.color)});
        m_model.totalIdeas = static_cast<int>(snapshot->published.size());
        const std::string joinUrl = joinOnAttract ? snapshot->phonesUrl : std::string();
        if (joinUrl != m_model.join.url) m_model.join = joinCodeFor(joinUrl);
        m_snapshot = std::move(snapshot);
    }
    m_order = state.order;
    m_filter = state.categoryFilter;
    m_seed = state.shuffleSeed;
    m_model.ideas.clear();
    for (const auto& card : m_snapshot->published) {
        if (m_filter.empty() || card.category == m_filter) m_model.ideas.push_back(card);
    }
    core::orderIdeas(m_model.ideas, m_order, m_seed);
    ++m_ideasGeneration;
    return true;
}

}  // namespace kiosk::app
