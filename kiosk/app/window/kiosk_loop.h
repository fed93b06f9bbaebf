// The kiosk window: GLFW, OpenGL and Dear ImGui around the kiosk views, driven by one event-driven loop.
#pragma once

#include "kiosk/app/logic/window_launcher.h"

namespace kiosk::app {

/// The exit code of a kiosk that crashed: an exception escaped a frame (EX_SOFTWARE of sysexits.h).
inline constexpr int kCrashExitCode = 70;

/// Opens the window and runs until it is closed (Escape only with allowExit) or SIGTERM/SIGINT.
/// Returns the process exit code.
int runKiosk(const RunOptions& options);

}  // namespace kiosk::app
