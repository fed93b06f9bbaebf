// The languages an event offers: read from its TOML, checked, stored with its settings (schema 6), and carried
// by exports, merges, backups and the venue sync.
#include "fixtures.h"
#include "storage/backup.h"
#include "storage/event_config.h"
#include "storage/export.h"
#include "storage/merge.h"
#include "storage/replica.h"
#include "storage/schema.h"

#include <SQLiteCpp/Database.h>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <sstream>

using namespace storage;

namespace {

const std::vector<std::string> kTurkishFirst = {"tr", "de", "de-einfach", "ar"};

std::string tomlError(const std::string& languages) {
    return fixtures::messageOf([&] { parseEventToml("title = \"A\"\nlanguages = " + languages + "\n", "event.toml"); });
}

EventSettings turkishFirst() {
    EventSettings s = fixtures::conference();
    s.languages = kTurkishFirst;
    return s;
}

}  // namespace

TEST_SUITE("storage.event_languages") {
    TEST_CASE("the event's TOML names its languages in order, and one clear line names a bad list") {
        const auto s = parseEventToml("title = \"A\"\nlanguages = [\"tr\", \"de\", \"de-einfach\", \"ar\"]\n", "event.toml");
        CHECK(s.languages == kTurkishFirst);
        CHECK(eventLanguages(s) == kTurkishFirst);
        CHECK(parseEventToml(eventToToml(s), "again.toml").languages == kTurkishFirst);
        SUBCASE("without the key an event offers every language, German first") {
            const auto all = parseEventToml("title = \"A\"\n", "event.toml");
            CHECK(all.languages.empty());
            CHECK(eventLanguages(all) == offerableLanguages());
            CHECK(eventLanguages(all).front() == "de");
            CHECK(eventToToml(all).find("languages") == std::string::npos);
        }
        SUBCASE("the example event offers them all, German first") {
            const auto example = loadEventToml(std::string(IDEEN_SOURCE_DIR) + "/assets/event.example.toml");
            CHECK(example.languages == offerableLanguages());
        }
        CHECK(tomlError("[\"de\", \"xx\"]").rfind("event.toml: 'languages': 'xx' is not one of de, de-einfach, tr", 0) == 0);
        CHECK(tomlError("[\"de\", \"tr\", \"de\"]") == "event.toml: 'languages': 'de' is listed twice");
        CHECK(tomlError("[]").rfind("event.toml: 'languages': the list is empty; name at least one of de", 0) == 0);
        CHECK(tomlError("\"de\"") == "event.toml: 'languages' must be a list of language codes, e.g. [\"de\", \"tr\"]");
        CHECK(tomlError("[\"de\", 1]") == "event.toml: 'languages' must be a list of language codes, e.g. [\"de\", \"tr\"]");
    }

    TEST_CASE("the store keeps the list with the event's settings, checks it and logs its change") {
        fixtures::EventStore f;
        CHECK(f.store.event(f.event)->settings.languages.empty());
        f.store.updateEventSettings(f.event, turkishFirst(), "cli");
        CHECK(f.store.event(f.event)->settings.languages == kTurkishFirst);
        CHECK(fixtures::lastLogged(f.store, f.event).find(R"("languages":["tr","de","de-einfach","ar"])") != std::string::npos);
        EventSettings twice = turkishFirst();
        twice.languages.push_back("tr");
        CHECK(fixtures::codeOf([&] { f.store.updateEventSettings(f.event, twice, "cli"); }) == "bad_languages");
        EventSettings unknown = turkishFirst();
        unknown.languages = {"de", "fa"};
        CHECK(fixtures::codeOf([&] { f.store.createEvent(unknown); }) == "bad_languages");
        CHECK(f.store.event(f.event)->settings.languages == kTurkishFirst);
        SUBCASE("a code this build does not know (a newer kiosk's, through the sync) is not offered") {
            EventSettings newer;
            newer.languages = {"fa", "tr"};
            CHECK(eventLanguages(newer) == std::vector<std::string>{"tr"});
            newer.languages = {"fa"};
            CHECK(eventLanguages(newer) == offerableLanguages());
        }
    }

    TEST_CASE("an event written at schema 5 migrates to offer every language") {
        fixtures::TempFile file("v5.db");
        fixtures::writeFileAtSchema(file.path, 5);
        Store store(file.path);
        const auto event = store.requireActiveEvent();
        CHECK(event.settings.languages.empty());
        CHECK(eventLanguages(event.settings) == offerableLanguages());
    }

    TEST_CASE("the list travels with the event: JSON export, merge, backup") {
        fixtures::TempFile kioskFile("kiosk-languages.db"), office("office-languages.db"), copy("copy-languages.db");
        fixtures::ManualClock clock;
        std::string eventId;
        {
            Store kiosk(kioskFile.path, fixtures::options(clock, 1, "kiosk-a"));
            eventId = kiosk.createEvent(turkishFirst());
            std::ostringstream json;
            exportTable(kiosk, eventId, "ideas", {ExportFormat::Json, CsvDialect::ExcelDe}, json);
            CHECK(nlohmann::json::parse(json.str())["event"]["languages"] == kTurkishFirst);
            backupDatabase(kiosk, copy.path);
        }
        CHECK(Store(copy.path).event(eventId)->settings.languages == kTurkishFirst);
        Store merged(office.path, fixtures::options(clock, 2, "office"));
        mergeDatabase(merged, kioskFile.path);
        CHECK(merged.event(eventId)->settings.languages == kTurkishFirst);
    }

    TEST_CASE("the venue sync carries the list to the other kiosks, and a change of it too") {
        fixtures::ManualClock clock;
        Store a(":memory:", fixtures::options(clock, 1, "kiosk-a"));
        Store b(":memory:", fixtures::options(clock, 2, "kiosk-b"));
        const std::string eventId = a.createEvent(turkishFirst());
        std::int64_t serverSeq = 0;
        const auto push = [&](Store& from) {
            std::vector<RemoteChange> changes;
            for (const auto& row : outboxBatch(from, 1000)) changes.push_back({++serverSeq, from.kioskId(), row.kind, row.rowId, row.payload, 0});
            if (!changes.empty()) acknowledgeOutbox(from, outboxBatch(from, 1000).back().seq);
            return changes;
        };
        applyRemoteChanges(b, push(a));
        CHECK(b.event(eventId)->settings.languages == kTurkishFirst);
        EventSettings changed = turkishFirst();
        changed.languages = {"de", "uk"};
        a.updateEventSettings(eventId, changed, "panel-a");
        applyRemoteChanges(b, push(a));
        CHECK(b.event(eventId)->settings.languages == std::vector<std::string>{"de", "uk"});
        SUBCASE("a row of a kiosk before schema 6 (no languages) reads as every language") {
            nlohmann::json row = nlohmann::json::parse(rowJson(a, "event", eventId));
            row.erase("languages");
            row["title"] = "Older kiosk";
            applyRemoteChanges(b, {{++serverSeq, "kiosk-old", "event", eventId, row.dump(), 0}});
            CHECK(b.event(eventId)->settings.title == "Older kiosk");
            CHECK(eventLanguages(b.event(eventId)->settings) == offerableLanguages());
        }
    }
}
