// Pure kiosk logic: keyboard, text editing, scrolling, translations and the state machine with a fake clock.
#include "kiosk/core/i18n.h"
#include "kiosk/core/keyboard.h"
#include "kiosk/core/scroll.h"
#include "kiosk/core/state.h"
#include "kiosk/core/text_edit.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

#include <unistd.h>

using namespace kiosk::core;

namespace {

const Key& keyById(const KeyboardModel& keyboard, const std::string& id) {
    static std::vector<std::vector<Key>> rows;
    rows = keyboard.rows();
    for (const auto& row : rows) {
        for (const auto& key : row) {
            if (key.id == id) return key;
        }
    }
    FAIL("no key " << id);
    throw std::runtime_error("unreachable");
}

std::string typeKeys(KeyboardModel& keyboard, const std::vector<std::string>& ids) {
    std::string text;
    for (const auto& id : ids) {
        const KeyAction action = keyboard.press(keyById(keyboard, id));
        if (action.kind == KeyAction::Kind::Insert) text += action.text;
    }
    return text;
}

}  // namespace

TEST_SUITE("keyboard") {
    TEST_CASE("Turkish capitals come from the layout: i -> İ and ı -> I") {
        KeyboardModel keyboard;
        keyboard.reset("tr");
        CHECK(typeKeys(keyboard, {"key:shift", "key:i", "key:z", "key:m", "key:i", "key:r"}) == "İzmir");
        CHECK(typeKeys(keyboard, {"key:shift", "key:ı", "key:ş", "key:ı", "key:k"}) == "Işık");
        CHECK(typeKeys(keyboard, {"key:shift", "key:shift", "key:ğ", "key:ü", "key:ç", "key:shift", "key:ö"}) == "ĞÜÇö");
    }

    TEST_CASE("German: shift is one letter, ß stays ß, umlauts have capitals") {
        KeyboardModel keyboard;
        CHECK(typeKeys(keyboard, {"key:shift", "key:g", "key:r", "key:ö", "key:ß", "key:e"}) == "Größe");
        CHECK(typeKeys(keyboard, {"key:shift", "key:ü", "key:b", "key:space", "key:shift", "key:shift", "key:ß"}) == "Üb ß");
        keyboard.press(keyById(keyboard, "key:symbols"));
        CHECK(typeKeys(keyboard, {"key:„", "key:€", "key:1", "key:“", "key:?"}) == "„€1“?");
    }

    TEST_CASE("every layout: every key's label is what it types, each letter once, and the layout key cycles") {
        // Read from assets/i18n (tests/core/setup.cpp installs them as the kiosk does at start).
        const auto layouts = allLayouts();
        CHECK(layouts == std::vector<std::string>{"de", "tr", "en", "ru", "uk", "pl", "ku", "ar"});
        for (const std::string& layout : layouts) {
            KeyboardModel keyboard;
            keyboard.reset(layout);
            CAPTURE(layout);
            for (bool symbols : {false, true}) {
                for (bool shifted : {false, true}) {
                    keyboard.symbols = symbols;
                    keyboard.shift = shifted;
                    std::set<std::string> seen;
                    for (const auto& row : keyboard.rows()) {
                        for (const auto& key : row) {
                            if (key.kind != KeyKind::Character) continue;
                            CAPTURE(key.id);
                            KeyboardModel copy = keyboard;
                            CHECK(copy.press(key).text == key.text);
                            CHECK(!key.text.empty());
                            CHECK(seen.insert(key.text).second);  // no letter twice, no two letters with one capital
                        }
                    }
                }
            }
            // The layout key goes to the next layout and comes back after all of them.
            keyboard.reset(layout);
            for (std::size_t i = 0; i < layouts.size(); ++i) {
                CHECK(keyboard.layout == layouts[(std::find(layouts.begin(), layouts.end(), layout) - layouts.begin() + i) % layouts.size()]);
                keyboard.press(keyById(keyboard, "key:layout"));
            }
            CHECK(keyboard.layout == layout);
        }
        CHECK(layoutForLanguage("en") == "en");
        CHECK(layoutForLanguage("uk") == "uk");
        CHECK(layoutForLanguage("ar") == "ar");
        CHECK(layoutForLanguage("xx") == "de");
        CHECK(layoutForLanguage(kPlainGerman) == "de");  // layout = "de" in its file
        KeyboardModel arabic;
        arabic.reset("ar");
        CHECK(keyById(arabic, "key:layout").text == "ع");  // the label comes from the file too
    }

    TEST_CASE("a missing or broken keyboard table is one error naming the file and the key") {
        namespace fs = std::filesystem;
        const fs::path folder = fs::temp_directory_path() / ("ideen-keyboards-" + std::to_string(::getpid()));
        fs::create_directories(folder);
        const auto write = [&](const std::string& code, const std::string& text) {
            std::ofstream(folder / (code + ".toml")) << text;
        };
        const std::string german = "[keyboard.layout]\nlabel = \"DE\"\nrows = [\"q w\", \"a s\", \"y x\"]\n";
        const auto errorOf = [&](const std::string& broken) -> std::string {
            write("de", german);
            write("xx", broken);
            try {
                KeyboardLayouts::load(folder.string(), {"de", "xx"});
            } catch (const std::runtime_error& e) {
                return e.what();
            }
            return "no error";
        };
        const std::string file = (folder / "xx.toml").string() + ": ";
        CHECK(errorOf("[keyboard]\nshift = \"S\"\n").rfind(file + "'keyboard.layout' is missing", 0) == 0);
        CHECK(errorOf("[keyboard]\nlayout = \"yy\"\n") ==
              file + "'keyboard.layout' 'yy' is not a language with a keyboard of its own");
        CHECK(errorOf("[keyboard.layout]\nrows = [\"a\", \"b\", \"c\"]\n").rfind(file + "'keyboard.layout.label' must", 0) == 0);
        CHECK(errorOf("[keyboard.layout]\nlabel = \"X\"\nrows = [\"a\", \"b\"]\n").rfind(file + "'keyboard.layout.rows' must", 0) == 0);
        CHECK(errorOf("[keyboard.layout]\nlabel = \"X\"\nrows = [\"a b\", \"c\", \"b\"]\n") ==
              file + "'keyboard.layout.rows[2]' has the key 'b' a second time");
        CHECK(errorOf("[keyboard.layout]\nlabel = \"X\"\nrows = [\"a\", \"b\", \"c\"]\nupper = { z = \"Z\" }\n") ==
              file + "'keyboard.layout.upper.z' is not a key of the rows");
        CHECK(errorOf("[keyboard.layout]\nlabel = \"X\"\nrows = [\"a\", \"b\", \"c\"]\ncapitals = \"no\"\n") ==
              file + "'keyboard.layout.capitals' must be true or false");
        CHECK(errorOf("[keyboard.layout]\nlabel = \"X\"\nrowz = [\"a\", \"b\", \"c\"]\n").rfind(file + "'keyboard.layout.rowz' is not a setting", 0) == 0);
        CHECK(errorOf("[keyboard.layout\n").rfind((folder / "xx.toml").string() + ":1: ", 0) == 0);
        // And a good one: the file's keys, capitals from its `upper`, in the order given.
        CHECK(errorOf("[keyboard]\nlayout = \"de\"\n") == "no error");
        const auto both = KeyboardLayouts::load(folder.string(), {"de", "xx"});
        CHECK(both.layouts().size() == 1);
        CHECK(both.layoutFor("xx") == "de");
        CHECK(both.find("de")->letters[2] == std::vector<std::string>{"y", "x"});
        fs::remove_all(folder);
    }

    TEST_CASE("the letters each language needs are on its keyboard") {
        const std::vector<std::pair<std::string, std::string>> needed = {
            {"de", "äöüß"}, {"tr", "çğıiöşü"}, {"ru", "йцукенгшщзхъфывапролджэячсмитьбюё"},
            {"uk", "йцукенгшщзхїфівапролджєячсмитьбюґ’"}, {"pl", "ąćęłńóśźż"}, {"ku", "çêîşû"}};
        for (const auto& [language, letters] : needed) {
            CAPTURE(language);
            KeyboardModel keyboard;
            keyboard.reset(layoutForLanguage(language));
            std::set<std::string> keys;
            for (const auto& row : keyboard.rows()) {
                for (const auto& key : row) keys.insert(key.text);
            }
            for (std::size_t i = 0; i < letters.size();) {
                std::size_t length = 1;
                while (i + length < letters.size() && (static_cast<unsigned char>(letters[i + length]) & 0xC0) == 0x80) ++length;
                CHECK_MESSAGE(keys.count(letters.substr(i, length)) == 1, letters.substr(i, length));
                i += length;
            }
        }
    }

    TEST_CASE("case rules: Cyrillic and Polish capitals, Kurmanji i -> I (no dotless i), apostrophe stays") {
        KeyboardModel keyboard;
        keyboard.reset("ru");
        CHECK(typeKeys(keyboard, {"key:shift", "key:ё", "key:л", "key:к", "key:а"}) == "Ёлка");
        CHECK(typeKeys(keyboard, {"key:shift", "key:shift", "key:щ", "key:ъ", "key:ы", "key:shift", "key:э"}) == "ЩЪЫэ");
        keyboard.reset("uk");
        CHECK(typeKeys(keyboard, {"key:shift", "key:ї", "key:ж", "key:а"}) == "Їжа");
        CHECK(typeKeys(keyboard, {"key:shift", "key:shift", "key:ґ", "key:є", "key:і", "key:’", "key:shift", "key:я"}) ==
              "ҐЄІ’я");
        keyboard.reset("pl");
        CHECK(typeKeys(keyboard, {"key:shift", "key:ł", "key:ó", "key:d", "key:ź"}) == "Łódź");
        CHECK(typeKeys(keyboard, {"key:shift", "key:shift", "key:ą", "key:ć", "key:ę", "key:ń", "key:ś", "key:ż"}) == "ĄĆĘŃŚŻ");
        keyboard.reset("ku");
        CHECK(typeKeys(keyboard, {"key:shift", "key:i", "key:r", "key:o"}) == "Iro");
        CHECK(typeKeys(keyboard, {"key:shift", "key:shift", "key:ç", "key:ê", "key:î", "key:ş", "key:û", "key:i"}) == "ÇÊÎŞÛI");
        keyboard.reset("tr");
        CHECK(typeKeys(keyboard, {"key:shift", "key:i"}) == "İ");
    }

    TEST_CASE("Arabic: the PC layout's letters, lam-alef on one key, marks and hamzas on the shift page") {
        KeyboardModel keyboard;
        keyboard.reset("ar");
        const auto rows = keyboard.rows();
        CHECK(rows[0][1].text == "ض");
        CHECK(rows[1][0].text == "ش");
        int letters = 0;
        for (bool shifted : {false, true}) {
            keyboard.shift = shifted;
            for (const auto& row : keyboard.rows()) {
                for (const auto& key : row) {
                    if (key.kind != KeyKind::Character) continue;
                    KeyboardModel copy = keyboard;
                    CHECK(copy.press(key).text == key.text);  // every key types what it shows
                    ++letters;
                }
            }
        }
        CHECK(letters > 60);
        keyboard.shift = false;
        // Logical order, as typed: salaam is seen, lam-alef, meem.
        CHECK(typeKeys(keyboard, {"key:س", "key:لا", "key:م"}) == "\u0633\u0644\u0627\u0645");
        CHECK(typeKeys(keyboard, {"key:shift", "key:ا"}) == "أ");
        CHECK(typeKeys(keyboard, {"key:ب", "key:shift", "key:ض"}) == "ب\u064E");  // beh with fatha
        // No capitals: the shift page is never shown by itself.
        keyboard.autoCapitalise(true);
        CHECK_FALSE(keyboard.shift);
    }
}

TEST_SUITE("text_edit") {
    TEST_CASE("backspace removes one whole character") {
        std::string text = "Cafe\u0301";  // e + combining acute
        removeLastCharacter(text);
        CHECK(text == "Caf");
        text = "Hi \U0001F1F9\U0001F1F7";  // a flag: two regional indicators
        removeLastCharacter(text);
        CHECK(text == "Hi ");
        text = "x\U0001F468\u200D\U0001F469\u200D\U0001F467";  // a ZWJ family
        removeLastCharacter(text);
        CHECK(text == "x");
        text = "\u1100\u1161\u11A8";  // a Hangul syllable from jamo
        removeLastCharacter(text);
        CHECK(text.empty());
        CHECK_FALSE(removeLastCharacter(text));
        text = "İğ";
        removeLastCharacter(text);
        CHECK(text == "İ");
    }

    TEST_CASE("appending respects the limit in characters and drops control characters") {
        std::string text;
        auto result = appendText(text, std::string(10000, 'a'), 120, false);
        CHECK(result.truncated);
        CHECK(characterCount(text) == 120);
        text = "ü";
        appendText(text, std::string("a\0b\x1b\u202Ec\nd\xff", 11), 120, false);
        CHECK(text == "üabcd");
        text.clear();
        appendText(text, "eins\r\nzwei", 100, true);
        CHECK(text == "eins\n\nzwei");
    }

    TEST_CASE("a label is shortened between whole characters and stays valid UTF-8") {
        SUBCASE("short text stays as it is") { CHECK(shortenForDisplay("Größe üben", 10) == "Größe üben"); }
        SUBCASE("a cut that would fall inside a two-byte letter") {
            // 56 ASCII letters and then ü: a byte count of 57 ends inside the ü (the monkey test's crash).
            const std::string title = std::string(56, 'a') + "üüüü";
            const std::string shown = shortenForDisplay(title, 58);
            CHECK(shown == std::string(56, 'a') + "ü\u2026");
            CHECK(characterCount(shown) == 58);
        }
        SUBCASE("an accent or an emoji sequence is never split from its base") {
            CHECK(shortenForDisplay("abe\u0301cd", 4) == "ab\u2026");
            CHECK(shortenForDisplay("ab\U0001F468\u200D\U0001F469\u200D\U0001F467xyz", 5) == "ab\u2026");
        }
        SUBCASE("bytes that are not UTF-8 are dropped") {
            CHECK(shortenForDisplay(std::string("ab\xC3", 3), 10) == "ab");
            CHECK(shortenForDisplay(std::string("\xff\xfe", 2), 1).empty());
        }
    }

    TEST_CASE("typed code points become UTF-8 and invalid ones are dropped") {
        const unsigned int typed[] = {'G', 0xF6, 0x11F, 0x20AC, 0x1F600, 0xD800, 0x110000, 'x'};
        CHECK(utf8FromCodepoints(typed, 8) == "G\u00F6\u011F\u20AC\U0001F600x");
        CHECK(utf8FromCodepoints(typed, 0).empty());
    }

    TEST_CASE("a held backspace repeats after a delay") {
        KeyRepeat repeat;
        repeat.press(10.0);
        CHECK(repeat.due(10.3) == 0);
        CHECK(repeat.due(10.5) == 1);
        CHECK(repeat.due(10.9) == 5);
        repeat.release();
        CHECK(repeat.due(12.0) == 0);
    }
}

TEST_SUITE("scroll") {
    TEST_CASE("a small wobble is a tap, a longer drag scrolls and is not a tap") {
        Scroller scroller;
        scroller.setExtent(5000, 1000);
        scroller.press(500, 0.0);
        scroller.move(506, 0.05);
        CHECK_FALSE(scroller.release(0.1));
        CHECK(scroller.offset() == 0);
        scroller.press(500, 1.0);
        scroller.move(400, 1.05);
        scroller.move(300, 1.1);
        CHECK(scroller.dragging());
        CHECK(scroller.offset() == doctest::Approx(200));
        CHECK(scroller.release(1.1));
        CHECK(scroller.isMoving());
    }

    TEST_CASE("inertia decays to rest and never leaves the content") {
        Scroller scroller;
        scroller.setExtent(3000, 1000);
        scroller.press(900, 0.0);
        scroller.move(600, 0.05);
        scroller.move(100, 0.1);
        scroller.release(0.1);
        double t = 0;
        for (int i = 0; i < 600 && scroller.isMoving(); ++i, t += 1.0 / 60) scroller.update(1.0 / 60);
        CHECK_FALSE(scroller.isMoving());
        CHECK(scroller.offset() >= 0);
        CHECK(scroller.offset() <= scroller.maxOffset());
        CHECK(scroller.offset() > 800);  // the fling carried it past where the finger let go
        SUBCASE("pulling past the top springs back") {
            scroller.reset();
            scroller.press(100, 0.0);
            scroller.move(400, 0.1);
            CHECK(scroller.offset() < 0);
            scroller.release(2.0);
            for (int i = 0; i < 300; ++i) scroller.update(1.0 / 60);
            CHECK(scroller.offset() == 0);
        }
    }

    TEST_CASE("only visible rows are drawn") {
        const auto range = visibleRows(5000, 200, 200 * 1234.5f, 1080);
        CHECK(range.first == 1234);
        CHECK(range.last == 1240);  // rows 1234 to 1239 reach into the view
        CHECK(visibleRows(3, 200, 0, 1080).last == 3);
        CHECK(visibleRows(0, 200, 0, 1080).last == 0);
    }
}

TEST_SUITE("i18n") {
    TEST_CASE("every key exists in every language with the same placeholders") {
        const std::string folder = std::string(IDEEN_SOURCE_DIR) + "/assets/i18n";
        const auto catalog = Catalog::load(folder);
        CHECK(catalog.languages() == kioskLanguages());
        // Every file in the folder is a language of the registry (a file nobody loads is a translation lost).
        for (const auto& entry : std::filesystem::directory_iterator(folder)) {
            CAPTURE(entry.path().string());
            CHECK(isKioskLanguage(entry.path().stem().string()));
        }
        const auto german = catalog.keys("de");
        CHECK(german.size() > 50);
        std::set<std::string> names;
        for (const std::string& language : catalog.languages()) {
            names.insert(catalog.languageName(language));
            const auto keys = catalog.keys(language);
            std::set<std::string> expected(german.begin(), german.end());
            // Leichte Sprache is for attendees: the moderators' panel keeps its German texts (the fallback).
            if (language == kPlainGerman) std::erase_if(expected, [](const std::string& key) { return key.rfind("panel.", 0) == 0; });
            CHECK(std::set<std::string>(keys.begin(), keys.end()) == expected);
            for (const auto& key : german) {
                CAPTURE(language);
                CAPTURE(key);
                CHECK(placeholders(catalog.text(language, key)) == placeholders(catalog.text("de", key)));
            }
        }
        CHECK(catalog.plural("de", "common.votes_left", 1) == "Noch 1 Stimme");
        CHECK(catalog.plural("de", "common.votes_left", 3) == "Noch 3 Stimmen");
        CHECK(catalog.plural("tr", "common.votes_left", 3) == "3 oy hakkınız kaldı");
        CHECK(catalog.format("en", "thanks.number", {{"number", "17"}}) == "Your idea is number 17.");
        CHECK(catalog.text("xx", "start.submit") == "Idee einreichen");  // German is the fallback
        CHECK(names.size() == kioskLanguages().size());  // each language has a name of its own
        CHECK(storedLanguage(kPlainGerman) == "de");
        CHECK(storedLanguage("uk") == "uk");
        CHECK(catalog.languageName("uk") == "Українська");
    }

    TEST_CASE("the languages are the files of the i18n folder: German first, then each file's order") {
        namespace fs = std::filesystem;
        // The real folder gives the list a program has before it reads its assets.
        CHECK(languagesInFolder(std::string(IDEEN_SOURCE_DIR) + "/assets/i18n") == storage::defaultOfferableLanguages());
        const fs::path folder = fs::temp_directory_path() / ("ideen-languages-" + std::to_string(::getpid()));
        fs::remove_all(folder);
        fs::create_directories(folder);
        const auto write = [&](const std::string& name, const std::string& text) { std::ofstream(folder / name) << text; };
        write("tr.toml", "[language]\nname = \"Türkçe\"\norder = 3\n");
        write("fr.toml", "[language]\nname = \"Français\"\norder = 2\n");
        write("nl.toml", "[language]\nname = \"Nederlands\"\n");  // no order: after those with one
        write("README.md", "not a language\n");
        CHECK_THROWS_WITH_AS(languagesInFolder(folder.string()), doctest::Contains("de.toml is missing"), std::runtime_error);
        write("de.toml", "[language]\nname = \"Deutsch\"\norder = 99\n");  // German is first whatever its order
        CHECK(languagesInFolder(folder.string()) == std::vector<std::string>{"de", "fr", "tr", "nl"});
        write("nl.toml", "[language]\nname = \"Nederlands\"\norder = \"4\"\n");
        CHECK_THROWS_WITH_AS(languagesInFolder(folder.string()),
                             ((folder / "nl.toml").string() + ": 'language.order' must be a whole number").c_str(),
                             std::runtime_error);
        fs::remove_all(folder);
    }

    TEST_CASE("a language added as a file only is offered, named and typed on its own keyboard") {
        namespace fs = std::filesystem;
        const fs::path folder = fs::temp_directory_path() / ("ideen-new-language-" + std::to_string(::getpid()));
        fs::remove_all(folder);
        fs::create_directories(folder);
        for (const auto& entry : fs::directory_iterator(std::string(IDEEN_SOURCE_DIR) + "/assets/i18n")) {
            fs::copy_file(entry.path(), folder / entry.path().filename());
        }
        // French: the English texts under another name, and an AZERTY keyboard of its own. Nothing else changes.
        std::string text;
        {
            std::ifstream in(folder / "en.toml");
            text.assign(std::istreambuf_iterator<char>(in), {});
        }
        text.replace(text.find("name = \"English\""), 16, "name = \"Français\"");
        text.replace(text.find("order = 4"), 9, "order = 10");
        const std::size_t layout = text.find("[keyboard.layout]");
        const std::size_t next = text.find("\n[", layout + 1);
        text.replace(layout, next - layout, "[keyboard.layout]\nlabel = \"FR\"\n"
                                            "rows = [\"a z e r t y u i o p\", \"q s d f g h j k l m\", \"w x c v b n é è à ç\"]\n"
                                            "quotes = [\"«\", \"»\"]\n");
        std::ofstream(folder / "fr.toml") << text;

        struct Restore {
            ~Restore() {
                storage::setLanguages(storage::defaultOfferableLanguages());
                setKeyboardLayouts(KeyboardLayouts::load(std::string(IDEEN_SOURCE_DIR) + "/assets/i18n", kioskLanguages()));
            }
        } restore;
        // What the program does at start: the registry from the folder, then texts and keyboards.
        storage::setLanguages(languagesInFolder(folder.string()));
        const auto catalog = Catalog::load(folder.string());
        setKeyboardLayouts(catalog.keyboards());

        CHECK(kioskLanguages().back() == "fr");
        CHECK(storage::isKnownLanguage("fr"));
        CHECK(storage::languageListProblem({"fr", "de"}).empty());  // an event may offer it
        CHECK(catalog.languageName("fr") == "Français");
        CHECK(allLayouts().back() == "fr");

        KioskState state;
        state.idleTimeout = 60;
        state = reduce(state, ev::SetLanguage{"fr"}, 1.0).state;
        REQUIRE(state.language == "fr");
        CHECK(state.keyboard.layout == "fr");
        CHECK(state.keyboard.rows()[0][0].text == "a");
        CHECK(keyById(state.keyboard, "key:layout").text == "FR");
        state.keyboard.shift = true;
        CHECK(keyById(state.keyboard, "key:é").text == "É");
        fs::remove_all(folder);
    }

    TEST_CASE("the phone page's texts are in every language's file ([phone]), each language with a name of its own") {
        // The phone server serves these as /texts.json; the check above ("every key exists …") already holds every
        // language to German's keys and placeholders, so this one names the page's part of them.
        const auto catalog = Catalog::load(std::string(IDEEN_SOURCE_DIR) + "/assets/i18n");
        std::vector<std::string> page;
        for (const auto& key : catalog.keys("de")) {
            if (key.rfind("phone.", 0) == 0) page.push_back(key);
        }
        CHECK(page.size() > 30);
        std::set<std::string> names;
        for (const std::string& language : catalog.languages()) {
            CAPTURE(language);
            const auto keys = catalog.keys(language);
            for (const auto& key : page) CHECK(std::find(keys.begin(), keys.end(), key) != keys.end());
            names.insert(catalog.text(language, "phone.language"));
        }
        CHECK(names.size() == catalog.languages().size());  // each button of the page's language list has its own name
    }

    TEST_CASE("every storage error a person can meet has a translation") {
        const auto catalog = Catalog::load(std::string(IDEEN_SOURCE_DIR) + "/assets/i18n");
        for (const std::string& language : catalog.languages()) {
        for (const char* code : {"title_empty", "title_too_long", "description_too_long", "author_too_long",
                                 "budget_exhausted", "already_voted", "voting_closed", "submission_closed",
                                 "idea_not_votable", "invalid_utf8", "session_ended", "unknown"}) {
            const std::string key = std::string("errors.") + code;
            CAPTURE(language);
            CHECK(catalog.text(language, key) != key);
            if (language != "de") CHECK(catalog.text(language, key) != catalog.text("de", key));
        }
        }
    }
}

TEST_SUITE("state") {
    struct Kiosk {
        KioskState state;
        double now = 100.0;
        std::vector<Effect> effects;
        Kiosk() { state.idleTimeout = 60; }
        void send(const Event& event) {
            auto step = reduce(state, event, now);
            state = std::move(step.state);
            effects = std::move(step.effects);
        }
        void startSession() {
            send(ev::Begin{});
            REQUIRE(effects.size() == 1);
            CHECK(std::holds_alternative<fx::StartSession>(effects[0]));
            send(ev::SessionStarted{"s1", 3, 42});
        }
        void typeOnKeyboard(const std::vector<std::string>& ids) {
            for (const auto& id : ids) send(ev::KeyPressed{keyById(state.keyboard, id)});
        }
    };

    TEST_CASE("the language list: open, choose, and only what the kiosk offers") {
        Kiosk k;
        k.startSession();
        k.send(ev::ShowLanguages{true});
        CHECK(k.state.languagePicker);
        k.send(ev::SetLanguage{"uk"});
        CHECK_FALSE(k.state.languagePicker);
        CHECK(k.state.language == "uk");
        CHECK(k.state.keyboard.layout == "uk");
        k.send(ev::SetLanguage{"xx"});
        CHECK(k.state.language == "uk");
        SUBCASE("a kiosk that offers fewer languages starts in the event's first of them and refuses the others") {
            k.state.languages = {"pl", "uk"};
            k.state = freshState(k.state, k.now);
            CHECK(k.state.language == "uk");  // the event's order: uk comes before pl
            CHECK(k.state.keyboard.layout == "uk");
            CHECK(offeredLanguages(k.state) == std::vector<std::string>{"uk", "pl"});
            k.send(ev::SetLanguage{"tr"});
            CHECK(k.state.language == "uk");
            k.send(ev::SetLanguage{"pl"});
            CHECK(k.state.language == "pl");
        }
        SUBCASE("closing the list keeps the language") {
            k.send(ev::ShowLanguages{true});
            k.send(ev::ShowLanguages{false});
            CHECK_FALSE(k.state.languagePicker);
            CHECK(k.state.language == "uk");
        }
    }

    TEST_CASE("Einfach is German for the database: the session and the idea are stored as de") {
        Kiosk k;
        k.send(ev::EventLanguages{{kPlainGerman, "de"}});
        CHECK(k.state.language == kPlainGerman);
        CHECK(k.state.keyboard.layout == "de");
        k.send(ev::Begin{});
        REQUIRE(k.effects.size() == 1);
        REQUIRE(std::holds_alternative<fx::StartSession>(k.effects[0]));
        CHECK(std::get<fx::StartSession>(k.effects[0]).language == "de");
    }

    TEST_CASE("the kiosk offers the event's languages, narrowed by its own list, in the event's order") {
        const std::vector<std::string> event = {"tr", "de", "ar", "uk"};
        CHECK(offerFor({}, event).offered == event);
        CHECK(offerFor({}, {}).offered == kioskLanguages());  // no event read yet, or one without a list
        const auto narrowed = offerFor({"uk", "de", "pl", "en"}, event);
        CHECK(narrowed.offered == std::vector<std::string>{"de", "uk"});
        CHECK(narrowed.notOffered == std::vector<std::string>{"pl", "en"});
        const auto disjoint = offerFor({"pl"}, event);  // nothing in common: the event's list rather than none
        CHECK(disjoint.offered == event);
        CHECK(disjoint.notOffered == std::vector<std::string>{"pl"});

        Kiosk k;
        k.send(ev::EventLanguages{event});
        CHECK(k.state.language == "tr");  // a session starts in the event's first
        CHECK(k.state.keyboard.layout == "tr");
        CHECK_FALSE(k.state.idleWarning);
        k.startSession();
        CHECK(k.state.language == "tr");
        k.send(ev::SetLanguage{"en"});
        CHECK(k.state.language == "tr");  // not offered by the event
        k.send(ev::SetLanguage{"ar"});
        CHECK(k.state.language == "ar");
        SUBCASE("a change during a session keeps its language to its end, the next starts in the new first") {
            k.send(ev::EventLanguages{{"de", "uk"}});
            CHECK(k.state.language == "ar");
            CHECK(offeredLanguages(k.state) == std::vector<std::string>{"de", "uk"});
            k.send(ev::Finish{});
            k.send(ev::Begin{});
            CHECK(k.state.language == "de");
            CHECK(k.state.eventLanguages == std::vector<std::string>{"de", "uk"});
        }
        SUBCASE("with kiosk.toml's list the kiosk offers what both name") {
            k.state.languages = {"uk", "ar", "pl"};
            k.send(ev::Finish{});
            k.send(ev::Begin{});
            CHECK(offeredLanguages(k.state) == std::vector<std::string>{"ar", "uk"});
            CHECK(k.state.language == "ar");
        }
    }

    TEST_CASE("Mehr Zeit doubles the wait for this session only") {
        Kiosk k;
        k.startSession();
        k.now += 61;
        k.send(ev::Tick{});
        REQUIRE(k.state.idleWarning);
        k.send(ev::MoreTime{});
        CHECK_FALSE(k.state.idleWarning);
        CHECK(idleTimeoutFor(k.state) == doctest::Approx(120));
        k.now += 100;  // past the ordinary timeout, within the doubled one
        k.send(ev::Tick{});
        CHECK_FALSE(k.state.idleWarning);
        k.now += 21;
        k.send(ev::Tick{});
        CHECK(k.state.idleWarning);
        k.now += 16;  // the countdown runs out: the next person gets the ordinary time again
        k.send(ev::Tick{});
        CHECK(k.state.screen == Screen::Attract);
        CHECK_FALSE(k.state.moreTime);
        CHECK(idleTimeoutFor(k.state) == doctest::Approx(60));
    }

    TEST_CASE("large text and high contrast stay for this session only: Fertig and the idle reset give the next person the ordinary screens") {
        Kiosk k;
        k.startSession();
        CHECK_FALSE(k.state.largeText);
        CHECK_FALSE(k.state.highContrast);
        k.send(ev::SetLargeText{true});
        k.send(ev::SetHighContrast{true});
        CHECK(k.state.largeText);
        CHECK(k.state.highContrast);
        k.send(ev::ChooseBrowse{});
        CHECK(k.state.largeText);  // kept from screen to screen
        CHECK(k.state.highContrast);
        k.send(ev::Finish{});
        CHECK(k.state.screen == Screen::Attract);
        CHECK_FALSE(k.state.largeText);
        CHECK_FALSE(k.state.highContrast);
        k.startSession();
        k.send(ev::SetLargeText{true});
        k.send(ev::SetLargeText{false});
        CHECK_FALSE(k.state.largeText);
        k.send(ev::SetLargeText{true});
        k.send(ev::SetHighContrast{true});
        k.now += 61;
        k.send(ev::Tick{});
        k.now += 16;
        k.send(ev::Tick{});
        CHECK(k.state.screen == Screen::Attract);
        CHECK_FALSE(k.state.largeText);
        CHECK_FALSE(k.state.highContrast);
    }

    TEST_CASE("a touch on the attract screen starts a session") {
        Kiosk k;
        k.startSession();
        CHECK(k.state.screen == Screen::Start);
        CHECK(k.state.votesLeft == 3);
    }

    TEST_CASE("idle: a warning after the timeout, a full reset after the countdown") {
        Kiosk k;
        k.startSession();
        k.send(ev::SetLanguage{"tr"});
        k.send(ev::ChooseSubmit{});
        k.send(ev::PickCategory{"sprache"});
        k.typeOnKeyboard({"key:shift", "key:i", "key:z"});
        k.send(ev::SetCategoryFilter{"bildung"});
        k.send(ev::VoteSettled{"idea-1", true, 2});
        CHECK(k.state.draft.title == "İz");
        k.now += 59;
        k.send(ev::Tick{});
        CHECK_FALSE(k.state.idleWarning);
        k.now += 2;
        k.send(ev::Tick{});
        CHECK(k.state.idleWarning);
        SUBCASE("Weiter keeps everything") {
            k.send(ev::StillHere{});
            CHECK_FALSE(k.state.idleWarning);
            CHECK(k.state.draft.title == "İz");
            k.now += 30;
            k.send(ev::Tick{});
            CHECK_FALSE(k.state.idleWarning);
        }
        SUBCASE("any touch while warned only answers the warning") {
            k.send(ev::KeyPressed{keyById(k.state.keyboard, "key:a")});
            CHECK(k.state.draft.title == "İz");
            CHECK_FALSE(k.state.idleWarning);
        }
        SUBCASE("after the countdown everything is gone") {
            const int generation = k.state.generation;
            k.now += 15;
            k.send(ev::Tick{});
            REQUIRE(k.effects.size() == 1);
            const auto* end = std::get_if<fx::EndSession>(&k.effects[0]);
            REQUIRE(end);
            CHECK(end->sessionId == "s1");
            CHECK((end->how == storage::SessionEnd::IdleTimeout));
            CHECK(k.state.screen == Screen::Attract);
            CHECK(k.state.draft.title.empty());
            CHECK(k.state.language == "de");
            CHECK(k.state.keyboard.layout == "de");
            CHECK(k.state.categoryFilter.empty());
            CHECK(k.state.voted.empty());
            CHECK(k.state.votesLeft == 0);
            CHECK(k.state.sessionId.empty());
            CHECK(k.state.generation == generation + 1);
        }
    }

    TEST_CASE("Fertig ends the session at once") {
        Kiosk k;
        k.startSession();
        k.send(ev::ChooseBrowse{});
        k.send(ev::Finish{});
        CHECK(k.state.screen == Screen::Attract);
        REQUIRE(k.effects.size() == 1);
        CHECK((std::get<fx::EndSession>(k.effects[0]).how == storage::SessionEnd::Finished));
    }

    TEST_CASE("a double tap votes once, undo gives the vote back") {
        Kiosk k;
        k.startSession();
        k.send(ev::ChooseBrowse{});
        k.send(ev::Vote{"idea-7"});
        CHECK(k.effects.size() == 1);
        k.send(ev::Vote{"idea-7"});  // second tap before the commit came back
        CHECK(k.effects.empty());
        k.send(ev::VoteSettled{"idea-7", true, 2});
        k.send(ev::Vote{"idea-7"});  // and after it
        CHECK(k.effects.empty());
        k.now += 0.2;
        k.send(ev::Undo{"idea-7"});  // the second tap of a double tap lands on "undo": ignored
        CHECK(k.effects.empty());
        k.now += 1.0;
        k.send(ev::Undo{"idea-7"});
        REQUIRE(k.effects.size() == 1);
        CHECK(std::holds_alternative<fx::RetractVote>(k.effects[0]));
        k.send(ev::VoteSettled{"idea-7", false, 3});
        CHECK(k.state.voted.empty());
        CHECK(k.state.votesLeft == 3);
        SUBCASE("no budget, no vote") {
            k.send(ev::VoteSettled{"a", true, 0});
            k.send(ev::Vote{"b"});
            CHECK(k.effects.empty());
            CHECK(k.state.messageKey == "errors.budget_exhausted");
        }
        SUBCASE("a vote the database could not take: a message, the session goes on") {
            k.send(ev::Vote{"idea-8"});
            k.send(ev::StorageFailed{});
            CHECK(k.state.screen == Screen::Browse);
            CHECK(k.state.messageKey == "errors.unknown");
            CHECK(k.state.sessionId == "s1");
        }
        SUBCASE("a refused vote shows why") {
            k.send(ev::Vote{"idea-8"});
            k.send(ev::ActionRefused{"voting_closed"});
            CHECK(k.state.messageKey == "errors.voting_closed");
            CHECK(k.state.voteInFlight.empty());
        }
    }

    TEST_CASE("the submit wizard: category, title, description, name, similar, review, saved") {
        Kiosk k;
        k.startSession();
        k.send(ev::ChooseSubmit{});
        CHECK(k.state.screen == Screen::SubmitCategory);
        k.send(ev::PickCategory{"sprache"});
        k.send(ev::Next{});
        CHECK(k.state.screen == Screen::SubmitTitle);  // a title is required
        CHECK(k.state.messageKey == "errors.title_empty");
        k.send(ev::TypeText{"Sprachcafé"});
        k.send(ev::Next{});
        CHECK(k.state.screen == Screen::SubmitDescription);
        REQUIRE(k.effects.size() == 1);
        CHECK(std::get<fx::FindSimilar>(k.effects[0]).title == "Sprachcafé");
        k.send(ev::SimilarFound{{IdeaCard{"id-2", 2, "Sprachcafé im Glashaus", "", "sprache", 5, 0}}});
        k.send(ev::TypeText{"jeden Donnerstag"});
        k.send(ev::Next{});
        CHECK(k.state.screen == Screen::SubmitName);
        k.send(ev::Next{});
        CHECK(k.state.screen == Screen::SubmitSimilar);
        k.send(ev::Next{});
        CHECK(k.state.screen == Screen::SubmitReview);
        k.send(ev::Send{});
        CHECK(k.state.screen == Screen::Saving);
        const auto& save = std::get<fx::SaveIdea>(k.effects.at(0));
        CHECK(save.idea.title == "Sprachcafé");
        CHECK(save.idea.category == "sprache");
        CHECK(save.sessionId == "s1");
        SUBCASE("saved: thank you with the number, then back to the start") {
            k.send(ev::Saved{17, false});
            CHECK(k.state.screen == Screen::Thanks);
            CHECK(k.state.savedNumber == 17);
            CHECK(k.state.draft.title.empty());
            k.now += 9;
            k.send(ev::Tick{});
            CHECK(k.state.screen == Screen::Start);
        }
        SUBCASE("the database fails: trouble screen, the draft is kept and retried") {
            k.send(ev::StorageFailed{});
            CHECK(k.state.screen == Screen::Trouble);
            CHECK(k.state.draft.title == "Sprachcafé");
            CHECK(savePending(k.state));
            k.send(ev::StorageBack{});  // the database opens again: the draft still waits for its save
            CHECK(k.state.screen == Screen::Trouble);
            k.now += 120;  // idle does not wipe a draft that is waiting to be saved
            k.send(ev::Tick{});
            CHECK(k.state.draft.title == "Sprachcafé");
            REQUIRE(k.effects.size() == 1);
            CHECK(std::holds_alternative<fx::SaveIdea>(k.effects[0]));
            CHECK(k.state.screen == Screen::Trouble);  // the retry runs behind the trouble screen
            k.send(ev::StorageFailed{});
            CHECK(k.state.screen == Screen::Trouble);
            CHECK(k.state.draft.title == "Sprachcafé");
            k.send(ev::Saved{18, true});
            CHECK(k.state.screen == Screen::Thanks);
            CHECK(k.state.savedPending);
        }
    }

    TEST_CASE("the database out of reach: a trouble screen without a draft, checked every few seconds") {
        Kiosk k;
        SUBCASE("it cannot be opened at start") { k.send(ev::StorageFailed{}); }
        SUBCASE("no session could be started") {
            k.send(ev::Begin{});
            k.send(ev::StorageFailed{});
        }
        CHECK(k.state.screen == Screen::Trouble);
        CHECK_FALSE(savePending(k.state));
        CHECK(k.state.sessionId.empty());
        k.now += 4;
        k.send(ev::Tick{});
        CHECK(k.effects.empty());
        k.now += 1.5;
        k.send(ev::Tick{});
        REQUIRE(k.effects.size() == 1);
        CHECK(std::holds_alternative<fx::CheckStorage>(k.effects[0]));
        k.send(ev::StorageFailed{});  // still out of reach
        CHECK(k.state.screen == Screen::Trouble);
        k.send(ev::Retry{});
        REQUIRE(k.effects.size() == 1);
        CHECK(std::holds_alternative<fx::CheckStorage>(k.effects[0]));
        k.send(ev::StorageBack{});
        CHECK(k.state.screen == Screen::Attract);
        k.now += 600;  // nothing idles or retries on the attract screen
        k.send(ev::Tick{});
        CHECK(k.effects.empty());
    }

    TEST_CASE("a title of invisible characters stays on the title screen") {
        // The store refuses such a title as empty; the kiosk must say so before the attendee goes on.
        for (const char* blank : {"\u200D\u200D", "\u3164", "\u2800 \u2800"}) {
            CAPTURE(blank);
            Kiosk k;
            k.startSession();
            k.send(ev::ChooseSubmit{});
            k.send(ev::PickCategory{"sprache"});
            k.send(ev::Next{});
            k.send(ev::TypeText{blank});
            REQUIRE_FALSE(k.state.draft.title.empty());
            k.send(ev::Next{});
            CHECK(k.state.screen == Screen::SubmitTitle);
            CHECK(k.state.messageKey == "errors.title_empty");
            CHECK(k.effects.empty());
        }
    }

    TEST_CASE("the random order is stable within a session and differs between sessions") {
        std::vector<IdeaCard> cards;
        for (int i = 1; i <= 30; ++i) cards.push_back({"id" + std::to_string(i), i, "t", "", "", 30 - i, i});
        auto a = cards, b = cards, c = cards;
        std::reverse(b.begin(), b.end());
        orderIdeas(a, BrowseOrder::Random, 1);
        orderIdeas(b, BrowseOrder::Random, 1);
        orderIdeas(c, BrowseOrder::Random, 2);
        CHECK(a.front().id == b.front().id);
        CHECK(a.back().id == b.back().id);
        bool differs = false;
        for (std::size_t i = 0; i < a.size(); ++i) differs |= a[i].id != c[i].id;
        CHECK(differs);
        orderIdeas(a, BrowseOrder::Popular, 0);
        CHECK(a.front().number == 1);
        orderIdeas(a, BrowseOrder::Newest, 0);
        CHECK(a.front().number == 30);
    }
}
