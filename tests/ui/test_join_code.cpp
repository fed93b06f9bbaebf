// The join QR code as drawn: the dark rectangles in Dear ImGui's draw data, read back module by module, are the
// code's modules; the quiet zone around them is light; the projector puts it large in its side column with the
// address beneath.
#include "kiosk/ui/join_code.h"
#include "kiosk/ui/kiosk_view.h"
#include "kiosk/ui/projector_view.h"
#include "drawn_text.h"
#include "imgui_harness.h"

#include "imgui.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cfloat>
#include <functional>
#include <initializer_list>

using namespace kiosk;
using kiosk::ui::testing::Box;

namespace {

/// A code-like pattern (not a real QR code: the views draw whatever modules they are given).
// Runs `check` on a fresh harness of each screen size (the width named in a failure).
void onScreens(std::initializer_list<ImVec2> screens, const std::function<void(ImGuiHarness&, float, float)>& check) {
    for (const ImVec2 screen : screens) {
        CAPTURE(screen.x);
        ImGuiHarness h(screen.x, screen.y);
        check(h, screen.x, screen.y);
    }
}

ui::JoinCode patternCode(int size, const std::string& label = "192.168.1.10:8080") {
    ui::JoinCode code;
    code.url = "http://" + label + "/";
    code.label = label;
    code.size = size;
    for (int y = 0; y < size; ++y) {
        for (int x = 0; x < size; ++x) code.dark.push_back((x * 7 + y * 13 + x * y) % 5 < 2 || (x < 7 && y < 7 && (x % 6 == 0 || y % 6 == 0)));
    }
    return code;
}

/// The bounding boxes of the filled triangles drawn in exactly `colour` (a rectangle is two triangles, each
/// spanning the whole rectangle).
std::vector<Box> trianglesIn(unsigned int colour) {
    std::vector<Box> boxes;
    const ImDrawData* data = ImGui::GetDrawData();
    for (int l = 0; l < data->CmdListsCount; ++l) {
        const ImDrawList& list = *data->CmdLists[l];
        for (int c = 0; c < list.CmdBuffer.Size; ++c) {
            const ImDrawCmd& cmd = list.CmdBuffer[c];
            for (unsigned int i = 0; i + 2 < cmd.ElemCount; i += 3) {
                const ImDrawVert* v[3];
                bool same = true;
                for (int k = 0; k < 3; ++k) {
                    v[k] = &list.VtxBuffer[static_cast<int>(cmd.VtxOffset + list.IdxBuffer[static_cast<int>(cmd.IdxOffset + i) + k])];
                    same = same && v[k]->col == colour;
                }
                if (!same) continue;
                Box b{FLT_MAX, FLT_MAX, -FLT_MAX, -FLT_MAX};
                for (const auto* p : v) b = Box{std::min(b.x0, p->pos.x), std::min(b.y0, p->pos.y), std::max(b.x1, p->pos.x), std::max(b.y1, p->pos.y)};
                boxes.push_back(b);
            }
        }
    }
    return boxes;
}

bool covered(const std::vector<Box>& boxes, float x, float y) {
    return std::any_of(boxes.begin(), boxes.end(), [&](const Box& b) { return b.containsPoint(x, y); });
}

/// Reads the drawn modules back at the centre of every module of the square, quiet zone included, and compares.
void checkDrawnModules(const ui::JoinCode& code, const ui::JoinCodeLayout& layout) {
    const auto dark = trianglesIn(ui::kModuleColour);
    const auto light = trianglesIn(IM_COL32(255, 255, 255, 255));
    REQUIRE_FALSE(dark.empty());
    int wrong = 0, quietDark = 0, unlit = 0;
    const int side = code.size + 2 * ui::kQuietModules;
    for (int my = 0; my < side; ++my) {
        for (int mx = 0; mx < side; ++mx) {
            const float cx = layout.x + (static_cast<float>(mx) + 0.5f) * layout.module;
            const float cy = layout.y + (static_cast<float>(my) + 0.5f) * layout.module;
            const int x = mx - ui::kQuietModules, y = my - ui::kQuietModules;
            const bool inCode = x >= 0 && y >= 0 && x < code.size && y < code.size;
            const bool drawnDark = covered(dark, cx, cy);
            if (inCode && drawnDark != code.at(x, y)) ++wrong;
            if (!inCode && drawnDark) ++quietDark;
            if (!drawnDark && !covered(light, cx, cy)) ++unlit;
        }
    }
    CHECK_MESSAGE(wrong == 0, wrong << " modules drawn wrong");
    CHECK_MESSAGE(quietDark == 0, quietDark << " dark modules in the quiet zone");
    CHECK_MESSAGE(unlit == 0, unlit << " light modules not on the light square");
    // Whole pixels: every dark rectangle starts and ends on a pixel edge.
    for (const auto& b : dark) {
        CHECK(b.x0 == static_cast<float>(static_cast<int>(b.x0)));
        CHECK(b.y1 == static_cast<float>(static_cast<int>(b.y1)));
    }
}

}  // namespace

TEST_SUITE("join_code") {
    TEST_CASE("the modules are drawn as given, inside a light quiet zone of four modules, with the address beneath") {
        ImGuiHarness h;
        const auto code = patternCode(29);
        ui::JoinCodeLayout layout;
        h.drawFrame([&](ui::Frame& f) {
            ui::BeginFullscreen("##join", IM_COL32(250, 250, 252, 255));
            layout = ui::LayoutJoinCode(code, f.fonts.bold, f.fonts.bold->FontSize, 100.3f, 50.7f, 400, 500);
            ui::DrawJoinCode(ImGui::GetWindowDrawList(), code, f.fonts.bold, layout, IM_COL32(20, 20, 20, 255));
            ui::EndFullscreen();
        }, false, ImVec2(-FLT_MAX, -FLT_MAX));
        REQUIRE(layout.fits());
        CHECK(layout.module == 10);  // floor(400 / 37)
        CHECK(layout.side == 370);
        CHECK(layout.x == 115);      // centred in the 400 px, on a whole pixel
        CHECK(layout.y == 50);
        checkDrawnModules(code, layout);
        const auto runs = ui::testing::recordDrawnText();
        const auto label = std::find_if(runs.begin(), runs.end(), [](const auto& r) { return r.text == "192.168.1.10:8080"; });
        REQUIRE(label != runs.end());
        CHECK(label->rect.y0 >= layout.y + layout.side);
        CHECK(label->rect.y1 <= layout.y + layout.height + 1);
    }

    TEST_CASE("the layout: the height limits it too, a long address is written smaller, no room draws nothing") {
        ImGuiHarness h;
        const auto code = patternCode(33, "[2001:db8:1234:5678:9abc:def0:1234:5678]:8080");
        SUBCASE("height") {
            const auto layout = ui::LayoutJoinCode(code, h.fonts.bold, 30, 0, 0, 1000, 300);
            CHECK(layout.module == std::floor((300 - 39.0f) / 41));
            CHECK(layout.height <= 300);
            CHECK(layout.labelSize < 30);  // the address is wider than the square
            CHECK(ui::textWidth(h.fonts.bold, layout.labelSize, code.label) <= layout.side + 0.5f);
        }
        SUBCASE("no room") {
            CHECK_FALSE(ui::LayoutJoinCode(code, h.fonts.bold, 30, 0, 0, 20, 300).fits());
            CHECK_FALSE(ui::LayoutJoinCode(ui::JoinCode{}, h.fonts.bold, 30, 0, 0, 1000, 1000).fits());
        }
    }

    TEST_CASE("the projector shows the code large at the foot of its side column, and none while phones are off") {
        onScreens({ImVec2(1920, 1080), ImVec2(1280, 720), ImVec2(1080, 1920)}, [](ImGuiHarness& h, float w, float hgt) {
            ui::ProjectorView view;
            ui::ProjectorModel model;
            model.title = "Integrationskonferenz";
            for (int i = 1; i <= 8; ++i) model.ranking.push_back({i, "Idee " + std::to_string(i), "Sprache", 0xFF3366AA, 10 - i, false});
            model.join = patternCode(29);  // a URL of a LAN address makes a version-3 code: 29 modules
            h.drawUntouched([&](ui::Frame& f) { view.Draw(model, f.fonts, f.text, 1.0); });
            REQUIRE(view.joinLayout.fits());
            const float unit = hgt / 54.0f;
            // Scannable from the back of a hall: at least 30 % of a landscape screen's height (0.5 m of a 3 m wide
            // picture; a portrait projector's side column is narrower)...
            if (w > hgt) CHECK(view.joinLayout.side >= hgt * 0.3f);
            // ...on the screen, above the ticker, in the side column right of the ranking's bars.
            CHECK(view.joinLayout.x + view.joinLayout.side <= w);
            CHECK(view.joinLayout.y + view.joinLayout.height <= hgt - unit * 4);
            CHECK(view.joinLayout.x >= w * 0.5f);
            checkDrawnModules(model.join, view.joinLayout);
            // In the Arabic turn the picture is mirrored, the code is not (a mirrored code does not scan): it moves
            // to the left, its modules drawn as they are.
            const auto& languages = h.catalog.languages();
            const double arabic = static_cast<double>(std::find(languages.begin(), languages.end(), "ar") - languages.begin());
            REQUIRE(arabic < static_cast<double>(languages.size()));
            h.drawUntouched([&](ui::Frame& f) { view.Draw(model, f.fonts, f.text, (arabic + 0.5) * ui::ProjectorView::kTurnSeconds); });
            REQUIRE(view.joinLayout.fits());
            CHECK(view.joinLayout.x >= 0);
            CHECK(view.joinLayout.x + view.joinLayout.side <= w * 0.5f);
            checkDrawnModules(model.join, view.joinLayout);
            model.join = {};
            h.drawUntouched([&](ui::Frame& f) { view.Draw(model, f.fonts, f.text, 1.0); });
            CHECK_FALSE(view.joinLayout.fits());
            CHECK(trianglesIn(ui::kModuleColour).empty());
        });
    }

    TEST_CASE("the attract screen shows the code beside the ideas only when the app gives it one") {
        onScreens({ImVec2(1920, 1080), ImVec2(1080, 1920)}, [](ImGuiHarness& h, float, float hgt) {
            ui::KioskView view;
            ui::KioskViewModel model;
            model.eventTitle = "Integrationskonferenz";
            for (int i = 1; i <= 5; ++i) model.ideas.push_back({"id" + std::to_string(i), i, "Idee " + std::to_string(i), "", "", i, i});
            model.totalIdeas = 5;
            const core::KioskState state;
            const auto draw = [&](ui::Frame& f) { view.Draw(state, model, f); };
            h.drawUntouched(draw);
            CHECK_FALSE(view.attract.joinLayout.fits());
            CHECK(trianglesIn(ui::kModuleColour).empty());
            model.join = patternCode(29);
            h.drawUntouched(draw);
            REQUIRE(view.attract.joinLayout.fits());
            CHECK(view.attract.joinLayout.module >= 6);  // read from an arm's length or across a foyer
            CHECK(view.attract.joinLayout.y + view.attract.joinLayout.height <= hgt);
            checkDrawnModules(model.join, view.attract.joinLayout);
            // The ideas' cards keep clear of the code: no text runs into its square.
            const Box square{view.attract.joinLayout.x, view.attract.joinLayout.y, view.attract.joinLayout.x + view.attract.joinLayout.side,
                             view.attract.joinLayout.y + view.attract.joinLayout.side};
            for (const auto& run : ui::testing::recordDrawnText()) CHECK_MESSAGE(run.rect.intersect(square).empty(), run.text);
        });
    }
}
