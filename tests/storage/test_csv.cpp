// CSV dialects, injection escaping, the reader, and golden exports compared byte for byte.
#include "fixtures.h"
#include "idea_fields.h"
#include "storage/csv.h"
#include "storage/export.h"
#include "storage/import.h"
#include "storage/types.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <limits>
#include <sstream>

using namespace storage;

namespace {

std::string write(CsvDialect dialect, const std::vector<std::vector<std::string>>& rows) {
    std::ostringstream out;
    CsvWriter writer(out, dialect);
    for (const auto& row : rows) writer.row(row);
    writer.flush();
    return out.str();
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Fixed time zone for timestamps in golden files; restored afterwards.
struct BerlinTime {
    std::string saved;
    bool had = false;
    BerlinTime() {
        if (const char* tz = std::getenv("TZ")) {
            saved = tz;
            had = true;
        }
        setenv("TZ", "Europe/Berlin", 1);
        tzset();
    }
    ~BerlinTime() {
        if (had) setenv("TZ", saved.c_str(), 1); else unsetenv("TZ");
        tzset();
    }
};

// A small event with every kind of text a CSV writer can get wrong.
struct GoldenEvent {
    BerlinTime tz;
    fixtures::ManualClock clock;
    Store store{":memory:", fixtures::options(clock, 11, "kiosk-a")};
    std::string event = store.createEvent(fixtures::conference());
    GoldenEvent() {
        auto add = [&](const std::string& title, const std::string& description, const std::string& category,
                       const std::string& language) {
            NewIdea idea = fixtures::idea(title, category);
            idea.description = description;
            idea.language = language;
            idea.author = language == "tr" ? "Ayşe" : "";
            clock.advance(61000);
            return store.submitIdea(event, idea).id;
        };
        const auto first = add("Größe üben – çok güzel, İzmir", "Zeile eins\nZeile \"zwei\"; mit Semikolon, Komma", "sprache", "tr");
        add("=HYPERLINK(\"http://x\";\"klick\")", "-1+1", "begegnung", "de");
        add("@Stadtrundfahrten mit Migranten", "", "begegnung", "en");
        clock.advance(1000);
        store.castVote(store.startSession(event, "de"), first);
    }
};

}  // namespace

TEST_SUITE("csv") {
    TEST_CASE("excel-de: BOM, semicolons, CRLF, everything quoted") {
        CHECK(write(CsvDialect::ExcelDe, {{"a", "b;c"}, {"\"q\"", ""}}) == "\xEF\xBB\xBF\"a\";\"b;c\"\r\n\"\"\"q\"\"\";\"\"\r\n");
    }

    TEST_CASE("rfc4180: commas, CRLF, quotes only when needed") {
        CHECK(write(CsvDialect::Rfc4180, {{"a", "b,c", "x\ny", "ä"}}) == "a,\"b,c\",\"x\ny\",ä\r\n");
    }

    TEST_CASE("rows are buffered: flush() and the destructor hand them to the stream, large exports in pieces") {
        std::ostringstream out;
        {
            CsvWriter writer(out, CsvDialect::Rfc4180);
            writer.row({"a", "b"});
            CHECK(out.str().empty());
            writer.flush();
            CHECK(out.str() == "a,b\r\n");
            writer.row({"c"});
        }
        CHECK(out.str() == "a,b\r\nc\r\n");
        std::ostringstream large;
        CsvWriter writer(large, CsvDialect::ExcelDe);
        const std::string field(1000, 'x');
        for (int i = 0; i < 200; ++i) writer.row({field, "=1", "\"q\""});
        CHECK(large.str().size() > 64 * 1024);  // more than a buffer's worth went out before any flush()
        writer.flush();
        CHECK(large.str().size() == 3 + 200 * (1002 + 1 + 5 + 1 + 7 + 2));
        CHECK(large.str().substr(3, 1018) == "\"" + field + "\";\"'=1\";\"\"\"q\"\"\"\r\n");
    }

    TEST_CASE("formula escaping is a bijection") {
        CHECK(escapeFormula("=1+1") == "'=1+1");
        CHECK(escapeFormula("-") == "'-");
        CHECK(escapeFormula("\tx") == "'\tx");
        CHECK(escapeFormula("normal") == "normal");
        CHECK(escapeFormula("'") == "'");
        for (const std::string text : {"=x", "'=x", "''=x", "-", "'", "''", "@a", "+", "'a", "", "\r=", "a=b"}) {
            CHECK(unescapeFormula(escapeFormula(text)) == text);
        }
        CHECK(escapeFormula("'=x") != escapeFormula("=x"));
    }

    TEST_CASE("the reader handles both dialects, quoting, line numbers and errors") {
        const auto rows = parseCsv("\xEF\xBB\xBF\"title\";\"description\"\r\n\"a;b\";\"line\nbreak \"\"q\"\"\"\r\n\r\nc;d\r\n");
        REQUIRE(rows.size() == 3);
        CHECK(rows[1].fields == std::vector<std::string>{"a;b", "line\nbreak \"q\""});
        CHECK(rows[2].line == 5);
        CHECK(parseCsv("a,b\n1,\"2,3\"\n")[1].fields[1] == "2,3");
        CHECK_THROWS_WITH_AS(parseCsv("title\n\"open\nstill open"), "line 2: unterminated quoted field", RuleError);
        CHECK_THROWS_WITH_AS(parseCsv("title\nok\nbad \xC3\x28\n"), doctest::Contains("line 3"), RuleError);
    }

    TEST_CASE("golden exports, byte for byte") {
        GoldenEvent golden;
        for (const auto& [dialect, file] : {std::pair{CsvDialect::ExcelDe, "ideas_excel_de.csv"},
                                            std::pair{CsvDialect::Rfc4180, "ideas_rfc4180.csv"}}) {
            ExportOptions options;
            options.dialect = dialect;
            std::ostringstream out;
            exportTable(golden.store, golden.event, "ideas", options, out);
            const std::string path = std::string(IDEEN_GOLDEN_DIR) + "/" + file;
            if (std::getenv("IDEEN_UPDATE_GOLDEN")) std::ofstream(path, std::ios::binary) << out.str();
            CAPTURE(file);
            CHECK(out.str() == readFile(path));
        }
    }

    TEST_CASE("golden exports of every table after merges, retractions, a void and a clock change, byte for byte") {
        // Every table in every format: a faster exporter must not change a byte of any of them.
        GoldenEvent golden;
        Store& store = golden.store;
        IdeaQuery every;
        every.statuses = {IdeaStatus::Published, IdeaStatus::Pending};
        const auto ideas = store.ideas(golden.event, every);
        REQUIRE(ideas.size() == 3);
        golden.clock.advance(3600 * 1000LL * 24 * 110);  // from December into April: summer time, another offset
        const std::string second = store.startSession(golden.event, "tr");
        store.castVote(second, ideas[1].id);
        store.castVote(second, ideas[2].id);
        golden.clock.advance(999);
        store.retractVote(second, ideas[1].id);
        store.endSession(second, SessionEnd::Finished);
        const std::string voided = store.startSession(golden.event, "en");
        store.castVote(voided, ideas[2].id);
        store.voidSession(voided, "moderation", "Testlauf; \"nicht zählen\"");
        golden.clock.advance(-3600 * 1000LL * 24 * 200 - 5);  // back to September, off the whole second
        store.mergeIdea(ideas[2].id, ideas[0].id, "moderation", "=doppelt");
        store.setIdeaStatus(ideas[1].id, IdeaStatus::Hidden, "moderation", "-beleidigend");
        store.setPinned(ideas[0].id, true, "moderation");
        const std::pair<const char*, ExportOptions> formats[] = {
            {"excel_de.csv", {ExportFormat::Csv, CsvDialect::ExcelDe}},
            {"rfc4180.csv", {ExportFormat::Csv, CsvDialect::Rfc4180}},
            {"json", {ExportFormat::Json, CsvDialect::ExcelDe}}};
        for (const auto& table : kExportTables) {
            for (const auto& [suffix, options] : formats) {
                std::ostringstream out;
                exportTable(store, golden.event, table, options, out);
                const std::string path = std::string(IDEEN_GOLDEN_DIR) + "/every_" + table + "_" + suffix;
                if (std::getenv("IDEEN_UPDATE_GOLDEN")) std::ofstream(path, std::ios::binary) << out.str();
                CAPTURE(path);
                CHECK(out.str() == readFile(path));
            }
        }
    }

    TEST_CASE("export -> import -> export is identical, in both dialects") {
        GoldenEvent source;
        for (const auto dialect : {CsvDialect::ExcelDe, CsvDialect::Rfc4180}) {
            ExportOptions options;
            options.dialect = dialect;
            std::ostringstream first;
            exportTable(source.store, source.event, "ideas", options, first);

            fixtures::ManualClock clock;
            Store target(":memory:", fixtures::options(clock, 5, "kiosk-b"));
            const auto event = target.createEvent(fixtures::conference());
            const auto report = importIdeasCsv(target, event, first.str(), "test");
            CHECK(report.added == 3);
            CHECK(importIdeasCsv(target, event, first.str(), "test").skipped == 3);  // idempotent

            auto ideasOf = [](Store& store, const std::string& id) {
                IdeaQuery all;
                all.statuses = {IdeaStatus::Pending, IdeaStatus::Published, IdeaStatus::Hidden, IdeaStatus::Merged};
                return store.ideas(id, all);
            };
            const auto before = ideasOf(source.store, source.event);
            const auto after = ideasOf(target, event);
            REQUIRE(before.size() == after.size());
            for (std::size_t i = 0; i < before.size(); ++i) CHECK(fixtures::exportedFields(after[i]) == fixtures::exportedFields(before[i]));
        }
    }

    TEST_CASE("import of paper cards: only a few columns, names instead of keys, all or nothing") {
        fixtures::ManualClock clock;
        Store store(":memory:", fixtures::options(clock));
        const auto event = store.createEvent(fixtures::conference());
        // "Titel" is not "title": the header check refuses before anything happens.
        CHECK_THROWS_WITH_AS(importIdeasCsv(store, event, "Titel;description\r\nKochabend;\r\n", "test"),
                             doctest::Contains("no 'title' column"), RuleError);
        CHECK(store.ideas(event).empty());
        SUBCASE("right header") {
            const auto ok = importIdeasCsv(store, event, "title;description;category\r\nKochabend;;Begegnung\r\n"
                                                         "\"Türkçe kurs\";\"akşamları\";Dil\r\n", "test");
            CHECK(ok.added == 2);
            CHECK(store.ideas(event)[1].category == "sprache");
            CHECK(store.moderationLog(event).back().action == "import");
        }
        SUBCASE("a bad row names its line and nothing is imported") {
            const std::string csv = "title,category\nGut,begegnung\nAuch gut,sprache\n" + std::string(130, 'x') + ",sprache\n";
            CHECK_THROWS_WITH_AS(importIdeasCsv(store, event, csv, "test"), doctest::Contains("line 4: title has 130"), RuleError);
            CHECK(store.ideas(event).empty());
        }
        SUBCASE("unknown category") {
            CHECK_THROWS_WITH_AS(importIdeasCsv(store, event, "title;category\nA;Sport\n", "test"),
                                 doctest::Contains("line 2: unknown category"), RuleError);
        }
    }

    TEST_CASE("import refuses hostile cells with a short, one-line message") {
        fixtures::ManualClock clock;
        Store store(":memory:", fixtures::options(clock));
        const auto event = store.createEvent(fixtures::conference());
        auto errorOf = [&](const std::string& csv) {
            try {
                importIdeasCsv(store, event, csv, "test");
            } catch (const RuleError& e) {
                return std::string(e.what());
            }
            return std::string("imported");
        };
        SUBCASE("a category with a line break, a terminal escape and a bidi override is quoted safely") {
            CHECK(errorOf("title;category\nA;\"x\n\x1B[2J\u202E\"\n") ==
                  "line 2: unknown category 'x\\n\\x1B[2J\\u{202E}'");
            CHECK(errorOf("title;category\nA;" + std::string(10000, 'y') + "\n").size() < 100);
        }
        SUBCASE("numbers are digits only, and small enough to leave room for the next idea") {
            CHECK(errorOf("title,number\nA,12abc\n") == "line 2: number '12abc' is not a whole number from 1 to 99999999");
            CHECK(errorOf("title,number\nA,-5\n").find("not a whole number") != std::string::npos);
            CHECK(errorOf("title,number\nA,2147483647\n").find("not a whole number") != std::string::npos);
            CHECK(errorOf("title,number\nA,99999999\nB,\n") == "imported");
            CHECK(store.ideaByNumber(event, 100000000));
        }
        SUBCASE("created_at must be a real time") {
            for (const char* bad : {"2009-12-17T-1:00:00Z", "2009-02-30T10:00:00Z", "2009-12-17T10:00:00+99:00",
                                    " 2009-12-17T10:00:00Z", "2009-12-17T24:00:00Z",
                                    "2009-12-17T10:00:00Zjunk"}) {
                CAPTURE(bad);
                CHECK(errorOf(std::string("title,created_at\nA,") + bad + "\n").find("not an ISO 8601 time") != std::string::npos);
            }
            CHECK(errorOf("title,created_at\nA,1960-01-01T00:00:00Z\n") == "line 2: created_at '1960-01-01T00:00:00Z' is before 1970");
            CHECK(errorOf("title,created_at\nA,2008-02-29T23:59:60.5-05:30\n") == "imported");
        }
        SUBCASE("ids are record ids, not arbitrary text") {
            CHECK(errorOf("title,id\nA,\"x\ny\"\n").find("is not a record id") != std::string::npos);
            CHECK(errorOf("title,id\nA,'); DROP TABLE ideas;--\n").find("is not a record id") != std::string::npos);
            CHECK(errorOf("title,id\nA," + std::string(65, 'a') + "\n").find("is not a record id") != std::string::npos);
            CHECK(errorOf("title,id\nA,karte-17\n") == "imported");
        }
        CHECK(store.check().ok);
    }

    TEST_CASE("idea numbers never wrap around") {
        fixtures::ManualClock clock;
        Store store(":memory:", fixtures::options(clock));
        const auto event = store.createEvent(fixtures::conference());
        Idea last;
        last.eventId = event;
        last.title = "Die letzte Nummer";
        last.number = std::numeric_limits<int>::max();
        CHECK(store.insertIdeaRecord(last).number == std::numeric_limits<int>::max());
        // Before: the next number was read with getInt() and wrapped to -2147483648 (then a UNIQUE failure).
        CHECK_THROWS_WITH_AS(store.submitIdea(event, fixtures::idea("Noch eine")), "the event has no idea numbers left",
                             RuleError);
        CHECK(store.ideas(event).size() == 1);
    }
}

TEST_SUITE("export.json") {
    TEST_CASE("JSON is one document with typed values") {
        GoldenEvent golden;
        ExportOptions options;
        options.format = ExportFormat::Json;
        std::ostringstream ideas, moderation, sessions;
        exportTable(golden.store, golden.event, "ideas", options, ideas);
        exportTable(golden.store, golden.event, "moderation", options, moderation);
        exportTable(golden.store, golden.event, "sessions", options, sessions);
        const auto doc = nlohmann::json::parse(ideas.str());
        CHECK(doc["event"]["title"] == "Integrationskonferenz");
        REQUIRE(doc["ideas"].size() == 3);
        CHECK(doc["ideas"][0]["number"].is_number_integer());
        CHECK(doc["ideas"][0]["votes"] == 1);
        CHECK(doc["ideas"][0]["merged_into"].is_null());
        CHECK(doc["ideas"][0]["pinned"] == false);
        CHECK(doc["ideas"][1]["title"] == "=HYPERLINK(\"http://x\";\"klick\")");  // JSON needs no formula escaping
        const auto log = nlohmann::json::parse(moderation.str());
        CHECK(log["moderation"][0]["after"].is_object());
        const auto open = nlohmann::json::parse(sessions.str());
        CHECK(open["sessions"][0]["ended_at"].is_null());
        CHECK_THROWS_AS(exportTable(golden.store, golden.event, "everything", options, ideas), RuleError);
    }
}
