// The automation files: the elements' JSON byte for byte, invalid UTF-8 replaced, written only when changed.
#include "tests/app/app_fixtures.h"

#include "kiosk/app/present/automation.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using app_fixtures::fileText;

TEST_SUITE("automation") {
    TEST_CASE("elements: id, role, label, rect and enabled, as the tests read them") {
        const std::vector<kiosk::ui::UiElement> elements{{"start", "button", "Los", 10, 20, 300, 90, true},
                                                          {"key_a", "key", "a", 1.5f, 2, 3, 4, false}};
        const std::string text = kiosk::app::automationText({{"elements", kiosk::app::elementsJson(elements)}});
        CHECK(text == "{\n \"elements\": [\n  {\n   \"enabled\": true,\n   \"id\": \"start\",\n   \"label\": \"Los\",\n"
                      "   \"rect\": [\n    10.0,\n    20.0,\n    300.0,\n    90.0\n   ],\n   \"role\": \"button\"\n  },\n"
                      "  {\n   \"enabled\": false,\n   \"id\": \"key_a\",\n   \"label\": \"a\",\n   \"rect\": [\n    1.5,\n"
                      "    2.0,\n    3.0,\n    4.0\n   ],\n   \"role\": \"key\"\n  }\n ]\n}");
        CHECK(kiosk::app::elementsJson({}).dump() == "[]");
        // A button under the edge of a list: its rect is the part a tap can reach, and it says it is cut.
        kiosk::ui::UiElement cut{"vote:3", "button", "Unterstützen", 900, 760, 200, 15, true};
        cut.cut = true;
        CHECK(kiosk::app::elementsJson({cut})[0]["cut"] == true);
        // A switch says whether it is on (a test reads its state without looking at colours); other buttons say nothing.
        kiosk::ui::UiElement on{"contrast", "button", "Hoher Kontrast", 0, 0, 300, 90, true};
        on.checked = true;
        kiosk::ui::UiElement off = on;
        off.checked = false;
        const nlohmann::json switches = kiosk::app::elementsJson({on, off, cut});
        CHECK(switches[0]["checked"] == true);
        CHECK(switches[1]["checked"] == false);
        CHECK_FALSE(switches[2].contains("checked"));
    }

    TEST_CASE("a label cut inside a character shows U+FFFD instead of ending the kiosk") {
        const std::string text = kiosk::app::automationText({{"label", std::string("Gr\xC3")}});
        CHECK(text.find("Gr\xEF\xBF\xBD") != std::string::npos);
    }

    TEST_CASE("the file is written when its text changed, and only then") {
        const fs::path folder = app_fixtures::freshFolder("automation");
        const fs::path path = folder / "screen.json";
        kiosk::app::AutomationFile file(path.string());
        CHECK(file.enabled());
        file.update("eins");
        file.flush();
        CHECK(fileText(path) == "eins");
        std::ofstream(path) << "von außen";
        file.update("eins");
        file.flush();
        CHECK(fileText(path) == "von außen");  // unchanged text: no write
        file.update("zwei");
        file.flush();
        CHECK(fileText(path) == "zwei");
        SUBCASE("no path, no file") {
            kiosk::app::AutomationFile none("");
            CHECK_FALSE(none.enabled());
            none.update("drei");
            none.flush();
            CHECK(fileText(path) == "zwei");
        }
        SUBCASE("the newest text is in the file when the owner ends") {
            {
                kiosk::app::AutomationFile last(path.string());
                for (int i = 0; i < 50; ++i) last.update("Nummer " + std::to_string(i));
            }
            CHECK(fileText(path) == "Nummer 49");
        }
        fs::remove_all(folder);
    }

    TEST_CASE("a write that failed is tried again with the same text") {
        const fs::path folder = app_fixtures::freshFolder("automation-retry");
        const fs::path path = folder / "later" / "screen.json";  // its folder does not exist yet
        kiosk::app::AutomationFile file(path.string());
        file.update("eins");
        file.flush();
        CHECK_FALSE(fs::exists(path));
        fs::create_directories(path.parent_path());
        file.update("eins");
        file.flush();
        CHECK(fileText(path) == "eins");
        fs::remove_all(folder);
    }
}
