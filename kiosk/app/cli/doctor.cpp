// `ideenkiosk doctor`: the venue PC checked as a technician needs it, one line per check with what to do.
#include "kiosk/app/cli/cli.h"

#include "kiosk/app/logic/machine_checks.h"
#include "kiosk/app/logic/touch_mapping.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace kiosk::app {

namespace {

std::string readText(const std::string& path) {
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<CheckLine> machineLines(const CliContext& context, WindowLauncher* windows, int monitor) {
    std::vector<CheckLine> lines;
    if (windows) {
        std::vector<MonitorInfo> monitors;
        std::string noDisplay;
        try {
            monitors = windows->monitors();
        } catch (const std::exception& e) {
            noDisplay = e.what();
        }
        lines.push_back(checkDisplay(monitors, noDisplay, monitor));
    } else {
        lines.push_back({Verdict::Warning, "display", "this build has no window support", "install the ideenkiosk package"});
    }
    lines.push_back(checkTouch(readText("/proc/bus/input/devices")));
    lines.push_back(checkTouchMapping(readTouchMappingFacts("/")));
    if (windows) lines.push_back(checkFonts(windows->missingFonts()));
    namespace fs = std::filesystem;
    fs::path folder = fs::absolute(context.dbPath).parent_path();
    std::error_code ec;
    while (!folder.empty() && !fs::exists(folder, ec) && folder != folder.root_path()) folder = folder.parent_path();
    const auto space = fs::space(folder, ec);
    lines.push_back(ec ? CheckLine{Verdict::Warning, "disk", "cannot measure " + folder.string() + ": " + ec.message(), ""}
                       : checkDisk(folder.string(), space.available));
    lines.push_back(checkClock(std::time(nullptr)));
    return lines;
}

}  // namespace

void addDoctorCommand(CLI::App& app, CliContext& context, WindowLauncher* windows) {
    auto* doctor = app.add_subcommand("doctor", "Check this PC for the kiosk: display, touch, fonts, disk, clock, "
                                                "database, PIN, event, server (exit 1 on a FAIL)");
    auto monitor = std::make_shared<int>(0);
    auto* monitorOption = doctor->add_option("--monitor", *monitor, "The kiosk's monitor (default: [kiosk] monitor of --config)")
                              ->check(CLI::Range(0, 16));
    auto timeoutMs = std::make_shared<int>(3000);
    doctor->add_option("--server-timeout", *timeoutMs, "Milliseconds to wait for the server")->check(CLI::Range(100, 60000))
        ->capture_default_str();
    doctor->callback([&context, windows, monitor, monitorOption, timeoutMs] {
        configured(monitorOption, *monitor, context.config.monitor);
        auto lines = machineLines(context, windows, *monitor);
        for (auto& line : checkDatabase(context.dbPath)) lines.push_back(std::move(line));
        lines.push_back(checkServer(context.config.server, *timeoutMs));
        int failed = 0;
        for (const auto& line : lines) {
            std::cout << formatLine(line) << '\n';
            if (line.verdict == Verdict::Failure) ++failed;
        }
        std::cout.flush();
        if (failed > 0) throw storage::StoreError(std::to_string(failed) + (failed == 1 ? " check failed" : " checks failed"));
    });
}

}  // namespace kiosk::app
