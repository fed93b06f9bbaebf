// The results report as an A4 PDF: title page with key figures, ranking, best per topic, charts, moderation in
// numbers and method notes, in the report's language.
#pragma once

#include "report/report_data.h"

#include <ostream>

namespace report {

/// Writes the PDF to `out`. Throws storage::StoreError when cairo cannot write it (the stream failed).
void writeReportPdf(const ReportData& data, std::ostream& out);

}  // namespace report
