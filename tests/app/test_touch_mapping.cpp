// doctor's touch-to-screen check on two machines kept as files (tests/app/fixtures/touch/<machine>/ holds their
// /proc/bus/input/devices, udev database entries and /sys/class/drm connectors): a laptop with its one screen,
// and a venue PC with the kiosk's screen and a projector, its touchscreen tied to the kiosk's screen by udev.
#include "kiosk/app/logic/touch_mapping.h"

#include <doctest/doctest.h>

using namespace kiosk::app;

namespace {

std::filesystem::path machine(const char* name) {
    return std::filesystem::path(IDEEN_SOURCE_DIR) / "tests/app/fixtures/touch" / name;
}

bool mentions(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_SUITE("touch_mapping") {
    TEST_CASE("the facts are read from the files") {
        const auto venue = readTouchMappingFacts(machine("venue"));
        REQUIRE(venue.touchscreens.size() == 1);  // the mouse is no touchscreen
        CHECK(venue.touchscreens[0].name == "eGalax Inc. USB TouchController");
        CHECK(venue.touchscreens[0].eventNode == "event7");
        CHECK(venue.outputOf.at("event7") == "HDMI-A-1");
        CHECK(venue.connectedOutputs == std::vector<std::string>{"DP-1", "HDMI-A-1"});  // DP-2 has no screen

        const auto laptop = readTouchMappingFacts(machine("laptop"));
        REQUIRE(laptop.touchscreens.size() == 1);
        CHECK(laptop.outputOf.empty());
        CHECK(laptop.connectedOutputs == std::vector<std::string>{"eDP-1"});

        CHECK(readTouchMappingFacts(machine("no-such-machine")).touchscreens.empty());
        CHECK(udevProperty("E:ID_INPUT=1\nE:WL_OUTPUT=DP-1\n", "WL_OUTPUT") == "DP-1");
        CHECK(udevProperty("E:WL_OUTPUT_X=DP-1\n", "WL_OUTPUT").empty());
    }

    TEST_CASE("one screen: the touches land on it") {
        const auto line = checkTouchMapping(readTouchMappingFacts(machine("laptop")));
        CHECK(line.verdict == Verdict::Ok);
        CHECK(mentions(line.detail, "ELAN Touchscreen -> the only screen, eDP-1"));
    }

    TEST_CASE("two screens") {
        auto facts = readTouchMappingFacts(machine("venue"));
        SUBCASE("tied by udev to the kiosk's screen") {
            const auto line = checkTouchMapping(facts);
            CHECK(line.verdict == Verdict::Ok);
            CHECK(line.detail == "eGalax Inc. USB TouchController -> HDMI-A-1");
        }
        SUBCASE("tied to nothing: a warning with the rule to write") {
            facts.outputOf.clear();
            const auto line = checkTouchMapping(facts);
            CHECK(line.verdict == Verdict::Warning);
            CHECK(mentions(line.detail, "tied to no screen"));
            CHECK(mentions(line.detail, "DP-1, HDMI-A-1"));
            CHECK(mentions(line.advice, "ATTRS{name}==\"eGalax Inc. USB TouchController\", ENV{WL_OUTPUT}=\"DP-1\""));
            CHECK(mentions(line.advice, "/etc/udev/rules.d/91-ideenkiosk-touch.rules"));
        }
        SUBCASE("tied to a connector without a screen") {
            facts.outputOf["event7"] = "DP-2";
            const auto line = checkTouchMapping(facts);
            CHECK(line.verdict == Verdict::Warning);
            CHECK(mentions(line.detail, "tied to DP-2, which has no screen"));
            CHECK(mentions(line.advice, "WL_OUTPUT"));
        }
    }

    TEST_CASE("nothing to map") {
        TouchMappingFacts none;
        none.connectedOutputs = {"HDMI-A-1", "DP-1"};
        CHECK(checkTouchMapping(none).verdict == Verdict::Ok);
        auto noScreens = readTouchMappingFacts(machine("venue"));
        noScreens.connectedOutputs.clear();
        CHECK(checkTouchMapping(noScreens).verdict == Verdict::Ok);
    }
}
