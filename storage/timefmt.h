// Timestamps as ISO 8601 text with the local UTC offset, for exports and imports.
#pragma once

#include "storage/types.h"

#include <optional>
#include <string>

namespace storage {

/// "2009-12-17T18:03:12.345+01:00" in the machine's time zone (TZ).
std::string formatTimestamp(TimeMs ms);

/// Parses that form, also with "Z" for UTC and without milliseconds; nullopt if it is malformed or not a real
/// date and time (February 30th, hour 24, offset +99:00).
std::optional<TimeMs> parseTimestamp(const std::string& text);

/// The local hour (0–23) of a timestamp, for statistics per hour.
int localHour(TimeMs ms);

}  // namespace storage
