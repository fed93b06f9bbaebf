// The report's words in German, Turkish and English (German is the fallback for any other language).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace report {

/// The report languages, German first.
inline const std::vector<std::string> kReportLanguages = {"de", "tr", "en"};

/// The text for `key` in `language`, German when the language has none. An unknown key comes back as itself,
/// so a missing text shows up in the report instead of vanishing.
std::string text(const std::string& language, std::string_view key);

/// A whole number with the language's thousands separator ("10.000" in German, "10,000" in English).
std::string formatCount(const std::string& language, long long n);
/// A share as a percentage with one decimal ("12,5 %" in German, "%12,5" in Turkish, "12.5%" in English).
std::string formatShare(const std::string& language, double share);

}  // namespace report
