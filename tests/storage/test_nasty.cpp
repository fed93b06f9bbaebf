// Every string of the nasty corpus (tests/nasty/strings.txt) through every storage entry point: the text
// validator, submitting and editing ideas, CSV import and export, and the event TOML loader. Bad input must
// give a clear one-line error and change nothing; whatever is accepted must be stored clean.
#include "fixtures.h"
#include "storage/csv.h"
#include "storage/event_config.h"
#include "storage/export.h"
#include "storage/import.h"
#include "storage/similarity.h"
#include "storage/text.h"
#include "storage/types.h"
#include "tests/nasty/nasty.h"

#include <doctest/doctest.h>

#include <set>
#include <sstream>

using namespace storage;

namespace {

const std::vector<nasty::Entry>& corpus() {
    static const auto entries = nasty::load(std::string(IDEEN_SOURCE_DIR) + "/tests/nasty/strings.txt");
    return entries;
}

bool contains(std::string_view text, std::string_view what) { return text.find(what) != std::string_view::npos; }

// One line a person can read: valid UTF-8, no control or bidi characters, not a wall of text.
void checkMessage(const std::string& message) {
    CAPTURE(message);
    CHECK_FALSE(message.empty());
    CHECK(message.size() <= 600);
    CHECK(isValidUtf8(message));
    CHECK(printableLine(message, 1000) == message);
}

// What cleanText promises, checked from the outside.
void checkClean(const std::string& text, TextField field) {
    CAPTURE(text);
    REQUIRE(isValidUtf8(text));
    CHECK(cleanText(text, field) == text);  // NFC, nothing left to remove, trimmed: cleaning again changes nothing
    bool control = false;
    for (unsigned char c : text) {
        if (c == '\n' && (field == TextField::Description || field == TextField::Reason)) continue;
        control = control || c < 0x20 || c == 0x7F;
    }
    CHECK_FALSE(control);
    bool invisible = false;
    for (const char* forbidden : {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068",
                                  "\u2069", "\u200E", "\u200F", "\u061C", "\u200B", "\uFEFF", "\u2028", "\u2029"}) {
        invisible = invisible || contains(text, forbidden);
    }
    CHECK_FALSE(invisible);
    if (!text.empty()) {
        CHECK(text.front() != ' ');
        CHECK(text.back() != ' ');
    }
}

// Everything a failed call must leave alone.
std::string fingerprint(Store& store) {
    return store.db()
        .execAndGet("SELECT (SELECT count(*) FROM ideas) || '/' || (SELECT count(*) FROM moderation_log) || '/' || "
                    "(SELECT count(*) FROM events) || '/' || (SELECT count(*) FROM sessions) || '/' || "
                    "(SELECT total(length(title) + length(description) + length(author)) FROM ideas) || '/' || "
                    "(SELECT group_concat(title, '|') FROM (SELECT title FROM events ORDER BY id))")
        .getString();
}

const std::set<std::string> kTextErrors = {"invalid_utf8",    "title_empty",     "title_too_long",
                                           "description_too_long", "author_too_long", "reason_too_long",
                                           "text_too_long",   "unknown_category", "unknown_language"};

// TOML basic string for any valid UTF-8; bytes that are not UTF-8 go in raw (the loader must refuse them).
std::string tomlString(const std::string& raw) {
    std::string out = "\"";
    for (unsigned char c : raw) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if ((c < 0x20 && c != '\t') || c == 0x7F) {
            char escape[8];
            std::snprintf(escape, sizeof escape, "\\u%04X", c);
            out += escape;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out + "\"";
}

}  // namespace

TEST_SUITE("nasty") {
    TEST_CASE("the corpus decodes and covers what it should") {
        const auto& entries = corpus();
        REQUIRE(entries.size() >= 150);
        std::set<std::string> names;
        std::map<std::string, std::string> byName;
        for (const auto& e : entries) {
            CHECK_MESSAGE(names.insert(e.name).second, "duplicate name " << e.name);
            byName[e.name] = e.text;
        }
        CHECK(byName.at("nul_middle") == std::string("Rad\0weg", 7));
        CHECK(byName.at("long_10000").size() == 10000);
        CHECK(codepointCount(byName.at("combining_10000")) == 10001);
        CHECK(byName.at("only_spaces") == std::string(23, ' '));
        CHECK(byName.at("combining_classes_alternating") == "e" + [] {
            std::string marks;
            for (int i = 0; i < 50; ++i) marks += "\u0301\u0316";
            return marks;
        }());
        CHECK_FALSE(isValidUtf8(byName.at("surrogate_high")));
        CHECK(byName.at("backslash") == "\\");
        CHECK(byName.at("csv_at") == "@SUM(1+1)*cmd|' /C calc'!A0");
    }

    TEST_CASE("the validator: invalid UTF-8 is refused, everything else comes out clean") {
        for (const auto& [name, raw] : corpus()) {
            CAPTURE(name);
            for (auto field : {TextField::Title, TextField::Description, TextField::Author, TextField::Reason,
                               TextField::Other}) {
                std::string cleaned;
                try {
                    cleaned = cleanText(raw, field);
                } catch (const RuleError& e) {
                    CHECK(e.code() == "invalid_utf8");
                    CHECK_FALSE(isValidUtf8(raw));
                    checkMessage(e.what());
                    continue;
                }
                CHECK(isValidUtf8(raw));
                checkClean(cleaned, field);
                try {
                    checkLength(cleaned, field);
                    CHECK(codepointCount(cleaned) <= kDescriptionMax);
                    if (field == TextField::Title) CHECK(hasVisibleText(cleaned));
                } catch (const RuleError& e) {
                    CHECK(kTextErrors.count(e.code()) == 1);
                    checkMessage(e.what());
                }
            }
            const std::string folded = foldForCompare(raw);
            CHECK(isValidUtf8(folded));
            CHECK(foldForCompare(folded) == folded);
            // A draft is compared before it is cleaned, a stored title after: both must fold the same.
            if (isValidUtf8(raw)) CHECK(foldForCompare(cleanText(raw, TextField::Other)) == folded);
            const double self = trigramSimilarity(raw, raw);
            CHECK((self == 0.0 || self == 1.0));
            const double other = trigramSimilarity(raw, "Stadtrundfahrten mit Migranten");
            CHECK((other >= 0.0 && other <= 1.0));
            const std::string shown = quoteUntrusted(raw);
            checkMessage(shown);
            CHECK(codepointCount(shown) <= 42);
            CHECK(printableLine(printableLine(raw)) == printableLine(raw));
        }
    }

    TEST_CASE("submitted as title, description, author, category or language") {
        fixtures::ManualClock clock;
        Store store(":memory:", fixtures::options(clock));
        const std::string event = store.createEvent(fixtures::conference());
        int accepted = 0;
        for (const auto& [name, raw] : corpus()) {
            CAPTURE(name);
            for (const std::string field : {"title", "description", "author", "category", "language"}) {
                CAPTURE(field);
                NewIdea idea = fixtures::idea("Radweg an der Emscher");
                if (field == "title") idea.title = raw;
                if (field == "description") idea.description = raw;
                if (field == "author") idea.author = raw;
                if (field == "category") idea.category = raw;
                if (field == "language") idea.language = raw;
                const std::string before = fingerprint(store);
                clock.advance(1000);
                try {
                    const Idea saved = store.submitIdea(event, idea);
                    ++accepted;
                    checkClean(saved.title, TextField::Title);
                    checkClean(saved.description, TextField::Description);
                    checkClean(saved.author, TextField::Author);
                    CHECK_NOTHROW(checkLength(saved.title, TextField::Title));
                    CHECK_NOTHROW(checkLength(saved.description, TextField::Description));
                    CHECK_NOTHROW(checkLength(saved.author, TextField::Author));
                    CHECK((saved.category == "begegnung" || saved.category == "sprache" || saved.category.empty()));
                    const auto reread = store.idea(saved.id);
                    REQUIRE(reread);
                    CHECK(reread->title == saved.title);
                    CHECK(reread->description == saved.description);
                    CHECK(reread->author == saved.author);
                } catch (const RuleError& e) {
                    CHECK(kTextErrors.count(e.code()) == 1);
                    checkMessage(e.what());
                    CHECK(fingerprint(store) == before);
                }
            }
        }
        CHECK(accepted > 300);
        CHECK(store.check().ok);
    }

    TEST_CASE("edits and moderation reasons") {
        fixtures::ManualClock clock;
        Store store(":memory:", fixtures::options(clock));
        const std::string event = store.createEvent(fixtures::conference());
        const Idea idea = store.submitIdea(event, fixtures::idea("Sprachcafé im Glashaus"));
        for (const auto& [name, raw] : corpus()) {
            CAPTURE(name);
            const std::string before = fingerprint(store);
            try {
                store.editIdea(idea.id, NewIdea{raw, raw, "", "sprache", "de"}, "cli", raw);
                const auto edited = store.idea(idea.id);
                checkClean(edited->title, TextField::Title);
                checkClean(edited->description, TextField::Description);
                CHECK(edited->category == "sprache");
            } catch (const RuleError& e) {
                CHECK(kTextErrors.count(e.code()) == 1);
                checkMessage(e.what());
                CHECK(fingerprint(store) == before);
            }
            const std::string beforeHide = fingerprint(store);
            try {
                store.setIdeaStatus(idea.id, IdeaStatus::Hidden, "cli", raw);
                store.setIdeaStatus(idea.id, IdeaStatus::Published, "cli");
                const auto log = store.moderationLog(event);
                bool found = false;
                for (const auto& entry : log) {
                    checkClean(entry.reason, TextField::Reason);
                    found = found || entry.action == "status";
                }
                CHECK(found);
            } catch (const RuleError& e) {
                CHECK((e.code() == "invalid_utf8" || e.code() == "reason_too_long"));
                checkMessage(e.what());
                CHECK(fingerprint(store) == beforeHide);
            }
        }
        CHECK(store.check().ok);
    }

    TEST_CASE("what was stored survives a CSV round trip in both dialects") {
        fixtures::ManualClock clock;
        Store store(":memory:", fixtures::options(clock, 3, "kiosk-a"));
        const std::string event = store.createEvent(fixtures::conference());
        for (const auto& [name, raw] : corpus()) {
            for (int field = 0; field < 3; ++field) {
                NewIdea idea = fixtures::idea("Idee", "sprache");
                (field == 0 ? idea.title : field == 1 ? idea.description : idea.author) = raw;
                clock.advance(1000);
                try {
                    store.submitIdea(event, idea);
                } catch (const RuleError&) {
                }
            }
        }
        IdeaQuery all;
        all.statuses = {IdeaStatus::Pending, IdeaStatus::Published, IdeaStatus::Hidden, IdeaStatus::Merged};
        const auto original = store.ideas(event, all);
        REQUIRE(original.size() > 300);
        for (auto dialect : {CsvDialect::ExcelDe, CsvDialect::Rfc4180}) {
            CAPTURE(static_cast<int>(dialect));
            std::ostringstream csv;
            ExportOptions options;
            options.dialect = dialect;
            exportTable(store, event, "ideas", options, csv);
            Store copy(":memory:", fixtures::options(clock, 5, "kiosk-b"));
            const std::string copyEvent = copy.createEvent(fixtures::conference());
            const auto report = importIdeasCsv(copy, copyEvent, csv.str(), "import");
            CHECK(report.added == static_cast<int>(original.size()));
            const auto imported = copy.ideas(copyEvent, all);
            REQUIRE(imported.size() == original.size());
            for (std::size_t i = 0; i < original.size(); ++i) {
                CAPTURE(original[i].title);
                CHECK(imported[i].id == original[i].id);
                CHECK(imported[i].number == original[i].number);
                CHECK(imported[i].title == original[i].title);
                CHECK(imported[i].description == original[i].description);
                CHECK(imported[i].author == original[i].author);
                CHECK(imported[i].category == original[i].category);
            }
            CHECK(importIdeasCsv(copy, copyEvent, csv.str(), "import").added == 0);
        }
    }

    TEST_CASE("CSV files holding the strings are imported clean or refused whole") {
        fixtures::ManualClock clock;
        Store store(":memory:", fixtures::options(clock));
        const std::string event = store.createEvent(fixtures::conference());
        for (const auto& [name, raw] : corpus()) {
            CAPTURE(name);
            std::vector<std::string> files;
            for (auto dialect : {CsvDialect::ExcelDe, CsvDialect::Rfc4180}) {
                std::ostringstream out;
                CsvWriter writer(out, dialect);
                writer.row({"title", "description", "author", "category"});
                writer.row({raw, "", "", "begegnung"});
                writer.row({"Idee", raw, "", ""});
                writer.row({"Noch eine Idee", "", raw, "Sprache"});
                writer.flush();
                files.push_back(out.str());
            }
            // Written by hand without any quoting: whatever the string does to the syntax.
            files.push_back("title;category\r\n" + raw + ";begegnung\r\n");
            files.push_back("title,number,created_at,status,id,pinned\n\"x\"," + raw + ",,,,\n");
            files.push_back("title,number,created_at,status,id,pinned\nx,," + raw + ",,,\n");
            files.push_back("title,number,created_at,status,id,pinned\nx,,," + raw + ",,\n");
            files.push_back("title,number,created_at,status,id,pinned\nx,,,," + raw + "," + raw + "\n");
            files.push_back(raw);
            for (const auto& file : files) {
                CAPTURE(file);
                const std::string before = fingerprint(store);
                const int ideasBefore = store.db().execAndGet("SELECT count(*) FROM ideas").getInt();
                try {
                    const auto report = importIdeasCsv(store, event, file, "import");
                    const int ideasAfter = store.db().execAndGet("SELECT count(*) FROM ideas").getInt();
                    CHECK(ideasAfter == ideasBefore + report.added);
                } catch (const RuleError& e) {
                    checkMessage(e.what());
                    CHECK(fingerprint(store) == before);
                }
            }
        }
        IdeaQuery all;
        all.statuses = {IdeaStatus::Pending, IdeaStatus::Published, IdeaStatus::Hidden, IdeaStatus::Merged};
        std::set<int> numbers;
        for (const auto& idea : store.ideas(event, all)) {
            CAPTURE(idea.id);
            checkClean(idea.title, TextField::Title);
            checkClean(idea.description, TextField::Description);
            checkClean(idea.author, TextField::Author);
            CHECK_NOTHROW(checkLength(idea.title, TextField::Title));
            CHECK(idea.number > 0);
            CHECK(numbers.insert(idea.number).second);
            CHECK(printableLine(idea.id) == idea.id);
            CHECK(idea.id.size() <= 64);
            CHECK(idea.createdAt > 0);
        }
        CHECK(store.check().ok);
    }

    TEST_CASE("event TOML with the strings as title, category names, keys and values") {
        fixtures::ManualClock clock;
        Store store(":memory:", fixtures::options(clock));
        for (const auto& [name, raw] : corpus()) {
            CAPTURE(name);
            const std::string value = tomlString(raw);
            const std::vector<std::string> files = {
                "title = " + value + "\n[[categories]]\nkey = \"k\"\nnames = { de = " + value + " }\n",
                "title = '" + raw + "'\n",
                "title = \"\"\"\n" + raw + "\"\"\"\n",
                "title = \"A\"\nvenue = " + value + "\nstarts_on = " + value + "\nmoderation = " + value + "\n",
                "title = \"A\"\n[[categories]]\nkey = " + value + "\ncolor = " + value + "\nnames = { de = \"x\" }\n",
                "title = \"A\"\nvote_budget = " + raw + "\n",
                "title = \"A\"\n" + raw + " = 1\n",
                raw,
            };
            for (const auto& file : files) {
                CAPTURE(file);
                EventSettings settings;
                try {
                    settings = parseEventToml(file, "event.toml");
                } catch (const RuleError& e) {
                    CHECK(e.code() == "event_config");
                    checkMessage(e.what());
                    continue;
                }
                checkClean(settings.title, TextField::Title);
                CHECK_NOTHROW(checkLength(settings.title, TextField::Title));
                checkClean(settings.venue, TextField::Other);
                for (const auto& c : settings.categories) {
                    checkClean(c.key, TextField::Other);
                    for (const auto& [lang, categoryName] : c.names) checkClean(categoryName, TextField::Title);
                }
                // Settings the loader accepts, the store accepts too, and they come back from TOML unchanged.
                const std::string before = fingerprint(store);
                std::string id;
                CHECK_NOTHROW(id = store.createEvent(settings));
                CHECK(fingerprint(store) != before);
                const auto stored = store.event(id);
                REQUIRE(stored);
                CHECK(stored->settings.title == settings.title);
                const EventSettings again = parseEventToml(eventToToml(settings), "again.toml");
                CHECK(again.title == settings.title);
                CHECK(again.venue == settings.venue);
                REQUIRE(again.categories.size() == settings.categories.size());
                for (std::size_t i = 0; i < again.categories.size(); ++i) {
                    CHECK(again.categories[i].key == settings.categories[i].key);
                    CHECK(again.categories[i].names == settings.categories[i].names);
                }
            }
        }
        CHECK(store.check().ok);
    }
}
