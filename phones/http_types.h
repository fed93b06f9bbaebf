// The phone server's requests and responses as plain values, so every handler is testable without a socket.
#pragma once

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

}  // namespace phones
