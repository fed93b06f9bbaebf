// Files the app writes for people and tools (exports, automation files, frame times): whole or not at all.
#pragma once

#include <functional>
#include <ostream>
#include <string>

namespace kiosk::app {

/// Writes `content` to `path` atomically (temporary file, fsync, rename, fsync of the folder) or to
/// standard output when `path` is empty or "-". Throws storage::StoreError with a clear message.
void writeOutput(const std::string& path, const std::string& content);
/// The same, for output produced as a stream (large exports never sit in memory as one string).
void writeOutput(const std::string& path, const std::function<void(std::ostream&)>& produce);

}  // namespace kiosk::app
