// cpp-httplib glue: a bigger pool, TCP_NODELAY, a larger backlog, limits for bodies and slow clients (DeadlineServer), and every
// request handed to PhoneApi as a plain value.
#include "phones/server.h"

#include "phones/backend.h"
#include "phones/http_connection.h"
#include "storage/phone_address.h"
#include "storage/store.h"

#include <httplib.h>

#include <arpa/inet.h>
#include <chrono>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdexcept>
#include <sys/socket.h>
#include <thread>

namespace phones {

// [SECTION] Address

ListenAddress ListenAddress::parse(const std::string& text) {
    const auto colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) {
        throw std::invalid_argument("expected ADDRESS:PORT (e.g. 192.168.1.10:8080), not '" + text.substr(0, 80) + "'");
    }
    ListenAddress a;
    a.host = text.substr(0, colon);
    if (a.host.size() > 2 && a.host.front() == '[' && a.host.back() == ']') a.host = a.host.substr(1, a.host.size() - 2);
    const std::string port = text.substr(colon + 1);
    if (port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos || std::stoi(port) > 65535) {
        throw std::invalid_argument("the port must be a number from 0 to 65535, not '" + port.substr(0, 20) + "'");
    }
    a.port = std::stoi(port);
    return a;
}

std::string ListenAddress::url() const {
    const bool v6 = host.find(':') != std::string::npos;
    return "http://" + (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port) + "/";
}

// [SECTION] Server

struct PhoneServer::Impl {
    ServerOptions options;
    std::unique_ptr<GroupWriter> writer;
    std::unique_ptr<ReaderPool> readers;
    std::unique_ptr<PhoneApi> api;
    std::unique_ptr<DeadlineServer> http;
    std::thread thread;
    int listenSocket = -1;
    int port = 0;
    std::string joinUrl;  ///< recorded in the database's meta table while serving

    void log(const std::string& line) const {
        if (options.log) options.log(line);
    }
    void serve(const httplib::Request& in, httplib::Response& out);
    /// "host:port" as a browser sends it in Host for the address served.
    std::string authority() const {
        const bool v6 = options.listen.host.find(':') != std::string::npos;
        return (v6 ? "[" + options.listen.host + "]" : options.listen.host) + ":" + std::to_string(port);
    }
    static Response hostRefused(const std::string& host) {
        Response r;
        r.status = 421;
        r.body = R"({"error":"bad_host"})";
        r.refusal = "Host '" + host.substr(0, 100) + "' is not this server's address";
        return r;
    }
};

namespace {

/// The first IPv4 address of an interface that is up and not the loopback: what phones can reach when the
/// server listens on every address (0.0.0.0). Empty when the machine has none.
std::string firstLanAddress() {
    ifaddrs* list = nullptr;
    if (::getifaddrs(&list) != 0) return "";
    std::string found;
    for (const ifaddrs* a = list; a && found.empty(); a = a->ifa_next) {
        if (!a->ifa_addr || a->ifa_addr->sa_family != AF_INET) continue;
        if (!(a->ifa_flags & IFF_UP) || (a->ifa_flags & IFF_LOOPBACK)) continue;
        char text[INET_ADDRSTRLEN] = {};
        const auto* in = reinterpret_cast<const sockaddr_in*>(a->ifa_addr);
        if (::inet_ntop(AF_INET, &in->sin_addr, text, sizeof text)) found = text;
    }
    ::freeifaddrs(list);
    return found;
}

std::int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

}  // namespace

void PhoneServer::Impl::serve(const httplib::Request& in, httplib::Response& out) {
    Request request;
    request.method = in.method;
    request.path = in.path;
    for (const auto& [key, value] : in.params) request.query.emplace(key, value);
    request.body = in.body;
    request.contentType = in.get_header_value("Content-Type");
    request.origin = in.get_header_value("Origin");
    request.host = in.get_header_value("Host");
    request.cookie = in.get_header_value("Cookie");
    request.remoteAddress = in.remote_addr;
    // DNS rebinding: a page of another site whose name now points here would pass the Origin check with its own
    // Host; only the address phones were given is served (any name when bound to every address).
    const std::string expectedHost = authority();
    const bool wildcard = options.listen.host == "0.0.0.0" || options.listen.host == "::";
    const Response response = wildcard || request.host == expectedHost
                                  ? api->handle(request)
                                  : hostRefused(request.host);
    out.status = response.status;
    for (const auto& [name, value] : response.headers) out.set_header(name, value);
    out.set_content(response.body, response.contentType.c_str());
    if (!response.refusal.empty()) {
        log("phones: refused " + std::to_string(response.status) + " " + request.method.substr(0, 16) + " " +
            request.path.substr(0, 80) + " from " + request.remoteAddress + ": " + response.refusal.substr(0, 200));
    }
}

PhoneServer::PhoneServer(ServerOptions options) : m(std::make_unique<Impl>()) { m->options = std::move(options); }

PhoneServer::~PhoneServer() { stop(); }

void PhoneServer::start() {
    const ServerOptions& o = m->options;
    storage::StoreOptions writeOptions;
    writeOptions.busyTimeoutMs = o.busyTimeoutMs;
    writeOptions.wordList = o.wordList;
    m->writer = std::make_unique<GroupWriter>(std::make_unique<storage::Store>(o.dbPath, writeOptions));
    const std::string path = o.dbPath;
    const int busy = o.busyTimeoutMs;
    m->readers = std::make_unique<ReaderPool>([path, busy] {
        storage::StoreOptions readOptions;
        readOptions.readOnly = true;
        readOptions.busyTimeoutMs = busy;
        // The writer's connection checked the file when the server started; the pool opens up to a connection per
        // request in flight as the phones come (about 40 under 100 phones), and a check each read the whole file.
        readOptions.quickCheck = false;
        return std::make_unique<storage::Store>(path, readOptions);
    });
    Backend backend{[this](const StoreWork& work) { m->readers->run(work); },
                    [this](const StoreWork& work) { m->writer->run(work); }};
    m->api = std::make_unique<PhoneApi>(std::move(backend), o.limits, nowMs, o.texts);

    m->http = std::make_unique<DeadlineServer>(o.connections, [this](const std::string& address, ConnectionRefusal why) {
        if (why == ConnectionRefusal::tooSlow) {
            m->log("phones: refused a slow request from " + address + ": not complete within " +
                   std::to_string(m->options.connections.request.count()) + " ms, connection closed");
        } else {
            m->log("phones: refused 429 a connection from " + address + ": it already holds " +
                   std::to_string(m->options.connections.perAddress) + " connections, closed");
        }
    });
    auto& http = *m->http;
    const int threads = o.threads;
    http.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
    http.set_tcp_nodelay(true);
    http.set_payload_max_length(o.limits.maxBodyBytes);
    // SO_RCVTIMEO/SO_SNDTIMEO of the accepted sockets; DeadlineServer bounds whole requests and idle connections.
    http.set_read_timeout(5, 0);
    http.set_write_timeout(5, 0);
    http.set_socket_options([this](socket_t sock) {
        int yes = 1;
        ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        m->listenSocket = sock;
    });
    const auto handler = [this](const httplib::Request& in, httplib::Response& out) { m->serve(in, out); };
    http.Get(".*", handler);
    http.Post(".*", handler);
    http.Put(".*", handler);
    http.Delete(".*", handler);
    http.Patch(".*", handler);
    http.Options(".*", handler);
    http.set_error_handler([this](const httplib::Request& in, httplib::Response& out) {
        if (DeadlineServer::requestTimedOut()) return;  // the cut-off is logged once, by DeadlineServer
        if (out.status == 413 || out.status == 400 || out.status == 414 || out.status == 431) {
            m->log("phones: refused " + std::to_string(out.status) + " " + in.method.substr(0, 16) + " " +
                in.path.substr(0, 80) + " from " + in.remote_addr + ": malformed or oversized request");
        }
    });
    const int bound = o.listen.port == 0 ? http.bind_to_any_port(o.listen.host) : (http.bind_to_port(o.listen.host, o.listen.port) ? o.listen.port : -1);
    if (bound < 0) {
        throw std::runtime_error("cannot listen on " + o.listen.host + ":" + std::to_string(o.listen.port) +
                                 " (address not on this machine, or the port is in use)");
    }
    if (m->listenSocket >= 0) ::listen(m->listenSocket, o.backlog);
    m->port = bound;
    m->thread = std::thread([this] { m->http->listen_after_bind(); });
    ListenAddress shown = o.listen;
    shown.port = bound;
    if (shown.host == "0.0.0.0" || shown.host == "::") {
        if (const std::string lan = firstLanAddress(); !lan.empty()) shown.host = lan;
    }
    m->joinUrl = shown.url();
    // The projector may be another process: it learns the address from the file both share. A failure to record
    // it costs only the QR code on the projector, never the server.
    try {
        m->writer->run([url = m->joinUrl](storage::Store& store) { storage::recordPhonesUrl(store, url); });
    } catch (const std::exception& e) {
        m->log(std::string("phones: the projector will not show the address: ") + e.what());
    }
    m->log("phones: serving " + m->joinUrl + " on " + o.dbPath);
}

int PhoneServer::port() const { return m->port; }

std::string PhoneServer::url() const { return m->joinUrl; }

void PhoneServer::stop() {
    if (!m) return;
    if (m->http) m->http->stop();
    if (m->thread.joinable()) m->thread.join();
    if (m->writer && !m->joinUrl.empty()) {
        try {
            m->writer->run([url = m->joinUrl](storage::Store& store) { storage::clearPhonesUrl(store, url); });
        } catch (const std::exception& e) {
            m->log(std::string("phones: the projector keeps showing the address: ") + e.what());
        }
        m->joinUrl.clear();
    }
    m->writer.reset();
}

}  // namespace phones
