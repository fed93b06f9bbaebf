// Runs the kiosk's effects against the store and turns the outcome into events for the reducer.
#pragma once

#include "kiosk/app/logic/store_keeper.h"
#include "kiosk/core/state.h"
#include "storage/store.h"

#include <cstdint>
#include <vector>

namespace kiosk::app {

/// Executes one effect in its own transaction. Rule violations become ActionRefused, database failures
/// StorageFailed (and a log line); nothing throws. Every commit is logged after it returned, so the log
/// lists exactly what the kiosk confirmed.
std::vector<core::Event> runEffect(storage::Store& store, const std::string& eventId, const core::Effect& effect,
                                   std::uint64_t seed);

/// The same through the keeper: opens the database when needed (StorageFailed when it cannot), and drops
/// the connection after a failure so the next effect works on a freshly opened file.
std::vector<core::Event> runEffect(StoreKeeper& keeper, const core::Effect& effect, std::uint64_t seed);

/// The published ideas of the event as cards.
std::vector<core::IdeaCard> publishedCards(storage::Store& store, const std::string& eventId);

}  // namespace kiosk::app
