// The registry of languages: today's list until the program installs the one of its assets.
#include "storage/types.h"

#include <doctest/doctest.h>

#include <stdexcept>

TEST_SUITE("storage.languages") {
    TEST_CASE("the registry is today's list until set, and a set one is what every check uses") {
        using namespace storage;
        CHECK(knownLanguages() == kDefaultLanguages);
        CHECK(offerableLanguages() == std::vector<std::string>{"de", "de-einfach", "tr", "en", "ru", "uk", "pl", "ku", "ar"});
        CHECK(!isKnownLanguage("fr"));
        struct Restore {
            ~Restore() { setLanguages(defaultOfferableLanguages()); }  // even when a check below throws
        } restore;

        setLanguages({"de", "fr", "de-einfach", "tr"});
        CHECK(knownLanguages() == std::vector<std::string>{"de", "fr", "tr"});
        CHECK(offerableLanguages() == std::vector<std::string>{"de", "fr", "de-einfach", "tr"});
        CHECK(isKnownLanguage("fr"));
        CHECK(!isKnownLanguage("en"));
        CHECK(languageListProblem({"fr", "de"}).empty());
        CHECK(languageListProblem({"en"}) == "'en' is not one of de, fr, de-einfach, tr");
        CHECK(eventLanguages(EventSettings{}) == offerableLanguages());

        CHECK_THROWS_AS(setLanguages({"tr", "de"}), std::invalid_argument);  // German first
        CHECK_THROWS_AS(setLanguages({"de", "tr", "tr"}), std::invalid_argument);
        CHECK_THROWS_AS(setLanguages({"de", "../x"}), std::invalid_argument);  // a code goes into file names
        CHECK(knownLanguages() == std::vector<std::string>{"de", "fr", "tr"});  // a refused list changes nothing
    }
}
