// `ideenkiosk moderate`: the moderators' panel in a window of its own, for a laptop beside the stage.
#pragma once

#include "kiosk/app/logic/window_launcher.h"

namespace kiosk::app {

/// Runs until the window is closed, "Schließen" is chosen, or SIGTERM/SIGINT. Returns the exit code.
int runModerate(const ModerateOptions& options);

}  // namespace kiosk::app
