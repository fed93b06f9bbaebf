// The automation files (`--automation`, a test aid): what a window shows as JSON, written only when it changed.
#pragma once

#include "kiosk/ui/frame.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace kiosk::app {

/// The text of an automation file. Bytes that are not UTF-8 in a label show as U+FFFD instead of throwing: a
/// test aid must never end the kiosk (a label cut inside a character once did).
std::string automationText(const nlohmann::json& json);

/// The tappable elements of a frame as the automation files list them (id, role, label, rect, enabled).
nlohmann::json elementsJson(const std::vector<ui::UiElement>& elements);

/// One automation file: rewritten atomically when its text changed, left alone otherwise.
class AutomationFile {
public:
    /// An empty path means no file: update() then does nothing.
    explicit AutomationFile(std::string path);

    bool enabled() const { return !m_path.empty(); }
    /// Writes `text` unless it is what the file already holds. Throws StoreError when the write fails; the text
    /// is then not remembered, so the next update tries again.
    void update(const std::string& text);

private:
    std::string m_path;
    std::string m_written;
};

}  // namespace kiosk::app
