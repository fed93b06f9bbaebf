// Whether the process of a kiosk's mark still runs, checked against real processes of this machine.
#include "kiosk/app/logic/run_mark.h"

#include <doctest/doctest.h>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace kiosk::app;

namespace {

// A child process that has ended (and was reaped): its pid belongs to no one now.
long endedProcess() {
    const pid_t child = fork();
    if (child == 0) _exit(0);
    int status = 0;
    waitpid(child, &status, 0);
    return child;
}

}  // namespace

TEST_SUITE("app.run_mark") {
    TEST_CASE("this process is a running kiosk, an ended one, another boot or another program is not") {
        const auto me = thisKiosk(1234);
        CHECK(me.pid == static_cast<long>(getpid()));
        CHECK(me.startedAt == 1234);
        CHECK_FALSE(me.bootId.empty());
        CHECK(me.bootId.find(' ') == std::string::npos);  // the mark's words stay three
        CHECK(kioskStillRunning(me));

        SUBCASE("ended") {
            auto ended = me;
            ended.pid = endedProcess();
            CHECK_FALSE(kioskStillRunning(ended));
        }
        SUBCASE("another boot") {
            auto before = me;
            before.bootId = "00000000-0000-0000-0000-000000000000";
            CHECK_FALSE(kioskStillRunning(before));
        }
        SUBCASE("another program under a reused pid") {
            const pid_t child = fork();
            if (child == 0) {
                execlp("sleep", "sleep", "30", static_cast<char*>(nullptr));
                _exit(127);
            }
            auto other = me;
            other.pid = child;
            // Until exec is done the child is still a copy of this program: wait for its new name.
            for (int i = 0; i < 500 && kioskStillRunning(other); ++i) usleep(10000);
            CHECK_FALSE(kioskStillRunning(other));
            kill(child, SIGKILL);
            waitpid(child, nullptr, 0);
        }
        SUBCASE("no pid") {
            auto none = me;
            none.pid = 0;
            CHECK_FALSE(kioskStillRunning(none));
        }
    }
}
