// cpp-httplib's server with a deadline for each whole request. Its own read timeout starts again with every byte,
// so a client that sends its headers one byte at a time (slowloris) would keep a thread of the pool for hours.
#pragma once

#include "phones/address_slots.h"
#include "phones/http_types.h"

#include <httplib.h>

#include <functional>
#include <string>

namespace phones {

/// Why DeadlineServer closed a connection without answering its request.
enum class ConnectionRefusal {
    tooSlow,  ///< the request did not arrive whole within ConnectionLimits::request
    tooMany,  ///< its address already held ConnectionLimits::perAddress connections (answered 429)
};

/// httplib::Server whose connections follow ConnectionLimits. `refused` hears the peer's address and why whenever a
/// connection is closed by those limits (called on the connection's thread; one call per refused connection).
class DeadlineServer : public httplib::Server {
public:
    DeadlineServer(ConnectionLimits limits,
                   std::function<void(const std::string& address, ConnectionRefusal why)> refused);

    /// True on a connection's thread while the request being answered ran out of time: the error handler then
    /// leaves the log line to `cutOff`, so a refused request is logged once.
    static bool requestTimedOut();

private:
    // cpp-httplib's loop over one connection's requests: a private virtual, meant to be replaced (its SSLServer does).
    bool process_and_close_socket(socket_t sock) override;
    bool serveConnection(socket_t sock, const std::string& peerIp, int peerPort);

    ConnectionLimits m_limits;
    std::function<void(const std::string&, ConnectionRefusal)> m_refused;
    AddressSlots m_slots;
};

}  // namespace phones
