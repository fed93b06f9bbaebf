// How often the kiosk process crashed on this database: a counter in the meta table, for moderators and `doctor`.
#pragma once

#include "storage/store.h"

#include <string>

namespace storage {

/// The kiosk's crashes so far (an exception escaped a frame and the process ended for its supervisor).
struct CrashRecord {
    int count = 0;
    TimeMs lastAt = 0;        ///< milliseconds since the epoch, 0 when it never crashed
    std::string lastReason;   ///< the exception's text, shortened to one printable line
};

/// Counts one crash at `at` with its reason, in one transaction. Returns the record after counting.
CrashRecord recordCrash(Store& store, TimeMs at, const std::string& reason);
/// The record as it stands (all zero on a database that never saw one).
CrashRecord crashRecord(Store& store);

}  // namespace storage
