// The phone server's switch with real sockets on 127.0.0.1: on, off, on again, a start that cannot bind; the URL
// in the database's meta table follows, so the projector shows a code only while a server answers.
#include "served_file.h"

#include "phones/server_switch.h"
#include "storage/phone_address.h"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <optional>
#include <thread>

namespace {

/// Waits (up to 10 s, for a loaded machine) until `done` holds; not a timing assertion, only a bound on the wait.
bool eventually(const std::function<bool()>& done) {
    for (int i = 0; i < 1000; ++i) {
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return done();
}

std::optional<std::string> recordedUrl(const std::string& path) {
    storage::StoreOptions readOnly;
    readOnly.readOnly = true;
    storage::Store store(path, readOnly);
    return storage::phonesUrl(store);
}

}  // namespace

TEST_SUITE("phones.switch") {
    TEST_CASE("on and off from another thread, the address recorded only while serving") {
        const fixtures::ServedFile served("switch.db");
        const fixtures::TempFile& file = served.file;
        const phones::ServerOptions& options = served.options;
        std::atomic<int> changes{0};
        phones::ServerSwitch phonesSwitch(options, [&] { ++changes; });
        CHECK_FALSE(phonesSwitch.status().serving);

        phonesSwitch.want(true);
        REQUIRE(eventually([&] { return phonesSwitch.status().serving; }));
        const std::string url = phonesSwitch.status().url;
        CHECK(url.rfind("http://127.0.0.1:", 0) == 0);
        CHECK(recordedUrl(file.path) == url);
        CHECK(changes >= 1);

        phonesSwitch.want(false);
        REQUIRE(eventually([&] { return !phonesSwitch.status().serving; }));
        CHECK_FALSE(recordedUrl(file.path));

        SUBCASE("on again serves again") {
            phonesSwitch.want(true);
            REQUIRE(eventually([&] { return phonesSwitch.status().serving; }));
            CHECK(recordedUrl(file.path) == phonesSwitch.status().url);
        }
        SUBCASE("an address that is not this machine's: an error, no server, nothing recorded") {
            phones::ServerOptions elsewhere = options;
            elsewhere.listen = phones::ListenAddress::parse("192.0.2.1:8080");  // TEST-NET-1, never local
            phones::ServerSwitch refused(elsewhere);
            refused.want(true);
            REQUIRE(eventually([&] { return !refused.status().error.empty(); }));
            CHECK_FALSE(refused.status().serving);
            CHECK(refused.status().error.find("cannot listen") != std::string::npos);
            CHECK_FALSE(recordedUrl(file.path));
        }
    }
}
