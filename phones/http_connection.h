// cpp-httplib's server with a deadline for each whole request. Its own read timeout starts again with every byte,
// so a client that sends its headers one byte at a time (slowloris) would keep a thread of the pool for hours.
#pragma once

#include "phones/http_types.h"

#include <httplib.h>

#include <functional>
#include <string>

namespace phones {

/// httplib::Server whose connections follow ConnectionLimits. `cutOff` hears the peer's address whenever a
/// connection is closed because its request did not arrive in time (called on the connection's thread).
class DeadlineServer : public httplib::Server {
public:
    DeadlineServer(ConnectionLimits limits, std::function<void(const std::string& address)> cutOff);

    /// True on a connection's thread while the request being answered ran out of time: the error handler then
    /// leaves the log line to `cutOff`, so a refused request is logged once.
    static bool requestTimedOut();

private:
    // cpp-httplib's loop over one connection's requests: a private virtual, meant to be replaced (its SSLServer does).
    bool process_and_close_socket(socket_t sock) override;

    ConnectionLimits m_limits;
    std::function<void(const std::string&)> m_cutOff;
};

}  // namespace phones
