// `ideenkiosk export`: one table as CSV for German Excel or JSON, an Excel workbook, or everything of the event
// into a folder.
#include "kiosk/app/cli/cli.h"
#include "kiosk/app/logic/export_folder.h"
#include "kiosk/app/logic/output_file.h"
#include "kiosk/app/logic/report_files.h"

#include "storage/export.h"

#include <iostream>

namespace kiosk::app {

void addExportCommand(CLI::App& app, CliContext& context) {
    auto* exportCmd = app.add_subcommand("export", "Export ideas, votes, sessions or the moderation log");
    struct ExportArgs {
        std::string table;
        std::string format = "csv";
        std::string dialect = "excel-de";
        std::string output;
    };
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
        auto store = context.openStore(true);
        storage::ExportOptions options;
        options.format = ex->format == "json" ? storage::ExportFormat::Json : storage::ExportFormat::Csv;
        options.dialect = storage::csvDialectFromString(ex->dialect);
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
