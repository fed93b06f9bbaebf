// The projector window: the live ranking for the hall, as its own process or as a second kiosk window.
#pragma once

#include "kiosk/app/logic/db_watcher.h"
#include "kiosk/app/logic/window_launcher.h"
#include "kiosk/app/present/automation.h"
#include "kiosk/app/window/platform_window.h"
#include "kiosk/core/i18n.h"
#include "kiosk/ui/projector_view.h"
#include "storage/store.h"

#include <chrono>
#include <cstdint>
#include <string>

namespace kiosk::app {

/// The projector around one window: a read-only store connection, the model, the animated view and the automation
/// file. Whoever owns it runs the loop: wait at most wantsWakeWithin() seconds for events, then call step().
class ProjectorWindow {
public:
    /// A commit is told: inotify on the database's files wakes the window (ChangeNotifier), and data_version
    /// says whether it really changed. Without notifications (another filesystem), a commit shows within this.
    static constexpr double kPollSeconds = 2.0;
    /// Frames are at least this far apart, also without vsync (a second window swaps without waiting).
    static constexpr double kFrameSeconds = 1.0 / 60.0;

    /// Opens the store read-only and the window. With `beside` the window is a second one of that window's
    /// process (WindowRole::Secondary), and a windowed projector opens right of it.
    explicit ProjectorWindow(const ProjectorOptions& options, const PlatformWindow* beside = nullptr);

    /// Follows commits and draws a frame when something changed, moves or turns; `screenshot` draws one now and
    /// saves it to the screenshot file. True when a frame was drawn.
    bool step(bool screenshot = false);
    /// Seconds until step() has something to do: the next frame while anything moves, else the next poll.
    double wantsWakeWithin() const;
    /// This process committed (the kiosk's writer): read the change counter at the next step.
    void dataChanged() { m_notifier.markChanged(); }
    PlatformWindow& window() { return m_window; }

private:
    double seconds() const;
    void followCommits();
    void draw(double now, int turn, bool screenshot);

    ProjectorOptions m_options;
    storage::Store m_store;
    core::Catalog m_catalog;
    PlatformWindow m_window;
    ui::Fonts m_fonts;
    ui::ProjectorView m_view;
    ui::ProjectorModel m_model;
    std::int64_t m_seen = 0;
    std::chrono::steady_clock::time_point m_started = std::chrono::steady_clock::now();
    AutomationFile m_automation;
    int m_framesToRender = 3;
    int m_lastTurn = -1;
    double m_lastFrame = 0;
    bool m_animating = false;
    double m_lastPoll = 0;
    // Last: stopped before the window goes, since it wakes the window's event loop.
    ChangeNotifier m_notifier;
};

/// Runs the projector as its own process until closed (Escape with allowExit) or SIGTERM/SIGINT. Reads the
/// database only.
int runProjector(const ProjectorOptions& options);

}  // namespace kiosk::app
