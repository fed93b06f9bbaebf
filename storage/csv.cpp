// CSV writing and reading with CSV-injection protection that survives a round trip.
#include "storage/csv.h"

#include "storage/text.h"
#include "storage/types.h"

namespace storage {

CsvDialect csvDialectFromString(const std::string& name) {
    if (name == "excel-de") return CsvDialect::ExcelDe;
    if (name == "rfc4180") return CsvDialect::Rfc4180;
    throw RuleError("bad_dialect", "unknown CSV dialect " + quoteUntrusted(name) + " (expected excel-de or rfc4180)");
}

// [SECTION] Formula escaping

namespace {

bool startsLikeFormula(std::string_view text) {
    if (text.empty()) return false;
    const char c = text.front();
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

// True when escapeFormula adds a quote: a formula start, or quotes in front of one.
bool needsEscape(std::string_view text) {
    std::size_t quotes = 0;
    while (quotes < text.size() && text[quotes] == '\'') ++quotes;
    return startsLikeFormula(text.substr(quotes));
}

}  // namespace

std::string escapeFormula(std::string_view text) {
    return needsEscape(text) ? "'" + std::string(text) : std::string(text);
}

std::string unescapeFormula(std::string_view text) {
    if (!text.empty() && text.front() == '\'' && needsEscape(text.substr(1))) return std::string(text.substr(1));
    return std::string(text);
}

// [SECTION] Writing

CsvWriter::CsvWriter(std::ostream& out, CsvDialect dialect) : m_out(out), m_dialect(dialect) {}

CsvWriter::~CsvWriter() { flush(); }

// Rows gather in one buffer that goes to the stream in large pieces: a million-row export then makes a few
// thousand stream writes instead of a million, and no field is copied on its way (escapeFormula's "'" is written
// in front of the text rather than into a new string).
void CsvWriter::row(const std::vector<std::string>& fields) {
    if (!m_started && m_dialect == CsvDialect::ExcelDe) m_buffer += "\xEF\xBB\xBF";
    m_started = true;
    const char separator = m_dialect == CsvDialect::ExcelDe ? ';' : ',';
    const char special[] = {separator, '"', '\r', '\n'};
    const std::string_view specials(special, sizeof special);
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) m_buffer += separator;
        const std::string_view value = fields[i];
        const bool escape = needsEscape(value);
        const bool quote = m_dialect == CsvDialect::ExcelDe || value.find_first_of(specials) != std::string_view::npos;
        if (quote) m_buffer += '"';
        if (escape) m_buffer += '\'';
        if (!quote) {
            m_buffer += value;
            continue;
        }
        for (std::size_t start = 0;;) {
            const std::size_t q = value.find('"', start);
            if (q == std::string_view::npos) {
                m_buffer.append(value.substr(start));
                break;
            }
            m_buffer.append(value.substr(start, q + 1 - start)).push_back('"');
            start = q + 1;
        }
        m_buffer += '"';
    }
    m_buffer += "\r\n";
    if (m_buffer.size() >= kFlushBytes) flush();
}

void CsvWriter::flush() {
    if (m_buffer.empty()) return;
    m_out.write(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
    m_buffer.clear();
}

// [SECTION] Reading

namespace {

char detectSeparator(std::string_view text) {
    bool quoted = false;
    int semicolons = 0;
    int commas = 0;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == '\n') break;
        if (c == ';') ++semicolons;
        if (c == ',') ++commas;
    }
    return semicolons >= commas && semicolons > 0 ? ';' : ',';
}

}  // namespace

std::vector<CsvRow> parseCsv(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    if (!isValidUtf8(text)) {
        // Name the line of the first bad byte sequence, so a person can find it in an editor.
        int line = 1;
        std::size_t start = 0;
        for (std::size_t i = 0; i <= text.size(); ++i) {
            if (i == text.size() || text[i] == '\n') {
                if (!isValidUtf8(text.substr(start, i - start))) break;
                ++line;
                start = i + 1;
            }
        }
        throw RuleError("invalid_utf8", "line " + std::to_string(line) + ": text is not valid UTF-8 (save the file as UTF-8)");
    }
    const char separator = detectSeparator(text);
    std::vector<CsvRow> rows;
    CsvRow current;
    std::string field;
    int line = 1;
    int quoteLine = 0;
    bool quoted = false;
    bool fieldStarted = false;
    current.line = 1;
    auto endField = [&] {
        current.fields.push_back(std::move(field));
        field.clear();
        fieldStarted = false;
    };
    auto endRow = [&] {
        endField();
        const bool blank = current.fields.size() == 1 && current.fields[0].empty();
        if (!blank) rows.push_back(std::move(current));
        current = CsvRow{};
        current.line = line;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n') ++line;
                field += c;
            }
            continue;
        }
        if (c == '"' && !fieldStarted) {
            quoted = true;
            fieldStarted = true;
            quoteLine = line;
        } else if (c == separator) {
            endField();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            continue;
        } else if (c == '\n') {
            ++line;
            endRow();
        } else if (c == '"') {
            throw RuleError("csv_syntax", "line " + std::to_string(line) + ": a quote inside an unquoted field");
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (quoted) throw RuleError("csv_syntax", "line " + std::to_string(quoteLine) + ": unterminated quoted field");
    if (!field.empty() || !current.fields.empty()) endRow();
    return rows;
}

}  // namespace storage
