// Temporary files, rule errors and the moderation log for storage tests.
#include "fixtures.h"

#include <filesystem>
#include <unistd.h>

namespace fixtures {

TempFile::TempFile(const std::string& name) {
    const auto folder = std::filesystem::temp_directory_path() / ("ideen-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder);
    path = (folder / name).string();
    std::filesystem::remove(path);
}

TempFile::~TempFile() {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(path + suffix, ignored);
}

std::string codeOf(const std::function<void()>& action, std::string* message) {
    try {
        action();
    } catch (const storage::RuleError& e) {
        if (message) *message = e.what();
        return e.code();
    }
    return "no error";
}

std::string messageOf(const std::function<void()>& action) {
    std::string message = "no error";
    codeOf(action, &message);
    return message;
}

std::string lastLogged(storage::Store& store, const std::string& eventId) {
    const auto log = store.moderationLog(eventId);
    if (log.empty()) return "nothing logged";
    const auto& e = log.back();
    return e.action + " by " + e.actor + ": " + e.before + " -> " + e.after;
}

}  // namespace fixtures
