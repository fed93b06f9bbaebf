// A read of a whole database file (an export into a file) with the file's quick check running beside it.
#pragma once

#include "storage/store.h"

#include <future>
#include <memory>
#include <string>

namespace storage {

/// Opens `path` read-only as Store does, except that its PRAGMA quick_check runs on a thread of its own, with a
/// read-only connection of its own, while the caller reads through store(). The caller must not let anything it
/// read count before verify() returned: verify() waits for the check and throws StoreError ("… is damaged
/// (quick_check: …)", the words of a refused open) when the file is not sound. Both connections read through the
/// memory map the process configured for SQLite, if any.
class LongRead {
public:
    explicit LongRead(const std::string& path);
    /// Waits for the check if nobody did (a read that failed first).
    ~LongRead();
    LongRead(const LongRead&) = delete;
    LongRead& operator=(const LongRead&) = delete;

    Store& store() { return *m_store; }
    void verify();

private:
    std::unique_ptr<Store> m_store;
    std::future<void> m_check;
};

}  // namespace storage
