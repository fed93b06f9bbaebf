// Micro-benchmarks for scripts/bench.sh: durable vote commits, similar() queries, and (given a running
// projector) the time from a committed vote to the projector's next frame.
// Prints one line per figure; it asserts nothing (figures, not tests).
#include "storage/phone_reads.h"
#include "storage/store.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <functional>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>
#include <random>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(index, values.size() - 1)];
}

storage::EventSettings benchEvent(int budget) {
    storage::EventSettings settings;
    settings.title = "Benchmark";
    settings.voteBudget = budget;
    return settings;
}

// [SECTION] Durable vote commits: one castVote = one BEGIN IMMEDIATE … COMMIT with synchronous=FULL.
void benchVoteCommits(const std::string& folder, int votes) {
    const std::string path = folder + "/votes.db";
    std::filesystem::remove(path);
    storage::Store store(path);
    const std::string eventId = store.createEvent(benchEvent(50));
    std::vector<std::string> ideaIds;
    for (int i = 0; i < 50; ++i) {
        storage::NewIdea idea;
        idea.title = "Idee Nummer " + std::to_string(i + 1);
        ideaIds.push_back(store.submitIdea(eventId, idea).id);
    }
    std::vector<double> ms;
    std::string session;
    for (int i = 0; i < votes; ++i) {
        if (i % 50 == 0) session = store.startSession(eventId, "de");
        const auto start = Clock::now();
        store.castVote(session, ideaIds[static_cast<std::size_t>(i % 50)]);
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::printf("vote commit latency (durable, %d votes): p50 %.2f ms, p99 %.2f ms\n", votes,
                percentile(ms, 0.50), percentile(ms, 0.99));
}

// [SECTION] similar() on every keystroke: growing prefixes of real-looking titles against 5,000 ideas.
void benchSimilar(int ideas) {
    storage::Store store(":memory:");
    const std::string eventId = store.createEvent(benchEvent(5));
    const std::vector<std::string> words = {"Sprachcafé", "Stadtrundfahrten", "Migranten", "Nachbarschaft",
        "Begegnung", "Glashaus", "Herten", "Mentoring", "Ausbildung", "Sportverein", "Moschee", "Kirche",
        "mahalle", "şenliği", "kadınlar", "gençler", "kurs", "welcome", "newcomers", "library", "Fest",
        "Westerholt", "Disteln", "Scherlebeck", "Kochabend", "Elterncafé", "Hausaufgabenhilfe", "Theater"};
    std::mt19937 rng(42);
    std::uniform_int_distribution<std::size_t> pick(0, words.size() - 1);
    std::vector<std::string> titles;
    store.transaction([&] {
        for (int i = 0; i < ideas; ++i) {
            std::string title;
            for (int w = 0; w < 6; ++w) title += (w ? " " : "") + words[pick(rng)];
            storage::NewIdea idea;
            idea.title = title + " " + std::to_string(i);
            store.submitIdea(eventId, idea);
            titles.push_back(idea.title);
        }
    });
    store.similar(eventId, "warm up the index", 5);
    std::vector<double> ms;
    for (int q = 0; q < 100; ++q) {
        const std::string& title = titles[static_cast<std::size_t>(q * 37 % ideas)];
        for (std::size_t len = 3; len <= title.size(); len += 3) {
            const auto start = Clock::now();
            auto found = store.similar(eventId, title.substr(0, len), 3);
            ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
            if (found.size() > 3) std::printf("unexpected\n");
        }
    }
    std::printf("similar() per keystroke (%d ideas, %zu queries): p50 %.3f ms, p99 %.3f ms\n", ideas,
                ms.size(), percentile(ms, 0.50), percentile(ms, 0.99));
}

// [SECTION] Projector latency: commit a vote here, then watch the projector's automation file, which it
// rewrites right after presenting the first frame that shows the new total.
int shownVotes(const std::string& automationFile) {
    std::ifstream in(automationFile);
    const auto json = nlohmann::json::parse(in, nullptr, false);
    if (json.is_discarded() || !json.contains("totals")) return -1;
    return json["totals"].value("votes", -1);
}

void benchProjector(const std::string& dbPath, const std::string& automationFile, int votes) {
    storage::Store store(dbPath);
    const auto event = store.requireActiveEvent();
    const auto ideas = store.ideas(event.id);
    std::vector<double> ms;
    std::string session;
    for (int i = 0; i < votes && !ideas.empty(); ++i) {
        if (i % event.settings.voteBudget == 0) session = store.startSession(event.id, "de");
        const int before = shownVotes(automationFile);
        // Ideas in turn, so a session never votes twice for one idea.
        store.castVote(session, ideas[static_cast<std::size_t>(i) % ideas.size()].id);
        const auto committed = Clock::now();
        int seen = -1;
        while (Clock::now() - committed < std::chrono::seconds(5)) {
            seen = shownVotes(automationFile);
            if (seen != before && seen >= 0) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - committed).count());
        std::this_thread::sleep_for(std::chrono::milliseconds(137));  // not in step with the projector's poll
    }
    std::printf("projector update latency (commit to presented frame, %d votes, 1920x1080 llvmpipe): p50 %.0f ms, p99 %.0f ms\n",
                votes, percentile(ms, 0.50), percentile(ms, 0.99));
}


// [SECTION] The phone server's work per vote, without HTTP: what scripts/bench_phones.sh's 100 phones cost the
// server's threads. Each phone alternates a vote and its take-back on one idea (as the wrk script does); a batch of
// one write per phone is committed together, as the group writer does; then each phone's two reads of its next
// request (its session by token, the idea's id by number) run on a read connection that saw the commit.
double threadCpuMs() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

void benchPhoneRequests(const std::string& folder, int phones, int rounds) {
    const std::string path = folder + "/phones.db";
    std::filesystem::remove(path);
    storage::Store writer(path);
    const std::string eventId = writer.createEvent(benchEvent(5));
    writer.activateEvent(eventId);
    for (int i = 0; i < 20; ++i) {
        storage::NewIdea idea;
        idea.title = "Idee Nummer " + std::to_string(i + 1);
        writer.submitIdea(eventId, idea);
    }
    std::vector<std::string> sessions, hashes;
    for (int p = 0; p < phones; ++p) {
        hashes.push_back("hash-" + std::to_string(p));
        sessions.push_back(writer.startPhoneSession(eventId, "de", hashes.back()));
    }
    storage::StoreOptions readOnly;
    readOnly.readOnly = true;
    storage::Store reader(path, readOnly);
    double writeMs = 0, readMs = 0;
    for (int round = 0; round < rounds; ++round) {
        std::vector<std::string> ideaIds;
        double began = threadCpuMs();
        for (int p = 0; p < phones; ++p) {
            const auto session = storage::activePhoneSession(reader, hashes[static_cast<std::size_t>(p)]);
            ideaIds.push_back(*storage::ideaIdByNumber(reader, session->eventId, p % 20 + 1));
        }
        readMs += threadCpuMs() - began;
        std::vector<std::function<void()>> bodies;
        for (int p = 0; p < phones; ++p) {
            bodies.emplace_back([&, p] {
                const auto& session = sessions[static_cast<std::size_t>(p)];
                if (round % 2 == 0) {
                    writer.castVote(session, ideaIds[static_cast<std::size_t>(p)]);
                } else {
                    writer.retractVote(session, ideaIds[static_cast<std::size_t>(p)]);
                }
                writer.votesLeft(session);
            });
        }
        began = threadCpuMs();
        for (const auto& error : writer.transactionBatch(bodies)) {
            if (error) std::rethrow_exception(error);
        }
        writeMs += threadCpuMs() - began;
    }
    const double requests = static_cast<double>(phones) * rounds;
    std::printf("phone requests without HTTP (%d phones, %d rounds): CPU per vote: group writer %.0f us, the two reads %.0f us\n",
                phones, rounds, 1000.0 * writeMs / requests, 1000.0 * readMs / requests);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 5 && std::string(argv[1]) == "projector") {
        benchProjector(argv[2], argv[3], std::stoi(argv[4]));
        return 0;
    }
    if (argc == 3 && std::string(argv[1]) == "phones") {
        benchPhoneRequests(argv[2], 100, 100);
        return 0;
    }
    const std::string folder = argc > 1 ? argv[1] : std::filesystem::temp_directory_path().string();
    benchVoteCommits(folder, 500);
    benchSimilar(5000);
    benchPhoneRequests(folder, 100, 100);
    return 0;
}
