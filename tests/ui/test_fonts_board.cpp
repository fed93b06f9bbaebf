// Headless ImGui tests (no window, no GL): glyph coverage of the fonts and the idea board's drawing.
#include "kiosk/core/i18n.h"
#include "kiosk/core/keyboard.h"
#include "kiosk/ui/fonts.h"
#include "kiosk/ui/idea_board.h"
#include "kiosk/ui/theme.h"
#include "storage/demo_texts.h"

#include "imgui.h"

#include <doctest/doctest.h>

#include <utf8proc.h>

namespace {

// An ImGui context with a font atlas built the way the kiosk builds it, for one test.
struct HeadlessImGui {
    kiosk::ui::Fonts fonts;
    int atlasWidth = 0, atlasHeight = 0;
    explicit HeadlessImGui(bool withLargeText = false, float shorterSide = 1080.0f) {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1920, 1080);
        io.DeltaTime = 1.0f / 60.0f;
        fonts = kiosk::ui::loadFonts(shorterSide, withLargeText);
        unsigned char* pixels = nullptr;
        io.Fonts->GetTexDataAsAlpha8(&pixels, &atlasWidth, &atlasHeight);
    }
    ~HeadlessImGui() { ImGui::DestroyContext(); }
};

std::vector<ImWchar> codepoints(const std::string& text) {
    std::vector<ImWchar> result;
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    auto remaining = static_cast<utf8proc_ssize_t>(text.size());
    while (remaining > 0) {
        utf8proc_int32_t cp = 0;
        const auto n = utf8proc_iterate(bytes, remaining, &cp);
        REQUIRE(n > 0);
        result.push_back(static_cast<ImWchar>(cp));
        bytes += n;
        remaining -= n;
    }
    return result;
}

}  // namespace

TEST_SUITE("ui") {
    TEST_CASE("every character of every kiosk language has a real glyph, never a fallback, in both text sizes") {
        HeadlessImGui imgui(true);
        std::string text = "Größe üben – çok güzel, İzmir „Anführung“ … € ÄÖÜẞ ğĞşŞıİçÇöÖüÜ «Ёлка» ҐЄЇІ м’ята "
                           "ĄĆĘŁŃÓŚŹŻ ÇÊÎŞÛ";
        for (const auto& idea : storage::demo::ideas()) text += std::string(idea.title) + idea.description;
        // Every key of every layout and page, shifted or not, and every translated text the kiosk shows.
        for (auto layout : kiosk::core::allLayouts()) {
            for (int page = 0; page < 3; ++page) {
                kiosk::core::KeyboardModel keyboard;
                keyboard.reset(layout);
                keyboard.shift = page == 1;
                keyboard.symbols = page == 2;
                for (const auto& row : keyboard.rows()) {
                    for (const auto& key : row) text += key.text;
                }
            }
        }
        const auto catalog = kiosk::core::Catalog::load(std::string(IDEEN_SOURCE_DIR) + "/assets/i18n");
        for (const std::string& language : catalog.languages()) {
            for (const auto& key : catalog.keys(language)) text += catalog.text(language, key);
        }
        const auto large = imgui.fonts.forTextSize(true);
        for (ImFont* font : {imgui.fonts.body, imgui.fonts.bold, imgui.fonts.title, large.body, large.bold, large.title}) {
            for (ImWchar c : codepoints(text)) {
                CAPTURE(c);
                CHECK(font->FindGlyphNoFallback(c) != nullptr);
            }
        }
    }

    TEST_CASE("the board draws every card and scales with the screen") {
        HeadlessImGui imgui;
        kiosk::ui::IdeaBoardModel model;
        model.title = "Integrationskonferenz";
        for (int i = 1; i <= 12; ++i) model.cards.push_back({i, "Idee " + std::to_string(i), "", 0xFF3366CC, i});
        kiosk::ui::IdeaBoard board;
        ImGui::NewFrame();
        board.Draw(model, imgui.fonts);
        ImGui::Render();
        const ImDrawData* data = ImGui::GetDrawData();
        REQUIRE(data->CmdListsCount > 0);
        int vertices = 0;
        for (int i = 0; i < data->CmdListsCount; ++i) vertices += data->CmdLists[i]->VtxBuffer.Size;
        const int withTwelve = vertices;
        model.cards.resize(2);
        ImGui::NewFrame();
        board.Draw(model, imgui.fonts);
        ImGui::Render();
        vertices = 0;
        for (int i = 0; i < ImGui::GetDrawData()->CmdListsCount; ++i) vertices += ImGui::GetDrawData()->CmdLists[i]->VtxBuffer.Size;
        CHECK(vertices < withTwelve);
        CHECK(imgui.fonts.body->FontSize == doctest::Approx(30.0f * 1.36f));  // an em of 1080/36, loaded by line height
    }

    TEST_CASE("the large fonts are 1.3 times the normal ones in the same atlas: what they cost") {
        for (const float side : {1080.0f, 800.0f}) {
            CAPTURE(side);
            int normalArea = 0;
            {
                HeadlessImGui normal(false, side);
                CHECK(normal.fonts.largeBody == nullptr);
                CHECK(normal.fonts.forTextSize(true).body == normal.fonts.body);  // nothing to switch to: normal text
                normalArea = normal.atlasWidth * normal.atlasHeight;
                MESSAGE("atlas at " << side << " px without large text: " << normal.atlasWidth << "x" << normal.atlasHeight
                                    << " (" << normalArea / 1024 << " KiB as one byte a pixel)");
            }
            HeadlessImGui both(true, side);
            const auto large = both.fonts.forTextSize(true);
            REQUIRE(large.body != both.fonts.body);
            CHECK(large.body->FontSize == doctest::Approx(both.fonts.body->FontSize * kiosk::ui::theme::kLargeTextFactor));
            CHECK(large.bold->FontSize == doctest::Approx(both.fonts.bold->FontSize * kiosk::ui::theme::kLargeTextFactor));
            CHECK(large.title->FontSize == doctest::Approx(both.fonts.title->FontSize * kiosk::ui::theme::kLargeTextFactor));
            CHECK(large.display == both.fonts.display);
            CHECK(both.fonts.forTextSize(false).body == both.fonts.body);
            const int area = both.atlasWidth * both.atlasHeight;
            CHECK(area > normalArea);
            MESSAGE("atlas at " << side << " px with large text: " << both.atlasWidth << "x" << both.atlasHeight << " ("
                                << area / 1024 << " KiB, +" << (area - normalArea) / 1024 << " KiB)");
        }
    }

    TEST_CASE("colours from the event file") {
        CHECK(kiosk::ui::colorFromHex("#ff0000") == IM_COL32(255, 0, 0, 255));
        CHECK(kiosk::ui::colorFromHex("red") == IM_COL32(136, 136, 136, 255));
    }
}
