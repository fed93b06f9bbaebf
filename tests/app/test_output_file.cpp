// Atomic output files: the whole text or the old file, never a half file, and no temporary file left behind.
#include "app_fixtures.h"

#include "kiosk/app/logic/output_file.h"
#include "storage/store.h"

#include <doctest/doctest.h>

#include <filesystem>

namespace fs = std::filesystem;
using app_fixtures::fileText;

TEST_SUITE("output_file") {
    TEST_CASE("writes, replaces, and leaves only the file") {
        const fs::path folder = app_fixtures::freshFolder("output-file");
        const fs::path file = folder / "out.csv";
        kiosk::app::writeOutput(file.string(), std::string("a;b\r\n"));
        CHECK(fileText(file) == "a;b\r\n");
        SUBCASE("a stream producer replaces the old text") {
            kiosk::app::writeOutput(file.string(), [](std::ostream& out) { out << "neu"; });
            CHECK(fileText(file) == "neu");
        }
        SUBCASE("a producer that throws leaves the old file and no temporary one") {
            CHECK_THROWS(kiosk::app::writeOutput(file.string(), [](std::ostream& out) {
                out << "halb";
                throw std::runtime_error("disk full");
            }));
            CHECK(fileText(file) == "a;b\r\n");
        }
        CHECK(std::distance(fs::directory_iterator(folder), fs::directory_iterator()) == 1);
        fs::remove_all(folder);
    }

    TEST_CASE("a folder that is not there is a clear error") {
        CHECK_THROWS_AS(kiosk::app::writeOutput("/nonexistent-folder/out.csv", std::string("x")), storage::StoreError);
    }
}
