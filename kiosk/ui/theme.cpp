// Design tokens: the palette and its contrast pairs, the type and spacing scale, the layout grid.
#include "kiosk/ui/theme.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui::theme {

Palette highContrastPalette() {
    Palette p;
    // The page a shade darker than the white cards, so a card's edge still shows; chips and segmented controls
    // darker again.
    p.page = {0xF0, 0xF0, 0xF0};
    p.surface = {0xFF, 0xFF, 0xFF};
    p.surfaceSunken = {0xDC, 0xDC, 0xDC};
    p.surfacePressed = {0xC0, 0xC0, 0xC0};
    p.border = {0x00, 0x00, 0x00};
    p.text = {0x00, 0x00, 0x00};
    p.textMuted = {0x2B, 0x2B, 0x2B};
    p.primary = {0x00, 0x33, 0x80};
    p.primaryPressed = {0x00, 0x1A, 0x4D};
    p.success = {0x00, 0x50, 0x1E};
    p.successPressed = {0x00, 0x33, 0x12};
    p.successSurface = {0xEE, 0xF8, 0xF1};
    p.warning = {0x5C, 0x2E, 0x00};
    p.warningSurface = {0xFF, 0xF6, 0xE8};
    p.trouble = {0x80, 0x00, 0x00};
    p.troubleSurface = {0xFF, 0xF2, 0xF0};
    p.disabled = {0xE0, 0xE0, 0xE0};
    p.onDisabled = {0x2B, 0x2B, 0x2B};
    p.band = {0x00, 0x00, 0x00};
    p.onBandMuted = {0xE6, 0xE6, 0xE6};
    p.caret = {0x00, 0x00, 0x00};
    p.tokenFull = {0x00, 0x33, 0x80};
    p.tokenEmpty = {0x6E, 0x6E, 0x6E};
    p.rimCategoryMarks = true;  // the example event's yellow is 1.2:1 on a chip: the rim makes it 12:1 at its edge
    return p;
}

namespace {
// Set only by HighContrastScope on the thread that draws; the views read it through palette().
thread_local bool highContrastOn = false;
}  // namespace

const Palette& palette() {
    static const Palette ordinary;
    static const Palette high = highContrastPalette();
    return highContrastOn ? high : ordinary;
}

HighContrastScope::HighContrastScope(bool on) : m_before(highContrastOn) { highContrastOn = on; }
HighContrastScope::~HighContrastScope() { highContrastOn = m_before; }

std::vector<TextPair> textPairs(const Palette& p) {
    return {
        {"text on page", p.text, p.page},
        {"text on surface", p.text, p.surface},
        {"text on sunken", p.text, p.surfaceSunken},
        {"text on pressed", p.text, p.surfacePressed},
        {"muted on page", p.textMuted, p.page},
        {"muted on surface", p.textMuted, p.surface},
        {"muted on sunken", p.textMuted, p.surfaceSunken},
        {"muted on pressed", p.textMuted, p.surfacePressed},
        {"success text on page", p.success, p.page},
        {"primary text on page", p.primary, p.page},
        {"primary text on surface", p.primary, p.surface},
        {"on primary", p.onPrimary, p.primary},
        {"on primary pressed", p.onPrimary, p.primaryPressed},
        {"on success", p.onSuccess, p.success},
        {"on success pressed", p.onSuccess, p.successPressed},
        {"success text on surface", p.success, p.surface},
        {"success on success surface", p.success, p.successSurface},
        {"warning on surface", p.warning, p.surface},
        {"warning on page", p.warning, p.page},
        {"warning on warning surface", p.warning, p.warningSurface},
        {"trouble on surface", p.trouble, p.surface},
        {"trouble on trouble surface", p.trouble, p.troubleSurface},
        {"text on trouble surface", p.text, p.troubleSurface},
        {"on trouble", p.onTrouble, p.trouble},
        {"disabled", p.onDisabled, p.disabled},
        {"on band", p.onBand, p.band},
        {"muted on band", p.onBandMuted, p.band},
        {"key text", p.text, p.keySurface},
    };
}

double relativeLuminance(Rgb colour) {
    auto channel = [](std::uint8_t value) {
        const double c = value / 255.0;
        return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(colour.r) + 0.7152 * channel(colour.g) + 0.0722 * channel(colour.b);
}

double contrastRatio(Rgb a, Rgb b) {
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

Rgb readableOn(Rgb background) {
    const Palette& p = palette();
    return contrastRatio(p.text, background) >= contrastRatio(p.onPrimary, background) ? p.text : p.onPrimary;
}

Scale scaleFor(float width, float height) {
    const float shorter = std::max(1.0f, std::min(width, height));
    Scale s;
    s.em = std::max(12.0f, shorter * kEmPerShorterSide);
    s.body = s.em * kNotoLineHeight;
    s.heading = s.em * 1.4f * kNotoLineHeight;
    s.display = s.em * 2.4f * kNotoLineHeight;
    const float unit = shorter / 54.0f;  // 20 px at 1080
    s.xs = unit * 0.25f;
    s.s = unit * 0.5f;
    s.m = unit;
    s.l = unit * 1.5f;
    s.xl = unit * 2.5f;
    s.radius = unit * 0.6f;
    s.radiusLarge = unit;
    s.target = std::max(60.0f, unit * 4.5f);
    s.border = std::max(2.0f, unit * 0.15f);
    return s;
}

Grid gridFor(float width, float height, const Scale& scale) {
    Grid g;
    g.margin = std::max(scale.l, std::min(width, height) * 0.035f);
    const float column = std::min(width - 2.0f * g.margin, scale.em * 48.0f);
    g.width = std::floor(std::max(0.0f, column));
    g.x = std::floor((width - g.width) * 0.5f);
    g.top = scale.m;
    g.bottom = scale.l;
    return g;
}

}  // namespace kiosk::ui::theme
