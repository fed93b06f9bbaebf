// The per-address connection cap: AddressSlots on its own, then a real PhoneServer on 127.0.0.1 whose cap is 2:
// a third connection from the same address is answered 429 and logged once, while another address (127.0.0.2,
// also this machine's loopback) is served, and a slot given back serves that address again.
#include "served_file.h"

#include "phones/address_slots.h"
#include "phones/server.h"

#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace {

/// A client socket from `from` (a loopback address) to 127.0.0.1:port; closed by its destructor.
struct Client {
    int fd = -1;
    Client(const char* from, int port) {
        fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in local{};
        local.sin_family = AF_INET;
        ::inet_pton(AF_INET, from, &local.sin_addr);
        REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&local), sizeof local) == 0);
        sockaddr_in server{};
        server.sin_family = AF_INET;
        server.sin_port = htons(static_cast<std::uint16_t>(port));
        ::inet_pton(AF_INET, "127.0.0.1", &server.sin_addr);
        REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&server), sizeof server) == 0);
    }
    ~Client() { ::close(fd); }
    Client(const Client&) = delete;
    Client& operator=(const Client&) = delete;

    /// Sends a GET of the state and returns the answer's status line ("" when the server closed or sent nothing
    /// within 10 s: a bound for a loaded machine, not a timing assertion).
    std::string ask(int port) {
        const std::string request = "GET /api/state HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) + "\r\n\r\n";
        if (::send(fd, request.data(), request.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(request.size())) return "";
        return statusLine();
    }

    /// The status line of what the server sends (without asking: a connection over the cap is answered at once).
    std::string statusLine() {
        std::string answer;
        char buffer[4096];
        while (answer.find("\r\n") == std::string::npos) {
            pollfd watched{fd, POLLIN, 0};
            if (::poll(&watched, 1, 10000) <= 0) break;
            const ssize_t got = ::recv(fd, buffer, sizeof buffer, 0);
            if (got <= 0) break;
            answer.append(buffer, static_cast<std::size_t>(got));
        }
        return answer.substr(0, answer.find("\r\n"));
    }
};

}  // namespace

TEST_SUITE("phones.connections") {
    TEST_CASE("address slots: a cap per address, given back on close, 0 means none") {
        phones::AddressSlots slots(2);
        CHECK(slots.take("10.0.0.1"));
        CHECK(slots.take("10.0.0.1"));
        CHECK_FALSE(slots.take("10.0.0.1"));
        CHECK(slots.held("10.0.0.1") == 2);
        CHECK(slots.take("10.0.0.2"));  // another address has its own slots
        slots.give("10.0.0.1");
        CHECK(slots.held("10.0.0.1") == 1);
        CHECK(slots.take("10.0.0.1"));
        slots.give("10.0.0.9");  // never taken: nothing happens
        CHECK(slots.held("10.0.0.9") == 0);

        phones::AddressSlots uncapped(0);
        for (int i = 0; i < 1000; ++i) REQUIRE(uncapped.take("10.0.0.1"));
        CHECK(uncapped.held("10.0.0.1") == 1000);
    }

    TEST_CASE("the default cap leaves half of the server's threads to other addresses") {
        const phones::ServerOptions defaults;
        CHECK(defaults.connections.perAddress > 0);
        CHECK(defaults.connections.perAddress * 2 <= static_cast<std::size_t>(defaults.threads));
    }

    TEST_CASE("over sockets: the connection over the cap is answered 429, logged once, others are served") {
        fixtures::ServedFile served("connections.db");
        phones::ServerOptions& options = served.options;
        std::mutex logMutex;
        std::vector<std::string> lines;
        options.connections.perAddress = 2;
        options.log = [&](const std::string& line) {
            const std::lock_guard lock(logMutex);
            lines.push_back(line);
        };
        const auto refusals = [&] {
            const std::lock_guard lock(logMutex);
            int count = 0;
            for (const auto& line : lines) count += line.find("refused 429 a connection from 127.0.0.1") != std::string::npos;
            return count;
        };
        phones::PhoneServer server(options);
        server.start();
        const int port = server.port();

        // Two keep-alive connections, each answered once, so each surely holds its slot.
        auto first = std::make_unique<Client>("127.0.0.1", port);
        Client second("127.0.0.1", port);
        REQUIRE(first->ask(port) == "HTTP/1.1 200 OK");
        REQUIRE(second.ask(port) == "HTTP/1.1 200 OK");

        Client third("127.0.0.1", port);
        CHECK(third.statusLine() == "HTTP/1.1 429 Too Many Requests");
        CHECK(refusals() == 1);

        Client elsewhere("127.0.0.2", port);
        CHECK(elsewhere.ask(port) == "HTTP/1.1 200 OK");

        // The first closes: its slot comes back (once its thread has seen the close), and the address is served.
        first.reset();
        std::string again;
        for (int i = 0; i < 100 && again != "HTTP/1.1 200 OK"; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            Client next("127.0.0.1", port);
            again = next.ask(port);
        }
        CHECK(again == "HTTP/1.1 200 OK");
        server.stop();
    }
}
