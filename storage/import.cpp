// Reads ideas from CSV, validates every row through the store, and commits all rows or none.
#include "storage/import.h"

#include "storage/csv.h"
#include "storage/text.h"
#include "storage/timefmt.h"

#include <nlohmann/json.hpp>

#include <map>

namespace storage {

namespace {

constexpr int kMaxImportNumber = 99999999;

// Header names are matched case-insensitively, without surrounding spaces.
std::string headerKey(const std::string& name) {
    std::string key;
    for (char c : name) {
        if (c == ' ') continue;
        key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return key;
}

// Finds the category key for a cell holding a key or a name in any language.
std::string resolveCategory(const Event& event, const std::string& cell, int line) {
    if (cell.empty() || event.settings.categories.empty()) return cell;
    const std::string wanted = foldForCompare(cell);
    for (const auto& c : event.settings.categories) {
        if (foldForCompare(c.key) == wanted) return c.key;
        for (const auto& [lang, name] : c.names) {
            if (foldForCompare(name) == wanted) return c.key;
        }
    }
    throw RuleError("unknown_category", "line " + std::to_string(line) + ": unknown category " + quoteUntrusted(cell));
}

class RowReader {
public:
    RowReader(const std::map<std::string, std::size_t>& columns, const CsvRow& row) : m_columns(columns), m_row(row) {}
    std::string get(const std::string& name) const {
        const auto it = m_columns.find(name);
        if (it == m_columns.end() || it->second >= m_row.fields.size()) return {};
        return unescapeFormula(m_row.fields[it->second]);
    }

private:
    const std::map<std::string, std::size_t>& m_columns;
    const CsvRow& m_row;
};

Idea ideaFromRow(const Event& event, const RowReader& cells, int line) {
    auto fail = [line](const std::string& what) {
        return RuleError("import_row", "line " + std::to_string(line) + ": " + what);
    };
    Idea idea;
    idea.eventId = event.id;
    idea.id = cells.get("id");
    idea.title = cells.get("title");
    idea.description = cells.get("description");
    idea.author = cells.get("author");
    idea.category = resolveCategory(event, cells.get("category"), line);
    idea.language = cells.get("language").empty() ? "de" : cells.get("language");
    const std::string status = cells.get("status");
    idea.status = status.empty() ? IdeaStatus::Published : ideaStatusFromString(status);
    if (idea.status == IdeaStatus::Merged) {
        // The merge target may not be in this file; a merged idea comes in hidden so nothing is lost.
        idea.status = IdeaStatus::Hidden;
    }
    const std::string number = cells.get("number");
    if (!number.empty()) {
        // Digits only: std::stoi would take "12abc" as 12, and a number near INT_MAX would leave no room for
        // the next idea's number.
        if (number.size() > 8 || number.find_first_not_of("0123456789") != std::string::npos) {
            throw fail("number " + quoteUntrusted(number) + " is not a whole number from 1 to " + std::to_string(kMaxImportNumber));
        }
        idea.number = std::stoi(number);
    }
    const std::string created = cells.get("created_at");
    if (!created.empty()) {
        const auto parsed = parseTimestamp(created);
        if (!parsed) {
            throw fail("created_at " + quoteUntrusted(created) + " is not an ISO 8601 time such as 2009-12-17T18:03:12+01:00");
        }
        // Zero and earlier would silently become "now" in insertIdeaRecord.
        if (*parsed <= 0) throw fail("created_at " + quoteUntrusted(created) + " is before 1970");
        idea.createdAt = *parsed;
    }
    idea.pinned = cells.get("pinned") == "1" || cells.get("pinned") == "true";
    return idea;
}

}  // namespace

ImportReport importIdeasCsv(Store& store, const std::string& eventId, std::string_view csvText, const std::string& actor) {
    const auto event = store.event(eventId);
    if (!event) throw RuleError("unknown_event", "no event with id " + quoteUntrusted(eventId));
    const auto rows = parseCsv(csvText);
    if (rows.empty()) throw RuleError("import_empty", "the file is empty");
    std::map<std::string, std::size_t> columns;
    for (std::size_t i = 0; i < rows[0].fields.size(); ++i) columns.emplace(headerKey(rows[0].fields[i]), i);
    if (!columns.count("title")) {
        throw RuleError("import_header", "line 1: no 'title' column (the first line must name the columns)");
    }
    ImportReport report;
    store.transaction([&] {
        for (std::size_t r = 1; r < rows.size(); ++r) {
            const int line = rows[r].line;
            try {
                const Idea idea = ideaFromRow(*event, RowReader(columns, rows[r]), line);
                const auto result = store.insertIdeaRecord(idea);
                if (!result.inserted) ++report.skipped;
                if (result.inserted) ++report.added;
                if (result.renumbered) ++report.renumbered;
            } catch (const RuleError& e) {
                const std::string message = e.what();
                if (message.rfind("line ", 0) == 0) throw;
                throw RuleError(e.code(), "line " + std::to_string(line) + ": " + message);
            }
        }
        if (report.added > 0) {
            store.logModeration(eventId, actor, "import", eventId, "{}",
                                nlohmann::json{{"added", report.added}, {"skipped", report.skipped},
                                               {"renumbered", report.renumbered}}.dump());
        }
    });
    return report;
}

}  // namespace storage
