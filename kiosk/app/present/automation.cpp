// Automation files (see automation.h).
#include "kiosk/app/present/automation.h"

#include "kiosk/app/logic/output_file.h"

#include <spdlog/spdlog.h>

namespace kiosk::app {

std::string automationText(const nlohmann::json& json) {
    return json.dump(1, ' ', false, nlohmann::json::error_handler_t::replace);
}

nlohmann::json elementsJson(const std::vector<ui::UiElement>& elements) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& e : elements) {
        list.push_back({{"id", e.id}, {"role", e.role}, {"label", e.label}, {"rect", {e.x, e.y, e.w, e.h}}, {"enabled", e.enabled}});
        if (e.cut) list.back()["cut"] = true;  // only then: the files of uncut screens stay as they were
        if (e.checked) list.back()["checked"] = *e.checked;  // switches, list choices and tabs only: on/chosen or not
    }
    return list;
}

AutomationFile::AutomationFile(std::string path) : m_path(std::move(path)) {
    if (enabled()) m_thread = std::thread([this] { writeLoop(); });
}

AutomationFile::~AutomationFile() {
    if (!m_thread.joinable()) return;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

void AutomationFile::update(std::string text) {
    if (!enabled()) return;
    {
        std::lock_guard lock(m_mutex);
        m_next = std::move(text);
    }
    m_changed.notify_all();
}

void AutomationFile::flush() {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return !m_next && !m_busy; });
}

void AutomationFile::writeLoop() {
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_changed.wait(lock, [this] { return m_next || m_stopping; });
        if (!m_next) return;  // stopping, and everything handed over is written
        std::string text = std::move(*m_next);
        m_next.reset();
        m_busy = true;
        lock.unlock();
        if (text != m_written) {
            // A full disk must not end the kiosk through its test hook: the next change tries again.
            try {
                writeOutput(m_path, text);
                m_written = std::move(text);
            } catch (const std::exception& e) {
                spdlog::warn("automation file not written: {}", e.what());
            }
        }
        lock.lock();
        m_busy = false;
        m_changed.notify_all();
    }
}

}  // namespace kiosk::app
