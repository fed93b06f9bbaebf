// A whole-file read with the quick check beside it (see long_read.h).
#include "storage/long_read.h"

#include "storage/schema.h"

#include <SQLiteCpp/Database.h>

#include <sqlite3.h>

namespace storage {

namespace {

// quick_check reads every page of the file: on a second core it costs the export no time; on the caller's thread
// it would add what the export itself takes to read the file once more.
void checkAside(const std::string& path) {
    try {
        SQLite::Database db(path.rfind("file:", 0) == 0 ? "./" + path : path, SQLite::OPEN_READONLY);
        db.setBusyTimeout(5000);
        quickCheck(db, path);
    } catch (const SQLite::Exception& e) {
        if (e.getErrorCode() == SQLITE_CORRUPT) throw StoreError(path + " is damaged (" + e.what() + ")");
        throw StoreError("cannot check " + path + ": " + e.what());
    }
}

}  // namespace

LongRead::LongRead(const std::string& path) {
    StoreOptions options;
    options.readOnly = true;
    options.quickCheck = false;  // checked beside the read instead
    m_store = std::make_unique<Store>(path, options);
    m_check = std::async(std::launch::async, checkAside, path);
}

LongRead::~LongRead() {
    if (m_check.valid()) m_check.wait();
}

void LongRead::verify() {
    if (m_check.valid()) m_check.get();
}

}  // namespace storage
