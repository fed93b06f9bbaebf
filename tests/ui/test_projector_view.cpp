// The projector in the room's languages: its own labels speak the language of the turn (the one its invitation
// shows), the Arabic turn lays the picture out right to left, and every idea title starts beside its number, so from
// the right there. Read back from the draw data, as the hall would see it.
#include "drawn_text.h"
#include "imgui_harness.h"

#include "kiosk/ui/projector_view.h"
#include "kiosk/ui/shaped_text.h"

#include "imgui.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>
#include <vector>

using namespace kiosk;
using ui::testing::TextRun;

namespace {

const std::string kGermanTitle = "Sprachcafé";
const std::string kArabicTitle = "مقهى اللغة";  // logical order, as stored

ui::ProjectorModel rankingModel() {
    ui::ProjectorModel model;
    model.title = "Integrationskonferenz";
    model.ideas = 12;
    model.votes = 34;
    model.participants = 5;
    model.frozen = true;
    model.ranking = {{1, kGermanTitle, "Sprache", 0xFF3366AA, 9, false}, {2, kArabicTitle, "Sprache", 0xFF3366AA, 7, false}};
    model.newest = model.ranking;
    return model;
}

/// The first run that is `text` as drawn (shaped and in visual order when it is Arabic), or only holds it when
/// `within`; nullptr when there is none.
const TextRun* runWith(const std::vector<TextRun>& runs, const std::string& text, bool within = false) {
    const std::string visual = ui::visualText(text);
    const auto found = std::find_if(runs.begin(), runs.end(), [&](const TextRun& r) {
        return within ? r.text.find(visual) != std::string::npos : r.text == visual;
    });
    return found == runs.end() ? nullptr : &*found;
}

/// A label's words without a closing colon: in a right-to-left line the colon's place depends on what follows it.
std::string withoutColon(std::string label) {
    if (!label.empty() && label.back() == ':') label.pop_back();
    return label;
}

/// The words of `text` without the punctuation around them (its place in a right-to-left line depends on the line).
std::vector<std::string> wordsOf(const std::string& text) {
    std::vector<std::string> words;
    std::string word;
    std::istringstream in(text);
    while (in >> word) {
        while (!word.empty() && std::string(".,:;!").find(word.back()) != std::string::npos) word.pop_back();  // ASCII only: bytes of one character
        if (word.size() > 1 && word != "–") words.push_back(word);  // a dash stands alone
    }
    return words;
}

double turnOf(const core::Catalog& text, const std::string& language) {
    const auto& all = text.languages();
    return static_cast<double>(std::find(all.begin(), all.end(), language) - all.begin());
}

}  // namespace

TEST_SUITE("ui.projector") {
    TEST_CASE("the projector speaks the language of its turn and is mirrored in the Arabic turn with titles beside their numbers") {
        for (const ImVec2 screen : {ImVec2(1920, 1080), ImVec2(1080, 1920)}) {
            CAPTURE(screen.x);
            ImGuiHarness h(screen.x, screen.y);
            const float half = screen.x * 0.5f;
            for (const std::string& language : h.catalog.languages()) {
                CAPTURE(language);
                const double now = (turnOf(h.catalog, language) + 0.5) * ui::ProjectorView::kTurnSeconds;
                REQUIRE(ui::ProjectorView::turnLanguage(ui::ProjectorModel{}, h.catalog, now) == language);
                const bool mirrored = ui::isRightToLeftLanguage(language);
                const auto label = [&](const char* key) { return h.catalog.text(language, key); };

                ui::ProjectorView view;
                ui::ProjectorModel model = rankingModel();
                view.Animate(model, 10.0f);
                h.drawUntouched([&](ui::Frame& f) { view.Draw(model, f.fonts, f.text, now); });
                auto runs = ui::testing::recordDrawnText();
                for (const char* key : {"projector.ideas", "projector.votes", "projector.participants", "projector.frozen"}) {
                    CHECK_MESSAGE(runWith(runs, label(key)) != nullptr, std::string(key) << " is not drawn in " << language);
                    if (label(key) != h.catalog.text("de", key)) {
                        CHECK_MESSAGE(runWith(runs, h.catalog.text("de", key)) == nullptr, std::string(key) << " is still drawn in German");
                    }
                }
                CHECK_MESSAGE(runWith(runs, withoutColon(label("projector.newest")), true) != nullptr, "the ticker's heading");

                // The side column and the ranks' numbers change sides in the mirrored picture, and only there.
                const TextRun* totals = runWith(runs, label("projector.ideas"));
                const TextRun* rank = runWith(runs, "#1");
                REQUIRE(totals != nullptr);
                REQUIRE(rank != nullptr);
                CHECK((mirrored ? totals->rect.x1 <= half : totals->rect.x0 >= half));
                CHECK((mirrored ? rank->rect.x0 >= half : rank->rect.x1 <= half));

                // Every title starts beside its number on the layout's reading side: the Arabic one like the German.
                const TextRun* german = runWith(runs, kGermanTitle);
                const TextRun* arabic = runWith(runs, kArabicTitle);
                REQUIRE(german != nullptr);
                REQUIRE(arabic != nullptr);
                if (mirrored) {
                    CHECK(std::fabs(arabic->rect.x1 - german->rect.x1) < 3.0f);
                    CHECK(arabic->rect.x1 <= rank->rect.x0);
                    CHECK(arabic->rect.x0 >= half);
                } else {
                    CHECK(std::fabs(arabic->rect.x0 - german->rect.x0) < 3.0f);
                    CHECK(arabic->rect.x0 >= rank->rect.x1);
                    CHECK(arabic->rect.x1 <= half);
                }

                // Before the results are revealed, and with no ideas yet.
                ui::ProjectorModel waiting;
                waiting.awaitingReveal = true;
                h.drawUntouched([&](ui::Frame& f) { view.Draw(waiting, f.fonts, f.text, now); });
                runs = ui::testing::recordDrawnText();
                // Each may take two or three lines: every word of it is drawn (in the lines' visual order).
                std::string drawn;
                for (const auto& run : runs) drawn += run.text + "\n";
                for (const char* key : {"projector.results_follow", "projector.empty"}) {
                    for (const std::string& word : wordsOf(label(key))) {
                        CHECK_MESSAGE(drawn.find(ui::visualText(word)) != std::string::npos,
                                      std::string(key) << ": \"" << word << "\" is not drawn in " << language);
                    }
                }
            }
        }
    }
}

TEST_SUITE("ui.projector") {
    // The spotlight in the narrow side column of a portrait projector: a long German word gets smaller (down to four
    // fifths of body text) instead of breaking in the middle ("Stadtrundfahrt-en").
    TEST_CASE("the spotlight in a portrait side column breaks no word that fits it a little smaller") {
        const std::vector<std::string> titles = {"Stadtrundfahrten mit Migrantinnen und Migranten", "Interkulturelles Nachbarschaftsfest",
                                                 "Hausaufgabenhilfe im Jugendzentrum"};
        ui::ProjectorModel model = rankingModel();
        model.ranking.clear();
        for (std::size_t i = 0; i < titles.size(); ++i) {
            model.ranking.push_back({static_cast<int>(i + 1), titles[i], "Begegnung", 0xFF3366AA, 30 - static_cast<int>(i), false});
        }
        model.categories = {{"Begegnung", 0xFF3366AA}};
        model.newest.clear();
        std::vector<std::string> words;
        for (const auto& title : titles) {
            for (const auto& word : wordsOf(title)) words.push_back(word);
        }
        ImGuiHarness h(1080, 1920);
        ui::ProjectorView view;
        view.Animate(model, 10.0f);
        h.drawUntouched([&](ui::Frame& f) { view.Draw(model, f.fonts, f.text, 0.5); });
        int looked = 0;
        for (const TextRun& run : ui::testing::recordDrawnText()) {
            if (run.rect.x0 < 1080 * 0.5f || run.text.find("…") != std::string::npos) continue;  // the side column; a cut is another rule's
            std::istringstream in(run.text);
            std::string token;
            while (in >> token) {
                const bool whole = std::find(words.begin(), words.end(), token) != words.end();
                const bool part = std::any_of(words.begin(), words.end(), [&](const std::string& w) { return w.find(token) != std::string::npos; });
                looked += whole;
                CHECK_MESSAGE((whole || !part), "\"" << token << "\" in \"" << run.text << "\" is part of a word");
            }
        }
        CHECK(looked >= 6);
    }
}
