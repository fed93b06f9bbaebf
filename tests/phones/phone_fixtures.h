// The phone API straight on one store, for the phone tests without sockets.
#pragma once

#include "../storage/fixtures.h"

#include "phones/api.h"

namespace fixtures {

/// The API reads and writes through the one store, as the server's pool and writer would; its clock is the test's.
struct PhoneVenue : EventStore {
    phones::PhoneApi api{phones::Backend{[this](const phones::StoreWork& w) { w(store); },
                                         [this](const phones::StoreWork& w) { w(store); }},
                         phones::Limits{}, [this] { return *clock.now; }};
    explicit PhoneVenue(int budget) : EventStore(budget) {}
};

}  // namespace fixtures
