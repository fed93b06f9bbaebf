// doctor's touch-to-screen check (see touch_mapping.h).
#include "kiosk/app/logic/touch_mapping.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace kiosk::app {

namespace {

constexpr const char* kCheckName = "touch map";
constexpr const char* kRuleFile = "/etc/udev/rules.d/91-ideenkiosk-touch.rules";

std::string readText(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string joined(const std::vector<std::string>& items) {
    std::string text;
    for (const auto& item : items) text += (text.empty() ? "" : ", ") + item;
    return text;
}

// The event device's udev database entry: character device 13:(64+N) for /dev/input/eventN.
std::filesystem::path udevEntry(const std::filesystem::path& root, const std::string& eventNode) {
    const std::string number = eventNode.substr(std::string("event").size());
    if (number.empty() || !std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; })) return {};
    return root / "run/udev/data" / ("c13:" + std::to_string(64 + std::stoi(number)));
}

// The connectors of /sys/class/drm ("card0-HDMI-A-1") whose status says a screen is plugged in.
std::vector<std::string> connectedOutputs(const std::filesystem::path& root) {
    std::vector<std::string> outputs;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(root / "sys/class/drm", ec)) {
        const std::string name = entry.path().filename().string();
        const auto dash = name.find('-');
        if (name.rfind("card", 0) != 0 || dash == std::string::npos) continue;
        std::string status = readText(entry.path() / "status");
        if (status.rfind("connected", 0) == 0) outputs.push_back(name.substr(dash + 1));
    }
    std::sort(outputs.begin(), outputs.end());
    return outputs;
}

// The line a technician puts into kRuleFile so that this touchscreen drives `output`.
std::string ruleFor(const InputDevice& device, const std::string& output) {
    return "SUBSYSTEM==\"input\", KERNEL==\"event*\", ATTRS{name}==\"" + device.name + "\", ENV{WL_OUTPUT}=\"" +
           output + "\"";
}

}  // namespace

std::string udevProperty(const std::string& udevData, const std::string& key) {
    std::istringstream in(udevData);
    const std::string prefix = "E:" + key + "=";
    for (std::string line; std::getline(in, line);) {
        if (line.rfind(prefix, 0) == 0) return line.substr(prefix.size());
    }
    return {};
}

TouchMappingFacts readTouchMappingFacts(const std::filesystem::path& root) {
    TouchMappingFacts facts;
    facts.touchscreens = touchscreenDevices(readText(root / "proc/bus/input/devices"));
    for (const auto& device : facts.touchscreens) {
        const auto entry = udevEntry(root, device.eventNode);
        if (entry.empty()) continue;
        const std::string output = udevProperty(readText(entry), "WL_OUTPUT");
        if (!output.empty()) facts.outputOf[device.eventNode] = output;
    }
    facts.connectedOutputs = connectedOutputs(root);
    return facts;
}

CheckLine checkTouchMapping(const TouchMappingFacts& facts) {
    const auto& screens = facts.connectedOutputs;
    if (facts.touchscreens.empty()) return {Verdict::Ok, kCheckName, "no touchscreen to map", ""};
    if (screens.empty()) return {Verdict::Ok, kCheckName, "no connected screen listed in /sys/class/drm to map to", ""};

    std::vector<std::string> found, problems;
    std::string advice;
    for (const auto& device : facts.touchscreens) {
        const auto mapped = facts.outputOf.find(device.eventNode);
        const bool tied = mapped != facts.outputOf.end();
        if (tied && std::find(screens.begin(), screens.end(), mapped->second) == screens.end()) {
            problems.push_back(device.name + " is tied to " + mapped->second + ", which has no screen (connected: " +
                               joined(screens) + ")");
            if (advice.empty()) {
                advice = "set ENV{WL_OUTPUT} in " + std::string(kRuleFile) + " to the kiosk's screen (" + joined(screens) +
                         "), then reboot";
            }
        } else if (!tied && screens.size() > 1) {
            problems.push_back(device.name + " is tied to no screen: its touches spread over all " +
                               std::to_string(screens.size()) + " (" + joined(screens) + ")");
            if (advice.empty()) {
                advice = "tie it to the kiosk's screen (" + joined(screens) + "): put the line '" +
                         ruleFor(device, screens.front()) + "' into " + kRuleFile + " (with the right screen), then reboot";
            }
        } else {
            found.push_back(device.name + " -> " + (tied ? mapped->second : "the only screen, " + screens.front()));
        }
    }
    if (!problems.empty()) return {Verdict::Warning, kCheckName, joined(problems), advice};
    return {Verdict::Ok, kCheckName, joined(found), ""};
}

}  // namespace kiosk::app
