// Right-to-left text for Dear ImGui: shaping and per-line reordering through core/bidi, and the mirrored layout.
#include "kiosk/ui/shaped_text.h"

#include "imgui.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace kiosk::ui {

namespace {

// Set by the kiosk's view for the frame it draws (MirrorScope), read by AddShapedText; the glyphs each call drew
// in a mirrored frame, so MirrorDrawData moves every line of text as a whole. One frame at a time, one thread.
bool g_mirrored = false;
struct TextSpan {
    ImDrawList* list;
    int begin, end;  // vertex range
};
std::vector<TextSpan> g_spans;
// Set once by the window before any frame (SetScaledTextSampling); read by the drawing on the same thread.
ImDrawCallback g_scaledLinear = nullptr;
ImDrawCallback g_scaledRestore = nullptr;

// While it lives, glyphs added to `draw` are sampled with bilinear filtering, if they are scaled and the window
// gave the callbacks.
class ScaledSampling {
public:
    ScaledSampling(ImDrawList* draw, const ImFont* font, float size)
        : m_draw(g_scaledLinear && g_scaledRestore && std::fabs(size - font->FontSize) > 0.01f ? draw : nullptr) {
        if (m_draw) m_draw->AddCallback(g_scaledLinear, nullptr);
    }
    ~ScaledSampling() {
        if (m_draw) m_draw->AddCallback(g_scaledRestore, nullptr);
    }
    ScaledSampling(const ScaledSampling&) = delete;
    ScaledSampling& operator=(const ScaledSampling&) = delete;

private:
    ImDrawList* m_draw;
};

float runWidth(ImFont* font, float size, std::string_view text) {
    return font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.data(), text.data() + text.size()).x;
}

}  // namespace

// [SECTION] Shaping

bool isRightToLeftLanguage(const std::string& language) { return language == "ar"; }

std::string visualText(std::string_view text) {
    if (!core::hasRightToLeft(text)) return std::string(text);
    return core::visualLine(text).visual;
}

std::vector<core::VisualLine> visualLines(ImFont* font, float size, std::string_view text, float wrapWidth,
                                          core::BaseDirection fallback) {
    return core::wrapVisual(text, wrapWidth, [&](std::string_view shaped) { return runWidth(font, size, shaped); }, fallback);
}

ImVec2 shapedTextSize(ImFont* font, float size, std::string_view text, float wrapWidth) {
    if (!core::hasRightToLeft(text)) return font->CalcTextSizeA(size, FLT_MAX, wrapWidth, text.data(), text.data() + text.size());
    const auto lines = visualLines(font, size, text, wrapWidth);
    float width = 0;
    for (const auto& line : lines) width = std::max(width, runWidth(font, size, line.visual));
    return ImVec2(width, size * static_cast<float>(lines.size()));
}

namespace {

void record(ImDrawList* draw, int before) {
    if (g_mirrored && draw->VtxBuffer.Size > before) g_spans.push_back({draw, before, draw->VtxBuffer.Size});
}

}  // namespace

float visualWidth(ImFont* font, float size, std::string_view visual) { return runWidth(font, size, visual); }

void SetScaledTextSampling(ImDrawCallback linear, ImDrawCallback restore) {
    g_scaledLinear = linear;
    g_scaledRestore = restore;
}

void AddVisualText(ImDrawList* draw, ImFont* font, float size, const ImVec2& pos, unsigned int colour, std::string_view visual) {
    const ScaledSampling sampling(draw, font, size);
    const int before = draw->VtxBuffer.Size;
    draw->AddText(font, size, pos, colour, visual.data(), visual.data() + visual.size());
    record(draw, before);
}

void AddShapedText(ImDrawList* draw, ImFont* font, float size, const ImVec2& pos, unsigned int colour, const char* begin,
                   const char* end, float wrapWidth) {
    const std::string_view text(begin, end ? static_cast<std::size_t>(end - begin) : std::char_traits<char>::length(begin));
    if (!core::hasRightToLeft(text)) {
        const ScaledSampling sampling(draw, font, size);
        const int before = draw->VtxBuffer.Size;
        draw->AddText(font, size, pos, colour, text.data(), text.data() + text.size(), wrapWidth);
        record(draw, before);
        return;
    }
    float y = pos.y;
    for (const auto& line : visualLines(font, size, text, wrapWidth)) {
        float x = pos.x;
        // A right-to-left paragraph reads from the right edge of its box; the mirrored layout does this itself.
        if (wrapWidth > 0 && line.rightToLeft != g_mirrored) x += std::max(0.0f, wrapWidth - runWidth(font, size, line.visual));
        AddVisualText(draw, font, size, ImVec2(x, y), colour, line.visual);  // one recorded span per line
        y += size;
    }
}

// [SECTION] The mirrored layout

MirrorScope::MirrorScope(bool mirrored) : m_previous(g_mirrored) {
    g_mirrored = mirrored;
    g_spans.clear();
}
MirrorScope::~MirrorScope() { g_mirrored = m_previous; }

namespace {

/// Vertices [i, i + 4) are one glyph as ImFont::RenderText writes it: an axis-aligned quad, corners clockwise from
/// the top left, textured from the atlas (not its white pixel, which every shape uses).
bool glyphAt(const ImVector<ImDrawVert>& v, int i, const ImVec2& white) {
    if (i + 3 >= v.Size) return false;
    const ImDrawVert &a = v[i], &b = v[i + 1], &c = v[i + 2], &d = v[i + 3];
    if (a.uv.x == white.x && a.uv.y == white.y) return false;
    return a.pos.y == b.pos.y && b.pos.x > a.pos.x && c.pos.x == b.pos.x && c.pos.y > b.pos.y && d.pos.x == a.pos.x &&
           d.pos.y == c.pos.y && a.uv.y == b.uv.y && b.uv.x > a.uv.x && c.uv.x == b.uv.x && d.uv.x == a.uv.x && d.uv.y == c.uv.y;
}

/// Moves the glyphs [first, last) as a whole to the mirrored place of their box: [left, right] → [w - right, w - left].
void moveRun(ImVector<ImDrawVert>& v, int first, int last, float width) {
    if (first >= last) return;
    float left = FLT_MAX, right = -FLT_MAX;
    for (int k = first; k < last; ++k) {
        left = std::min(left, v[k].pos.x);
        right = std::max(right, v[k].pos.x);
    }
    const float shift = std::round(width - right - left);
    for (int k = first; k < last; ++k) v[k].pos.x += shift;
}

/// The glyphs of one AddShapedText call: one run per line. Dear ImGui's own wrapping draws several lines in one
/// call: a line starts well left of the glyph before it (more than a glyph's height; a mark, drawn right of the pen
/// with no advance, stands only a little right of the letter after it).
void moveSpan(ImVector<ImDrawVert>& v, int begin, int end, float width) {
    int lineStart = begin;
    float tallest = 0;
    for (int k = begin; k + 3 < end; k += 4) {
        if (k > lineStart && v[k].pos.x < v[k - 4].pos.x - std::max(tallest, 1.0f)) {
            moveRun(v, lineStart, k, width);
            lineStart = k;
            tallest = 0;
        }
        tallest = std::max(tallest, v[k + 2].pos.y - v[k].pos.y);
    }
    moveRun(v, lineStart, end, width);
}

/// Glyphs drawn by Dear ImGui itself (not through AddShapedText): consecutive quads on one line, no gap wider
/// than a glyph's height, moved together.
int moveUnrecordedRun(ImVector<ImDrawVert>& v, int i, const ImVec2& white, float width) {
    const int first = i;
    float right = v[i + 1].pos.x, tallest = v[i + 2].pos.y - v[i].pos.y;
    i += 4;
    while (glyphAt(v, i, white)) {
        const float x0 = v[i].pos.x;
        if (x0 < right - tallest || x0 > right + tallest) break;
        right = std::max(right, v[i + 1].pos.x);
        tallest = std::max(tallest, v[i + 2].pos.y - v[i].pos.y);
        i += 4;
    }
    moveRun(v, first, i, width);
    return i;
}

void mirrorList(ImDrawList* draw, float width) {
    ImVector<ImDrawVert>& v = draw->VtxBuffer;
    const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
    std::vector<std::pair<int, int>> spans;
    for (const auto& span : g_spans) {
        if (span.list == draw && span.end <= v.Size) spans.emplace_back(span.begin, span.end);
    }
    std::sort(spans.begin(), spans.end());
    std::size_t next = 0;
    int i = 0;
    while (i < v.Size) {
        while (next < spans.size() && spans[next].second <= i) ++next;
        if (next < spans.size() && spans[next].first == i) {
            moveSpan(v, spans[next].first, spans[next].second, width);
            i = spans[next].second;
        } else if (glyphAt(v, i, white)) {
            i = moveUnrecordedRun(v, i, white, width);
        } else {
            v[i].pos.x = width - v[i].pos.x;
            ++i;
        }
    }
    for (ImDrawCmd& cmd : draw->CmdBuffer) {
        const float x0 = cmd.ClipRect.x, x1 = cmd.ClipRect.z;
        cmd.ClipRect.x = width - x1;
        cmd.ClipRect.z = width - x0;
    }
}

}  // namespace

void MirrorDrawData(ImDrawData* data, float width) {
    if (data) {
        for (int n = 0; n < data->CmdListsCount; ++n) mirrorList(data->CmdLists[n], width);
    }
    g_spans.clear();
}

void MirrorDrawList(ImDrawList* draw, float width) {
    mirrorList(draw, width);
    std::erase_if(g_spans, [draw](const TextSpan& span) { return span.list == draw; });
}

}  // namespace kiosk::ui
