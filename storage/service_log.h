// How often the kiosk process crashed on this database: a counter in the meta table, for moderators and `doctor`.
#pragma once

#include "storage/store.h"

#include <functional>
#include <optional>
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

/// A kiosk window running on this file. Written when it starts and removed when it stops cleanly, so a mark
/// found at the next start means the kiosk before ended without a clean stop (killed, out of memory, stopped by
/// its watchdog): ends an exception never sees.
struct RunMark {
    long pid = 0;
    std::string bootId;  ///< the machine's boot (a pid means nothing after a reboot)
    TimeMs startedAt = 0;
};
/// Says whether the process of a mark found in the file is still running (then nothing is counted).
using StillRunning = std::function<bool(const RunMark&)>;

/// At a kiosk's start, in one transaction: counts the last kiosk's unclean end when its mark is still there and
/// it is not running any more, then leaves this kiosk's mark. Returns the record when it counted one.
std::optional<CrashRecord> markKioskRunning(Store& store, const RunMark& me, const StillRunning& stillRunning);
/// At a clean stop (or after a counted crash): removes the mark if it is this process's.
void markKioskStopped(Store& store, const RunMark& me);

}  // namespace storage
