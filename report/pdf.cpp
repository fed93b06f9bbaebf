// The A4 report (see pdf.h): a page cursor that starts a new page when the next block does not fit.
#include "report/pdf.h"

#include "report/charts.h"
#include "report/drawing.h"
#include "report/texts.h"

#include <cairo-pdf.h>

#include <algorithm>

namespace report {

namespace {

constexpr double kPageWidth = 595.276, kPageHeight = 841.890;  // A4 in points
constexpr double kMargin = 56.0;
constexpr double kBodyWidth = kPageWidth - 2 * kMargin;
constexpr double kBottom = kPageHeight - kMargin - 20;  // leaves room for the footer

const draw::Font kBody{10.0};
const draw::Font kBold{10.0, true};
const draw::Font kHeading{16.0, true};
const draw::Font kSmall{8.0};

std::string localDate(const std::string& iso, const std::string& language) {
    if (iso.size() != 10 || language == "en") return iso;
    return iso.substr(8, 2) + "." + iso.substr(5, 2) + "." + iso.substr(0, 4);
}

// [SECTION] The page cursor

class Document {
public:
    Document(cairo_t* cr, const ReportData& data) : m_cr(cr), m_text(cr), m_data(data) {}

    cairo_t* cr() { return m_cr; }
    draw::Text& text() { return m_text; }
    double y() const { return m_y; }
    void advance(double by) { m_y += by; }
    const std::string& language() const { return m_data.language; }
    std::string t(std::string_view key) const { return report::text(m_data.language, key); }

    void newPage() {
        if (m_page > 0) {
            footer();
            cairo_show_page(m_cr);
        }
        ++m_page;
        m_y = kMargin;
    }
    bool fits(double height) const { return m_y + height <= kBottom; }
    /// Starts a new page unless `height` still fits on this one.
    void ensure(double height) {
        if (!fits(height)) newPage();
    }
    void heading(const std::string& title) {
        ensure(60);
        draw::setGrey(m_cr, 0.0);
        m_y += m_text.draw(title, kMargin, m_y, kBodyWidth, kHeading) + 10;
    }
    void paragraph(const std::string& body, draw::Font font = kBody) {
        const double h = m_text.height(body, kBodyWidth, font);
        ensure(h);
        m_y += m_text.draw(body, kMargin, m_y, kBodyWidth, font) + 8;
    }
    void close() {
        footer();
        cairo_show_page(m_cr);
    }

private:
    void footer() {
        draw::setGrey(m_cr, 0.35);
        const std::string left = m_data.title + " · " + t("report");
        m_text.draw(left, kMargin, kPageHeight - kMargin + 2, kBodyWidth - 80, kSmall, draw::Align::Left, 1);
        m_text.draw(t("page") + " " + std::to_string(m_page), kPageWidth - kMargin - 80, kPageHeight - kMargin + 2, 80,
                    kSmall, draw::Align::Right);
        draw::setGrey(m_cr, 0.0);
    }

    cairo_t* m_cr;
    draw::Text m_text;
    const ReportData& m_data;
    int m_page = 0;
    double m_y = kMargin;
};

// [SECTION] Tables

struct Column {
    std::string header;
    double width;
    draw::Align align = draw::Align::Left;
};

constexpr int kMaxCellLines = 3;

double rowHeight(Document& doc, const std::vector<Column>& columns, const std::vector<std::string>& cells,
                 draw::Font font) {
    double height = 0;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        height = std::max(height, doc.text().height(cells[i], columns[i].width - 6, font, kMaxCellLines));
    }
    return height + 6;
}

// One table row at the cursor: cells wrapped in their columns (up to three lines), shaded as asked.
void drawRow(Document& doc, const std::vector<Column>& columns, const std::vector<std::string>& cells, draw::Font font,
             double shade, double height) {
    if (shade < 1.0) {
        draw::setGrey(doc.cr(), shade);
        cairo_rectangle(doc.cr(), kMargin, doc.y(), kBodyWidth, height);
        cairo_fill(doc.cr());
    }
    draw::setGrey(doc.cr(), 0.0);
    double x = kMargin;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        doc.text().draw(cells[i], x + 3, doc.y() + 3, columns[i].width - 6, font, columns[i].align, kMaxCellLines);
        x += columns[i].width;
    }
    doc.advance(height);
}

// A table whose header row is drawn again at the top of every page it goes on to.
void table(Document& doc, const std::vector<Column>& columns, const std::vector<std::vector<std::string>>& rows) {
    std::vector<std::string> headers;
    for (const auto& c : columns) headers.push_back(c.header);
    const double headerHeight = rowHeight(doc, columns, headers, kBold);
    doc.ensure(headerHeight * 2.5);
    drawRow(doc, columns, headers, kBold, 0.85, headerHeight);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const double height = rowHeight(doc, columns, rows[r], kBody);
        if (!doc.fits(height)) {
            doc.newPage();
            drawRow(doc, columns, headers, kBold, 0.85, headerHeight);
        }
        drawRow(doc, columns, rows[r], kBody, r % 2 == 1 ? 0.94 : 1.0, height);
    }
    doc.advance(12);
}

std::vector<Column> rankingColumns(const Document& doc) {
    return {{doc.t("number"), 40, draw::Align::Right},
            {doc.t("title"), kBodyWidth - 40 - 120 - 55 - 60},
            {doc.t("topic"), 120},
            {doc.t("votes"), 55, draw::Align::Right},
            {doc.t("share"), 60, draw::Align::Right}};
}

std::vector<std::string> rankingCells(const Document& doc, const RankedIdea& idea) {
    return {"#" + std::to_string(idea.number), idea.title, idea.topic, formatCount(doc.language(), idea.votes),
            formatShare(doc.language(), idea.share)};
}

// [SECTION] Pages

void titlePage(Document& doc, const ReportData& data) {
    doc.newPage();
    doc.advance(90);
    draw::setGrey(doc.cr(), 0.35);
    doc.advance(doc.text().draw(doc.t("report"), kMargin, doc.y(), kBodyWidth, {14.0}) + 6);
    draw::setGrey(doc.cr(), 0.0);
    doc.advance(doc.text().draw(data.title, kMargin, doc.y(), kBodyWidth, {26.0, true}) + 16);
    if (!data.venue.empty()) doc.paragraph(doc.t("venue") + ": " + data.venue, {12.0});
    if (!data.startsOn.empty()) {
        std::string dates = localDate(data.startsOn, data.language);
        if (!data.endsOn.empty() && data.endsOn != data.startsOn) dates += " – " + localDate(data.endsOn, data.language);
        doc.paragraph(doc.t("dates") + ": " + dates, {12.0});
    }
    doc.advance(30);
    doc.paragraph(doc.t("key_figures"), {14.0, true});
    // Four figures in boxes side by side, the number large and its name below.
    const std::vector<std::pair<std::string, int>> figures = {{doc.t("ideas"), data.key.ideas},
                                                              {doc.t("votes"), data.key.votes},
                                                              {doc.t("participants"), data.key.participants},
                                                              {doc.t("sessions"), data.key.sessions}};
    const double boxWidth = (kBodyWidth - 3 * 10) / 4;
    for (std::size_t i = 0; i < figures.size(); ++i) {
        const double x = kMargin + static_cast<double>(i) * (boxWidth + 10);
        draw::setGrey(doc.cr(), 0.92);
        cairo_rectangle(doc.cr(), x, doc.y(), boxWidth, 78);
        cairo_fill(doc.cr());
        draw::setGrey(doc.cr(), 0.0);
        doc.text().draw(formatCount(doc.language(), figures[i].second), x + 6, doc.y() + 8, boxWidth - 12,
                        {22.0, true}, draw::Align::Center, 1);
        doc.text().draw(figures[i].first, x + 6, doc.y() + 44, boxWidth - 12, kSmall, draw::Align::Center, 2);
    }
    doc.advance(78 + 14);
    doc.paragraph(doc.t("ideas_published") + ": " + formatCount(doc.language(), data.key.published));
    if (!data.key.sessionsBySource.empty()) {
        doc.advance(8);
        doc.paragraph(doc.t("sessions_by_source"), kBold);
        std::vector<std::vector<std::string>> rows;
        for (const auto& [source, n] : data.key.sessionsBySource) rows.push_back({source, formatCount(doc.language(), n)});
        table(doc, {{"", kBodyWidth - 100}, {doc.t("sessions"), 100, draw::Align::Right}}, rows);
    }
}

void rankingTable(Document& doc, const std::vector<RankedIdea>& ideas) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& idea : ideas) rows.push_back(rankingCells(doc, idea));
    table(doc, rankingColumns(doc), rows);
}

void rankingPages(Document& doc, const ReportData& data) {
    doc.newPage();
    doc.heading(doc.t("ranking") + ": " + doc.t("ranking_top"));
    if (data.ranking.empty()) {
        doc.paragraph(doc.t("no_ideas"));
        return;
    }
    rankingTable(doc, data.ranking);
}

void bestPerTopicPages(Document& doc, const ReportData& data) {
    doc.newPage();
    doc.heading(doc.t("best_per_topic"));
    if (data.bestPerTopic.empty()) doc.paragraph(doc.t("no_ideas"));
    for (const auto& topic : data.bestPerTopic) {
        doc.ensure(80);
        doc.paragraph(topic.topic, {12.0, true});
        rankingTable(doc, topic.ideas);
    }
}

void chartPages(Document& doc, const ReportData& data) {
    doc.newPage();
    doc.heading(doc.t("charts"));
    constexpr double kChartHeight = 320;
    for (const auto& chart : reportCharts(data)) {
        doc.ensure(kChartHeight);
        drawChart(doc.cr(), chart, doc.language(), kMargin, doc.y(), kBodyWidth, kChartHeight);
        doc.advance(kChartHeight + 24);
    }
}

void moderationPage(Document& doc, const ReportData& data) {
    doc.newPage();
    doc.heading(doc.t("moderation"));
    const auto& m = data.moderation;
    table(doc, {{"", kBodyWidth - 100}, {doc.t("ideas"), 100, draw::Align::Right}},
          {{doc.t("pending"), formatCount(doc.language(), m.pending)},
           {doc.t("hidden"), formatCount(doc.language(), m.hidden)},
           {doc.t("merged"), formatCount(doc.language(), m.merged)}});
    if (!m.hiddenReasons.empty()) {
        doc.paragraph(doc.t("hidden_reasons"), kBold);
        std::vector<std::vector<std::string>> rows;
        for (const auto& [reason, n] : m.hiddenReasons) {
            rows.push_back({reason.empty() ? doc.t("no_reason") : reason, formatCount(doc.language(), n)});
        }
        table(doc, {{"", kBodyWidth - 100}, {doc.t("ideas"), 100, draw::Align::Right}}, rows);
    }
    doc.paragraph(doc.t("no_personal_data"), kSmall);
}

void methodPage(Document& doc, const ReportData& data) {
    doc.advance(24);
    doc.heading(doc.t("method"));
    std::string budget = doc.t("method_budget");
    budget.replace(budget.find("{budget}"), 8, std::to_string(data.voteBudget));
    for (const std::string& line : {budget, doc.t("method_order"), doc.t("method_merge"),
                                    doc.t("method_share"), doc.t("method_moderation")}) {
        doc.paragraph(line);
    }
    doc.advance(16);
    draw::setGrey(doc.cr(), 0.35);
    doc.paragraph(doc.t("made_with"), kSmall);
}

}  // namespace

void writeReportPdf(const ReportData& data, std::ostream& out) {
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(draw::writeToStream, &out, kPageWidth, kPageHeight);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, (data.title + " – " + text(data.language, "report")).c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Ideenkiosk");
    cairo_t* cr = cairo_create(surface);
    try {
        Document doc(cr, data);
        titlePage(doc, data);
        rankingPages(doc, data);
        bestPerTopicPages(doc, data);
        chartPages(doc, data);
        moderationPage(doc, data);
        methodPage(doc, data);
        doc.close();
    } catch (...) {
        cairo_destroy(cr);
        cairo_surface_destroy(surface);
        throw;
    }
    cairo_destroy(cr);
    try {
        draw::finish(surface, "the report");
    } catch (...) {
        cairo_surface_destroy(surface);
        throw;
    }
    cairo_surface_destroy(surface);
}

}  // namespace report
