// CSV in the two dialects organisers need: what German Excel opens as it is, and plain RFC 4180.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace storage {

/// ExcelDe: UTF-8 with BOM, ';', CRLF, every field quoted. Rfc4180: ',', CRLF, quoted only when needed.
enum class CsvDialect { ExcelDe, Rfc4180 };

/// "excel-de" or "rfc4180"; throws RuleError("bad_dialect") otherwise.
CsvDialect csvDialectFromString(const std::string& name);

/// Prefixes "'" to text a spreadsheet would run as a formula (starting with = + - @ tab or CR). The
/// mapping is a bijection (text that already starts with "'" before such a character gets one more "'"),
/// so unescapeFormula gives back exactly the original.
std::string escapeFormula(std::string_view text);
std::string unescapeFormula(std::string_view text);

/// Writes rows to a stream; the BOM (ExcelDe) goes out before the first row. Rows are buffered: they reach the
/// stream in pieces of about 64 KiB, at flush() and when the writer is destroyed.
class CsvWriter {
public:
    CsvWriter(std::ostream& out, CsvDialect dialect);
    ~CsvWriter();
    CsvWriter(const CsvWriter&) = delete;
    CsvWriter& operator=(const CsvWriter&) = delete;
    void row(const std::vector<std::string>& fields);
    /// Hands what is buffered to the stream (check the stream afterwards).
    void flush();

private:
    static constexpr std::size_t kFlushBytes = 64 * 1024;
    std::ostream& m_out;
    CsvDialect m_dialect;
    bool m_started = false;
    std::string m_buffer;
};

struct CsvRow {
    int line = 0;  ///< 1-based line on which the row starts
    std::vector<std::string> fields;
};

/// Parses a whole CSV text: strips a UTF-8 BOM, takes ';' or ',' from the header line, RFC 4180 quoting
/// (separators, quotes and line breaks inside quotes). Empty lines are skipped. Throws RuleError
/// ("csv_syntax" / "invalid_utf8") naming the line.
std::vector<CsvRow> parseCsv(std::string_view text);

}  // namespace storage
