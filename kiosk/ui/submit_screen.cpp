// The submit wizard: topic tiles, the three text steps with the on-screen keyboard, similar ideas, review, thanks.
#include "kiosk/ui/kiosk_view.h"

#include "kiosk/ui/widgets.h"

#include "imgui.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {

using core::Screen;
namespace ev = core::ev;

namespace {

const char* promptKey(Screen screen) {
    switch (screen) {
        case Screen::SubmitCategory: return "submit.category_prompt";
        case Screen::SubmitTitle: return "submit.title_prompt";
        case Screen::SubmitDescription: return "submit.description_prompt";
        case Screen::SubmitName: return "submit.name_prompt";
        case Screen::SubmitSimilar: return "submit.similar_prompt";
        case Screen::SubmitReview: return "submit.review_prompt";
        case Screen::Saving: return "submit.saving";
        case Screen::Thanks: return "thanks.title";
        default: return "";
    }
}

/// The wizard's step (0 … 4: topic · title · description · name · check), or -1.
int stepOf(Screen screen) {
    switch (screen) {
        case Screen::SubmitCategory: return 0;
        case Screen::SubmitTitle: return 1;
        case Screen::SubmitDescription: return 2;
        case Screen::SubmitName: return 3;
        case Screen::SubmitSimilar:
        case Screen::SubmitReview: return 4;
        default: return -1;
    }
}

constexpr const char* kStepKeys[] = {"submit.step_topic", "submit.step_title", "submit.step_description", "submit.step_name",
                                     "submit.step_check"};

const std::string& fieldText(const core::KioskState& state) {
    switch (state.screen) {
        case Screen::SubmitTitle: return state.draft.title;
        case Screen::SubmitDescription: return state.draft.description;
        default: return state.draft.author;
    }
}

// Five numbered circles joined by a line: done ones green with a tick, the current one blue, the rest open;
// the current step's name beside them. Returns the height used.
void drawSteps(Frame& frame, int step, const Box& box) {
    const auto [sc, p, draw] = Pen(frame);
    ImFont* bold = frame.fonts.bold;
    const float r = bold->FontSize * 0.5f;
    const float spacing = r * 2 + sc.m;
    const float cy = box.y + box.h * 0.5f;
    const float dotsWidth = spacing * 4 + r * 2;
    const std::string name = frame.text.format(frame.language, "submit.step_of",
                                               {{"step", std::to_string(step + 1)}, {"total", "5"}}) +
                             "  " + frame.t(kStepKeys[step]);
    const float nameWidth = textWidth(bold, bold->FontSize, name);
    const bool withName = dotsWidth + sc.m + nameWidth <= box.w;
    float x = box.right() - dotsWidth - (withName ? nameWidth + sc.m : 0.0f);
    x = std::max(box.x, x);
    draw->AddLine(ImVec2(x + r, cy), ImVec2(x + r + spacing * 4, cy), p.tokenEmpty.packed(), sc.border);
    for (int i = 0; i < 5; ++i) {
        const ImVec2 c(x + r + spacing * static_cast<float>(i), cy);
        const std::string digit = i < step ? std::string(icon::kDone) : std::to_string(i + 1);
        theme::Rgb ink = p.text;
        if (i < step) {
            draw->AddCircleFilled(c, r, p.success.packed(), 24);
            ink = p.onSuccess;
        } else if (i == step) {
            draw->AddCircleFilled(c, r, p.primary.packed(), 24);
            ink = p.onPrimary;
        } else {
            draw->AddCircleFilled(c, r, p.surface.packed(), 24);
            draw->AddCircle(c, r, p.border.packed(), 24, sc.border * 0.7f);
        }
        ImFont* font = frame.fonts.body;
        const float size = font->FontSize * 0.8f;
        const float w = textWidth(font, size, digit);
        AddShapedText(draw, font, size, ImVec2(c.x - w * 0.5f, c.y - size * 0.5f), ink.packed(), digit.c_str());
    }
    if (withName) {
        AddShapedText(draw, bold, bold->FontSize, ImVec2(x + dotsWidth + sc.m, cy - bold->FontSize * 0.5f), p.text.packed(), name.c_str());
    }
    frame.elements.push_back({.id = "step", .role = "status", .label = name, .x = x, .y = box.y, .w = dotsWidth, .h = box.h, .enabled = false});
}

void drawCategories(const KioskViewModel& model, const core::KioskState& state, Frame& frame, const Box& box) {
    const theme::Scale sc = frame.scale();
    const theme::Palette& p = theme::palette();
    const bool portrait = ImGui::GetMainViewport()->Size.y > ImGui::GetMainViewport()->Size.x;
    const int columns = portrait ? 2 : 3;
    const float width = (box.w - sc.m * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const int rows = std::max(1, static_cast<int>((model.categories.size() + static_cast<std::size_t>(columns) - 1) /
                                                  static_cast<std::size_t>(columns)));
    const float height = std::max(sc.target, std::min(sc.target * 2.0f, (box.h - sc.m * static_cast<float>(rows - 1)) / static_cast<float>(rows)));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImFont* bold = frame.fonts.bold;
    int i = 0;
    for (const auto& c : model.categories) {
        const float x = box.x + static_cast<float>(i % columns) * (width + sc.m);
        const float y = box.y + static_cast<float>(i / columns) * (height + sc.m);
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        ButtonStyle style;
        style.kind = ButtonKind::Key;
        style.custom = true;
        const std::string name = c.name(state.language);
        if (StyledButton(frame, "category:" + c.key, name, ImVec2(width, height), style)) frame.events.push_back(ev::PickCategory{c.key});
        // The topic's colour as a broad stripe; the name in dark text, so its contrast never depends on the event file.
        DrawCategoryStripe(draw, ImVec2(x, y), ImVec2(x + sc.m, y + height), c.color, sc.radius, ImDrawFlags_RoundCornersLeft, sc);
        const float room = width - sc.m * 3;
        const std::string shown = fitLines(bold, bold->FontSize, name, room, std::max(1, static_cast<int>((height - sc.m) / bold->FontSize)));
        const float h = textHeight(bold, bold->FontSize, shown, room);
        DrawTextCentred(draw, bold, bold->FontSize, x + sc.m * 2, y + (height - h) * 0.5f, room, p.text, shown);
        ++i;
    }
    if (model.categories.empty()) frame.events.push_back(ev::PickCategory{""});
}

// Right-to-left text, or any text in a mirrored (Arabic) layout, is laid out by core/bidi: lines broken on logical
// words, each shown in visual order. Other text keeps Dear ImGui's own wrapping.
bool bidiField(const Frame& frame, const std::string& text) {
    return core::hasRightToLeft(text) || isRightToLeftLanguage(frame.language);
}

std::vector<core::VisualLine> fieldLines(const Frame& frame, ImFont* font, float size, const std::string& text, float wrap) {
    return visualLines(font, size, text, wrap,
                       isRightToLeftLanguage(frame.language) ? core::BaseDirection::RightToLeft : core::BaseDirection::LeftToRight);
}

/// Lines the field's text takes (at least one).
float fieldLineCount(const Frame& frame, ImFont* font, const std::string& text, float wrap) {
    const float size = font->FontSize;
    if (bidiField(frame, text)) return static_cast<float>(fieldLines(frame, font, size, text, wrap).size());
    return std::floor(wrappedTextEnd(font, size, text, wrap).y / size + 0.5f) + 1.0f;
}

// The logical text stays the truth; what shows is each line shaped and in reading order, and the caret stands
// after the letter typed last: left of it in Arabic, right of it in Latin text. In a mirrored frame the picture
// is flipped afterwards while each line moves as a whole, so the caret is placed mirrored inside its line.
void drawBidiFieldText(const core::KioskState& state, Frame& frame, const Box& box, bool caretShown) {
    const auto [sc, p, draw] = Pen(frame);
    ImFont* font = frame.fonts.body;
    const float size = font->FontSize;
    const float pad = sc.m;
    const float wrap = box.w - pad * 2 - sc.s;
    const bool mirrored = isRightToLeftLanguage(frame.language);
    const auto lines = fieldLines(frame, font, size, fieldText(state), wrap);
    // Half a pixel of slack, as for other text below: a one-line field in large text (53.04 px) showed no line at all.
    const int hidden =
        static_cast<int>(std::ceil(std::max(0.0f, static_cast<float>(lines.size()) * size - (box.h - pad * 2) - 0.5f) / size));
    float y = box.y + pad;
    for (std::size_t i = static_cast<std::size_t>(hidden); i < lines.size(); ++i, y += size) {
        const core::VisualLine& line = lines[i];
        const float width = visualWidth(font, size, line.visual);
        const float left = box.x + pad + (line.rightToLeft != mirrored ? std::max(0.0f, wrap - width) : 0.0f);
        AddVisualText(draw, font, size, ImVec2(left, y), p.text.packed(), line.visual);
        if (!caretShown || i + 1 != lines.size()) continue;
        // The caret's place in the visual line: the width of the code points left of its boundary.
        const std::size_t boundary = line.caretBoundary(line.logicalToVisual.size());
        std::size_t bytes = 0;
        for (std::size_t cp = 0; cp < boundary && bytes < line.visual.size(); ++cp) {
            do ++bytes;
            while (bytes < line.visual.size() && (static_cast<unsigned char>(line.visual[bytes]) & 0xC0) == 0x80);
        }
        const float at = visualWidth(font, size, std::string_view(line.visual).substr(0, bytes));
        const float caretWidth = std::max(2.0f, sc.xs * 0.6f);
        const float x = mirrored ? left + width - at - caretWidth : left + at + 1.0f;
        draw->AddRectFilled(ImVec2(x, y), ImVec2(x + caretWidth, y + size), p.caret.packed());
    }
}

// The text field with its caret at the insertion point (the end), blinking from the last key on, and the counter.
void drawField(const core::KioskState& state, Frame& frame, const Box& box) {
    const auto [sc, p, draw] = Pen(frame);
    ImFont* font = frame.fonts.body;
    const float size = font->FontSize;
    const std::string& text = fieldText(state);
    const ImVec2 min(box.x, box.y), max(box.right(), box.bottom());
    draw->AddRectFilled(min, max, p.surface.packed(), sc.radius);
    draw->AddRect(min, max, p.primary.packed(), sc.radius, 0, sc.border);
    const float pad = sc.m;
    const float wrap = box.w - pad * 2 - sc.s;
    const double since = std::max(0.0, frame.now - state.lastInputAt);
    const bool caretShown = std::fmod(since, theme::kCaretPeriod) < theme::kCaretPeriod * 0.5;
    if (bidiField(frame, text)) {
        draw->PushClipRect(ImVec2(min.x + sc.xs, min.y + sc.xs), ImVec2(max.x - sc.xs, max.y - sc.xs), true);
        drawBidiFieldText(state, frame, box, caretShown);
        draw->PopClipRect();
        frame.elements.push_back({.id = "field", .role = "text", .label = text, .x = box.x, .y = box.y, .w = box.w, .h = box.h, .enabled = true});
        return;
    }
    // Long descriptions show their end, where the typing happens. They scroll by whole lines: the lines above
    // are not drawn at all, so no half line (or a cedilla's tail) shows at the field's top.
    const ImVec2 end = wrappedTextEnd(font, size, text, wrap);
    // Half a pixel of slack: a field exactly as tall as its lines (2 × 53.04 px) must not hide its first line
    // for a rounding error (it did in large text: the title's first line vanished from a two-line field).
    const int hiddenLines = static_cast<int>(std::ceil(std::max(0.0f, end.y + size - (box.h - pad * 2) - 0.5f) / size));
    const float shift = static_cast<float>(hiddenLines) * size;
    const std::size_t first = hiddenLines > 0 ? wrappedLinesStart(font, size, text, wrap, hiddenLines) : 0;
    draw->PushClipRect(ImVec2(min.x + sc.xs, min.y + sc.xs), ImVec2(max.x - sc.xs, max.y - sc.xs), true);
    AddShapedText(draw, font, size, ImVec2(min.x + pad, min.y + pad), p.text.packed(), text.c_str() + first, text.c_str() + text.size(), wrap);
    if (caretShown) {
        const ImVec2 caret(min.x + pad + end.x + 1.0f, min.y + pad - shift + end.y);
        draw->AddRectFilled(caret, ImVec2(caret.x + std::max(2.0f, sc.xs * 0.6f), caret.y + size), p.caret.packed());
    }
    draw->PopClipRect();
    frame.elements.push_back({.id = "field", .role = "text", .label = text, .x = box.x, .y = box.y, .w = box.w, .h = box.h, .enabled = true});
}

// "12 von 120 Zeichen" under the field; near the limit in warning colours with an icon, at the limit with a note.
float drawCounter(const core::KioskState& state, Frame& frame, float x, float y, float maxWidth) {
    const auto [sc, p, draw] = Pen(frame);
    ImFont* font = frame.fonts.body;
    const std::size_t limit = core::activeFieldLimit(state.screen);
    const std::size_t count = core::characterCount(fieldText(state));
    std::string counter = frame.text.format(state.language, "submit.counter",
                                            {{"count", std::to_string(count)}, {"max", std::to_string(limit)}});
    const bool near = limit > 0 && static_cast<double>(count) >= theme::kCounterWarnShare * static_cast<double>(limit);
    if (state.inputFull) counter += " – " + frame.t("submit.too_long");
    if (!near && !state.inputFull) {
        DrawText(draw, font, font->FontSize, ImVec2(x, y), p.textMuted, fitText(font, font->FontSize, counter, maxWidth));
        frame.elements.push_back({.id = "counter", .role = "status", .label = counter, .x = x, .y = y, .w = maxWidth, .h = font->FontSize, .enabled = false});
        return font->FontSize;
    }
    const std::string warning = std::string(icon::kWarning) + "  " + counter;
    const std::string shown = fitText(font, font->FontSize, warning, maxWidth - sc.m * 2);
    const float w = textWidth(font, font->FontSize, shown) + sc.m * 2;
    draw->AddRectFilled(ImVec2(x, y - sc.xs), ImVec2(x + w, y + font->FontSize + sc.xs), p.warningSurface.packed(), sc.radius);
    DrawText(draw, font, font->FontSize, ImVec2(x + sc.m, y), p.warning, shown);
    frame.elements.push_back({.id = "counter", .role = "status", .label = counter, .x = x, .y = y, .w = w, .h = font->FontSize, .enabled = false});
    return font->FontSize;
}

void drawSimilar(const core::KioskState& state, const KioskViewModel& model, Frame& frame, const Box& box) {
    const auto [sc, p, draw] = Pen(frame);
    ImFont* bold = frame.fonts.bold;
    ImFont* body = frame.fonts.body;
    const std::string support = frame.t("submit.similar_support");
    const float buttonWidth = std::max(sc.target * 3.0f, textWidth(bold, bold->FontSize, support) + bold->FontSize + sc.s + sc.m * 2);
    const float numberWidth = textWidth(bold, bold->FontSize, "#0000") + sc.s;
    // The title beside the button, or over it where the column beside it is narrower than a word of the title (a
    // portrait stele: "Integrationskonferenzteilnehmerinnenbegrüßung" broke in the middle): the title then takes the
    // card's whole width and the button its own row, rather than breaking the word.
    const float besideWidth = box.w - sc.l * 3 - buttonWidth - numberWidth;
    const float fullWidth = box.w - sc.l * 2 - numberWidth;
    // Each card is as tall as its title's lines (up to five) and is the title's clip rectangle. Where the room does not
    // hold every title whole, the titles get the same number of lines (the most that fits, a short title keeping
    // fewer), and where that is less than two lines, fewer ideas are shown rather than each cut to a line; a title is
    // shortened with "…" only where its card cannot grow.
    struct Card {
        bool stacked = false;
        float wrap = 0, below = 0;
        int needed = 1;
    };
    std::vector<Card> cards;
    for (const auto& idea : state.similar) {
        if (cards.size() == 3) break;
        Card c;
        const float widest = widestWordWidth(body, body->FontSize, idea.title);
        c.stacked = widest > besideWidth && widest <= fullWidth;
        c.wrap = c.stacked ? fullWidth : besideWidth;
        c.below = c.stacked ? sc.s + sc.target : 0.0f;  // the button's row under the title
        c.needed = std::clamp(static_cast<int>(textHeight(body, body->FontSize, idea.title, c.wrap) / body->FontSize + 0.5f), 1, 5);
        cards.push_back(c);
    }
    const auto heightOf = [&](const Card& c, int lines) {
        const float text = std::max(body->FontSize * static_cast<float>(lines), bold->FontSize);
        return c.stacked ? sc.m * 2 + text + c.below : std::max(sc.target + sc.m * 2, sc.m * 2 + text);
    };
    const auto fits = [&](std::size_t count, int lines) {
        float total = -sc.m;
        for (std::size_t i = 0; i < count; ++i) total += heightOf(cards[i], std::min(cards[i].needed, lines)) + sc.m;
        return total <= box.h + 0.5f;
    };
    std::size_t shown = cards.size();
    int lines = 5;
    while (shown > 0) {
        lines = 5;
        while (lines > 1 && !fits(shown, lines)) --lines;
        bool whole = true;
        for (std::size_t i = 0; i < shown; ++i) whole = whole && cards[i].needed <= lines;
        if (whole || lines >= 2 || shown == 1) break;
        --shown;
    }
    float y = box.y;
    for (std::size_t i = 0; i < shown; ++i) {
        const auto& idea = state.similar[i];
        const Card& c = cards[i];
        const bool stacked = c.stacked;
        const float wrap = c.wrap;
        const std::string title = fitLines(body, body->FontSize, idea.title, wrap, std::min(c.needed, lines));
        const float cardHeight = heightOf(c, std::min(c.needed, lines));
        if (y + cardHeight > box.bottom() + 0.5f) break;
        const auto* category = model.category(idea.category);
        DrawCard(draw, {box.x, y, box.w, cardHeight}, category ? category->color : 0u, sc);
        draw->PushClipRect(ImVec2(box.x, y), ImVec2(box.right(), y + cardHeight), true);
        const std::string number = "#" + std::to_string(idea.number);
        AddShapedText(draw, bold, bold->FontSize, ImVec2(box.x + sc.l, y + sc.m), p.textMuted.packed(), number.c_str());
        const float tx = box.x + sc.l + numberWidth;
        DrawText(draw, body, body->FontSize, ImVec2(tx, y + sc.m), p.text, title, wrap);
        draw->PopClipRect();
        const float buttonY = stacked ? y + cardHeight - sc.m - sc.target : y + (cardHeight - sc.target) * 0.5f;
        ImGui::SetCursorScreenPos(ImVec2(box.right() - sc.l - buttonWidth, buttonY));
        const bool voted = state.voted.count(idea.id) > 0;
        ButtonStyle style;
        style.font = bold;
        if (voted) {
            // Already supported: a green mark, nothing to tap.
            style.kind = ButtonKind::Success;
            style.icon = icon::kVoted;
            style.role = "status";
            const ImVec2 at = ImGui::GetCursorScreenPos();
            const std::string label = fitText(bold, bold->FontSize, frame.t("browse.voted"), buttonWidth - bold->FontSize - sc.m * 3);
            draw->AddRectFilled(at, ImVec2(at.x + buttonWidth, at.y + sc.target), p.success.packed(), sc.radius);
            const std::string text = std::string(icon::kVoted) + "  " + label;
            DrawTextCentred(draw, bold, bold->FontSize, at.x, at.y + (sc.target - bold->FontSize) * 0.5f, buttonWidth, p.onSuccess, text);
        } else {
            style.kind = ButtonKind::Primary;
            style.icon = icon::kVote;
            style.enabled = state.votesLeft > 0 && model.votingOpen;
            if (StyledButton(frame, "similar:" + std::to_string(idea.number), support, ImVec2(buttonWidth, sc.target), style)) {
                frame.events.push_back(ev::Vote{idea.id});
            }
        }
        y += cardHeight + sc.m;
    }
}

void drawReview(const core::KioskState& state, const KioskViewModel& model, Frame& frame, const Box& box) {
    const auto [sc, p, draw] = Pen(frame);
    ImFont* title = frame.fonts.title;
    ImFont* body = frame.fonts.body;
    const auto* category = model.category(state.draft.category);
    const float pad = sc.xl;
    const float wrap = box.w - pad * 2;
    // As tall as its text, up to the room there is.
    const std::string heading = fitLines(title, title->FontSize, state.draft.title, wrap, 3);
    const float authorHeight = state.draft.author.empty() ? 0.0f : body->FontSize + sc.m;
    const float fixed = pad * 1.2f + (category ? chipHeight(body, sc) + sc.m : 0.0f) + textHeight(title, title->FontSize, heading, wrap) +
                        sc.m + authorHeight;
    // The gap under the description counts too: without it the author's line ran out under the card.
    const int lines = static_cast<int>((box.h - fixed - sc.m) / body->FontSize);
    const std::string description = lines > 0 ? fitLines(body, body->FontSize, state.draft.description, wrap, lines) : std::string();
    const float descriptionHeight = description.empty() ? 0.0f : textHeight(body, body->FontSize, description, wrap) + sc.m;
    const Box card{box.x, box.y, box.w, std::min(box.h, fixed + descriptionHeight)};
    DrawCard(draw, card, category ? category->color : 0u, sc);
    // The card is its text's place (its clip rectangle says so, to a test too).
    draw->PushClipRect(ImVec2(card.x, card.y), ImVec2(card.right(), card.bottom()), true);
    float y = card.y + pad * 0.6f;
    if (category) {
        DrawChip(draw, body, box.x + pad, y, category->name(state.language), category->color, wrap, sc);
        y += chipHeight(body, sc) + sc.m;
    }
    y += DrawText(draw, title, title->FontSize, ImVec2(box.x + pad, y), p.text, heading, wrap) + sc.m;
    if (!description.empty()) y += DrawText(draw, body, body->FontSize, ImVec2(box.x + pad, y), p.text, description, wrap) + sc.m;
    if (!state.draft.author.empty()) {
        // The name takes the lines left in the card (one at least).
        const int nameLines = std::max(1, static_cast<int>((card.bottom() - pad * 0.5f - y) / body->FontSize));
        DrawText(draw, body, body->FontSize, ImVec2(box.x + pad, y), p.textMuted,
                 fitLines(body, body->FontSize, "– " + state.draft.author, wrap, nameLines), wrap);
    }
    draw->PopClipRect();
}

// The thank-you: a tick, the idea's number large, what happens next, and the way back with its countdown.
void drawThanks(const core::KioskState& state, bool provisional, Frame& frame, const Box& box) {
    const auto [sc, p, draw] = Pen(frame);
    ImFont* title = frame.fonts.title;
    ImFont* body = frame.fonts.body;
    const float width = std::min(box.w, sc.em * 36.0f);
    const float x = box.x + (box.w - width) * 0.5f;
    const float r = title->FontSize * 0.9f;
    const std::string heading = fitLines(title, title->FontSize, frame.t("thanks.title"), width, 2);
    const std::string nextStep = fitLines(body, body->FontSize, frame.t(state.savedPending ? "thanks.pending" : "thanks.live"), width, 3);
    const std::string provisionalNote = provisional ? fitLines(body, body->FontSize, frame.t("thanks.provisional"), width, 3) : "";
    const float provisionalHeight = provisional ? textHeight(body, body->FontSize, provisionalNote, width) + sc.m : 0.0f;
    // The block sits in the middle of the room above the countdown and the button.
    const float blockHeight = r * 2 + sc.l + textHeight(title, title->FontSize, heading, width) + sc.l + body->FontSize +
                              frame.fonts.display->FontSize + sc.l + provisionalHeight + textHeight(body, body->FontSize, nextStep, width);
    const float roomAbove = box.h - sc.target - sc.m * 2 - body->FontSize - sc.xl;
    float y = box.y + std::max(sc.l, (roomAbove - blockHeight) * 0.4f);
    draw->AddCircleFilled(ImVec2(x + width * 0.5f, y + r), r, p.success.packed(), 48);
    const float tick = textWidth(title, title->FontSize, icon::kDone);
    AddShapedText(draw, title, title->FontSize, ImVec2(x + (width - tick) * 0.5f, y + r - title->FontSize * 0.5f), p.onSuccess.packed(), icon::kDone);
    y += r * 2 + sc.l;
    y += DrawTextCentred(draw, title, title->FontSize, x, y, width, p.text, heading) + sc.l;
    y += DrawTextCentred(draw, body, body->FontSize, x, y, width, p.textMuted, fitText(body, body->FontSize, frame.t("thanks.number_label"), width));
    ImFont* display = frame.fonts.display;
    const std::string number = "#" + std::to_string(state.savedNumber);
    const float nw = textWidth(display, display->FontSize, number);
    AddShapedText(draw, display, display->FontSize, ImVec2(x + (width - nw) * 0.5f, y), p.primary.packed(), number.c_str());
    frame.elements.push_back({.id = "saved_number", .role = "status", .label = std::to_string(state.savedNumber), .x = x + (width - nw) * 0.5f, .y = y, .w = nw, .h = display->FontSize, .enabled = false});
    y += display->FontSize + sc.l;
    // Offline the number is this kiosk's own; the server may give the idea another one at the next sync.
    if (provisional) {
        DrawTextCentred(draw, body, body->FontSize, x, y, width, p.textMuted, provisionalNote);
        frame.elements.push_back({.id = "number_provisional", .role = "status", .label = frame.t("thanks.provisional"), .x = x, .y = y, .w = width, .h = provisionalHeight - sc.m, .enabled = false});
        y += provisionalHeight;
    }
    // Pre-moderation or a word of the word list: either way the attendee only hears that the moderators look
    // first, never which word it was.
    const float nextHeight = DrawTextCentred(draw, body, body->FontSize, x, y, width, p.text, nextStep);
    if (state.savedPending) frame.elements.push_back({.id = "saved_pending", .role = "status", .label = frame.t("thanks.pending"), .x = x, .y = y, .w = width, .h = nextHeight, .enabled = false});
    y += nextHeight + sc.xl;

    // The way back: a button, the seconds left and a bar that empties.
    const int left = core::thanksSecondsLeft(state, frame.now);
    const std::string countdown = std::string(icon::kClock) + "  " +
                                  frame.text.format(state.language, "thanks.countdown", {{"seconds", std::to_string(left)}});
    const float buttonY = box.bottom() - sc.target;
    const std::string label = frame.t("common.next");
    const float buttonWidth = std::min(width, std::max(sc.target * 3.0f, textWidth(frame.fonts.bold, frame.fonts.bold->FontSize, label) + sc.xl * 2));
    const float barY = buttonY - sc.m - sc.s;
    const float countdownY = barY - sc.s - body->FontSize;
    if (countdownY > y) {
        DrawTextCentred(draw, body, body->FontSize, x, countdownY, width, p.textMuted, fitText(body, body->FontSize, countdown, width));
        const float share = static_cast<float>(std::clamp((state.thanksUntil - frame.now) / core::kThanksSeconds, 0.0, 1.0));
        const float barWidth = width * 0.6f;
        const float bx = x + (width - barWidth) * 0.5f;
        draw->AddRectFilled(ImVec2(bx, barY), ImVec2(bx + barWidth, barY + sc.s), p.tokenEmpty.packed(), sc.s);
        draw->AddRectFilled(ImVec2(bx, barY), ImVec2(bx + barWidth * share, barY + sc.s), p.primary.packed(), sc.s);
    }
    ImGui::SetCursorScreenPos(ImVec2(x + (width - buttonWidth) * 0.5f, buttonY));
    ButtonStyle style;
    style.kind = ButtonKind::Primary;
    style.icon = frame.forwardArrow();
    style.font = frame.fonts.bold;
    if (StyledButton(frame, "thanks:next", label, ImVec2(buttonWidth, sc.target), style)) frame.events.push_back(ev::Back{});
}

}  // namespace

void SubmitScreen::Draw(const core::KioskState& state, const KioskViewModel& model, Frame& frame) {
    const auto [sc, p, draw] = Pen(frame);
    const Box area = contentBox(frame);
    ImFont* bold = frame.fonts.bold;
    ImFont* title = frame.fonts.title;
    const int step = stepOf(state.screen);

    if (state.screen == Screen::Thanks) {
        drawThanks(state, model.numbersProvisional, frame, area);
        return;
    }
    if (state.screen == Screen::Saving) {
        if (frame.now - state.savingSince < core::kSavingShownAfter) return;  // a moment: nothing to say yet
        const std::string saving = frame.t(promptKey(state.screen));
        DrawTextCentred(draw, title, title->FontSize, area.x, area.y + area.h * 0.35f, area.w, p.text,
                        fitLines(title, title->FontSize, saving, area.w, 2));
        return;
    }

    // Header: back on the left, the step indicator on the right; then the step's question.
    const float backWidth = DrawBackButton(frame, frame.t("common.back"), area.x, area.y);
    if (step >= 0) drawSteps(frame, step, {area.x + backWidth + sc.l, area.y, area.w - backWidth - sc.l, sc.target});
    float y = area.y + sc.target + sc.l;
    const std::string prompt = fitLines(title, title->FontSize, frame.t(promptKey(state.screen)), area.w, 2);
    y += DrawText(draw, title, title->FontSize, ImVec2(area.x, y), p.text, prompt, area.w) + sc.m;

    // The forward button of the step: "Weiter", "Überspringen" for empty optional fields, "Absenden" on review.
    const bool optionalEmpty = (state.screen == Screen::SubmitDescription && state.draft.description.empty()) ||
                               (state.screen == Screen::SubmitName && state.draft.author.empty());
    auto forward = [&](const std::string& id, const std::string& label, const char* glyph, bool enabled, float at) {
        const float width = std::min(area.w * 0.5f, std::max(sc.target * 3.0f, textWidth(bold, bold->FontSize, label) + bold->FontSize + sc.s + sc.xl * 2));
        ImGui::SetCursorScreenPos(ImVec2(area.right() - width, at));
        ButtonStyle style;
        style.kind = ButtonKind::Primary;
        style.icon = glyph;
        style.font = bold;
        style.enabled = enabled;
        return StyledButton(frame, id, label, ImVec2(width, sc.target), style);
    };

    switch (state.screen) {
        case Screen::SubmitCategory: drawCategories(model, state, frame, {area.x, y, area.w, area.bottom() - y}); break;
        case Screen::SubmitTitle:
        case Screen::SubmitDescription:
        case Screen::SubmitName: {
            // The keyboard takes the bottom; the field, the counter and "Weiter" sit above it.
            const bool portrait = ImGui::GetMainViewport()->Size.y > ImGui::GetMainViewport()->Size.x;
            const float keyboardHeight = std::min(sc.target * (portrait ? 4.6f : 4.0f) + sc.m * 3.0f, area.bottom() - y - sc.target * 3.0f);
            float keyboardTop = area.bottom() - keyboardHeight;
            // The field grows with the text (a title may take three lines); the description always shows at least three.
            ImFont* body = frame.fonts.body;
            const float lowest = keyboardTop - sc.l - sc.target;
            const float room = std::max(body->FontSize + sc.m * 2, lowest - sc.m - y);
            const float wrap = area.w - sc.m * 2 - sc.s;
            const float used = fieldLineCount(frame, body, fieldText(state), wrap);
            const float lines = state.screen == Screen::SubmitDescription ? std::max(used, portrait ? 8.0f : 4.0f) : used;
            const float fieldHeight = std::min(body->FontSize * lines + sc.m * 2, room);
            const float rowY = std::min(lowest, y + fieldHeight + sc.m);
            drawField(state, frame, {area.x, y, area.w, fieldHeight});
            const std::string label = frame.t(optionalEmpty ? "common.skip" : "common.next");
            const float counterRoom = area.w * 0.5f - sc.m;
            drawCounter(state, frame, area.x, rowY + (sc.target - frame.fonts.body->FontSize) * 0.5f, counterRoom);
            if (forward("next", label, frame.forwardArrow(), true, rowY)) frame.events.push_back(ev::Next{});
            // On a tall stele the keys follow the field instead of waiting at the floor end of the screen.
            if (portrait) keyboardTop = std::min(keyboardTop, rowY + sc.target + sc.xl);
            ImGui::SetCursorScreenPos(ImVec2(area.x, keyboardTop));
            keyboard.Draw(state, frame, keyboardHeight, area.w);
            break;
        }
        case Screen::SubmitSimilar: {
            const float actions = area.bottom() - sc.target;
            drawSimilar(state, model, frame, {area.x, y, area.w, actions - sc.l - y});
            if (forward("next", frame.t("submit.similar_different"), frame.forwardArrow(), true, actions)) frame.events.push_back(ev::Next{});
            break;
        }
        case Screen::SubmitReview: {
            const float actions = area.bottom() - sc.target;
            const float width = std::min(area.w, sc.em * 40.0f);
            drawReview(state, model, frame, {area.x + (area.w - width) * 0.5f, y, width, actions - sc.l - y});
            if (forward("send", frame.t("submit.send"), icon::kSend, model.submissionOpen, actions)) frame.events.push_back(ev::Send{});
            break;
        }
        default: break;
    }
}

}  // namespace kiosk::ui
