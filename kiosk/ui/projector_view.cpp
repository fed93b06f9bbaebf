// Draws the projector: title band, ranking with bars, totals, pinned ideas, a category spotlight, a ticker.
#include "kiosk/ui/projector_view.h"

#include "kiosk/core/text_edit.h"
#include "kiosk/ui/frame.h"

#include "imgui.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kiosk::ui {

bool ProjectorView::Animate(const ProjectorModel& model, float dt) {
    const int maxVotes = model.ranking.empty() ? 1 : std::max(1, model.ranking.front().votes);
    bool moving = false;
    // Exponential approach: fast at first, settling smoothly; about 0.4 s to close most of a gap.
    const float blend = 1.0f - std::exp(-dt * 8.0f);
    for (std::size_t i = 0; i < model.ranking.size() && i < static_cast<std::size_t>(topCount); ++i) {
        const auto& entry = model.ranking[i];
        Motion& m = motion[entry.number];
        const float slot = static_cast<float>(i);
        const float bar = static_cast<float>(entry.votes) / static_cast<float>(maxVotes);
        if (m.slot < 0) m.slot = slot;  // a new entry appears in place, then its bar grows
        m.slot += (slot - m.slot) * blend;
        m.bar += (bar - m.bar) * blend;
        if (std::fabs(slot - m.slot) > 0.002f || std::fabs(bar - m.bar) > 0.002f) {
            moving = true;
        } else {
            m.slot = slot;
            m.bar = bar;
        }
    }
    return moving;
}

namespace {

std::pair<const char*, int> totalsOf(const ProjectorModel& model, int i) {
    const std::pair<const char*, int> totals[] = {{"projector.ideas", model.ideas},
                                                  {"projector.votes", model.votes},
                                                  {"projector.participants", model.participants}};
    return totals[i];
}

/// The width the totals need in the widest of the languages the projector turns through: the side column keeps one
/// width through the turns (the ranking does not jump every few seconds) and never gets narrower than a number.
float totalsWidth(const ProjectorModel& model, const Fonts& fonts, const core::Catalog& text) {
    float widest = 0;
    for (int i = 0; i < 3; ++i) {
        const auto [key, value] = totalsOf(model, i);
        widest = std::max(widest, textWidth(fonts.title, fonts.title->FontSize, std::to_string(value)));
        for (const std::string& language : ProjectorView::turnLanguages(model, text)) {
            widest = std::max(widest, textWidth(fonts.body, fonts.body->FontSize, text.text(language, key)));
        }
    }
    return widest;
}

void drawTotals(const ProjectorModel& model, const Fonts& fonts, const core::Catalog& text, const std::string& language,
                ImVec2 at, float right, float unit) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (int i = 0; i < 3; ++i) {
        const auto [key, value] = totalsOf(model, i);
        const std::string number = fitText(fonts.title, fonts.title->FontSize, std::to_string(value), right - at.x);
        const std::string label = fitText(fonts.body, fonts.body->FontSize, text.text(language, key), right - at.x);
        AddShapedText(draw, fonts.title, fonts.title->FontSize, at, IM_COL32(30, 100, 170, 255), number.c_str());
        AddShapedText(draw, fonts.body, fonts.body->FontSize, ImVec2(at.x, at.y + fonts.title->FontSize),
                      IM_COL32(80, 80, 80, 255), label.c_str());
        at.y += fonts.title->FontSize + fonts.body->FontSize + unit;
    }
}

/// One category at a time, with its three best ideas; it turns with the invitation's language. Each idea takes up to
/// four lines (the last one shown as many as the room holds: a narrow portrait column has room to spare), and an
/// idea that would reach below `bottom` (the ticker) is left out whole.
void drawSpotlight(const ProjectorModel& model, const Fonts& fonts, ImVec2 at, float right, float bottom, float unit,
                   double now) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const auto turn = static_cast<std::size_t>(now / ProjectorView::kTurnSeconds);
    const auto& [name, color] = model.categories[turn % model.categories.size()];
    // The topic's name shrinks a little or takes a second line in a narrow (portrait) column; the band grows with it.
    const FittedHeading shownName = fitHeading(fonts.bold, fonts.bold->FontSize, fonts.bold->FontSize * 0.8f, name, right - at.x - unit, 2);
    const float band = shownName.height + fonts.bold->FontSize * 0.6f;
    if (at.y + band > bottom) return;
    draw->AddRectFilled(at, ImVec2(right, at.y + band), color, unit * 0.3f);
    draw->PushClipRect(at, ImVec2(right, at.y + band), true);
    AddShapedText(draw, fonts.bold, shownName.size, ImVec2(at.x + unit * 0.5f, at.y + fonts.bold->FontSize * 0.3f),
                  IM_COL32(255, 255, 255, 255), shownName.text.c_str(), nullptr, right - at.x - unit);
    draw->PopClipRect();
    float y = at.y + band + unit * 0.5f;
    std::vector<const ProjectorModel::Entry*> best;
    for (const auto& entry : model.ranking) {
        if (entry.category == name && best.size() < 3) best.push_back(&entry);
    }
    // A narrow (portrait) column is narrower than a long German word ("Stadtrundfahrten"): the ideas get smaller, all
    // alike and no smaller than the topic's name may get, rather than break the word, as labels do. A word too wide
    // even then breaks at that size and does not shrink the others.
    const float largest = fonts.body->FontSize;
    const float smallest = largest * 0.8f;
    float size = largest;
    for (const auto* entry : best) {
        const std::string text = "#" + std::to_string(entry->number) + " " + entry->title;
        if (widestWordWidth(fonts.body, smallest, text) > right - at.x) continue;
        while (size > smallest && widestWordWidth(fonts.body, size, text) > right - at.x) size = std::max(smallest, size - largest * 0.05f);
    }
    draw->PushClipRect(ImVec2(at.x - unit * 0.5f, y - unit * 0.3f), ImVec2(right + unit, std::max(y, bottom)), true);
    for (std::size_t i = 0; i < best.size(); ++i) {
        const int room = static_cast<int>((bottom - y) / size);
        if (room < 1) break;
        const int lines = i + 1 == best.size() ? room : std::min(4, room);
        const std::string line = fitLines(fonts.body, size, "#" + std::to_string(best[i]->number) + " " + best[i]->title,
                                          right - at.x, lines);
        const float height = textHeight(fonts.body, size, line, right - at.x);
        if (y + height > bottom) break;
        AddShapedText(draw, fonts.body, size, ImVec2(at.x, y), IM_COL32(40, 40, 40, 255), line.c_str(), nullptr, right - at.x);
        y += height + unit * 0.4f;
    }
    draw->PopClipRect();
}

/// Where the pause sign starts: the title band's text keeps clear of it.
float frozenMarkLeft(const Fonts& fonts, const std::string& label, ImVec2 size, float unit) {
    return size.x - textWidth(fonts.body, fonts.body->FontSize, label) - unit * 4;
}

/// A quiet pause sign in the top corner: the moderators see the picture is held, the hall is not distracted.
void drawFrozenMark(const Fonts& fonts, const std::string& label, ImVec2 size, float unit) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 at(frozenMarkLeft(fonts, label, size, unit), unit * 0.6f);
    const ImU32 color = IM_COL32(220, 235, 250, 200);
    draw->AddRectFilled(at, ImVec2(at.x + unit * 0.4f, at.y + unit * 1.4f), color);
    draw->AddRectFilled(ImVec2(at.x + unit * 0.8f, at.y), ImVec2(at.x + unit * 1.2f, at.y + unit * 1.4f), color);
    AddShapedText(draw, fonts.body, fonts.body->FontSize, ImVec2(at.x + unit * 1.8f, at.y - unit * 0.1f), color, label.c_str());
}

/// The ticker's line: the heading, then as many whole ideas as fit in `room`; the first that does not fit is
/// shortened with "…" when a useful part of it fits, and the line ends there. It never runs off the window.
/// With `lines` > 1 the same in that many lines `room` wide.
std::string tickerLine(const ProjectorModel& model, const Fonts& fonts, const std::string& heading, float room, float unit,
                       int lines) {
    const float size = fonts.body->FontSize;
    std::string line = fitText(fonts.body, size, heading, room);
    for (const auto& entry : model.newest) {
        const std::string head = "   #" + std::to_string(entry.number) + " ";
        const std::string whole = head + fitText(fonts.body, size, entry.title, FLT_MAX) + "   ·";
        if (lines > 1) {
            const std::string more = fitLines(fonts.body, size, line + whole, room, lines);
            if (more == line + whole) {
                line = more;
                continue;
            }
            const std::string cut = fitLines(fonts.body, size, line + head + entry.title, room, lines);
            if (core::characterCount(cut) >= core::characterCount(line + head) + 6) line = cut;
            break;
        }
        if (textWidth(fonts.body, size, line + whole) <= room) {
            line += whole;
            continue;
        }
        // Less than a few letters of a title says nothing: then the line ends after the last whole idea.
        const float rest = room - textWidth(fonts.body, size, line + head);
        if (rest >= unit * 6) line += head + fitText(fonts.body, size, entry.title, rest);
        break;
    }
    return line;
}

/// Lines of `text` wrapped at `width`, each starting at `at.x`, or, with `ownSide`, each on its own paragraph's reading
/// side of the box [at.x, at.x + width): a right-to-left paragraph (an Arabic title) from the box's right edge, any
/// other from its left; in the mirrored picture the other way round before the flip, as AddShapedText does.
/// Returns the height drawn.
float drawLinesInBox(ImDrawList* draw, ImFont* font, float size, ImVec2 at, float width, ImU32 colour, const std::string& text,
                     bool mirrored, bool ownSide) {
    float y = at.y;
    for (const auto& line : visualLines(font, size, text, width)) {
        float x = at.x;
        if (ownSide && line.rightToLeft != mirrored) x += std::max(0.0f, width - visualWidth(font, size, line.visual));
        AddVisualText(draw, font, size, ImVec2(x, y), colour, line.visual);
        y += size;
    }
    return y - at.y;
}

}  // namespace

std::vector<std::string> ProjectorView::turnLanguages(const ProjectorModel& model, const core::Catalog& text) {
    std::vector<std::string> languages;
    for (const std::string& language : model.languages) {
        if (text.has(language)) languages.push_back(language);
    }
    return languages.empty() ? text.languages() : languages;
}

std::string ProjectorView::turnLanguage(const ProjectorModel& model, const core::Catalog& text, double now) {
    const auto languages = turnLanguages(model, text);
    if (languages.empty()) return "de";
    return languages[static_cast<std::size_t>(std::max(0.0, now) / kTurnSeconds) % languages.size()];
}

void ProjectorView::Draw(const ProjectorModel& model, const Fonts& fonts, const core::Catalog& text, double now) {
    BeginFullscreen("##projector", IM_COL32(250, 250, 252, 255));
    const ImVec2 size = ImGui::GetWindowSize();
    const float unit = size.y / 54.0f;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    // The whole projector speaks the invitation's language of the moment, one language at a time: its labels are
    // few and short, the hall reads them at a glance from afar, and a second language beside each would halve their
    // size or the ranking's room. In the Arabic turn the picture is laid out right to left: drawn as for German,
    // then mirrored here (the loop does not know the turn), every line of text moved whole, not its letters.
    const std::string turn = turnLanguage(model, text, now);
    const bool mirrored = isRightToLeftLanguage(turn);
    std::optional<MirrorScope> mirror;
    if (mirrored) mirror.emplace(true);

    // [SECTION] Title band with how to take part, in every language in turn. The event's name and the invitation
    // wrap onto a second line where one does not hold them (a portrait screen) and shrink a little before that;
    // the band grows with them and the ranking starts below it.
    const std::string frozenLabel = text.text(turn, "projector.frozen");
    const float titleRight = model.frozen ? frozenMarkLeft(fonts, frozenLabel, size, unit) - unit : size.x - unit * 2;
    const FittedHeading title = fitHeading(fonts.title, fonts.title->FontSize, fonts.body->FontSize, model.title, titleRight - unit * 2, 3);
    const FittedHeading invite = fitHeading(fonts.body, fonts.body->FontSize, fonts.body->FontSize * 0.8f, text.text(turn, "projector.take_part"),
                                     size.x - unit * 4, 2);
    const float inviteTop = std::max(unit * 4.6f, unit + title.height + unit * 0.6f);
    const float bandBottom = std::max(unit * 7, inviteTop + invite.height + unit);
    draw->AddRectFilled(ImVec2(0, 0), ImVec2(size.x, bandBottom), IM_COL32(30, 100, 170, 255));
    drawLinesInBox(draw, fonts.title, title.size, ImVec2(unit * 2, unit), titleRight - unit * 2, IM_COL32(255, 255, 255, 255),
                   title.text, mirrored, true);
    // The Arabic invitation reads from the right edge of the band: the mirroring puts it there.
    AddShapedText(draw, fonts.body, invite.size, ImVec2(unit * 2, inviteTop), IM_COL32(220, 235, 250, 255), invite.text.c_str(),
                  nullptr, size.x - unit * 4);

    // [SECTION] Columns. The ranking takes about two thirds; the vote counts sit right of the bars and the side column
    // keeps at least the width its totals need, so on a narrow (portrait) screen the bars give way, not the figures.
    const std::size_t shownRows = std::min(model.ranking.size(), static_cast<std::size_t>(std::max(0, topCount)));
    float labelWidth = 0, countWidth = 0;
    for (std::size_t i = 0; i < shownRows; ++i) {
        const auto& entry = model.ranking[i];
        labelWidth = std::max(labelWidth, textWidth(fonts.bold, fonts.bold->FontSize, "#" + std::to_string(entry.number)));
        countWidth = std::max(countWidth, textWidth(fonts.title, fonts.title->FontSize, std::to_string(entry.votes)));
    }
    const float left = unit * 2;
    const float right = size.x - unit;
    const float side = std::min(left + size.x * 0.68f + unit * 6, right - totalsWidth(model, fonts, text));
    const float countGap = model.showCounts ? std::max(unit * 6, countWidth + unit * 2) : unit * 6;
    const float width = std::max(unit, std::min(size.x * 0.68f, side - left - countGap));
    // The titles start after the widest "#number", all at one edge.
    const float titleX = left + std::max(unit * 5, labelWidth + unit * 2);

    // [SECTION] Ranking: rows slide to their new place, bars grow to their new length
    // "Results follow" and "no ideas yet" take two or three lines where one does not hold them (a portrait screen):
    // the rows give up the room of the second line.
    float top = bandBottom + unit * 2;
    float rowsRoom = size.y - top - unit * 7;
    if (model.awaitingReveal) {
        const std::string follow = fitLines(fonts.bold, fonts.bold->FontSize, text.text(turn, "projector.results_follow"), width, 2);
        AddShapedText(draw, fonts.bold, fonts.bold->FontSize, ImVec2(left, bandBottom + unit * 0.6f), IM_COL32(90, 90, 90, 255),
                      follow.c_str(), nullptr, width);
        const float below =
            std::max(top + unit, bandBottom + unit * 1.2f + textHeight(fonts.bold, fonts.bold->FontSize, follow, width));
        rowsRoom -= below - (top + unit);
        top = below;
    }
    const float rowHeight = rowsRoom / static_cast<float>(topCount);
    // Where the column is narrower than a word of a title (a portrait screen: "Stadtrundfahrten") the titles get
    // smaller, all alike and down to body text, rather than breaking the word; smaller, a row holds more lines.
    const float titleWidth = left + width - unit * 0.5f - titleX;
    float titleSize = fonts.title->FontSize;
    if (rowHeight - unit * 0.8f >= titleSize * 2) {
        for (std::size_t i = 0; i < shownRows; ++i) {
            while (titleSize > fonts.body->FontSize && widestWordWidth(fonts.title, titleSize, model.ranking[i].title) > titleWidth) {
                titleSize = std::max(fonts.body->FontSize, titleSize - fonts.title->FontSize * 0.05f);
            }
        }
    }
    for (std::size_t i = 0; i < shownRows; ++i) {
        const auto& entry = model.ranking[i];
        const auto found = motion.find(entry.number);
        const Motion m = found == motion.end() ? Motion{static_cast<float>(i), 0} : found->second;
        const float y = top + m.slot * rowHeight;
        const float barWidth = model.showCounts ? std::max(unit, m.bar * width) : width;
        draw->AddRectFilled(ImVec2(left, y), ImVec2(left + barWidth, y + rowHeight - unit * 0.6f),
                            (entry.color & 0x00FFFFFF) | 0x40000000, unit * 0.4f);
        draw->AddRectFilled(ImVec2(left, y), ImVec2(left + unit * 0.5f, y + rowHeight - unit * 0.6f), entry.color);
        char label[32];
        std::snprintf(label, sizeof label, "#%d", entry.number);
        AddShapedText(draw, fonts.bold, fonts.bold->FontSize, ImVec2(left + unit, y + unit * 0.3f), IM_COL32(90, 90, 90, 255), label);
        // Every title starts beside its number, on the layout's reading side: from the left, and in the mirrored
        // Arabic picture from the right. (Aligned to its row's far end instead, an Arabic title in a German turn ended
        // at its vote count and read as one with it.)
        // As many lines as the row holds (two on a portrait screen), then "…".
        const int titleLines = std::max(1, static_cast<int>((rowHeight - unit * 0.8f) / titleSize));
        // The row is the title's place: its clip rectangle tells (a test, too) where the title may go.
        const std::string shownTitle = fitLines(fonts.title, titleSize, entry.title, titleWidth, titleLines);
        draw->PushClipRect(ImVec2(titleX - unit * 0.5f, y), ImVec2(left + width, y + rowHeight - unit * 0.6f), true);
        drawLinesInBox(draw, fonts.title, titleSize, ImVec2(titleX, y + unit * 0.1f), titleWidth, IM_COL32(20, 20, 20, 255), shownTitle,
                       mirrored, false);
        draw->PopClipRect();
        if (model.showCounts) {
            const std::string votes = std::to_string(entry.votes);
            AddShapedText(draw, fonts.title, fonts.title->FontSize, ImVec2(left + width + unit, y + unit * 0.1f), entry.color, votes.c_str());
        }
    }
    if (model.ranking.empty()) {
        const std::string empty = fitLines(fonts.title, fonts.title->FontSize, text.text(turn, "projector.empty"), width, 3);
        AddShapedText(draw, fonts.title, fonts.title->FontSize, ImVec2(left, top), IM_COL32(120, 120, 120, 255), empty.c_str(), nullptr,
                      width);
    }

    // [SECTION] Side column: totals, pinned ideas, one category in the spotlight; nothing reaches into the ticker.
    const float tickerTop = size.y - unit * 4;
    float bottom = tickerTop - unit * 0.5f;
    drawTotals(model, fonts, text, turn, ImVec2(side, top), right, unit);
    float y = top + (fonts.title->FontSize + fonts.body->FontSize + unit) * 3 + unit;
    // The join code sits at the foot of the side column, as large as the room allows (up to 42 % of the height:
    // scanned from the back of the hall); pinned ideas and the spotlight keep what is left above it.
    // In the mirrored picture it is drawn after the flip, in the mirrored place: a mirrored QR code does not scan.
    joinLayout = LayoutJoinCode(model.join, fonts.bold, fonts.bold->FontSize, mirrored ? size.x - right : side, 0, right - side,
                                std::min(bottom - y, size.y * 0.42f));
    if (joinLayout.fits()) {
        joinLayout.y = std::floor(bottom - joinLayout.height);
        if (!mirrored) DrawJoinCode(draw, model.join, fonts.bold, joinLayout, IM_COL32(20, 20, 20, 255));
        bottom = joinLayout.y - unit * 0.5f;
    }
    draw->PushClipRect(ImVec2(side - unit * 0.5f, y - unit * 0.3f), ImVec2(size.x, std::max(y, bottom)), true);
    for (const auto& entry : model.pinned) {
        const std::string pinned =
            fitLines(fonts.bold, fonts.bold->FontSize, "» #" + std::to_string(entry.number) + " " + entry.title, right - side, 2);
        const float height = textHeight(fonts.bold, fonts.bold->FontSize, pinned, right - side);
        if (y + height > bottom) break;
        AddShapedText(draw, fonts.bold, fonts.bold->FontSize, ImVec2(side, y), IM_COL32(180, 60, 40, 255), pinned.c_str(), nullptr,
                      right - side);
        y += std::max(height + unit * 0.4f, fonts.bold->FontSize * 2.4f);
    }
    draw->PopClipRect();
    if (!model.categories.empty()) drawSpotlight(model, fonts, ImVec2(side, y), right, bottom, unit, now);

    // [SECTION] The newest ideas along the bottom. It changes when ideas come in, not with time, so a quiet
    // hall costs no frames.
    draw->AddRectFilled(ImVec2(0, tickerTop), ImVec2(size.x, size.y), IM_COL32(30, 40, 60, 255));
    // Two lines where the band holds them (a portrait screen), one otherwise.
    const int tickerLines = std::max(1, static_cast<int>((size.y - tickerTop - unit) / fonts.body->FontSize));
    const std::string ticker = tickerLine(model, fonts, text.text(turn, "projector.newest"), size.x - unit * 4, unit, tickerLines);
    const float tickerY = tickerLines == 1 ? size.y - unit * 3
                                           : tickerTop + (size.y - tickerTop - textHeight(fonts.body, fonts.body->FontSize, ticker,
                                                                                          size.x - unit * 4)) * 0.5f;
    draw->PushClipRect(ImVec2(0, tickerTop), size, true);
    AddShapedText(draw, fonts.body, fonts.body->FontSize, ImVec2(unit * 2, tickerY), IM_COL32(255, 255, 255, 255), ticker.c_str(),
                  nullptr, tickerLines == 1 ? 0.0f : size.x - unit * 4);
    draw->PopClipRect();
    if (model.frozen) drawFrozenMark(fonts, frozenLabel, size, unit);
    if (mirrored) {
        MirrorDrawList(draw, size.x);
        mirror.reset();
        if (joinLayout.fits()) DrawJoinCode(draw, model.join, fonts.bold, joinLayout, IM_COL32(20, 20, 20, 255));
    }
    EndFullscreen();
}

}  // namespace kiosk::ui
