// Where a frame differs from the last: the tiles whose triangles changed, merged into rectangles; and the draw data
// clipped to one of them.
#include "kiosk/ui/frame_damage.h"
#include "kiosk/ui/frame.h"
#include "imgui_harness.h"

#include "imgui.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

using namespace kiosk;

namespace {

constexpr int kWidth = 1280, kHeight = 720;

// A full-screen page with a card at (100, 100) and a count at `countAt` (as the browse screen's vote counts).
ImGuiHarness::DrawFn page(const std::string& count, ImVec2 countAt = ImVec2(900, 500), ImU32 cardColour = IM_COL32(255, 255, 255, 255)) {
    return [=](ui::Frame& f) {
        ui::BeginFullscreen("##screen", IM_COL32(240, 240, 240, 255));
        ImDrawList* draw = ImGui::GetWindowDrawList();
        draw->AddRectFilled(ImVec2(100, 100), ImVec2(400, 300), cardColour, 12.0f);
        draw->AddText(f.fonts.body, f.fonts.body->FontSize, countAt, IM_COL32(0, 0, 0, 255), count.c_str());
        ui::EndFullscreen();
    };
}

ui::Damage damageOf(ui::FrameDamage& damage, ImU32 background = IM_COL32(240, 240, 240, 255), int width = kWidth,
                    int height = kHeight) {
    return damage.Update(*ImGui::GetDrawData(), background, width, height);
}

// The damage of frame `after` against frame `before`, each drawn once in a fresh harness and fingerprint.
ui::Damage damageBetween(const ImGuiHarness::DrawFn& before, const ImGuiHarness::DrawFn& after) {
    ImGuiHarness ui(kWidth, kHeight);
    ui::FrameDamage damage;
    ui.drawUntouched(before);
    damageOf(damage);
    ui.drawUntouched(after);
    return damageOf(damage);
}

bool contains(const ui::PixelRect& r, int x, int y) { return x >= r.x0 && x < r.x1 && y >= r.y0 && y < r.y1; }

}  // namespace

TEST_SUITE("ui.frame_damage") {
    TEST_CASE("the first frame is drawn whole, the same frame again needs nothing") {
        ImGuiHarness ui(kWidth, kHeight);
        ui::FrameDamage damage;
        ui.drawUntouched(page("12"));
        CHECK(damageOf(damage).full);
        ui.drawUntouched(page("12"));
        const ui::Damage again = damageOf(damage);
        CHECK_FALSE(again.full);
        CHECK(again.rects.empty());
    }

    TEST_CASE("a changed count is redrawn where it is, and nowhere else") {
        const ui::Damage changed = damageBetween(page("12"), page("13"));
        REQUIRE_FALSE(changed.full);
        REQUIRE(changed.rects.size() == 1);
        const ui::PixelRect& r = changed.rects.front();
        CHECK(contains(r, 905, 505));
        CHECK_FALSE(contains(r, 200, 200));  // the card
        CHECK(r.area() <= 4 * ui::FrameDamage::kTile * ui::FrameDamage::kTile);
    }

    TEST_CASE("two changes far apart are two rectangles") {
        const ui::Damage changed = damageBetween(page("12"), page("13", ImVec2(900, 500), IM_COL32(250, 250, 255, 255)));
        REQUIRE_FALSE(changed.full);
        CHECK(changed.rects.size() >= 2);
        bool card = false, count = false;
        for (const auto& r : changed.rects) {
            card = card || contains(r, 250, 200);
            count = count || contains(r, 905, 505);
            CHECK_FALSE(contains(r, 700, 200));  // between them, unchanged
        }
        CHECK(card);
        CHECK(count);
    }

    TEST_CASE("many changes along the edges are merged into a few rectangles, not the whole screen") {
        // As the projector's language turn: the title band, each label of the side column and the ticker change.
        const auto labels = [](const char* word) {
            return [word](ui::Frame& f) {
                ui::BeginFullscreen("##screen", IM_COL32(240, 240, 240, 255));
                ImDrawList* draw = ImGui::GetWindowDrawList();
                draw->AddText(f.fonts.body, f.fonts.body->FontSize, ImVec2(20, 10), IM_COL32(0, 0, 0, 255), word);
                for (int i = 0; i < 9; ++i) {
                    draw->AddText(f.fonts.body, f.fonts.body->FontSize, ImVec2(1100, 80.0f + 70.0f * static_cast<float>(i)),
                                  IM_COL32(0, 0, 0, 255), word);
                }
                draw->AddText(f.fonts.body, f.fonts.body->FontSize, ImVec2(20, 690), IM_COL32(0, 0, 0, 255), word);
                ui::EndFullscreen();
            };
        };
        const ui::Damage turned = damageBetween(labels("Ideen"), labels("Fikir"));
        REQUIRE_FALSE(turned.full);
        CHECK(static_cast<int>(turned.rects.size()) <= ui::FrameDamage::kMaxRects);
        const auto covered = [&](int x, int y) {
            return std::any_of(turned.rects.begin(), turned.rects.end(), [&](const ui::PixelRect& r) { return contains(r, x, y); });
        };
        CHECK(covered(25, 15));
        CHECK(covered(1105, 85 + 70 * 8));
        CHECK(covered(25, 695));
        CHECK_FALSE(covered(600, 360));  // the middle, where nothing changed
    }

    TEST_CASE("a moved element damages where it was and where it is") {
        const ui::Damage moved = damageBetween(page("12", ImVec2(900, 500)), page("12", ImVec2(900, 600)));
        REQUIRE_FALSE(moved.full);
        bool before = false, after = false;
        for (const auto& r : moved.rects) {
            before = before || contains(r, 905, 505);
            after = after || contains(r, 905, 605);
        }
        CHECK(before);
        CHECK(after);
    }

    TEST_CASE("a new size, a new page colour, an invalidated window or much change: drawn whole") {
        ImGuiHarness ui(kWidth, kHeight);
        ui::FrameDamage damage;
        ui.drawUntouched(page("12"));
        damageOf(damage);
        ui.drawUntouched(page("12"));
        SUBCASE("size") { CHECK(damageOf(damage, IM_COL32(240, 240, 240, 255), kWidth, kHeight - 10).full); }
        SUBCASE("page colour") { CHECK(damageOf(damage, IM_COL32(20, 20, 20, 255)).full); }
        SUBCASE("invalidated") {
            damage.Invalidate();
            CHECK(damageOf(damage).full);
        }
        SUBCASE("most of the screen") {
            ui.drawUntouched([](ui::Frame&) {
                ui::BeginFullscreen("##screen", IM_COL32(240, 240, 240, 255));
                ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(0, 0), ImVec2(static_cast<float>(kWidth), kHeight * 0.8f), IM_COL32(0, 0, 90, 255));
                ui::EndFullscreen();
            });
            CHECK(damageOf(damage).full);
        }
    }

    TEST_CASE("a render state callback before the same triangles changes them") {
        ImGuiHarness ui(kWidth, kHeight);
        ui::FrameDamage damage;
        ui.drawUntouched(page("12"));
        damageOf(damage);
        static const ImDrawCallback mark = [](const ImDrawList*, const ImDrawCmd*) {};
        ui.drawUntouched([](ui::Frame& f) {
            ui::BeginFullscreen("##screen", IM_COL32(240, 240, 240, 255));
            ImDrawList* draw = ImGui::GetWindowDrawList();
            draw->AddRectFilled(ImVec2(100, 100), ImVec2(400, 300), IM_COL32(255, 255, 255, 255), 12.0f);
            draw->AddCallback(mark, nullptr);
            draw->AddText(f.fonts.body, f.fonts.body->FontSize, ImVec2(900, 500), IM_COL32(0, 0, 0, 255), "12");
            ui::EndFullscreen();
        });
        const ui::Damage changed = damageOf(damage);
        REQUIRE_FALSE(changed.full);
        REQUIRE(changed.rects.size() == 1);
        CHECK(contains(changed.rects.front(), 905, 505));
    }

    TEST_CASE("a fractional clip rectangle cut by the damage keeps the whole frame's pixels at the cut") {
        // The pixels ImGui's OpenGL backend lets a command draw, computed as it computes its glScissor box.
        const auto scissor = [](const ImVec4& clip) {
            const int left = static_cast<int>(clip.x);
            const int bottom = kHeight - static_cast<int>(static_cast<float>(kHeight) - clip.w);
            return ui::PixelRect{left, bottom - static_cast<int>(clip.w - clip.y), left + static_cast<int>(clip.z - clip.x),
                                 bottom};
        };
        ImGuiHarness ui(kWidth, kHeight);
        ui.drawUntouched([](ui::Frame&) {
            ui::BeginFullscreen("##screen", IM_COL32(240, 240, 240, 255));
            ImDrawList* draw = ImGui::GetWindowDrawList();
            draw->PushClipRect(ImVec2(100.5f, 50.25f), ImVec2(300.7f, 200.6f));
            draw->AddRectFilled(ImVec2(0, 0), ImVec2(400, 400), IM_COL32(0, 0, 0, 255));
            draw->PopClipRect();
            ui::EndFullscreen();
        });
        ImDrawData& data = *ImGui::GetDrawData();
        const auto saved = ui::SaveClipRects(data);
        const ui::PixelRect damaged{64, 96, 128, 160};
        ui::ClipDrawDataTo(data, saved, damaged, kHeight);
        bool found = false;
        std::size_t at = 0;
        for (int l = 0; l < data.CmdListsCount; ++l) {
            for (const ImDrawCmd& cmd : data.CmdLists[l]->CmdBuffer) {
                const ui::PixelRect whole = scissor(saved[at++]);
                const ui::PixelRect part = scissor(cmd.ClipRect);
                const ui::PixelRect expected{std::max(whole.x0, damaged.x0), std::max(whole.y0, damaged.y0),
                                             std::min(whole.x1, damaged.x1), std::min(whole.y1, damaged.y1)};
                if (expected.x1 <= expected.x0 || expected.y1 <= expected.y0) continue;
                CHECK(part == expected);
                found = found || (whole.x0 == 100 && part.x1 == 128);
            }
        }
        CHECK(found);  // the command clipped at 100.5 .. 300.7 draws up to the damage's last column (127)
    }

    TEST_CASE("clipping the draw data to a rectangle narrows every command, and empties those outside") {
        ImGuiHarness ui(kWidth, kHeight);
        ui.drawUntouched(page("12"));
        ImDrawData& data = *ImGui::GetDrawData();
        const auto saved = ui::SaveClipRects(data);
        REQUIRE_FALSE(saved.empty());
        ui::ClipDrawDataTo(data, saved, ui::PixelRect{64, 32, 128, 96}, kHeight);
        for (int l = 0; l < data.CmdListsCount; ++l) {
            for (const ImDrawCmd& cmd : data.CmdLists[l]->CmdBuffer) {
                CHECK(cmd.ClipRect.x >= 64);
                CHECK(cmd.ClipRect.y >= 32);
                CHECK(cmd.ClipRect.z <= 128);
                CHECK(cmd.ClipRect.w <= 96);
                CHECK(cmd.ClipRect.z >= cmd.ClipRect.x);
                CHECK(cmd.ClipRect.w >= cmd.ClipRect.y);
            }
        }
        ui::ClipDrawDataTo(data, saved, ui::PixelRect{2000, 2000, 2100, 2100}, kHeight);
        const ImDrawCmd& first = data.CmdLists[0]->CmdBuffer[0];
        CHECK(first.ClipRect.z - first.ClipRect.x <= 0.0f);
        ui::RestoreClipRects(data, saved);
        CHECK(data.CmdLists[0]->CmdBuffer[0].ClipRect.z == doctest::Approx(saved[0].z));
    }
}
