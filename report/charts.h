// The report's charts: grouped bar charts of ideas and votes, drawn by us with cairo, readable in black and
// white (a dark solid series and a light hatched one, labelled axes, every bar's value written on it).
#pragma once

#include "report/report_data.h"

#include <ostream>
#include <string>
#include <vector>

typedef struct _cairo cairo_t;

namespace report {

struct ChartSeries {
    std::string name;
    std::vector<int> values;  ///< one per label
};

struct Chart {
    std::string id;           ///< file name stem: "hours", "topics", "languages"
    std::string title, xAxis, yAxis;
    std::vector<std::string> labels;
    std::vector<ChartSeries> series;
};

/// The report's charts in the report's language: participation per hour, per topic, per language.
std::vector<Chart> reportCharts(const ReportData& data);

/// Draws a chart into the box (x, y, width, height) of a cairo context (units: points).
void drawChart(cairo_t* cr, const Chart& chart, const std::string& language, double x, double y, double width,
               double height);

/// The chart alone, as a PNG (1600 × 1000 pixels, white background) or as SVG (800 × 500 points).
void writeChartPng(const Chart& chart, const std::string& language, std::ostream& out);
void writeChartSvg(const Chart& chart, const std::string& language, std::ostream& out);

}  // namespace report
