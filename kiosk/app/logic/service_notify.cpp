// sd_notify for the kiosk loop (see service_notify.h).
#include "kiosk/app/logic/service_notify.h"

#include <spdlog/spdlog.h>
#include <systemd/sd-daemon.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>

namespace kiosk::app {

ServiceNotifier::ServiceNotifier() {
    const char* socket = std::getenv("NOTIFY_SOCKET");
    m_supervised = socket && *socket;
    uint64_t usec = 0;
    // sd_watchdog_enabled says yes only when WATCHDOG_PID (if set) is this process. Under cage it names cage, our
    // parent and the unit's main process; the unit's NotifyAccess=all lets us pet the watchdog for it, so the
    // interval is read from the environment then.
    if (sd_watchdog_enabled(0, &usec) > 0) {
        m_watchdogSeconds = static_cast<double>(usec) / 1e6;
    } else if (const char* text = std::getenv("WATCHDOG_USEC"); m_supervised && text) {
        m_watchdogSeconds = static_cast<double>(std::strtoull(text, nullptr, 10)) / 1e6;
    }
    if (m_supervised) spdlog::info("supervised: notify socket set, watchdog {} s", m_watchdogSeconds);
}

double ServiceNotifier::maxSleepSeconds(double otherwise) const {
    return m_watchdogSeconds > 0 ? std::min(otherwise, m_watchdogSeconds / 2) : otherwise;
}

void ServiceNotifier::send(const std::string& message) {
    if (!m_supervised) return;
    const int result = sd_notify(0, message.c_str());
    if (result > 0) {
        ++m_sent;
    } else if (result < 0) {
        spdlog::warn("sd_notify failed: {}", result);
    }
}

void ServiceNotifier::ready(const std::string& status) {
    if (m_ready) return;
    m_ready = true;
    send("READY=1\nSTATUS=" + status);
}

void ServiceNotifier::alive(double now) {
    if (!m_supervised || now < m_nextAlive) return;
    m_nextAlive = now + (m_watchdogSeconds > 0 ? m_watchdogSeconds / 4 : 1.0);
    send("WATCHDOG=1");
}

void ServiceNotifier::stopping() { send("STOPPING=1"); }

}  // namespace kiosk::app
