// ISO 8601 timestamps with offsets, from and to milliseconds since the epoch.
#include "storage/timefmt.h"

#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <ctime>

namespace storage {

namespace {

std::tm localTm(TimeMs ms) {
    std::time_t seconds = static_cast<std::time_t>(ms >= 0 ? ms / 1000 : (ms - 999) / 1000);
    std::tm tm{};
    localtime_r(&seconds, &tm);
    return tm;
}

}  // namespace

// The zone's offset only changes on the hour at most; exports of a million rows ask localtime once an hour.
// The cache is keyed by the TZ variable too, so a process (or a test) that switches zones gets fresh offsets.
long utcOffsetSeconds(std::time_t seconds) {
    thread_local std::time_t cachedHour = -1;
    thread_local long cachedOffset = 0;
    thread_local std::string cachedZone;
    const char* zoneEnv = std::getenv("TZ");
    const std::string_view zone = zoneEnv ? zoneEnv : "";
    const std::time_t hour = seconds - ((seconds % 3600) + 3600) % 3600;
    if (hour != cachedHour || zone != cachedZone) {
        cachedZone = zone;
        std::tm tm{};
        localtime_r(&hour, &tm);
        cachedOffset = tm.tm_gmtoff;
        cachedHour = hour;
    }
    return cachedOffset;
}

std::string formatTimestamp(TimeMs ms) {
    const std::time_t seconds = static_cast<std::time_t>(ms >= 0 ? ms / 1000 : (ms - 999) / 1000);
    const long offset = utcOffsetSeconds(seconds);
    const std::time_t local = seconds + offset;
    std::tm tm{};
    gmtime_r(&local, &tm);
    const long offsetMinutes = (offset < 0 ? -offset : offset) / 60;
    const int millis = static_cast<int>(((ms % 1000) + 1000) % 1000);
    char text[64];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03d%c%02ld:%02ld", tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, millis, offset < 0 ? '-' : '+',
                  offsetMinutes / 60, offsetMinutes % 60);
    return text;
}

std::optional<TimeMs> parseTimestamp(const std::string& text) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, consumed = 0;
    if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &s, &consumed) != 6) {
        return std::nullopt;
    }
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return std::nullopt;
    std::size_t pos = static_cast<std::size_t>(consumed);
    int millis = 0;
    if (pos < text.size() && text[pos] == '.') {
        int digits = 0;
        ++pos;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
            if (digits < 3) millis = millis * 10 + (text[pos] - '0');
            ++digits;
            ++pos;
        }
        if (digits == 0) return std::nullopt;
        for (; digits < 3; ++digits) millis *= 10;
    }
    long offsetSeconds = 0;
    const std::string rest = text.substr(pos);
    if (rest == "Z") {
        offsetSeconds = 0;
    } else {
        int oh = 0, om = 0;
        char sign = 0;
        char extra = 0;
        if (std::sscanf(rest.c_str(), "%c%2d:%2d%c", &sign, &oh, &om, &extra) != 3 || (sign != '+' && sign != '-')) {
            return std::nullopt;
        }
        offsetSeconds = (sign == '-' ? -1 : 1) * (oh * 3600L + om * 60L);
    }
    std::tm utc{};
    utc.tm_year = y - 1900;
    utc.tm_mon = mo - 1;
    utc.tm_mday = d;
    utc.tm_hour = h;
    utc.tm_min = mi;
    utc.tm_sec = s;
    const std::int64_t seconds = static_cast<std::int64_t>(timegm(&utc)) - offsetSeconds;
    return seconds * 1000 + millis;
}

int localHour(TimeMs ms) { return localTm(ms).tm_hour; }

}  // namespace storage
