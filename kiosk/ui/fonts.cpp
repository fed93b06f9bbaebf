// Font loading: FreeType rendering of Noto Sans, sized for the screen, with the icon font merged in.
#include "kiosk/ui/fonts.h"

#include "kiosk/ui/theme.h"

#include "imgui.h"
#include "imgui_freetype.h"

#include <filesystem>
#include <stdexcept>

namespace kiosk::ui {

const unsigned short* glyphRanges() {
    static const ImWchar ranges[] = {
        0x0020, 0x00FF,  // Basic Latin and Latin-1 (ä ö ü ß ç)
        0x0100, 0x017F,  // Latin Extended-A (ğ ş ı İ, ą ć ę ł ń ś ź ż, ş ê î û are Latin-1 or here)
        0x0400, 0x045F,  // Cyrillic: Russian and Ukrainian letters (ё є і ї), not the historic ones
        0x0490, 0x0491,  // Ґ ґ (Ukrainian)
        0x2000, 0x206F,  // General Punctuation („ “ – …)
        0x1E9E, 0x1E9E,  // ẞ (capital sharp s)
        0x20AC, 0x20AC,  // €
        0x2190, 0x2193,  // ← ↑ → ↓ (the panel's log: "published → hidden")
        0,
    };
    return ranges;
}

const unsigned short* iconRanges() {
    // One pair per icon of fonts.h: only the glyphs the views draw go into the atlas.
    static const ImWchar ranges[] = {
        0xF060, 0xF061, 0xF00C, 0xF00D, 0xF087, 0xF087, 0xF164, 0xF164, 0xF0E2, 0xF0E2, 0xF0AC, 0xF0AC,
        0xF002, 0xF002, 0xF062, 0xF062, 0xF177, 0xF177, 0xF149, 0xF149, 0xF071, 0xF071, 0xF0EB, 0xF0EB,
        0xF0CB, 0xF0CB, 0xF25A, 0xF25A, 0xF1D8, 0xF1D8, 0xF017, 0xF017, 0xF26C, 0xF26C, 0xF06E, 0xF06E,
        0xF070, 0xF070, 0xF08D, 0xF08D, 0xF040, 0xF040, 0xF126, 0xF126, 0xF287, 0xF287, 0xF034, 0xF034, 0xF042, 0xF042, 0,
    };
    return ranges;
}

const unsigned short* arabicRanges() {
    // What core/bidi's FriBidi shaping draws: the Arabic block (letters as typed, marks, Arabic-Indic digits),
    // presentation forms A where FriBidi shapes Persian and Urdu letters, and forms B (every Arabic letter's
    // joined forms, lam-alef). Not FC00–FDFF: FriBidi never makes those ligatures.
    static const ImWchar ranges[] = {0x0600, 0x06FF, 0xFB50, 0xFBFF, 0xFE70, 0xFEFE, 0};
    return ranges;
}

namespace {

const ImWchar* displayRanges() {
    static const ImWchar ranges[] = {0x0020, 0x0020, 0x0023, 0x0023, 0x0030, 0x0039, 0};  // space, '#', digits
    return ranges;
}

ImFont* addWithIcons(ImFontAtlas* atlas, const std::string& file, float size, const std::string& iconFile,
                     const std::string& arabicFile) {
    ImFont* font = atlas->AddFontFromFileTTF(file.c_str(), size, nullptr, glyphRanges());
    ImFontConfig arabic;
    arabic.MergeMode = true;
    // Noto Sans Arabic's line is taller than Noto Sans': at the same line height its letters look small. At 1.55×
    // its deepest letters (final yeh: 0.32 of the line below the baseline) reach 4 px below Noto Sans' descent at
    // 1080p while its tallest (alef with hamza) stay 5 px under the ascent: raised a little, every letter stays
    // inside the line box the layout reserves, so no line touches the next or leaves its button.
    arabic.GlyphOffset.y = -size * 0.09f;
    atlas->AddFontFromFileTTF(arabicFile.c_str(), size * kArabicSizeFactor, &arabic, arabicRanges());
    ImFontConfig merge;
    merge.MergeMode = true;
    merge.PixelSnapH = true;
    merge.GlyphMinAdvanceX = size * 0.9f;  // icons share one width, so labels line up
    // Font Awesome's line is taller than its glyphs: a slightly smaller size sits them on Noto's cap height.
    merge.GlyphOffset.y = size * 0.02f;
    atlas->AddFontFromFileTTF(iconFile.c_str(), size * 0.9f, &merge, iconRanges());
    return font;
}

}  // namespace

Fonts Fonts::forTextSize(bool large) const {
    if (!large || !largeBody || !largeBold || !largeTitle) return *this;
    Fonts chosen = *this;
    chosen.body = largeBody;
    chosen.bold = largeBold;
    chosen.title = largeTitle;
    return chosen;
}

Fonts loadFonts(float shorterSide, bool withLargeText, const std::string& folder, const std::string& iconFile) {
    const std::string regular = folder + "/NotoSans-Regular.ttf";
    const std::string bold = folder + "/NotoSans-Bold.ttf";
    const std::string arabicRegular = folder + "/NotoSansArabic-Regular.ttf";
    const std::string arabicBold = folder + "/NotoSansArabic-Bold.ttf";
    for (const auto& file : {regular, bold, arabicRegular, arabicBold}) {
        if (!std::filesystem::exists(file)) {
            throw std::runtime_error("font " + file + " is missing (install the Debian package fonts-noto-core)");
        }
    }
    if (!std::filesystem::exists(iconFile)) {
        throw std::runtime_error("icon font " + iconFile + " is missing (install the Debian package fonts-font-awesome)");
    }
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    atlas->Clear();
    atlas->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas->FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    // No power-of-two padding: the atlas stays as small as its glyphs (memory of the kiosk process).
    atlas->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    // The type scale of the theme: body text with an em of 1/36 of the shorter side, loaded by line height.
    const theme::Scale scale = theme::scaleFor(shorterSide, shorterSide);
    Fonts fonts;
    fonts.body = addWithIcons(atlas, regular, scale.body, iconFile, arabicRegular);
    fonts.bold = addWithIcons(atlas, bold, scale.body, iconFile, arabicBold);
    fonts.title = addWithIcons(atlas, bold, scale.heading, iconFile, arabicBold);
    fonts.display = atlas->AddFontFromFileTTF(bold.c_str(), scale.display, nullptr, displayRanges());
    if (withLargeText) {
        // Rendered at their own size rather than scaled up: FreeType's hinting keeps large text as sharp as normal.
        fonts.largeBody = addWithIcons(atlas, regular, scale.body * theme::kLargeTextFactor, iconFile, arabicRegular);
        fonts.largeBold = addWithIcons(atlas, bold, scale.body * theme::kLargeTextFactor, iconFile, arabicBold);
        fonts.largeTitle = addWithIcons(atlas, bold, scale.heading * theme::kLargeTextFactor, iconFile, arabicBold);
    }
    const bool largeMissing = withLargeText && (!fonts.largeBody || !fonts.largeBold || !fonts.largeTitle);
    if (!fonts.body || !fonts.bold || !fonts.title || !fonts.display || largeMissing || !atlas->Build()) {
        throw std::runtime_error("could not build the font atlas from " + folder + " and " + iconFile);
    }
    return fonts;
}

}  // namespace kiosk::ui
