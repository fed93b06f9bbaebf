// Headless tests of the moderators' panel: at the kiosk its text fields open the on-screen keyboard.
#include "kiosk/ui/moderation_view.h"
#include "drawn_text.h"
#include "imgui_harness.h"

#include "kiosk/core/text_edit.h"

#include <doctest/doctest.h>

using namespace kiosk;

namespace {

struct PanelHarness : ImGuiHarness {
    ui::ModerationView view;
    core::PanelModel model;
    ui::PanelOutput out;

    explicit PanelHarness(bool atKiosk) {
        model.eventTitle = "Integrationskonferenz";
        model.atKiosk = atKiosk;
        core::PanelModel::IdeaRow idea;
        idea.id = "idea-1";
        idea.number = 1;
        idea.title = "Sprachkurs";
        idea.description = "Abends im Glashaus";
        model.ideas.push_back(idea);
    }
    DrawFn drawing() {
        return [this](ui::Frame& f) { view.Draw(model, f, out); };
    }
    void tap(const std::string& id) { tapOn(drawing(), id); }
    void type(const char* text) { drawFrame(drawing(), false, ImVec2(-FLT_MAX, -FLT_MAX), false, "de", text); }
    bool shows(const std::string& id) {
        drawFrame(drawing(), false, ImVec2(-FLT_MAX, -FLT_MAX));
        return element(id) != nullptr;
    }
};

}  // namespace

TEST_SUITE("ui.moderation") {
    TEST_CASE("the control tab offers phones on and off only where the kiosk has an address, and says what serves") {
        PanelHarness ui(true);
        ui.tap("tab:control");
        CHECK_FALSE(ui.shows("ctl:phones"));
        ui.model.phonesAvailable = true;
        REQUIRE(ui.shows("ctl:phones"));
        CHECK(ui.element("ctl:phones")->label == "Handys einschalten");
        ui.tap("ctl:phones");
        REQUIRE(ui.out.actions.size() == 1);
        CHECK(ui.out.actions[0].kind == core::PanelAction::Kind::SetPhones);
        CHECK(ui.out.actions[0].on);
        ui.out.actions.clear();
        ui.model.phonesUrl = "http://192.168.1.10:8080/";
        REQUIRE(ui.shows("ctl:phones"));
        CHECK(ui.element("ctl:phones")->label == "Handys ausschalten");
        ui.tap("ctl:phones");
        REQUIRE(ui.out.actions.size() == 1);
        CHECK_FALSE(ui.out.actions[0].on);
    }

    TEST_CASE("the panel names where each session and idea came from, and voids a phone's session with a reason") {
        PanelHarness ui(true);
        ui.model.ideas[0].fromPhone = true;
        ui.model.sessions.push_back({"s-phone", "14:05", "tr", 2, false, true});
        ui.model.sessions.push_back({"s-kiosk", "14:01", "de", 1, false, false});
        ui.tap("tab:sessions");
        REQUIRE(ui.shows("session:0"));
        CHECK(ui.element("session:0")->label.find("Handy") != std::string::npos);
        CHECK(ui.element("session:1")->label.find("Kiosk") != std::string::npos);
        ui.tap("session:0");
        ui.tap("reason:offensive");
        ui.tap("act:void");
        REQUIRE(ui.out.actions.size() == 1);
        CHECK(ui.out.actions[0].kind == core::PanelAction::Kind::VoidSession);
        CHECK(ui.out.actions[0].target == "s-phone");
        CHECK_FALSE(ui.out.actions[0].reason.empty());

        ui.tap("tab:ideas");
        const auto drawnHandy = [&] {
            for (const auto& run : ui::testing::recordDrawnText()) {
                if (run.text.find("Handy") != std::string::npos) return true;
            }
            return false;
        };
        CHECK(drawnHandy());  // the idea's row carries the badge
        ui.model.ideas[0].fromPhone = false;
        ui.drawFrame(ui.drawing(), false, ImVec2(-FLT_MAX, -FLT_MAX));
        CHECK_FALSE(drawnHandy());
    }

    TEST_CASE("the chosen idea names its category in the panel's language, not by its key") {
        PanelHarness ui(true);
        ui.model.categories.push_back({"begegnung", {{"de", "Begegnung"}, {"tr", "Karşılaşma"}}, "#4a90d9"});
        ui.model.ideas[0].category = "begegnung";
        const auto drawn = [&](const std::string& text) {
            for (const auto& run : ui::testing::recordDrawnText()) {
                if (run.text.find(text) != std::string::npos) return true;
            }
            return false;
        };
        for (const char* id : {"tab:ideas", "row:1"}) ui.tapOn(ui.drawing(), id, false, "tr");
        CHECK(drawn("Karşılaşma"));
        CHECK_FALSE(drawn("begegnung"));
        ui.drawFrame(ui.drawing(), false, ImVec2(-FLT_MAX, -FLT_MAX), false, "uk");  // none in Ukrainian: German
        CHECK(drawn("Begegnung"));
    }

    TEST_CASE("the typing screen's keyboard is the one of the panel's language") {
        for (const std::string language : {"uk", "ar", "tr"}) {
            CAPTURE(language);
            PanelHarness ui(true);
            for (const char* id : {"tab:ideas", "row:1", "act:edit", "field:reason"}) ui.tapOn(ui.drawing(), id, false, language);
            REQUIRE(ui.view.typing == ui::ModerationView::Field::Reason);
            REQUIRE(core::layoutForLanguage(language) != "de");
            CHECK(ui.view.keyboard.layout == core::layoutForLanguage(language));
        }
    }

    TEST_CASE("at the kiosk a typo is corrected with the on-screen keyboard") {
        PanelHarness ui(true);
        ui.tap("tab:ideas");
        ui.tap("row:1");
        ui.tap("act:edit");
        ui.tap("field:title");
        REQUIRE(ui.view.typing == ui::ModerationView::Field::Title);
        CHECK_FALSE(ui.shows("act:edit"));  // the typing screen covers the panel
        ui.tap("key:e");
        CHECK(ui.view.editTitle == "Sprachkurse");
        ui.type("n");  // a plugged-in keyboard types into the same field
        CHECK(ui.view.editTitle == "Sprachkursen");
        ui.tap("key:backspace");
        CHECK(ui.view.editTitle == "Sprachkurse");
        ui.tap("typing:done");
        CHECK(ui.view.typing == ui::ModerationView::Field::None);
        ui.tap("reason:duplicate");
        ui.tap("edit:save");
        REQUIRE(ui.out.actions.size() == 1);
        const core::PanelAction& edit = ui.out.actions[0];
        CHECK(edit.kind == core::PanelAction::Kind::Edit);
        CHECK(edit.target == "idea-1");
        CHECK(edit.edit.title == "Sprachkurse");
        CHECK(edit.edit.description == "Abends im Glashaus");
        CHECK_FALSE(edit.reason.empty());
    }

    TEST_CASE("the typing screen keeps the model's limits and free reasons") {
        PanelHarness ui(true);
        ui.tap("tab:ideas");
        ui.tap("row:1");
        SUBCASE("a reason typed on the keyboard enables hiding") {
            ui.drawFrame(ui.drawing(), false, ImVec2(-FLT_MAX, -FLT_MAX));
            REQUIRE(ui.element("act:hide"));
            CHECK_FALSE(ui.element("act:hide")->enabled);
            ui.tap("field:reason");
            ui.tap("key:shift");
            ui.tap("key:w");
            ui.tap("key:e");
            ui.tap("key:r");
            ui.tap("key:b");
            ui.tap("key:u");
            ui.tap("key:n");
            ui.tap("key:g");
            ui.tap("typing:done");
            CHECK(ui.view.reason == "Werbung");
            ui.tap("act:hide");
            REQUIRE(ui.out.actions.size() == 1);
            CHECK(ui.out.actions[0].kind == core::PanelAction::Kind::Hide);
            CHECK(ui.out.actions[0].reason == "Werbung");
        }
        SUBCASE("an author name stops at 60 characters") {
            ui.tap("act:edit");
            ui.tap("field:author");
            ui.type(std::string(100, 'a').c_str());
            CHECK(core::characterCount(ui.view.editAuthor) == 60);
        }
    }

    TEST_CASE("on a laptop the fields take keys directly and no typing screen opens") {
        PanelHarness ui(false);
        ui.tap("tab:ideas");
        ui.tap("row:1");
        ui.tap("act:edit");
        CHECK_FALSE(ui.shows("field:title"));  // an InputText, not a touch button
        CHECK(ui.view.typing == ui::ModerationView::Field::None);
    }
    TEST_CASE("the band shows the venue sync only with a server, beside the event's title") {
        PanelHarness ui(true);
        auto drawnLine = [&ui](const std::string& start) {
            ui.drawFrame(ui.drawing(), false, ImVec2(-FLT_MAX, -FLT_MAX));
            for (const auto& run : ui::testing::recordDrawnText()) {
                if (run.text.rfind(start, 0) == 0) return run;
            }
            return ui::testing::TextRun{};
        };
        CHECK(drawnLine("Server").text.empty());
        ui.model.sync = {.enabled = true, .connected = false, .secondsSinceSync = 75, .waiting = 7};
        const auto line = drawnLine("Server");
        CHECK(line.text == "Server nicht erreichbar · zuletzt vor 75 s · 7 offen");
        const auto title = drawnLine("Integrationskonferenz");
        REQUIRE_FALSE(title.text.empty());
        CHECK(title.rect.x1 < line.rect.x0);        // side by side, not on top of each other
        CHECK(line.fontSize < title.fontSize);      // discreet: smaller than the title
    }

    // The panel speaks the moderators' language (PanelHost hands it in as frame.language), chosen in the panel.
    TEST_CASE("the panel's language button lists the languages in their own names and switching changes the panel's texts") {
        PanelHarness ui(true);
        ui.model.languages = {"de", "tr", "ar"};
        REQUIRE(ui.shows("tab:ideas"));
        CHECK(ui.element("tab:ideas")->label == "Alle Ideen");
        REQUIRE(ui.element("panel:language"));
        CHECK(ui.element("panel:language")->label == "Deutsch");
        ui.tap("panel:language");
        REQUIRE(ui.shows("panel:lang:tr"));
        CHECK_FALSE(ui.shows("tab:ideas"));  // the list covers the tabs while it is open
        CHECK(ui.element("panel:lang:tr")->label == "Türkçe");
        CHECK(ui.element("panel:lang:de")->checked == true);
        ui.tap("panel:lang:tr");
        CHECK(ui.out.language == "tr");
        CHECK_FALSE(ui.view.pickingLanguage);
        // Drawn in the chosen language: the same tab in Turkish, the button naming Türkçe.
        ui.drawFrame(ui.drawing(), false, ImVec2(-FLT_MAX, -FLT_MAX), false, "tr");
        REQUIRE(ui.element("tab:ideas"));
        CHECK(ui.element("tab:ideas")->label == ui.catalog.text("tr", "panel.tab_ideas"));
        CHECK(ui.element("tab:ideas")->label != "Alle Ideen");
        CHECK(ui.element("panel:language")->label == "Türkçe");
        // A single language offers no choice: no button.
        ui.model.languages = {"de"};
        CHECK_FALSE(ui.shows("panel:language"));
    }

    TEST_CASE("in Arabic the panel is mirrored: the band's way out on the left, the tabs from the right, taps land") {
        PanelHarness ui(true);
        ui.model.languages = {"de", "ar"};
        const float width = ImGui::GetIO().DisplaySize.x;
        ui.drawFrame(ui.drawing(), false, ImVec2(-FLT_MAX, -FLT_MAX), false, "de");
        CHECK_FALSE(ui.lastFlipped);
        REQUIRE(ui.element("panel:close"));
        CHECK(ui.element("panel:close")->x > width * 0.5f);
        ui.drawFrame(ui.drawing(), false, ImVec2(-FLT_MAX, -FLT_MAX), false, "ar");
        CHECK(ui.lastFlipped);
        REQUIRE(ui.element("panel:close"));
        CHECK(ui.element("panel:close")->x < width * 0.5f);
        CHECK(ui.element("tab:pending")->x > ui.element("tab:control")->x);
        CHECK(ui.element("tab:ideas")->label == ui.catalog.text("ar", "panel.tab_ideas"));
        // A tap on the mirrored picture reaches the tab under the finger.
        ui.tapOn(ui.drawing(), "tab:control", false, "ar");
        CHECK(ui.view.tab == ui::ModerationView::Tab::Control);
    }

    // The sweep sees text that is cut or shortened; a label broken inside a word ("İncelenece" / "k (0)") is neither.
    TEST_CASE("a tab's label that needs two lines breaks between words, in every left-to-right language") {
        for (const auto& [width, height] : {std::pair{1080.0f, 1920.0f}, std::pair{1280.0f, 800.0f}}) {
            PanelHarness ui(true);
            ImGui::GetIO().DisplaySize = ImVec2(width, height);
            for (const std::string& language : core::kioskLanguages()) {
                if (language == "ar") continue;  // drawn in visual order, shaped: its words are not the catalog's
                ui.drawFrame(ui.drawing(), false, ImVec2(-FLT_MAX, -FLT_MAX), false, language);
                const auto runs = ui::testing::recordDrawnText();
                for (const char* id : {"tab:pending", "tab:ideas", "tab:sessions", "tab:log", "tab:control"}) {
                    const ui::UiElement* tab = ui.element(id);
                    REQUIRE(tab);
                    const ui::testing::Box box{tab->x, tab->y, tab->x + tab->w, tab->y + tab->h};
                    std::string drawn;
                    for (const auto& run : runs) {
                        if (run.anyVisible() && box.contains(run.rect, 1.0f)) drawn += (drawn.empty() ? "" : " ") + run.text;
                    }
                    CHECK_MESSAGE(drawn == tab->label, "[" << language << " " << width << "x" << height << "] " << std::string(id) << " shows '"
                                                           << drawn << "' for '" << tab->label << "'");
                }
            }
        }
    }
}
