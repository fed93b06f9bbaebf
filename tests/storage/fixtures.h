// Shared setup for storage tests: a store with a controllable clock and fixed randomness.
#pragma once

#include "storage/store.h"

#include <functional>
#include <memory>
#include <string>

namespace fixtures {

/// A clock the test moves by hand; starts at 2009-12-17 17:00 UTC.
struct ManualClock {
    std::shared_ptr<storage::TimeMs> now = std::make_shared<storage::TimeMs>(1261069200000LL);
    void advance(storage::TimeMs ms) const { *now += ms; }
};

inline storage::StoreOptions options(const ManualClock& clock, std::uint64_t seed = 7, const std::string& kiosk = {}) {
    storage::StoreOptions o;
    auto time = clock.now;
    o.clock = [time] { return *time; };
    auto state = std::make_shared<std::uint64_t>(seed);
    o.random = [state] {
        *state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
        return *state;
    };
    o.kioskId = kiosk;
    return o;
}

inline storage::EventSettings conference(int budget = 3) {
    storage::EventSettings s;
    s.title = "Integrationskonferenz";
    s.venue = "Glashaus";
    s.voteBudget = budget;
    storage::Category begegnung;
    begegnung.key = "begegnung";
    begegnung.names = {{"de", "Begegnung"}, {"tr", "Tanışma"}, {"en", "Meeting"}};
    begegnung.color = "#e07a5f";
    storage::Category sprache;
    sprache.key = "sprache";
    sprache.names = {{"de", "Sprache"}, {"tr", "Dil"}, {"en", "Language"}};
    s.categories = {begegnung, sprache};
    return s;
}

inline storage::NewIdea idea(const std::string& title, const std::string& category = "begegnung") {
    storage::NewIdea i;
    i.title = title;
    i.category = category;
    return i;
}

/// A store in memory on the test's own clock, with one event of `budget` votes per session.
struct EventStore {
    ManualClock clock;
    storage::Store store{":memory:", options(clock)};
    std::string event;
    explicit EventStore(int budget = 3) : event(store.createEvent(conference(budget))) {}
    /// An idea submitted to the event (at a kiosk, published at once unless the event pre-moderates).
    storage::Idea submit(const std::string& title, const std::string& category = "begegnung") {
        return store.submitIdea(event, idea(title, category));
    }
};

/// The code of the RuleError the action throws ("no error" when it throws none); its message into `message`.
std::string codeOf(const std::function<void()>& action, std::string* message = nullptr);

/// The message of the RuleError the action throws, or "no error".
std::string messageOf(const std::function<void()>& action);

/// The newest moderation log entry as "ACTION by ACTOR: BEFORE -> AFTER" (or "nothing logged"), so one CHECK
/// compares it whole and prints it whole when it differs.
std::string lastLogged(storage::Store& store, const std::string& eventId);

/// Makes `path` a database at schema `version` (the migrations up to it) holding one active event 'e1'
/// ("Konferenz 2009", budget 5), as a kiosk of that version wrote it; opening it as a Store migrates it.
void writeFileAtSchema(const std::string& path, int version);

/// A unique temporary file path (removed with its -wal/-shm by TempFile's destructor).
struct TempFile {
    std::string path;
    explicit TempFile(const std::string& name);
    ~TempFile();
};

}  // namespace fixtures
