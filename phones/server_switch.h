// The phone server turned on and off while the kiosk runs (the moderators' panel): a thread of its own binds,
// opens the database, stops and joins, so whoever asks (the kiosk's frame loop) never waits for any of it.
#pragma once

#include "phones/server.h"

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace phones {

class ServerSwitch {
public:
    /// `changed` is called on the switch's thread after each start, failed start or stop (to wake a window).
    explicit ServerSwitch(ServerOptions options, std::function<void()> changed = {});
    ~ServerSwitch();  ///< stops a running server and joins the thread
    ServerSwitch(const ServerSwitch&) = delete;
    ServerSwitch& operator=(const ServerSwitch&) = delete;

    /// Returns at once; the thread follows the latest wish (on, off, on again: it ends serving).
    void want(bool on);

    struct Status {
        bool serving = false;
        std::string url;    ///< while serving
        std::string error;  ///< why the last start failed (the address is taken, the file cannot be opened)
    };
    Status status() const;

private:
    void loop();

    ServerOptions m_options;
    std::function<void()> m_changed;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_wanted = false;
    bool m_quit = false;
    Status m_status;
    std::thread m_thread;
};

}  // namespace phones
