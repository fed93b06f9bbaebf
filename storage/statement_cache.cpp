// Prepared statements kept per connection (see statement_cache.h).
#include "storage/statement_cache.h"

namespace storage {

StatementCache::Lease::Lease(Lease&& other) noexcept
    : m_own(std::move(other.m_own)), m_statement(other.m_statement), m_lent(other.m_lent) {
    other.m_statement = nullptr;
    other.m_lent = nullptr;
}

StatementCache::Lease::~Lease() {
    if (m_statement == nullptr || m_own) return;  // moved from, or a statement of its own that dies with it
    m_statement->tryReset();
    try {
        m_statement->clearBindings();
    } catch (...) {
        // sqlite3_clear_bindings cannot fail; the next user binds every parameter it uses anyway.
    }
    *m_lent = false;
}

StatementCache::Lease StatementCache::get(const std::string& sql) {
    Entry& entry = m_entries[sql];
    if (entry.lent) return Lease(std::make_unique<SQLite::Statement>(m_db, sql));
    if (!entry.statement) {
        try {
            entry.statement = std::make_unique<SQLite::Statement>(m_db, sql);
        } catch (...) {
            m_entries.erase(sql);  // a statement that does not prepare is not kept (nor is its key)
            throw;
        }
    }
    entry.lent = true;
    return Lease(entry.statement.get(), &entry.lent);
}

}  // namespace storage
