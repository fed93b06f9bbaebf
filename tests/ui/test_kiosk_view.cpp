// Headless view tests: draw the kiosk screens without a window, press widgets with the ImGui mouse,
// and check which events come back.
#include "kiosk/ui/kiosk_view.h"

#include "imgui.h"

#include <doctest/doctest.h>

#include <cfloat>

using namespace kiosk;

namespace {

struct ViewHarness {
    core::Catalog catalog = core::Catalog::load(std::string(IDEEN_SOURCE_DIR) + "/assets/i18n");
    ui::Fonts fonts;
    ui::KioskView view;
    ui::KioskViewModel model;
    double now = 10.0;
    std::vector<ui::UiElement> lastElements;

    explicit ViewHarness(float width = 1920, float height = 1080) {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(width, height);
        io.DeltaTime = 1.0f / 60.0f;
        fonts = ui::loadFonts(height);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        model.eventTitle = "Integrationskonferenz";
        model.categories = {{"sprache", {{"de", "Sprache"}, {"tr", "Dil"}}, 0xFF0000FF}};
        for (int i = 1; i <= 50; ++i) model.ideas.push_back({"id" + std::to_string(i), i, "Idee " + std::to_string(i), "", "sprache", i, i});
        model.totalIdeas = 50;
    }
    ~ViewHarness() { ImGui::DestroyContext(); }

    std::vector<core::Event> frame(const core::KioskState& state, bool mouseDown, ImVec2 mouse, bool suppress = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = mouse;
        io.MouseDown[0] = mouseDown;
        now += 1.0 / 60.0;
        ImGui::NewFrame();
        const ui::Metrics metrics = ui::Metrics::forScreen(io.DisplaySize.x, io.DisplaySize.y);
        ui::Frame f{catalog, fonts, metrics, now, suppress, mouse.y, {}, {}, state.language};
        view.Draw(state, model, f);
        ImGui::Render();
        lastElements = f.elements;
        return f.events;
    }

    const ui::UiElement* element(const std::string& id) const {
        for (const auto& e : lastElements) {
            if (e.id == id) return &e;
        }
        return nullptr;
    }

    /// Draws once to learn where `id` is, then presses and releases it over two frames.
    std::vector<core::Event> tap(const core::KioskState& state, const std::string& id, bool suppress = false) {
        frame(state, false, ImVec2(-FLT_MAX, -FLT_MAX));
        const auto* e = element(id);
        REQUIRE_MESSAGE(e, "no element " << id);
        const ImVec2 center(e->x + e->w / 2, e->y + e->h / 2);
        frame(state, true, center, suppress);
        return frame(state, false, center, suppress);
    }
};

template <typename T>
bool has(const std::vector<core::Event>& events) {
    for (const auto& e : events) {
        if (std::holds_alternative<T>(e)) return true;
    }
    return false;
}

core::KioskState on(core::Screen screen) {
    core::KioskState state;
    state.screen = screen;
    state.sessionId = "s";
    state.votesLeft = 3;
    return state;
}

}  // namespace

TEST_SUITE("ui.views") {
    TEST_CASE("start screen: the two big choices send their events") {
        ViewHarness ui;
        CHECK(has<core::ev::ChooseSubmit>(ui.tap(on(core::Screen::Start), "choose:submit")));
        CHECK(has<core::ev::ChooseBrowse>(ui.tap(on(core::Screen::Start), "choose:browse")));
        CHECK(has<core::ev::Finish>(ui.tap(on(core::Screen::Start), "done")));
        const auto events = ui.tap(on(core::Screen::Start), "lang:tr");
        REQUIRE(has<core::ev::SetLanguage>(events));
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
        state.keyboard.reset(core::KeyboardLayout::Turkish);
        state.keyboard.shift = true;
        const auto events = ui.tap(state, "key:i");
        REQUIRE(events.size() == 1);
        CHECK(std::get<core::ev::KeyPressed>(events[0]).key.text == "İ");
        CHECK(ui.element("key:i")->label == "İ");
        CHECK(has<core::ev::Next>(ui.tap(state, "next")));
    }

    TEST_CASE("the idle overlay takes the touch") {
        ViewHarness ui;
        auto state = on(core::Screen::Browse);
        state.idleWarning = true;
        state.lastInputAt = ui.now - 61;
        CHECK(has<core::ev::StillHere>(ui.tap(state, "still_here")));
    }

    TEST_CASE("every tappable target is at least 60 px both ways, landscape and portrait") {
        for (const auto& [w, h] : {std::pair{1920.0f, 1080.0f}, std::pair{1080.0f, 1920.0f}}) {
            ViewHarness ui(w, h);
            for (auto screen : {core::Screen::Start, core::Screen::Browse, core::Screen::SubmitCategory,
                                core::Screen::SubmitTitle, core::Screen::SubmitReview}) {
                ui.frame(on(screen), false, ImVec2(-FLT_MAX, -FLT_MAX));
                for (const auto& e : ui.lastElements) {
                    if (e.role == std::string("status") || e.role == std::string("text")) continue;
                    CAPTURE(e.id);
                    CHECK(e.w >= 60.0f);
                    CHECK(e.h >= 60.0f);
                    CHECK(e.x + e.w <= w + 0.5f);  // nothing runs off the screen
                }
            }
        }
    }
}
