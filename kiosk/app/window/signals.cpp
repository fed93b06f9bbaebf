// Signal flags of the window processes (see signals.h).
#include "kiosk/app/window/signals.h"

#include <atomic>
#include <csignal>

namespace kiosk::app {

namespace {

// Lock-free atomics are the one kind of shared state a signal handler may touch.
std::atomic<unsigned> g_screenshots{0};
std::atomic<bool> g_stop{false};

void onScreenshot(int) { g_screenshots.fetch_add(1); }
void onStop(int) { g_stop = true; }

}  // namespace

void installWindowSignals() {
    std::signal(SIGUSR1, onScreenshot);
    std::signal(SIGTERM, onStop);
    std::signal(SIGINT, onStop);
}

bool stopRequested() { return g_stop; }

ScreenshotRequests::ScreenshotRequests() : m_seen(g_screenshots.load()) {}

bool ScreenshotRequests::pending() const { return g_screenshots.load() != m_seen; }

bool ScreenshotRequests::take() {
    const unsigned now = g_screenshots.load();
    const bool asked = now != m_seen;
    m_seen = now;
    return asked;
}

}  // namespace kiosk::app
