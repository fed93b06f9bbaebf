// Exports of one event's ideas, votes, sessions and moderation log as CSV or JSON, streamed.
#pragma once

#include "storage/csv.h"
#include "storage/store.h"

#include <functional>
#include <ostream>
#include <string>

namespace storage {

enum class ExportFormat { Csv, Json };

struct ExportOptions {
    ExportFormat format = ExportFormat::Csv;
    CsvDialect dialect = CsvDialect::ExcelDe;
};

/// The tables that can be exported.
inline const std::vector<std::string> kExportTables = {"ideas", "votes", "sessions", "moderation"};

/// Writes `table` ("ideas", "votes", "sessions" or "moderation") of the event. Ideas of every status are
/// included (hidden and merged ones stay visible in exports). JSON is one document:
/// {"event": {...}, "<table>": [...]}. Throws RuleError("bad_table") for another name.
void exportTable(Store& store, const std::string& eventId, const std::string& table, const ExportOptions& options,
                 std::ostream& out);

/// The column names of a table's CSV export, in order.
std::vector<std::string> exportColumns(const std::string& table);

/// One cell of an export row: the text CSV writes, and what the value is, so that JSON and spreadsheets can
/// give it its type. A timestamp's text is formatTimestamp(time); an empty text is a missing value (JSON null,
/// an empty spreadsheet cell) for every kind but Text.
struct ExportCell {
    enum class Kind { Text, Number, Boolean, NullIfEmpty, Json, Timestamp } kind = Kind::Text;
    std::string text;
    TimeMs time = 0;  ///< Timestamp only
};
using ExportRow = std::vector<ExportCell>;

/// Hands each row of `table` (in exportColumns' order) to `sink`, streamed as exportTable writes them; the
/// one producer behind every export format. Throws RuleError("bad_table" / "unknown_event").
void forEachExportRow(Store& store, const std::string& eventId, const std::string& table,
                      const std::function<void(ExportRow&&)>& sink);

}  // namespace storage
