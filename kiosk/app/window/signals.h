// The signals a window process answers: SIGUSR1 asks every window for a screenshot, SIGTERM and SIGINT for a stop.
#pragma once

namespace kiosk::app {

/// Installs the handlers; every window loop calls it before it starts (again is harmless).
void installWindowSignals();

/// True once SIGTERM or SIGINT arrived.
bool stopRequested();

/// The screenshot requests of one window: each SIGUSR1 counts once for every window that asks, so the kiosk and
/// the projector beside it both take their picture.
class ScreenshotRequests {
public:
    ScreenshotRequests();  ///< counts the requests from now on

    /// A request arrived that was not taken yet.
    bool pending() const;
    /// True once per request (several signals before a frame make one picture).
    bool take();

private:
    unsigned m_seen;
};

}  // namespace kiosk::app
