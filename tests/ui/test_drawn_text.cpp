// The drawn-text checker on tiny synthetic drawings: it must find each kind of problem, and nothing in a clean one.
#include "drawn_text.h"
#include "imgui_harness.h"

#include "kiosk/ui/frame.h"

#include "imgui.h"

#include <doctest/doctest.h>

#include <cfloat>

using namespace kiosk;
using ui::testing::Box;
using ui::testing::LayoutInput;
using ui::testing::LayoutProblem;
using Kind = LayoutProblem::Kind;

namespace {

struct Drawing : ImGuiHarness {
    Drawing() : ImGuiHarness(1920, 1080) {}
    /// Draws `body` inside a full-screen window and reads the text back.
    std::vector<ui::testing::TextRun> draw(const std::function<void(ImDrawList&)>& body) {
        drawFrame(
            [&](ui::Frame&) {
                ui::BeginFullscreen("##test", IM_COL32(240, 240, 240, 255));
                body(*ImGui::GetWindowDrawList());
                ui::EndFullscreen();
            },
            false, ImVec2(-FLT_MAX, -FLT_MAX));
        return ui::testing::recordDrawnText();
    }
    LayoutInput input() const { return {{0, 0, 1920, 1080}, {}, {}, {}, {}}; }
};

int count(const std::vector<LayoutProblem>& problems, Kind kind) {
    int n = 0;
    for (const auto& p : problems) n += p.kind == kind;
    return n;
}

std::string all(const std::vector<LayoutProblem>& problems) {
    std::string text;
    for (const auto& p : problems) text += p.message + "\n";
    return text;
}

}  // namespace

namespace {

// "Stadtteil & Wohnen" behind a clip rectangle whose edge runs through the middle of the "W", whatever the font size.
void drawCutThroughW(ImDrawList& l, ImFont* f) {
    const float edge = 100 + f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, "Stadtteil & W").x - f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, "W").x * 0.5f;
    l.PushClipRect(ImVec2(100, 200), ImVec2(edge, 200 + f->FontSize * 1.5f), true);
    l.AddText(f, f->FontSize, ImVec2(100, 200), 0xFF000000, "Stadtteil & Wohnen");
    l.PopClipRect();
}

}  // namespace

TEST_SUITE("ui.drawn_text") {
    TEST_CASE("the recorder reads back each string, its spaces and its rectangle") {
        Drawing d;
        const char* text = "Größe üben – çok güzel, İzmir";
        const ImVec2 size = d.fonts.body->CalcTextSizeA(d.fonts.body->FontSize, FLT_MAX, 0, text);
        const auto runs = d.draw([&](ImDrawList& l) { l.AddText(d.fonts.body, d.fonts.body->FontSize, ImVec2(100, 200), 0xFF000000, text); });
        REQUIRE(runs.size() == 1);
        CHECK(runs[0].text == text);
        CHECK(runs[0].fontSize == doctest::Approx(d.fonts.body->FontSize));
        CHECK(runs[0].rect.x0 >= 100.0f);
        CHECK(runs[0].rect.x0 < 105.0f);
        CHECK(runs[0].rect.y0 > 200.0f);  // the glyphs' own bitmaps, not the line box
        CHECK(runs[0].rect.x1 <= 100.0f + size.x + 1.0f);
        CHECK(runs[0].rect.y1 < 200.0f + size.y);
        CHECK(runs[0].lineTop == doctest::Approx(200.0f).epsilon(0.01));

        SUBCASE("wrapped text is one run per line, and the lines do not overlap") {
            const auto lines = d.draw([&](ImDrawList& l) {
                l.AddText(d.fonts.body, d.fonts.body->FontSize, ImVec2(100, 200), 0xFF000000,
                          "Anerkennung ausländischer Abschlüsse in gut erreichbaren Beratungsstellen", nullptr, 400.0f);
            });
            CHECK(lines.size() >= 3);
            CHECK(ui::testing::findLayoutProblems(lines, d.input()).empty());
        }
        SUBCASE("texts with a shape drawn between them are two runs, even on one line and close together") {
            const auto two = d.draw([&](ImDrawList&) {
                ImGui::Button("Kultur & Sport", ImVec2(300, 90));
                ImGui::SameLine(0, 2);
                ImGui::Button("Sprache", ImVec2(300, 90));
            });
            REQUIRE(two.size() == 2);
            CHECK(two[0].text == "Kultur & Sport");
            CHECK(two[1].text == "Sprache");
        }
        SUBCASE("a text in another font or size is another run") {
            const auto two = d.draw([&](ImDrawList& l) {
                l.AddText(d.fonts.body, d.fonts.body->FontSize, ImVec2(100, 200), 0xFF000000, "Idee");
                l.AddText(d.fonts.title, d.fonts.title->FontSize, ImVec2(180, 200), 0xFF000000, "Abstimmen");
            });
            REQUIRE(two.size() == 2);
            CHECK(two[0].text == "Idee");
            CHECK(two[1].text == "Abstimmen");
        }
    }

    TEST_CASE("a clean layout has no problems") {
        Drawing d;
        const auto runs = d.draw([&](ImDrawList&) {
            ImGui::TextUnformatted("Integrationskonferenz");
            ImGui::TextWrapped("%s", "Wie können wir in Herten besser zusammenleben? Sagen Sie es uns.");
            ImGui::Button("Idee einreichen", ImVec2(400, 90));
            ImGui::SameLine();
            ImGui::Button("Ideen ansehen", ImVec2(400, 90));
        });
        CHECK(runs.size() == 4);
        LayoutInput input = d.input();
        input.sources = {"Integrationskonferenz", "Ideen ansehen"};
        input.elements = {{"submit", "Idee einreichen", {8, 80, 408, 170}}};
        const auto problems = ui::testing::findLayoutProblems(runs, input);
        CHECK_MESSAGE(problems.empty(), all(problems));
    }

    TEST_CASE("two texts drawn over each other are an overlap, with both strings and rectangles") {
        Drawing d;
        const auto runs = d.draw([&](ImDrawList& l) {
            l.AddText(d.fonts.body, d.fonts.body->FontSize, ImVec2(100, 200), 0xFF000000, "Eine Lotsin im Rathaus");
            l.AddText(d.fonts.body, d.fonts.body->FontSize, ImVec2(120, 210), 0xFF000000, "Anerkennung");
        });
        const auto problems = ui::testing::findLayoutProblems(runs, d.input());
        REQUIRE(count(problems, Kind::Overlap) == 1);
        CHECK(problems[0].message.find("Eine Lotsin im Rathaus") != std::string::npos);
        CHECK(problems[0].message.find("Anerkennung") != std::string::npos);
        CHECK(problems[0].message.find("(1") != std::string::npos);  // a rectangle

        SUBCASE("the same two texts side by side are fine") {
            const auto apart = d.draw([&](ImDrawList& l) {
                l.AddText(d.fonts.body, d.fonts.body->FontSize, ImVec2(100, 200), 0xFF000000, "Eine Lotsin im Rathaus");
                l.AddText(d.fonts.body, d.fonts.body->FontSize, ImVec2(100, 200 + d.fonts.body->FontSize), 0xFF000000, "Anerkennung");
            });
            CHECK(ui::testing::findLayoutProblems(apart, d.input()).empty());
        }
    }

    TEST_CASE("text cut by a clip rectangle is found") {
        Drawing d;
        SUBCASE("PushClipRect narrower than the text") {
            const auto runs = d.draw([&](ImDrawList& l) {
                drawCutThroughW(l, d.fonts.body);
            });
            const auto problems = ui::testing::findLayoutProblems(runs, d.input());
            CHECK(count(problems, Kind::Cut) == 1);
            CHECK(all(problems).find("Stadtteil") != std::string::npos);  // ImGui does not even emit the glyphs past the edge
        }
        SUBCASE("a button narrower than its label (ImGui trims the glyphs on the CPU)") {
            // The button's edge runs through the middle of the "b" (its label starts after the frame padding).
            ImFont* f = d.fonts.body;
            const float width = ImGui::GetStyle().FramePadding.x + f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, "Arbeit & Ausb").x -
                                f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, "b").x * 0.5f;
            const auto runs = d.draw([&](ImDrawList&) { ImGui::Button("Arbeit & Ausbildung", ImVec2(width, 90)); });
            LayoutInput input = d.input();
            input.elements = {{"filter:arbeit", "Arbeit & Ausbildung", {8, 8, 8 + width, 98}}};
            const auto problems = ui::testing::findLayoutProblems(runs, input);
            CHECK(count(problems, Kind::Cut) == 1);
            CHECK(count(problems, Kind::ShortenedWithoutEllipsis) == 1);
            CHECK(all(problems).find("filter:arbeit") != std::string::npos);
        }
        SUBCASE("a text cut at the top or bottom of a small box") {
            const auto runs = d.draw([&](ImDrawList& l) {
                l.PushClipRect(ImVec2(100, 200), ImVec2(900, 220), true);
                l.AddText(d.fonts.body, d.fonts.body->FontSize, ImVec2(100, 200), 0xFF000000, "Sprache");
                l.PopClipRect();
            });
            CHECK(count(ui::testing::findLayoutProblems(runs, d.input()), Kind::Cut) == 1);
        }
        SUBCASE("but a chip partly scrolled out of a strip may lose its label with it") {
            const auto runs = d.draw([&](ImDrawList& l) {
                l.PushClipRect(ImVec2(100, 200), ImVec2(500, 290), true);
                l.AddText(d.fonts.body, d.fonts.body->FontSize, ImVec2(420, 230), 0xFF000000, "Stadtteil & Wohnen");
                l.PopClipRect();
            });
            LayoutInput input = d.input();
            input.elements = {{"filter:stadtteil", "Stadtteil & Wohnen", {400, 210, 720, 280}}};
            const auto problems = ui::testing::findLayoutProblems(runs, input);
            CHECK_MESSAGE(problems.empty(), all(problems));
            SUBCASE("not when the chip is inside the strip and only its label runs out") {
                input.elements[0].rect = {400, 210, 490, 280};
                // ImGui drops the glyphs past the edge; here the edge falls between two, so nothing straddles it.
                const auto inside = ui::testing::findLayoutProblems(runs, input);
                CHECK_MESSAGE(count(inside, Kind::OutsideElement) == 1, all(inside));
                CHECK_MESSAGE(count(inside, Kind::ShortenedWithoutEllipsis) == 1, all(inside));
            }
        }
        SUBCASE("but a tall list may cut the row at its bottom edge: it scrolls") {
            const auto runs = d.draw([&](ImDrawList& l) {
                l.PushClipRect(ImVec2(100, 200), ImVec2(900, 440), true);  // the sixth row straddles the bottom edge
                for (int i = 0; i < 6; ++i) {
                    l.AddText(d.fonts.body, d.fonts.body->FontSize, ImVec2(100, 200.0f + static_cast<float>(i) * 45.0f), 0xFF000000,
                              "Sprachcafé im Glashaus");
                }
                l.PopClipRect();
            });
            CHECK(runs.size() == 6);
            const auto problems = ui::testing::findLayoutProblems(runs, d.input());
            CHECK_MESSAGE(problems.empty(), all(problems));
        }
    }

    TEST_CASE("text leaving the window is found") {
        Drawing d;
        const auto runs = d.draw([&](ImDrawList&) {
            ImGui::SetCursorPos(ImVec2(1800, 500));
            ImGui::TextUnformatted("Willkommenskultur");
        });
        const auto problems = ui::testing::findLayoutProblems(runs, d.input());
        CHECK(count(problems, Kind::OffScreen) + count(problems, Kind::Cut) == 1);
    }

    TEST_CASE("text that runs out of the element it starts in is found") {
        Drawing d;
        const auto runs = d.draw([&](ImDrawList& l) {
            l.AddText(d.fonts.body, d.fonts.body->FontSize, ImVec2(110, 210), 0xFF000000, "Nachbarschaftsfest am Wochenende");
        });
        LayoutInput input = d.input();
        input.elements = {{"card:1", "", {100, 200, 300, 300}}, {"screen", "", {0, 0, 1920, 1080}}};
        const auto problems = ui::testing::findLayoutProblems(runs, input);
        REQUIRE(count(problems, Kind::OutsideElement) == 1);
        CHECK(problems[0].message.find("card:1") != std::string::npos);
        SUBCASE("inside a wide enough element it is fine") {
            input.elements[0].rect.x1 = 900;
            CHECK(ui::testing::findLayoutProblems(runs, input).empty());
        }
    }

    TEST_CASE("a shortened text must end with an ellipsis") {
        Drawing d;
        LayoutInput input = d.input();
        input.sources = {"Anerkennung ausländischer Abschlüsse beschleunigen"};
        const auto cut = d.draw([&](ImDrawList& l) {
            l.AddText(d.fonts.body, d.fonts.body->FontSize, ImVec2(100, 200), 0xFF000000, "#12  Anerkennung ausländ");
        });
        const auto problems = ui::testing::findLayoutProblems(cut, input);
        REQUIRE(count(problems, Kind::ShortenedWithoutEllipsis) == 1);
        CHECK(problems[0].message.find("Anerkennung ausländ") != std::string::npos);
        SUBCASE("with the ellipsis it is fine (in a place one line high)") {
            const auto runs = d.draw([&](ImDrawList& l) {
                l.PushClipRect(ImVec2(0, 200), ImVec2(1920, 200 + d.fonts.body->FontSize * 1.5f), true);
                l.AddText(d.fonts.body, d.fonts.body->FontSize, ImVec2(100, 200), 0xFF000000, "#12  Anerkennung ausländ…");
                l.PopClipRect();
            });
            CHECK(ui::testing::findLayoutProblems(runs, input).empty());
        }
        SUBCASE("the whole text wrapped over lines is not shortened") {
            const auto runs = d.draw([&](ImDrawList& l) {
                l.AddText(d.fonts.body, d.fonts.body->FontSize, ImVec2(100, 200), 0xFF000000,
                          "Anerkennung ausländischer Abschlüsse beschleunigen", nullptr, 300.0f);
            });
            CHECK(runs.size() >= 2);
            CHECK(ui::testing::findLayoutProblems(runs, input).empty());
        }
    }

    TEST_CASE("a heading is never shortened, not even with an ellipsis, wrapped it is fine") {
        Drawing d;
        LayoutInput input = d.input();
        input.whole = {"Integrationskonferenz der Stadt Herten im Glashaus"};
        ImFont* f = d.fonts.body;
        const auto cut = d.draw([&](ImDrawList& l) {
            l.PushClipRect(ImVec2(0, 100), ImVec2(1920, 100 + f->FontSize * 1.5f), true);  // no room for a second line
            l.AddText(f, f->FontSize, ImVec2(100, 100), 0xFF000000, "Integrationskonferenz der Stadt…");
            l.PopClipRect();
        });
        const auto problems = ui::testing::findLayoutProblems(cut, input);
        REQUIRE(count(problems, Kind::ShortenedHeading) == 1);
        CHECK(problems.size() == 1);
        const auto wrapped = d.draw([&](ImDrawList& l) {
            l.AddText(f, f->FontSize, ImVec2(100, 100), 0xFF000000, "Integrationskonferenz der Stadt Herten im Glashaus", nullptr, 400.0f);
        });
        CHECK_MESSAGE(ui::testing::findLayoutProblems(wrapped, input).empty(), all(ui::testing::findLayoutProblems(wrapped, input)));
    }

    TEST_CASE("a text shortened where another line fits is found, with text or the edge of its place under it it is fine") {
        Drawing d;
        LayoutInput input = d.input();
        input.sources = {"Anerkennung ausländischer Abschlüsse beschleunigen"};
        ImFont* f = d.fonts.body;
        const auto roomy = d.draw([&](ImDrawList& l) {
            l.PushClipRect(ImVec2(0, 100), ImVec2(1920, 100 + f->FontSize * 3), true);  // a row two lines high and more
            l.AddText(f, f->FontSize, ImVec2(100, 100), 0xFF000000, "Anerkennung ausländ…");
            l.PopClipRect();
        });
        const auto problems = ui::testing::findLayoutProblems(roomy, input);
        REQUIRE(count(problems, Kind::ShortenedWithRoom) == 1);
        CHECK(problems.size() == 1);
        SUBCASE("a row one line high") {
            const auto runs = d.draw([&](ImDrawList& l) {
                l.PushClipRect(ImVec2(0, 100), ImVec2(1920, 100 + f->FontSize * 1.5f), true);
                l.AddText(f, f->FontSize, ImVec2(100, 100), 0xFF000000, "Anerkennung ausländ…");
                l.PopClipRect();
            });
            CHECK(ui::testing::findLayoutProblems(runs, input).empty());
        }
        SUBCASE("another text right under it") {
            const auto runs = d.draw([&](ImDrawList& l) {
                l.AddText(f, f->FontSize, ImVec2(100, 100), 0xFF000000, "Anerkennung ausländ…");
                l.AddText(d.fonts.title, d.fonts.title->FontSize, ImVec2(100, 100 + f->FontSize * 1.2f), 0xFF000000, "#13");
            });
            CHECK(count(ui::testing::findLayoutProblems(runs, input), Kind::ShortenedWithRoom) == 0);
        }
    }

    // Arabic is drawn shaped and right to left ("… ظفحلا ٍراج" for "جارٍ الحفظ …"): the checker reads it as written.
    TEST_CASE("an Arabic label drawn shaped is matched to its label: whole it is fine, shortened with room it is found") {
        Drawing d;
        LayoutInput input = d.input();
        input.labels = {"جارٍ الحفظ …", "المشاركة في المجتمع والمشاركة في القرار"};
        input.whole = input.labels;
        ImFont* f = d.fonts.body;
        const auto whole = d.draw([&](ImDrawList& l) {
            ui::AddShapedText(&l, f, f->FontSize, ImVec2(100, 100), 0xFF000000, "جارٍ الحفظ …");
            ui::AddShapedText(&l, f, f->FontSize, ImVec2(100, 300), 0xFF000000, "المشاركة في المجتمع والمشاركة في القرار", nullptr, 300.0f);
        });
        CHECK_MESSAGE(ui::testing::findLayoutProblems(whole, input).empty(), all(ui::testing::findLayoutProblems(whole, input)));
        const auto shortened = d.draw([&](ImDrawList& l) {
            ui::AddShapedText(&l, f, f->FontSize, ImVec2(100, 100), 0xFF000000, "جارٍ الح…");
            ui::AddShapedText(&l, f, f->FontSize, ImVec2(100, 300), 0xFF000000, "المشاركة في المجتمع…");
        });
        const auto problems = ui::testing::findLayoutProblems(shortened, input);
        CHECK_MESSAGE(count(problems, Kind::ShortenedHeading) == 2, all(problems));
        CHECK_MESSAGE(count(problems, Kind::ShortenedWithRoom) == 2, all(problems));
        // Cut between two words without "…": its drawn beginning is at its right, as written it is the label's beginning.
        const auto cut = d.draw([&](ImDrawList& l) {
            ui::AddShapedText(&l, f, f->FontSize, ImVec2(100, 300), 0xFF000000, "المشاركة في المجتمع");
        });
        CHECK_MESSAGE(count(ui::testing::findLayoutProblems(cut, input), Kind::ShortenedWithoutEllipsis) == 1,
                      all(ui::testing::findLayoutProblems(cut, input)));
    }

    TEST_CASE("a label cut between two letters is found by its beginning, a whole label is not") {
        Drawing d;
        LayoutInput input = d.input();
        input.labels = {"Ideen ansehen & abstimmen", "Ideen"};
        ImFont* f = d.fonts.body;
        // The clip rectangle ends exactly after "absti": ImGui draws no glyph beyond it, so no glyph is cut.
        const float edge = 100 + f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, "Ideen ansehen & absti").x;
        const auto cut = d.draw([&](ImDrawList& l) {
            l.PushClipRect(ImVec2(100, 200), ImVec2(edge, 200 + f->FontSize * 1.5f), true);
            l.AddText(f, f->FontSize, ImVec2(100, 200), 0xFF000000, "Ideen ansehen & abstimmen");
            l.PopClipRect();
        });
        const auto problems = ui::testing::findLayoutProblems(cut, input);
        CHECK(count(problems, Kind::Cut) == 0);  // what the cut rule alone would miss
        REQUIRE(count(problems, Kind::ShortenedWithoutEllipsis) == 1);
        CHECK(problems[0].message.find("Ideen ansehen & abstimmen") != std::string::npos);
        const auto whole = d.draw([&](ImDrawList& l) {
            l.AddText(f, f->FontSize, ImVec2(100, 200), 0xFF000000, "Ideen");
            l.PushClipRect(ImVec2(0, 400), ImVec2(1920, 400 + f->FontSize * 1.5f), true);
            l.AddText(f, f->FontSize, ImVec2(100, 400), 0xFF000000, "Ideen ansehen & ab…");
            l.PopClipRect();
        });
        CHECK_MESSAGE(ui::testing::findLayoutProblems(whole, input).empty(), all(ui::testing::findLayoutProblems(whole, input)));
    }

    TEST_CASE("a window with an opaque background hides the text beneath it, a veil does not") {
        Drawing d;
        for (const unsigned int alpha : {255u, 230u, 100u}) {  // 230: the idle question's veil, text shows through
            CAPTURE(alpha);
            const auto runs = d.draw([&](ImDrawList&) {
                ImGui::SetCursorPos(ImVec2(100, 100));
                ImGui::TextUnformatted("Ideen ansehen und abstimmen");
                ImGui::SetNextWindowPos(ImVec2(0, 0));
                ImGui::SetNextWindowSize(ImVec2(1920, 1080));
                ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(20, 30, 50, alpha));
                ImGui::Begin("##above", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
                ImGui::PopStyleColor();
                ImGui::SetCursorPos(ImVec2(110, 105));
                ImGui::TextUnformatted("Sind Sie noch da?");
                ImGui::End();
            });
            const auto problems = ui::testing::findLayoutProblems(runs, d.input());
            CHECK(count(problems, Kind::Overlap) == (alpha == 255u ? 0 : 1));
        }
        SUBCASE("and text cut beneath it is not this picture's problem") {
            const auto runs = d.draw([&](ImDrawList& l) {
                drawCutThroughW(l, d.fonts.body);
                ImGui::SetNextWindowPos(ImVec2(0, 0));
                ImGui::SetNextWindowSize(ImVec2(1920, 1080));
                ImGui::Begin("##cover", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
                ImGui::End();
            });
            CHECK(ui::testing::findLayoutProblems(runs, d.input()).empty());
        }
    }
}
