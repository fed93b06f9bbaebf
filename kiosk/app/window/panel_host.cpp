// The moderators' panel in a window (see panel_host.h).
#include "kiosk/app/window/panel_host.h"

#include "kiosk/app/logic/panel_actions.h"
#include "storage/pin.h"

#include "imgui.h"

#include <spdlog/spdlog.h>

namespace kiosk::app {

PanelHost::PanelHost(storage::Store& store, std::string eventId, std::string actor, bool atKiosk)
    : m_store(store), m_eventId(std::move(eventId)), m_actor(std::move(actor)), m_atKiosk(atKiosk) {}

void PanelHost::openKeypad(double now) {
    core::closePanel(gate);
    gate.stage = core::PanelGate::Stage::Keypad;
    core::touchPanel(gate, now);
    const auto status = storage::pinStatus(m_store);
    if (status.result == storage::PinAttempt::Result::NotSet || status.result == storage::PinAttempt::Result::Locked) {
        core::pinChecked(gate, status, now);
    }
    spdlog::info("panel: keypad opened");
}

void PanelHost::openWithoutPin(double now) {
    gate.stage = core::PanelGate::Stage::Open;
    core::touchPanel(gate, now);
    spdlog::warn("panel: no PIN is set, so the panel opens without one (set it with `ideenkiosk pin set`)");
}

void PanelHost::checkPin(const std::string& pin, double now) {
    // The hash is deliberately slow (argon2id): one frame waits for it, which a moderator does not notice.
    const auto attempt = storage::checkPin(m_store, pin);
    core::pinChecked(gate, attempt, now);
    if (gate.stage == core::PanelGate::Stage::Open) {
        m_view.Reset();
        m_seen = -1;
        spdlog::info("panel: opened by {}", m_actor);
    } else {
        spdlog::warn("panel: PIN refused ({} tries left, locked for {} s)", attempt.triesLeft, attempt.lockedSeconds);
    }
}

void PanelHost::physicalKeys(double now) {
    if (gate.stage != core::PanelGate::Stage::Keypad) return;
    for (ImWchar c : ImGui::GetIO().InputQueueCharacters) {
        if (c >= '0' && c <= '9') core::pressDigit(gate, static_cast<char>(c), now);
    }
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace))) core::eraseDigit(gate, now);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter))) {
        if (const std::string pin = core::takePin(gate, now); !pin.empty()) checkPin(pin, now);
    }
}

void PanelHost::refresh() {
    const std::int64_t change = m_store.changeCounter();
    if (change == m_seen) return;
    m_model = loadPanelModel(m_store, m_eventId, m_atKiosk);
    m_seen = change;
}

bool PanelHost::Draw(ui::Frame& frame, double now) {
    if (gate.stage == core::PanelGate::Stage::Keypad) {
        const ui::PinPadInput pad = m_pad.Draw(gate, frame);
        for (char d : pad.digits) core::pressDigit(gate, d, now);
        if (pad.erase) core::eraseDigit(gate, now);
        if (pad.ok) {
            if (const std::string pin = core::takePin(gate, now); !pin.empty()) checkPin(pin, now);
        }
        if (pad.cancel) core::closePanel(gate);
        return false;
    }
    if (gate.stage != core::PanelGate::Stage::Open) return false;
    refresh();
    ui::PanelOutput out;
    m_view.Draw(m_model, frame, out);
    bool leave = false;
    for (const auto& action : out.actions) {
        core::touchPanel(gate, now);
        const auto result = applyPanelAction(m_store, m_eventId, m_actor, action, frame.text, frame.language);
        m_view.message = result.message;
        if (result.ok) m_view.reason.clear();
        leave = leave || result.leaveKiosk;
    }
    if (!out.actions.empty()) refresh();
    if (out.close) {
        core::closePanel(gate);
        m_view.Reset();
        spdlog::info("panel: closed");
    }
    return leave;
}

bool PanelHost::expire(double now) {
    if (!core::expireIdle(gate, now)) return false;
    m_view.Reset();
    spdlog::info("panel: closed after being left idle");
    return true;
}

const char* PanelHost::screenName() const {
    return gate.stage == core::PanelGate::Stage::Keypad ? "pin_pad" : "moderation";
}

nlohmann::json PanelHost::automation() const {
    const char* tabs[] = {"pending", "ideas", "sessions", "log", "control"};
    // Flagged ideas by number, with the words the panel shows for them.
    nlohmann::json flagged = nlohmann::json::object();
    for (const auto& idea : m_model.ideas) {
        if (!idea.flagged.empty()) flagged[std::to_string(idea.number)] = idea.flagged;
    }
    return {{"tab", tabs[static_cast<int>(m_view.tab)]}, {"selected", m_view.selected}, {"reason", m_view.reason},
            {"message", m_view.message}, {"digits", gate.digits.size()}, {"pin_message", gate.messageKey},
            {"flagged", flagged}};
}

}  // namespace kiosk::app
