// libFuzzer target: bytes as an event TOML file for the loader. On success the settings are clean, the store
// accepts them, and writing them as TOML and reading that back gives the same settings.
#include "fuzz_check.h"

#include "storage/event_config.h"
#include "storage/store.h"
#include "storage/text.h"
#include "storage/types.h"

#include <SQLiteCpp/Database.h>

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>

namespace {

using namespace storage;

bool same(const EventSettings& a, const EventSettings& b) {
    if (a.title != b.title || a.venue != b.venue || a.startsOn != b.startsOn || a.endsOn != b.endsOn ||
        a.voteBudget != b.voteBudget || a.showCounts != b.showCounts || a.moderation != b.moderation ||
        a.submissionOpen != b.submissionOpen || a.votingOpen != b.votingOpen ||
        a.countsAfterReveal != b.countsAfterReveal || a.languages != b.languages ||
        a.categories.size() != b.categories.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.categories.size(); ++i) {
        const auto& x = a.categories[i];
        const auto& y = b.categories[i];
        if (x.key != y.key || x.color != y.color || x.names != y.names) return false;
    }
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static Store store(":memory:");
    const std::string_view toml(reinterpret_cast<const char*>(data), size);
    EventSettings settings;
    try {
        settings = parseEventToml(toml, "event.toml");
    } catch (const RuleError& e) {
        FUZZ_CHECK(e.code() == "event_config");
        FUZZ_CHECK(fuzz::isClearMessage(e.what()));
        return 0;
    }
    FUZZ_CHECK(fuzz::isCleanText(settings.title, TextField::Title));
    FUZZ_CHECK(hasVisibleText(settings.title));
    FUZZ_CHECK(fuzz::isCleanText(settings.venue, TextField::Other));
    FUZZ_CHECK(fuzz::isCleanText(settings.startsOn, TextField::Other));
    FUZZ_CHECK(fuzz::isCleanText(settings.endsOn, TextField::Other));
    FUZZ_CHECK(settings.voteBudget >= 1 && settings.voteBudget <= 50);
    FUZZ_CHECK(settings.languages.empty() || languageListProblem(settings.languages).empty());
    std::set<std::string> keys;
    for (const auto& c : settings.categories) {
        FUZZ_CHECK(!c.key.empty() && fuzz::isCleanText(c.key, TextField::Other));
        FUZZ_CHECK(keys.insert(c.key).second);
        FUZZ_CHECK(c.color.size() == 7 && c.color[0] == '#');
        FUZZ_CHECK(c.names.count("de") == 1);
        for (const auto& [lang, name] : c.names) FUZZ_CHECK(fuzz::isCleanText(name, TextField::Title));
    }

    // What the loader accepts, the store accepts (so `event load` never fails after parsing).
    std::string id;
    try {
        id = store.createEvent(settings);
    } catch (const RuleError& e) {
        std::fprintf(stderr, "the store refused loaded settings: %s\n", e.what());
        FUZZ_FAIL("the store accepts what the loader accepts");
    }
    FUZZ_CHECK(same(store.event(id)->settings, settings));
    store.db().exec("DELETE FROM moderation_log; DELETE FROM events");

    const EventSettings again = parseEventToml(eventToToml(settings), "again.toml");
    FUZZ_CHECK(same(again, settings));
    return 0;
}
