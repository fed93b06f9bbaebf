// Which screen a touchscreen's touches land on. The kiosk runs under cage (wlroots): a touch device is tied to the
// output that the udev property WL_OUTPUT of its event node names (libinput's "output name"); without one, its
// touches are spread over the whole layout of all screens. With one screen that is the same thing; with two (the
// kiosk and a projector beside it) a touch on the kiosk lands somewhere else. doctor's "touch map" line.
#pragma once

#include "kiosk/app/logic/machine_checks.h"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace kiosk::app {

/// What the check looks at, read from the machine (or a fixture folder).
struct TouchMappingFacts {
    std::vector<InputDevice> touchscreens;
    std::map<std::string, std::string> outputOf;  ///< event node -> its WL_OUTPUT (absent: none)
    std::vector<std::string> connectedOutputs;    ///< DRM connectors with a screen: "HDMI-A-1", "eDP-1"
};

/// Reads the facts under `root` ("/" on the machine): root/proc/bus/input/devices, udev's database entry
/// root/run/udev/data/c13:<64+N> of each touchscreen's eventN, and root/sys/class/drm/card*-*/status.
TouchMappingFacts readTouchMappingFacts(const std::filesystem::path& root);

/// One property of a udev database entry (its "E:KEY=VALUE" lines); empty when absent.
std::string udevProperty(const std::string& udevData, const std::string& key);

/// OK when every touchscreen reaches the kiosk's screen (one screen, or tied to a connected one); WARN with the
/// udev rule to write when one is tied to no screen while several are connected, or to one that is not connected.
CheckLine checkTouchMapping(const TouchMappingFacts& facts);

}  // namespace kiosk::app
