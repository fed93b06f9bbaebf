// Demo data: a fresh event with plausible ideas and votes in German, Turkish and English.
#pragma once

#include "storage/store.h"

#include <cstdint>
#include <string>

namespace storage {

/// Settings of the demo event (the Herten integration conference), used when no TOML is given.
EventSettings demoEventSettings();

/// The `index`-th plausible idea for this event (texts vary with the index; categories fit the event).
NewIdea demoIdea(const Event& event, int index);

/// Fills the event with `ideas` ideas and `votes` live votes cast through kiosk sessions that respect the
/// event's budget, over a conference day, in one transaction. Deterministic for a seed.
void fillDemo(Store& store, const std::string& eventId, int ideas, int votes, std::uint64_t seed);

}  // namespace storage
