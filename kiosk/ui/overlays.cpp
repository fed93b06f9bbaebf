// Overlays above every screen: the idle question with its countdown, the trouble screen, short messages.
#include "kiosk/ui/kiosk_view.h"

#include "kiosk/ui/widgets.h"

#include "imgui.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>
#include <vector>

namespace kiosk::ui {

namespace ev = core::ev;

namespace {

void beginOverlay(const char* name, unsigned int background) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, background);
    ImGui::Begin(name, nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    ImGui::PopStyleColor();
}

// Above the list, where a tall screen has room: "Sprache wählen" in the other offered languages, one line each,
// so that someone who cannot read the current language still finds out what this screen is for.
void drawChooseInEveryLanguage(const core::KioskState& state, const Frame& frame, ImDrawList* draw, float x, float top,
                               float width, float bottom) {
    const theme::Scale sc = frame.scale();
    ImFont* body = frame.fonts.body;
    std::vector<std::string> lines;
    for (const auto& code : core::offeredLanguages(state)) {
        const std::string line = frame.text.text(code, "language.choose");
        if (code != state.language && std::find(lines.begin(), lines.end(), line) == lines.end() &&
            line != frame.t("language.choose") && textWidth(body, body->FontSize, line) <= width) {
            lines.push_back(line);
        }
    }
    const float step = body->FontSize + sc.s;
    const auto fit = static_cast<std::size_t>(std::max(0.0f, (bottom - top + sc.s) / step));
    if (fit < lines.size()) return;  // all of them or none: a cut list would favour some languages
    float y = top + (bottom - top - (static_cast<float>(lines.size()) * step - sc.s)) * 0.5f;
    for (const auto& line : lines) {
        DrawTextCentred(draw, body, body->FontSize, x, y, width, theme::palette().textMuted, line);
        y += step;
    }
}

// Every language in its own name, as large buttons at the bottom of the screen (where a seated person reaches on a
// portrait stele), the heading above them in the current language, "Schließen" under them.
void drawLanguagePicker(const core::KioskState& state, Frame& frame) {
    const theme::Scale sc = frame.scale();
    const theme::Grid g = frame.grid();
    const theme::Palette& p = theme::palette();
    const ImVec2 screen = ImGui::GetMainViewport()->Size;
    ImFont* title = frame.fonts.title;
    ImFont* bold = frame.fonts.bold;
    beginOverlay("##languages", p.page.packed());
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const auto& languages = core::offeredLanguages(state);
    const float width = std::min(g.width, sc.em * 40.0f);
    const float x = g.x + (g.width - width) * 0.5f;
    // The chosen language carries a check mark before its name: room for it in every column.
    const float mark = textWidth(bold, bold->FontSize, icon::kDone) + sc.s;
    float widest = 0;
    for (const auto& code : languages) widest = std::max(widest, textWidth(bold, bold->FontSize, frame.text.languageName(code)) + mark);
    const int fit = static_cast<int>((width + sc.m) / (widest + sc.xl * 2 + sc.m));
    const int columns = std::clamp(fit, 1, 3);
    const int count = static_cast<int>(languages.size());
    const int rows = (count + columns - 1) / columns;
    const float bw = (width - sc.m * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const float bh = sc.target * 1.1f;
    const float gridHeight = static_cast<float>(rows) * bh + static_cast<float>(rows - 1) * sc.m;
    const std::string heading = fitLines(title, title->FontSize, frame.t("language.choose"), width, 2);
    const float headingHeight = textHeight(title, title->FontSize, heading, width);
    const float bottom = screen.y - g.bottom - sc.l;
    const float options = readingOptionsHeight(frame, width) + sc.l;  // the reading switches between the list and "close"
    float y = std::max(g.top + sc.l, bottom - bh - sc.xl - options - gridHeight - sc.l - headingHeight);
    drawChooseInEveryLanguage(state, frame, draw, x, g.top + sc.l, width, y - sc.xl);
    y += DrawTextCentred(draw, title, title->FontSize, x, y, width, p.text, heading) + sc.l;
    for (int i = 0; i < count; ++i) {
        const std::string& code = languages[static_cast<std::size_t>(i)];
        const int row = i / columns;
        const int column = i % columns;
        // A short last row is centred under the others.
        const int inRow = std::min(columns, count - row * columns);
        const float rowX = x + (width - (bw * static_cast<float>(inRow) + sc.m * static_cast<float>(inRow - 1))) * 0.5f;
        ImGui::SetCursorScreenPos(ImVec2(rowX + static_cast<float>(column) * (bw + sc.m), y + static_cast<float>(row) * (bh + sc.m)));
        if (LanguageChoice(frame, "lang:" + code, code, code == state.language, ImVec2(bw, bh))) {
            frame.events.push_back(ev::SetLanguage{code});
        }
    }
    y += gridHeight + sc.xl;
    y += DrawReadingOptions(state, frame, x, y, width) + sc.l;
    const std::string close = frame.t("browse.close");
    const float cw = std::min(width, std::max(sc.target * 3.0f, textWidth(bold, bold->FontSize, close) + bold->FontSize + sc.xl * 2));
    ImGui::SetCursorScreenPos(ImVec2(x + (width - cw) * 0.5f, y));
    ButtonStyle style;
    style.kind = ButtonKind::Quiet;
    style.icon = icon::kClose;
    style.font = bold;
    if (StyledButton(frame, "languages:close", close, ImVec2(cw, bh), style)) frame.events.push_back(ev::ShowLanguages{false});
    ImGui::End();
}

}  // namespace

float Overlays::messageHeight(const core::KioskState& state, const Frame& frame) {
    if (state.messageKey.empty() || state.idleWarning || state.screen == core::Screen::Trouble) return 0.0f;
    const theme::Scale sc = frame.scale();
    const theme::Grid g = frame.grid();
    ImFont* body = frame.fonts.body;
    const float wrap = g.width - sc.l * 2 - body->FontSize - sc.s;
    const std::string shown = fitLines(body, body->FontSize, frame.t(state.messageKey), wrap, 2);
    return body->CalcTextSizeA(body->FontSize, FLT_MAX, wrap, shown.c_str()).y + sc.m * 2;
}

void Overlays::Draw(const core::KioskState& state, Frame& frame) {
    const theme::Scale sc = frame.scale();
    const theme::Grid g = frame.grid();
    const theme::Palette& p = theme::palette();
    const ImVec2 screen = ImGui::GetMainViewport()->Size;
    ImFont* title = frame.fonts.title;
    ImFont* body = frame.fonts.body;
    ImFont* bold = frame.fonts.bold;
    const float width = std::min(g.width, sc.em * 36.0f);
    const float x = g.x + (g.width - width) * 0.5f;

    if (state.screen == core::Screen::Trouble) {
        beginOverlay("##trouble", p.troubleSurface.packed());
        ImDrawList* draw = ImGui::GetWindowDrawList();
        // Without a draft nobody's text is at stake: the kiosk only waits for its database.
        const bool draft = core::savePending(state);
        float y = screen.y * 0.22f;
        const float iconSize = title->FontSize * 1.6f;
        const float iw = textWidth(title, iconSize, icon::kWarning);
        AddShapedText(draw, title, iconSize, ImVec2(x + (width - iw) * 0.5f, y), p.trouble.packed(), icon::kWarning);
        y += iconSize + sc.l;
        y += DrawTextCentred(draw, title, title->FontSize, x, y, width, p.text,
                             fitLines(title, title->FontSize, frame.t(draft ? "trouble.title" : "trouble.waiting_title"), width, 2)) + sc.m;
        y += DrawTextCentred(draw, body, body->FontSize, x, y, width, p.text,
                             fitLines(body, body->FontSize, frame.t(draft ? "trouble.body" : "trouble.waiting_body"), width, 4)) + sc.xl;
        const std::string retry = frame.t("trouble.retry");
        const float bw = std::min(width, std::max(sc.target * 4.0f, textWidth(bold, bold->FontSize, retry) + sc.xl * 2));
        ImGui::SetCursorScreenPos(ImVec2(x + (width - bw) * 0.5f, std::max(y, screen.y - g.bottom - sc.target - sc.xl)));
        ButtonStyle style;
        style.kind = ButtonKind::Primary;
        style.font = bold;
        if (StyledButton(frame, "retry", retry, ImVec2(bw, sc.target), style)) frame.events.push_back(ev::Retry{});
        ImGui::End();
        return;
    }
    if (state.idleWarning) {
        beginOverlay("##idle", p.band.packed());
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const double left = std::max(0.0, state.lastInputAt + core::idleTimeoutFor(state) + state.idleCountdown - frame.now);
        float y = screen.y * 0.22f;
        y += DrawTextCentred(draw, title, title->FontSize, x, y, width, p.onBand,
                             fitLines(title, title->FontSize, frame.t("idle.question"), width, 2)) + sc.l;
        ImFont* display = frame.fonts.display;
        const std::string seconds = std::to_string(static_cast<int>(std::ceil(left)));
        const float sw = textWidth(display, display->FontSize, seconds);
        AddShapedText(draw, display, display->FontSize, ImVec2(x + (width - sw) * 0.5f, y), p.onBand.packed(), seconds.c_str());
        y += display->FontSize + sc.m;
        y += DrawTextCentred(draw, body, body->FontSize, x, y, width, p.onBandMuted,
                             fitLines(body, body->FontSize, frame.text.format(state.language, "idle.countdown", {{"seconds", seconds}}), width, 3)) +
             sc.xl;
        const std::string label = frame.t("idle.continue");
        const float bw = std::min(width, std::max(sc.target * 4.0f, textWidth(bold, bold->FontSize, label) + sc.xl * 2));
        ImGui::SetCursorScreenPos(ImVec2(x + (width - bw) * 0.5f, y));
        ButtonStyle style;
        style.kind = ButtonKind::OnBand;
        style.icon = icon::kDone;
        style.font = bold;
        if (StyledButton(frame, "still_here", label, ImVec2(bw, sc.target * 1.3f), style)) frame.events.push_back(ev::StillHere{});
        // "Mehr Zeit" for people who read or type slowly: once per session, the wait doubles.
        if (!state.moreTime) {
            const std::string more = frame.t("idle.more_time");
            const float mw = std::min(width, std::max(sc.target * 4.0f, textWidth(bold, bold->FontSize, more) + bold->FontSize + sc.xl * 2));
            ImGui::SetCursorScreenPos(ImVec2(x + (width - mw) * 0.5f, y + sc.target * 1.3f + sc.l));
            ButtonStyle moreStyle;
            moreStyle.kind = ButtonKind::OnBand;
            moreStyle.icon = icon::kClock;
            moreStyle.font = bold;
            if (StyledButton(frame, "more_time", more, ImVec2(mw, sc.target * 1.3f), moreStyle)) frame.events.push_back(ev::MoreTime{});
        }
        ImGui::End();
        return;
    }
    if (state.languagePicker) {
        drawLanguagePicker(state, frame);
        return;
    }
    if (!state.messageKey.empty()) {
        // A short message at the bottom, in the room the screen left free for it, in the attendee's language.
        const std::string message = frame.t(state.messageKey);
        const float wrap = g.width - sc.l * 2 - body->FontSize - sc.s;
        const std::string shown = fitLines(body, body->FontSize, message, wrap, 2);
        const ImVec2 textSize = body->CalcTextSizeA(body->FontSize, FLT_MAX, wrap, shown.c_str());
        const float w = textSize.x + sc.l * 2 + body->FontSize + sc.s;
        const float h = messageHeight(state, frame);
        ImDrawList* draw = ImGui::GetForegroundDrawList();
        const float mx = g.x + (g.width - w) * 0.5f;
        const float my = screen.y - g.bottom - frame.bottomBar - h;
        draw->AddRectFilled(ImVec2(mx, my), ImVec2(mx + w, my + h), p.trouble.packed(), sc.radius);
        AddShapedText(draw, body, body->FontSize, ImVec2(mx + sc.l, my + sc.m), p.onTrouble.packed(), icon::kWarning);
        AddShapedText(draw, body, body->FontSize, ImVec2(mx + sc.l + body->FontSize + sc.s, my + sc.m), p.onTrouble.packed(), shown.c_str(),
                      nullptr, wrap);
        frame.elements.push_back({.id = "message", .role = "status", .label = message, .x = mx, .y = my, .w = w, .h = h, .enabled = false});
    }
}

}  // namespace kiosk::ui
