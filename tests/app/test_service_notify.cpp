// sd_notify through libsystemd to a real datagram socket, as systemd would receive it; nothing without one.
#include "app_fixtures.h"

#include "kiosk/app/logic/service_notify.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <string>
#include <vector>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace {

/// A bound AF_UNIX datagram socket standing where systemd's notify socket would be.
class NotifySocket {
public:
    explicit NotifySocket(const std::string& path) : m_path(path) {
        m_fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        m_path.copy(address.sun_path, sizeof(address.sun_path) - 1);
        REQUIRE(bind(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0);
    }
    ~NotifySocket() {
        close(m_fd);
        unlink(m_path.c_str());
    }
    std::vector<std::string> received() {
        std::vector<std::string> messages;
        char buffer[512];
        for (ssize_t n; (n = recv(m_fd, buffer, sizeof(buffer), 0)) > 0;) messages.emplace_back(buffer, static_cast<size_t>(n));
        return messages;
    }

private:
    std::string m_path;
    int m_fd = -1;
};

/// Sets the variables systemd gives a Type=notify service with WatchdogSec=, for one test.
struct SupervisedEnvironment {
    SupervisedEnvironment(const std::string& socket, const char* watchdogUsec) {
        setenv("NOTIFY_SOCKET", socket.c_str(), 1);
        if (watchdogUsec) setenv("WATCHDOG_USEC", watchdogUsec, 1);
    }
    ~SupervisedEnvironment() {
        unsetenv("NOTIFY_SOCKET");
        unsetenv("WATCHDOG_USEC");
        unsetenv("WATCHDOG_PID");
    }
};

}  // namespace

TEST_SUITE("service_notify") {
    TEST_CASE("without a notify socket nothing is sent") {
        unsetenv("NOTIFY_SOCKET");
        kiosk::app::ServiceNotifier notifier;
        CHECK_FALSE(notifier.supervised());
        notifier.ready("up");
        notifier.alive(0);
        CHECK(notifier.sent() == 0);
        CHECK(notifier.maxSleepSeconds(0.5) == doctest::Approx(0.5));
    }

    TEST_CASE("ready once, then the watchdog at a quarter of its interval") {
        const auto folder = app_fixtures::freshFolder("notify");
        NotifySocket socket((folder / "notify.sock").string());
        SupervisedEnvironment environment((folder / "notify.sock").string(), "2000000");
        kiosk::app::ServiceNotifier notifier;
        CHECK(notifier.supervised());
        CHECK(notifier.watchdogSeconds() == doctest::Approx(2.0));
        CHECK(notifier.maxSleepSeconds(5.0) == doctest::Approx(1.0));

        notifier.ready("Ideenkiosk läuft");
        notifier.ready("again");
        notifier.alive(0.0);
        notifier.alive(0.1);  // too soon: the interval's quarter is 0.5 s
        notifier.alive(0.6);
        const auto messages = socket.received();
        REQUIRE(messages.size() == 3);
        CHECK(messages[0] == "READY=1\nSTATUS=Ideenkiosk läuft");
        CHECK(messages[1] == "WATCHDOG=1");
        CHECK(messages[2] == "WATCHDOG=1");
        CHECK(notifier.sent() == 3);
    }

    TEST_CASE("under cage the watchdog belongs to the parent, and the kiosk still keeps its interval") {
        const auto folder = app_fixtures::freshFolder("notify-cage");
        NotifySocket socket((folder / "notify.sock").string());
        SupervisedEnvironment environment((folder / "notify.sock").string(), "10000000");
        setenv("WATCHDOG_PID", std::to_string(getppid()).c_str(), 1);
        kiosk::app::ServiceNotifier notifier;
        CHECK(notifier.watchdogSeconds() == doctest::Approx(10.0));
        notifier.alive(0.0);
        REQUIRE(socket.received() == std::vector<std::string>{"WATCHDOG=1"});
    }
}
