// libFuzzer target: bytes through the text validator, the normaliser, the folding for duplicates, trigram
// similarity, the message quoting, and the kiosk's text editing (a physical keyboard or a paste).
#include "fuzz_check.h"

#include "kiosk/core/text_edit.h"
#include "storage/similarity.h"
#include "storage/text.h"
#include "storage/types.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

using storage::TextField;

void validate(std::string_view input, TextField field) {
    std::string cleaned;
    try {
        cleaned = storage::cleanText(input, field);
    } catch (const storage::RuleError& e) {
        FUZZ_CHECK(e.code() == "invalid_utf8");
        FUZZ_CHECK(!storage::isValidUtf8(input));
        FUZZ_CHECK(fuzz::isClearMessage(e.what()));
        return;
    }
    FUZZ_CHECK(storage::isValidUtf8(input));
    FUZZ_CHECK(fuzz::isCleanText(cleaned, field));  // cleaning twice equals cleaning once
    try {
        storage::checkLength(cleaned, field);
        const std::size_t count = storage::codepointCount(cleaned);
        FUZZ_CHECK(field != TextField::Title || (count >= 1 && count <= storage::kTitleMax));
        FUZZ_CHECK(field != TextField::Description || count <= storage::kDescriptionMax);
        FUZZ_CHECK(field != TextField::Author || count <= storage::kAuthorMax);
        FUZZ_CHECK(field != TextField::Reason || count <= storage::kReasonMax);
        FUZZ_CHECK(field != TextField::Other || count <= storage::kOtherMax);
        FUZZ_CHECK(field != TextField::Title || storage::hasVisibleText(cleaned));
    } catch (const storage::RuleError& e) {
        FUZZ_CHECK(fuzz::isClearMessage(e.what()));
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    for (auto field : {TextField::Title, TextField::Description, TextField::Author, TextField::Reason, TextField::Other}) {
        validate(input, field);
    }

    const std::string folded = storage::foldForCompare(input);
    FUZZ_CHECK(storage::isValidUtf8(folded));
    FUZZ_CHECK(storage::foldForCompare(folded) == folded);
    // The kiosk compares a draft before it is cleaned with titles stored after: both must fold the same.
    if (storage::isValidUtf8(input)) FUZZ_CHECK(storage::foldForCompare(storage::cleanText(input, TextField::Other)) == folded);

    // Two texts from one input: split at the first NUL (or in the middle).
    const std::size_t cut = input.find('\0') != std::string_view::npos ? input.find('\0') : size / 2;
    const std::string_view a = input.substr(0, cut);
    const std::string_view b = input.substr(cut);
    const double ab = storage::trigramSimilarity(a, b);
    FUZZ_CHECK(ab >= 0.0 && ab <= 1.0);
    FUZZ_CHECK(ab == storage::trigramSimilarity(b, a));
    const double self = storage::trigramSimilarity(a, a);
    FUZZ_CHECK(self == 0.0 || self == 1.0);

    const std::string shown = storage::printableLine(input, 80);
    FUZZ_CHECK(storage::isValidUtf8(shown));
    FUZZ_CHECK(storage::codepointCount(shown) <= 80);
    FUZZ_CHECK(storage::printableLine(shown, 80) == shown);
    FUZZ_CHECK(fuzz::isClearMessage(storage::quoteUntrusted(input)));

    // The kiosk's draft: typed text never makes it invalid or longer than the limit, and backspace always
    // leaves valid UTF-8.
    for (const bool multiline : {false, true}) {
        std::string draft = multiline ? "Zeile\n" : "Größe ";
        const std::size_t limit = multiline ? storage::kDescriptionMax : storage::kTitleMax;
        kiosk::core::appendText(draft, a, limit, multiline);
        kiosk::core::appendText(draft, b, limit, multiline);
        FUZZ_CHECK(storage::isValidUtf8(draft));
        FUZZ_CHECK(kiosk::core::characterCount(draft) <= limit);
        for (int i = 0; i < 3 && !draft.empty(); ++i) {
            const std::size_t before = draft.size();
            FUZZ_CHECK(kiosk::core::removeLastCharacter(draft));
            FUZZ_CHECK(draft.size() < before);
            FUZZ_CHECK(storage::isValidUtf8(draft));
        }
    }
    // Panel labels: shortened text is valid UTF-8 within its limit, whatever came in.
    for (const std::size_t limit : {std::size_t{1}, std::size_t{7}, std::size_t{60}}) {
        const std::string label = kiosk::core::shortenForDisplay(input, limit);
        FUZZ_CHECK(storage::isValidUtf8(label));
        FUZZ_CHECK(kiosk::core::characterCount(label) <= limit);
    }
    return 0;
}
