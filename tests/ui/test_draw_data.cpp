// Draw data statistics and the full-screen background the window clears instead of blending.
#include "kiosk/ui/draw_data.h"
#include "kiosk/ui/frame.h"
#include "kiosk/ui/kiosk_view.h"
#include "kiosk/ui/shaped_text.h"
#include "kiosk/ui/theme.h"
#include "imgui_harness.h"

#include "imgui.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

using namespace kiosk;

namespace {

// A full-screen window of `background` with one white card, as the kiosk's screens draw.
ImGuiHarness::DrawFn screenWith(unsigned int background) {
    return [background](ui::Frame&) {
        ui::BeginFullscreen("##screen", background);
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(100, 100), ImVec2(300, 200), IM_COL32(255, 255, 255, 255));
        ui::EndFullscreen();
    };
}

void linearMark(const ImDrawList*, const ImDrawCmd*) {}
void restoreMark(const ImDrawList*, const ImDrawCmd*) {}

// The frame's commands as a line: L and R for the two callbacks, G for a command that draws.
std::string commandsOf(const ImDrawData& data) {
    std::string out;
    for (int l = 0; l < data.CmdListsCount; ++l) {
        for (const ImDrawCmd& cmd : data.CmdLists[l]->CmdBuffer) {
            if (cmd.UserCallback == linearMark) out += 'L';
            else if (cmd.UserCallback == restoreMark) out += 'R';
            else if (cmd.UserCallback) out += '?';
            else if (cmd.ElemCount > 0) out += 'G';
        }
    }
    return out;
}

// One full-screen window with `text` drawn at `scale` times its font's size, once plain and once shaped (Arabic).
ImGuiHarness::DrawFn textAt(float scale) {
    return [scale](ui::Frame& f) {
        ui::BeginFullscreen("##screen", IM_COL32(240, 240, 240, 255));
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const float size = f.fonts.body->FontSize * scale;
        ui::AddShapedText(draw, f.fonts.body, size, ImVec2(100, 100), IM_COL32(0, 0, 0, 255), "Ideen");
        ui::AddShapedText(draw, f.fonts.body, size, ImVec2(100, 300), IM_COL32(0, 0, 0, 255), "\u0623\u0641\u0643\u0627\u0631");
        ui::EndFullscreen();
    };
}

}  // namespace

TEST_SUITE("ui.draw_data") {
    // The window samples the atlas nearest (llvmpipe's fragment shader is most of a frame); glyphs drawn at another
    // size than baked are drawn between the callbacks that switch to bilinear filtering and back.
    TEST_CASE("scaled glyphs are drawn between the sampling callbacks, glyphs at their own size are not") {
        ImGuiHarness ui(1920, 1080);
        SUBCASE("without callbacks (the headless default) nothing is added") {
            ui.drawUntouched(textAt(1.4f));
            CHECK(commandsOf(*ImGui::GetDrawData()).find_first_of("LR?") == std::string::npos);
        }
        ui::SetScaledTextSampling(linearMark, restoreMark);
        SUBCASE("at the font's own size: no callbacks") {
            ui.drawUntouched(textAt(1.0f));
            CHECK(commandsOf(*ImGui::GetDrawData()).find_first_of("LR?") == std::string::npos);
        }
        SUBCASE("larger: each run of text between L and R") {
            ui.drawUntouched(textAt(1.4f));
            const std::string commands = commandsOf(*ImGui::GetDrawData());
            CAPTURE(commands);
            CHECK(commands.find("LGR") != std::string::npos);
            CHECK(commands.find("LGR", commands.find("LGR") + 1) != std::string::npos);  // the shaped Arabic line too
            CHECK(std::count(commands.begin(), commands.end(), 'L') == std::count(commands.begin(), commands.end(), 'R'));
        }
        ui::SetScaledTextSampling(nullptr, nullptr);
    }

    TEST_CASE("measuring: triangles counted inside their clip rectangles") {
        ImGuiHarness ui(800, 600);
        ui.drawUntouched([](ui::Frame&) {
            ui::BeginFullscreen("##screen", IM_COL32(240, 240, 240, 255));
            ImDrawList* draw = ImGui::GetWindowDrawList();
            draw->PushClipRect(ImVec2(0, 0), ImVec2(150, 600));
            draw->AddRectFilled(ImVec2(100, 100), ImVec2(300, 200), IM_COL32(255, 255, 255, 255));  // half clipped
            draw->PopClipRect();
            draw->AddTriangleFilled(ImVec2(700, 500), ImVec2(900, 500), ImVec2(700, 700), IM_COL32(0, 0, 0, 255));
            ui::EndFullscreen();
        });
        const ui::DrawDataStats stats = ui::MeasureDrawData(*ImGui::GetDrawData());
        CHECK(stats.screen == doctest::Approx(800.0 * 600.0));
        CHECK(stats.lists >= 1);
        CHECK(stats.commands >= 2);  // the clip rectangle changed
        CHECK(stats.indices % 3 == 0);
        CHECK(stats.vertices >= 4 + 4 + 3);
        // The window (800 x 600), 50 x 100 of the card, the 100 x 100 corner of the triangle on screen; besides
        // them only thin strips: the window's border and the triangle's anti-aliased fringe.
        const double strips = stats.covered - (800.0 * 600.0 + 50.0 * 100.0 + 100.0 * 100.0);
        CHECK(strips >= -1.0);
        CHECK(strips < 8000.0);
        CHECK(stats.overdraw() == doctest::Approx(stats.covered / stats.screen));
    }

    TEST_CASE("an opaque full-screen background is taken out and its colour returned") {
        ImGuiHarness ui(1920, 1080);
        ui.drawUntouched(screenWith(IM_COL32(240, 241, 242, 255)));
        ImDrawData& data = *ImGui::GetDrawData();
        const ui::DrawDataStats before = ui::MeasureDrawData(data);
        const unsigned int firstElements = data.CmdLists[0]->CmdBuffer[0].ElemCount;
        const auto colour = ui::TakeOpaqueBackground(data);
        REQUIRE(colour.has_value());
        CHECK(*colour == IM_COL32(240, 241, 242, 255));
        CHECK(data.CmdLists[0]->CmdBuffer[0].ElemCount == firstElements - 6);
        const ui::DrawDataStats after = ui::MeasureDrawData(data);
        CHECK(before.covered - after.covered == doctest::Approx(1920.0 * 1080.0));
        CHECK(after.indices == before.indices - 6);
        // Taken once: what is first now (the window's border or the card) is no full-screen rectangle.
        CHECK_FALSE(ui::TakeOpaqueBackground(data).has_value());
    }

    TEST_CASE("anything else is left as it is") {
        ImGuiHarness ui(1280, 800);
        auto untouched = [&](const ImGuiHarness::DrawFn& draw) {
            ui.drawUntouched(draw);
            ImDrawData& data = *ImGui::GetDrawData();
            const ui::DrawDataStats before = ui::MeasureDrawData(data);
            const bool taken = ui::TakeOpaqueBackground(data).has_value();
            const ui::DrawDataStats after = ui::MeasureDrawData(data);
            CHECK(after.indices == before.indices);
            return !taken;
        };
        SUBCASE("a translucent background") { CHECK(untouched(screenWith(IM_COL32(240, 240, 240, 200)))); }
        SUBCASE("a window smaller than the screen") {
            CHECK(untouched([](ui::Frame&) {
                ImGui::SetNextWindowPos(ImVec2(10, 0));
                ImGui::SetNextWindowSize(ImVec2(1270, 800));
                ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(240, 240, 240, 255));
                ImGui::Begin("##small", nullptr, ImGuiWindowFlags_NoDecoration);
                ImGui::PopStyleColor();
                ImGui::End();
            }));
        }
        SUBCASE("a window without a background") {
            CHECK(untouched([](ui::Frame&) {
                ImGui::SetNextWindowPos(ImVec2(0, 0));
                ImGui::SetNextWindowSize(ImVec2(1280, 800));
                ImGui::Begin("##bare", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground);
                ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(0, 0), ImVec2(1280, 400), IM_COL32(0, 0, 0, 255));
                ImGui::End();
            }));
        }
        SUBCASE("a frame that draws nothing") {
            CHECK(untouched([](ui::Frame&) {}));
        }
    }

    TEST_CASE("the kiosk's screens start with their page: taken in every screen drawn here") {
        ImGuiHarness ui(1920, 1080);
        ui::KioskView view;
        ui::KioskViewModel model;
        model.eventTitle = "Integrationskonferenz";
        for (int i = 1; i <= 20; ++i) model.ideas.push_back({"id" + std::to_string(i), i, "Idee " + std::to_string(i), "", "", i, i});
        for (const auto screen : {core::Screen::Attract, core::Screen::Start, core::Screen::Browse}) {
            core::KioskState state;
            state.screen = screen;
            CAPTURE(core::screenName(screen));
            ui.drawUntouched([&](ui::Frame& f) { view.Draw(state, model, f); });
            const auto colour = ui::TakeOpaqueBackground(*ImGui::GetDrawData());
            REQUIRE(colour.has_value());
            CHECK(*colour == ui::theme::palette().page.packed());
        }
    }
}
