// The sync worker's pauses between tries: a lost link soon again, a refusal (a wrong password too) backing off.
#include "sync/retry_policy.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using pgsync::RetryPolicy;
using pgsync::SyncFailure;

TEST_SUITE("sync.retry") {

TEST_CASE("sync retry: a lost link is tried again within a second, counted from the start of the failed try") {
    RetryPolicy retry;
    CHECK(retry.pauseAfter(SyncFailure::LinkLost, 0.25) == doctest::Approx(0.75));
    CHECK(retry.pauseAfter(SyncFailure::LinkLost, 0.0) == doctest::Approx(1.0));
    // A try that waited out connect_timeout (2 s) is followed by the next at once.
    CHECK(retry.pauseAfter(SyncFailure::LinkLost, 2.0) == doctest::Approx(0.0));
}

TEST_CASE("sync retry: a refused login backs off like any refusal, 1, 2, 4 up to 30 s, and a good round starts again") {
    for (const SyncFailure failure : {SyncFailure::LoginRefused, SyncFailure::Refused}) {
        CAPTURE(pgsync::describe(failure));
        RetryPolicy retry;
        std::vector<double> pauses;
        for (int i = 0; i < 7; ++i) pauses.push_back(retry.pauseAfter(failure, 0.01));
        CHECK(pauses == std::vector<double>{1, 2, 4, 8, 16, 30, 30});
        // A good round starts again at 1 s; so does a lost link in between (the server went away meanwhile).
        retry.succeeded();
        CHECK(retry.pauseAfter(failure, 0.01) == doctest::Approx(1.0));
        CHECK(retry.pauseAfter(failure, 0.01) == doctest::Approx(2.0));
        CHECK(retry.pauseAfter(SyncFailure::LinkLost, 0.5) == doctest::Approx(0.5));
        CHECK(retry.pauseAfter(failure, 0.01) == doctest::Approx(1.0));
    }
}

TEST_CASE("sync retry: the log says why a login is not tried again soon") {
    CHECK(std::string(pgsync::describe(SyncFailure::LoginRefused)).find("login") != std::string::npos);
    CHECK(std::string(pgsync::describe(SyncFailure::LinkLost)) != pgsync::describe(SyncFailure::LoginRefused));
}

}  // TEST_SUITE
