// `ideenkiosk import ideas`: ideas from CSV (paper cards, last year's export), all or nothing.
#include "kiosk/app/cli/cli.h"

#include "storage/import.h"

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

void addImportCommands(CLI::App& app, CliContext& context) {
    auto* importCmd = app.add_subcommand("import", "Import ideas from CSV (paper cards, last year's export)");
    auto* importIdeas = importCmd->add_subcommand("ideas", "Import ideas from a CSV file (excel-de or rfc4180)");
    importCmd->require_subcommand(1);
    auto importFile = requiredText(*importIdeas, "FILE", "CSV file with at least a 'title' column");
    importIdeas->callback([&context, importFile] {
        const std::string text = readWholeFile(*importFile);
        auto store = context.openStore();
        const auto report = storage::importIdeasCsv(*store, context.resolveEvent(*store), text, "import");
        std::cout << report.added << " ideas added, " << report.skipped << " already present";
        if (report.renumbered) std::cout << ", " << report.renumbered << " renumbered";
        std::cout << '\n';
    });
}

}  // namespace kiosk::app
