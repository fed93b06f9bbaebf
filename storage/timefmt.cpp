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

// Exports of a million rows ask localtime once an hour of their data: the offset at the hour's start and at its
// end, and while those agree every second of the hour has it. In the hour of a change (which need not fall on
// a whole UTC hour: Newfoundland, Nepal, Lord Howe) each time asks for its own. The cache is keyed by the TZ
// variable too, so a process (or a test) that switches zones gets fresh offsets.
long utcOffsetSeconds(std::time_t seconds) {
    thread_local std::time_t cachedHour = -1;
    thread_local long cachedOffset = 0;
    thread_local bool cachedSteady = false;
    thread_local std::string cachedZone;
    const char* zoneEnv = std::getenv("TZ");
    const std::string_view zone = zoneEnv ? zoneEnv : "";
    const std::time_t hour = seconds - ((seconds % 3600) + 3600) % 3600;
    auto offsetAt = [](std::time_t at) {
        std::tm tm{};
        localtime_r(&at, &tm);
        return tm.tm_gmtoff;
    };
    if (hour != cachedHour || zone != cachedZone) {
        cachedZone = zone;
        cachedOffset = offsetAt(hour);
        cachedSteady = offsetAt(hour + 3599) == cachedOffset;
        cachedHour = hour;
    }
    return cachedSteady ? cachedOffset : offsetAt(seconds);
}

namespace {

// Writes `value` as exactly `digits` decimal digits (value < 10^digits) and returns the position after them.
char* putDigits(char* at, long value, int digits) {
    for (int i = digits - 1; i >= 0; --i) {
        at[i] = static_cast<char>('0' + value % 10);
        value /= 10;
    }
    return at + digits;
}

}  // namespace

// An export formats one timestamp per row, a million times: the digits are put in place by hand rather than by
// snprintf (several times faster, the same text; years outside 0–9999, which snprintf writes differently, still
// go through it).
std::string formatTimestamp(TimeMs ms) {
    const std::time_t seconds = static_cast<std::time_t>(ms >= 0 ? ms / 1000 : (ms - 999) / 1000);
    const long offset = utcOffsetSeconds(seconds);
    const std::time_t local = seconds + offset;
    std::tm tm{};
    gmtime_r(&local, &tm);
    const long offsetMinutes = (offset < 0 ? -offset : offset) / 60;
    const int millis = static_cast<int>(((ms % 1000) + 1000) % 1000);
    const long year = static_cast<long>(tm.tm_year) + 1900;
    char text[64];
    if (year < 0 || year > 9999 || offsetMinutes / 60 > 99) {
        std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03d%c%02ld:%02ld", tm.tm_year + 1900,
                      tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, millis, offset < 0 ? '-' : '+',
                      offsetMinutes / 60, offsetMinutes % 60);
        return text;
    }
    char* at = putDigits(text, year, 4);
    *at++ = '-';
    at = putDigits(at, tm.tm_mon + 1, 2);
    *at++ = '-';
    at = putDigits(at, tm.tm_mday, 2);
    *at++ = 'T';
    at = putDigits(at, tm.tm_hour, 2);
    *at++ = ':';
    at = putDigits(at, tm.tm_min, 2);
    *at++ = ':';
    at = putDigits(at, tm.tm_sec, 2);
    *at++ = '.';
    at = putDigits(at, millis, 3);
    *at++ = offset < 0 ? '-' : '+';
    at = putDigits(at, offsetMinutes / 60, 2);
    *at++ = ':';
    at = putDigits(at, offsetMinutes % 60, 2);
    return std::string(text, at);
}

std::optional<TimeMs> parseTimestamp(const std::string& text) {
    // A small cursor parser rather than sscanf, whose %d also takes signs and leading spaces ("T-1:00").
    std::size_t pos = 0;
    auto number = [&](std::size_t minDigits, std::size_t maxDigits, int& out) {
        std::size_t digits = 0;
        out = 0;
        while (digits < maxDigits && pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
            out = out * 10 + (text[pos++] - '0');
            ++digits;
        }
        return digits >= minDigits;
    };
    auto literal = [&](char c) {
        if (pos >= text.size() || text[pos] != c) return false;
        ++pos;
        return true;
    };
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    if (!(number(4, 4, y) && literal('-') && number(1, 2, mo) && literal('-') && number(1, 2, d) && literal('T') &&
          number(1, 2, h) && literal(':') && number(1, 2, mi) && literal(':') && number(1, 2, s))) {
        return std::nullopt;
    }
    static const int kDaysInMonth[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (mo < 1 || mo > 12) return std::nullopt;
    if (d < 1 || d > kDaysInMonth[mo - 1] + (mo == 2 && leap ? 1 : 0) || h > 23 || mi > 59 || s > 60) return std::nullopt;
    int millis = 0;
    if (literal('.')) {
        int digits = 0;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
            if (digits < 3) millis = millis * 10 + (text[pos] - '0');
            ++digits;
            ++pos;
        }
        if (digits == 0) return std::nullopt;
        for (; digits < 3; ++digits) millis *= 10;
    }
    long offsetSeconds = 0;
    if (!literal('Z')) {
        const bool negative = pos < text.size() && text[pos] == '-';
        int oh = 0, om = 0;
        if (!(literal('+') || literal('-')) || !number(2, 2, oh) || !literal(':') || !number(2, 2, om)) return std::nullopt;
        if (oh > 14 || om > 59) return std::nullopt;  // real offsets run from -12:00 to +14:00
        offsetSeconds = (negative ? -1 : 1) * (oh * 3600L + om * 60L);
    }
    if (pos != text.size()) return std::nullopt;
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
