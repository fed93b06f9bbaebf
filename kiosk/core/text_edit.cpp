// Draft editing with utf8proc: code point limits and grapheme-cluster backspace.
#include "kiosk/core/text_edit.h"

#include <utf8proc.h>

#include <vector>

namespace kiosk::core {

namespace {

bool allowed(utf8proc_int32_t cp, bool multiline) {
    if (cp == '\n') return multiline;
    const auto category = utf8proc_category(cp);
    if (category == UTF8PROC_CATEGORY_CC) return false;
    // Bidi embeddings, overrides and isolates would reorder what the next reader sees.
    return !((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069));
}

}  // namespace

std::string utf8FromCodepoints(const unsigned int* codepoints, std::size_t count) {
    std::string result;
    for (std::size_t i = 0; i < count; ++i) {
        const auto cp = static_cast<utf8proc_int32_t>(codepoints[i]);
        if (codepoints[i] > 0x10FFFF || !utf8proc_codepoint_valid(cp)) continue;
        utf8proc_uint8_t bytes[4];
        const auto n = utf8proc_encode_char(cp, bytes);
        result.append(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(n));
    }
    return result;
}

std::vector<DecodedChar> decode(std::string_view text) {
    std::vector<DecodedChar> result;
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    std::size_t offset = 0;
    while (offset < text.size()) {
        utf8proc_int32_t cp = 0;
        const auto n = utf8proc_iterate(bytes + offset, static_cast<utf8proc_ssize_t>(text.size() - offset), &cp);
        if (n <= 0) {
            ++offset;  // skip a broken byte: it is neither typed nor shown
            continue;
        }
        result.push_back({cp, offset});
        offset += static_cast<std::size_t>(n);
    }
    return result;
}

std::size_t characterCount(std::string_view text) { return decode(text).size(); }

InsertResult appendText(std::string& text, std::string_view input, std::size_t limit, bool multiline) {
    InsertResult result;
    std::size_t count = characterCount(text);
    for (const DecodedChar& decoded : decode(input)) {
        utf8proc_int32_t cp = decoded.cp;
        if (cp == '\r' || cp == '\t') cp = multiline && cp == '\r' ? '\n' : ' ';
        if (!allowed(cp, multiline)) continue;
        if (count >= limit) {
            result.truncated = true;
            break;
        }
        utf8proc_uint8_t buffer[4];
        const auto length = utf8proc_encode_char(cp, buffer);
        text.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(length));
        ++count;
        result.changed = true;
    }
    return result;
}

bool removeLastCharacter(std::string& text) {
    const auto points = decode(text);
    if (points.empty()) {
        text.clear();
        return false;
    }
    // Walk forward keeping the start of the last cluster; the stateful break handles emoji ZWJ sequences
    // and regional-indicator pairs (flags), which a backward scan cannot.
    std::size_t clusterStart = 0;
    utf8proc_int32_t state = 0;
    for (std::size_t i = 1; i < points.size(); ++i) {
        if (utf8proc_grapheme_break_stateful(points[i - 1].cp, points[i].cp, &state)) clusterStart = i;
    }
    text.erase(points[clusterStart].offset);
    return true;
}

std::string shortenForDisplay(std::string_view text, std::size_t maxChars) {
    const auto points = decode(text);
    std::size_t keep = points.size();
    if (points.size() > maxChars) {
        // Room for the ellipsis; the cut falls between clusters, so no accent or emoji part is left hanging.
        const std::size_t room = maxChars > 0 ? maxChars - 1 : 0;
        keep = 0;
        utf8proc_int32_t state = 0;
        for (std::size_t i = 1; i <= room; ++i) {
            if (utf8proc_grapheme_break_stateful(points[i - 1].cp, points[i].cp, &state)) keep = i;
        }
    }
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < keep; ++i) {
        utf8proc_uint8_t buffer[4];
        const auto length = utf8proc_encode_char(points[i].cp, buffer);
        out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(length));
    }
    if (keep < points.size()) out += "\u2026";
    return out;
}

void KeyRepeat::press(double now) {
    pressedAt = now;
    fired = 0;
}

void KeyRepeat::release() { pressedAt = -1.0; }

int KeyRepeat::due(double now) {
    if (pressedAt < 0) return 0;
    const double held = now - pressedAt;
    if (held < 0.5) return 0;
    const int total = 1 + static_cast<int>((held - 0.5) / 0.08);
    const int result = total - fired;
    fired = total;
    return result;
}

}  // namespace kiosk::core

namespace kiosk::core {

bool wantsCapital(std::string_view text, bool sentences) {
    std::size_t end = text.size();
    while (end > 0 && text[end - 1] == ' ') --end;
    if (end == 0) return true;
    if (!sentences) return false;
    const char last = text[end - 1];
    if (last == '\n') return true;
    // A sentence ends with its mark and a space, so "3.5" or "z.B" while typing stay as they are.
    return end < text.size() && (last == '.' || last == '!' || last == '?');
}

}  // namespace kiosk::core
