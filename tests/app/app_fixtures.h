// Shared setup for the app-logic tests: a store with the conference event active, made as the storage tests do.
#pragma once

#include "tests/storage/fixtures.h"

#include "storage/store.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

namespace app_fixtures {

/// A store (":memory:" unless a path is given) with the conference event created and active.
struct ConferenceStore {
    fixtures::ManualClock clock;
    std::unique_ptr<storage::Store> store;
    std::string eventId;

    explicit ConferenceStore(const std::string& path = ":memory:", int budget = 3)
        : store(std::make_unique<storage::Store>(path, fixtures::options(clock))) {
        eventId = store->createEvent(fixtures::conference(budget));
        store->activateEvent(eventId);
    }

    storage::Idea add(const std::string& title, const std::string& category = "begegnung") {
        return store->submitIdea(eventId, fixtures::idea(title, category));
    }
};

/// An empty folder under the temporary directory (emptied first if an earlier run left it).
inline std::filesystem::path freshFolder(const std::string& name) {
    const auto folder = std::filesystem::temp_directory_path() / ("ideen-test-" + name);
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder);
    return folder;
}

/// The bytes of a file.
inline std::string fileText(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace app_fixtures
