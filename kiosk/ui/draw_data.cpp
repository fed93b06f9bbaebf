// Draw data statistics and the full-screen background taken out of it (see draw_data.h).
#include "kiosk/ui/draw_data.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace kiosk::ui {

namespace {

// A triangle clipped to a rectangle has at most seven corners.
struct Polygon {
    std::array<ImVec2, 8> points{};
    int count = 0;
};

// One step of Sutherland–Hodgman: the part of `in` on the inside of one edge of the rectangle.
template <class Inside, class Cross>
Polygon clipEdge(const Polygon& in, Inside inside, Cross cross) {
    Polygon out;
    for (int i = 0; i < in.count; ++i) {
        const ImVec2 a = in.points[static_cast<std::size_t>(i)];
        const ImVec2 b = in.points[static_cast<std::size_t>((i + 1) % in.count)];
        const bool aIn = inside(a), bIn = inside(b);
        if (aIn) out.points[static_cast<std::size_t>(out.count++)] = a;
        if (aIn != bIn) out.points[static_cast<std::size_t>(out.count++)] = cross(a, b);
    }
    return out;
}

double clippedArea(ImVec2 a, ImVec2 b, ImVec2 c, const ImVec4& clip) {
    Polygon p;
    p.points[0] = a;
    p.points[1] = b;
    p.points[2] = c;
    p.count = 3;
    auto atX = [](ImVec2 u, ImVec2 v, float x) { return ImVec2(x, u.y + (v.y - u.y) * (x - u.x) / (v.x - u.x)); };
    auto atY = [](ImVec2 u, ImVec2 v, float y) { return ImVec2(u.x + (v.x - u.x) * (y - u.y) / (v.y - u.y), y); };
    p = clipEdge(p, [&](ImVec2 q) { return q.x >= clip.x; }, [&](ImVec2 u, ImVec2 v) { return atX(u, v, clip.x); });
    p = clipEdge(p, [&](ImVec2 q) { return q.x <= clip.z; }, [&](ImVec2 u, ImVec2 v) { return atX(u, v, clip.z); });
    p = clipEdge(p, [&](ImVec2 q) { return q.y >= clip.y; }, [&](ImVec2 u, ImVec2 v) { return atY(u, v, clip.y); });
    p = clipEdge(p, [&](ImVec2 q) { return q.y <= clip.w; }, [&](ImVec2 u, ImVec2 v) { return atY(u, v, clip.w); });
    double twice = 0;
    for (int i = 0; i < p.count; ++i) {
        const ImVec2 u = p.points[static_cast<std::size_t>(i)];
        const ImVec2 v = p.points[static_cast<std::size_t>((i + 1) % p.count)];
        twice += static_cast<double>(u.x) * v.y - static_cast<double>(v.x) * u.y;
    }
    return std::abs(twice) * 0.5;
}

}  // namespace

DrawDataStats MeasureDrawData(const ImDrawData& data) {
    DrawDataStats stats;
    stats.screen = static_cast<double>(data.DisplaySize.x) * data.DisplaySize.y;
    const ImVec2 min = data.DisplayPos;
    const ImVec2 max(min.x + data.DisplaySize.x, min.y + data.DisplaySize.y);
    for (int n = 0; n < data.CmdListsCount; ++n) {
        const ImDrawList* list = data.CmdLists[n];
        ++stats.lists;
        stats.vertices += list->VtxBuffer.Size;
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            ++stats.commands;
            if (cmd.UserCallback) continue;
            stats.indices += static_cast<int>(cmd.ElemCount);
            const ImVec4 clip(std::max(cmd.ClipRect.x, min.x), std::max(cmd.ClipRect.y, min.y),
                              std::min(cmd.ClipRect.z, max.x), std::min(cmd.ClipRect.w, max.y));
            if (clip.z <= clip.x || clip.w <= clip.y) continue;
            const ImDrawIdx* idx = list->IdxBuffer.Data + cmd.IdxOffset;
            const ImDrawVert* vtx = list->VtxBuffer.Data + cmd.VtxOffset;
            for (unsigned int i = 0; i + 2 < cmd.ElemCount; i += 3) {
                stats.covered += clippedArea(vtx[idx[i]].pos, vtx[idx[i + 1]].pos, vtx[idx[i + 2]].pos, clip);
            }
        }
    }
    return stats;
}

std::optional<ImU32> TakeOpaqueBackground(ImDrawData& data) {
    if (data.CmdListsCount == 0 || data.DisplaySize.x <= 0 || data.DisplaySize.y <= 0) return std::nullopt;
    ImDrawList* list = data.CmdLists[0];
    if (list->CmdBuffer.Size == 0) return std::nullopt;
    ImDrawCmd& cmd = list->CmdBuffer[0];
    const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    if (cmd.UserCallback || cmd.ElemCount < 6 || cmd.TextureId != atlas->TexID) return std::nullopt;
    const ImVec2 min = data.DisplayPos;
    const ImVec2 max(min.x + data.DisplaySize.x, min.y + data.DisplaySize.y);
    if (cmd.ClipRect.x > min.x || cmd.ClipRect.y > min.y || cmd.ClipRect.z < max.x || cmd.ClipRect.w < max.y) {
        return std::nullopt;
    }
    const ImDrawIdx* idx = list->IdxBuffer.Data + cmd.IdxOffset;
    const int available = list->VtxBuffer.Size - static_cast<int>(cmd.VtxOffset);
    const ImDrawVert* vtx = list->VtxBuffer.Data + cmd.VtxOffset;
    if (static_cast<int>(cmd.IdxOffset) + 6 > list->IdxBuffer.Size) return std::nullopt;
    // Two triangles, each three corners of the display (0 top left, 1 top right, 2 bottom left, 3 bottom right),
    // one colour, opaque, on the atlas's white pixel; together the whole display: they share a diagonal.
    std::array<int, 6> corner{};
    const ImU32 colour = idx[0] < available ? vtx[idx[0]].col : 0;
    if ((colour & IM_COL32_A_MASK) != IM_COL32_A_MASK) return std::nullopt;
    for (std::size_t k = 0; k < corner.size(); ++k) {
        if (idx[k] >= available) return std::nullopt;
        const ImDrawVert& v = vtx[idx[k]];
        if (v.col != colour || v.uv.x != atlas->TexUvWhitePixel.x || v.uv.y != atlas->TexUvWhitePixel.y) return std::nullopt;
        const bool left = v.pos.x == min.x, right = v.pos.x == max.x, top = v.pos.y == min.y, bottom = v.pos.y == max.y;
        if (!(left || right) || !(top || bottom)) return std::nullopt;
        corner[k] = (right ? 1 : 0) + (bottom ? 2 : 0);
    }
    auto threeCorners = [&](std::size_t first) {
        return corner[first] != corner[first + 1] && corner[first] != corner[first + 2] && corner[first + 1] != corner[first + 2];
    };
    if (!threeCorners(0) || !threeCorners(3)) return std::nullopt;
    // The corner each triangle lacks: the two must be opposite (their numbers differ in both bits).
    const int missingFirst = 6 - corner[0] - corner[1] - corner[2];
    const int missingSecond = 6 - corner[3] - corner[4] - corner[5];
    if ((missingFirst ^ missingSecond) != 3) return std::nullopt;
    cmd.IdxOffset += 6;
    cmd.ElemCount -= 6;
    return colour;
}

}  // namespace kiosk::ui
