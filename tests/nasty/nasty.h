// Reads the corpus of nasty strings (tests/nasty/strings.txt) and decodes its escapes into raw bytes.
#pragma once

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace nasty {

struct Entry {
    std::string name;
    std::string text;  ///< raw bytes: may be invalid UTF-8 and hold NULs
};

namespace detail {

inline void appendCodePoint(std::string& out, std::uint32_t cp) {
    // Written the UTF-8 way even for surrogates, so the corpus can hold "encoded surrogates".
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

inline std::uint32_t parseNumber(const std::string& digits, int base, const std::string& line) {
    if (digits.empty()) throw std::runtime_error("nasty corpus: empty number in: " + line);
    return static_cast<std::uint32_t>(std::stoul(digits, nullptr, base));
}

}  // namespace detail

/// Decodes one TEXT of the corpus (see the header of strings.txt for the escapes).
inline std::string decode(const std::string& text) {
    std::string out;
    std::size_t unitStart = 0;         // where the last character, escape or group began in `out`
    std::vector<std::size_t> groups;   // starts of open groups
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        if (c != '\\') {
            // One literal UTF-8 character is one unit for \{N}.
            const auto lead = static_cast<unsigned char>(c);
            std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
            length = std::min(length, text.size() - i);
            unitStart = out.size();
            out.append(text, i, length);
            i += length;
            continue;
        }
        if (i + 1 >= text.size()) throw std::runtime_error("nasty corpus: a lone backslash at the end of: " + text);
        const char e = text[i + 1];
        i += 2;
        const std::size_t before = out.size();
        switch (e) {
            case '\\': out += '\\'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case '0': out += '\0'; break;
            case 'x':
                out += static_cast<char>(detail::parseNumber(text.substr(i, 2), 16, text));
                i += 2;
                break;
            case 'u': {
                const auto close = text.find('}', i);
                if (text[i] != '{' || close == std::string::npos) throw std::runtime_error("nasty corpus: bad \\u in: " + text);
                detail::appendCodePoint(out, detail::parseNumber(text.substr(i + 1, close - i - 1), 16, text));
                i = close + 1;
                break;
            }
            case '(':
                groups.push_back(out.size());
                continue;
            case ')':
                if (groups.empty()) throw std::runtime_error("nasty corpus: \\) without \\( in: " + text);
                unitStart = groups.back();
                groups.pop_back();
                continue;
            case '{': {
                const auto close = text.find('}', i);
                if (close == std::string::npos) throw std::runtime_error("nasty corpus: bad \\{N} in: " + text);
                const auto count = detail::parseNumber(text.substr(i, close - i), 10, text);
                i = close + 1;
                const std::string unit = out.substr(unitStart);
                for (std::uint32_t n = 1; n < count; ++n) out += unit;
                continue;
            }
            default: throw std::runtime_error(std::string("nasty corpus: unknown escape \\") + e + " in: " + text);
        }
        unitStart = before;
    }
    if (!groups.empty()) throw std::runtime_error("nasty corpus: \\( without \\) in: " + text);
    return out;
}

/// Every entry of the corpus file, in order.
inline std::vector<Entry> load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read the nasty corpus " + path);
    std::vector<Entry> entries;
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line.front() == '#') continue;
        const auto bar = line.find('|');
        if (bar == std::string::npos) throw std::runtime_error("nasty corpus: no NAME| in: " + line);
        entries.push_back({line.substr(0, bar), decode(line.substr(bar + 1))});
    }
    return entries;
}

}  // namespace nasty
