// The kiosk's connection to its database, opened on demand, so a file it cannot use is trouble, not an exit.
#pragma once

#include "storage/store.h"

#include <memory>
#include <string>

namespace kiosk::app {

/// Holds the kiosk's Store and its active event. Opening can fail (a corrupt or read-only file, a full disk,
/// no active event); the kiosk then shows its trouble screen and asks again every few seconds. After any
/// failure the connection is dropped and the next use opens the file afresh, which also picks up a file that
/// was replaced in the meantime (a restored backup).
class StoreKeeper {
public:
    /// options: the busy timeout and word list every connection it opens gets.
    StoreKeeper(std::string path, storage::StoreOptions options);

    /// The open store, opening the file first if needed; nullptr when it cannot be used now (logged when
    /// the reason changes, so a kiosk waiting all day does not fill its log).
    storage::Store* get();
    /// The open store or nullptr, without trying to open it (for the frame loop, every frame).
    storage::Store* current() { return m_store.get(); }
    /// The active event of the open store.
    const storage::Event& event() const { return m_event; }
    /// Counts successful opens: a new connection means caches built from the old one are stale.
    int opens() const { return m_opens; }
    /// Forgets the connection after a failure; the next get() opens the file again.
    void drop();

private:
    std::string m_path;
    storage::StoreOptions m_options;
    std::unique_ptr<storage::Store> m_store;
    storage::Event m_event;
    int m_opens = 0;
    std::string m_lastProblem;
};

}  // namespace kiosk::app
