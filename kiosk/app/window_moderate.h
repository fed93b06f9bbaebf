// `ideenkiosk moderate`: the moderators' panel in a window of its own, for a laptop beside the stage.
#pragma once

#include <string>

namespace kiosk::app {

struct ModerateOptions {
    std::string dbPath;
    std::string assetDir;
    std::string eventId;
    int windowedWidth = 1280;
    int windowedHeight = 800;
    std::string automationFile;
    std::string screenshotFile;
};

/// Runs until the window is closed, "Schließen" is chosen, or SIGTERM/SIGINT. Returns the exit code.
int runModerate(const ModerateOptions& options);

}  // namespace kiosk::app
