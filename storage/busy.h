// Telling a refused write under another connection's lock from other failures, for callers that retry.
#pragma once

#include <chrono>
#include <exception>

namespace storage {

/// True when `error` (thrown by a Store method) means another connection held the write lock past this
/// connection's busy timeout (SQLITE_BUSY), so the same write may work when tried again; false for a rule
/// violation, a full disk, a read-only or corrupt file.
bool isBusyError(const std::exception& error);

/// When a connection of this process last found the write lock held and waited to try again (the busy handler of
/// every Store), or the clock's epoch if none has. A writer that commits back to back uses it to see that someone
/// in this process is waiting for it (phones/backend.cpp).
std::chrono::steady_clock::time_point lastBusyWait();
/// Called by the busy handler on each of its waits.
void noteBusyWait(std::chrono::steady_clock::time_point at);

}  // namespace storage
