// `ideenkiosk report`: the results report as an A4 PDF, and its charts as PNG and SVG.
#include "kiosk/app/cli/cli.h"
#include "kiosk/app/logic/report_files.h"

#include "report/texts.h"

#include <iostream>

namespace kiosk::app {

void addReportCommand(CLI::App& app, CliContext& context) {
    auto* reportCmd = app.add_subcommand("report", "The results report as an A4 PDF (-o) and its charts (--charts)");
    struct ReportArgs {
        std::string output;
        std::string charts;
        report::ReportOptions options;
    };
    auto args = std::make_shared<ReportArgs>();
    reportCmd->add_option("-o,--output", args->output, "PDF file to write (written atomically)");
    reportCmd->add_option("--charts", args->charts, "Folder to write every chart into as PNG and SVG");
    reportCmd->add_option("--language", args->options.language, "Language of the report")
        ->check(CLI::IsMember(report::kReportLanguages))
        ->capture_default_str();
    reportCmd->add_option("--top", args->options.top, "Ideas in the ranking")->check(CLI::Range(1, 100000))->capture_default_str();
    reportCmd->callback([&context, args] {
        if (args->output.empty() && args->charts.empty()) throw UsageError("report needs -o FILE.pdf or --charts FOLDER");
        auto store = context.openStore(true);
        const auto data = report::gatherReport(*store, context.resolveEvent(*store), args->options);
        if (!args->output.empty()) {
            writeReportFile(data, args->output);
            std::cout << "report written to " << args->output << '\n';
        }
        if (!args->charts.empty()) {
            writeCharts(data, args->charts);
            std::cout << "charts written to " << args->charts << '\n';
        }
    });
}

}  // namespace kiosk::app
