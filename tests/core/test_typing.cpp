// Automatic capitals at the start of a field and of a sentence, and the thank-you screen's countdown.
#include "kiosk/core/keyboard.h"
#include "kiosk/core/state.h"
#include "kiosk/core/text_edit.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace kiosk::core;

namespace {

Key keyOf(const KeyboardModel& keyboard, const std::string& id) {
    for (const auto& row : keyboard.rows()) {
        for (const auto& key : row) {
            if (key.id == id) return key;
        }
    }
    FAIL("no key " << id);
    return {};
}

struct Wizard {
    KioskState state;
    double now = 100;
    void send(const Event& event) { state = reduce(state, event, now).state; }
    void keys(const std::vector<std::string>& ids) {
        for (const auto& id : ids) send(ev::KeyPressed{keyOf(state.keyboard, id)});
    }
    void toTitle(const std::string& language = "de") {
        send(ev::Begin{});
        send(ev::SessionStarted{"s1", 5, 1});
        send(ev::SetLanguage{language});
        send(ev::ChooseSubmit{});
        send(ev::PickCategory{"sprache"});
    }
    /// On to the description with a title typed.
    void toDescription() {
        toTitle();
        send(ev::TypeText{"Sprachcafé"});
        send(ev::Next{});
    }
};

}  // namespace

TEST_SUITE("core") {
    TEST_CASE("a capital is wanted at the start of a field and after a sentence's end") {
        CHECK(wantsCapital("", false));
        CHECK(wantsCapital("  ", false));
        CHECK_FALSE(wantsCapital("Stadt", false));
        CHECK_FALSE(wantsCapital("Stadt. ", false));  // titles: only the first letter
        CHECK(wantsCapital("Stadt. ", true));
        CHECK(wantsCapital("Gut! ", true));
        CHECK(wantsCapital("Wirklich? ", true));
        CHECK(wantsCapital("Zeile\n", true));
        CHECK_FALSE(wantsCapital("Stadt.", true));  // "3.5", "z.B" while typing
        CHECK_FALSE(wantsCapital("Stadt, ", true));
    }

    TEST_CASE("the keyboard shows capitals on an empty title until one letter is typed") {
        Wizard w;
        w.toTitle();
        REQUIRE(w.state.screen == Screen::SubmitTitle);
        CHECK(w.state.keyboard.shift);
        CHECK(w.state.keyboard.autoShift);
        w.keys({"key:s", "key:t", "key:a"});
        CHECK(w.state.draft.title == "Sta");
        CHECK_FALSE(w.state.keyboard.shift);
        SUBCASE("erasing everything brings the capitals back") {
            w.keys({"key:backspace", "key:backspace", "key:backspace"});
            CHECK(w.state.draft.title.empty());
            CHECK(w.state.keyboard.shift);
            w.keys({"key:o"});
            CHECK(w.state.draft.title == "O");
        }
        SUBCASE("a space or a full stop in a title does not capitalise") {
            w.keys({"key:space", "key:period", "key:space", "key:b"});
            CHECK(w.state.draft.title == "Sta . b");
        }
    }

    TEST_CASE("Arabic: no automatic shift page, and the title is stored as typed, in logical order") {
        Wizard w;
        w.toTitle("ar");
        REQUIRE(w.state.keyboard.layout == "ar");
        CHECK_FALSE(w.state.keyboard.shift);
        w.keys({"key:م", "key:ر", "key:ح", "key:ب", "key:ا", "key:space", "key:symbols", "key:2", "key:0"});
        CHECK(w.state.draft.title == "\u0645\u0631\u062D\u0628\u0627 20");
    }

    TEST_CASE("Turkish: the automatic capital of i is İ") {
        Wizard w;
        w.toTitle("tr");
        w.keys({"key:i", "key:z"});
        CHECK(w.state.draft.title == "İz");
    }

    TEST_CASE("tapping shift on automatic capitals keeps one capital, twice locks, thrice gives lower case") {
        Wizard w;
        w.toTitle();
        SUBCASE("once") {
            w.keys({"key:shift", "key:g", "key:r"});
            CHECK(w.state.draft.title == "Gr");
        }
        SUBCASE("twice") {
            w.keys({"key:shift", "key:shift", "key:g", "key:r"});
            CHECK(w.state.draft.title == "GR");
        }
        SUBCASE("three times") {
            w.keys({"key:shift", "key:shift", "key:shift", "key:g", "key:r"});
            CHECK(w.state.draft.title == "gr");
        }
    }

    TEST_CASE("the description capitalises its first letter and each new sentence") {
        Wizard w;
        w.toDescription();
        REQUIRE(w.state.screen == Screen::SubmitDescription);
        CHECK(w.state.keyboard.shift);
        w.keys({"key:j", "key:a", "key:period", "key:space", "key:g", "key:u", "key:t"});
        CHECK(w.state.draft.description == "Ja. Gut");
        w.keys({"key:enter", "key:n"});
        CHECK(w.state.draft.description == "Ja. Gut\nN");
    }

    TEST_CASE("the thank-you screen counts down and returns to the start by itself") {
        Wizard w;
        w.toDescription();
        w.send(ev::Next{});
        w.send(ev::Next{});
        REQUIRE(w.state.screen == Screen::SubmitReview);
        w.send(ev::Send{});
        w.send(ev::Saved{7, false});
        REQUIRE(w.state.screen == Screen::Thanks);
        CHECK(thanksSecondsLeft(w.state, w.now) == static_cast<int>(kThanksSeconds));
        w.now += 2.5;
        w.send(ev::Tick{});
        CHECK(w.state.screen == Screen::Thanks);
        CHECK(thanksSecondsLeft(w.state, w.now) == static_cast<int>(kThanksSeconds) - 2);
        w.now += kThanksSeconds;
        w.send(ev::Tick{});
        CHECK(w.state.screen == Screen::Start);
        CHECK(thanksSecondsLeft(w.state, w.now) == 0);
    }
}
