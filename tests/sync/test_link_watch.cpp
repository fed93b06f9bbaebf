// When the sync calls its link to the server dropped: the rules on made-up TCP samples, and real sockets' samples.
#include "sync/link_watch.h"

#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <thread>

using pgsync::LinkSample;
using pgsync::LinkWatch;

namespace {

LinkSample pending(std::uint32_t msSinceHeard, std::uint64_t bytesAcked) { return {msSinceHeard, true, bytesAcked}; }

// A connected loopback TCP pair (client, server side); both -1 when this machine cannot make one.
std::pair<int, int> loopbackPair() {
    const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    const int client = ::socket(AF_INET, SOCK_STREAM, 0);
    int server = -1;
    if (listener >= 0 && client >= 0 && ::bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
        ::listen(listener, 1) == 0 && ::getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length) == 0 &&
        ::connect(client, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0) {
        server = ::accept(listener, nullptr, nullptr);
    }
    if (listener >= 0) ::close(listener);
    if (server < 0 && client >= 0) ::close(client);
    return server < 0 ? std::pair{-1, -1} : std::pair{client, server};
}

}  // namespace

TEST_SUITE("sync.link") {

TEST_CASE("the sync calls its link dropped only while something of the kiosk's waits for the server") {
    LinkWatch watch(3000, true);

    SUBCASE("an idle link is left to the kernel's keepalives, however long it has been quiet") {
        CHECK_FALSE(watch.verdict({60000, false, 100}, 0));
        CHECK_FALSE(watch.verdict({90000, false, 100}, 30000));
    }
    SUBCASE("a push into a silent link: counted from the last thing heard, not from the push") {
        CHECK_FALSE(watch.verdict(pending(2500, 100), 0));  // the push went out 2.5 s into the silence
        CHECK_FALSE(watch.verdict(pending(2900, 100), 400));
        const auto why = watch.verdict(pending(3000, 100), 500);
        REQUIRE(why);
        CHECK(why->find("nothing came from the server for 3.0 s") != std::string::npos);
    }
    SUBCASE("a live server that keeps acknowledging is never called dropped, however long the statement takes") {
        for (std::int64_t t = 0; t <= 20000; t += 100) {
            CHECK_FALSE(watch.verdict(pending(static_cast<std::uint32_t>(t % 1000), 100 + static_cast<std::uint64_t>(t / 1000)), t));
        }
    }
    SUBCASE("one way: the server's packets arrive but nothing of the kiosk's is acknowledged") {
        CHECK_FALSE(watch.verdict(pending(20, 100), 1000));
        CHECK_FALSE(watch.verdict(pending(40, 100), 3999));
        const auto why = watch.verdict(pending(10, 100), 4000);
        REQUIRE(why);
        CHECK(why->find("acknowledged nothing sent for 3.0 s") != std::string::npos);
    }
    SUBCASE("the clock for acknowledgements starts again when nothing is pending any more") {
        CHECK_FALSE(watch.verdict(pending(10, 100), 0));
        CHECK_FALSE(watch.verdict({10, false, 180}, 2000));
        CHECK_FALSE(watch.verdict(pending(10, 180), 2500));
        CHECK_FALSE(watch.verdict(pending(10, 180), 5400));
        CHECK(watch.verdict(pending(10, 180), 5500));
    }
}

TEST_CASE("the sync link watch: without keepalives frequent enough, silence alone decides nothing") {
    LinkWatch watch(3000, false);
    CHECK_FALSE(watch.verdict(pending(600000, 5), 0));  // quiet for ten minutes, then a push: not yet a verdict
    CHECK_FALSE(watch.verdict(pending(602000, 5), 2000));
    CHECK(watch.verdict(pending(603000, 5), 3000));  // but unacknowledged for the whole user timeout is
}

TEST_CASE("the sync link watch: without a user timeout every verdict is the kernel's") {
    LinkWatch watch(0, true);
    CHECK_FALSE(watch.verdict(pending(100000, 1), 0));
    CHECK_FALSE(watch.verdict(pending(200000, 1), 100000));
}

TEST_CASE("the sync link watch: samples of real sockets") {
    SUBCASE("a local Unix socket gives none (it cannot drop silently)") {
        int pair[2];
        REQUIRE(::socketpair(AF_UNIX, SOCK_STREAM, 0, pair) == 0);
        CHECK_FALSE(pgsync::sampleLink(pair[0]));
        ::close(pair[0]);
        ::close(pair[1]);
        CHECK_FALSE(pgsync::sampleLink(-1));
    }
    SUBCASE("a loopback TCP connection: what was sent is acknowledged, then nothing is pending") {
        const auto [client, server] = loopbackPair();
        if (client < 0) {
            MESSAGE("no loopback TCP connection on this machine; case not run");
            return;
        }
        const auto before = pgsync::sampleLink(client);
        REQUIRE(before);
        const char bytes[1000] = {};
        REQUIRE(::send(client, bytes, sizeof bytes, 0) == static_cast<ssize_t>(sizeof bytes));
        // The peer's kernel acknowledges at once; the bound is only there so a broken sampler cannot hang the test.
        std::optional<LinkSample> after;
        for (int i = 0; i < 500; ++i) {
            after = pgsync::sampleLink(client);
            if (after && !after->ownBytesPending && after->bytesAcked >= before->bytesAcked + sizeof bytes) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        REQUIRE(after);
        CHECK(after->bytesAcked >= before->bytesAcked + sizeof bytes);
        CHECK_FALSE(after->ownBytesPending);
        ::close(client);
        ::close(server);
    }
}

}  // TEST_SUITE
