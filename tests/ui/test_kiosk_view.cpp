// Headless view tests: draw the kiosk screens without a window, press widgets with the ImGui mouse,
// and check which events come back.
#include "kiosk/ui/kiosk_view.h"
#include "kiosk/core/bidi.h"
#include "kiosk/core/text_edit.h"
#include "drawn_text.h"
#include "imgui_harness.h"

#include "imgui.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

using namespace kiosk;

namespace {

struct ViewHarness : ImGuiHarness {
    ui::KioskView view;
    ui::KioskViewModel model;

    explicit ViewHarness(float width = 1920, float height = 1080, bool withLargeText = false)
        : ImGuiHarness(width, height, withLargeText) {
        model.eventTitle = "Integrationskonferenz";
        model.categories = {{"sprache", {{"de", "Sprache"}, {"tr", "Dil"}}, 0xFF0000FF}};
        for (int i = 1; i <= 50; ++i) model.ideas.push_back({"id" + std::to_string(i), i, "Idee " + std::to_string(i), "", "sprache", i, i});
        model.totalIdeas = 50;
    }

    DrawFn drawing(const core::KioskState& state) {
        return [this, state](ui::Frame& f) { view.Draw(state, model, f); };
    }
    std::vector<core::Event> frame(const core::KioskState& state, bool mouseDown, ImVec2 mouse, bool suppress = false) {
        return drawFrame(drawing(state), mouseDown, mouse, suppress, state.language);
    }
    std::vector<core::Event> tap(const core::KioskState& state, const std::string& id, bool suppress = false) {
        return tapOn(drawing(state), id, suppress, state.language);
    }

    /// An element's picture without its colours: where its vertices lie and which pixels of the atlas they take.
    using Shape = std::set<std::tuple<long, long, long, long>>;
    /// Draws `state` and returns the shape of element `id`; `checked` gets what the element reports.
    Shape shapeOf(const core::KioskState& state, const std::string& id, std::optional<bool>& checked) {
        frame(state, false, ImVec2(-FLT_MAX, -FLT_MAX));
        const ui::UiElement* e = element(id);
        REQUIRE_MESSAGE(e, "no element " << id);
        checked = e->checked;
        Shape shape;
        const ImDrawData* data = ImGui::GetDrawData();
        for (int l = 0; l < data->CmdListsCount; ++l) {
            for (const ImDrawVert& v : data->CmdLists[l]->VtxBuffer) {
                if (v.pos.x < e->x || v.pos.x > e->x + e->w || v.pos.y < e->y || v.pos.y > e->y + e->h) continue;
                shape.insert({std::lround(v.pos.x * 4), std::lround(v.pos.y * 4), std::lround(v.uv.x * 4096), std::lround(v.uv.y * 4096)});
            }
        }
        return shape;
    }

    /// Element `id` drawn once not chosen and once chosen (`choose` makes the state of each): it reports `checked`
    /// false and then true, and its shape changes, not only its colours.
    template <typename Choose>
    void chosenInShape(core::KioskState state, const std::string& id, Choose choose) {
        std::optional<bool> notChosenChecked, chosenChecked;
        choose(state, false);
        const Shape notChosen = shapeOf(state, id, notChosenChecked);
        choose(state, true);
        const Shape chosen = shapeOf(state, id, chosenChecked);
        CHECK_MESSAGE(notChosenChecked == std::optional<bool>(false), id);
        CHECK_MESSAGE(chosenChecked == std::optional<bool>(true), id);
        CHECK_MESSAGE(notChosen != chosen, id << " looks the same chosen and not chosen, apart from its colours");
    }

    /// After a frame: the glyphs drawn in element `id` (their centre inside it), and those of them that reach into
    /// its bottom `room` pixels (where a chosen tab's bar goes), as "U+…" for the message.
    std::pair<int, std::string> glyphsReaching(const std::string& id, float room) {
        const ui::UiElement* e = element(id);
        REQUIRE_MESSAGE(e, "no element " << id);
        int glyphs = 0;
        std::ostringstream reaching;
        for (const auto& run : ui::testing::recordDrawnText()) {
            for (const auto& glyph : run.glyphs) {
                const float cx = (glyph.quad.x0 + glyph.quad.x1) * 0.5f, cy = (glyph.quad.y0 + glyph.quad.y1) * 0.5f;
                if (glyph.hidden || cx < e->x || cx > e->x + e->w || cy < e->y || cy > e->y + e->h) continue;
                ++glyphs;
                if (glyph.quad.y1 > e->y + e->h - room + 0.5f) reaching << " U+" << std::hex << static_cast<unsigned>(glyph.codepoint);
            }
        }
        return {glyphs, reaching.str()};
    }
};

template <typename T>
bool has(const std::vector<core::Event>& events) {
    for (const auto& e : events) {
        if (std::holds_alternative<T>(e)) return true;
    }
    return false;
}

// A session on this screen (with the language list open over it when `list`).
core::KioskState on(core::Screen screen, const std::string& language = "de", bool list = false) {
    core::KioskState state;
    state.screen = screen;
    state.language = language;
    state.languagePicker = list;
    state.sessionId = "s";
    state.votesLeft = 3;
    return state;
}

}  // namespace

TEST_SUITE("ui.views") {
    TEST_CASE("the reading switches: on the start screen and in the language list, each tap switches, high contrast recolours") {
        ViewHarness ui;
        core::KioskState state = on(core::Screen::Start);
        for (const bool list : {false, true}) {
            state.languagePicker = list;
            CAPTURE(list);
            auto events = ui.tap(state, "text_size");
            REQUIRE(has<core::ev::SetLargeText>(events));
            for (const auto& e : events) {
                if (const auto* set = std::get_if<core::ev::SetLargeText>(&e)) CHECK(set->on);
            }
            events = ui.tap(state, "contrast");
            REQUIRE(has<core::ev::SetHighContrast>(events));
            state.largeText = true;
            state.highContrast = true;
            events = ui.tap(state, "text_size");  // switched on, the same button switches it off
            for (const auto& e : events) {
                if (const auto* set = std::get_if<core::ev::SetLargeText>(&e)) CHECK_FALSE(set->on);
            }
            state.largeText = false;
            state.highContrast = false;
        }
        state.languagePicker = false;
        // The start screen's main tile takes the high-contrast primary colour, and only while the session asks for it.
        auto coloursDrawn = [&](bool high) {
            state.highContrast = high;
            ui.frame(state, false, ImVec2(-FLT_MAX, -FLT_MAX));
            std::set<unsigned int> colours;
            const ImDrawData* data = ImGui::GetDrawData();
            for (int l = 0; l < data->CmdListsCount; ++l) {
                for (const ImDrawVert& v : data->CmdLists[l]->VtxBuffer) colours.insert(v.col);
            }
            return colours;
        };
        const unsigned int highPrimary = ui::theme::highContrastPalette().primary.packed();
        const unsigned int ordinaryPrimary = ui::theme::Palette{}.primary.packed();
        const auto high = coloursDrawn(true);
        CHECK(high.count(highPrimary) == 1);
        CHECK(high.count(ordinaryPrimary) == 0);
        const auto ordinary = coloursDrawn(false);
        CHECK(ordinary.count(ordinaryPrimary) == 1);
        CHECK(ordinary.count(highPrimary) == 0);
        CHECK(ui::theme::palette().primary.packed() == ordinaryPrimary);  // the scope ended with the frame
    }

    TEST_CASE("the reading switches and the chosen language show their state in shape, not only in colour") {
        ViewHarness ui;
        // Drawn off and then on: "checked" follows, and the shape changes, not only the colours.
        const auto switchesInShape = [&](const core::KioskState& state, const char* id, bool core::KioskState::*flag) {
            ui.chosenInShape(state, id, [flag](core::KioskState& st, bool switchedOn) { st.*flag = switchedOn; });
        };
        for (const char* language : {"de", "ar"}) {
            for (const bool list : {false, true}) {
                for (const bool contrast : {false, true}) {
                    INFO("language " << language << ", list " << list << ", high contrast " << contrast);
                    core::KioskState state = on(core::Screen::Start, language, list);
                    state.highContrast = contrast;
                    switchesInShape(state, "text_size", &core::KioskState::largeText);
                    // The contrast switch against itself: the palette changes with it, the shapes must too.
                    state.largeText = false;
                    switchesInShape(state, "contrast", &core::KioskState::highContrast);
                    // Leichte Sprache is a choice of the language list: chosen, it is marked in shape too.
                    if (list) {
                        state.highContrast = contrast;
                        ui.chosenInShape(state, "lang:de-einfach", [](core::KioskState& st, bool chosen) {
                            st.language = chosen ? core::kPlainGerman : "de";
                        });
                        REQUIRE(ui.element("lang:de"));
                        CHECK(ui.element("lang:de")->checked == std::optional<bool>(false));  // the plain one is chosen now
                        state.language = "de";
                        ui.frame(state, false, ImVec2(-FLT_MAX, -FLT_MAX));
                        REQUIRE(ui.element("lang:de"));
                        CHECK(ui.element("lang:de")->checked == std::optional<bool>(true));
                    }
                }
            }
        }
        // Other buttons are neither switches nor choices.
        ui.frame(on(core::Screen::Start), false, ImVec2(-FLT_MAX, -FLT_MAX));
        REQUIRE(ui.element("choose:submit"));
        CHECK_FALSE(ui.element("choose:submit")->checked.has_value());
    }

    TEST_CASE("the text-size switch sits beside the language button on every attendee screen and shows its state in shape") {
        // The start screen has the switch with its words (and only that one); every other screen with the bar has the
        // compact one: an icon in a square a finger hits, its words for automation, its state in shape.
        const core::Screen screens[] = {core::Screen::Browse,        core::Screen::Detail,       core::Screen::SubmitCategory,
                                        core::Screen::SubmitTitle,   core::Screen::SubmitDescription, core::Screen::SubmitName,
                                        core::Screen::SubmitSimilar, core::Screen::SubmitReview, core::Screen::Saving,
                                        core::Screen::Thanks};
        for (const auto& [w, h] : {std::pair{1920.0f, 1080.0f}, std::pair{1080.0f, 1920.0f}}) {
            ViewHarness ui(w, h, true);
            const ui::theme::Scale sc = ui::theme::scaleFor(w, h);
            for (const char* language : {"de", "ar"}) {
                for (const bool large : {false, true}) {
                    ui.largeText = large;
                    ui.frame(on(core::Screen::Start, language), false, ImVec2(-FLT_MAX, -FLT_MAX));
                    CHECK(std::count_if(ui.lastElements.begin(), ui.lastElements.end(), [](const auto& e) { return e.id == "text_size"; }) == 1);
                    for (const core::Screen screen : screens) {
                        INFO("width " << w << ", language " << language << ", large text " << large << ", screen " << core::screenName(screen));
                        core::KioskState state = on(screen, language);
                        state.detailIdeaId = "id1";
                        state.largeText = large;
                        const auto events = ui.tap(state, "text_size");
                        REQUIRE(has<core::ev::SetLargeText>(events));
                        for (const auto& e : events) {
                            if (const auto* set = std::get_if<core::ev::SetLargeText>(&e)) CHECK(set->on == !large);
                        }
                        const ui::UiElement* button = ui.element("text_size");
                        const ui::UiElement* languages = ui.element("languages");
                        REQUIRE(button);
                        REQUIRE(languages);
                        CHECK(button->label == ui.catalog.text(language, "common.large_text"));
                        CHECK(button->w >= 60.0f);
                        CHECK(button->h >= 60.0f);
                        CHECK(std::fabs(button->y - languages->y) < 0.5f);  // in the bar, beside the language
                        CHECK(std::fabs(button->x - languages->x) < languages->w + sc.m + 0.5f);
                        ui.chosenInShape(state, "text_size", [](core::KioskState& st, bool on) { st.largeText = on; });
                        // Switched on, its icon stays clear of the bar that says so.
                        state.largeText = true;
                        ui.frame(state, false, ImVec2(-FLT_MAX, -FLT_MAX));
                        const auto [glyphs, reaching] = ui.glyphsReaching("text_size", ui::chosenBarRoom(sc));
                        CHECK_MESSAGE(reaching.empty(), reaching << " reach the bar");
                        CHECK(glyphs >= 1);
                    }
                }
            }
        }
    }

    TEST_CASE("browse's order tabs and topic filters show the chosen one in shape, not only in colour") {
        for (const auto& [w, h] : {std::pair{1920.0f, 1080.0f}, std::pair{1080.0f, 1920.0f}}) {
            ViewHarness ui(w, h, true);
            const ui::theme::Scale sc = ui::theme::scaleFor(w, h);
            for (const char* language : {"de", "ar"}) {
                for (const bool contrast : {false, true}) {
                    for (const bool large : {false, true}) {
                        INFO("width " << w << ", language " << language << ", high contrast " << contrast << ", large text " << large);
                        ui.largeText = large;
                        core::KioskState state = on(core::Screen::Browse, language);
                        state.highContrast = contrast;
                        state.largeText = large;
                        ui.chosenInShape(state, "order:browse.order_newest", [](core::KioskState& st, bool chosen) {
                            st.order = chosen ? core::BrowseOrder::Newest : core::BrowseOrder::Random;
                        });
                        REQUIRE(ui.element("order:browse.order_popular"));
                        CHECK(ui.element("order:browse.order_popular")->checked == std::optional<bool>(false));
                        ui.chosenInShape(state, "filter:all", [](core::KioskState& st, bool chosen) { st.categoryFilter = chosen ? "" : "sprache"; });
                        ui.chosenInShape(state, "filter:sprache", [](core::KioskState& st, bool chosen) { st.categoryFilter = chosen ? "sprache" : ""; });
                        // The bar under a chosen label stays clear of the label's letters (descenders too).
                        state.order = core::BrowseOrder::Newest;
                        for (const auto& [id, filter] : {std::pair{"filter:sprache", "sprache"}, std::pair{"filter:all", ""}}) {
                            state.categoryFilter = filter;
                            ui.frame(state, false, ImVec2(-FLT_MAX, -FLT_MAX));
                            for (const std::string& element : {std::string(id), std::string("order:browse.order_newest")}) {
                                REQUIRE(ui.element(element));
                                REQUIRE(ui.element(element)->checked == std::optional<bool>(true));
                                const auto [letters, reaching] = ui.glyphsReaching(element, ui::chosenBarRoom(sc));
                                CHECK_MESSAGE(reaching.empty(), element << ":" << reaching << " reach the bar");
                                CHECK_MESSAGE(letters >= 3, element);
                            }
                        }
                    }
                }
            }
        }
    }

    TEST_CASE("the step line reads in the language's order: the count, its colon, then the step's name (Arabic too)") {
        // Glyphs without the spaces, in drawing order (left to right).
        const auto glyphsOf = [](const std::string& utf8) {
            std::u32string out;
            for (const auto& c : core::decode(utf8)) {
                if (c.cp != ' ') out += static_cast<char32_t>(c.cp);
            }
            return out;
        };
        ViewHarness ui;
        for (const char* language : {"de", "ar"}) {
            INFO("language " << language);
            ui.frame(on(core::Screen::SubmitTitle, language), false, ImVec2(-FLT_MAX, -FLT_MAX));  // step 2 of 5
            const ui::UiElement* step = ui.element("step");
            REQUIRE(step);
            // The line's glyphs: in the step row, in no element (the step's element is the circles; the back button
            // shares the row in landscape).
            const auto inAnElement = [&](float x, float y) {
                return std::any_of(ui.lastElements.begin(), ui.lastElements.end(),
                                   [&](const ui::UiElement& e) { return x >= e.x && x <= e.x + e.w && y >= e.y && y <= e.y + e.h; });
            };
            std::vector<ui::testing::DrawnGlyph> glyphs;
            for (const auto& run : ui::testing::recordDrawnText()) {
                for (const auto& glyph : run.glyphs) {
                    const float cx = (glyph.quad.x0 + glyph.quad.x1) * 0.5f, cy = (glyph.quad.y0 + glyph.quad.y1) * 0.5f;
                    if (!glyph.hidden && cy >= step->y && cy <= step->y + step->h && !inAnElement(cx, cy)) glyphs.push_back(glyph);
                }
            }
            std::sort(glyphs.begin(), glyphs.end(), [](const auto& a, const auto& b) { return a.quad.x0 < b.quad.x0; });
            std::u32string drawn;
            for (const auto& glyph : glyphs) drawn += glyph.codepoint;
            // What is drawn is the label (the logical line) reordered for display as one line.
            CHECK(drawn == glyphsOf(core::visualLine(step->label).visual));
            const std::size_t colon = drawn.find(U':');
            REQUIRE(colon != std::u32string::npos);
            const std::u32string name = glyphsOf(core::visualLine(ui.catalog.text(language, "submit.step_title")).visual);
            const std::size_t two = drawn.find(U'2'), five = drawn.find(U'5');
            REQUIRE(two != std::u32string::npos);
            REQUIRE(five != std::u32string::npos);
            if (std::string(language) == "ar") {
                // Read from the right: "الخطوة 2 من 5:" and then the name, so from the left: the name, ":", "5", …, "2".
                CHECK(drawn.substr(0, colon) == name);
                CHECK(five == colon + 1);
                CHECK(two > five);
            } else {
                CHECK(drawn.substr(colon + 1) == name);
                CHECK(five + 1 == colon);
                CHECK(two < five);
            }
        }
    }

    TEST_CASE("the reading switches keep their whole label beside the switch, in every language, size and text size") {
        // A label that does not fit beside the icon and the switch would be left out (an icon alone rather than a cut
        // word): every kiosk language must keep its words at every screen size, also in large text.
        for (const auto& [w, h] : {std::pair{1080.0f, 1920.0f}, std::pair{1920.0f, 1080.0f}, std::pair{1280.0f, 800.0f}}) {
            ViewHarness ui(w, h, true);
            for (const bool large : {false, true}) {
                ui.largeText = large;
                for (const auto& language : core::kioskLanguages()) {
                    for (const bool list : {false, true}) {
                        INFO("width " << w << ", large text " << large << ", language " << language << ", list " << list);
                        core::KioskState state = on(core::Screen::Start, language, list);
                        state.largeText = large;
                        ui.frame(state, false, ImVec2(-FLT_MAX, -FLT_MAX));
                        const auto runs = ui::testing::recordDrawnText();
                        for (const char* id : {"text_size", "contrast"}) {
                            const ui::UiElement* e = ui.element(id);
                            REQUIRE(e);
                            int letters = 0;
                            bool ellipsis = false;
                            for (const auto& run : runs) {
                                for (const auto& glyph : run.glyphs) {
                                    const float cx = (glyph.quad.x0 + glyph.quad.x1) * 0.5f, cy = (glyph.quad.y0 + glyph.quad.y1) * 0.5f;
                                    if (glyph.hidden || cx < e->x || cx > e->x + e->w || cy < e->y || cy > e->y + e->h) continue;
                                    const bool icon = glyph.codepoint >= 0xF000 && glyph.codepoint <= 0xF2FF;  // Font Awesome
                                    ellipsis = ellipsis || glyph.codepoint == U'\u2026';
                                    letters += icon ? 0 : 1;
                                }
                            }
                            CHECK_MESSAGE(letters >= 3, id << ": " << e->label);
                            CHECK_MESSAGE(!ellipsis, id << ": " << e->label);
                        }
                    }
                }
            }
        }
    }

    TEST_CASE("a title of one or two lines shows all its lines in a field as high as they are, in both text sizes") {
        for (const bool large : {false, true}) {
            for (const auto& [w, h] : {std::pair{1080.0f, 1920.0f}, std::pair{1920.0f, 1080.0f}}) {
                CAPTURE(large);
                CAPTURE(w);
                ViewHarness ui(w, h, large);
                ui.largeText = large;
                core::KioskState state = on(core::Screen::SubmitTitle);
                state.largeText = large;
                for (const auto& [title, first, last] :
                     {std::tuple{"Sprachcafé im Glashaus", "Sprachcafé", "Glashaus"},
                      std::tuple{"Hausaufgabenhilfe für Grundschüler im Gemeindehaus und in der Stadtbibliothek Herten",
                                 "Hausaufgabenhilfe", "Herten"}}) {
                    state.draft.title = title;
                    ui.frame(state, false, ImVec2(-FLT_MAX, -FLT_MAX));
                    std::string drawn;
                    for (const auto& run : ui::testing::recordDrawnText()) drawn += run.text + " ";
                    CHECK_MESSAGE(drawn.find(first) != std::string::npos, title);
                    CHECK_MESSAGE(drawn.find(last) != std::string::npos, title);
                }
            }
        }
    }

    TEST_CASE("start screen: the two big choices send their events") {
        ViewHarness ui;
        CHECK(has<core::ev::ChooseSubmit>(ui.tap(on(core::Screen::Start), "choose:submit")));
        CHECK(has<core::ev::ChooseBrowse>(ui.tap(on(core::Screen::Start), "choose:browse")));
        CHECK(has<core::ev::Finish>(ui.tap(on(core::Screen::Start), "done")));
        CHECK(has<core::ev::ShowLanguages>(ui.tap(on(core::Screen::Start), "languages")));
        core::KioskState picking = on(core::Screen::Start);
        picking.languagePicker = true;
        const auto events = ui.tap(picking, "lang:uk");
        REQUIRE(has<core::ev::SetLanguage>(events));
        CHECK(has<core::ev::ShowLanguages>(ui.tap(picking, "languages:close")));
        // The list covers the screen: nothing beneath it can be tapped.
        ui.frame(picking, false, ImVec2(-FLT_MAX, -FLT_MAX));
        CHECK(ui.element("choose:submit") == nullptr);
        CHECK(ui.element("lang:ku") != nullptr);
    }

    TEST_CASE("a press that was a drag fires nothing, and hovering alone fires nothing") {
        ViewHarness ui;
        CHECK(ui.tap(on(core::Screen::Start), "choose:submit", true).empty());
        ui.frame(on(core::Screen::Start), false, ImVec2(-FLT_MAX, -FLT_MAX));
        const auto* e = ui.element("choose:browse");
        REQUIRE(e);
        for (int i = 0; i < 5; ++i) CHECK(ui.frame(on(core::Screen::Start), false, ImVec2(e->x + 10, e->y + 10)).empty());
    }

    TEST_CASE("browse: vote, undo and card taps, and only visible cards are laid out") {
        ViewHarness ui;
        auto state = on(core::Screen::Browse);
        const auto vote = ui.tap(state, "vote:1");
        REQUIRE(vote.size() == 1);
        CHECK(std::get<core::ev::Vote>(vote[0]).ideaId == "id1");
        CHECK(has<core::ev::OpenDetail>(ui.tap(state, "card:2")));
        state.voted.insert("id1");
        CHECK(has<core::ev::Undo>(ui.tap(state, "undo:1")));
        int cards = 0;
        for (const auto& e : ui.lastElements) cards += e.role == std::string("card");
        CHECK(cards > 2);
        CHECK(cards < 10);  // 50 ideas, a screenful drawn
        SUBCASE("no budget: the vote buttons are disabled") {
            state.voted.clear();
            state.votesLeft = 0;
            ui.frame(state, false, ImVec2(-FLT_MAX, -FLT_MAX));
            REQUIRE(ui.element("vote:1"));
            CHECK_FALSE(ui.element("vote:1")->enabled);
        }
    }

    TEST_CASE("the keyboard sends the key that is drawn, with Turkish capitals") {
        ViewHarness ui;
        auto state = on(core::Screen::SubmitTitle);
        state.keyboard.reset("tr");
        state.keyboard.shift = true;
        const auto events = ui.tap(state, "key:i");
        REQUIRE(events.size() == 1);
        CHECK(std::get<core::ev::KeyPressed>(events[0]).key.text == "İ");
        CHECK(ui.element("key:i")->label == "İ");
        CHECK(has<core::ev::Next>(ui.tap(state, "next")));
    }

    TEST_CASE("Arabic: a mirrored screen whose taps land, and text drawn joined in reading order") {
        ViewHarness ui;
        auto state = on(core::Screen::SubmitTitle);
        state.language = "ar";
        state.keyboard.reset("ar");
        state.draft.title = "\u0633\u0644\u0627\u0645 2026";  // typed order: seen, lam, alef, meem, space, 2026
        ui.drawFrame(ui.drawing(state), false, ImVec2(-FLT_MAX, -FLT_MAX), false, "ar");
        // The back button leaves the left edge for the right one; the keyboard keeps its physical order.
        REQUIRE(ui.element("back"));
        CHECK(ui.element("back")->x > 1920 / 2);
        REQUIRE(ui.element("key:ض"));
        REQUIRE(ui.element("key:ذ"));
        CHECK(ui.element("key:ذ")->x < ui.element("key:ض")->x);
        // A tap where the mirrored element is drawn reaches it.
        const auto events = ui.tap(state, "key:ض");
        REQUIRE(events.size() == 1);
        CHECK(std::get<core::ev::KeyPressed>(events[0]).key.text == "ض");
        CHECK(has<core::ev::Back>(ui.tap(state, "back")));
        // The field shows the title shaped, in visual order: the number left of the word, which reads from the
        // right (meem final, lam-alef ligature, seen initial); the stored draft stays as typed.
        ui.drawFrame(ui.drawing(state), false, ImVec2(-FLT_MAX, -FLT_MAX), false, "ar");
        bool shown = false;
        for (const auto& run : ui::testing::recordDrawnText()) {
            if (run.text == "2026 \uFEE1\uFEFC\uFEB3") shown = true;
        }
        CHECK(shown);
        CHECK(ui.element("field")->label == state.draft.title);
    }

    TEST_CASE("the idle overlay takes the touch") {
        ViewHarness ui;
        auto state = on(core::Screen::Browse);
        state.idleWarning = true;
        state.lastInputAt = ui.now - 61;
        CHECK(has<core::ev::StillHere>(ui.tap(state, "still_here")));
    }

    TEST_CASE("every button described is tappable at its middle, also one the list cuts off at its edge") {
        // Scrolled in steps of 10 px, the list's edges cut vote buttons again and again (at 1280x800 the third
        // card's button once showed its upper fifth, and a tap at its full middle went nowhere).
        ViewHarness ui(1280, 800);
        const auto state = on(core::Screen::Browse);
        int cut = 0;
        for (int step = 0; step < 20; ++step) {
            ui.frame(state, false, ImVec2(-FLT_MAX, -FLT_MAX));
            ui.view.browse.scroller.setOffsetBy(10.0f);
            ui.frame(state, false, ImVec2(-FLT_MAX, -FLT_MAX));
            std::vector<ui::UiElement> votes;
            for (const auto& e : ui.lastElements) {
                if (e.id.rfind("vote:", 0) == 0) votes.push_back(e);
            }
            REQUIRE(votes.size() >= 2);
            for (const auto& vote : votes) {
                CAPTURE(step);
                CAPTURE(vote.id);
                cut += vote.cut;
                CHECK(has<core::ev::Vote>(ui.tap(state, vote.id)));
            }
        }
        CHECK(cut > 0);
    }

    TEST_CASE("every tappable target is at least 60 px both ways, landscape and portrait") {
        for (const auto& [w, h] : {std::pair{1920.0f, 1080.0f}, std::pair{1080.0f, 1920.0f}}) {
            ViewHarness ui(w, h);
            for (auto screen : {core::Screen::Start, core::Screen::Browse, core::Screen::Detail, core::Screen::SubmitCategory,
                                core::Screen::SubmitTitle, core::Screen::SubmitReview, core::Screen::Thanks}) {
                ui.frame(on(screen), false, ImVec2(-FLT_MAX, -FLT_MAX));
                for (const auto& e : ui.lastElements) {
                    if (e.role == std::string("status") || e.role == std::string("text") || e.cut) continue;
                    CAPTURE(e.id);
                    CHECK(e.w >= 60.0f);
                    CHECK(e.h >= 60.0f);
                    CHECK(e.x + e.w <= w + 0.5f);  // nothing runs off the screen
                }
            }
        }
    }
    TEST_CASE("the thank-you says the number is provisional only while the venue server is out of reach") {
        ViewHarness ui;
        auto state = on(core::Screen::Thanks);
        state.savedNumber = 17;
        ui.frame(state, false, ImVec2(-FLT_MAX, -FLT_MAX));
        REQUIRE(ui.element("saved_number"));
        CHECK_FALSE(ui.element("number_provisional"));
        ui.model.numbersProvisional = true;
        ui.frame(state, false, ImVec2(-FLT_MAX, -FLT_MAX));
        REQUIRE(ui.element("number_provisional"));
        CHECK(ui.element("number_provisional")->label.find("Vorläufige Nummer") == 0);
        CHECK(ui.element("number_provisional")->y > ui.element("saved_number")->y);
    }
}
