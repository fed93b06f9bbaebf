// Automation files (see automation.h).
#include "kiosk/app/present/automation.h"

#include "kiosk/app/logic/output_file.h"

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

AutomationFile::AutomationFile(std::string path) : m_path(std::move(path)) {}

void AutomationFile::update(const std::string& text) {
    if (m_path.empty() || text == m_written) return;
    writeOutput(m_path, text);
    m_written = text;
}

}  // namespace kiosk::app
