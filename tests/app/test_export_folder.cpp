// A whole event into a folder: the four tables as CSV and JSON, the workbook, the report and a backup, in a new
// dated folder.
#include "app_fixtures.h"

#include "kiosk/app/logic/export_folder.h"
#include "storage/export.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

namespace fs = std::filesystem;
using app_fixtures::fileText;
using app_fixtures::freshFolder;

TEST_SUITE("export_folder") {
    TEST_CASE("every table twice and a backup, in a new folder") {
        fixtures::TempFile file("export-folder.db");
        app_fixtures::ConferenceStore c(file.path);
        c.add("Stadtrundfahrten mit Migranten");
        const fs::path folder = freshFolder("export-folder");
        const fs::path made = kiosk::app::exportToFolder(*c.store, c.eventId, folder.string());
        CHECK(made.parent_path() == folder);
        CHECK(made.filename().string().rfind("ideenkiosk-", 0) == 0);
        for (const auto& table : storage::kExportTables) {
            CHECK(fs::is_regular_file(made / (table + ".csv")));
            CHECK(fs::is_regular_file(made / (table + ".json")));
        }
        CHECK(fs::is_regular_file(made / "ideenkiosk-backup.db"));
        // The workbook (a zip) and the results report (a PDF) go onto the stick with the rest.
        CHECK(fileText(made / "ideenkiosk.xlsx").rfind("PK", 0) == 0);
        CHECK(fileText(made / "bericht.pdf").rfind("%PDF-", 0) == 0);
        // The CSV is the same bytes `export ideas` writes: German Excel's dialect with its BOM.
        std::ostringstream direct;
        storage::exportTable(*c.store, c.eventId, "ideas", storage::ExportOptions{}, direct);
        CHECK(fileText(made / "ideas.csv") == direct.str());
        CHECK(fileText(made / "ideas.csv").rfind("\xEF\xBB\xBF", 0) == 0);
        // Nothing else: no temporary files left behind.
        const auto files = std::distance(fs::directory_iterator(made), fs::directory_iterator());
        CHECK(files == static_cast<long>(storage::kExportTables.size() * 2 + 3));
        // What the panel then says it wrote: the same count, and the bytes of the files.
        const auto size = kiosk::app::folderSize(made.string());
        CHECK(size.files == files);
        std::uintmax_t bytes = 0;
        for (const auto& entry : fs::directory_iterator(made)) bytes += entry.file_size();
        CHECK(size.bytes == bytes);
        fs::remove_all(folder);
    }

    TEST_CASE("sizes for people, in decimal units as sticks are sold") {
        CHECK(kiosk::app::humanSize(999) == "999 B");
        CHECK(kiosk::app::humanSize(840000) == "840 KB");
        CHECK(kiosk::app::humanSize(12345678) == "12.3 MB");
    }

    TEST_CASE("a folder that is missing is refused with its name") {
        app_fixtures::ConferenceStore c;
        CHECK_THROWS_WITH_AS(kiosk::app::exportToFolder(*c.store, c.eventId, "/nonexistent-folder"),
                             doctest::Contains("/nonexistent-folder"), storage::StoreError);
    }

    TEST_CASE("candidates: writable folders only, the home folder last") {
        const fs::path home = freshFolder("export-home");
        const char* oldHome = std::getenv("HOME");
        const std::string savedHome = oldHome ? oldHome : "";
        ::setenv("HOME", home.c_str(), 1);
        const auto found = kiosk::app::exportFolderCandidates();
        REQUIRE_FALSE(found.empty());
        CHECK(found.back() == home.string());
        SUBCASE("a home folder that is not there is no candidate") {
            ::setenv("HOME", (home / "missing").c_str(), 1);
            const auto without = kiosk::app::exportFolderCandidates();
            CHECK(std::find(without.begin(), without.end(), (home / "missing").string()) == without.end());
        }
        ::setenv("HOME", savedHome.c_str(), 1);
        fs::remove_all(home);
    }
}
