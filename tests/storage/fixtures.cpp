// Temporary files, rule errors and the moderation log for storage tests.
#include "fixtures.h"

#include "storage/schema.h"

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <unistd.h>

namespace fixtures {

void writeFileAtSchema(const std::string& path, int version) {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    std::vector<storage::Migration> steps;
    for (const auto& step : storage::migrations()) {
        if (step.version <= version) steps.push_back(step);
    }
    storage::migrate(db, path, storage::Store::kApplicationId, steps);
    db.exec("INSERT INTO events(id, title, vote_budget, moderation, active, created_at, kiosk_id) "
            "VALUES ('e1', 'Konferenz 2009', 5, 'publish', 1, 0, 'k')");
}

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
