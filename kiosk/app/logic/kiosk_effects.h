// Runs the kiosk's effects against the store and turns the outcome into events for the reducer.
#pragma once

#include "kiosk/app/logic/store_keeper.h"
#include "kiosk/app/logic/store_writer.h"
#include "kiosk/core/state.h"
#include "storage/store.h"

#include <cstdint>
#include <functional>
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

/// Executes one effect and returns its events; throws what the store throws (the writer sorts that out).
std::vector<core::Event> performEffect(storage::Store& store, const std::string& eventId, const core::Effect& effect,
                                       std::uint64_t seed);

/// Receives an effect's events on the frame thread; `settled` is false only for the early "busy" notice of a
/// write the writer is still trying.
using EffectAnswer = std::function<void(std::vector<core::Event> events, bool settled)>;

/// The effect as a job for the StoreWriter: the same events as runEffect, and StorageFailed as soon as the writer
/// reports the write lock held (the write goes on being tried as long as the busy timeout; a session's start not
/// at all, since its attendee has moved on to the trouble screen; the trouble screen's retry posts a draft again).
WriteJob effectJob(const core::Effect& effect, std::uint64_t seed, EffectAnswer deliver);

/// The published ideas of the event as cards.
std::vector<core::IdeaCard> publishedCards(storage::Store& store, const std::string& eventId);

}  // namespace kiosk::app
