// Invariant checks for the libFuzzer targets: a broken invariant aborts, so libFuzzer keeps the input.
#pragma once

#include "storage/text.h"

#include <cstdio>
#include <cstdlib>
#include <string>

#define FUZZ_FAIL(message)                                                                   \
    do {                                                                                     \
        std::fprintf(stderr, "invariant broken: %s (%s:%d)\n", message, __FILE__, __LINE__); \
        std::abort();                                                                        \
    } while (0)

#define FUZZ_CHECK(condition)                    \
    do {                                         \
        if (!(condition)) FUZZ_FAIL(#condition); \
    } while (0)

namespace fuzz {

/// An error message a person can read: one line of valid UTF-8 without control or bidi characters, short.
inline bool isClearMessage(const std::string& message) {
    return !message.empty() && message.size() <= 600 && storage::isValidUtf8(message) &&
           storage::printableLine(message, 1000) == message;
}

/// What the text validator promises for a cleaned field.
inline bool isCleanText(const std::string& text, storage::TextField field) {
    if (!storage::isValidUtf8(text)) return false;
    for (unsigned char c : text) {
        if (c == '\n' && (field == storage::TextField::Description || field == storage::TextField::Reason)) continue;
        if (c < 0x20 || c == 0x7F) return false;
    }
    if (!text.empty() && (text.front() == ' ' || text.back() == ' ')) return false;
    return storage::cleanText(text, field) == text;
}

}  // namespace fuzz
