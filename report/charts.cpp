// Grouped bar charts with cairo (see charts.h).
#include "report/charts.h"

#include "report/drawing.h"
#include "report/texts.h"

#include <cairo-svg.h>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace report {

namespace {

// [SECTION] Chart data

Chart groupChart(const std::string& id, const std::string& language, const std::string& titleKey,
                 const std::string& axisKey, const std::vector<GroupCount>& groups) {
    Chart chart{id, text(language, titleKey), text(language, axisKey), text(language, "axis_count"), {}, {}};
    ChartSeries ideas{text(language, "ideas"), {}};
    ChartSeries votes{text(language, "votes"), {}};
    for (const auto& g : groups) {
        chart.labels.push_back(g.label);
        ideas.values.push_back(g.ideas);
        votes.values.push_back(g.votes);
    }
    chart.series = {ideas, votes};
    return chart;
}

// [SECTION] Drawing

constexpr double kSeriesGrey[] = {0.3, 0.85};

// A bar's fill: series 0 dark solid; series 1 light with black diagonal hatching, so the two differ on any printer.
void fillBar(cairo_t* cr, std::size_t series, double x, double y, double w, double h) {
    cairo_save(cr);
    cairo_rectangle(cr, x, y, w, h);
    draw::setGrey(cr, kSeriesGrey[series % 2]);
    cairo_fill_preserve(cr);
    if (series % 2 == 1) {
        cairo_clip_preserve(cr);
        draw::setGrey(cr, 0.0);
        cairo_set_line_width(cr, 0.6);
        for (double d = -h; d < w; d += 4.0) {
            cairo_move_to(cr, x + d, y + h);
            cairo_line_to(cr, x + d + h, y);
        }
        cairo_stroke(cr);
        cairo_reset_clip(cr);
        cairo_rectangle(cr, x, y, w, h);
    }
    draw::setGrey(cr, 0.0);
    cairo_set_line_width(cr, 0.6);
    cairo_stroke(cr);
    cairo_restore(cr);
}

// The smallest 1, 2 or 5 times a power of ten that is at least `value` (at least 1).
double niceMaximum(int value) {
    if (value <= 1) return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(static_cast<double>(value))));
    for (double step : {1.0, 2.0, 5.0, 10.0}) {
        if (step * magnitude >= value) return step * magnitude;
    }
    return 10 * magnitude;
}

struct Plot {
    double left, top, width, height, maximum;
    double yOf(double value) const { return top + height - height * value / maximum; }
};

void drawAxes(cairo_t* cr, draw::Text& text, const Chart& chart, const std::string& language, const Plot& plot) {
    const draw::Font tick{7.5};
    const int ticks = plot.maximum <= 4 ? static_cast<int>(plot.maximum) : 5;
    cairo_set_line_width(cr, 0.4);
    for (int i = 0; i <= ticks; ++i) {
        const double value = plot.maximum * i / ticks;
        const double y = plot.yOf(value);
        draw::setGrey(cr, 0.8);
        cairo_move_to(cr, plot.left, y);
        cairo_line_to(cr, plot.left + plot.width, y);
        cairo_stroke(cr);
        draw::setGrey(cr, 0.0);
        const double h = text.height("0", 0, tick);
        text.draw(formatCount(language, std::llround(value)), plot.left - 44, y - h / 2, 40, tick, draw::Align::Right);
    }
    draw::setGrey(cr, 0.0);
    cairo_set_line_width(cr, 0.8);
    cairo_move_to(cr, plot.left, plot.top);
    cairo_line_to(cr, plot.left, plot.top + plot.height);
    cairo_line_to(cr, plot.left + plot.width, plot.top + plot.height);
    cairo_stroke(cr);
    // The y axis's name, turned to run up the axis.
    const draw::Font axis{8.5, true};
    cairo_save(cr);
    cairo_translate(cr, plot.left - 62, plot.top + plot.height);
    cairo_rotate(cr, -std::numbers::pi / 2);
    text.draw(chart.yAxis, 0, 0, plot.height, axis, draw::Align::Center, 1);
    cairo_restore(cr);
}

void drawLegend(cairo_t* cr, draw::Text& text, const Chart& chart, double right, double y) {
    const draw::Font legend{8.5};
    double x = right;
    for (std::size_t s = chart.series.size(); s-- > 0;) {
        const double w = text.width(chart.series[s].name, legend);
        x -= w;
        text.draw(chart.series[s].name, x, y, 0, legend);
        x -= 16;
        fillBar(cr, s, x, y + 2, 11, 9);
        x -= 14;
    }
}

void drawBars(cairo_t* cr, draw::Text& text, const Chart& chart, const std::string& language, const Plot& plot,
              double labelHeight) {
    const std::size_t groups = chart.labels.size();
    const std::size_t series = chart.series.size();
    const double groupWidth = plot.width / static_cast<double>(groups);
    const double barWidth = groupWidth * 0.8 / static_cast<double>(series);
    const draw::Font valueFont{std::clamp(barWidth * 0.55, 5.5, 8.0)};
    const draw::Font labelFont{std::clamp(groupWidth * 0.3, 6.5, 8.5)};
    for (std::size_t g = 0; g < groups; ++g) {
        const double groupLeft = plot.left + groupWidth * static_cast<double>(g);
        for (std::size_t s = 0; s < series; ++s) {
            const int value = chart.series[s].values[g];
            const double x = groupLeft + groupWidth * 0.1 + barWidth * static_cast<double>(s);
            const double y = plot.yOf(value);
            if (value > 0) fillBar(cr, s, x, y, barWidth, plot.top + plot.height - y);
            // The value above its bar; turned upright when the bar is narrower than the number.
            const std::string number = formatCount(language, value);
            const double w = text.width(number, valueFont);
            draw::setGrey(cr, 0.0);
            if (w <= barWidth + 2) {
                text.draw(number, x - 1, y - valueFont.size * 1.45, barWidth + 2, valueFont, draw::Align::Center);
            } else {
                cairo_save(cr);
                cairo_translate(cr, x + barWidth / 2 - valueFont.size * 0.7, y - 2);
                cairo_rotate(cr, -std::numbers::pi / 2);
                text.draw(number, 0, 0, 0, valueFont);
                cairo_restore(cr);
            }
        }
        text.draw(chart.labels[g], groupLeft + 1, plot.top + plot.height + 4, groupWidth - 2, labelFont,
                  draw::Align::Center, std::max(1, static_cast<int>(labelHeight / (labelFont.size * 1.4))));
    }
}

}  // namespace

std::vector<Chart> reportCharts(const ReportData& data) {
    return {groupChart("hours", data.language, "chart_hours", "axis_hour", data.perHour),
            groupChart("topics", data.language, "chart_topics", "axis_topic", data.perTopic),
            groupChart("languages", data.language, "chart_languages", "axis_language", data.perLanguage)};
}

void drawChart(cairo_t* cr, const Chart& chart, const std::string& language, double x, double y, double width,
               double height) {
    draw::Text text(cr);
    cairo_save(cr);
    draw::setGrey(cr, 0.0);
    const double titleHeight = text.draw(chart.title, x, y, width, {12.0, true}, draw::Align::Left, 1);
    drawLegend(cr, text, chart, x + width, y + titleHeight + 2);
    int highest = 0;
    for (const auto& s : chart.series) {
        for (int v : s.values) highest = std::max(highest, v);
    }
    const double labelHeight = 30;
    const double axisNameHeight = 14;
    Plot plot{x + 70, y + titleHeight + 36, width - 78, 0, niceMaximum(highest)};
    plot.height = y + height - plot.top - labelHeight - axisNameHeight - 8;
    drawAxes(cr, text, chart, language, plot);
    if (chart.labels.empty()) {
        draw::setGrey(cr, 0.35);
        text.draw(report::text(language, "no_data"), plot.left, plot.top + plot.height / 2 - 10, plot.width, {12.0},
                  draw::Align::Center);
    } else {
        drawBars(cr, text, chart, language, plot, labelHeight);
    }
    draw::setGrey(cr, 0.0);
    text.draw(chart.xAxis, plot.left, y + height - axisNameHeight, plot.width, {8.5, true}, draw::Align::Center, 1);
    cairo_restore(cr);
}

namespace {

constexpr double kChartWidth = 800, kChartHeight = 500;

void paintChart(cairo_surface_t* surface, double scale, const Chart& chart, const std::string& language) {
    cairo_t* cr = cairo_create(surface);
    cairo_scale(cr, scale, scale);
    draw::setGrey(cr, 1.0);
    cairo_paint(cr);
    drawChart(cr, chart, language, 24, 20, kChartWidth - 48, kChartHeight - 40);
    cairo_destroy(cr);
}

}  // namespace

void writeChartPng(const Chart& chart, const std::string& language, std::ostream& out) {
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(kChartWidth * 2),
                                                          static_cast<int>(kChartHeight * 2));
    paintChart(surface, 2.0, chart, language);
    const cairo_status_t status = cairo_surface_write_to_png_stream(surface, draw::writeToStream, &out);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS) {
        throw storage::StoreError("cannot write the chart " + chart.id + ".png: " + cairo_status_to_string(status));
    }
}

void writeChartSvg(const Chart& chart, const std::string& language, std::ostream& out) {
    cairo_surface_t* surface = cairo_svg_surface_create_for_stream(draw::writeToStream, &out, kChartWidth, kChartHeight);
    paintChart(surface, 1.0, chart, language);
    try {
        draw::finish(surface, "the chart " + chart.id + ".svg");
    } catch (...) {
        cairo_surface_destroy(surface);
        throw;
    }
    cairo_surface_destroy(surface);
}

}  // namespace report
