// Character-trigram similarity between short texts, with an index for fast top-k queries.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace storage {

/// Trigram similarity of two texts after foldForCompare, in [0, 1] (1 = same trigram set).
/// Same definition as PostgreSQL's pg_trgm: |A ∩ B| / |A ∪ B| over the sets of padded word trigrams.
double trigramSimilarity(std::string_view a, std::string_view b);

/// An in-memory index of texts by trigram, for "similar ideas" on every keystroke.
class SimilarityIndex {
public:
    struct Match {
        std::string key;
        double score = 0.0;
    };

    void add(const std::string& key, std::string_view text);
    void clear();
    std::size_t size() const;
    /// The k best matches with score >= threshold, best first; ties broken by key.
    std::vector<Match> query(std::string_view text, std::size_t k, double threshold) const;

private:
    std::vector<std::string> m_keys;
    std::vector<std::vector<std::uint32_t>> m_trigrams;  // sorted, per entry
    std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> m_postings;  // trigram -> entries
};

}  // namespace storage
