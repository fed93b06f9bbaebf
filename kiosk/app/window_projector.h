// The projector window: the live ranking for the hall, as its own process or as a second kiosk window.
#pragma once

#include <string>

namespace kiosk::app {

struct ProjectorOptions {
    std::string dbPath;
    std::string assetDir;
    int monitor = 0;
    int windowedWidth = 0;  ///< 0 = fullscreen on `monitor`
    int windowedHeight = 0;
    bool allowExit = false;
    std::string automationFile;
    std::string screenshotFile;
};

/// Runs until closed (Escape with allowExit) or SIGTERM/SIGINT. Reads the database only.
int runProjector(const ProjectorOptions& options);

}  // namespace kiosk::app
