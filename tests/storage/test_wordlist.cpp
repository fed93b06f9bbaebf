// Word lists: folding, whole words, the loader, the organisers' real lists, and what the store does on a match.
#include "fixtures.h"
#include "storage/demo_texts.h"
#include "storage/merge.h"
#include "storage/moderation.h"
#include "storage/text.h"
#include "storage/wordlist.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include <unistd.h>

using namespace storage;
using fixtures::codeOf;

namespace {

using Words = std::vector<std::string>;

WordList listOf(std::initializer_list<std::pair<const char*, const char*>> entries) {
    WordList list;
    for (const auto& [language, entry] : entries) list.add(entry, language);
    return list;
}

// A folder of word-list files, removed afterwards.
struct TempFolder {
    std::filesystem::path path;
    explicit TempFolder(const std::string& name)
        : path(std::filesystem::temp_directory_path() / ("ideen-wordlist-" + name + "-" + std::to_string(::getpid()))) {
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~TempFolder() { std::filesystem::remove_all(path); }
    void write(const std::string& file, const std::string& content) const {
        std::ofstream(path / file, std::ios::binary) << content;
    }
};

}  // namespace

TEST_SUITE("wordlist") {
    TEST_CASE("folding: NFC, case, Turkish i, ß and leetspeak") {
        SUBCASE("decomposed text matches a composed entry, and the other way round") {
            const auto list = listOf({{"de", "Arschlöcher"}});
            CHECK(list.matches("So ein Arschlo\u0308cher!") == Words{"Arschlöcher"});
            CHECK(list.matches("ARSCHLÖCHER") == Words{"Arschlöcher"});
            const auto decomposedEntry = listOf({{"de", "Arschlo\u0308cher"}});
            CHECK(decomposedEntry.matches("Arschlöcher") == Words{"Arschlo\u0308cher"});
        }
        SUBCASE("ß is ss in list and text") {
            const auto list = listOf({{"de", "scheiße"}});
            CHECK(list.matches("Scheisse") == Words{"scheiße"});
            CHECK(list.matches("SCHEISSE") == Words{"scheiße"});
            CHECK(list.matches("Scheiße") == Words{"scheiße"});
            CHECK(list.matches("SCHEIẞE") == Words{"scheiße"});
            CHECK(listOf({{"de", "scheisse"}}).matches("Scheiße") == Words{"scheisse"});
        }
        SUBCASE("Turkish İ and ı: the Turkish list keeps i and ı apart") {
            const auto list = listOf({{"tr", "sik"}, {"tr", "gerizekalı"}});
            CHECK(list.matches("sik") == Words{"sik"});
            CHECK(list.matches("SİK") == Words{"sik"});
            CHECK(list.matches("Sık sık toplantı olsun").empty());     // "often": dotless, another word
            CHECK(list.matches("sıkıcı").empty());
            CHECK(list.matches("GERİZEKALI") == Words{"gerizekalı"});  // Turkish capitals
            CHECK(list.matches("Gerizekalı") == Words{"gerizekalı"});
            CHECK(list.matches("gerizekali").empty());                 // i is not ı in Turkish
            // A capital I does not say which i it is, so it may be either.
            CHECK(list.matches("SIK") == Words{"sik"});
            CHECK(list.matches("GERIZEKALI") == Words{"gerizekalı"});
        }
        SUBCASE("German and English entries read ı and İ as i") {
            const auto list = listOf({{"en", "idiot"}});
            CHECK(list.matches("İDİOT") == Words{"idiot"});
            CHECK(list.matches("ıdıot") == Words{"idiot"});
            CHECK(list.matches("IDIOT") == Words{"idiot"});
            CHECK(listOf({{"tr", "idiot"}}).matches("ıdıot").empty());
        }
        SUBCASE("leetspeak inside words with letters") {
            const auto list = listOf({{"en", "idiot"}, {"en", "asshole"}, {"de", "arsch"}, {"en", "shit"}, {"de", "scheiße"},
                                      {"en", "bullshit"}});
            CHECK(list.matches("1d10t") == Words{"idiot"});
            CHECK(list.matches("a$$hole") == Words{"asshole"});
            CHECK(list.matches("@rsch") == Words{"arsch"});
            CHECK(list.matches("4r5ch") == Words{"arsch"});
            CHECK(list.matches("sh!t happens") == Words{"shit"});
            CHECK(list.matches("SCH31SS3") == Words{"scheiße"});
            CHECK(list.matches("bull5h1t") == Words{"bullshit"});
            CHECK(list.matches("a55ho1e") == Words{"asshole"});  // 1 may be l too
            CHECK(listOf({{"en", "ass"}}).matches("a$$") == Words{"ass"});
            CHECK(listOf({{"en", "ass"}}).matches("@$$").empty());  // no letter at all: not a word in disguise
            CHECK(listOf({{"en", "ass"}}).matches("a55").empty());  // digits need two letters
        }
        SUBCASE("numbers stay numbers, punctuation stays punctuation") {
            const auto list = listOf({{"en", "ioio"}, {"en", "idiot"}, {"en", "as"}});
            CHECK(list.matches("Konferenz 1010 und 2026").empty());
            CHECK(list.matches("Idiot!").size() == 1);
            CHECK(list.matches("!!!Idiot!!!").size() == 1);
            CHECK(list.matches("A5 Flyer").empty());    // "A5" is a paper size, not "as"
            CHECK(list.matches("So 55 Euro").empty());
        }
        SUBCASE("a letter held down may stand for fewer; two are two") {
            const auto list = listOf({{"en", "fuck"}, {"de", "scheiße"}, {"en", "bot"}});
            CHECK(list.matches("fuuuuuck") == Words{"fuck"});
            CHECK(list.matches("FUCKKKK") == Words{"fuck"});
            CHECK(list.matches("scheeeeiße") == Words{"scheiße"});
            CHECK(list.matches("scheissssse") == Words{"scheiße"});
            CHECK(list.matches("Boot fahren").empty());
            CHECK(list.matches("fuuck").empty());
        }
        SUBCASE("invisible characters neither make nor split a word") {
            const auto list = listOf({{"en", "idiot"}});
            CHECK(list.matches("Id\u00ADiot") == Words{"idiot"});
            CHECK(list.matches("Id\u200Biot") == Words{"idiot"});
        }
    }

    TEST_CASE("whole words only: no Scunthorpe problem") {
        const auto list = listOf({{"en", "cunt"}, {"en", "ass"}, {"en", "tit"}, {"de", "arsch"}, {"de", "hure"},
                                  {"de", "fick"}, {"tr", "sik"}, {"tr", "göt"}, {"tr", "am"}, {"tr", "piç"}});
        SUBCASE("English") {
            CHECK(list.matches("Scunthorpe United").empty());
            CHECK(list.matches("Essex, Arsenal, classic assessment, Sussex").empty());
            CHECK(list.matches("title, petition, constitution").empty());
        }
        SUBCASE("German") {
            CHECK(list.matches("Klassenfahrt mit Barsch-Angeln im Marschland").empty());
            CHECK(list.matches("Arschbombe? Nein: Marsch der Kulturen").empty());
            CHECK(list.matches("Churen und Ficktion").empty());
            CHECK(list.matches("Fickenscher Straße").empty());
        }
        SUBCASE("Turkish") {
            CHECK(list.matches("Sikke koleksiyonu, amca ile Gött ingen").empty());
            CHECK(list.matches("Ameliyat, ambulans, Göteborg").empty());
            CHECK(list.matches("Piçasso değil Picasso").empty());
            CHECK(list.matches("Treffen am Montag").size() == 1);  // why "am" must never be listed
        }
        SUBCASE("the whole word matches, with any punctuation around it") {
            CHECK(list.matches("(Arsch)") == Words{"arsch"});
            CHECK(list.matches("so ein „Arsch“, oder?") == Words{"arsch"});
            CHECK(list.matches("Arsch-Idee") == Words{"arsch"});
            CHECK(list.matches("göt.") == Words{"göt"});
        }
    }

    TEST_CASE("phrases match consecutive words and results keep the file's spelling, once, in text order") {
        const auto list = listOf({{"de", "Halt die Fresse"}, {"en", "fuck off"}, {"en", "son of a bitch"},
                                  {"tr", "orospu çocuğu"}, {"en", "idiot"}, {"de", "ausländer raus"}});
        CHECK(list.matches("halt, die fresse!") == Words{"Halt die Fresse"});
        CHECK(list.matches("HALT DIE FRESSE") == Words{"Halt die Fresse"});
        CHECK(list.matches("Halt bitte die Fresse").empty());
        CHECK(list.matches("Fresse halt die").empty());
        CHECK(list.matches("just fuck\noff") == Words{"fuck off"});
        CHECK(list.matches("You son-of-a-bitch") == Words{"son of a bitch"});
        CHECK(list.matches("OROSPU ÇOCUĞU") == Words{"orospu çocuğu"});
        CHECK(list.matches("Ausländer: raus!") == Words{"ausländer raus"});
        CHECK(list.matches("Ausländer raus? Nein, Ausländer rein.") == Words{"ausländer raus"});
        CHECK(list.matches("fuck off, idiot, idiot, fuck off") == Words{"fuck off", "idiot"});
        CHECK(list.matches("idiot! fuck off") == Words{"idiot", "fuck off"});
    }

    TEST_CASE("letters spelled out one by one") {
        const auto list = listOf({{"de", "scheiße"}, {"de", "scheiß"}, {"de", "arsch"}, {"en", "idiot"}, {"tr", "amk"},
                                  {"en", "cunt"}});
        CHECK(list.matches("s c h e i s s e") == Words{"scheiße"});
        CHECK(list.matches("Du bist ein a.r.s.c.h") == Words{"arsch"});
        CHECK(list.matches("a-r-s-c-h") == Words{"arsch"});
        CHECK(list.matches("you are a i d i o t") == Words{"idiot"});
        CHECK(list.matches("A.M.K.") == Words{"amk"});
        SUBCASE("not across lines, not with long gaps, not from initials of real words") {
            CHECK(list.matches("a\nr\ns\nc\nh").empty());
            CHECK(list.matches("a    r    s    c    h").empty());
            CHECK(list.matches("Die Punkte A, B und C sowie E.T.A. Hoffmann").empty());
            CHECK(list.matches("U S A").empty());
            CHECK(list.matches("S c u n t h o r p e").empty());
        }
    }

    TEST_CASE("the file format") {
        WordList list;
        SUBCASE("comments, blank lines, BOM, CRLF, inline comments") {
            const std::size_t n = list.addFile("\xEF\xBB\xBF# header\r\n\r\n  idiot  \r\n\t# indented comment\nhalt die fresse # phrase\n"
                                               "C#-Entwickler\n\n",
                                               "/x/de.txt", "de");
            CHECK(n == 3);
            CHECK(list.size() == 3);
            CHECK(list.matches("Idiot") == Words{"idiot"});
            CHECK(list.matches("halt die fresse") == Words{"halt die fresse"});
            CHECK(list.matches("C#-Entwickler gesucht").size() == 1);
            const auto found = list.find("Halt die Fresse");
            REQUIRE(found.size() == 1);
            CHECK(found[0].file == "/x/de.txt");
            CHECK(found[0].line == 5);
            CHECK(found[0].language == "de");
        }
        SUBCASE("invalid UTF-8 names the file and the line, and adds nothing") {
            std::string message;
            CHECK(codeOf([&] { list.addFile("idiot\n# ok\nkaput\xC3\x28t\n", "/x/de.txt", "de"); }, &message) ==
                  "wordlist_invalid_utf8");
            CHECK(message == "word list /x/de.txt, line 3: not valid UTF-8");
            CHECK(list.empty());
        }
        SUBCASE("a line without letters or digits is an error too") {
            std::string message;
            CHECK(codeOf([&] { list.addFile("idiot\n---\n", "/x/en.txt", "en"); }, &message) == "wordlist_bad_entry");
            CHECK(message.find("/x/en.txt, line 2") != std::string::npos);
            CHECK(list.empty());
        }
        SUBCASE("duplicates across files count once") {
            list.addFile("idiot\n", "de.txt", "de");
            list.addFile("IDIOT\n", "en.txt", "en");
            CHECK(list.size() == 1);
            CHECK(list.matches("idiot") == Words{"idiot"});
        }
    }

    TEST_CASE("loading a folder") {
        TempFolder folder("load");
        SUBCASE("missing files are recorded, present ones loaded") {
            folder.write("de.txt", "# Wortliste\nidiot\narsch\n");
            folder.write("en.txt", "fuck off\n");
            const auto list = WordList::loadFolder(folder.path.string());
            CHECK(list.size() == 3);
            REQUIRE(list.files().size() == knownLanguages().size());  // one entry per language, present or not
            CHECK(list.files()[0].present);
            CHECK(list.files()[0].entries == 2);
            CHECK_FALSE(list.files()[1].present);
            CHECK(list.files()[1].language == "tr");
            CHECK(list.files()[2].entries == 1);
        }
        SUBCASE("a missing folder or one without lists") {
            CHECK(codeOf([&] { WordList::loadFolder((folder.path / "nope").string()); }) == "wordlist_missing");
            CHECK(codeOf([&] { WordList::loadFolder(folder.path.string()); }) == "wordlist_missing");
        }
        SUBCASE("a broken file names its path and line") {
            folder.write("tr.txt", "siktir\n\xFF\n");
            std::string message;
            CHECK(codeOf([&] { WordList::loadFolder(folder.path.string()); }, &message) == "wordlist_invalid_utf8");
            CHECK(message.find((folder.path / "tr.txt").string() + ", line 2") != std::string::npos);
        }
    }

    TEST_CASE("the organisers' lists in assets/wordlists") {
        const auto list = WordList::loadFolder(std::string(IDEEN_SOURCE_DIR) + "/assets/wordlists");
        for (const auto& file : list.files()) {
            CAPTURE(file.path);
            CHECK(file.present);
            // German, Turkish and English lists are full; the others are starter lists awaiting a native speaker.
            const bool starter = file.language != "de" && file.language != "tr" && file.language != "en";
            CHECK(file.entries >= (starter ? 10u : 30u));
            CHECK(file.entries <= 100);
        }
        SUBCASE("they find what they are for") {
            CHECK(list.matches("Was für eine Scheißidee, ihr Idioten") == Words{"idioten"});
            CHECK(list.matches("Scheiß Idee") == Words{"scheiß"});
            CHECK(list.matches("siktir git") == Words{"siktir", "siktir git"});
            CHECK(list.matches("Jetzt kaufen: www.example.com") == Words{"jetzt kaufen", "www"});
            CHECK(list.matches("F U C K").size() == 1);
            // Cyrillic and Polish words match whatever their case; ё and е are one letter.
            CHECK(list.matches("ПИЗДЕЦ какой-то") == Words{"пиздец"});
            CHECK(list.matches("Ёбаный праздник") == Words{"ебаный"});
            CHECK(list.matches("Ти довбойоб") == Words{"довбойоб"});
            CHECK(list.matches("KURWA mać") == Words{"kurwa"});
        }
        SUBCASE("the demo ideas, the example event and everyday words pass") {
            for (const auto& idea : demo::ideas()) {
                CAPTURE(idea.title);
                CHECK(list.matches(idea.title).empty());
                CHECK(list.matches(idea.description).empty());
            }
            for (const char* name : demo::authors()) CHECK(list.matches(name).empty());
            for (const char* district : demo::districts()) CHECK(list.matches(district).empty());
            std::ifstream event(std::string(IDEEN_SOURCE_DIR) + "/assets/event.example.toml");
            const std::string example((std::istreambuf_iterator<char>(event)), std::istreambuf_iterator<char>());
            CHECK(list.matches(example).empty());
            CHECK(list.matches("Treffen am Montag, mal sehen; dick eingepackt; Ass im Ärmel; it got a pic").empty());
            CHECK(list.matches("Sık sık buluşalım; sıkıcı değil; sikke; Göteborg; amca; mal; Ameliyat").empty());
            CHECK(list.matches("Scunthorpe, Essex, Arsenal, Klassenfahrt, Barsch, Hurenberg, Huren­berg").empty());
            CHECK(list.matches("Ticket 2026, 1. Mai, 3:0 gewonnen, A4-Papier, G8-Gipfel, S04").empty());
        }
    }

    TEST_CASE("the store sends flagged ideas to the moderators") {
        const auto flags = [](Store& s, const std::string& eventId) {
            std::vector<ModerationEntry> result;
            for (const auto& entry : s.moderationLog(eventId)) {
                if (entry.action == "flag") result.push_back(entry);
            }
            return result;
        };
        fixtures::ManualClock clock;
        auto options = fixtures::options(clock);
        options.wordList = std::make_shared<const WordList>(listOf({{"de", "idiot"}, {"en", "buy now"}, {"tr", "salak"}}));
        Store store(":memory:", options);
        const auto event = store.createEvent(fixtures::conference());
        REQUIRE((store.event(event)->settings.moderation == ModerationMode::PublishImmediately));

        SUBCASE("an unflagged idea is published at once and has no words") {
            const auto saved = store.submitIdea(event, fixtures::idea("Sprachcafé im Glashaus"));
            CHECK((saved.status == IdeaStatus::Published));
            CHECK(store.flaggedWords(saved.id).empty());
            CHECK(flags(store, event).empty());
        }
        SUBCASE("a match in any field: pending under publish, one flag entry, nothing refused") {
            NewIdea draft = fixtures::idea("Mehr Bänke, ihr Idiot");
            draft.description = "BUY NOW at our shop";
            draft.author = "Salak";
            const auto saved = store.submitIdea(event, draft);
            CHECK((saved.status == IdeaStatus::Pending));
            CHECK(saved.title == "Mehr Bänke, ihr Idiot");  // the text is kept as typed
            const auto log = flags(store, event);
            REQUIRE(log.size() == 1);
            CHECK(log[0].actor == "wordlist");
            CHECK(log[0].action == "flag");
            CHECK(log[0].targetId == saved.id);
            CHECK(nlohmann::json::parse(log[0].after) == nlohmann::json{{"words", {"idiot", "buy now", "salak"}}});
            CHECK(store.flaggedWords(saved.id) == Words{"idiot", "buy now", "salak"});
            CHECK(store.flaggedWordsOfEvent(event) == std::map<std::string, Words>{{saved.id, {"idiot", "buy now", "salak"}}});
            CHECK(store.ideas(event).empty());  // not on the kiosk or projector yet

            SUBCASE("approving publishes it; the words stay on record") {
                moderateIdea(store, saved.id, ModerationVerb::Approve, "panel", "");
                CHECK((store.idea(saved.id)->status == IdeaStatus::Published));
                CHECK(store.ideas(event).size() == 1);
                CHECK(store.flaggedWords(saved.id) == Words{"idiot", "buy now", "salak"});
            }
            SUBCASE("the flag travels with the log when kiosks are merged") {
                fixtures::TempFile kiosk("flag-kiosk.db"), merged("flag-merged.db");
                {
                    Store file(kiosk.path, fixtures::options(clock, 9, "kiosk-b"));
                    file.transaction([&] {
                        file.insertEventRecord(*store.event(event));
                        file.insertIdeaRecord(*store.idea(saved.id));
                        for (const auto& entry : store.moderationLog(event)) file.insertModerationRecord(entry);
                    });
                }
                Store out(merged.path, fixtures::options(clock, 11, "office"));
                mergeDatabase(out, kiosk.path);
                CHECK(out.flaggedWords(saved.id) == Words{"idiot", "buy now", "salak"});
            }
        }
        SUBCASE("under pre-moderation a flagged idea is pending as always, with its words") {
            auto settings = store.event(event)->settings;
            settings.moderation = ModerationMode::PreModerate;
            store.updateEventSettings(event, settings, "test");
            const auto saved = store.submitIdea(event, fixtures::idea("salak"));
            CHECK((saved.status == IdeaStatus::Pending));
            CHECK(store.flaggedWords(saved.id) == Words{"salak"});
        }
        SUBCASE("a refused submission writes no flag") {
            store.setSubmissionOpen(event, false, "test");
            CHECK(codeOf([&] { store.submitIdea(event, fixtures::idea("idiot")); }) == "submission_closed");
            CHECK(flags(store, event).empty());
        }
        SUBCASE("imports keep the status from the file") {
            Idea imported;
            imported.eventId = event;
            imported.title = "idiot";
            imported.status = IdeaStatus::Published;
            store.insertIdeaRecord(imported);
            CHECK(store.ideas(event).size() == 1);
        }
    }

    TEST_CASE("a store without a word list publishes as before") {
        fixtures::ManualClock clock;
        Store store(":memory:", fixtures::options(clock));
        const auto event = store.createEvent(fixtures::conference());
        const auto saved = store.submitIdea(event, fixtures::idea("Idiot"));
        CHECK((saved.status == IdeaStatus::Published));
        CHECK(store.flaggedWords(saved.id).empty());
    }
}
