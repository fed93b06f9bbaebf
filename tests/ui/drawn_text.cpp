// Reads the drawn text back from Dear ImGui's draw data and checks it against the layout rules.
#include "drawn_text.h"

#include "kiosk/core/bidi.h"
#include "kiosk/core/text_edit.h"
#include "storage/text.h"

#include <utf8proc.h>

#include "imgui.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

namespace kiosk::ui::testing {

// [SECTION] Boxes and strings

Box Box::intersect(const Box& o) const {
    return {std::max(x0, o.x0), std::max(y0, o.y0), std::min(x1, o.x1), std::min(y1, o.y1)};
}

Box Box::unite(const Box& o) const {
    if (empty()) return o;
    if (o.empty()) return *this;
    return {std::min(x0, o.x0), std::min(y0, o.y0), std::max(x1, o.x1), std::max(y1, o.y1)};
}

bool Box::contains(const Box& o, float slack) const {
    return o.x0 >= x0 - slack && o.y0 >= y0 - slack && o.x1 <= x1 + slack && o.y1 <= y1 + slack;
}

std::string describe(const Box& box) {
    char text[96];
    std::snprintf(text, sizeof text, "(%.0f,%.0f %.0f×%.0f)", box.x0, box.y0, box.width(), box.height());
    return text;
}

namespace {

std::u32string codepoints(const std::string& text) {
    std::u32string out;
    storage::nfcCodePoints(text, out);
    return out;
}

std::string utf8(const std::u32string& text) {
    const std::vector<unsigned int> units(text.begin(), text.end());
    return core::utf8FromCodepoints(units.data(), units.size());
}

bool isSpace(char32_t c) { return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0xA0; }

// White space says nothing about shortening: wrapping eats it, and "#%d  %s" adds it.
std::u32string withoutSpace(const std::u32string& text) {
    std::u32string out;
    for (char32_t c : text) {
        if (!isSpace(c)) out.push_back(c);
    }
    return out;
}

}  // namespace

std::string preview(const std::string& text, std::size_t maxChars) {
    std::u32string cps = codepoints(text);
    if (cps.size() <= maxChars) return text;
    cps.resize(maxChars);
    return utf8(cps) + "[…]";
}

const char* kindName(LayoutProblem::Kind kind) {
    switch (kind) {
        case LayoutProblem::Kind::Overlap: return "overlap";
        case LayoutProblem::Kind::Cut: return "cut";
        case LayoutProblem::Kind::OffScreen: return "off-screen";
        case LayoutProblem::Kind::OutsideElement: return "outside its element";
        case LayoutProblem::Kind::ShortenedWithoutEllipsis: return "shortened without ellipsis";
        case LayoutProblem::Kind::ShortenedHeading: return "a heading shortened";
        case LayoutProblem::Kind::ShortenedWithRoom: return "shortened with room for another line";
    }
    return "?";
}

// [SECTION] Recording

namespace {

struct GlyphRef {
    int font = -1;
    const ImFontGlyph* glyph = nullptr;
};

// Every visible glyph of the atlas by its exact texture coordinates, and a list for trimmed quads.
class GlyphIndex {
public:
    explicit GlyphIndex(const ImFontAtlas& atlas) {
        for (int f = 0; f < atlas.Fonts.Size; ++f) {
            const ImFont* font = atlas.Fonts[f];
            for (const ImFontGlyph& g : font->Glyphs) {
                if (!g.Visible) continue;
                m_exact[{g.U0, g.V0, g.U1, g.V1}] = {f, &g};
                m_all.push_back({f, &g});
            }
        }
    }
    GlyphRef exact(float u0, float v0, float u1, float v1) const {
        const auto it = m_exact.find({u0, v0, u1, v1});
        return it == m_exact.end() ? GlyphRef{} : it->second;
    }
    // ImGui's CPU clipping moves the texture coordinates of a trimmed glyph inside the glyph's own.
    GlyphRef containing(float u0, float v0, float u1, float v1) const {
        constexpr float eps = 1e-6f;
        for (const GlyphRef& r : m_all) {
            const ImFontGlyph& g = *r.glyph;
            if (u0 >= g.U0 - eps && u1 <= g.U1 + eps && v0 >= g.V0 - eps && v1 <= g.V1 + eps) return r;
        }
        return {};
    }

private:
    std::map<std::array<float, 4>, GlyphRef> m_exact;
    std::vector<GlyphRef> m_all;
};

struct PlacedGlyph {
    DrawnGlyph glyph;
    const ImFontGlyph* source = nullptr;
    int list = 0;
    int command = 0;
    int sequence = 0;  ///< primitives drawn before it in its list: a glyph right after another continues its text
    float scale = 1;   ///< drawn pixels per atlas pixel of the font
    float penX = 0;    ///< where the glyph's advance starts
};

struct Occluder {
    int list = 0;
    Box box;
    bool opaque = false;  ///< alpha 240 and more: what lies beneath cannot be read
};

Box clipBox(const ImVec4& r) { return {r.x, r.y, r.z, r.w}; }

}  // namespace

std::vector<TextRun> recordDrawnText(const ImDrawData& data, const ImFontAtlas& atlas) {
    const GlyphIndex index(atlas);
    const ImVec2 white = atlas.TexUvWhitePixel;
    std::vector<PlacedGlyph> placed;
    std::vector<Occluder> occluders;
    constexpr float eps = 0.5f;

    for (int l = 0; l < data.CmdListsCount; ++l) {
        const ImDrawList& list = *data.CmdLists[l];
        int sequence = 0;
        for (int c = 0; c < list.CmdBuffer.Size; ++c) {
            const ImDrawCmd& cmd = list.CmdBuffer[c];
            if (cmd.UserCallback) continue;
            const Box clip = clipBox(cmd.ClipRect);
            const ImDrawIdx* idx = list.IdxBuffer.Data + cmd.IdxOffset;
            const unsigned int count = cmd.ElemCount;
            for (unsigned int i = 0; i + 2 < count;) {
                // ImGui writes a glyph (and a plain rectangle) as four vertices and the triangles a,a+1,a+2 and a,a+2,a+3.
                const unsigned int a = idx[i];
                const bool quad = i + 5 < count && idx[i + 1] == a + 1 && idx[i + 2] == a + 2 && idx[i + 3] == a &&
                                  idx[i + 4] == a + 2 && idx[i + 5] == a + 3;
                ++sequence;
                if (!quad) {
                    i += 3;
                    continue;
                }
                i += 6;
                const ImDrawVert* v = list.VtxBuffer.Data + cmd.VtxOffset + a;
                const bool aligned = v[0].pos.y == v[1].pos.y && v[1].pos.x == v[2].pos.x && v[2].pos.y == v[3].pos.y &&
                                     v[3].pos.x == v[0].pos.x;
                if (!aligned) continue;
                const Box box{v[0].pos.x, v[0].pos.y, v[2].pos.x, v[2].pos.y};
                const unsigned int alpha = (v[0].col >> IM_COL32_A_SHIFT) & 0xFF;
                if (v[0].uv.x == white.x && v[0].uv.y == white.y && v[2].uv.x == white.x && v[2].uv.y == white.y) {
                    if (alpha >= 128) occluders.push_back({l, box.intersect(clip), alpha >= 240});
                    continue;
                }
                if (alpha == 0) continue;
                const float u0 = v[0].uv.x, v0 = v[0].uv.y, u1 = v[2].uv.x, v1 = v[2].uv.y;
                GlyphRef ref = index.exact(u0, v0, u1, v1);
                const bool trimmed = ref.glyph == nullptr;
                if (trimmed) ref = index.containing(u0, v0, u1, v1);
                if (!ref.glyph || box.empty()) continue;
                const ImFontGlyph& g = *ref.glyph;
                // Undo ImGui's CPU trimming to get the glyph's whole quad.
                const float kx = (u1 - u0) > 0 ? box.width() / (u1 - u0) : 0;
                const float ky = (v1 - v0) > 0 ? box.height() / (v1 - v0) : 0;
                Box whole = box;
                bool trimmedX = false, trimmedY = false;
                if (trimmed && kx > 0 && ky > 0) {
                    whole = {box.x0 - (u0 - g.U0) * kx, box.y0 - (v0 - g.V0) * ky, box.x1 + (g.U1 - u1) * kx,
                             box.y1 + (g.V1 - v1) * ky};
                    trimmedX = whole.x0 < box.x0 - 0.01f || whole.x1 > box.x1 + 0.01f;
                    trimmedY = whole.y0 < box.y0 - 0.01f || whole.y1 > box.y1 + 0.01f;
                }
                PlacedGlyph p;
                p.glyph.codepoint = g.Codepoint;
                p.glyph.font = ref.font;
                p.glyph.quad = whole;
                p.glyph.visible = box.intersect(clip);
                p.glyph.cutX = trimmedX || whole.x0 < clip.x0 - eps || whole.x1 > clip.x1 + eps;
                p.glyph.cutY = trimmedY || whole.y0 < clip.y0 - eps || whole.y1 > clip.y1 + eps;
                p.glyph.hidden = p.glyph.visible.empty();
                p.glyph.trimmed = trimmedX || trimmedY;
                p.source = &g;
                p.list = l;
                p.command = c;
                p.sequence = sequence;
                p.scale = g.X1 > g.X0 ? whole.width() / (g.X1 - g.X0) : (g.Y1 > g.Y0 ? whole.height() / (g.Y1 - g.Y0) : 1.0f);
                p.penX = whole.x0 - g.X0 * p.scale;
                placed.push_back(p);
            }
        }
    }

    // A window drawn later with an opaque background hides what lies beneath it.
    for (PlacedGlyph& p : placed) {
        if (p.glyph.hidden) continue;
        const Box& b = p.glyph.visible;
        const float cx = (b.x0 + b.x1) * 0.5f, cy = (b.y0 + b.y1) * 0.5f;
        for (const Occluder& o : occluders) {
            if (o.list <= p.list || !o.box.containsPoint(cx, cy)) continue;
            if (!o.opaque) {
                p.glyph.veiled = true;
                continue;
            }
            p.glyph.hidden = true;
            p.glyph.covered = true;
            p.glyph.visible = {};
            break;
        }
    }

    // Consecutive glyphs on one line of one draw command in one font and size make a run.
    std::vector<TextRun> runs;
    const PlacedGlyph* prev = nullptr;
    std::u32string visibleText, allText;
    auto finish = [&] {
        if (runs.empty()) return;
        runs.back().text = utf8(visibleText);
        runs.back().allText = utf8(allText);
        visibleText.clear();
        allText.clear();
    };
    for (const PlacedGlyph& p : placed) {
        const ImFont* font = atlas.Fonts[p.glyph.font];
        const float size = font->FontSize * p.scale;
        const float lineTop = p.glyph.quad.y0 - p.source->Y0 * p.scale;
        bool same = prev && prev->list == p.list && prev->sequence + 1 == p.sequence && prev->command == p.command &&
                    prev->glyph.font == p.glyph.font &&
                    std::fabs(runs.back().fontSize - size) < 0.05f && std::fabs(runs.back().lineTop - lineTop) < 0.5f;
        float gap = 0;
        if (same) {
            gap = p.penX - (prev->penX + prev->source->AdvanceX * prev->scale);
            same = gap > -0.5f && gap < size * 1.2f;  // backwards or far away: another text
        }
        if (!same) {
            finish();
            TextRun run;
            run.drawList = p.list;
            run.font = p.glyph.font;
            run.fontSize = size;
            run.lineTop = lineTop;
            run.clip = clipBox(data.CmdLists[p.list]->CmdBuffer[p.command].ClipRect);
            runs.push_back(run);
        } else if (const ImFontGlyph* space = font->FindGlyphNoFallback(' ');
                   space && gap > space->AdvanceX * p.scale * 0.5f) {
            if (!visibleText.empty() && !p.glyph.hidden) visibleText.push_back(U' ');
            allText.push_back(U' ');
        }
        TextRun& run = runs.back();
        run.glyphs.push_back(p.glyph);
        allText.push_back(p.glyph.codepoint);
        if (!p.glyph.hidden) {
            visibleText.push_back(p.glyph.codepoint);
            run.rect = run.rect.unite(p.glyph.visible);
        }
        prev = &p;
    }
    finish();
    return runs;
}

std::vector<TextRun> recordDrawnText() {
    const ImDrawData* data = ImGui::GetDrawData();
    if (!data || !data->Valid) return {};
    return recordDrawnText(*data, *ImGui::GetIO().Fonts);
}

// [SECTION] Checking

namespace {

std::string quoted(const TextRun& run) { return "\"" + preview(run.text.empty() ? run.allText : run.text) + "\""; }

// The smallest element that holds the centre of the run's first visible glyph.
const LabelledElement* elementOf(const TextRun& run, const LayoutInput& input) {
    const DrawnGlyph* first = nullptr;
    for (const DrawnGlyph& g : run.glyphs) {
        if (!g.hidden) {
            first = &g;
            break;
        }
    }
    if (!first) return nullptr;
    const float cx = (first->visible.x0 + first->visible.x1) * 0.5f, cy = (first->visible.y0 + first->visible.y1) * 0.5f;
    const LabelledElement* best = nullptr;
    const float screenArea = input.display.width() * input.display.height();
    for (const LabelledElement& e : input.elements) {
        if (e.rect.empty() || !e.rect.containsPoint(cx, cy)) continue;
        if (e.rect.width() * e.rect.height() >= screenArea * 0.9f) continue;  // "touch anywhere": a screen, not a label's box
        if (!best || e.rect.width() * e.rect.height() < best->rect.width() * best->rect.height()) best = &e;
    }
    return best;
}

// How many characters of `source`'s beginning `text` ends with (0 when it ends with none).
std::size_t endsWithPrefixOf(const std::u32string& text, const std::u32string& source) {
    for (std::size_t n = std::min(text.size(), source.size()); n > 0; --n) {
        if (text.compare(text.size() - n, n, source, 0, n) == 0) return n;
    }
    return 0;
}

bool endsWithEllipsis(const std::u32string& text) {
    return (!text.empty() && text.back() == U'…') || (text.size() >= 3 && text.compare(text.size() - 3, 3, U"...") == 0);
}

// The text a line drawn right to left was made from. Its glyphs are recorded in drawing order and Arabic letters in
// their joined presentation forms: "جارٍ الحفظ …" is drawn as "… ظفحلا ٍراج" (shaped), which matches no label.
// Reordered once more as a right-to-left paragraph (reordering a line is its own inverse: the right-to-left runs turn
// back, a Latin name or a number inside stays as it reads) and each presentation form replaced by its letter (its
// compatibility decomposition; a lam-alef ligature gives both letters), it reads as the text the view was given.
// A line without right-to-left letters is itself.
std::u32string logicalOf(const std::string& drawn) {
    if (!core::hasRightToLeft(drawn)) return codepoints(drawn);
    const core::VisualLine line = core::visualLine("\u200F" + drawn);  // the mark: a right-to-left paragraph
    std::u32string letters;
    for (char32_t c : codepoints(line.visual)) {
        if (c == 0x200E || c == 0x200F || c == 0xFEFF) continue;
        if ((c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFE)) {
            utf8proc_int32_t parts[8];
            utf8proc_int32_t last = 0;
            const utf8proc_ssize_t n =
                utf8proc_decompose_char(static_cast<utf8proc_int32_t>(c), parts, 8, static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT), &last);
            for (utf8proc_ssize_t i = 0; i < n && i < 8; ++i) letters.push_back(static_cast<char32_t>(parts[i]));
            if (n > 0) continue;
        }
        letters.push_back(c);
    }
    return codepoints(utf8(letters));  // composed again (NFC)
}

struct Block {
    std::vector<const TextRun*> runs;
    std::u32string text;     ///< without white space, in drawing order
    std::u32string logical;  ///< the same as the text it was made from (logicalOf each line); for Latin text `text`
};

std::vector<Block> blocks(const std::vector<TextRun>& runs) {
    std::vector<Block> out;
    const TextRun* last = nullptr;
    for (const TextRun& run : runs) {
        if (!run.anyVisible()) continue;
        const bool next = last && last->drawList == run.drawList && last->font == run.font &&
                          std::fabs(last->fontSize - run.fontSize) < 0.05f &&
                          run.lineTop - last->lineTop > run.fontSize * 0.9f && run.lineTop - last->lineTop < run.fontSize * 1.6f;
        if (!next) out.push_back({});
        out.back().runs.push_back(&run);
        out.back().text += withoutSpace(codepoints(run.text));
        out.back().logical += withoutSpace(logicalOf(run.text));
        last = &run;
    }
    return out;
}

}  // namespace

std::vector<LayoutProblem> findLayoutProblems(const std::vector<TextRun>& runs, const LayoutInput& input) {
    using Kind = LayoutProblem::Kind;
    std::vector<LayoutProblem> problems;
    constexpr float tolerance = 1.0f;

    for (const TextRun& run : runs) {
        // Off the screen, or cut by the rectangle that clips it.
        bool offScreen = false, cut = false, trimmed = false;
        const LabelledElement* owner = elementOf(run, input);
        for (const DrawnGlyph& g : run.glyphs) {
            if (g.covered || g.veiled) continue;
            // A list scrolls: an element partly scrolled out of its viewport may lose the part of its label that
            // is out too (the glyph lies inside its element, the element crosses the clip rectangle). Text in
            // no element may be cut at the top or bottom of a viewport at least three lines high.
            const bool scrolledX = owner && g.quad.x0 >= owner->rect.x0 - 0.5f && g.quad.x1 <= owner->rect.x1 + 0.5f &&
                                   (owner->rect.x0 < run.clip.x0 - 0.5f || owner->rect.x1 > run.clip.x1 + 0.5f);
            const bool scrolledY = owner ? g.quad.y0 >= owner->rect.y0 - 0.5f && g.quad.y1 <= owner->rect.y1 + 0.5f &&
                                               (owner->rect.y0 < run.clip.y0 - 0.5f || owner->rect.y1 > run.clip.y1 + 0.5f)
                                         : run.clip.height() >= run.fontSize * 3.0f;
            const bool cutHere = (g.cutX && !scrolledX) || (g.cutY && !scrolledY);
            const bool scrolledAway = (g.cutX || g.cutY) && !cutHere;
            if (!input.display.contains(g.quad, 0.5f) && !scrolledAway) offScreen = true;
            if (cutHere) cut = true;
            if (cutHere && g.trimmed) trimmed = true;
        }
        if (offScreen) {
            problems.push_back({Kind::OffScreen, std::string(kindName(Kind::OffScreen)) + ": \"" + preview(run.allText) + "\" " +
                                                     describe(run.rect) + " leaves the window " + describe(input.display)});
        } else if (cut) {
            const std::string by = trimmed ? "is trimmed to fit its box (ImGui's CPU clipping)"
                                           : "is cut by its clip rectangle " + describe(run.clip);
            problems.push_back({Kind::Cut, std::string(kindName(Kind::Cut)) + ": \"" + preview(run.allText) + "\" " + by +
                                               ", drawn: " + quoted(run) + " " + describe(run.rect)});
        }
        // Out of the element it starts in.
        if (const LabelledElement* e = owner) {
            for (const DrawnGlyph& g : run.glyphs) {
                if (!g.hidden && !g.veiled && !e->rect.contains(g.visible, tolerance)) {
                    problems.push_back({Kind::OutsideElement, std::string(kindName(Kind::OutsideElement)) + ": " + quoted(run) +
                                                                  " " + describe(run.rect) + " runs out of element " + e->id +
                                                                  " " + describe(e->rect)});
                    break;
                }
            }
        }
    }

    // Two texts over each other: compare glyph bitmaps of runs whose rectangles meet.
    for (std::size_t i = 0; i < runs.size(); ++i) {
        if (!runs[i].anyVisible()) continue;
        for (std::size_t j = i + 1; j < runs.size(); ++j) {
            const Box meet = runs[i].rect.intersect(runs[j].rect);
            if (meet.width() <= tolerance || meet.height() <= tolerance) continue;
            bool found = false;
            for (const DrawnGlyph& a : runs[i].glyphs) {
                if (a.hidden) continue;
                for (const DrawnGlyph& b : runs[j].glyphs) {
                    if (b.hidden || (a.veiled && b.veiled)) continue;  // both beneath the veil: that screen's test
                    const Box m = a.visible.intersect(b.visible);
                    if (m.width() > tolerance && m.height() > tolerance) {
                        found = true;
                        break;
                    }
                }
                if (found) break;
            }
            if (found) {
                problems.push_back({Kind::Overlap, std::string(kindName(Kind::Overlap)) + ": " + quoted(runs[i]) + " " +
                                                       describe(runs[i].rect) + " and " + quoted(runs[j]) + " " +
                                                       describe(runs[j].rect)});
            }
        }
    }

    // Shortened without "…": a block of text that ends in the beginning of a source but not the whole of it.
    std::vector<std::u32string> sources;
    for (const std::string& s : input.sources) sources.push_back(withoutSpace(codepoints(s)));
    std::vector<std::u32string> labels;
    for (const std::string& s : input.labels) labels.push_back(withoutSpace(codepoints(s)));
    std::vector<std::u32string> whole;
    for (const std::string& s : input.whole) whole.push_back(withoutSpace(codepoints(s)));
    const std::vector<Block> allBlocks = blocks(runs);
    for (const Block& block : allBlocks) {
        const bool ellipsisAtEnd = endsWithEllipsis(block.text);
        const bool ellipsisAtStart = !block.text.empty() && block.text.front() == U'…';
        if (!ellipsisAtEnd && !ellipsisAtStart) continue;
        if (!block.runs.front()->glyphs.empty() && block.runs.front()->glyphs.front().veiled) continue;  // beneath a veil
        const LabelledElement* owner = elementOf(*block.runs.front(), input);
        if (owner && !block.runs.front()->clip.contains(owner->rect, 0.5f)) continue;  // partly scrolled out of view
        Box rect;
        for (const TextRun* r : block.runs) rect = rect.unite(r->rect);
        std::string shown;
        for (const TextRun* r : block.runs) shown += (shown.empty() ? "" : " ") + r->text;
        // A heading or a label of the screen shortened: it should have wrapped or shrunk. Read in the order it was
        // written: a right-to-left label shortened ends in "…" there, though it is drawn at its left.
        if (endsWithEllipsis(block.logical)) {
            const std::u32string begun = block.logical.substr(0, block.logical.size() - (block.logical.back() == U'…' ? 1 : 3));
            // Not when it begins a text that may be shortened (an idea's title starting as the event's name does).
            const bool sourceBegun = std::any_of(sources.begin(), sources.end(), [&](const std::u32string& source) {
                return source.size() > begun.size() && source.compare(0, begun.size(), begun) == 0 &&
                       std::find(whole.begin(), whole.end(), source) == whole.end();
            });
            for (std::size_t w = 0; w < whole.size() && !sourceBegun; ++w) {
                if (begun.size() >= 2 && whole[w].size() > begun.size() && whole[w].compare(0, begun.size(), begun) == 0 &&
                    whole[w] != block.logical) {
                    problems.push_back({Kind::ShortenedHeading, std::string(kindName(Kind::ShortenedHeading)) + ": \"" +
                                                                    preview(shown) + "\" " + describe(rect) + " is the beginning of \"" +
                                                                    preview(input.whole[w]) + "\", which must be shown whole"});
                    break;
                }
            }
        }
        // Shortened although another line (and a quarter line of padding) would fit under it, in its clip rectangle and its
        // element, clear of the lines of other text. Not in an element a list cuts off: its lower lines are left out.
        const TextRun& last = *block.runs.back();
        const Box below{rect.x0, last.lineTop + last.fontSize, rect.x1, last.lineTop + last.fontSize * 2.25f};
        const bool cutOff = owner && (owner->rect.y1 >= last.clip.y1 - 0.5f || owner->rect.y0 <= last.clip.y0 + 0.5f) &&
                            !last.clip.contains(input.display, 0.5f);
        // A text that ends in "…" of its own ("Wird gespeichert …") is whole.
        // Compared as written, so that a right-to-left label ("… ظفحلا ٍراج" as drawn) is found too.
        const bool ownEllipsis = std::find(labels.begin(), labels.end(), block.logical) != labels.end() ||
                                 std::find(whole.begin(), whole.end(), block.logical) != whole.end() ||
                                 std::find(sources.begin(), sources.end(), block.logical) != sources.end();
        bool free = !cutOff && !ownEllipsis && last.clip.contains(below, 0.5f) && input.display.contains(below, 0.5f) &&
                    (!owner || owner->rect.contains(below, 0.5f));
        for (std::size_t i = 0; free && i < runs.size(); ++i) {
            const TextRun& other = runs[i];
            if (!other.anyVisible() || std::find(block.runs.begin(), block.runs.end(), &other) != block.runs.end()) continue;
            const Box line{other.rect.x0, other.lineTop, other.rect.x1, other.lineTop + other.fontSize};
            const Box meet = line.intersect(below);
            if (meet.width() > tolerance && meet.height() > tolerance) free = false;
        }
        if (free) {
            problems.push_back({Kind::ShortenedWithRoom, std::string(kindName(Kind::ShortenedWithRoom)) + ": \"" + preview(shown) +
                                                             "\" " + describe(rect) + " has room for another line at " +
                                                             describe(below)});
        }
    }
    auto arabic = [](char32_t c) { return (c >= 0x0600 && c <= 0x06FF) || (c >= 0xFB50 && c <= 0xFEFF); };
    for (const Block& block : allBlocks) {
        if (block.text.empty() || endsWithEllipsis(block.text)) continue;
        // In a right-to-left paragraph the "…" after a closing run of Latin letters stands to that run's left.
        const std::size_t lastEllipsis = block.text.rfind(U'…');
        if (lastEllipsis != std::u32string::npos && std::any_of(block.text.begin(), block.text.end(), arabic) &&
            std::none_of(block.text.begin() + static_cast<std::ptrdiff_t>(lastEllipsis), block.text.end(), arabic)) {
            continue;
        }
        if (!block.runs.front()->glyphs.empty() && block.runs.front()->glyphs.front().veiled) continue;  // beneath a veil
        const std::string shown = [&] {
            std::string all;
            for (const TextRun* r : block.runs) all += (all.empty() ? "" : " ") + r->text;
            return all;
        }();
        const LabelledElement* owner = elementOf(*block.runs.front(), input);
        if (owner && !block.runs.front()->clip.contains(owner->rect, 0.5f)) continue;  // partly scrolled out of view
        // A block that is a whole source of its own (a topic "Language") shortens no longer one that begins so.
        bool wholeSource = false;
        for (const auto* known : {&sources, &labels}) {
            for (const std::u32string& source : *known) {
                if (!source.empty() && (block.text == source || block.logical == source)) wholeSource = true;
            }
        }
        // Why `text` (the block as drawn, or as written) is a shortening without "…"; empty when it is none.
        const auto shortens = [&](const std::u32string& text) -> std::string {
            bool wholeLabel = wholeSource;  // a button showing all of its own label shortens nothing, even if a title begins so
            if (const LabelledElement* e = owner) {
                const std::u32string label = withoutSpace(codepoints(e->label));
                const std::size_t n = endsWithPrefixOf(text, label);
                wholeLabel = wholeLabel || (!label.empty() && text.find(label) != std::u32string::npos);
                if (!label.empty() && !wholeLabel && n > 0 && n < label.size() && (n == text.size() || n >= 6)) {
                    return "the label of " + e->id + " \"" + preview(e->label) + "\"";
                }
            }
            for (std::size_t s = 0; !wholeLabel && s < sources.size(); ++s) {
                const std::u32string& source = sources[s];
                if (source.size() < 6 || text.find(source) != std::u32string::npos) continue;
                const std::size_t n = endsWithPrefixOf(text, source);
                if (n >= 6 && n < source.size()) return "\"" + preview(input.sources[s]) + "\"";
            }
            for (std::size_t s = 0; !wholeLabel && s < labels.size(); ++s) {
                const std::u32string& label = labels[s];
                const std::size_t n = text.size();
                if (n >= 4 && n < label.size() && label.compare(0, n, text) == 0) return "\"" + preview(input.labels[s]) + "\"";
            }
            return {};
        };
        std::string why = shortens(block.text);
        // Read as written too: an Arabic text cut between two letters ends in the beginning of its source there.
        if (why.empty() && block.logical != block.text && !endsWithEllipsis(block.logical)) why = shortens(block.logical);
        if (!why.empty()) {
            Box rect;
            for (const TextRun* r : block.runs) rect = rect.unite(r->rect);
            problems.push_back({Kind::ShortenedWithoutEllipsis, std::string(kindName(Kind::ShortenedWithoutEllipsis)) + ": \"" +
                                                                    preview(shown) + "\" " + describe(rect) + " shortens " + why});
        }
    }
    return problems;
}

}  // namespace kiosk::ui::testing
