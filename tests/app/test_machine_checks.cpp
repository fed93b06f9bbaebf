// doctor's checks on facts handed in: a touchscreen told from a touchpad, disk and clock thresholds, monitors,
// a database that is fine, closed, locked out by its owner or broken, and a server that answers or not.
#include "app_fixtures.h"

#include "kiosk/app/logic/machine_checks.h"
#include "storage/pin.h"
#include "storage/service_log.h"

#include <doctest/doctest.h>

#include <fstream>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace kiosk::app;

namespace {

// Two devices as the kernel lists them: an I2C touchscreen (INPUT_PROP_DIRECT) and a touchpad (BTN_TOUCH too,
// but INPUT_PROP_POINTER|BUTTONPAD), plus a keyboard.
const char* kDevices = R"(I: Bus=0018 Vendor=04f3 Product=2a3c Version=0100
N: Name="ELAN Touchscreen"
P: Phys=i2c-ELAN9008:00
H: Handlers=mouse2 event5
B: PROP=2
B: EV=1b
B: KEY=400 0 0 0 0 0
B: ABS=3273800000000003

I: Bus=0018 Vendor=06cb Product=7e7e Version=0100
N: Name="SYNA3602:00 06CB:7E7E Touchpad"
B: PROP=5
B: EV=1b
B: KEY=e520 10000 0 0 0 0
B: ABS=2e0800000000003

I: Bus=0011 Vendor=0001 Product=0001 Version=ab41
N: Name="AT Translated Set 2 keyboard"
B: PROP=0
B: EV=120013
B: KEY=402000000 3803078f800d001 feffffdfffefffff fffffffffffffffe
)";

}  // namespace

TEST_SUITE("machine_checks") {
    TEST_CASE("a touchscreen is found, a touchpad and a keyboard are not") {
        const auto found = touchscreens(kDevices);
        REQUIRE(found.size() == 1);
        CHECK(found[0] == "ELAN Touchscreen");
        CHECK(checkTouch(kDevices).verdict == Verdict::Ok);
        CHECK(checkTouch("").verdict == Verdict::Warning);
        CHECK_FALSE(checkTouch("").advice.empty());
    }

    TEST_CASE("disk, clock and fonts") {
        constexpr std::uintmax_t kMiB = 1024 * 1024;
        CHECK(checkDisk("/var/lib", 50 * kMiB).verdict == Verdict::Failure);
        CHECK(checkDisk("/var/lib", 500 * kMiB).verdict == Verdict::Warning);
        CHECK(checkDisk("/var/lib", 5000 * kMiB).verdict == Verdict::Ok);
        CHECK(checkClock(0).verdict == Verdict::Failure);             // 1970: never set
        CHECK(checkClock(1796083200).verdict == Verdict::Ok);         // 2026-12-01
        CHECK(checkFonts({}).verdict == Verdict::Ok);
        const auto missing = checkFonts({"/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"});
        CHECK(missing.verdict == Verdict::Failure);
        CHECK(missing.advice.find("fonts-noto-core") != std::string::npos);
    }

    TEST_CASE("monitors") {
        const std::vector<MonitorInfo> two{{"HDMI-1", 1920, 1080}, {"DP-1", 1024, 600}};
        CHECK(checkDisplay(two, "", 0).verdict == Verdict::Ok);
        CHECK(checkDisplay(two, "", 1).verdict == Verdict::Warning);  // below 720 on its shorter side
        CHECK(checkDisplay(two, "", 2).verdict == Verdict::Failure);
        CHECK(checkDisplay({}, "cannot open a window: no display", 0).verdict == Verdict::Failure);
        CHECK(formatLine(checkDisplay(two, "", 0)) == "OK    display: 0: HDMI-1 1920x1080, 1: DP-1 1024x600");
    }

    TEST_CASE("the database, its PIN, event and crashes") {
        const auto folder = app_fixtures::freshFolder("doctor-db");
        const std::string path = (folder / "kiosk.db").string();
        SUBCASE("missing") {
            const auto lines = checkDatabase(path);
            REQUIRE(lines.size() == 1);
            CHECK(lines[0].verdict == Verdict::Failure);
        }
        SUBCASE("good, then with a crash and no open phase") {
            {
                app_fixtures::ConferenceStore conference(path);
                storage::setPin(*conference.store, "2009");
            }
            auto lines = checkDatabase(path);
            REQUIRE(lines.size() == 4);
            for (const auto& line : lines) CHECK_MESSAGE(line.verdict == Verdict::Ok, formatLine(line));
            {
                storage::Store store(path);
                storage::recordCrash(store, store.now(), "boom");
            }
            lines = checkDatabase(path);
            CHECK(lines[3].name == "crashes");
            CHECK(lines[3].verdict == Verdict::Warning);
            CHECK(lines[3].detail.find("boom") != std::string::npos);
        }
        SUBCASE("not a database") {
            std::ofstream(path) << std::string(4096, 'x');
            const auto lines = checkDatabase(path);
            REQUIRE(lines.size() == 1);
            CHECK(lines[0].verdict == Verdict::Failure);
            CHECK(lines[0].advice.find("restore") != std::string::npos);
        }
    }

    TEST_CASE("the server answers or not") {
        CHECK(checkServer(std::nullopt, 500).verdict == Verdict::Ok);
        const int listener = socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0);
        REQUIRE(listen(listener, 4) == 0);
        socklen_t size = sizeof(address);
        getsockname(listener, reinterpret_cast<sockaddr*>(&address), &size);
        const std::string port = std::to_string(ntohs(address.sin_port));
        const auto reached = checkServer("postgresql://kiosk:geheim@127.0.0.1:" + port + "/ideen", 2000);
        CHECK(reached.verdict == Verdict::Ok);
        CHECK(reached.detail.find("geheim") == std::string::npos);
        close(listener);  // nobody listens on that port any more
        CHECK(checkServer("127.0.0.1:" + port, 2000).verdict == Verdict::Failure);
    }
}
