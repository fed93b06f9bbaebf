// Overlays above every screen: the idle question with its countdown, the trouble screen, short messages.
#include "kiosk/ui/kiosk_view.h"

#include "kiosk/ui/widgets.h"

#include "imgui.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

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
        const double left = std::max(0.0, state.lastInputAt + state.idleTimeout + state.idleCountdown - frame.now);
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
        ImGui::End();
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
        const float my = screen.y - g.bottom - h;
        draw->AddRectFilled(ImVec2(mx, my), ImVec2(mx + w, my + h), p.trouble.packed(), sc.radius);
        AddShapedText(draw, body, body->FontSize, ImVec2(mx + sc.l, my + sc.m), p.onTrouble.packed(), icon::kWarning);
        AddShapedText(draw, body, body->FontSize, ImVec2(mx + sc.l + body->FontSize + sc.s, my + sc.m), p.onTrouble.packed(), shown.c_str(),
                      nullptr, wrap);
        frame.elements.push_back({.id = "message", .role = "status", .label = message, .x = mx, .y = my, .w = w, .h = h, .enabled = false});
    }
}

}  // namespace kiosk::ui
