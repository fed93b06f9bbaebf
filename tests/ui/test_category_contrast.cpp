// The event's category colours in the high-contrast palette: the screens that show the example event's topics (chips,
// topic tiles, filters, card stripes) are drawn, and the drawn picture is read back. Every glyph's colour is measured
// against the colour painted beneath it (7:1 in high contrast, 4.5:1 in the ordinary palette), and every colour mark
// against what touches it left and right (3:1, WCAG's figure for marks that carry meaning).
#include "kiosk/ui/idea_board.h"
#include "kiosk/ui/kiosk_view.h"
#include "imgui_harness.h"

#include "storage/event_config.h"

#include "imgui.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <set>
#include <string>
#include <utility>
#include <vector>

using namespace kiosk;

namespace {

// [SECTION] The picture, read back as flat triangles

struct Painted {
    ImVec2 a, b, c;
    ImVec4 clip;
    unsigned int colour = 0;
    bool glyph = false;  ///< textured with a glyph of the atlas, not ImGui's white pixel
    int list = 0, command = 0;
};

// Triangles of one colour and full alpha, in drawing order. Anti-aliased fringes (their corners fade to transparent)
// are left out: they are a pixel wide and nobody reads against them. So are lines of a whole pixel width, which ImGui
// draws from the atlas's baked lines (textured, but no glyph).
std::vector<Painted> paintedTriangles(const ImDrawData& data) {
    const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    const ImVec2 white = atlas.TexUvWhitePixel;
    ImVec4 lines(FLT_MAX, FLT_MAX, -FLT_MAX, -FLT_MAX);
    for (const ImVec4& uv : atlas.TexUvLines) {
        lines = ImVec4(std::min(lines.x, uv.x), std::min(lines.y, uv.y), std::max(lines.z, uv.z), std::max(lines.w, uv.w));
    }
    auto inLines = [&](ImVec2 uv) { return uv.x >= lines.x && uv.x <= lines.z && uv.y >= lines.y && uv.y <= lines.w; };
    std::vector<Painted> out;
    for (int l = 0; l < data.CmdListsCount; ++l) {
        const ImDrawList& list = *data.CmdLists[l];
        for (int c = 0; c < list.CmdBuffer.Size; ++c) {
            const ImDrawCmd& cmd = list.CmdBuffer[c];
            if (cmd.UserCallback) continue;
            for (unsigned int i = 0; i + 2 < cmd.ElemCount; i += 3) {
                const ImDrawVert* v[3];
                for (unsigned int k = 0; k < 3; ++k) v[k] = &list.VtxBuffer[static_cast<int>(cmd.VtxOffset + list.IdxBuffer[static_cast<int>(cmd.IdxOffset + i + k)])];
                if (v[0]->col != v[1]->col || v[0]->col != v[2]->col || (v[0]->col >> 24) != 0xFF) continue;
                bool glyph = false, line = true;
                for (const ImDrawVert* vertex : v) {
                    glyph = glyph || std::abs(vertex->uv.x - white.x) > 1e-6f || std::abs(vertex->uv.y - white.y) > 1e-6f;
                    line = line && inLines(vertex->uv);
                }
                if (glyph && line) continue;
                out.push_back({v[0]->pos, v[1]->pos, v[2]->pos, cmd.ClipRect, v[0]->col, glyph, l, c});
            }
        }
    }
    return out;
}

bool covers(const Painted& t, ImVec2 p) {
    if (p.x < t.clip.x || p.y < t.clip.y || p.x >= t.clip.z || p.y >= t.clip.w) return false;
    auto side = [&](ImVec2 a, ImVec2 b) { return (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x); };
    const float d1 = side(t.a, t.b), d2 = side(t.b, t.c), d3 = side(t.c, t.a);
    const bool negative = d1 < 0 || d2 < 0 || d3 < 0, positive = d1 > 0 || d2 > 0 || d3 > 0;
    return !(negative && positive);
}

// The colour of the last shape (not text) painted at `p` before triangle `before`; false when nothing is.
bool colourBeneath(const std::vector<Painted>& painted, std::size_t before, ImVec2 p, unsigned int& colour) {
    for (std::size_t i = before; i-- > 0;) {
        if (!painted[i].glyph && covers(painted[i], p)) {
            colour = painted[i].colour;
            return true;
        }
    }
    return false;
}

ui::theme::Rgb rgb(unsigned int packed) {
    return {static_cast<std::uint8_t>(packed & 0xFF), static_cast<std::uint8_t>((packed >> 8) & 0xFF),
            static_cast<std::uint8_t>((packed >> 16) & 0xFF)};
}

std::string hex(unsigned int packed) {
    const ui::theme::Rgb c = rgb(packed);
    char text[8];
    std::snprintf(text, sizeof text, "#%02x%02x%02x", c.r, c.g, c.b);
    return text;
}

// [SECTION] The screens with the example event's topics

std::vector<ui::KioskViewModel::CategoryInfo> exampleCategories() {
    const storage::EventSettings event = storage::loadEventToml(std::string(IDEEN_SOURCE_DIR) + "/assets/event.example.toml");
    std::vector<ui::KioskViewModel::CategoryInfo> categories;
    for (const auto& c : event.categories) categories.push_back({c.key, c.names, ui::colorFromHex(c.color)});
    return categories;
}

ui::KioskViewModel exampleModel() {
    ui::KioskViewModel model;
    model.eventTitle = "Integrationskonferenz Herten";
    model.categories = exampleCategories();
    int number = 1;
    for (const auto& c : model.categories) {  // one idea per topic, so every colour shows on a card and a chip
        model.ideas.push_back({"idea-" + c.key, number, "Idee zum Thema " + c.name("de"), "Eine kurze Beschreibung.", c.key, number, number});
        ++number;
    }
    model.totalIdeas = number - 1;
    return model;
}

struct Scene {
    const char* name;
    core::Screen screen;
};
constexpr Scene kScenes[] = {{"topics", core::Screen::SubmitCategory}, {"browse", core::Screen::Browse},
                             {"detail", core::Screen::Detail}, {"review", core::Screen::SubmitReview}};

// Draws `scene` for one state and returns what was painted.
std::vector<Painted> draw(ImGuiHarness& ui, const ui::KioskViewModel& model, const Scene& scene, const std::string& language,
                          bool highContrast, const std::string& filter) {
    ui::KioskView view;
    core::KioskState state;
    state.screen = scene.screen;
    state.language = language;
    state.sessionId = "s";
    state.votesLeft = 3;
    state.highContrast = highContrast;
    state.categoryFilter = filter;  // a chosen filter: its dot on the selected (primary) colour
    state.detailIdeaId = model.ideas.front().id;
    state.draft = {model.categories.back().key, "Sprachcafé im Glashaus", "Jeden Donnerstag.", ""};
    ui.drawFrame([&](ui::Frame& f) { view.Draw(state, model, f); }, false, ImVec2(-FLT_MAX, -FLT_MAX), false, language);
    return paintedTriangles(*ImGui::GetDrawData());
}

// Every glyph against the shape beneath it: the ratios below `least`, described.
std::vector<std::string> textBelow(const std::vector<Painted>& painted, double least, double& lowest, int& measured) {
    std::vector<std::string> problems;
    for (std::size_t i = 0; i < painted.size(); ++i) {
        const Painted& t = painted[i];
        if (!t.glyph) continue;
        const ImVec2 centre((t.a.x + t.b.x + t.c.x) / 3, (t.a.y + t.b.y + t.c.y) / 3);
        unsigned int ground = 0;
        if (!covers(t, centre) || !colourBeneath(painted, i, centre, ground)) continue;
        const double ratio = ui::theme::contrastRatio(rgb(t.colour), rgb(ground));
        lowest = std::min(lowest, ratio);
        ++measured;
        if (ratio < least) problems.push_back("text " + hex(t.colour) + " on " + hex(ground) + ": " + std::to_string(ratio));
    }
    return problems;
}

// Every run of triangles in a category's colour (one dot or stripe) against the colour just beyond its left and right
// edge at half its height, on top of everything else drawn there.
std::vector<std::string> marksBelow(const std::vector<Painted>& painted, const std::set<unsigned int>& colours, double least,
                                    double& lowest, int& marks) {
    std::vector<std::string> problems;
    std::size_t i = 0;
    while (i < painted.size()) {
        const Painted& first = painted[i];
        if (first.glyph || colours.count(first.colour) == 0) {
            ++i;
            continue;
        }
        float x0 = FLT_MAX, y0 = FLT_MAX, x1 = -FLT_MAX, y1 = -FLT_MAX;
        std::size_t end = i;
        for (; end < painted.size() && painted[end].colour == first.colour && painted[end].list == first.list &&
               painted[end].command == first.command && !painted[end].glyph;
             ++end) {
            for (const ImVec2& v : {painted[end].a, painted[end].b, painted[end].c}) {
                x0 = std::min(x0, v.x), y0 = std::min(y0, v.y), x1 = std::max(x1, v.x), y1 = std::max(y1, v.y);
            }
        }
        ++marks;
        for (const float x : {x0 - 1.5f, x1 + 1.5f}) {
            const ImVec2 beside(x, (y0 + y1) * 0.5f);
            if (beside.x < first.clip.x || beside.x >= first.clip.z) continue;  // cut off by its list: nothing to see there
            unsigned int ground = 0;
            if (!colourBeneath(painted, painted.size(), beside, ground)) continue;
            const double ratio = ui::theme::contrastRatio(rgb(first.colour), rgb(ground));
            lowest = std::min(lowest, ratio);
            if (ratio < least) problems.push_back("mark " + hex(first.colour) + " beside " + hex(ground) + ": " + std::to_string(ratio));
        }
        i = end;
    }
    return problems;
}

}  // namespace

TEST_SUITE("ui.contrast") {
    TEST_CASE("the example event's topics in high contrast: text reaches 7:1 on what lies beneath it, colour marks 3:1 beside them") {
        const ui::KioskViewModel model = exampleModel();
        REQUIRE(model.categories.size() == 6);
        std::set<unsigned int> colours;
        for (const auto& c : model.categories) colours.insert(c.color | 0xFF000000u);
        for (const auto& [w, h] : {std::pair{1920.0f, 1080.0f}, std::pair{1080.0f, 1920.0f}}) {
            ImGuiHarness ui(w, h);
            for (const char* language : {"de", "ar"}) {
                for (const Scene& scene : kScenes) {
                    for (const std::string& filter : {std::string(), model.categories[4].key}) {
                        if (!filter.empty() && scene.screen != core::Screen::Browse) continue;
                        const std::string name = scene.name, lang = language;
                        CAPTURE(w);
                        CAPTURE(lang);
                        CAPTURE(name);
                        CAPTURE(filter);
                        double lowestText = 21, lowestMark = 21;
                        int marks = 0, glyphs = 0;
                        const auto high = draw(ui, model, scene, language, true, filter);
                        const auto text = textBelow(high, 7.0, lowestText, glyphs);
                        const auto marksLow = marksBelow(high, colours, 3.0, lowestMark, marks);
                        MESSAGE(name << " " << lang << " " << w << ": text at least " << lowestText << ":1, "
                                           << marks << " marks at least " << lowestMark << ":1");
                        CHECK_MESSAGE(text.empty(), (text.empty() ? "" : text.front()) << " (" << text.size() << " glyphs)");
                        CHECK_MESSAGE(marksLow.empty(), (marksLow.empty() ? "" : marksLow.front()));
                        CHECK(marks >= 1);    // the scene shows the topics' colours at all
                        CHECK(glyphs >= 20);  // and its text was measured
                    }
                }
            }
        }
    }

    TEST_CASE("in the ordinary palette the same text reaches 4.5:1, and the light topic colours do not stand out: the check can tell") {
        const ui::KioskViewModel model = exampleModel();
        std::set<unsigned int> colours;
        for (const auto& c : model.categories) colours.insert(c.color | 0xFF000000u);
        ImGuiHarness ui(1920, 1080);
        std::size_t faintMarks = 0;
        for (const Scene& scene : kScenes) {
            const std::string name = scene.name;
            CAPTURE(name);
            double lowestText = 21, lowestMark = 21;
            int marks = 0, glyphs = 0;
            const auto ordinary = draw(ui, model, scene, "de", false, "");
            const auto text = textBelow(ordinary, 4.5, lowestText, glyphs);
            CHECK_MESSAGE(text.empty(), (text.empty() ? "" : text.front()));
            faintMarks += marksBelow(ordinary, colours, 3.0, lowestMark, marks).size();
        }
        CHECK(faintMarks > 0);  // #f1c232 (Kultur & Sport) is 1.7:1 on white: without the rim it fades into the card
    }
}
