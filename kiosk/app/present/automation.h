// The automation files (`--automation`, a test aid): what a window shows as JSON, written only when it changed.
#pragma once

#include "kiosk/ui/frame.h"

#include <nlohmann/json.hpp>

#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace kiosk::app {

/// The text of an automation file. Bytes that are not UTF-8 in a label show as U+FFFD instead of throwing: a
/// test aid must never end the kiosk (a label cut inside a character once did).
std::string automationText(const nlohmann::json& json);

/// The tappable elements of a frame as the automation files list them (id, role, label, rect, enabled).
nlohmann::json elementsJson(const std::vector<ui::UiElement>& elements);

/// One automation file: rewritten atomically when its text changed, left alone otherwise. The writing (a
/// temporary file, fsync, rename) happens on a thread of its own: the frame loop only hands the text over and
/// never waits on the disk, not even for a test aid. When several texts arrive faster than the disk takes them,
/// only the newest is written.
class AutomationFile {
public:
    /// An empty path means no file: update() then does nothing and no thread runs.
    explicit AutomationFile(std::string path);
    /// Writes the last text handed over, then ends the thread (a test reads the file after the process ended).
    ~AutomationFile();
    AutomationFile(const AutomationFile&) = delete;
    AutomationFile& operator=(const AutomationFile&) = delete;

    bool enabled() const { return !m_path.empty(); }
    /// Hands `text` to the writing thread, which writes it unless the file already holds it. A failed write
    /// is logged and not remembered, so the next update tries again.
    void update(std::string text);
    /// Waits until the thread wrote (or failed to write) everything handed over (tests, and the end).
    void flush();

private:
    void writeLoop();

    std::string m_path;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::optional<std::string> m_next;  // handed over, not yet taken by the thread
    bool m_busy = false;                // the thread is writing a text it took
    bool m_stopping = false;
    std::string m_written;              // the thread's own: what the file holds
    std::thread m_thread;
};

}  // namespace kiosk::app
