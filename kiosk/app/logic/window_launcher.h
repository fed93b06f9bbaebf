// What the command line asks of the windows (run, projector, moderate): their options and one small interface,
// so the command line builds without GLFW and the window part plugs in where the build has one.
#pragma once

#include "kiosk/core/panel.h"
#include "storage/wordlist.h"

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::app {

/// What every window of the app is opened with.
struct WindowOptions {
    std::string dbPath;
    std::string assetDir;
    int monitor = 0;
    int windowedWidth = 0;  ///< 0 = fullscreen on `monitor`
    int windowedHeight = 0;
    bool allowExit = false;       ///< Escape closes the window (development)
    std::string automationFile;   ///< keep a JSON description of what is shown here (a test aid)
    std::string screenshotFile;   ///< write a PNG here on SIGUSR1 (the kiosk also at exit)
};

/// The projector, as its own process or as a second window of the kiosk.
struct ProjectorOptions : WindowOptions {};

/// A wake-up for a window's event loop that a thread started before the window can hold (the sync worker): the
/// window plugs its wake-up in while its loop runs; before and after that a call does nothing.
class LoopWake {
public:
    void plug(std::function<void()> wake) {
        std::lock_guard lock(m_mutex);
        m_wake = std::move(wake);
    }
    void operator()() const {
        std::lock_guard lock(m_mutex);
        if (m_wake) m_wake();
    }

private:
    mutable std::mutex m_mutex;
    std::function<void()> m_wake;
};

/// A window's view of the venue sync (`--server`): where the sync worker wakes its loop, and its state for the
/// moderators' panel (read each frame while the panel is open; it must not block).
struct SyncLink {
    std::shared_ptr<LoopWake> wake = std::make_shared<LoopWake>();
    std::function<core::SyncState()> state;
};

/// The attendee kiosk.
struct RunOptions : WindowOptions {
    double idleTimeoutSeconds = 60;
    std::string panelLanguage = "de";    ///< the moderators' panel speaks this until they choose another ([kiosk] panel_language)
    std::vector<std::string> languages;  ///< offered, in order; empty: every known language
    int busyTimeoutMs = 5000;    ///< how long a save waits for another process's write lock before it is trouble
    std::string frameTimesFile;  ///< for scripts/bench.sh: process and main-thread CPU ms of every frame and the main thread's wall ms outside GL rendering, written at exit
    double hangAfterSeconds = 0;  ///< tests: the frame loop stops turning after this long (0 = never)
    double crashAfterSeconds = 0; ///< tests: an exception escapes a frame after this long (0 = never)
    std::optional<ProjectorOptions> projector;  ///< run --projector-monitor: the projector as a second window
    std::shared_ptr<const storage::WordList> wordList;  ///< null: ideas are not checked against a word list
    SyncLink sync;                                      ///< run --server; `state` empty without a server
    bool phonesOnAttract = false;  ///< the attract screen shows the phones' QR code while a phone server serves
    /// The phone server's switch (run --phones): called with the moderators' wish whenever it changes (it must
    /// return at once); null without an address. Unset wish: `phonesByDefault`.
    std::function<void(bool)> setPhones;
    bool phonesByDefault = false;
};

/// The moderators' panel in a window of its own (a laptop beside the stage).
struct ModerateOptions : WindowOptions {
    std::string eventId;
    SyncLink sync;  ///< moderate --server; `state` empty without a server
    std::string panelLanguage = "de";  ///< the panel speaks this until the moderators choose another ([kiosk] panel_language)
};

/// One monitor of the display, as `doctor` reports it.
struct MonitorInfo {
    std::string name;
    int width = 0;   ///< the current video mode, in pixels
    int height = 0;
};

/// The windows of the app. kiosk/app/window provides it; a build without windows has none (nullptr).
class WindowLauncher {
public:
    virtual ~WindowLauncher() = default;
    /// Throws std::runtime_error starting with `option` when monitor `index` does not exist or there is no display.
    virtual void requireMonitor(int index, const std::string& option) = 0;
    /// Each runs its window until it is closed or SIGTERM/SIGINT and returns the process exit code.
    virtual int runKiosk(const RunOptions& options) = 0;
    virtual int runProjector(const ProjectorOptions& options) = 0;
    virtual int runModerate(const ModerateOptions& options) = 0;
    /// The display's monitors in GLFW's order (0 = primary). Throws std::runtime_error when there is no display.
    virtual std::vector<MonitorInfo> monitors() = 0;
    /// The font files the windows load that are missing (empty when every one is there).
    virtual std::vector<std::string> missingFonts() = 0;
};

/// The window part of this build, or nullptr when it was built without one (IDEEN_BUILD_UI=OFF). Defined once
/// per build: by kiosk/app/window, or by kiosk/app/no_window.cpp.
WindowLauncher* windowLauncher();

}  // namespace kiosk::app
