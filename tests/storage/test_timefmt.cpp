// Timestamps for exports: the hand-placed digits give exactly what localtime and printf give, in odd zones too.
#include "storage/timefmt.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <random>
#include <string>

using namespace storage;

namespace {

// The text the long way round: localtime_r for every value (no cached offset) and printf for the digits.
std::string byPrintf(TimeMs ms) {
    const std::time_t seconds = static_cast<std::time_t>(ms >= 0 ? ms / 1000 : (ms - 999) / 1000);
    std::tm tm{};
    localtime_r(&seconds, &tm);
    const long offset = tm.tm_gmtoff;
    const long minutes = (offset < 0 ? -offset : offset) / 60;
    char text[64];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03d%c%02ld:%02ld", tm.tm_year + 1900, tm.tm_mon + 1,
                  tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(((ms % 1000) + 1000) % 1000),
                  offset < 0 ? '-' : '+', minutes / 60, minutes % 60);
    return text;
}

struct Zone {
    std::string saved;
    bool had = false;
    explicit Zone(const char* zone) {
        if (const char* tz = std::getenv("TZ")) {
            saved = tz;
            had = true;
        }
        setenv("TZ", zone, 1);
        tzset();
    }
    ~Zone() {
        if (had) setenv("TZ", saved.c_str(), 1); else unsetenv("TZ");
        tzset();
    }
};

}  // namespace

TEST_SUITE("timefmt") {
    TEST_CASE("formatTimestamp writes what localtime and printf write") {
        for (const char* zone : {"UTC", "Europe/Berlin", "Europe/Istanbul", "America/St_Johns", "Asia/Kathmandu",
                                 "Pacific/Kiritimati", "America/Los_Angeles"}) {
            const Zone scope(zone);
            CAPTURE(zone);
            SUBCASE("fixed moments: the epoch, before it, DST changes (two off the whole UTC hour), leap day, far years") {
                for (const TimeMs ms : {0LL, 1LL, -1LL, -999LL, -1000LL, -1001LL, 1261069200000LL, 1269738000000LL,
                                        1269737999999LL, 1288486800000LL, 951782400123LL, -62135596800000LL,
                                        253402300799999LL, 253402300800000LL, -62198755200000LL,
                                        1268538300500LL, 504902400000LL}) {
                    CAPTURE(ms);
                    CHECK(formatTimestamp(ms) == byPrintf(ms));
                }
            }
            SUBCASE("random moments from 1900 to 2100, in and out of order") {
                std::mt19937_64 random(42);
                std::uniform_int_distribution<TimeMs> span(-2208988800000LL, 4102444800000LL);
                TimeMs previous = 1261069200000LL;
                for (int i = 0; i < 3000; ++i) {
                    // Half the steps small (an export's rows are close in time), half anywhere.
                    const TimeMs ms = i % 2 ? previous + static_cast<TimeMs>(random() % 7200000) : span(random);
                    previous = ms;
                    CAPTURE(ms);
                    REQUIRE(formatTimestamp(ms) == byPrintf(ms));
                }
            }
        }
    }
}
