// Trigram similarity and its index: the index must agree with brute force.
#include "storage/similarity.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>

using namespace storage;

TEST_SUITE("similarity") {
    TEST_CASE("trigram similarity ranks related titles above unrelated ones") {
        CHECK(trigramSimilarity("Sprachcafé", "sprachcafé") == doctest::Approx(1.0));
        const double related = trigramSimilarity("Stadtrundfahrten mit Migranten", "Stadtrundfahrt mit Migrant:innen");
        const double unrelated = trigramSimilarity("Stadtrundfahrten mit Migranten", "Schwimmkurs für Frauen");
        CHECK(related > 0.25);
        CHECK(unrelated < 0.25);
        CHECK(trigramSimilarity("", "abc") == 0.0);
        CHECK(trigramSimilarity("İzmir", "izmir") == doctest::Approx(1.0));
    }

    TEST_CASE("the index returns what brute force returns") {
        const std::vector<std::string> words = {"Sprach", "café", "Fest", "Kinder", "Garten", "kurs", "mahalle",
                                                "şenlik", "library", "Rad", "weg", "Moschee", "Kirche", "Jugend"};
        std::mt19937 rng(3);
        SimilarityIndex index;
        std::vector<std::pair<std::string, std::string>> entries;
        for (int i = 0; i < 300; ++i) {
            std::string text;
            for (int w = 0; w < 3; ++w) text += words[rng() % words.size()] + (w < 2 ? " " : "");
            const std::string key = "k" + std::to_string(1000 + i);
            index.add(key, text);
            entries.emplace_back(key, text);
        }
        CHECK(index.size() == 300);
        for (const std::string query : {"Sprachcafé für Kinder", "mahalle şenliği", "Radweg zur Moschee"}) {
            std::vector<SimilarityIndex::Match> expected;
            for (const auto& [key, text] : entries) {
                const double score = trigramSimilarity(query, text);
                if (score >= 0.2) expected.push_back({key, score});
            }
            std::sort(expected.begin(), expected.end(), [](const auto& a, const auto& b) {
                return a.score != b.score ? a.score > b.score : a.key < b.key;
            });
            if (expected.size() > 5) expected.resize(5);
            const auto found = index.query(query, 5, 0.2);
            REQUIRE(found.size() == expected.size());
            for (std::size_t i = 0; i < found.size(); ++i) {
                CHECK(found[i].key == expected[i].key);
                CHECK(found[i].score == doctest::Approx(expected[i].score));
            }
        }
        index.clear();
        CHECK(index.query("Sprachcafé", 5, 0.0).empty());
    }
}
