// Arabic shaped and reordered for display: joining forms, lam-alef, marks, mixed digits and Latin, wrapping, carets.
#include "kiosk/core/bidi.h"
#include "kiosk/core/text_edit.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace kiosk::core;

namespace {

std::string utf8(const std::u32string& cps) {
    const std::vector<unsigned int> units(cps.begin(), cps.end());
    return utf8FromCodepoints(units.data(), units.size());
}

/// Every code point counts one unit of width; a space too.
float countWidth(std::string_view shaped) { return static_cast<float>(characterCount(shaped)); }

// Letters, logical order.
constexpr char32_t kBeh = 0x0628, kLam = 0x0644, kAlef = 0x0627, kMeem = 0x0645, kSeen = 0x0633, kReh = 0x0631,
                   kHah = 0x062D, kFatha = 0x064E;

}  // namespace

TEST_SUITE("bidi") {
    TEST_CASE("the fast check finds right-to-left text and nothing else") {
        CHECK_FALSE(hasRightToLeft(""));
        CHECK_FALSE(hasRightToLeft("Stadtrundfahrten mit Migranten – Ğüzel İstanbul €"));
        CHECK_FALSE(hasRightToLeft("Привіт, Ґанок; Zażółć gęślą jaźń"));
        CHECK_FALSE(hasRightToLeft("\xD5\xA1"));  // Armenian, just below Hebrew
        CHECK(hasRightToLeft(utf8({kBeh})));
        CHECK(hasRightToLeft("Idee " + utf8({kMeem, kReh, kHah, kBeh, kAlef})));
        CHECK(hasRightToLeft("\xD7\xA9"));                  // Hebrew shin
        CHECK(hasRightToLeft(utf8({0xFEFB})));              // a presentation form
        CHECK_FALSE(hasRightToLeft("\xD8"));                // a lone lead byte is not a letter
        CHECK_FALSE(hasRightToLeft(utf8({0xFEFF})));        // the byte order mark is no letter
    }

    TEST_CASE("each letter takes its joining form") {
        SUBCASE("isolated") { CHECK(visualLine(utf8({kBeh})).visual == utf8({0xFE8F})); }
        SUBCASE("initial, medial and final, drawn right to left") {
            const VisualLine line = visualLine(utf8({kBeh, kBeh, kBeh}));
            CHECK(line.visual == utf8({0xFE90, 0xFE92, 0xFE91}));
            CHECK(line.rightToLeft);
        }
        SUBCASE("a letter that joins only to the right breaks the word's joining") {
            // meem-reh-hah-beh-alef: reh and alef never join the following letter.
            CHECK(visualLine(utf8({kMeem, kReh, kHah, kBeh, kAlef})).visual == utf8({0xFE8E, 0xFE92, 0xFEA3, 0xFEAE, 0xFEE3}));
        }
    }

    TEST_CASE("lam and alef become one ligature and the fill character is dropped") {
        SUBCASE("alone") {
            const VisualLine line = visualLine(utf8({kLam, kAlef}));
            CHECK(line.visual == utf8({0xFEFB}));
            REQUIRE(line.logicalToVisual.size() == 2);
            CHECK(line.logicalToVisual[0] == 0);
            CHECK(line.logicalToVisual[1] == 0);  // the alef is inside the ligature
        }
        SUBCASE("inside a word: salaam") {
            CHECK(visualLine(utf8({kSeen, kLam, kAlef, kMeem})).visual == utf8({0xFEE1, 0xFEFC, 0xFEB3}));
        }
    }

    TEST_CASE("a vowel mark stays with its letter, drawn just before it") {
        // beh, fatha, beh: the mark is transparent for joining (initial + final) and precedes its letter
        // in the visual string, where a zero-advance mark drawn right of the pen lands on it.
        const VisualLine line = visualLine(utf8({kBeh, kFatha, kBeh}));
        CHECK(line.visual == utf8({0xFE90, kFatha, 0xFE91}));
        REQUIRE(line.logicalToVisual.size() == 3);
        CHECK(line.logicalToVisual[0] == 2);
        CHECK(line.logicalToVisual[1] == 1);
        CHECK(line.logicalToVisual[2] == 0);
    }

    TEST_CASE("Arabic mixed with digits and Latin") {
        const std::string marhaba = utf8({kMeem, kReh, kHah, kBeh, kAlef});
        const std::string shownMarhaba = utf8({0xFE8E, 0xFE92, 0xFEA3, 0xFEAE, 0xFEE3});
        SUBCASE("an Arabic paragraph keeps numbers and Latin words left to right, in reading order from the right") {
            const VisualLine line = visualLine(marhaba + " 2026 Kiosk");
            CHECK(line.rightToLeft);
            CHECK(line.visual == "Kiosk 2026 " + shownMarhaba);
        }
        SUBCASE("a German paragraph with an Arabic word") {
            const VisualLine line = visualLine("Idee: " + marhaba + "!");
            CHECK_FALSE(line.rightToLeft);
            CHECK(line.visual == "Idee: " + shownMarhaba + "!");
        }
        SUBCASE("brackets are mirrored in a right-to-left run") {
            CHECK(visualLine(utf8({kBeh, ' ', '(', kMeem, ')'})).visual == utf8({'(', 0xFEE1, ')', ' ', 0xFE8F}));
        }
        SUBCASE("digits alone follow the fallback direction") {
            CHECK_FALSE(visualLine("123").rightToLeft);
            CHECK(visualLine("123", BaseDirection::RightToLeft).rightToLeft);
            CHECK(visualLine("123", BaseDirection::RightToLeft).visual == "123");
        }
        SUBCASE("Latin text comes back unchanged") {
            const std::string latin = "Stadtrundfahrten mit Migranten (Herten) – Ğüzel";
            CHECK(visualLine(latin).visual == latin);
        }
    }

    TEST_CASE("the caret stands where a reader expects it") {
        SUBCASE("after the last Arabic letter typed: at its left") {
            const VisualLine line = visualLine(utf8({kBeh, kBeh, kBeh}));
            CHECK(line.caretBoundary(3) == 0);
            CHECK(line.caretBoundary(0) == 3);  // before the first: at the right edge
            CHECK(line.caretBoundary(1) == 2);
        }
        SUBCASE("after Latin text: at its right") {
            const VisualLine line = visualLine("abc");
            CHECK(line.caretBoundary(3) == 3);
            CHECK(line.caretBoundary(0) == 0);
        }
        SUBCASE("after a number inside Arabic: right of its last digit") {
            // beh, space, 1, 2: visual "12 ب"; the caret after the 2 stands right of it.
            const VisualLine line = visualLine(utf8({kBeh, ' ', '1', '2'}));
            CHECK(line.visual == utf8({'1', '2', ' ', 0xFE8F}));
            CHECK(line.caretBoundary(4) == 2);
        }
        SUBCASE("an empty line") { CHECK(visualLine("").caretBoundary(0) == 0); }
    }

    TEST_CASE("wrapping breaks on logical words and reorders each line on its own") {
        // Three Arabic words of three letters; a line holds two words and their space (7 units).
        const std::string word1 = utf8({kBeh, kBeh, kBeh}), word2 = utf8({kMeem, kMeem, kMeem}), word3 = utf8({kSeen, kSeen, kSeen});
        const auto lines = wrapVisual(word1 + " " + word2 + " " + word3, 7.0f, countWidth);
        REQUIRE(lines.size() == 2);
        // The first line holds the first two words read from the right: word 1 at the right, word 2 at the left.
        CHECK(lines[0].visual == utf8({0xFEE2, 0xFEE4, 0xFEE3, ' ', 0xFE90, 0xFE92, 0xFE91}));
        CHECK(lines[1].visual == utf8({0xFEB2, 0xFEB4, 0xFEB3}));
        CHECK(lines[0].rightToLeft);
        CHECK(lines[1].rightToLeft);
        // The byte ranges cover the logical text without the space dropped at the wrap.
        CHECK(lines[0].logicalBegin == 0);
        CHECK(lines[1].logicalBegin == lines[0].logicalEnd + 1);
        CHECK(lines[1].logicalEnd == (word1 + " " + word2 + " " + word3).size());

        SUBCASE("a line break starts a new paragraph, with its own direction") {
            const auto paragraphs = wrapVisual("Hallo\n" + word1, 0.0f, countWidth);
            REQUIRE(paragraphs.size() == 2);
            CHECK(paragraphs[0].visual == "Hallo");
            CHECK_FALSE(paragraphs[0].rightToLeft);
            CHECK(paragraphs[1].rightToLeft);
            CHECK(paragraphs[1].logicalBegin == 6);
        }
        SUBCASE("a word wider than the line breaks between letters") {
            const auto parts = wrapVisual(utf8({kBeh, kBeh, kBeh, kBeh, kBeh}), 2.0f, countWidth);
            REQUIRE(parts.size() == 3);
            CHECK(characterCount(parts[0].visual) == 2);
            CHECK(characterCount(parts[2].visual) == 1);
        }
        SUBCASE("an empty text is one empty line") {
            const auto none = wrapVisual("", 100.0f, countWidth);
            REQUIRE(none.size() == 1);
            CHECK(none[0].visual.empty());
        }
    }

    TEST_CASE("bad input is shown without its broken bytes, never lost or crashing") {
        SUBCASE("invalid UTF-8") {
            const std::string broken = "\xFF" + utf8({kBeh}) + "\xC0\x80" + "a\xE2\x82";
            const VisualLine line = visualLine(broken);
            CHECK(line.visual == "a" + utf8({0xFE8F}));  // an Arabic paragraph: the Latin letter after it stands left
            CHECK(line.logicalEnd == broken.size());
        }
        SUBCASE("a long paste of mixed text wraps into lines that hold every letter") {
            std::string paste;
            for (int i = 0; i < 2000; ++i) paste += utf8({kSeen, kLam, kAlef, kMeem}) + " Herten 2026 ";
            paste.pop_back();
            const auto lines = wrapVisual(paste, 40.0f, countWidth);
            CHECK(lines.size() > 100);
            std::size_t shown = 0;
            for (const auto& line : lines) {
                CHECK(countWidth(line.visual) <= 40.0f);
                shown += characterCount(line.visual);
            }
            // Each repetition: the ligature takes the alef's place; the dropped spaces at wraps are gone.
            CHECK(shown <= characterCount(paste) - 2000);
            CHECK(shown >= characterCount(paste) - 2000 - lines.size());
        }
    }
}
