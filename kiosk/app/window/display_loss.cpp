// Xlib's I/O error handler (see display_loss.h), in a file of its own: Xlib's macros (None, Bool, Status) stay out
// of the rest of the window code.
#include "kiosk/app/window/display_loss.h"

#include <X11/Xlib.h>

#include <atomic>
#include <cstdlib>
#include <utility>

#include <unistd.h>

namespace kiosk::app {

namespace {

std::function<int()> g_handler;
std::atomic<bool> g_handling{false};

// Must not return, or Xlib exits the process itself. A second thread that notices the same loss (the writer
// waking the frame loop) waits here until the first has left the files in order and ended the process.
int displayConnectionLost(Display*) {
    if (g_handling.exchange(true)) {
        for (;;) pause();
    }
    std::_Exit(g_handler ? g_handler() : 1);
}

}  // namespace

void onDisplayLost(std::function<int()> handler) {
    g_handler = std::move(handler);
    XSetIOErrorHandler(g_handler ? displayConnectionLost : nullptr);
}

}  // namespace kiosk::app
