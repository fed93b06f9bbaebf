// Telling a supervisor (systemd's Type=notify and WatchdogSec=) that the kiosk is up and its loop still turns.
// Without NOTIFY_SOCKET (a development run, a test) every call does nothing.
#pragma once

#include <string>

namespace kiosk::app {

/// sd_notify for one frame loop: READY=1 once after the first frame, WATCHDOG=1 from the loop's heartbeat.
class ServiceNotifier {
public:
    /// Reads NOTIFY_SOCKET and WATCHDOG_USEC from the environment (as systemd sets them for the service).
    ServiceNotifier();

    /// Whether a supervisor listens (NOTIFY_SOCKET is set).
    bool supervised() const { return m_supervised; }
    /// The supervisor's watchdog interval in seconds, 0 when it has none.
    double watchdogSeconds() const { return m_watchdogSeconds; }
    /// The longest the loop may sleep and still pet the watchdog in time: half the interval (or `otherwise`).
    double maxSleepSeconds(double otherwise) const;

    /// READY=1 with a status line; only the first call sends.
    void ready(const std::string& status);
    /// WATCHDOG=1, at most every quarter interval (a busy loop must not flood the socket). `now` in seconds.
    void alive(double now);
    /// STOPPING=1: the loop ends on purpose (the supervisor then does not count a watchdog miss).
    void stopping();

    /// How many messages went out (tests, the log).
    long sent() const { return m_sent; }

private:
    void send(const std::string& message);

    bool m_supervised = false;
    bool m_ready = false;
    double m_watchdogSeconds = 0;
    double m_nextAlive = 0;
    long m_sent = 0;
};

}  // namespace kiosk::app
