// The venue technician's checks of `ideenkiosk doctor`, one verdict each with what to do. Each check takes what it
// looks at as an argument (the monitors found, /proc/bus/input/devices, free bytes, the time), so it is testable
// without the machine it describes; doctor.cpp gathers the facts.
#pragma once

#include "kiosk/app/logic/window_launcher.h"
#include "storage/store.h"

#include <cstdint>
#include <ctime>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::app {

enum class Verdict { Ok, Warning, Failure };

/// One line of the report: "FAIL  database: … — what to do".
struct CheckLine {
    Verdict verdict = Verdict::Ok;
    std::string name;    ///< "display", "touch", …
    std::string detail;  ///< what was found
    std::string advice;  ///< what to do (empty for OK)
};

/// "OK  ", "WARN", "FAIL" padded, the name, the finding, and the advice after " -> ".
std::string formatLine(const CheckLine& line);

/// The monitors found, or the reason there is no display; `wanted` is the kiosk's monitor.
CheckLine checkDisplay(const std::vector<MonitorInfo>& monitors, const std::string& noDisplay, int wanted);
/// The touchscreens among the input devices listed in /proc/bus/input/devices (its text).
CheckLine checkTouch(const std::string& procInputDevices);
/// The font files the windows load that are missing.
CheckLine checkFonts(const std::vector<std::string>& missing);
/// Free space where the database lives.
CheckLine checkDisk(const std::string& folder, std::uintmax_t freeBytes);
/// A clock before 2024 has never been set (no RTC battery, no network time): every record would carry that date.
CheckLine checkClock(std::time_t now);

/// The database: it opens for writing, a write commits, integrity_check passes. Then the PIN, the active event,
/// and the crash counter, from the same store. Returns the lines in that order.
std::vector<CheckLine> checkDatabase(const std::string& path);

/// A TCP connection to the host and port of `url` (postgresql://user@host:port/db or host:port) within
/// `timeoutMs`; an empty url is a kiosk on its own (OK).
CheckLine checkServer(const std::optional<std::string>& url, int timeoutMs);

/// An input device of /proc/bus/input/devices: its name and its event node ("event5" for /dev/input/event5).
struct InputDevice {
    std::string name;
    std::string eventNode;
};
/// The touchscreens in /proc/bus/input/devices text: devices reporting absolute axes, BTN_TOUCH and
/// INPUT_PROP_DIRECT (a touchpad has the first two only).
std::vector<InputDevice> touchscreenDevices(const std::string& procInputDevices);
/// Their names only.
std::vector<std::string> touchscreens(const std::string& procInputDevices);

}  // namespace kiosk::app
