// kiosk.toml: the values a venue PC sets, and clear refusals of what would otherwise silently do nothing.
#include "kiosk/app/logic/kiosk_config.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using kiosk::app::ConfigError;
using kiosk::app::parseKioskConfig;

namespace {

std::string refusal(const std::string& text) {
    try {
        parseKioskConfig(text, "kiosk.toml");
    } catch (const ConfigError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_SUITE("kiosk_config") {
    TEST_CASE("reads every setting") {
        const auto config = parseKioskConfig(R"(
database = "/var/lib/ideenkiosk/ideenkiosk.db"
event_file = "/etc/ideenkiosk/event.toml"
[kiosk]
monitor = 1
idle_timeout = 90
projector_monitor = 3
[projector]
monitor = 2
[server]
url = "postgresql://kiosk@server/ideen"
[phones]
enabled = true
port = 8080
[backup]
folder = "/var/lib/ideenkiosk/backups"
keep = 24
)", "kiosk.toml");
        CHECK(config.database == "/var/lib/ideenkiosk/ideenkiosk.db");
        CHECK(config.eventFile == "/etc/ideenkiosk/event.toml");
        CHECK(config.monitor == 1);
        CHECK(config.idleTimeout == doctest::Approx(90.0));
        CHECK(config.projectorMonitor == 2);
        CHECK(config.kioskProjectorMonitor == 3);
        CHECK(config.server == "postgresql://kiosk@server/ideen");
        CHECK(config.phonesEnabled == true);
        CHECK(config.phonesPort == 8080);
        CHECK(config.backupKeep == 24);
        CHECK_FALSE(config.assets.has_value());
    }

    TEST_CASE("an empty file and an empty server set nothing") {
        const auto config = parseKioskConfig("[server]\nurl = \"\"\n", "kiosk.toml");
        CHECK_FALSE(config.server.has_value());
        CHECK_FALSE(config.database.has_value());
        CHECK_FALSE(config.idleTimeout.has_value());
    }

    TEST_CASE("refuses what would silently do nothing") {
        SUBCASE("a misspelt key") { CHECK(refusal("[kiosk]\nidle_timout = 5\n").find("kiosk.idle_timout") != std::string::npos); }
        SUBCASE("an unknown top-level key") { CHECK(refusal("databse = \"x\"\n").find("databse") != std::string::npos); }
        SUBCASE("a wrong type") { CHECK(refusal("[kiosk]\nmonitor = \"eins\"\n").find("kiosk.monitor") != std::string::npos); }
        SUBCASE("broken TOML names the line") { CHECK(refusal("database = \"x\"\n[kiosk\n").find("kiosk.toml:2") != std::string::npos); }
        SUBCASE("keeping no backups") { CHECK(refusal("[backup]\nkeep = 0\n").find("backup.keep") != std::string::npos); }
    }

    TEST_CASE("the moderators' panel starts in [kiosk] panel_language, a known code") {
        const auto config = parseKioskConfig("[kiosk]\npanel_language = \"ar\"\n", "kiosk.toml");
        CHECK(config.panelLanguage == std::optional<std::string>("ar"));
        CHECK_FALSE(parseKioskConfig("[kiosk]\nmonitor = 1\n", "kiosk.toml").panelLanguage);
        CHECK(refusal("[kiosk]\npanel_language = \"xx\"\n").find("xx") != std::string::npos);
        CHECK(refusal("[kiosk]\npanel_language = [\"de\"]\n").find("panel_language") != std::string::npos);
    }

    TEST_CASE("the languages a kiosk offers: known codes, in the order given, none twice") {
        const auto config = parseKioskConfig("[kiosk]\nlanguages = [\"uk\", \"de\", \"pl\"]\n", "kiosk.toml");
        REQUIRE(config.languages);
        CHECK(*config.languages == std::vector<std::string>{"uk", "de", "pl"});
        CHECK_FALSE(parseKioskConfig("[kiosk]\nmonitor = 1\n", "kiosk.toml").languages);
        SUBCASE("an unknown code names it and the known ones") {
            const std::string message = refusal("[kiosk]\nlanguages = [\"de\", \"xx\"]\n");
            CHECK(message.find("'xx'") != std::string::npos);
            CHECK(message.find("de, de-einfach, tr, en") != std::string::npos);
        }
        SUBCASE("twice") { CHECK(refusal("[kiosk]\nlanguages = [\"de\", \"de\"]\n").find("twice") != std::string::npos); }
        SUBCASE("none") { CHECK(refusal("[kiosk]\nlanguages = []\n").find("empty") != std::string::npos); }
        SUBCASE("not text") { CHECK(refusal("[kiosk]\nlanguages = [1]\n").find("list of text") != std::string::npos); }
        SUBCASE("not a list") { CHECK(refusal("[kiosk]\nlanguages = \"de\"\n").find("list of text") != std::string::npos); }
    }

    TEST_CASE("a missing file is one clear error") {
        CHECK_THROWS_AS(kiosk::app::loadKioskConfig("/nonexistent/kiosk.toml"), ConfigError);
    }
}
