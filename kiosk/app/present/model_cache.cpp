// The kiosk's view model cache (see model_cache.h).
#include "kiosk/app/present/model_cache.h"

#include "kiosk/app/logic/kiosk_effects.h"
#include "kiosk/ui/idea_board.h"

namespace kiosk::app {

bool ModelCache::refresh(storage::Store& store, const storage::Event& event, const core::KioskState& state) {
    const std::int64_t now = store.changeCounter();
    const bool dataChanged = now != m_change;
    if (!dataChanged && m_order == state.order && m_filter == state.categoryFilter && m_seed == state.shuffleSeed) return false;
    if (dataChanged) {
        m_published = publishedCards(store, event.id);
        const auto fresh = store.event(event.id);
        const auto& settings = fresh ? fresh->settings : event.settings;
        m_model.eventTitle = settings.title;
        m_model.showCounts = settings.showCounts && settings.countsVisible();
        m_model.submissionOpen = settings.submissionOpen;
        m_model.votingOpen = settings.votingOpen;
        m_model.categories.clear();
        for (const auto& c : settings.categories) m_model.categories.push_back({c.key, c.names, ui::colorFromHex(c.color)});
        m_model.totalIdeas = static_cast<int>(m_published.size());
    }
    m_change = now;
    m_order = state.order;
    m_filter = state.categoryFilter;
    m_seed = state.shuffleSeed;
    m_model.ideas.clear();
    for (const auto& card : m_published) {
        if (m_filter.empty() || card.category == m_filter) m_model.ideas.push_back(card);
    }
    core::orderIdeas(m_model.ideas, m_order, m_seed);
    return true;
}

bool ModelCache::refresh(StoreKeeper& keeper, const core::KioskState& state) {
    storage::Store* store = keeper.current();
    if (!store) return false;
    if (keeper.opens() != m_opens) {
        m_opens = keeper.opens();
        m_change = -1;  // a new connection counts changes from its own start
    }
    return refresh(*store, keeper.event(), state);
}

}  // namespace kiosk::app
