// Prepared statements kept per connection: reused, given back reset (no read snapshot held), safe when the same
// query runs again inside its own loop.
#include "fixtures.h"
#include "storage/statement_cache.h"

#include <SQLiteCpp/Database.h>

#include <doctest/doctest.h>

using namespace storage;

namespace {

std::vector<int> numbers(StatementCache& cache) {
    std::vector<int> result;
    auto q = cache.get("SELECT n FROM t ORDER BY n");
    while (q->executeStep()) result.push_back(q->getColumn(0).getInt());
    return result;
}

}  // namespace

TEST_SUITE("store.statement_cache") {
    TEST_CASE("a statement is prepared once, and every lease starts from the beginning without old bindings") {
        SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("CREATE TABLE t(n INTEGER); INSERT INTO t VALUES (1), (2), (3)");
        StatementCache cache(db);
        {
            auto q = cache.get("SELECT count(*) FROM t WHERE n >= ?");
            q->bind(1, 2);
            REQUIRE(q->executeStep());
            CHECK(q->getColumn(0).getInt() == 2);
        }
        {
            auto q = cache.get("SELECT count(*) FROM t WHERE n >= ?");
            REQUIRE(q->executeStep());  // the binding of the last lease is gone: NULL, which no row meets
            CHECK(q->getColumn(0).getInt() == 0);
        }
        CHECK(numbers(cache) == std::vector<int>{1, 2, 3});
        CHECK(numbers(cache) == std::vector<int>{1, 2, 3});
        CHECK(cache.size() == 2);
    }

    TEST_CASE("a lease that stopped after its first row holds no snapshot: the connection sees later commits") {
        fixtures::TempFile file("cache.db");
        SQLite::Database writer(file.path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        writer.exec("PRAGMA journal_mode=WAL; CREATE TABLE t(n INTEGER); INSERT INTO t VALUES (1), (2)");
        SQLite::Database reader(file.path, SQLite::OPEN_READONLY);
        StatementCache cache(reader);
        {
            auto q = cache.get("SELECT n FROM t ORDER BY n");
            REQUIRE(q->executeStep());  // one row of two: the statement is still running when the lease ends
        }
        writer.exec("INSERT INTO t VALUES (3)");
        CHECK(numbers(cache) == std::vector<int>{1, 2, 3});
    }

    TEST_CASE("the same query inside its own loop gets a statement of its own") {
        SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("CREATE TABLE t(n INTEGER); INSERT INTO t VALUES (1), (2)");
        StatementCache cache(db);
        std::vector<std::vector<int>> inner;
        {
            auto outer = cache.get("SELECT n FROM t ORDER BY n");
            while (outer->executeStep()) inner.push_back(numbers(cache));
        }
        CHECK(inner == std::vector<std::vector<int>>{{1, 2}, {1, 2}});
        CHECK(numbers(cache) == std::vector<int>{1, 2});
        CHECK(cache.size() == 1);
    }

    TEST_CASE("a statement that does not prepare throws and is not kept") {
        SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        StatementCache cache(db);
        CHECK_THROWS(cache.get("SELECT n FROM no_such_table"));
        CHECK(cache.size() == 0);
        db.exec("CREATE TABLE no_such_table(n INTEGER)");
        CHECK(cache.get("SELECT n FROM no_such_table")->executeStep() == false);
    }
}
