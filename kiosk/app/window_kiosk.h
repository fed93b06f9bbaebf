// The kiosk window: GLFW, OpenGL and Dear ImGui around the kiosk views.
#pragma once

#include "kiosk/app/window_projector.h"
#include "storage/wordlist.h"

#include <memory>
#include <optional>
#include <string>

namespace kiosk::app {

struct RunOptions {
    std::string dbPath;
    std::string assetDir;
    int monitor = 0;
    int windowedWidth = 0;   ///< 0 = fullscreen on `monitor`
    int windowedHeight = 0;
    double idleTimeoutSeconds = 60;
    int busyTimeoutMs = 5000;    ///< how long a save waits for another process's write lock before it is trouble
    bool allowExit = false;
    std::string automationFile;
    std::string screenshotFile;
    std::string frameTimesFile;  ///< for scripts/bench.sh: process and main-thread CPU ms of every frame, written at exit
    std::optional<ProjectorOptions> projector;  ///< run --projector-monitor: the projector as a second window
    std::shared_ptr<const storage::WordList> wordList;  ///< null: ideas are not checked against a word list
};

/// Opens the window and runs until it is closed (Escape only with allowExit) or SIGTERM/SIGINT.
/// Returns the process exit code.
int runKiosk(const RunOptions& options);

}  // namespace kiosk::app
