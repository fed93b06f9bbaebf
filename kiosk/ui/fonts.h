// Noto Sans through FreeType, with the glyph ranges German, Turkish and English text needs.
#pragma once

#include <string>

struct ImFont;

namespace kiosk::ui {

struct Fonts {
    ImFont* body = nullptr;
    ImFont* bold = nullptr;
    ImFont* title = nullptr;
};

/// Where Debian's fonts-noto-core puts Noto Sans.
inline constexpr const char* kNotoFolder = "/usr/share/fonts/truetype/noto";

/// Adds Regular and Bold at sizes derived from the framebuffer's shorter side to the current ImGui context's atlas,
/// built with FreeType. Throws std::runtime_error naming the missing file and the package to install.
Fonts loadFonts(float shorterSide, const std::string& folder = kNotoFolder);

/// The glyph ranges used: Basic Latin, Latin-1, Latin Extended-A (ğ ş ı İ), General Punctuation („ “ – …), ẞ, €.
const unsigned short* glyphRanges();

}  // namespace kiosk::ui
