#include "kiosk/app/logic/run_mark.h"

#include <fstream>
#include <string>

#include <unistd.h>

namespace kiosk::app {

namespace {

std::string firstLine(const std::string& path) {
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    return line;
}

// The machine's boot, "-" where it cannot be read (the mark stays three words).
std::string bootId() {
    const std::string id = firstLine("/proc/sys/kernel/random/boot_id");
    return id.empty() ? "-" : id;
}

}  // namespace

storage::RunMark thisKiosk(storage::TimeMs startedAt) {
    storage::RunMark me;
    me.pid = static_cast<long>(getpid());
    me.bootId = bootId();
    me.startedAt = startedAt;
    return me;
}

// A pid is reused after the process ends, so a live pid alone proves nothing: it must be this program, in this
// boot. Another kiosk window on the same file (a second monitor) then counts as running, not as a crash.
bool kioskStillRunning(const storage::RunMark& mark) {
    if (mark.pid <= 0) return false;
    if (mark.bootId != bootId()) return false;
    const std::string comm = firstLine("/proc/" + std::to_string(mark.pid) + "/comm");
    return !comm.empty() && comm == firstLine("/proc/self/comm");
}

}  // namespace kiosk::app
