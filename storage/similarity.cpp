// Trigram similarity in the manner of PostgreSQL's pg_trgm, and an inverted index for top-k queries.
#include "storage/similarity.h"

#include "storage/text.h"

#include <algorithm>

namespace storage {

namespace {

// Three code points packed into 64 bits (21 bits each) would be exact; 32 bits keep the postings compact.
// The hash mixes all three; a collision merely counts two different trigrams as shared, which moves a
// score by one trigram and cannot hide an exact duplicate.
std::uint32_t packTrigram(std::int32_t a, std::int32_t b, std::int32_t c) {
    std::uint64_t x = (static_cast<std::uint64_t>(a) << 42) ^ (static_cast<std::uint64_t>(b) << 21) ^
                      static_cast<std::uint64_t>(c);
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return static_cast<std::uint32_t>(x);
}

// Sorted, unique trigrams of the folded text; every word is padded with two spaces in front, one behind.
std::vector<std::uint32_t> trigramsOf(std::string_view text) {
    std::vector<std::uint32_t> result;
    std::vector<std::int32_t> word;
    auto flushWord = [&] {
        if (word.empty()) return;
        std::vector<std::int32_t> padded = {' ', ' '};
        padded.insert(padded.end(), word.begin(), word.end());
        padded.push_back(' ');
        for (std::size_t i = 0; i + 2 < padded.size(); ++i) {
            result.push_back(packTrigram(padded[i], padded[i + 1], padded[i + 2]));
        }
        word.clear();
    };
    for (const char32_t cp : foldedCodePoints(text)) {
        if (cp == U' ') {
            flushWord();
        } else {
            word.push_back(static_cast<std::int32_t>(cp));
        }
    }
    flushWord();
    std::sort(result.begin(), result.end());
    result.erase(std::unique(result.begin(), result.end()), result.end());
    return result;
}

double jaccard(std::size_t shared, std::size_t a, std::size_t b) {
    const std::size_t together = a + b - shared;
    return together == 0 ? 0.0 : static_cast<double>(shared) / static_cast<double>(together);
}

}  // namespace

double trigramSimilarity(std::string_view a, std::string_view b) {
    const auto ta = trigramsOf(a);
    const auto tb = trigramsOf(b);
    std::vector<std::uint32_t> common;
    std::set_intersection(ta.begin(), ta.end(), tb.begin(), tb.end(), std::back_inserter(common));
    return jaccard(common.size(), ta.size(), tb.size());
}

void SimilarityIndex::add(const std::string& key, std::string_view text) {
    const auto entry = static_cast<std::uint32_t>(m_keys.size());
    m_keys.push_back(key);
    m_trigrams.push_back(trigramsOf(text));
    for (auto trigram : m_trigrams.back()) m_postings[trigram].push_back(entry);
}

void SimilarityIndex::clear() {
    m_keys.clear();
    m_trigrams.clear();
    m_postings.clear();
}

std::size_t SimilarityIndex::size() const { return m_keys.size(); }

std::vector<SimilarityIndex::Match> SimilarityIndex::query(std::string_view text, std::size_t k,
                                                           double threshold) const {
    const auto wanted = trigramsOf(text);
    if (wanted.empty() || k == 0) return {};
    // Count shared trigrams only for entries that share at least one: the postings make this proportional
    // to the matches, not to the size of the index.
    std::unordered_map<std::uint32_t, std::uint32_t> shared;
    for (auto trigram : wanted) {
        const auto it = m_postings.find(trigram);
        if (it == m_postings.end()) continue;
        for (auto entry : it->second) ++shared[entry];
    }
    std::vector<Match> matches;
    for (const auto& [entry, count] : shared) {
        const double score = jaccard(count, wanted.size(), m_trigrams[entry].size());
        if (score >= threshold) matches.push_back({m_keys[entry], score});
    }
    auto better = [](const Match& a, const Match& b) { return a.score != b.score ? a.score > b.score : a.key < b.key; };
    if (matches.size() > k) {
        std::partial_sort(matches.begin(), matches.begin() + static_cast<std::ptrdiff_t>(k), matches.end(), better);
        matches.resize(k);
    } else {
        std::sort(matches.begin(), matches.end(), better);
    }
    return matches;
}

}  // namespace storage
