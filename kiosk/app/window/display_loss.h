// What a window process does when its display goes away: the X server or the compositor ended. Under a supervisor
// that stops cage, cage's X server and the kiosk get SIGTERM at the same moment, and the X connection usually
// breaks before the frame loop sees its stop.
#pragma once

#include <functional>

namespace kiosk::app {

/// Sets what runs when the connection to the display is gone. It runs on whichever thread noticed, and the process
/// ends with `exitCode()` of its answer right after it returns (Xlib's rule: the handler must not return to it).
/// It should say why and leave the files in order. An empty handler restores Xlib's own message and exit(1).
void onDisplayLost(std::function<int()> handler);

}  // namespace kiosk::app
