// Opening databases: creation, migrations, refusal of foreign, newer and damaged files, transactions.
#include "fixtures.h"
#include "storage/schema.h"

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <thread>

using namespace storage;

TEST_SUITE("store.open") {
    TEST_CASE("a new file gets our identity, the current schema and WAL") {
        fixtures::TempFile file("new.db");
        { Store store(file.path); }
        SQLite::Database db(file.path);
        CHECK(db.execAndGet("PRAGMA application_id").getInt() == Store::kApplicationId);
        CHECK(db.execAndGet("PRAGMA user_version").getInt() == Store::kSchemaVersion);
        CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "wal");
        SUBCASE("reopening keeps the kiosk id and changes nothing") {
            std::string first;
            { first = Store(file.path).kioskId(); }
            CHECK(Store(file.path).kioskId() == first);
            CHECK(db.execAndGet("PRAGMA user_version").getInt() == Store::kSchemaVersion);
        }
    }

    TEST_CASE("a name that looks like an SQLite URI is a plain file, never an in-memory database") {
        fixtures::TempFile anchor("uri-anchor.db");
        const auto folder = std::filesystem::path(anchor.path).parent_path();
        const auto previous = std::filesystem::current_path();
        std::filesystem::current_path(folder);
        const std::string name = "file:uri.db?mode=memory";
        std::filesystem::remove(name);
        {
            Store store(name);
            store.createEvent(fixtures::conference());
        }
        CHECK(std::filesystem::is_regular_file(folder / name));
        CHECK(Store(name).events().size() == 1);
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(name + suffix);
        std::filesystem::current_path(previous);
    }

    TEST_CASE("every migration applies from an empty file, and each earlier version migrates") {
        for (const auto& target : migrations()) {
            fixtures::TempFile file("migrate.db");
            {
                // Bring a file to an earlier version with the steps up to it, as an older build would have.
                SQLite::Database db(file.path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
                std::vector<Migration> older;
                for (const auto& step : migrations()) {
                    if (step.version < target.version) older.push_back(step);
                }
                migrate(db, file.path, Store::kApplicationId, older);
            }
            Store store(file.path);
            CHECK(store.check().ok);
            CHECK(store.check().schemaVersion == Store::kSchemaVersion);
        }
    }

    TEST_CASE("an event written at schema 2 migrates to show counts live and the projector running") {
        fixtures::TempFile file("v2.db");
        fixtures::writeFileAtSchema(file.path, 2);
        Store store(file.path);
        const auto event = store.requireActiveEvent();
        CHECK(event.settings.title == "Konferenz 2009");
        CHECK_FALSE(event.settings.countsAfterReveal);
        CHECK_FALSE(event.settings.countsRevealed);
        CHECK_FALSE(event.settings.projectorFrozen);
        CHECK(event.settings.countsVisible());
    }

    TEST_CASE("a file of schema 7 migrates to live vote counts kept by triggers, filled from its votes") {
        fixtures::TempFile file("v7.db");
        std::string session, a, b;
        {
            Store store(file.path);
            const auto event = store.createEvent(fixtures::conference(3));
            a = store.submitIdea(event, fixtures::idea("Stadtrundfahrten mit Migranten")).id;
            b = store.submitIdea(event, fixtures::idea("Sprachcafé im Glashaus")).id;
            session = store.startSession(event, "de");
            store.castVote(session, a);
            store.castVote(session, b);
            store.retractVote(session, a);
        }
        {
            // Back to what schema 7 had: the session's index of (session, kind, id), no live_votes.
            SQLite::Database db(file.path, SQLite::OPEN_READWRITE);
            db.exec("DROP TRIGGER votes_live_vote; DROP TRIGGER votes_live_retract; DROP TABLE live_votes; "
                    "DROP INDEX votes_session_idea; CREATE INDEX votes_session_kind ON votes(session_id, kind, id); "
                    "PRAGMA user_version=7");
        }
        Store store(file.path);
        CHECK(store.session(session)->votesUsed == 1);
        SQLite::Statement kept(store.db(), "SELECT idea_id, live FROM live_votes WHERE session_id = ?");
        kept.bind(1, session);
        REQUIRE(kept.executeStep());
        CHECK(kept.getColumn(0).getString() == b);
        CHECK(kept.getColumn(1).getInt() == 1);
        CHECK_FALSE(kept.executeStep());
        const auto named = [&](const char* type, const char* name) {
            return store.db().execAndGet(std::string("SELECT count(*) FROM sqlite_schema WHERE type = '") + type +
                                         "' AND name = '" + name + "'").getInt();
        };
        CHECK(named("index", "votes_session_idea") == 1);
        CHECK(named("index", "votes_session_kind") == 0);
        CHECK(named("trigger", "votes_live_vote") == 1);
        CHECK(named("trigger", "votes_live_retract") == 1);
        // The triggers keep counting after the migration.
        store.castVote(session, a);
        CHECK(store.session(session)->votesUsed == 2);
        CHECK(store.check().ok);
    }

    TEST_CASE("a failing migration step leaves the file at the previous version") {
        fixtures::TempFile file("failing.db");
        SQLite::Database db(file.path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        std::vector<Migration> steps = migrations();
        const int broken = steps.back().version + 1;
        steps.push_back({broken, [](SQLite::Database& d) {
                             d.exec("CREATE TABLE half_done(x)");
                             d.exec("THIS IS NOT SQL");
                         }});
        CHECK_THROWS(migrate(db, file.path, Store::kApplicationId, steps));
        CHECK(db.execAndGet("PRAGMA user_version").getInt() == Store::kSchemaVersion);
        CHECK(db.execAndGet("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'").getInt() == 0);
    }

    TEST_CASE("files that are not ours, newer or damaged are refused with the path in the message") {
        fixtures::TempFile file("foreign.db");
        SUBCASE("another program's SQLite database") {
            { SQLite::Database db(file.path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE); db.exec("CREATE TABLE t(x)"); }
            CHECK_THROWS_WITH_AS(Store{file.path}, doctest::Contains("not Ideenkiosk's"), StoreError);
        }
        SUBCASE("another application id") {
            { SQLite::Database db(file.path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE); db.exec("PRAGMA application_id=42"); }
            CHECK_THROWS_WITH_AS(Store{file.path}, doctest::Contains("is not an Ideenkiosk database"), StoreError);
        }
        SUBCASE("a newer schema") {
            { Store store(file.path); }
            { SQLite::Database db(file.path, SQLite::OPEN_READWRITE); db.exec("PRAGMA user_version=99"); }
            CHECK_THROWS_WITH_AS(Store{file.path}, doctest::Contains("newer Ideenkiosk (schema 99)"), StoreError);
        }
        SUBCASE("garbage") {
            std::ofstream(file.path) << std::string(8192, 'x');
            CHECK_THROWS_WITH_AS(Store{file.path}, doctest::Contains(file.path.c_str()), StoreError);
        }
        SUBCASE("a damaged page") {
            {
                Store store(file.path);
                const auto event = store.createEvent(fixtures::conference());
                for (int i = 0; i < 300; ++i) store.submitIdea(event, fixtures::idea("Idee Nummer " + std::to_string(i)));
                store.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            {
                std::fstream f(file.path, std::ios::in | std::ios::out | std::ios::binary);
                f.seekp(4096 * 3);  // the header of a b-tree page
                f << std::string(200, '\x5a');
            }
            CHECK_THROWS_AS(Store{file.path}, StoreError);
        }
    }

    TEST_CASE("an exception inside transaction() rolls everything back") {
        fixtures::ManualClock clock;
        Store store(":memory:", fixtures::options(clock));
        const auto event = store.createEvent(fixtures::conference());
        CHECK_THROWS_AS(store.transaction([&] {
            store.submitIdea(event, fixtures::idea("Erste Idee"));
            store.submitIdea(event, fixtures::idea("Zweite Idee"));
            throw std::runtime_error("power cut");
        }),
                        std::runtime_error);
        CHECK(store.ideas(event).empty());
        SUBCASE("and the store stays usable") {
            CHECK(store.submitIdea(event, fixtures::idea("Danach")).number == 1);
        }
    }

    TEST_CASE("a write gets in while another connection lets go of the file only for moments between transactions") {
        // The pattern of the sync worker applying a pulled backlog: the write lock held most of the time, free for
        // a moment between transactions (its round trip to the server) and taken again at once. SQLite's own busy
        // handler sleeps 1, 2, 5, 10 … 50, then 100 ms between its looks: 17 looks in this writer's timeout, the
        // first five inside the hold the write began in, the others each with a 1 in 11 chance to fall into a 3 ms
        // gap of the 33 ms cycle, so about one write in three is refused and a series of 24 nearly always meets one
        // (10 of 10 runs failed with it). Ours (schema.cpp) looks every 2 ms, so at least once in every gap.
        fixtures::TempFile file("gaps.db");
        std::string event;
        {
            Store store(file.path);
            event = store.createEvent(fixtures::conference());
        }
        StoreOptions shortWait;
        shortWait.busyTimeoutMs = 800;
        Store writer(file.path, shortWait);

        std::atomic<int> holds{0};
        std::atomic<bool> done{false};
        std::thread holder([&] {
            SQLite::Database db(file.path, SQLite::OPEN_READWRITE);
            // Takes the file back as soon as the writer lets go, without growing sleeps of its own.
            sqlite3_busy_handler(
                db.getHandle(),
                [](void*, int) {
                    std::this_thread::sleep_for(std::chrono::microseconds(100));
                    return 1;
                },
                nullptr);
            while (!done) {
                db.exec("BEGIN IMMEDIATE");
                ++holds;
                std::this_thread::sleep_for(std::chrono::milliseconds(30));
                db.exec("COMMIT");
                // The gap: spun, not slept, so that a busy machine's late wake-ups do not widen it.
                const auto gapEnds = std::chrono::steady_clock::now() + std::chrono::milliseconds(3);
                while (std::chrono::steady_clock::now() < gapEnds) {
                }
            }
        });

        constexpr int kWrites = 24;
        int saved = 0;
        int holdsBefore = 0;
        for (int i = 0; i < kWrites; ++i) {
            // Every write starts while the holder holds the file (as a kiosk's write meets the worker mid-batch):
            // wait until it has taken the file again since the previous write.
            while (holds == holdsBefore) std::this_thread::sleep_for(std::chrono::microseconds(100));
            try {
                writer.submitIdea(event, fixtures::idea("Zwischen zwei Transaktionen " + std::to_string(i)));
                ++saved;
                holdsBefore = holds;
            } catch (const std::exception& e) {
                MESSAGE("write ", i, " refused after its busy timeout: ", std::string(e.what()));
                break;  // one refusal is the failure; the rest would only wait out more timeouts
            }
        }
        done = true;
        holder.join();
        CHECK(saved == kWrites);
        CHECK(writer.ideas(event).size() == static_cast<std::size_t>(saved));
    }

    TEST_CASE("ids are UUIDv7 text and sort in creation order") {
        fixtures::ManualClock clock;
        Store store(":memory:", fixtures::options(clock));
        const std::regex uuid7("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        std::string previous;
        for (int i = 0; i < 5000; ++i) {
            if (i % 1000 == 0) clock.advance(1);
            const std::string id = store.newId();
            CHECK(std::regex_match(id, uuid7));
            CHECK(id > previous);
            previous = id;
        }
    }

    TEST_CASE("a read-only store refuses writes") {
        fixtures::TempFile file("ro.db");
        { Store store(file.path); store.createEvent(fixtures::conference()); }
        StoreOptions readOnly;
        readOnly.readOnly = true;
        Store store(file.path, readOnly);
        CHECK(store.events().size() == 1);
        CHECK_THROWS_AS(store.createEvent(fixtures::conference()), StoreError);
        CHECK_THROWS_AS(store.checkWritable(), StoreError);
        Store writable(file.path);
        CHECK_NOTHROW(writable.checkWritable());
        CHECK(writable.events().size() == 1);
        CHECK(writable.check().ok);
    }
}
