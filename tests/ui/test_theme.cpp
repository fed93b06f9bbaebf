// The design tokens: every text/background pair the views use reads with a WCAG contrast of at least 4.5:1, and
// the type scale gives body capitals of at least 21 px at 1080p.
#include "kiosk/ui/theme.h"

#include <doctest/doctest.h>

#include <cmath>
#include <string>

using namespace kiosk::ui::theme;

TEST_SUITE("ui.theme") {
    TEST_CASE("contrast is computed as WCAG 2 defines it") {
        CHECK(contrastRatio({0, 0, 0}, {255, 255, 255}) == doctest::Approx(21.0));
        CHECK(contrastRatio({255, 255, 255}, {255, 255, 255}) == doctest::Approx(1.0));
        CHECK(contrastRatio({0x76, 0x76, 0x76}, {255, 255, 255}) == doctest::Approx(4.54).epsilon(0.01));
    }

    TEST_CASE("every text/background pair of the palette has a contrast of at least 4.5:1") {
        const auto pairs = textPairs();
        CHECK(pairs.size() >= 20);
        for (const auto& pair : pairs) {
            const std::string name = pair.name;
            CAPTURE(name);
            const double ratio = contrastRatio(pair.text, pair.background);
            MESSAGE(name << ": " << ratio);
            CHECK(ratio >= 4.5);
        }
    }

    TEST_CASE("the high-contrast palette reaches 7:1 (WCAG AAA) for every text/background pair") {
        const auto pairs = textPairs(highContrastPalette());
        CHECK(pairs.size() == textPairs().size());
        for (const auto& pair : pairs) {
            const std::string name = pair.name;
            CAPTURE(name);
            CHECK(contrastRatio(pair.text, pair.background) >= 7.0);
        }
        // The ordinary palette does not: the check can tell the two apart.
        bool ordinaryBelow = false;
        for (const auto& pair : textPairs()) ordinaryBelow = ordinaryBelow || contrastRatio(pair.text, pair.background) < 7.0;
        CHECK(ordinaryBelow);
        // Outlines of keys and quiet buttons stand out as strongly as text.
        CHECK(contrastRatio(highContrastPalette().border, highContrastPalette().page) >= 7.0);
    }

    TEST_CASE("palette() is the high-contrast one inside a HighContrastScope, and the ordinary one again after it") {
        const Rgb ordinaryText = palette().text;
        {
            const HighContrastScope scope(true);
            CHECK(palette().page.r == highContrastPalette().page.r);
            CHECK(palette().border.r == highContrastPalette().border.r);
            {
                const HighContrastScope off(false);
                CHECK(palette().border.r == Palette{}.border.r);
            }
            CHECK(palette().border.r == highContrastPalette().border.r);
        }
        CHECK(palette().text.r == ordinaryText.r);
        CHECK(palette().border.r == Palette{}.border.r);
    }

    TEST_CASE("a pair changed to low contrast fails the check") {
        Palette low;
        low.textMuted = {0x9A, 0xA3, 0xB0};  // light grey on white: about 2.5:1
        bool found = false;
        for (const auto& pair : textPairs(low)) {
            if (contrastRatio(pair.text, pair.background) < 4.5) found = true;
        }
        CHECK(found);
    }

    TEST_CASE("text on a category colour from the event file picks whichever of dark and white reads better") {
        for (const Rgb colour : {Rgb{0xE6, 0x9F, 0x00}, Rgb{0x00, 0x72, 0xB2}, Rgb{0xFF, 0xFF, 0x00}, Rgb{0x33, 0x33, 0x33}}) {
            CHECK(contrastRatio(readableOn(colour), colour) >= 4.5);
        }
    }

    TEST_CASE("body text has an em of 1/36 of the shorter side, loaded by line height, and headings are larger") {
        for (const auto& [w, h] : {std::pair{1920.0f, 1080.0f}, std::pair{1080.0f, 1920.0f}, std::pair{1280.0f, 800.0f}}) {
            const Scale s = scaleFor(w, h);
            CHECK(s.em >= std::min(w, h) / 36.0f - 0.01f);
            CHECK(s.body == doctest::Approx(s.em * kNotoLineHeight));
            CHECK(s.heading > s.body);
            CHECK(s.display > s.heading);
            CHECK(s.target >= 60.0f);
        }
        // Noto Sans capitals are 0.714 em: at 1080p at least 21 px.
        CHECK(scaleFor(1920, 1080).em * 0.714f >= 21.0f);
    }

    TEST_CASE("the content column is centred with margins and a bounded width") {
        for (const auto& [w, h] : {std::pair{1920.0f, 1080.0f}, std::pair{1080.0f, 1920.0f}, std::pair{1280.0f, 800.0f}}) {
            const Scale s = scaleFor(w, h);
            const Grid g = gridFor(w, h, s);
            CHECK(g.x >= g.margin - 1.0f);
            CHECK(g.x + g.width <= w - g.margin + 0.5f);
            CHECK(std::abs(g.x - (w - g.x - g.width)) <= 1.0f);
            CHECK(g.width <= s.em * 48.0f + 0.5f);
        }
    }
}
