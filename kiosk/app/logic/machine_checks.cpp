// The checks of `ideenkiosk doctor` (see machine_checks.h).
#include "kiosk/app/logic/machine_checks.h"

#include "storage/pin.h"
#include "storage/service_log.h"
#include "storage/text.h"

#include <filesystem>
#include <regex>
#include <sstream>

#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <pwd.h>
#include <sys/stat.h>
#include <sys/socket.h>
#include <unistd.h>

namespace kiosk::app {

namespace {

CheckLine ok(std::string name, std::string detail) { return {Verdict::Ok, std::move(name), std::move(detail), ""}; }
CheckLine warn(std::string name, std::string detail, std::string advice) {
    return {Verdict::Warning, std::move(name), std::move(detail), std::move(advice)};
}
CheckLine fail(std::string name, std::string detail, std::string advice) {
    return {Verdict::Failure, std::move(name), std::move(detail), std::move(advice)};
}

// "B: KEY=400 0 0 0 0 0": the kernel prints a bitmap as hex words, most significant first.
bool bitSet(const std::string& words, unsigned bit) {
    std::istringstream in(words);
    std::vector<unsigned long long> list;
    for (std::string word; in >> word;) list.push_back(std::stoull(word, nullptr, 16));
    const unsigned perWord = sizeof(long) * 8;
    const std::size_t index = bit / perWord;
    if (index >= list.size()) return false;
    return (list[list.size() - 1 - index] >> (bit % perWord)) & 1ULL;
}

std::string gib(std::uintmax_t bytes) {
    char text[32];
    std::snprintf(text, sizeof(text), "%.1f GiB", static_cast<double>(bytes) / (1024.0 * 1024.0 * 1024.0));
    return text;
}

}  // namespace

std::string formatLine(const CheckLine& line) {
    const char* verdict = line.verdict == Verdict::Ok ? "OK  " : line.verdict == Verdict::Warning ? "WARN" : "FAIL";
    std::string text = std::string(verdict) + "  " + line.name + ": " + storage::printableLine(line.detail, 200);
    if (!line.advice.empty()) text += " -> " + line.advice;
    return text;
}

CheckLine checkDisplay(const std::vector<MonitorInfo>& monitors, const std::string& noDisplay, int wanted) {
    if (!noDisplay.empty() || monitors.empty()) {
        return fail("display", noDisplay.empty() ? "no monitor found" : noDisplay,
                    "connect the screen; the kiosk runs under cage (systemctl status ideenkiosk-kiosk)");
    }
    std::string list;
    for (std::size_t i = 0; i < monitors.size(); ++i) {
        list += (i ? ", " : "") + std::to_string(i) + ": " + monitors[i].name + " " + std::to_string(monitors[i].width) +
                "x" + std::to_string(monitors[i].height);
    }
    if (wanted >= static_cast<int>(monitors.size())) {
        return fail("display", "monitor " + std::to_string(wanted) + " not found (" + list + ")",
                    "set [kiosk] monitor in kiosk.toml to one of these");
    }
    const MonitorInfo& kiosk = monitors[static_cast<std::size_t>(wanted)];
    if (std::min(kiosk.width, kiosk.height) < 720) {
        return warn("display", list, "the kiosk's monitor is below 720 pixels on its shorter side; text will be small");
    }
    return ok("display", list);
}

std::vector<InputDevice> touchscreenDevices(const std::string& procInputDevices) {
    constexpr unsigned kBtnTouch = 0x14a;
    constexpr unsigned kPropDirect = 1;  // INPUT_PROP_DIRECT: a touchscreen, not a touchpad
    std::vector<InputDevice> found;
    std::istringstream in(procInputDevices + "\n\n");
    InputDevice device;
    std::string key, abs, prop;
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("N: Name=", 0) == 0) {
            device.name = line.substr(8);
            auto& name = device.name;
            if (name.size() >= 2 && name.front() == '"' && name.back() == '"') name = name.substr(1, name.size() - 2);
        } else if (line.rfind("H: Handlers=", 0) == 0) {
            std::istringstream handlers(line.substr(12));
            for (std::string handler; handlers >> handler;) {
                if (handler.rfind("event", 0) == 0) device.eventNode = handler;
            }
        } else if (line.rfind("B: KEY=", 0) == 0) {
            key = line.substr(7);
        } else if (line.rfind("B: ABS=", 0) == 0) {
            abs = line.substr(7);
        } else if (line.rfind("B: PROP=", 0) == 0) {
            prop = line.substr(8);
        } else if (line.empty()) {
            if (!abs.empty() && bitSet(key, kBtnTouch) && bitSet(prop, kPropDirect)) found.push_back(device);
            device = {}, key.clear(), abs.clear(), prop.clear();
        }
    }
    return found;
}

std::vector<std::string> touchscreens(const std::string& procInputDevices) {
    std::vector<std::string> names;
    for (const auto& device : touchscreenDevices(procInputDevices)) names.push_back(device.name);
    return names;
}

CheckLine checkTouch(const std::string& procInputDevices) {
    const auto found = touchscreens(procInputDevices);
    if (found.empty()) {
        return warn("touch", "no touchscreen among the input devices",
                    "plug in the touchscreen's USB cable (a mouse works for testing)");
    }
    std::string names;
    for (const auto& n : found) names += (names.empty() ? "" : ", ") + n;
    // Which screen each one drives is the "touch mapping" check (touch_mapping.h).
    return ok("touch", names);
}

CheckLine checkFonts(const std::vector<std::string>& missing) {
    if (missing.empty()) return ok("fonts", "Noto Sans and Font Awesome are installed");
    std::string list;
    for (const auto& file : missing) list += (list.empty() ? "" : ", ") + file;
    return fail("fonts", "missing " + list, "sudo apt install fonts-noto-core fonts-font-awesome");
}

CheckLine checkDisk(const std::string& folder, std::uintmax_t freeBytes) {
    constexpr std::uintmax_t kMiB = 1024 * 1024;
    const std::string detail = gib(freeBytes) + " free in " + folder;
    if (freeBytes < 100 * kMiB) return fail("disk", detail, "free space now: the kiosk cannot save ideas on a full disk");
    if (freeBytes < 1024 * kMiB) return warn("disk", detail, "free some space before the event (backups need room too)");
    return ok("disk", detail);
}

CheckLine checkClock(std::time_t now) {
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof(text), "%Y-%m-%d %H:%M UTC", &utc);
    if (utc.tm_year + 1900 < 2024) {
        return fail("clock", std::string("the clock says ") + text,
                    "set the time (sudo timedatectl set-time 'YYYY-MM-DD HH:MM') or connect to the network");
    }
    return ok("clock", text);
}

std::vector<CheckLine> checkDatabase(const std::string& path) {
    std::vector<CheckLine> lines;
    const std::string setUp = "set event_file in kiosk.toml and restart the kiosk, or run: ideenkiosk --config "
                              "/etc/ideenkiosk/kiosk.toml event load FILE (as the user ideenkiosk)";
    if (!std::filesystem::exists(path)) {
        lines.push_back(fail("database", path + " does not exist yet", setUp));
        return lines;
    }
    // Opening the file as another user (root) would leave SQLite's -wal and -shm files owned by that user, and the
    // kiosk could then no longer write: only the file's owner looks inside.
    struct stat info {};
    if (::stat(path.c_str(), &info) == 0 && info.st_uid != geteuid()) {
        const passwd* owner = getpwuid(info.st_uid);
        const std::string name = owner ? owner->pw_name : std::to_string(info.st_uid);
        lines.push_back(fail("database", path + " belongs to " + name + ", not to the user running doctor",
                             "run it as that user: sudo -u " + name + " ideenkiosk --config /etc/ideenkiosk/kiosk.toml doctor"));
        return lines;
    }
    try {
        storage::Store store(path);
        if (store.readOnly()) {
            lines.push_back(fail("database", path + " opens read-only for this user",
                                 "run doctor as the kiosk's user (sudo -u ideenkiosk …); chown ideenkiosk: the file and its folder"));
            return lines;
        }
        store.checkWritable();
        const auto report = store.check();
        if (!report.ok) {
            lines.push_back(fail("database", path + ": " + report.problems.front(),
                                 "stop the kiosk and restore the newest backup (ideenkiosk restore FILE)"));
            return lines;
        }
        lines.push_back(ok("database", path + " is writable and passes the integrity check"));
        lines.push_back(storage::pinIsSet(store) ? ok("pin", "the moderators' PIN is set")
                                                 : warn("pin", "no PIN: anyone holding the corner opens the panel",
                                                        "ideenkiosk --config /etc/ideenkiosk/kiosk.toml pin set"));
        if (const auto event = store.activeEvent()) {
            const auto& s = event->settings;
            const std::string title = storage::quoteUntrusted(s.title);
            if (!s.submissionOpen && !s.votingOpen) {
                lines.push_back(warn("event", title + " is closed for ideas and votes",
                                     "open it in the panel or with: ideenkiosk event set submission_open true"));
            } else {
                lines.push_back(ok("event", title + std::string(" is active, ") +
                                                (s.submissionOpen ? "open for ideas" : "closed for ideas") +
                                                (s.votingOpen ? " and votes" : ", open for votes")));
            }
        } else {
            lines.push_back(fail("event", "no active event", setUp));
        }
        const auto crashes = storage::crashRecord(store);
        if (crashes.count > 0) {
            lines.push_back(warn("crashes", std::to_string(crashes.count) + " so far, the last: " + crashes.lastReason,
                                 "see journalctl -u ideenkiosk-kiosk for the context"));
        } else {
            lines.push_back(ok("crashes", "none recorded"));
        }
    } catch (const std::exception& e) {
        lines.push_back(fail("database", e.what(), "stop the kiosk and restore the newest backup (ideenkiosk restore FILE)"));
    }
    return lines;
}

CheckLine checkServer(const std::optional<std::string>& url, int timeoutMs) {
    if (!url || url->empty()) return ok("server", "none configured (a kiosk on its own)");
    // postgresql://user:secret@host:port/db?x, or host:port; the password never reaches the report.
    static const std::regex kUrl(R"(^(?:[a-z]+://)?(?:[^@/]*@)?(\[[^\]]+\]|[^:/?]+)(?::(\d+))?)");
    std::smatch m;
    if (!std::regex_search(*url, m, kUrl)) return fail("server", "cannot read the address in [server] url", "fix [server] url in kiosk.toml");
    std::string host = m[1].str();
    if (host.size() > 2 && host.front() == '[') host = host.substr(1, host.size() - 2);
    const std::string port = m[2].matched ? m[2].str() : "5432";
    const std::string where = host + ":" + port;
    addrinfo hints{};
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    if (getaddrinfo(host.c_str(), port.c_str(), &hints, &found) != 0 || !found) {
        return fail("server", "cannot resolve " + host, "check the network and [server] url in kiosk.toml");
    }
    bool reached = false;
    for (addrinfo* a = found; a && !reached; a = a->ai_next) {
        const int fd = socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK, a->ai_protocol);
        if (fd < 0) continue;
        if (connect(fd, a->ai_addr, a->ai_addrlen) == 0) {
            reached = true;
        } else if (errno == EINPROGRESS) {
            pollfd p{fd, POLLOUT, 0};
            int error = 0;
            socklen_t size = sizeof(error);
            reached = poll(&p, 1, timeoutMs) == 1 && getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &size) == 0 && error == 0;
        }
        close(fd);
    }
    freeaddrinfo(found);
    if (!reached) return fail("server", "no answer from " + where, "check the network cable or Wi-Fi, and that the server runs");
    return ok("server", where + " answers");
}

}  // namespace kiosk::app
