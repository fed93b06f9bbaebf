// Window options shared by run, projector and moderate (see window_args.h).
#include "kiosk/app/cli/window_args.h"

#include "kiosk/app/logic/kiosk_config.h"
#include "kiosk/core/panel.h"
#include "storage/text.h"

#include <algorithm>
#include <cstdio>

namespace kiosk::app {

namespace {

// "1280x720" -> width and height; false for anything else.
bool parseWindowSize(const std::string& text, int& width, int& height) {
    int w = 0;
    int h = 0;
    char x = 0;
    char extra = 0;
    if (std::sscanf(text.c_str(), "%d%c%d%c", &w, &x, &h, &extra) != 3 || (x != 'x' && x != 'X') || w < 320 ||
        h < 240 || w > 16384 || h > 16384) {
        return false;
    }
    width = w;
    height = h;
    return true;
}

}  // namespace

const CLI::Validator kWindowSize(
    [](std::string& text) {
        int w = 0, h = 0;
        return parseWindowSize(text, w, h) ? std::string() : "takes WIDTHxHEIGHT, e.g. 1280x720, not " + storage::quoteUntrusted(text);
    },
    "WIDTHxHEIGHT");

void addPanelLanguageOption(CLI::App& command, WindowArgs& args) {
    command.add_option("--panel-language", args.panelLanguage,
                       "The language the moderators' panel and its PIN keypad start in, e.g. tr; the moderators can "
                       "change it in the panel (default: [kiosk] panel_language, else de)");
}

std::string panelLanguage(const CliContext& context, const WindowArgs& args) {
    if (args.panelLanguage.empty()) return context.config.panelLanguage.value_or(core::kDefaultPanelLanguage);
    try {
        return checkedLanguages({args.panelLanguage}, "--panel-language").front();
    } catch (const ConfigError& e) {
        throw UsageError(e.what());
    }
}

CLI::Option* addWindowOptions(CLI::App& command, WindowArgs& args, const std::string& screenshotHelp) {
    auto* monitor = command.add_option("--monitor", args.monitor, "Monitor number (0 = primary)")->check(CLI::Range(0, 16));
    command.add_option("--windowed", args.windowed, "Run in a window of WxH pixels instead (development)")->check(kWindowSize);
    command.add_flag("--allow-exit", args.allowExit, "Let Escape close the window (development only)");
    command.add_option("--automation", args.automation, "Keep a JSON description of what is shown in this file");
    command.add_option("--screenshot", args.screenshot, screenshotHelp);
    return monitor;
}

void addWindowServerOption(CLI::App& command, WindowArgs& args, const std::string& help) {
    command.add_option("--server", args.server, help);
}

void useConfiguredServer(const CliContext& context, WindowArgs& args) {
    if (args.server.empty() && context.config.server) args.server = *context.config.server;
}

WindowOptions windowOptions(const CliContext& context, const WindowArgs& args) {
    WindowOptions options;
    options.dbPath = context.dbPath;
    options.assetDir = context.assetDir;
    options.monitor = std::max(0, args.monitor);  // -1: a second window that was not asked for by monitor
    if (!args.windowed.empty()) parseWindowSize(args.windowed, options.windowedWidth, options.windowedHeight);
    options.allowExit = args.allowExit;
    options.automationFile = args.automation;
    options.screenshotFile = args.screenshot;
    return options;
}

WindowLauncher& requireWindows(WindowLauncher* windows) {
    if (!windows) throw storage::StoreError("this build has no window support (configured with IDEEN_BUILD_UI=OFF)");
    return *windows;
}

}  // namespace kiosk::app
