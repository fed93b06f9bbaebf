// Opening the kiosk's database on demand and dropping the connection after a failure.
#include "kiosk/app/logic/store_keeper.h"

#include <spdlog/spdlog.h>

namespace kiosk::app {

StoreKeeper::StoreKeeper(std::string path, storage::StoreOptions options)
    : m_path(std::move(path)), m_options(std::move(options)) {}

storage::Store* StoreKeeper::get() {
    if (m_store) return m_store.get();
    try {
        auto store = std::make_unique<storage::Store>(m_path, m_options);
        // SQLite quietly opens a file it may not write for reading only; every save would then fail.
        if (store->readOnly()) {
            throw storage::StoreError(m_path + " is read-only");
        }
        m_event = store->requireActiveEvent();
        m_store = std::move(store);
        ++m_opens;
        if (!m_lastProblem.empty()) spdlog::info("database {} is usable again", m_path);
        m_lastProblem.clear();
        return m_store.get();
    } catch (const std::exception& e) {
        if (e.what() != m_lastProblem) spdlog::error("database unavailable: {}", e.what());
        m_lastProblem = e.what();
        return nullptr;
    }
}

void StoreKeeper::drop() { m_store.reset(); }

}  // namespace kiosk::app
