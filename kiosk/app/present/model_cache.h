// The kiosk's view model, rebuilt only when the database or the browse settings (order, filter, shuffle) changed.
#pragma once

#include "kiosk/app/logic/store_keeper.h"
#include "kiosk/core/state.h"
#include "kiosk/ui/kiosk_view.h"
#include "storage/store.h"

#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::app {

/// Reading every idea each frame would cost a query per frame; this reads them when a commit happened (the store's
/// change counter moved) and only reorders and filters when the attendee changed the order or the category.
class ModelCache {
public:
    /// Rebuilds from `store` when needed; true when the model changed. Throws what the store throws.
    bool refresh(storage::Store& store, const storage::Event& event, const core::KioskState& state);
    /// From the keeper's open store, if any: without one the last model stays (behind the trouble screen).
    bool refresh(StoreKeeper& keeper, const core::KioskState& state);

    const ui::KioskViewModel& model() const { return m_model; }

private:
    int m_opens = 0;  // the keeper's connection the cache was built from
    std::int64_t m_change = -1;
    core::BrowseOrder m_order = core::BrowseOrder::Random;
    std::string m_filter;
    std::uint64_t m_seed = 0;
    std::vector<core::IdeaCard> m_published;
    ui::KioskViewModel m_model;
};

}  // namespace kiosk::app
