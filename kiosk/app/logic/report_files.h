// The results report, its charts and the Excel workbook as files, each written atomically (see output_file.h):
// the command line and the panel's export both write them through here.
#pragma once

#include "report/report_data.h"
#include "storage/export.h"
#include "storage/store.h"

#include <string>
#include <vector>

namespace kiosk::app {

/// Writes the report PDF to `path`. Throws storage::StoreError (path not writable, disk full) with one clear line.
void writeReportFile(const report::ReportData& data, const std::string& path);

/// Writes every chart as `<folder>/<id>.png` and `.svg`, creating the folder; returns the files written.
std::vector<std::string> writeCharts(const report::ReportData& data, const std::string& folder);

/// Writes the event's tables (all of them, or the ones named) as an .xlsx workbook to `path`.
void writeWorkbookFile(storage::Store& store, const std::string& eventId, const std::string& path,
                       const std::vector<std::string>& tables = storage::kExportTables);

}  // namespace kiosk::app
