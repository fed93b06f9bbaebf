// The .xlsx workbook (see workbook.h), streamed row by row in libxlsxwriter's constant-memory mode.
#include "report/workbook.h"

#include "storage/export.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>

#include <unistd.h>

namespace report {

namespace {

void check(lxw_error error, const char* what) {
    if (error != LXW_NO_ERROR) {
        throw storage::StoreError(std::string("cannot write the workbook (") + what + "): " + lxw_strerror(error));
    }
}

// Widths in characters, by what a column holds; other columns fit their header.
double columnWidth(const std::string& name) {
    if (name == "title" || name == "reason") return 40;
    if (name == "description" || name == "before" || name == "after") return 60;
    if (name == "id" || name.ends_with("_id") || name == "merged_into" || name == "retracts") return 38;
    if (name.ends_with("_at") || name == "at") return 24;
    return std::max<double>(10, static_cast<double>(name.size()) + 3);
}

lxw_datetime localDateTime(storage::TimeMs ms) {
    const std::time_t seconds = static_cast<std::time_t>(ms >= 0 ? ms / 1000 : (ms - 999) / 1000);
    std::tm tm{};
    localtime_r(&seconds, &tm);
    const double millis = static_cast<double>(((ms % 1000) + 1000) % 1000);
    return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec + millis / 1000.0};
}

struct Formats {
    lxw_format* header;
    lxw_format* time;
};

class SheetWriter {
public:
    SheetWriter(lxw_workbook* book, const Formats& formats, std::string table, int sheetRows)
        : m_book(book), m_formats(formats), m_table(std::move(table)), m_columns(storage::exportColumns(m_table)),
          m_sheetRows(sheetRows) {
        startSheet();
    }

    void row(const storage::ExportRow& cells) {
        if (m_row + 1 >= m_sheetRows) {
            finishSheet();
            startSheet();
        }
        ++m_row;
        for (std::size_t c = 0; c < cells.size(); ++c) cell(static_cast<lxw_col_t>(c), cells[c]);
    }

    void finishSheet() {
        check(worksheet_autofilter(m_sheet, 0, 0, static_cast<lxw_row_t>(m_row),
                                   static_cast<lxw_col_t>(m_columns.size() - 1)),
              "autofilter");
    }

private:
    void startSheet() {
        ++m_sheetCount;
        const std::string name = m_sheetCount == 1 ? m_table : m_table + " (" + std::to_string(m_sheetCount) + ")";
        m_sheet = workbook_add_worksheet(m_book, name.c_str());
        if (!m_sheet) throw storage::StoreError("cannot write the workbook: no sheet " + name);
        m_row = 0;
        for (std::size_t c = 0; c < m_columns.size(); ++c) {
            const auto col = static_cast<lxw_col_t>(c);
            check(worksheet_set_column(m_sheet, col, col, columnWidth(m_columns[c]), nullptr), "column width");
        }
        worksheet_freeze_panes(m_sheet, 1, 0);
        for (std::size_t c = 0; c < m_columns.size(); ++c) {
            check(worksheet_write_string(m_sheet, 0, static_cast<lxw_col_t>(c), m_columns[c].c_str(), m_formats.header),
                  "header");
        }
    }

    void cell(lxw_col_t col, const storage::ExportCell& cell) {
        using Kind = storage::ExportCell::Kind;
        const auto row = static_cast<lxw_row_t>(m_row);
        if (cell.text.empty()) return;  // a missing value, or empty text: an empty cell either way
        switch (cell.kind) {
            case Kind::Number:
            case Kind::Boolean:
                check(worksheet_write_number(m_sheet, row, col, std::stod(cell.text), nullptr), "number");
                return;
            case Kind::Timestamp: {
                lxw_datetime when = localDateTime(cell.time);
                check(worksheet_write_datetime(m_sheet, row, col, &when, m_formats.time), "date");
                return;
            }
            case Kind::Text:
            case Kind::NullIfEmpty:
            case Kind::Json: break;
        }
        // Always a string cell: text starting with "=" stays text, never a formula.
        check(worksheet_write_string(m_sheet, row, col, cell.text.c_str(), nullptr), "text");
    }

    lxw_workbook* m_book;
    Formats m_formats;
    std::string m_table;
    std::vector<std::string> m_columns;
    int m_sheetRows;
    lxw_worksheet* m_sheet = nullptr;
    int m_row = 0;
    int m_sheetCount = 0;
};

// A temporary file libxlsxwriter writes to (it can only write files), removed when done.
struct TempPath {
    std::string path;
    TempPath() {
        path = (std::filesystem::temp_directory_path() / "ideenkiosk-workbook-XXXXXX").string();
        const int fd = ::mkstemp(path.data());
        if (fd < 0) throw storage::StoreError(std::string("cannot write the workbook: ") + std::strerror(errno));
        ::close(fd);
    }
    ~TempPath() { ::unlink(path.c_str()); }
};

}  // namespace

void writeWorkbook(storage::Store& store, const std::string& eventId, std::ostream& out,
                   const std::vector<std::string>& tables, int sheetRows) {
    store.requireEvent(eventId);
    for (const auto& table : tables) storage::exportColumns(table);  // refuses an unknown table before writing
    TempPath temp;
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    lxw_workbook* book = workbook_new_opt(temp.path.c_str(), &options);
    if (!book) throw storage::StoreError("cannot write the workbook: libxlsxwriter could not start one");
    try {
        Formats formats{workbook_add_format(book), workbook_add_format(book)};
        format_set_bold(formats.header);
        format_set_num_format(formats.time, "yyyy-mm-dd hh:mm:ss.000");
        for (const auto& table : tables) {
            SheetWriter sheet(book, formats, table, sheetRows);
            storage::forEachExportRow(store, eventId, table, [&](storage::ExportRow&& row) { sheet.row(row); });
            sheet.finishSheet();
        }
    } catch (...) {
        workbook_close(book);
        throw;
    }
    check(workbook_close(book), "closing");
    std::ifstream in(temp.path, std::ios::binary);
    out << in.rdbuf();
    if (!in || !out) throw storage::StoreError("cannot write the workbook (disk full?)");
}

}  // namespace report
