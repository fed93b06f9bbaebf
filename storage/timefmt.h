// Timestamps as ISO 8601 text with the local UTC offset, for exports and imports.
#pragma once

#include "storage/types.h"

#include <optional>
#include <string>

namespace storage {

/// "2009-12-17T18:03:12.345+01:00" in the machine's time zone (TZ).
std::string formatTimestamp(TimeMs ms);

/// Parses that form, "Z" for UTC, with or without milliseconds or seconds offset; nullopt if malformed.
std::optional<TimeMs> parseTimestamp(const std::string& text);

/// The local hour (0–23) of a timestamp, for statistics per hour.
int localHour(TimeMs ms);

}  // namespace storage
