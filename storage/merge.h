// Merging the databases of several kiosks of one event into one, by id.
#pragma once

#include "storage/store.h"

#include <string>
#include <utility>
#include <vector>

namespace storage {

struct MergeCount {
    int added = 0;
    int present = 0;  ///< already in the output (same id)
};

struct MergeReport {
    MergeCount events, sessions, ideas, votes, moderation;
    /// Ideas whose human number was taken in the output: (number in the input, number now).
    std::vector<std::pair<int, int>> renumbered;
    std::string summary() const;  ///< one readable line per kind
};

/// Adds every row of `inPath` that `out` does not have yet (union by id), in one transaction: either all of
/// it is merged or nothing. Idempotent (a second merge adds nothing) and independent of the order in which
/// kiosk files are merged, except that a human number two kiosks both gave away is kept by the idea merged
/// first and the other gets the next free number (listed in the report).
MergeReport mergeDatabase(Store& out, const std::string& inPath);

}  // namespace storage
