// `ideenkiosk export|import|backup|restore|merge`: data in and out, never half-written.
#include "kiosk/app/cli.h"
#include "kiosk/app/export_folder.h"

#include "storage/backup.h"
#include "storage/event_config.h"
#include "storage/export.h"
#include "storage/import.h"
#include "storage/merge.h"

#include <fstream>
#include <iostream>
#include <sstream>

namespace kiosk::app {

namespace {

std::string readWholeFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw storage::StoreError("cannot read " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

void addEventLoadCommand(CLI::App& event, CliContext& context) {
    auto* load = event.add_subcommand("load", "Create an event from a TOML file and make it active");
    auto file = std::make_shared<std::string>();
    auto keepActive = std::make_shared<bool>(false);
    load->add_option("FILE", *file, "Event TOML (see assets/event.example.toml)")->required();
    load->add_flag("--no-activate", *keepActive, "Keep the currently active event active");
    load->callback([&context, file, keepActive] {
        const auto settings = storage::loadEventToml(*file);  // parse before touching the database
        auto store = context.openStore();
        const std::string id = store->createEvent(settings);
        if (!*keepActive) store->activateEvent(id);
        std::cout << id << '\n';
    });
}

void addDataCommands(CLI::App& app, CliContext& context) {
    // [SECTION] export
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
    exportCmd->add_option("--format", ex->format, "csv or json")->check(CLI::IsMember({"csv", "json"}))->capture_default_str();
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
        writeOutput(ex->output, [&](std::ostream& out) { storage::exportTable(*store, eventId, ex->table, options, out); });
    });

    // [SECTION] import
    auto* importCmd = app.add_subcommand("import", "Import ideas from CSV (paper cards, last year's export)");
    auto* importIdeas = importCmd->add_subcommand("ideas", "Import ideas from a CSV file (excel-de or rfc4180)");
    importCmd->require_subcommand(1);
    auto importFile = std::make_shared<std::string>();
    importIdeas->add_option("FILE", *importFile, "CSV file with at least a 'title' column")->required();
    importIdeas->callback([&context, importFile] {
        const std::string text = readWholeFile(*importFile);
        auto store = context.openStore();
        const auto report = storage::importIdeasCsv(*store, context.resolveEvent(*store), text, "import");
        std::cout << report.added << " ideas added, " << report.skipped << " already present";
        if (report.renumbered) std::cout << ", " << report.renumbered << " renumbered";
        std::cout << '\n';
    });

    // [SECTION] backup and restore
    auto* backup = app.add_subcommand("backup", "Copy the database safely (the kiosk may keep running)");
    auto backupFile = std::make_shared<std::string>();
    backup->add_option("-o,--output", *backupFile, "Backup file to write")->required();
    backup->callback([&context, backupFile] {
        auto store = context.openStore(true);
        storage::backupDatabase(*store, *backupFile);
        std::cout << "backup written to " << *backupFile << '\n';
    });
    auto* restore = app.add_subcommand("restore", "Replace the database with a backup (stop the kiosk first)");
    auto restoreFile = std::make_shared<std::string>();
    restore->add_option("FILE", *restoreFile, "Backup file")->required();
    restore->callback([&context, restoreFile] {
        checkDatabasePath(context.dbPath);
        storage::restoreDatabase(*restoreFile, context.dbPath);
        std::cout << "restored " << context.dbPath << " from " << *restoreFile << '\n';
    });

    // [SECTION] merge
    auto* merge = app.add_subcommand("merge", "Merge kiosk databases of one event into OUT (union by id)");
    auto mergeOut = std::make_shared<std::string>();
    auto mergeIn = std::make_shared<std::vector<std::string>>();
    merge->add_option("OUT", *mergeOut, "Database to merge into (created if missing)")->required();
    merge->add_option("IN", *mergeIn, "Kiosk databases to merge")->required()->check(CLI::ExistingFile);
    merge->callback([mergeOut, mergeIn] {
        checkDatabasePath(*mergeOut);
        storage::Store out(*mergeOut);
        for (const auto& in : *mergeIn) {
            const auto report = storage::mergeDatabase(out, in);
            std::cout << in << ":\n" << report.summary();
        }
    });
}

}  // namespace kiosk::app
