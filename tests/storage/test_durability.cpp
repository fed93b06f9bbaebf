// Durability: a child process writing votes and ideas is SIGKILLed at random moments; every write it
// reported as committed must be in the database afterwards, and the file must pass quick_check.
#include "fixtures.h"

#include <doctest/doctest.h>

#include <chrono>
#include <random>
#include <set>
#include <thread>

#include <csignal>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace storage;

namespace {

// The child: commits as fast as it can and reports each id on the pipe only after the call returned.
[[noreturn]] void writeUntilKilled(const std::string& path, const std::string& event, int pipeFd, int round) {
    try {
        Store store(path);
        const auto ideas = store.ideas(event);
        for (int i = 0;; ++i) {
            std::string id;
            if (i % 4 == 0 || ideas.empty()) {
                id = store.submitIdea(event, fixtures::idea("Runde " + std::to_string(round) + " Idee " + std::to_string(i))).id;
            } else {
                const auto session = store.startSession(event, "de");
                id = store.castVote(session, ideas[static_cast<std::size_t>(i) % ideas.size()].id);
            }
            id += '\n';
            if (::write(pipeFd, id.data(), id.size()) != static_cast<ssize_t>(id.size())) _exit(3);
        }
    } catch (...) {
        _exit(2);
    }
}

// Waits (up to 20 s, for slow sanitizer builds on a busy machine) until the child has reported its first commit,
// so that every round kills a writer in full flight rather than one still opening the file.
std::string awaitFirstReport(int fd) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 20000) <= 0) return {};
    char buffer[4096];
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    return n > 0 ? std::string(buffer, static_cast<std::size_t>(n)) : std::string();
}

std::vector<std::string> readLines(int fd, std::string all) {
    char buffer[4096];
    ssize_t n = 0;
    while ((n = ::read(fd, buffer, sizeof buffer)) > 0) all.append(buffer, static_cast<std::size_t>(n));
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (std::size_t end; (end = all.find('\n', start)) != std::string::npos; start = end + 1) {
        lines.push_back(all.substr(start, end - start));
    }
    return lines;  // a partial last line (killed mid-write) is not a report
}

bool present(Store& store, const std::string& id) {
    SQLite::Statement q(store.db(), "SELECT (SELECT count(*) FROM ideas WHERE id = ?1) + (SELECT count(*) FROM votes WHERE id = ?1)");
    q.bind(1, id);
    q.executeStep();
    return q.getColumn(0).getInt() == 1;
}

}  // namespace

TEST_SUITE("durability") {
    TEST_CASE("every commit a killed writer reported is on disk") {
        fixtures::TempFile file("durability.db");
        std::string event;
        {
            Store store(file.path);
            event = store.createEvent(fixtures::conference(50));
            store.submitIdea(event, fixtures::idea("Erste Idee"));
        }
        std::mt19937 rng(20091217);
        std::uniform_int_distribution<int> delayMs(5, 120);
        std::size_t reported = 0;
        for (int round = 0; round < 30; ++round) {
            int fds[2];
            REQUIRE(::pipe(fds) == 0);
            const pid_t child = ::fork();
            REQUIRE(child >= 0);
            if (child == 0) {
                ::close(fds[0]);
                writeUntilKilled(file.path, event, fds[1], round);
            }
            ::close(fds[1]);
            const std::string first = awaitFirstReport(fds[0]);
            REQUIRE_MESSAGE(!first.empty(), "the writer reported nothing within 20 s in round " << round);
            std::this_thread::sleep_for(std::chrono::milliseconds(delayMs(rng)));
            ::kill(child, SIGKILL);
            int status = 0;
            ::waitpid(child, &status, 0);
            const auto ids = readLines(fds[0], first);
            ::close(fds[0]);
            CHECK(WIFSIGNALED(status));  // it was still writing when killed, not failed on its own
            Store store(file.path);      // opening runs recovery and quick_check
            for (const auto& id : ids) CHECK_MESSAGE(present(store, id), "lost commit " << id << " in round " << round);
            reported += ids.size();
        }
        Store store(file.path);
        CHECK(store.check().ok);
        CHECK(reported > 30);  // the child really committed between kills
        MESSAGE(reported << " commits reported and found across 30 kills");
    }
}
