// This process as a running kiosk (storage::RunMark), and whether the process of a mark found in the file still
// runs: the kiosk window marks the file at its start so that its next start can count an unclean end.
#pragma once

#include "storage/service_log.h"

#include <string>

namespace kiosk::app {

/// This process: its pid, the machine's boot id and `startedAt`.
storage::RunMark thisKiosk(storage::TimeMs startedAt);

/// Whether the kiosk of `mark` still runs: the same boot, and a live process with that pid and this program's
/// name.
bool kioskStillRunning(const storage::RunMark& mark);

}  // namespace kiosk::app
