// libFuzzer target: bytes as a CSV file for the idea importer (either dialect is detected from the file).
// On failure nothing may have been added; on success every stored idea passes validation and survives an
// export and re-import in both dialects.
#include "fuzz_check.h"
#include "idea_fields.h"

#include "storage/csv.h"
#include "storage/export.h"
#include "storage/import.h"
#include "storage/text.h"
#include "storage/types.h"

#include <SQLiteCpp/Database.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <set>
#include <sstream>
#include <string>

namespace {

using namespace storage;

EventSettings conference() {
    EventSettings s;
    s.title = "Integrationskonferenz";
    Category begegnung;
    begegnung.key = "begegnung";
    begegnung.names = {{"de", "Begegnung"}, {"tr", "Tanışma"}, {"en", "Meeting"}};
    Category sprache;
    sprache.key = "sprache";
    sprache.names = {{"de", "Sprache"}, {"tr", "Dil"}, {"en", "Language"}};
    s.categories = {begegnung, sprache};
    return s;
}

StoreOptions fixedOptions(const std::string& kiosk) {
    StoreOptions o;
    o.clock = [] { return TimeMs{1261069200000}; };
    auto state = std::make_shared<std::uint64_t>(7);
    o.random = [state] { return *state = *state * 6364136223846793005ULL + 1442695040888963407ULL; };
    o.kioskId = kiosk;
    return o;
}

// One store and event for the whole run; each input's ideas are deleted afterwards, so every input starts
// from the same empty event (much faster than a new database per input).
struct Fixture {
    Store store{":memory:", fixedOptions("kiosk-a")};
    std::string event = store.createEvent(conference());
    Store copy{":memory:", fixedOptions("kiosk-b")};
    std::string copyEvent = copy.createEvent(conference());
};

int count(Store& store, const char* table) {
    return store.db().execAndGet(std::string("SELECT count(*) FROM ") + table).getInt();
}

void reset(Store& store) {
    store.db().exec("DELETE FROM ideas; DELETE FROM moderation_log WHERE action = 'import'");
}

std::vector<Idea> allIdeas(Store& store, const std::string& event) {
    IdeaQuery all;
    all.statuses = {IdeaStatus::Pending, IdeaStatus::Published, IdeaStatus::Hidden, IdeaStatus::Merged};
    return store.ideas(event, all);
}

void checkStored(const std::vector<Idea>& ideas) {
    std::set<int> numbers;
    std::set<std::string> ids;
    for (const auto& idea : ideas) {
        FUZZ_CHECK(fuzz::isCleanText(idea.title, TextField::Title));
        FUZZ_CHECK(fuzz::isCleanText(idea.description, TextField::Description));
        FUZZ_CHECK(fuzz::isCleanText(idea.author, TextField::Author));
        try {
            checkLength(idea.title, TextField::Title);
            checkLength(idea.description, TextField::Description);
            checkLength(idea.author, TextField::Author);
        } catch (const RuleError&) {
            FUZZ_FAIL("a stored idea breaks a length rule");
        }
        FUZZ_CHECK(idea.category == "begegnung" || idea.category == "sprache" || idea.category.empty());
        FUZZ_CHECK(isKnownLanguage(idea.language));
        FUZZ_CHECK(idea.status != IdeaStatus::Merged);
        FUZZ_CHECK(idea.number > 0);
        FUZZ_CHECK(numbers.insert(idea.number).second);
        FUZZ_CHECK(!idea.id.empty() && idea.id.size() <= 64 && printableLine(idea.id) == idea.id);
        FUZZ_CHECK(ids.insert(idea.id).second);
        FUZZ_CHECK(idea.createdAt > 0);
    }
}

void roundTrip(Fixture& f, const std::vector<Idea>& stored, CsvDialect dialect) {
    std::ostringstream csv;
    ExportOptions options;
    options.dialect = dialect;
    exportTable(f.store, f.event, "ideas", options, csv);
    const ImportReport report = importIdeasCsv(f.copy, f.copyEvent, csv.str(), "import");
    FUZZ_CHECK(report.added == static_cast<int>(stored.size()));
    const auto copied = allIdeas(f.copy, f.copyEvent);
    FUZZ_CHECK(copied.size() == stored.size());
    for (std::size_t i = 0; i < stored.size(); ++i) FUZZ_CHECK(fixtures::exportedFields(copied[i]) == fixtures::exportedFields(stored[i]));
    // An export carries the ids, so importing it a second time adds nothing. (A file without an id column,
    // such as typed-up paper cards, would be added again: each row gets a new id.)
    const ImportReport again = importIdeasCsv(f.copy, f.copyEvent, csv.str(), "import");
    FUZZ_CHECK(again.added == 0 && again.skipped == static_cast<int>(stored.size()));
    reset(f.copy);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static Fixture f;
    const std::string_view csv(reinterpret_cast<const char*>(data), size);
    const int ideasBefore = count(f.store, "ideas");
    const int logBefore = count(f.store, "moderation_log");
    FUZZ_CHECK(ideasBefore == 0);
    try {
        const ImportReport report = importIdeasCsv(f.store, f.event, csv, "import");
        const auto stored = allIdeas(f.store, f.event);
        FUZZ_CHECK(static_cast<int>(stored.size()) == report.added);
        FUZZ_CHECK(count(f.store, "moderation_log") == logBefore + (report.added > 0 ? 1 : 0));
        checkStored(stored);
        if (!stored.empty()) {
            roundTrip(f, stored, CsvDialect::ExcelDe);
            roundTrip(f, stored, CsvDialect::Rfc4180);
        }
    } catch (const RuleError& e) {
        FUZZ_CHECK(fuzz::isClearMessage(e.what()));
        FUZZ_CHECK(count(f.store, "ideas") == ideasBefore);
        FUZZ_CHECK(count(f.store, "moderation_log") == logBefore);
    }
    reset(f.store);
    return 0;
}
