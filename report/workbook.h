// The event's tables as a native Excel workbook (.xlsx, libxlsxwriter): one sheet per export table with typed
// cells, so numbers are numbers, times are Excel dates and text is never read as a formula.
#pragma once

#include "storage/export.h"
#include "storage/store.h"

#include <ostream>
#include <string>
#include <vector>

namespace report {

/// Rows a sheet holds at most (Excel's limit, the header included); a longer table goes on into "votes (2)".
inline constexpr int kSheetRows = 1048576;

/// Writes ideas, votes, sessions and moderation (storage's export rows and columns) as sheets: bold frozen
/// header, autofilter, column widths by content; numbers as numbers, times as dates in the local time zone
/// (the one the CSV export's offsets show), text as text. Throws storage::StoreError when it cannot be written.
/// `tables` names the sheets to write (exportColumns' names), in order.
void writeWorkbook(storage::Store& store, const std::string& eventId, std::ostream& out,
                   const std::vector<std::string>& tables = storage::kExportTables, int sheetRows = kSheetRows);

}  // namespace report
