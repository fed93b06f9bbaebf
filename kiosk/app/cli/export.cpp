// `ideenkiosk export`: one table as CSV for German Excel or JSON, an Excel workbook, or everything of the event
// into a folder.
#include "kiosk/app/cli/cli.h"
#include "kiosk/app/logic/export_folder.h"
#include "kiosk/app/logic/output_file.h"
#include "kiosk/app/logic/report_files.h"

#include "storage/export.h"
#include "storage/long_read.h"

#include <filesystem>
#include <iostream>

#include <sqlite3.h>

namespace kiosk::app {

namespace {

struct ExportArgs {
    std::string table;
    std::string format = "csv";
    std::string dialect = "excel-de";
    std::string output;
};

storage::ExportOptions exportOptions(const ExportArgs& args) {
    storage::ExportOptions options;
    options.format = args.format == "json" ? storage::ExportFormat::Json : storage::ExportFormat::Csv;
    options.dialect = storage::csvDialectFromString(args.dialect);
    return options;
}

// An export reads most of the file once: through a memory map it takes the pages from the page cache without a
// system call and a copy for each (a million votes: about 170,000 pages, each read twice, by the quick check
// and by the query). SQLite takes the default for every connection the process opens, before the first opens.
// Only for this short-lived reading process: a file truncated under a map (VACUUM by another program) would end
// it with SIGBUS rather than fail a statement.
void mapDatabaseReads() {
    constexpr sqlite3_int64 kMapBytes = sqlite3_int64{4} << 30;  // larger than a venue's database gets
    sqlite3_config(SQLITE_CONFIG_MMAP_SIZE, kMapBytes, kMapBytes);  // too late (SQLite in use): no map, no harm
}

// One table into a file: the file's quick check runs beside the export, on the other core, and the file appears
// (atomically) only once the check passed; a damaged database is named as such even when the export stumbled
// over the damage first. Standard output gets nothing before the check, as before (Store checks on opening).
void exportIntoFile(const CliContext& context, const ExportArgs& args) {
    checkDatabasePath(context.dbPath);
    if (!std::filesystem::exists(context.dbPath)) throw storage::StoreError("database " + context.dbPath + " does not exist");
    storage::LongRead read(context.dbPath);
    const storage::ExportOptions options = exportOptions(args);
    const std::string eventId = context.resolveEvent(read.store());
    writeOutput(args.output, [&](std::ostream& out) {
        try {
            storage::exportTable(read.store(), eventId, args.table, options, out);
        } catch (...) {
            read.verify();
            throw;
        }
        read.verify();
    });
}

}  // namespace

void addExportCommand(CLI::App& app, CliContext& context) {
    auto* exportCmd = app.add_subcommand("export", "Export ideas, votes, sessions or the moderation log");
    auto ex = std::make_shared<ExportArgs>();
    std::vector<std::string> tables = storage::kExportTables;
    tables.push_back("all");
    exportCmd->add_option("TABLE", ex->table, "ideas, votes, sessions, moderation, or all (into the folder -o)")
        ->required()
        ->check(CLI::IsMember(tables));
    exportCmd->add_option("--format", ex->format, "csv, json or xlsx (an Excel workbook)")->check(CLI::IsMember({"csv", "json", "xlsx"}))->capture_default_str();
    exportCmd->add_option("--dialect", ex->dialect, "excel-de (BOM, ';', all quoted) or rfc4180")
        ->check(CLI::IsMember({"excel-de", "rfc4180"}))
        ->capture_default_str();
    exportCmd->add_option("-o,--output", ex->output, "File to write (written atomically); default: standard output");
    exportCmd->callback([&context, ex] {
        mapDatabaseReads();
        if (!ex->output.empty() && ex->output != "-" && ex->table != "all" && ex->format != "xlsx") {
            exportIntoFile(context, *ex);
            return;
        }
        auto store = context.openStore(true);
        const storage::ExportOptions options = exportOptions(*ex);
        const std::string eventId = context.resolveEvent(*store);
        if (ex->table == "all") {
            if (ex->output.empty()) throw UsageError("export all needs a folder: -o FOLDER");
            std::cout << "exported to " << exportToFolder(*store, eventId, ex->output) << '\n';
            return;
        }
        if (ex->format == "xlsx") {
            writeWorkbookFile(*store, eventId, ex->output, {ex->table});
            return;
        }
        writeOutput(ex->output, [&](std::ostream& out) { storage::exportTable(*store, eventId, ex->table, options, out); });
    });
}

}  // namespace kiosk::app
