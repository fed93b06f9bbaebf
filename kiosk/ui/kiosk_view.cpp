// Dispatch to the current screen, the top bar and the simple screens (attract, start).
#include "kiosk/ui/kiosk_view.h"

#include "kiosk/ui/widgets.h"

#include "imgui.h"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace kiosk::ui {

using core::Screen;
namespace ev = core::ev;

std::string KioskViewModel::CategoryInfo::name(const std::string& language) const {
    for (const std::string& lang : {language, std::string("de")}) {
        if (const auto it = names.find(lang); it != names.end() && !it->second.empty()) return it->second;
    }
    return key;
}

const KioskViewModel::CategoryInfo* KioskViewModel::category(const std::string& key) const {
    for (const auto& c : categories) {
        if (c.key == key) return &c;
    }
    return nullptr;
}

// [SECTION] Top bar

namespace {

float doneButtonWidth(const Frame& frame) {
    const theme::Scale sc = frame.scale();
    ImFont* font = frame.fonts.bold;
    return std::max(sc.target * 1.6f, textWidth(font, font->FontSize, frame.t("common.done") + "  ") + font->FontSize + sc.m * 2);
}

// The compact text-size switch beside the language button: on every screen with the bar but the start screen,
// which has the switch with its words. The icon alone: a square a finger hits, its words for automation.
float textSizeSwitchWidth(const core::KioskState& state, const Frame& frame) {
    if (state.screen == Screen::Start) return 0.0f;
    const theme::Scale sc = frame.scale();
    ImFont* font = frame.fonts.bold;
    return std::max(sc.target, textWidth(font, font->FontSize, icon::kTextSize) + sc.m * 2);
}

void DrawTextSizeSwitch(const core::KioskState& state, Frame& frame, float x, float y, float width) {
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    ButtonStyle style;
    // Chosen like a tab while on: the tab's colour and, in shape, its bar along the bottom; the same button switches
    // it off again.
    style.kind = state.largeText ? ButtonKind::TabSelected : ButtonKind::Secondary;
    style.icon = icon::kTextSize;
    style.font = frame.fonts.bold;
    style.checked = state.largeText;
    style.underline = true;
    if (StyledButton(frame, "text_size", frame.t("common.large_text"), ImVec2(width, frame.scale().target), style)) {
        frame.events.push_back(ev::SetLargeText{!state.largeText});
    }
}

// The language (with the text-size switch beside it) and "Fertig" at the two ends of a row at `y`; returns the
// row's free middle [left, right].
std::pair<float, float> DrawBarButtons(const core::KioskState& state, Frame& frame, float y) {
    const theme::Scale sc = frame.scale();
    const theme::Grid g = frame.grid();
    ImFont* font = frame.fonts.bold;
    const float height = sc.target;
    // Left: the language, one button with a globe and the current language in its own name; it opens the list of
    // every language (a row of seven or more tabs would not fit a portrait stele).
    const float doneWidth = doneButtonWidth(frame);
    const float sizeSwitchWidth = textSizeSwitchWidth(state, frame);
    const float switchRoom = sizeSwitchWidth > 0 ? sizeSwitchWidth + sc.s : 0.0f;
    const std::string languageName = frame.text.languageName(state.language);
    // As wide as its name needs, up to all the row leaves beside "Fertig": the vote budget in the middle moves above
    // the content (portrait) or under the bar when the name needs its room (large text: "Українська").
    const float languageWidth = std::min(textWidth(font, font->FontSize, languageName + "  ") + font->FontSize + sc.m * 2,
                                         g.width - doneWidth - switchRoom - sc.m);
    ImGui::SetCursorScreenPos(ImVec2(g.x, y));
    ButtonStyle languageStyle;
    languageStyle.kind = ButtonKind::Secondary;  // framed: the way to one's own language must be easy to see
    languageStyle.icon = icon::kLanguage;
    languageStyle.font = font;
    if (StyledButton(frame, "languages", languageName, ImVec2(languageWidth, height), languageStyle)) {
        frame.events.push_back(ev::ShowLanguages{true});
    }
    if (sizeSwitchWidth > 0) DrawTextSizeSwitch(state, frame, g.x + languageWidth + sc.s, y, sizeSwitchWidth);
    // Right: "Fertig" ends the session.
    ImGui::SetCursorScreenPos(ImVec2(g.x + g.width - doneWidth, y));
    ButtonStyle done;
    done.kind = ButtonKind::Quiet;
    done.icon = icon::kDone;
    done.font = font;
    if (StyledButton(frame, "done", frame.t("common.done"), ImVec2(doneWidth, height), done)) frame.events.push_back(ev::Finish{});
    return {g.x + languageWidth + switchRoom + sc.m, g.x + g.width - doneWidth - sc.m};
}

struct VoteBudget {
    std::string words;
    int total = 0;
    float radius = 0;
    float width = 0;  ///< tokens, gap and words
};

VoteBudget voteBudget(const core::KioskState& state, const Frame& frame) {
    VoteBudget b;
    b.words = state.votesLeft > 0 ? frame.text.plural(frame.language, "common.votes_left", state.votesLeft) : frame.t("common.votes_none");
    b.total = std::min(12, std::max(0, state.votesLeft) + static_cast<int>(state.voted.size()));
    b.radius = frame.fonts.bold->FontSize * 0.26f;
    b.width = tokensWidth(b.total, b.radius) + frame.scale().s + textWidth(frame.fonts.body, frame.fonts.body->FontSize, b.words);
    return b;
}

// The vote budget as tokens ●●●○○ and in words, starting at `x`, centred on `centreY`, shortened to end by `right`.
void DrawVoteBudget(const core::KioskState& state, Frame& frame, const VoteBudget& b, float x, float centreY, float right) {
    const auto [sc, p, draw] = Pen(frame);
    ImFont* body = frame.fonts.body;
    const float tokens = DrawTokens(draw, x, centreY, std::max(0, state.votesLeft), b.total, b.radius);
    const float wordsX = x + tokens + (b.total > 0 ? sc.s : 0.0f);
    const std::string shown = fitText(body, body->FontSize, b.words, right - wordsX);
    AddShapedText(draw, body, body->FontSize, ImVec2(wordsX, centreY - body->FontSize * 0.5f), p.text.packed(), shown.c_str());
    // A little taller than the line: Arabic letters (raised to stay in the line box) reach above it in large text.
    const float h = frame.fonts.bold->FontSize * 1.2f;
    frame.elements.push_back({.id = "votes_left", .role = "status", .label = b.words, .x = x, .y = centreY - h * 0.5f,
                              .w = wordsX + textWidth(body, body->FontSize, shown) - x, .h = h, .enabled = false});
}

// A portrait stele: what a standing person taps sits in the lower two thirds. The language and "Fertig" form a bar
// at the bottom, the upper third shows the event's name and the vote budget (nothing to tap), and the screen's
// content starts a third of the way down. The name and the budget stand at the foot of that third, just above the
// content they belong to: the room left over is a margin at the top, not an empty band above the first button.
void DrawPortraitBar(const core::KioskState& state, const KioskViewModel& model, Frame& frame, const VoteBudget& budget) {
    const auto [sc, p, draw] = Pen(frame);
    const theme::Grid g = frame.grid();
    const ImVec2 screen = ImGui::GetMainViewport()->Size;
    const float barTop = screen.y - g.bottom - sc.target;
    const auto [middleLeft, middleRight] = DrawBarButtons(state, frame, barTop);
    const bool budgetInBar = budget.width <= middleRight - middleLeft;
    frame.bottomBar = sc.target + sc.m;
    const float reach = std::floor(screen.y / 3.0f);
    ImFont* title = frame.fonts.title;
    const float budgetHeight = budgetInBar ? 0.0f : frame.fonts.bold->FontSize + sc.m;
    const FittedHeading name = fitHeading(title, title->FontSize, frame.fonts.bold->FontSize, model.eventTitle, g.width, 3);
    const float nameHeight = model.eventTitle.empty() ? 0.0f : name.height;
    const float headTop = std::max(g.top, reach - sc.l - nameHeight - budgetHeight);
    if (nameHeight > 0) DrawTextCentred(draw, title, name.size, g.x, headTop, g.width, p.text, name.text);
    if (budgetInBar) {
        DrawVoteBudget(state, frame, budget, middleLeft + (middleRight - middleLeft - budget.width) * 0.5f, barTop + sc.target * 0.5f, middleRight);
    } else {
        DrawVoteBudget(state, frame, budget, g.x + std::max(0.0f, (g.width - budget.width) * 0.5f),
                       headTop + nameHeight + sc.m + frame.fonts.bold->FontSize * 0.5f, g.x + g.width);
    }
    frame.contentTop = std::max(reach, headTop + nameHeight + budgetHeight + sc.m);
}

}  // namespace

void TopBar::Draw(const core::KioskState& state, const KioskViewModel& model, Frame& frame) {
    const theme::Scale sc = frame.scale();
    const theme::Grid g = frame.grid();
    const ImVec2 screen = ImGui::GetMainViewport()->Size;
    const float height = sc.target;
    const VoteBudget budget = voteBudget(state, frame);
    if (screen.y > screen.x) {
        DrawPortraitBar(state, model, frame, budget);
        return;
    }
    const float top = g.top;
    const auto [middleLeft, middleRight] = DrawBarButtons(state, frame, top);
    // Middle: the vote budget; below the bar when the row has no room.
    float rowY = top + height * 0.5f;
    float rowX = middleLeft + std::max(0.0f, (middleRight - middleLeft - budget.width) * 0.5f);
    float bottom = top + height;
    if (budget.width > middleRight - middleLeft) {
        const float h = frame.fonts.bold->FontSize;
        rowY = top + height + sc.s + h * 0.5f;
        rowX = g.x + std::max(0.0f, (g.width - budget.width) * 0.5f);
        bottom = rowY + h * 0.5f;
    }
    DrawVoteBudget(state, frame, budget, rowX, rowY, g.x + g.width);
    frame.contentTop = bottom + sc.m;
}

// [SECTION] Attract and start

namespace {

// The ideas the attract screen shows: the most supported when counts are shown, else the newest.
std::vector<const core::IdeaCard*> highlights(const KioskViewModel& model, std::size_t count) {
    std::vector<const core::IdeaCard*> cards;
    cards.reserve(model.ideas.size());
    for (const auto& idea : model.ideas) cards.push_back(&idea);
    count = std::min(count, cards.size());
    std::partial_sort(cards.begin(), cards.begin() + static_cast<std::ptrdiff_t>(count), cards.end(),
                      [&](const core::IdeaCard* a, const core::IdeaCard* b) {
                          if (model.showCounts && a->votes != b->votes) return a->votes > b->votes;
                          return a->createdAt != b->createdAt ? a->createdAt > b->createdAt : a->number > b->number;
                      });
    cards.resize(count);
    return cards;
}

}  // namespace

void AttractScreen::Draw(const core::KioskState& state, const KioskViewModel& model, Frame& frame) {
    const auto [sc, p, draw] = Pen(frame);
    const theme::Grid g = frame.grid();
    const ImVec2 screen = ImGui::GetMainViewport()->Size;
    frame.elements.push_back({.id = "attract", .role = "button", .label = "", .x = 0, .y = 0, .w = screen.x, .h = screen.y, .enabled = true});
    // A touch anywhere starts: on release, and not when the touch became a drag.
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && !frame.suppressTaps) frame.events.push_back(ev::Begin{});
    const bool portrait = screen.y > screen.x;
    // The first language the kiosk offers (German unless the event or kiosk.toml says otherwise) leads; the others follow.
    const std::vector<std::string> offered = core::offeredLanguages(state);
    const std::string& first = offered.front();

    // The band: the event's name large, the invitation in every language at once.
    ImFont* title = frame.fonts.title;
    float y = g.top + sc.xl;
    const FittedHeading name = fitHeading(title, title->FontSize, frame.fonts.bold->FontSize, model.eventTitle, g.width, 3);
    const float bandTextTop = y;
    float bandHeight = 0;
    {
        float h = name.height + sc.l;
        for (const std::string& language : offered) {
            const std::string invite = frame.text.text(language, "attract.invite");
            h += textHeight(frame.fonts.body, frame.fonts.body->FontSize, invite, g.width) + sc.s;
        }
        bandHeight = bandTextTop + h + sc.xl;
    }
    draw->AddRectFilled(ImVec2(0, 0), ImVec2(screen.x, bandHeight), p.band.packed());
    y += DrawTextCentred(draw, title, name.size, g.x, y, g.width, p.onBand, name.text) + sc.l;
    for (const std::string& language : offered) {
        const std::string invite = frame.text.text(language, "attract.invite");
        ImFont* font = language == first ? frame.fonts.bold : frame.fonts.body;
        y += DrawTextCentred(draw, font, font->FontSize, g.x, y, g.width, language == first ? p.onBand : p.onBandMuted,
                             invite) + sc.s;
    }

    // Under the band, right: the phones' QR code, when the organiser wants it here too (run --phones-on-attract)
    // and a phone server serves; the cue and the ideas then take the column left of it.
    y = bandHeight + sc.xl;
    float blockWidth = g.width;
    const float column = std::floor(g.width * (portrait ? 0.45f : 0.3f));
    joinLayout = LayoutJoinCode(model.join, frame.fonts.bold, frame.fonts.bold->FontSize, g.x + g.width - column, y, column,
                                screen.y - g.bottom - y);
    if (joinLayout.fits()) {
        DrawJoinCode(draw, model.join, frame.fonts.bold, joinLayout, p.text.packed());
        blockWidth = g.width - column - sc.xl;
    }

    // The cue: a large pill saying where to touch, the other languages under it.
    ImFont* bold = frame.fonts.bold;
    ImFont* body = frame.fonts.body;
    const std::string hand = icon::kTouch;
    const float handWidth = textWidth(bold, bold->FontSize, hand);
    const std::string cue = fitText(bold, bold->FontSize, frame.text.text(first, "attract.start"), blockWidth - handWidth - sc.xl * 3);
    const float pillWidth = handWidth + sc.m + textWidth(bold, bold->FontSize, cue) + sc.xl * 2;
    const float pillHeight = sc.target * 1.1f;
    const float pillX = g.x + (blockWidth - pillWidth) * 0.5f;
    draw->AddRectFilled(ImVec2(pillX, y), ImVec2(pillX + pillWidth, y + pillHeight), p.primary.packed(), pillHeight * 0.5f);
    const float textY = y + (pillHeight - bold->FontSize) * 0.5f;
    AddShapedText(draw, bold, bold->FontSize, ImVec2(pillX + sc.xl, textY), p.onPrimary.packed(), hand.c_str());
    AddShapedText(draw, bold, bold->FontSize, ImVec2(pillX + sc.xl + handWidth + sc.m, textY), p.onPrimary.packed(), cue.c_str());
    y += pillHeight + sc.s;
    std::string others;
    for (const std::string& language : offered) {
        if (language != first) others += (others.empty() ? "" : "  ·  ") + frame.text.text(language, "attract.start");
    }
    // Every other language's cue, on as many lines as it takes (up to four): the block below takes the room left.
    y += DrawTextCentred(draw, body, body->FontSize, g.x, y, blockWidth, p.textMuted, fitLines(body, body->FontSize, others, blockWidth, 4)) + sc.xl;

    // A calm block: the totals and the leading (or newest) ideas.
    int votes = 0;
    for (const auto& idea : model.ideas) votes += idea.votes;
    std::string totals = frame.text.format(first, "attract.ideas_so_far", {{"count", std::to_string(model.totalIdeas)}});
    if (model.showCounts) totals += "  ·  " + frame.text.plural(first, "common.vote_count", votes);
    const std::string heading = frame.t(model.showCounts ? "attract.top_ideas" : "attract.newest_ideas");
    // The heading on the left and the totals on the right, or the totals under the heading when both do not fit.
    const float headingWidth = textWidth(bold, bold->FontSize, heading);
    const float totalsWidth = textWidth(body, body->FontSize, totals);
    const bool oneLine = headingWidth + sc.xl + totalsWidth <= blockWidth;
    // The ideas, each in a row that is its title's place (its clip rectangle): a passer-by reads a title of up to two
    // lines whole. Two-line rows where the room holds at least three of them (fewer ideas rather than cut titles),
    // one line each otherwise (a low landscape screen), and a title shortened with "…" only where its row is full.
    const float numberWidth = textWidth(bold, bold->FontSize, "#0000");
    const float gap = sc.s;
    const float pad = sc.m * 0.75f;
    const float headHeight = (oneLine ? 0.0f : bold->FontSize + sc.s) + bold->FontSize + sc.m;
    const float roomHeight = std::max(0.0f, screen.y - g.bottom - y - headHeight);
    const auto cap = std::min<std::size_t>(portrait ? 12 : 5, model.ideas.size());
    const auto rowsOf = [&](int lines) {
        return static_cast<std::size_t>((roomHeight + gap) / (body->FontSize * static_cast<float>(lines) + pad * 2 + gap));
    };
    const int maxLines = rowsOf(2) >= std::min<std::size_t>(3, cap) ? 2 : 1;
    // Where not one idea fits under the invitations (nine languages on a low screen), the totals stand alone, centred:
    // a heading over nothing would promise ideas that are not there.
    if (rowsOf(1) == 0 || cap == 0) {
        DrawTextCentred(draw, body, body->FontSize, g.x, y, blockWidth, p.textMuted, fitLines(body, body->FontSize, totals, blockWidth, 2));
        return;
    }
    DrawText(draw, bold, bold->FontSize, ImVec2(g.x, y), p.text, fitText(bold, bold->FontSize, heading, blockWidth));
    if (!oneLine) y += bold->FontSize + sc.s;
    const std::string totalsShown = fitText(body, body->FontSize, totals, blockWidth);
    DrawText(draw, body, body->FontSize, ImVec2(oneLine ? g.x + blockWidth - totalsWidth : g.x, y), p.textMuted, totalsShown);
    y += bold->FontSize + sc.m;
    // Rows are as tall as their titles: as many ideas as fit, in their order, the first that does not fit ends the list.
    const auto ideas = highlights(model, cap);
    for (const core::IdeaCard* idea : ideas) {
        std::string count;
        float countWidth = 0;
        if (model.showCounts) {
            count = frame.text.plural(first, "common.vote_count", idea->votes);
            countWidth = textWidth(body, body->FontSize, count);
        }
        const float titleX = g.x + sc.l + numberWidth + sc.m;
        const float wrap = std::max(1.0f, g.x + blockWidth - sc.l - (countWidth > 0 ? countWidth + sc.m : 0.0f) - titleX);
        const std::string shown = fitLines(body, body->FontSize, idea->title, wrap, maxLines);
        const float titleHeight = std::max(body->FontSize, textHeight(body, body->FontSize, shown, wrap));
        const float rowHeight = titleHeight + pad * 2;
        if (y + rowHeight > screen.y - g.bottom + 0.5f) break;
        const auto* category = model.category(idea->category);
        DrawCard(draw, {g.x, y, blockWidth, rowHeight}, category ? category->color : 0u, sc);
        draw->PushClipRect(ImVec2(g.x, y), ImVec2(g.x + blockWidth, y + rowHeight), true);
        const float ty = y + pad;
        const std::string number = "#" + std::to_string(idea->number);
        AddShapedText(draw, bold, bold->FontSize, ImVec2(g.x + sc.l, ty), p.textMuted.packed(), number.c_str());
        if (model.showCounts) {
            AddShapedText(draw, body, body->FontSize, ImVec2(g.x + blockWidth - sc.l - countWidth, ty), p.textMuted.packed(), count.c_str());
        }
        AddShapedText(draw, body, body->FontSize, ImVec2(titleX, ty), p.text.packed(), shown.c_str(), nullptr, wrap);
        draw->PopClipRect();
        y += rowHeight + gap;
    }
}

void StartScreen::Draw(const core::KioskState& state, const KioskViewModel& model, Frame& frame) {
    const auto [sc, p, draw] = Pen(frame);
    const Box area = contentBox(frame);
    const bool portrait = ImGui::GetMainViewport()->Size.y > ImGui::GetMainViewport()->Size.x;
    ImFont* title = frame.fonts.title;
    float y = area.y + sc.m;
    if (!portrait) {  // a portrait stele shows the event's name above, in the top bar's upper third
        const FittedHeading name = fitHeading(title, title->FontSize, frame.fonts.bold->FontSize, model.eventTitle, area.w, 2);
        y += DrawTextCentred(draw, title, name.size, area.x, y, area.w, p.text, name.text) + sc.xl;
    }

    // Two large tiles, each with an icon, its name and one line saying what happens.
    const float bottomNote = model.submissionOpen ? 0.0f : frame.fonts.body->FontSize * 2 + sc.m;
    const float options = readingOptionsHeight(frame, area.w) + sc.l;  // the reading switches under the tiles
    const float room = area.bottom() - y - bottomNote - options;
    const float tileHeight = portrait ? std::min(room * 0.5f - sc.m * 0.5f, sc.target * 4.5f) : std::min(room, sc.target * 5.5f);
    // On a portrait stele the tiles and switches end just above the bar at the bottom, in a standing person's reach.
    if (portrait) y = std::max(y, area.bottom() - bottomNote - options - tileHeight * 2 - sc.m);
    const Box first = portrait ? Box{area.x, y, area.w, tileHeight} : Box{area.x, y, (area.w - sc.l) * 0.5f, tileHeight};
    const Box second = portrait ? Box{area.x, first.bottom() + sc.m, first.w, first.h}
                                : Box{first.right() + sc.l, y, first.w, first.h};
    struct Tile {
        const char* id;
        const char* label;
        const char* hint;
        const char* icon;
        bool enabled;
        ButtonKind kind;
        core::Event event;
    };
    const Tile tiles[] = {
        {"choose:submit", "start.submit", "start.submit_hint", icon::kIdea, model.submissionOpen, ButtonKind::Primary, ev::ChooseSubmit{}},
        {"choose:browse", "start.browse", "start.browse_hint", icon::kBrowse, true, ButtonKind::Quiet, ev::ChooseBrowse{}},
    };
    for (int i = 0; i < 2; ++i) {
        const Tile& tile = tiles[i];
        const Box box = i == 0 ? first : second;
        ImGui::SetCursorScreenPos(ImVec2(box.x, box.y));
        ButtonStyle style;
        style.kind = tile.kind;
        style.enabled = tile.enabled;
        style.custom = true;
        const std::string label = frame.t(tile.label);
        if (StyledButton(frame, tile.id, label, ImVec2(box.w, box.h), style)) frame.events.push_back(tile.event);
        const theme::Rgb ink = !tile.enabled ? p.onDisabled : tile.kind == ButtonKind::Primary ? p.onPrimary : p.text;
        const theme::Rgb soft = !tile.enabled ? p.onDisabled : tile.kind == ButtonKind::Primary ? p.onPrimary : p.textMuted;
        const float pad = sc.l;
        const std::string hint = frame.t(tile.hint);
        const std::string labelShown = fitLines(title, title->FontSize, label, box.w - pad * 2, 2);
        // The hint takes the lines the tile has left under its icon and name (at least two); where the whole hint
        // needs the icon's room too (a long one in Leichte Sprache), the icon gives way.
        const float labelHeight = textHeight(title, title->FontSize, labelShown, box.w - pad * 2);
        const float wholeHint = textHeight(frame.fonts.body, frame.fonts.body->FontSize, hint, box.w - pad * 2);
        const float textRoom = box.h - pad * 2 - labelHeight - sc.s;
        const float iconSize = wholeHint <= textRoom - title->FontSize * 1.4f - sc.m ? title->FontSize * 1.4f : 0.0f;
        const float iconRoom = iconSize > 0 ? iconSize + sc.m : 0.0f;
        const int hintLines = std::max(2, static_cast<int>((textRoom - iconRoom) / frame.fonts.body->FontSize));
        const std::string hintShown = fitLines(frame.fonts.body, frame.fonts.body->FontSize, hint, box.w - pad * 2, hintLines);
        const float contentHeight =
            iconRoom + labelHeight + sc.s + textHeight(frame.fonts.body, frame.fonts.body->FontSize, hintShown, box.w - pad * 2);
        float ty = box.y + std::max(pad, (box.h - contentHeight) * 0.5f);
        if (iconSize > 0) {
            const float iconWidth = textWidth(title, iconSize, tile.icon);
            AddShapedText(draw, title, iconSize, ImVec2(box.x + (box.w - iconWidth) * 0.5f, ty), ink.packed(), tile.icon);
            ty += iconRoom;
        }
        ty += DrawTextCentred(draw, title, title->FontSize, box.x + pad, ty, box.w - pad * 2, ink, labelShown) + sc.s;
        DrawTextCentred(draw, frame.fonts.body, frame.fonts.body->FontSize, box.x + pad, ty, box.w - pad * 2, soft, hintShown);
    }
    if (!model.submissionOpen) {
        const std::string closed = frame.t("errors.submission_closed");
        DrawTextCentred(draw, frame.fonts.body, frame.fonts.body->FontSize, area.x, second.bottom() + sc.m, area.w, p.text,
                        fitLines(frame.fonts.body, frame.fonts.body->FontSize, closed, area.w, 2));
    }
    DrawReadingOptions(state, frame, area.x, second.bottom() + bottomNote + sc.l, area.w);
}

// [SECTION] Dispatch

void KioskView::Draw(const core::KioskState& state, const KioskViewModel& model, Frame& frame) {
    frame.language = state.language;
    // "Hoher Kontrast" for this session: every colour the screens take from the theme (the fonts for "Große Schrift"
    // come with the frame: the loop picks them).
    const theme::HighContrastScope contrast(state.highContrast);
    // Arabic: the screens are drawn as for German, then the loop mirrors the picture (MirrorDrawData) and the
    // pointer; the elements listed for tests and automation are mirrored here, where the taps will land.
    const MirrorScope mirror(frame.mirrored());
    frame.flipped = frame.mirrored();
    const std::size_t elementsBefore = frame.elements.size();
    if (!frame.press) frame.press = &press;
    lastDrawn = frame.now;
    BeginFullscreen("##kiosk", theme::palette().page.packed());
    frame.contentTop = 0;
    frame.bottomBar = 0;
    frame.reservedBottom = Overlays::messageHeight(state, frame);
    if (frame.reservedBottom > 0) frame.reservedBottom += frame.scale().m;
    // Under "Sind Sie noch da?", the trouble screen and the language list nothing else is drawn: the overlay covers it and takes
    // every touch, so nothing beneath may be listed as tappable either.
    const bool covered = state.idleWarning || state.screen == Screen::Trouble || state.languagePicker;
    if (!covered && state.screen != Screen::Attract) topBar.Draw(state, model, frame);
    frame.reservedBottom += frame.bottomBar;
    if (!covered) switch (state.screen) {
        case Screen::Attract: attract.Draw(state, model, frame); break;
        case Screen::Start: start.Draw(state, model, frame); break;
        case Screen::Browse: browse.Draw(state, model, frame); break;
        case Screen::Detail: browse.DrawDetail(state, model, frame); break;
        case Screen::Trouble: break;
        default: submit.Draw(state, model, frame); break;
    }
    EndFullscreen();
    overlays.Draw(state, frame);
    if (frame.mirrored()) {
        const float width = ImGui::GetMainViewport()->Size.x;
        for (std::size_t i = elementsBefore; i < frame.elements.size(); ++i) {
            UiElement& e = frame.elements[i];
            e.x = width - e.x - e.w;
        }
    }
}

double KioskView::nextChangeAt(const core::KioskState& state, double now) const {
    double next = -1;
    auto sooner = [&](double at) { next = next < 0 ? at : std::min(next, at); };
    if (press.until > now) sooner(press.until);
    if (core::activeFieldLimit(state.screen) > 0) {
        // The caret blinks from the last key on: it changes every half period.
        const double half = theme::kCaretPeriod * 0.5;
        const double since = std::max(0.0, now - state.lastInputAt);
        sooner(state.lastInputAt + (std::floor(since / half) + 1.0) * half);
    }
    // A countdown shows whole seconds: the next one starts when the time left crosses a whole number.
    if (state.screen == Screen::Saving && state.savingSince + core::kSavingShownAfter > now) {
        sooner(state.savingSince + core::kSavingShownAfter);
    }
    if (state.screen == Screen::Thanks) sooner(state.thanksUntil - std::ceil(state.thanksUntil - now) + 1.0);
    if (state.idleWarning) {
        const double end = state.lastInputAt + core::idleTimeoutFor(state) + state.idleCountdown;
        sooner(end - std::ceil(end - now) + 1.0);
    }
    return next;
}

}  // namespace kiosk::ui
