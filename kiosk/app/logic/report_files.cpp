// Report, charts and workbook as atomic files (see report_files.h).
#include "kiosk/app/logic/report_files.h"

#include "kiosk/app/logic/output_file.h"
#include "report/charts.h"
#include "report/pdf.h"
#include "report/workbook.h"

#include <filesystem>

namespace kiosk::app {

void writeReportFile(const report::ReportData& data, const std::string& path) {
    writeOutput(path, [&](std::ostream& out) { report::writeReportPdf(data, out); });
}

std::vector<std::string> writeCharts(const report::ReportData& data, const std::string& folder) {
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    if (error) throw storage::StoreError("cannot create " + folder + ": " + error.message());
    std::vector<std::string> written;
    for (const auto& chart : report::reportCharts(data)) {
        const auto stem = (std::filesystem::path(folder) / chart.id).string();
        writeOutput(stem + ".png", [&](std::ostream& out) { report::writeChartPng(chart, data.language, out); });
        writeOutput(stem + ".svg", [&](std::ostream& out) { report::writeChartSvg(chart, data.language, out); });
        written.push_back(stem + ".png");
        written.push_back(stem + ".svg");
    }
    return written;
}

void writeWorkbookFile(storage::Store& store, const std::string& eventId, const std::string& path,
                       const std::vector<std::string>& tables) {
    writeOutput(path, [&](std::ostream& out) { report::writeWorkbook(store, eventId, out, tables); });
}

}  // namespace kiosk::app
