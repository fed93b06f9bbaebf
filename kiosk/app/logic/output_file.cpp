// Atomic output files (see output_file.h).
#include "kiosk/app/logic/output_file.h"

#include "storage/store.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kiosk::app {

void writeOutput(const std::string& path, const std::function<void(std::ostream&)>& produce) {
    if (path.empty() || path == "-") {
        produce(std::cout);
        std::cout.flush();
        if (!std::cout) throw storage::StoreError("cannot write to standard output");
        return;
    }
    namespace fs = std::filesystem;
    const fs::path target(path);
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string temp = (folder / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
    const int fd = ::mkstemp(temp.data());
    if (fd < 0) throw storage::StoreError("cannot write into " + folder.string() + ": " + std::strerror(errno));
    ::fchmod(fd, 0644);
    ::close(fd);
    try {
        {
            std::ofstream out(temp, std::ios::binary | std::ios::trunc);
            try {
                produce(out);
            } catch (const storage::StoreError&) {
                // A writer that failed because the stream did (cairo, the workbook) says so in its own words;
                // the one line names the file instead.
                if (!out) throw storage::StoreError("cannot write " + path + " (disk full?)");
                throw;
            }
            out.flush();
            if (!out) throw storage::StoreError("cannot write " + path + " (disk full?)");
        }
        const int sync = ::open(temp.c_str(), O_RDONLY);
        if (sync < 0) throw storage::StoreError("cannot reopen " + temp + ": " + std::strerror(errno));
        const bool synced = ::fsync(sync) == 0;
        ::close(sync);
        if (!synced) throw storage::StoreError("cannot sync " + path + ": " + std::strerror(errno));
        if (::rename(temp.c_str(), path.c_str()) != 0) {
            throw storage::StoreError("cannot write " + path + ": " + std::strerror(errno));
        }
    } catch (...) {
        ::unlink(temp.c_str());
        throw;
    }
    // The rename is durable only once the folder's entry is on disk too (a USB stick pulled right after).
    if (const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY); dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
}

void writeOutput(const std::string& path, const std::string& content) {
    writeOutput(path, [&](std::ostream& out) { out << content; });
}

}  // namespace kiosk::app
