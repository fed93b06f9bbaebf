// Event settings in TOML: what organisers edit before the conference (see assets/event.example.toml).
#pragma once

#include "storage/types.h"

#include <string>
#include <string_view>

namespace storage {

/// Parses event settings from TOML text. `source` names the file in error messages. Throws
/// RuleError("event_config") with "FILE:LINE: …" for syntax errors and "FILE: key: …" for bad values.
EventSettings parseEventToml(std::string_view toml, const std::string& source);

/// Reads and parses a TOML file; a missing or unreadable file is a RuleError naming it.
EventSettings loadEventToml(const std::string& path);

/// The settings as TOML text that parseEventToml reads back to the same settings.
std::string eventToToml(const EventSettings& settings);

}  // namespace storage
