// Prepared statements kept per connection for the paths that run hundreds of times a second (a phone's vote, the
// group writer's batch): preparing a statement costs SQLite more than running it (half the phone writer's CPU).
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <memory>
#include <string>
#include <unordered_map>

namespace storage {

class StatementCache {
public:
    /// A statement lent out until the end of the scope; given back reset, with its bindings cleared, so it holds no
    /// read snapshot open (an unfinished SELECT would keep its connection's view of the file from moving on).
    class Lease {
    public:
        Lease(Lease&& other) noexcept;
        Lease& operator=(Lease&&) = delete;
        ~Lease();
        SQLite::Statement& operator*() const { return *m_statement; }
        SQLite::Statement* operator->() const { return m_statement; }

    private:
        friend class StatementCache;
        Lease(SQLite::Statement* cached, bool* lent) : m_statement(cached), m_lent(lent) {}
        explicit Lease(std::unique_ptr<SQLite::Statement> own) : m_own(std::move(own)), m_statement(m_own.get()) {}
        std::unique_ptr<SQLite::Statement> m_own;  ///< a statement prepared for this lease alone (see get)
        SQLite::Statement* m_statement = nullptr;
        bool* m_lent = nullptr;                    ///< the cache's mark for a cached statement; null for m_own
    };

    explicit StatementCache(SQLite::Database& db) : m_db(db) {}

    /// `sql` prepared on this connection: the kept statement, or while that one is lent out (a caller that runs the
    /// same query again inside its own loop), a fresh one for this lease alone.
    Lease get(const std::string& sql);
    std::size_t size() const { return m_entries.size(); }

private:
    struct Entry {
        std::unique_ptr<SQLite::Statement> statement;
        bool lent = false;
    };
    SQLite::Database& m_db;
    std::unordered_map<std::string, Entry> m_entries;
};

}  // namespace storage
