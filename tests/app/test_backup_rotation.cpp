// Rotating backups: a readable copy each time, the oldest beyond `keep` removed, other files left alone.
#include "app_fixtures.h"

#include "kiosk/app/logic/backup_rotation.h"
#include "storage/store.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

TEST_SUITE("backup_rotation") {
    TEST_CASE("keeps the newest N and touches nothing else") {
        const fs::path folder = app_fixtures::freshFolder("rotation");
        const fs::path db = folder / "live.db";
        app_fixtures::ConferenceStore conference(db.string());
        conference.add("Stadtrundfahrten mit Migranten");
        const fs::path backups = folder / "backups";
        fs::create_directories(backups);
        std::ofstream(backups / "notes.txt") << "not a backup";

        const std::time_t start = 1261069200;  // 2009-12-17 17:00 UTC
        for (int hour = 0; hour < 5; ++hour) {
            const auto result = kiosk::app::rotateBackup(*conference.store, backups.string(), 3, start + hour * 3600);
            CHECK(fs::exists(result.written));
            CHECK(result.removed.size() == (hour < 3 ? 0u : 1u));
        }
        const auto kept = kiosk::app::rotatedBackups(backups.string());
        REQUIRE(kept.size() == 3);
        CHECK(fs::path(kept.front()).filename() == "ideenkiosk-20091217-190000.db");
        CHECK(fs::path(kept.back()).filename() == "ideenkiosk-20091217-210000.db");
        CHECK(fs::exists(backups / "notes.txt"));

        // The newest copy is a database with the idea in it.
        storage::StoreOptions readOnly;
        readOnly.readOnly = true;
        storage::Store copy(kept.back(), readOnly);
        storage::IdeaQuery any;
        any.statuses = {storage::IdeaStatus::Pending, storage::IdeaStatus::Published};
        CHECK(copy.ideas(conference.eventId, any).size() == 1);
    }

    TEST_CASE("a folder that cannot be made is one clear error") {
        app_fixtures::ConferenceStore conference;
        CHECK_THROWS_AS(kiosk::app::rotateBackup(*conference.store, "/proc/ideenkiosk-backups", 3, 0), storage::StoreError);
    }
}
