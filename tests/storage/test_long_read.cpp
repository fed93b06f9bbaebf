// A whole-file read with the quick check beside it: the read goes on, the damage is still named before any result counts.
#include "fixtures.h"
#include "storage/long_read.h"
#include "storage/store.h"

#include <SQLiteCpp/Database.h>

#include <doctest/doctest.h>

#include <fstream>
#include <string>

using namespace storage;

namespace {

// A file of 200 ideas and a few moderation entries, everything checkpointed into the database file.
std::string writeEvent(const fixtures::TempFile& file) {
    Store store(file.path);
    const auto event = store.createEvent(fixtures::conference());
    store.transaction([&] {  // one commit: the test pays for one fsync, not hundreds
        for (int i = 0; i < 200; ++i) store.submitIdea(event, fixtures::idea("Idee Nummer " + std::to_string(i)));
        const auto first = store.ideaByNumber(event, 1);
        for (int i = 0; i < 30; ++i) store.setPinned(first->id, i % 2 == 0, "moderation");
    });
    store.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    return event;
}

// Garbage over the moderation log's root page: reading ideas still works, quick_check alone notices.
void damageModerationLog(const fixtures::TempFile& file) {
    int page = 0;
    {
        SQLite::Database db(file.path, SQLite::OPEN_READONLY);
        page = db.execAndGet("SELECT rootpage FROM sqlite_schema WHERE name = 'moderation_log'").getInt();
    }
    std::fstream f(file.path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(page - 1) * 4096);
    f << std::string(4096, '\x5a');
}

}  // namespace

TEST_SUITE("long_read") {
    TEST_CASE("a sound file: the read works and verify() passes") {
        fixtures::TempFile file("long_read_sound.db");
        const std::string event = writeEvent(file);
        LongRead read(file.path);
        IdeaQuery every;
        CHECK(read.store().ideas(event, every).size() == 200);
        CHECK_NOTHROW(read.verify());
        CHECK_NOTHROW(read.verify());  // a second wait is no error
    }

    TEST_CASE("damage only the check finds: the read goes on, verify() names the damage, the next open checks again") {
        fixtures::TempFile file("long_read_damaged.db");
        const std::string event = writeEvent(file);
        damageModerationLog(file);
        {
            LongRead read(file.path);
            IdeaQuery every;
            CHECK(read.store().ideas(event, every).size() == 200);
            CHECK_THROWS_WITH_AS(read.verify(), doctest::Contains("is damaged"), StoreError);
        }
        // Only LongRead's own Store skips the check: any other open on this thread still refuses the file.
        StoreOptions readOnly;
        readOnly.readOnly = true;
        CHECK_THROWS_WITH_AS(Store(file.path, readOnly), doctest::Contains("is damaged"), StoreError);
    }

    TEST_CASE("a file that cannot be opened is refused at once, as by Store") {
        fixtures::TempFile file("long_read_garbage.db");
        std::ofstream(file.path) << std::string(8192, 'x');
        CHECK_THROWS_WITH_AS(LongRead{file.path}, doctest::Contains(file.path.c_str()), StoreError);
        StoreOptions readOnly;
        readOnly.readOnly = true;
        CHECK_THROWS_AS(Store(file.path, readOnly), StoreError);
    }

    TEST_CASE("nobody waits: the check ends before its object goes") {
        fixtures::TempFile file("long_read_unwaited.db");
        writeEvent(file);
        damageModerationLog(file);
        CHECK_NOTHROW(LongRead{file.path});
    }
}
