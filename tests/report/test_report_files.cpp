// The PDF, the charts and the workbook as bytes: each is the format it claims, and a failing stream is one error.
#include "../storage/fixtures.h"
#include "report/charts.h"
#include "report/pdf.h"
#include "report/workbook.h"

#include <doctest/doctest.h>

#include <sstream>

using namespace storage;

namespace {

struct VotedEvent : fixtures::EventStore {
    VotedEvent() {
        const auto session = store.startSession(event, "de");
        for (const char* title : {"Stadtrundfahrten mit Migranten", "=HYPERLINK(\"http://x\")", "Sprachcafé"}) {
            const auto id = store.submitIdea(event, fixtures::idea(title)).id;
            store.castVote(session, id);
            clock.advance(60 * 1000);
        }
        store.endSession(session, SessionEnd::Finished);
    }
};

// A stream whose every write fails, as a full disk does.
struct FullDisk : std::streambuf {
    int overflow(int) override { return traits_type::eof(); }
    std::streamsize xsputn(const char*, std::streamsize) override { return 0; }
};

bool startsWith(const std::string& bytes, const std::string& magic) { return bytes.rfind(magic, 0) == 0; }

}  // namespace

TEST_SUITE("report_files") {
    TEST_CASE("the report is a PDF, in every language, with and without votes") {
        VotedEvent e;
        for (const char* language : {"de", "tr", "en"}) {
            report::ReportOptions options;
            options.language = language;
            std::ostringstream out;
            report::writeReportPdf(report::gatherReport(e.store, e.event, options), out);
            CHECK(startsWith(out.str(), "%PDF-"));
            CHECK(out.str().find("%%EOF") != std::string::npos);
        }
        Store empty(":memory:", fixtures::options(e.clock));
        std::ostringstream out;
        report::writeReportPdf(report::gatherReport(empty, empty.createEvent(fixtures::conference())), out);
        CHECK(startsWith(out.str(), "%PDF-"));
    }

    TEST_CASE("charts come as PNG and SVG, one per figure") {
        VotedEvent e;
        const auto charts = report::reportCharts(report::gatherReport(e.store, e.event));
        REQUIRE(charts.size() == 3);
        CHECK(charts[0].id == "hours");
        CHECK(charts[1].labels == std::vector<std::string>{"Begegnung", "Sprache"});
        CHECK(charts[1].series[0].values == std::vector<int>{3, 0});
        std::ostringstream png, svg;
        report::writeChartPng(charts[0], "de", png);
        report::writeChartSvg(charts[0], "de", svg);
        CHECK(startsWith(png.str(), "\x89PNG"));
        CHECK(svg.str().find("<svg") != std::string::npos);
    }

    TEST_CASE("the workbook is an xlsx file with a sheet per table, and long tables go on in a second sheet") {
        VotedEvent e;
        std::ostringstream out;
        report::writeWorkbook(e.store, e.event, out);
        CHECK(startsWith(out.str(), "PK"));
        CHECK(out.str().find("xl/worksheets/sheet4.xml") != std::string::npos);
        CHECK(out.str().find("xl/worksheets/sheet5.xml") == std::string::npos);
        SUBCASE("three votes on sheets of two rows (a header and one row) make three vote sheets") {
            std::ostringstream split;
            report::writeWorkbook(e.store, e.event, split, {"votes"}, 2);
            CHECK(split.str().find("xl/worksheets/sheet3.xml") != std::string::npos);
            CHECK(split.str().find("xl/worksheets/sheet4.xml") == std::string::npos);
        }
        CHECK(fixtures::codeOf([&] {
                  std::ostringstream ignored;
                  report::writeWorkbook(e.store, e.event, ignored, {"everything"});
              }) == "bad_table");
    }

    TEST_CASE("a stream that cannot be written is one StoreError, for the report and for the workbook") {
        VotedEvent e;
        FullDisk full;
        std::ostream out(&full);
        const auto data = report::gatherReport(e.store, e.event);
        CHECK_THROWS_AS(report::writeReportPdf(data, out), StoreError);
        CHECK_THROWS_AS(report::writeWorkbook(e.store, e.event, out), StoreError);
        CHECK_THROWS_AS(report::writeChartSvg(report::reportCharts(data)[1], "de", out), StoreError);
    }
}
