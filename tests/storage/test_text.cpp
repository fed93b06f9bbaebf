// Text validation at the storage boundary, with hostile input.
#include "storage/text.h"
#include "storage/types.h"

#include <doctest/doctest.h>

using namespace storage;

TEST_SUITE("text") {
    TEST_CASE("UTF-8 validation is strict") {
        CHECK(isValidUtf8("Größe üben – çok güzel, İzmir"));
        CHECK(isValidUtf8(""));
        SUBCASE("broken sequences") {
            CHECK_FALSE(isValidUtf8("\xC3"));              // truncated
            CHECK_FALSE(isValidUtf8("\x80" "abc"));           // stray continuation byte
            CHECK_FALSE(isValidUtf8("\xC0\xAF"));          // overlong '/'
            CHECK_FALSE(isValidUtf8("\xED\xA0\x80"));      // UTF-16 surrogate
            CHECK_FALSE(isValidUtf8("\xF4\x90\x80\x80"));  // past U+10FFFF
            CHECK_FALSE(isValidUtf8("\xFF"));
        }
        CHECK(codepointCount("Größe") == 5);
        CHECK(codepointCount("İğş") == 3);
    }

    TEST_CASE("cleanText rejects invalid UTF-8 with a clear code") {
        try {
            cleanText("Idee \xC3\x28", TextField::Title);
            FAIL("expected a RuleError");
        } catch (const RuleError& e) {
            CHECK(e.code() == "invalid_utf8");
            CHECK(std::string(e.what()).find("title") != std::string::npos);
        }
    }

    TEST_CASE("cleanText removes control, bidi and invisible characters") {
        SUBCASE("NUL and other controls") {
            CHECK(cleanText(std::string("Ra\0d\x07weg", 9), TextField::Title) == "Radweg");
        }
        SUBCASE("bidi overrides and isolates") {
            CHECK(cleanText("abc\u202Edef\u2066g\u2069", TextField::Title) == "abcdefg");
            CHECK(cleanText("\u200Fx\u200E", TextField::Title) == "x");
        }
        SUBCASE("zero width space and BOM go, ZWJ in emoji stays") {
            CHECK(cleanText("a\u200Bb\uFEFF", TextField::Title) == "ab");
            const std::string family = "\U0001F468\u200D\U0001F469\u200D\U0001F467";
            CHECK(cleanText(family, TextField::Title) == family);
        }
        SUBCASE("white space in single-line fields") {
            CHECK(cleanText("  viele \t  Leer\u00A0 zeichen \n hier ", TextField::Title) == "viele Leer zeichen hier");
        }
        SUBCASE("line breaks are kept in descriptions, blank lines capped") {
            CHECK(cleanText("eins\r\nzwei\r\r\n\n\n\ndrei  ", TextField::Description) == "eins\nzwei\n\ndrei");
        }
        SUBCASE("SQL-looking text is just text") {
            CHECK(cleanText("'); DROP TABLE ideas;--", TextField::Title) == "'); DROP TABLE ideas;--");
        }
        SUBCASE("NFC") {
            CHECK(cleanText("Gro\u0308\u00DFe u\u0308ben", TextField::Title) == "Größe üben");
        }
    }

    TEST_CASE("limits are counted in characters") {
        const std::string umlauts(120 * 2, 'x');
        std::string title;
        for (int i = 0; i < 120; ++i) title += "ü";  // 240 bytes, 120 characters
        CHECK_NOTHROW(checkLength(title, TextField::Title));
        CHECK_THROWS_WITH_AS(checkLength(title + "ü", TextField::Title), "title has 121 characters; at most 120 are allowed",
                             RuleError);
        SUBCASE("a 10,000-character paste cleans fine and is then refused") {
            const std::string paste(10000, 'a');
            const std::string cleaned = cleanText(paste, TextField::Description);
            CHECK(cleaned.size() == 10000);
            try {
                checkLength(cleaned, TextField::Description);
                FAIL("expected description_too_long");
            } catch (const RuleError& e) {
                CHECK(e.code() == "description_too_long");
            }
        }
        SUBCASE("a title of only invisible characters is empty") {
            try {
                checkLength(cleanText("\u202E\u200B \t", TextField::Title), TextField::Title);
                FAIL("expected title_empty");
            } catch (const RuleError& e) {
                CHECK(e.code() == "title_empty");
            }
        }
        CHECK_THROWS_AS(checkLength(std::string(61, 'n'), TextField::Author), RuleError);
    }

    TEST_CASE("a title needs a visible character") {
        for (const char* blank : {"\u200D", "\u200D \u200C", "\u3164", "\u2800\u2800", "\U000E0041\U000E007F",
                                  "\uFE0F", "\u2062"}) {
            CAPTURE(blank);
            CHECK_THROWS_WITH_AS(checkLength(cleanText(blank, TextField::Title), TextField::Title), "the title is empty",
                                 RuleError);
        }
        CHECK_NOTHROW(checkLength(cleanText("\U0001F44D\U0001F3FD", TextField::Title), TextField::Title));
        CHECK_NOTHROW(checkLength("\u0130", TextField::Title));
        CHECK_NOTHROW(checkLength("?", TextField::Title));
    }

    TEST_CASE("every text field has a limit") {
        CHECK_THROWS_WITH_AS(checkLength(std::string(201, 'v'), TextField::Other), "text has 201 characters; at most 200 are allowed",
                             RuleError);
        CHECK_THROWS_WITH_AS(checkLength(std::string(1001, 'r'), TextField::Reason),
                             "reason has 1001 characters; at most 1000 are allowed", RuleError);
        CHECK(cleanText("eins\r\nzwei", TextField::Reason) == "eins\nzwei");
    }

    TEST_CASE("untrusted text in messages is one short, readable line") {
        CHECK(quoteUntrusted("abc") == "'abc'");
        CHECK(quoteUntrusted("a\nb\x1B[31m") == "'a\\nb\\x1B[31m'");
        CHECK(quoteUntrusted("\u202Eevil\u2066") == "'\\u{202E}evil\\u{2066}'");
        CHECK(quoteUntrusted("\xFF" "ok\xC3") == "'\\xFFok\\xC3'");
        CHECK(quoteUntrusted(std::string("a\0b", 3)) == "'a\\x00b'");
        CHECK(quoteUntrusted(std::string(100, 'x')) == "'" + std::string(39, 'x') + "…'");
        CHECK(quoteUntrusted(std::string(40, 'x')) == "'" + std::string(40, 'x') + "'");
        CHECK(quoteUntrusted("Größe üben – çok güzel, İzmir 👨‍👩‍👧") == "'Größe üben – çok güzel, İzmir 👨‍👩‍👧'");
        CHECK(printableLine("C:\\Users\\x") == "C:\\Users\\x");
        const std::string once = printableLine("\x1B]0;pwned\x07\n" + std::string(1000, 'z'), 50);
        CHECK(printableLine(once, 50) == once);
        CHECK(codepointCount(once) == 50);
    }

    TEST_CASE("folding for duplicates knows Turkish i and German ß") {
        CHECK(foldForCompare("İSTANBUL") == foldForCompare("istanbul"));
        CHECK(foldForCompare("ıstanbul") == "istanbul");
        CHECK(foldForCompare("GRÖSSE") == foldForCompare("größe"));
        CHECK(foldForCompare("  Sprach-Café!!  im   Glashaus ") == "sprach café im glashaus");
        CHECK(foldForCompare("Größe") != foldForCompare("Grosse ü"));
        CHECK(foldForCompare("ğ") != foldForCompare("g"));
        SUBCASE("Cyrillic, Polish and Kurmanji fold their capitals; ё is е, the other letters stay themselves") {
            CHECK(foldForCompare("ЁЛКА у ШКОЛЫ") == "елка у школы");
            CHECK(foldForCompare("Ёлка") == foldForCompare("елка"));
            CHECK(foldForCompare("ЇЖА Й ҐРУНТ, М’ЯТА") == "їжа й ґрунт м ята");
            CHECK(foldForCompare("ї") != foldForCompare("і"));
            CHECK(foldForCompare("ŁÓDŹ ŻÓŁW") == "łódź żółw");
            CHECK(foldForCompare("ł") != foldForCompare("l"));
            CHECK(foldForCompare("ÇÊÎŞÛ") == "çêîşû");
        }
        SUBCASE("a NUL does not cut the text short") {
            CHECK(foldForCompare(std::string("Rad\0weg fahren", 15)) == "radweg fahren");  // dropped, as cleanText does
        }
        SUBCASE("a draft with invisible characters folds like the cleaned title that is stored") {
            for (const char* draft : {"Rad\u200Bweg", "Rad\u00ADweg", "\u202ERadweg", "Rad\x7Fweg", "Gro\u200B\u0308sse"}) {
                CAPTURE(draft);
                CHECK(foldForCompare(draft) == foldForCompare(cleanText(draft, TextField::Title)));
            }
        }
        SUBCASE("a letter the folding changes composes with the marks after it, so folding again changes nothing") {
            // Found by fuzz_text in CI: Ё + grave + tilde folded to е + grave + tilde, which composes to ѐ + tilde.
            CHECK(foldForCompare("\u0401\u0300\u0303") == "\u0450\u0303");
            CHECK(foldForCompare("\u0401\u0308") == "\u0435");            // е + diaeresis is ё again, and ё is е
            CHECK(foldForCompare("\u0130\u0308") == "\u00EF");            // İ + diaeresis: i + diaeresis is ï
            CHECK(foldForCompare("\u0401\u0316\u0308") == "\u0435\u0316");  // through a mark below
            CHECK(foldForCompare("\u1E9E\u0307") == "s\u1E61");           // ẞ + dot: ss + dot, the second s takes it
            CHECK(foldForCompare("\u0451\u0308\u0308\u0308") == "\u0435");   // every diaeresis would make ё again
            CHECK(foldForCompare("\u0435\u0316\u0308\u0300") == "\u0450\u0316");  // without the diaeresis the grave reaches е
            CHECK(foldForCompare("\u0435\u0301\u0308") == "\u0435\u0301\u0308");  // an acute in between blocks it
            std::string stacked = "\u0401", below = "\u0435";  // far more marks than folding has rounds
            for (int i = 0; i < 3000; ++i) {
                stacked += "\u0316\u0308";
                below += "\u0316";
            }
            CHECK(foldForCompare(stacked) == below);
            for (const char* text : {"\u0401\u0300\u0303", "\u0401\u0308", "\u0130\u0308\u0301", "\u0401.\u0300",
                                     "\u00C9\u0301", "\u0131\u0308"}) {
                CAPTURE(text);
                const std::string folded = foldForCompare(text);
                CHECK(foldForCompare(folded) == folded);
            }
        }
    }
}
