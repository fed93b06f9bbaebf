// The phone server's requests and responses as plain values, so every handler is testable without a socket.
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace phones {

struct Request {
    std::string method;                        ///< "GET", "POST", …
    std::string path;                          ///< without the query
    std::map<std::string, std::string> query;  ///< decoded query parameters
    std::string body;
    std::string contentType;
    std::string origin;                        ///< the Origin header, empty when absent
    std::string host;                          ///< the Host header
    std::string cookie;                        ///< the Cookie header
    std::string remoteAddress;
};

struct Response {
    int status = 200;
    std::string contentType = "application/json";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    /// Why the request was refused (one log line's reason), empty when it was served.
    std::string refusal;
};

/// How long a connection may take: what cpp-httplib 0.11 does not limit (a whole request: its read timeout starts
/// again with every byte) or limits only by polling every 10 ms (an idle keep-alive connection).
struct ConnectionLimits {
    std::chrono::milliseconds request{5000};    ///< from a request's first byte to its last byte
    std::chrono::milliseconds keepAlive{5000};  ///< an idle connection is closed after this
    std::chrono::milliseconds write{5000};      ///< for each write of an answer
    std::size_t requestsPerConnection = 1000;   ///< cpp-httplib closes after 5, so every phone reconnected often
    /// Open connections one remote address may hold at once (0: no cap); one more is answered 429 and closed.
    /// Half of the server's 128 threads: one address (a slow-client attack) never holds more than half of the pool,
    /// so phones with addresses of their own always find the other half. Not lower, because a venue's Wi-Fi may
    /// put every phone behind one NAT address; a phone's page holds one connection, and only while it asks or for
    /// the 5 s keep-alive after. A venue with more phones behind one NAT address raises it (`--phones-per-address`).
    std::size_t perAddress = 64;
};

}  // namespace phones
