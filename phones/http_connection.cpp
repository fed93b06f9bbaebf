// The phone server's connections: each request read under a deadline, idle connections waited for with poll().
#include "phones/http_connection.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <functional>
#include <memory>
#include <string>

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace phones {

namespace {

using Clock = std::chrono::steady_clock;

/// How often a connection waiting for its next request looks whether the server is stopping.
constexpr std::chrono::milliseconds kStopCheck{100};

thread_local bool t_requestTimedOut = false;

int millisecondsUntil(Clock::time_point deadline) {
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now()).count();
    return static_cast<int>(std::clamp<long long>(left, 0, INT_MAX));
}

/// Waits for `events` on the socket until `deadline`: false when the deadline came first or poll failed.
bool waitUntil(int sock, short events, Clock::time_point deadline) {
    for (;;) {
        pollfd watched{sock, events, 0};
        const int ready = ::poll(&watched, 1, millisecondsUntil(deadline));
        if (ready > 0) return true;
        if (ready == 0 || errno != EINTR) return false;
    }
}

void endpointOf(int sock, bool peer, std::string& ip, int& port) {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    auto* raw = reinterpret_cast<sockaddr*>(&address);
    if ((peer ? ::getpeername(sock, raw, &length) : ::getsockname(sock, raw, &length)) != 0) return;
    char host[NI_MAXHOST] = {};
    char service[NI_MAXSERV] = {};
    if (::getnameinfo(raw, length, host, sizeof host, service, sizeof service, NI_NUMERICHOST | NI_NUMERICSERV) != 0) {
        return;
    }
    ip = host;
    port = std::atoi(service);
}

/// recv() or send() again after a signal interrupted it.
template <typename Call>
ssize_t retryInterrupted(Call call) {
    ssize_t done = 0;
    do {
        done = call();
    } while (done < 0 && errno == EINTR);
    return done;
}

bool wouldBlock(ssize_t result) {
    return result < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
}

/// One connection's bytes. A read waits only until the deadline of the request being read, however slowly its
/// bytes trickle in. One buffer for the whole connection, so a request sent right behind another is not lost.
/// Reads try the socket first and wait with poll() only when it is not ready (a phone's request has mostly arrived
/// whole). An answer is kept until the request is done (or the stream must read again, as after "100 Continue")
/// and then sent at once: cpp-httplib writes the head and the body separately, which cost two sends and two TCP
/// segments per answer; a poll before each read and write, and the addresses asked for anew with every request,
/// were further system calls (a quarter of them all under load, scripts/bench_phones.sh with perf stat).
class DeadlineStream final : public httplib::Stream {
public:
    DeadlineStream(int sock, std::chrono::milliseconds writeTimeout, std::string peerIp, int peerPort)
        : m_sock(sock), m_writeTimeout(writeTimeout), m_peerIp(std::move(peerIp)), m_peerPort(peerPort) {}

    void startRequest(Clock::time_point deadline) {
        m_deadline = deadline;
        t_requestTimedOut = false;
    }
    bool hasBuffered() const { return m_begin < m_end; }

    bool is_readable() const override { return hasBuffered() || waitUntil(m_sock, POLLIN, m_deadline); }
    bool is_writable() const override { return waitUntil(m_sock, POLLOUT, Clock::now() + m_writeTimeout); }

    ssize_t read(char* out, size_t size) override {
        if (!hasBuffered()) {
            if (!flush()) return -1;
            const auto receive = [this](int flags) {
                return retryInterrupted([&] { return ::recv(m_sock, m_buffer.data(), m_buffer.size(), flags); });
            };
            ssize_t got = receive(MSG_DONTWAIT);
            if (wouldBlock(got)) {
                if (!waitUntil(m_sock, POLLIN, m_deadline)) {
                    if (Clock::now() >= m_deadline) t_requestTimedOut = true;
                    return -1;
                }
                got = receive(0);
            }
            if (got <= 0) return got;
            m_begin = 0;
            m_end = static_cast<std::size_t>(got);
        }
        const std::size_t count = std::min(size, m_end - m_begin);
        std::copy_n(m_buffer.data() + m_begin, count, out);
        m_begin += count;
        return static_cast<ssize_t>(count);
    }

    ssize_t write(const char* data, size_t size) override {
        m_out.append(data, size);
        // A large answer (the page's script) goes out as it comes rather than all held in memory.
        if (m_out.size() >= kHeldAtMost && !flush()) return -1;
        return static_cast<ssize_t>(size);
    }

    /// Sends what the answer wrote so far, each part within the write timeout; false when the peer is gone or slow.
    bool flush() {
        std::size_t done = 0;
        while (done < m_out.size()) {
            const auto sendRest = [&] {
                return retryInterrupted(
                    [&] { return ::send(m_sock, m_out.data() + done, m_out.size() - done, MSG_NOSIGNAL | MSG_DONTWAIT); });
            };
            ssize_t sent = sendRest();
            if (wouldBlock(sent)) sent = is_writable() ? sendRest() : -1;
            if (sent <= 0) {
                m_out.clear();
                return false;
            }
            done += static_cast<std::size_t>(sent);
        }
        m_out.clear();
        return true;
    }

    // Both ends are asked once: cpp-httplib asks for them with every request.
    void get_remote_ip_and_port(std::string& ip, int& port) const override {
        ip = m_peerIp;
        port = m_peerPort;
    }
    void get_local_ip_and_port(std::string& ip, int& port) const override {
        if (!m_localKnown) {
            endpointOf(m_sock, false, m_localIp, m_localPort);
            m_localKnown = true;
        }
        ip = m_localIp;
        port = m_localPort;
    }
    socket_t socket() const override { return m_sock; }

private:
    static constexpr std::size_t kHeldAtMost = 64 * 1024;
    int m_sock;
    std::chrono::milliseconds m_writeTimeout;
    std::string m_peerIp;
    int m_peerPort;
    mutable bool m_localKnown = false;
    mutable std::string m_localIp;
    mutable int m_localPort = 0;
    Clock::time_point m_deadline = Clock::now();
    std::array<char, 4096> m_buffer{};
    std::size_t m_begin = 0;
    std::size_t m_end = 0;
    std::string m_out;
};

/// The answer to a connection over its address's cap, sent before its request is read (reading it would let the
/// address hold the thread again). German first, like the page.
const std::string& tooManyConnectionsAnswer() {
    static const std::string answer = [] {
        const std::string body =
            "Zu viele Verbindungen von dieser Adresse. Bitte gleich noch einmal.\n"
            "Too many connections from this address. Please try again shortly.\n";
        return "HTTP/1.1 429 Too Many Requests\r\nContent-Type: text/plain; charset=utf-8\r\nRetry-After: 5\r\n"
               "Connection: close\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
    }();
    return answer;
}

/// Reads and drops whatever the peer already sent, so that closing sends FIN and not RST (which could make the
/// peer lose the answer).
void discardPending(int sock) {
    std::array<char, 4096> scratch{};
    while (::recv(sock, scratch.data(), scratch.size(), MSG_DONTWAIT) > 0) {
    }
}

void refuseTooMany(int sock) {
    discardPending(sock);
    ::send(sock, tooManyConnectionsAnswer().data(), tooManyConnectionsAnswer().size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    ::shutdown(sock, SHUT_WR);
    // The peer's close after reading the answer, for a short while only: the thread goes back to the pool.
    waitUntil(sock, POLLIN, Clock::now() + std::chrono::milliseconds(50));
    discardPending(sock);
}

}  // namespace

DeadlineServer::DeadlineServer(ConnectionLimits limits,
                               std::function<void(const std::string&, ConnectionRefusal)> refused)
    : m_limits(limits), m_refused(std::move(refused)), m_slots(limits.perAddress) {}

bool DeadlineServer::requestTimedOut() { return t_requestTimedOut; }

bool DeadlineServer::process_and_close_socket(socket_t sock) {
    std::string address;
    int port = 0;
    endpointOf(sock, true, address, port);
    bool answered = false;
    if (m_slots.take(address)) {
        // Given back however the connection ends (an exception out of a handler included).
        const std::unique_ptr<AddressSlots, std::function<void(AddressSlots*)>> slot(
            &m_slots, [&address](AddressSlots* slots) { slots->give(address); });
        answered = serveConnection(sock, address, port);
    } else {
        if (m_refused) m_refused(address, ConnectionRefusal::tooMany);  // logged before the peer hears it
        refuseTooMany(sock);
    }
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
    return answered;
}

bool DeadlineServer::serveConnection(socket_t sock, const std::string& peerIp, int peerPort) {
    DeadlineStream stream(sock, m_limits.write, peerIp, peerPort);
    // The next request's first byte, within the keep-alive time; a stopping server ends the wait within kStopCheck.
    const auto awaitRequest = [&] {
        const auto idleUntil = Clock::now() + m_limits.keepAlive;
        while (svr_sock_ != INVALID_SOCKET) {
            if (stream.hasBuffered()) return true;
            const auto now = Clock::now();
            if (now >= idleUntil) return false;
            if (waitUntil(sock, POLLIN, std::min(idleUntil, now + kStopCheck))) return true;
        }
        return false;
    };
    bool answered = false;
    for (std::size_t left = m_limits.requestsPerConnection; left > 0 && awaitRequest(); --left) {
        stream.startRequest(Clock::now() + m_limits.request);
        bool closed = false;
        answered = process_request(stream, left == 1, closed, nullptr);
        if (!stream.flush()) answered = false;
        if (requestTimedOut()) {
            std::string ip;
            int port = 0;
            stream.get_remote_ip_and_port(ip, port);
            if (m_refused) m_refused(ip, ConnectionRefusal::tooSlow);
            answered = false;
            break;
        }
        if (!answered || closed) break;
    }
    return answered;
}

}  // namespace phones
