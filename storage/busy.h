// Telling a refused write under another connection's lock from other failures, for callers that retry.
#pragma once

#include <exception>

namespace storage {

/// True when `error` (thrown by a Store method) means another connection held the write lock past this
/// connection's busy timeout (SQLITE_BUSY), so the same write may work when tried again; false for a rule
/// violation, a full disk, a read-only or corrupt file.
bool isBusyError(const std::exception& error);

}  // namespace storage
