// Where a frame differs from the one before, per tile of the framebuffer (frame_damage.h says why).
#include "kiosk/ui/frame_damage.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace kiosk::ui {

// [SECTION] Fingerprints

namespace {

std::uint64_t mix(std::uint64_t h, std::uint64_t v) {
    // splitmix64's finaliser over the running value: order matters, as it must (the same triangles drawn in
    // another order can give other pixels).
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebULL;
    h ^= h >> 31;
    return h;
}

template <typename T>
std::uint64_t mixBytes(std::uint64_t h, const T& value) {
    static_assert(sizeof(T) % 4 == 0);
    for (std::size_t at = 0; at < sizeof(T); at += 4) {
        std::uint32_t word = 0;
        std::memcpy(&word, reinterpret_cast<const char*>(&value) + at, 4);
        h = mix(h, word);
    }
    return h;
}

std::uint64_t commandState(std::uint64_t state, const ImDrawCmd& cmd) {
    std::uint64_t h = mix(state, reinterpret_cast<std::uintptr_t>(cmd.UserCallback));
    return mix(h, reinterpret_cast<std::uintptr_t>(cmd.UserCallbackData));
}

PixelRect unionOf(const PixelRect& a, const PixelRect& b) {
    return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

// Merges the two rectangles whose union adds the fewest pixels, until at most `most` are left: a language turn
// changes the title band, the side column and the ticker, and their one bounding box would be the whole screen.
void mergeClosest(std::vector<PixelRect>& rects, int most) {
    while (static_cast<int>(rects.size()) > most) {
        std::size_t bestA = 0, bestB = 1;
        long bestExtra = -1;
        for (std::size_t a = 0; a < rects.size(); ++a) {
            for (std::size_t b = a + 1; b < rects.size(); ++b) {
                const long extra = static_cast<long>(unionOf(rects[a], rects[b]).area()) - rects[a].area() - rects[b].area();
                if (bestExtra < 0 || extra < bestExtra) bestExtra = extra, bestA = a, bestB = b;
            }
        }
        rects[bestA] = unionOf(rects[bestA], rects[bestB]);
        rects.erase(rects.begin() + static_cast<std::ptrdiff_t>(bestB));
    }
}

}  // namespace

Damage FrameDamage::Update(const ImDrawData& data, ImU32 background, int framebufferWidth, int framebufferHeight) {
    const int columns = (framebufferWidth + kTile - 1) / kTile;
    const int rows = (framebufferHeight + kTile - 1) / kTile;
    m_tiles.assign(static_cast<std::size_t>(std::max(0, columns * rows)), 0);
    const ImVec2 origin = data.DisplayPos;
    const ImVec2 scale = data.FramebufferScale;
    std::uint64_t state = 0;  // the render state callbacks so far (sampler changes): they change how a triangle looks
    for (int l = 0; l < data.CmdListsCount; ++l) {
        const ImDrawList& list = *data.CmdLists[l];
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            if (cmd.UserCallback) {
                state = commandState(state, cmd);
                continue;
            }
            const float clipX0 = (cmd.ClipRect.x - origin.x) * scale.x, clipY0 = (cmd.ClipRect.y - origin.y) * scale.y;
            const float clipX1 = (cmd.ClipRect.z - origin.x) * scale.x, clipY1 = (cmd.ClipRect.w - origin.y) * scale.y;
            std::uint64_t base = mixBytes(state, cmd.ClipRect);
            base = mix(base, reinterpret_cast<std::uintptr_t>(cmd.TextureId));
            for (unsigned int i = 0; i + 2 < cmd.ElemCount; i += 3) {
                std::uint64_t h = base;
                float x0 = clipX1, y0 = clipY1, x1 = clipX0, y1 = clipY0;
                for (unsigned int k = 0; k < 3; ++k) {
                    const ImDrawVert& v = list.VtxBuffer[static_cast<int>(cmd.VtxOffset + list.IdxBuffer[static_cast<int>(cmd.IdxOffset + i + k)])];
                    h = mixBytes(h, v);
                    const float px = (v.pos.x - origin.x) * scale.x, py = (v.pos.y - origin.y) * scale.y;
                    x0 = std::min(x0, px), y0 = std::min(y0, py), x1 = std::max(x1, px), y1 = std::max(y1, py);
                }
                // The triangle's pixels lie inside its bounds and its clip rectangle; one pixel more on each side
                // for the rasteriser's rounding.
                const int tx0 = std::max(0, static_cast<int>(std::floor(std::max(x0, clipX0))) - 1) / kTile;
                const int ty0 = std::max(0, static_cast<int>(std::floor(std::max(y0, clipY0))) - 1) / kTile;
                const int tx1 = std::min(columns - 1, (static_cast<int>(std::ceil(std::min(x1, clipX1))) + 1) / kTile);
                const int ty1 = std::min(rows - 1, (static_cast<int>(std::ceil(std::min(y1, clipY1))) + 1) / kTile);
                if (std::max(x0, clipX0) >= std::min(x1, clipX1) || std::max(y0, clipY0) >= std::min(y1, clipY1)) continue;
                for (int ty = ty0; ty <= ty1; ++ty) {
                    for (int tx = tx0; tx <= tx1; ++tx) {
                        auto& tile = m_tiles[static_cast<std::size_t>(ty * columns + tx)];
                        tile = mix(tile, h);
                    }
                }
            }
        }
    }
    Damage damage;
    const bool comparable = m_valid && columns == m_columns && rows == m_rows && framebufferWidth == m_width &&
                            framebufferHeight == m_height && background == m_background;
    m_columns = columns, m_rows = rows, m_width = framebufferWidth, m_height = framebufferHeight;
    m_background = background;
    m_valid = true;
    std::swap(m_tiles, m_previous);
    if (!comparable) return damage;
    // Runs of changed tiles per row, then runs of rows with the same run stacked into one rectangle.
    std::vector<PixelRect> rects;
    for (int ty = 0; ty < rows; ++ty) {
        for (int tx = 0; tx < columns;) {
            const auto at = static_cast<std::size_t>(ty * columns + tx);
            if (m_tiles[at] == m_previous[at]) {
                ++tx;
                continue;
            }
            int end = tx + 1;
            while (end < columns && m_tiles[static_cast<std::size_t>(ty * columns + end)] !=
                                        m_previous[static_cast<std::size_t>(ty * columns + end)]) {
                ++end;
            }
            const PixelRect run{tx * kTile, ty * kTile, std::min(framebufferWidth, end * kTile),
                                std::min(framebufferHeight, (ty + 1) * kTile)};
            const auto above = std::find_if(rects.begin(), rects.end(), [&](const PixelRect& r) {
                return r.x0 == run.x0 && r.x1 == run.x1 && r.y1 == run.y0;
            });
            if (above != rects.end()) {
                above->y1 = run.y1;
            } else {
                rects.push_back(run);
            }
            tx = end;
        }
    }
    mergeClosest(rects, kMaxRects);
    double changed = 0;
    for (const PixelRect& r : rects) changed += r.area();
    if (changed > kFullShare * framebufferWidth * framebufferHeight) return damage;
    damage.full = false;
    damage.rects = std::move(rects);
    return damage;
}

// [SECTION] Clipping to a rectangle

std::vector<ImVec4> SaveClipRects(const ImDrawData& data) {
    std::vector<ImVec4> saved;
    for (int l = 0; l < data.CmdListsCount; ++l) {
        for (const ImDrawCmd& cmd : data.CmdLists[l]->CmdBuffer) saved.push_back(cmd.ClipRect);
    }
    return saved;
}

void ClipDrawDataTo(ImDrawData& data, const std::vector<ImVec4>& saved, const PixelRect& rect, int framebufferHeight) {
    const ImVec2 origin = data.DisplayPos;
    const ImVec2 scale = data.FramebufferScale;
    const auto height = static_cast<float>(framebufferHeight);
    std::size_t at = 0;
    for (int l = 0; l < data.CmdListsCount; ++l) {
        for (ImDrawCmd& cmd : data.CmdLists[l]->CmdBuffer) {
            const ImVec4& own = saved[at++];
            // The pixels ImGui's OpenGL backend lets this command draw: its scissor box, truncated as it truncates.
            const float minX = (own.x - origin.x) * scale.x, minY = (own.y - origin.y) * scale.y;
            const float maxX = (own.z - origin.x) * scale.x, maxY = (own.w - origin.y) * scale.y;
            const int left = static_cast<int>(minX);
            const int right = left + static_cast<int>(maxX - minX);
            const int fromBottom = static_cast<int>(height - maxY);
            const int bottom = framebufferHeight - fromBottom;
            const int top = bottom - static_cast<int>(maxY - minY);
            // Those pixels inside `rect`, as a clip rectangle on whole pixels that the backend turns into exactly
            // them (so a partial frame's pixels are the whole frame's; a fraction cut at the rectangle's edge would
            // lose a column there).
            const int x0 = std::max(left, rect.x0), x1 = std::max(x0, std::min(right, rect.x1));
            const int y0 = std::max(top, rect.y0), y1 = std::max(y0, std::min(bottom, rect.y1));
            cmd.ClipRect = ImVec4(origin.x + static_cast<float>(x0) / scale.x, origin.y + static_cast<float>(y0) / scale.y,
                                  origin.x + static_cast<float>(x1) / scale.x, origin.y + static_cast<float>(y1) / scale.y);
        }
    }
}

void RestoreClipRects(ImDrawData& data, const std::vector<ImVec4>& saved) {
    std::size_t at = 0;
    for (int l = 0; l < data.CmdListsCount; ++l) {
        for (ImDrawCmd& cmd : data.CmdLists[l]->CmdBuffer) cmd.ClipRect = saved[at++];
    }
}

}  // namespace kiosk::ui
