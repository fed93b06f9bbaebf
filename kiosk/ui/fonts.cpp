// Font loading: FreeType rendering of Noto Sans, sized for the screen.
#include "kiosk/ui/fonts.h"

#include "imgui.h"
#include "imgui_freetype.h"

#include <algorithm>
#include <filesystem>
#include <stdexcept>

namespace kiosk::ui {

const unsigned short* glyphRanges() {
    static const ImWchar ranges[] = {
        0x0020, 0x00FF,  // Basic Latin and Latin-1 (ä ö ü ß ç)
        0x0100, 0x017F,  // Latin Extended-A (ğ ş ı İ)
        0x2000, 0x206F,  // General Punctuation („ “ – …)
        0x1E9E, 0x1E9E,  // ẞ (capital sharp s)
        0x20AC, 0x20AC,  // €
        0,
    };
    return ranges;
}

Fonts loadFonts(float shorterSide, const std::string& folder) {
    const std::string regular = folder + "/NotoSans-Regular.ttf";
    const std::string bold = folder + "/NotoSans-Bold.ttf";
    for (const auto& file : {regular, bold}) {
        if (!std::filesystem::exists(file)) {
            throw std::runtime_error("font " + file + " is missing (install the Debian package fonts-noto-core)");
        }
    }
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    atlas->Clear();
    atlas->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas->FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    // Text height scales with the screen: 1080 px high gives 30 px body text, readable from a step back.
    const float body = std::max(14.0f, shorterSide / 36.0f);
    Fonts fonts;
    fonts.body = atlas->AddFontFromFileTTF(regular.c_str(), body, nullptr, glyphRanges());
    fonts.bold = atlas->AddFontFromFileTTF(bold.c_str(), body, nullptr, glyphRanges());
    fonts.title = atlas->AddFontFromFileTTF(bold.c_str(), body * 1.8f, nullptr, glyphRanges());
    if (!fonts.body || !fonts.bold || !fonts.title || !atlas->Build()) {
        throw std::runtime_error("could not build the font atlas from " + folder);
    }
    return fonts;
}

}  // namespace kiosk::ui
