// The moderators' panel in a window (see panel_host.h).
#include "kiosk/app/window/panel_host.h"

#include "kiosk/app/logic/panel_actions.h"
#include "storage/pin.h"

#include "imgui.h"

#include <spdlog/spdlog.h>

#include <cmath>

namespace kiosk::app {

PanelHost::PanelHost(StoreWriter& writer, std::string eventId, std::string actor, bool atKiosk, std::function<void()> trouble)
    : m_writer(writer), m_eventId(std::move(eventId)), m_trouble(std::move(trouble)), m_actor(std::move(actor)), m_atKiosk(atKiosk) {}

// [SECTION] Jobs for the writer

template <class T>
void PanelHost::ask(const char* what, std::function<T(storage::Store&)> read, std::function<void(PanelHost&, T)> use) {
    const std::weak_ptr<int> alive = m_alive;
    WriteJob job;
    job.what = what;
    job.retrySeconds = kBusyTimeout;
    // `this` only in the answer, on the frame thread, after checking the panel still exists.
    job.run = [this, alive, read, use](storage::Store& store, const storage::Event&) -> Answer {
        auto result = std::make_shared<T>(read(store));
        return [this, alive, use, result] {
            if (!alive.expired()) use(*this, std::move(*result));
        };
    };
    job.failed = [this, alive](const WriteFailure& failure) -> Answer {
        if (!failure.final) return {};  // a read under a lock: still being tried
        return [this, alive] {
            if (alive.expired()) return;
            m_loading = false;
            if (m_trouble) m_trouble();  // may destroy this panel: nothing after it
        };
    };
    m_writer.post(std::move(job));
}

void PanelHost::apply(const core::PanelAction& action, const core::Catalog& text, const std::string& spoken) {
    const std::weak_ptr<int> alive = m_alive;
    WriteJob job;
    job.what = "panel action";
    job.retrySeconds = kBusyTimeout;
    // applyPanelAction turns every failure into its message; the catalog outlives the panel (the window owns it).
    // Copies, not members: the panel may be closed (destroyed) while the writer works on this.
    job.run = [this, alive, action, &text, spoken, eventId = m_eventId, actor = m_actor](storage::Store& store,
                                                                                          const storage::Event&) -> Answer {
        const PanelResult result = applyPanelAction(store, eventId, actor, action, text, spoken);
        return [this, alive, result] {
            if (alive.expired()) return;
            m_view.message = result.message;
            if (result.ok) m_view.reason.clear();
            m_leave = m_leave || result.leaveKiosk;
        };
    };
    job.failed = [this, alive, &text, spoken](const WriteFailure& failure) -> Answer {
        return [this, alive, &text, spoken, failure] {
            if (alive.expired()) return;
            const std::string why = failure.final ? failure.message : failure.message + " …";
            m_view.message = text.format(spoken, "panel.failed", {{"why", why}});
        };
    };
    m_writer.post(std::move(job));
}

// [SECTION] The keypad

void PanelHost::openKeypad(double now) {
    core::closePanel(gate);
    gate.stage = core::PanelGate::Stage::Keypad;
    core::touchPanel(gate, now);
    ask<storage::PinAttempt>("PIN status", [](storage::Store& store) { return storage::pinStatus(store); },
                             [now](PanelHost& self, storage::PinAttempt status) {
                                 if (self.gate.stage != core::PanelGate::Stage::Keypad) return;
                                 if (status.result == storage::PinAttempt::Result::NotSet ||
                                     status.result == storage::PinAttempt::Result::Locked) {
                                     core::pinChecked(self.gate, status, now);
                                 }
                             });
    spdlog::info("panel: keypad opened");
}

void PanelHost::openWithoutPin(double now) {
    gate.stage = core::PanelGate::Stage::Open;
    core::touchPanel(gate, now);
    spdlog::warn("panel: no PIN is set, so the panel opens without one (set it with `ideenkiosk pin set`)");
}

void PanelHost::checkPin(const std::string& pin, double now) {
    // The hash is deliberately slow (argon2id): the writer computes it, the keypad keeps drawing meanwhile.
    ask<storage::PinAttempt>("PIN check", [pin](storage::Store& store) { return storage::checkPin(store, pin); },
                             [now](PanelHost& self, storage::PinAttempt attempt) {
                                 if (self.gate.stage != core::PanelGate::Stage::Keypad) return;
                                 core::pinChecked(self.gate, attempt, now);
                                 if (self.gate.stage == core::PanelGate::Stage::Open) {
                                     self.m_view.Reset();
                                     self.m_seen.reset();
                                     spdlog::info("panel: opened by {}", self.m_actor);
                                 } else {
                                     spdlog::warn("panel: PIN refused ({} tries left, locked for {} s)", attempt.triesLeft,
                                                  attempt.lockedSeconds);
                                 }
                             });
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

// The model is read again when the writer's snapshot moved (any commit, here or in another process).
void PanelHost::refresh() {
    auto snapshot = m_writer.snapshot();
    if (m_loading || snapshot == m_seen) return;
    m_seen = std::move(snapshot);
    m_loading = true;
    ask<core::PanelModel>("panel model",
                          [eventId = m_eventId, atKiosk = m_atKiosk, phones = phonesAvailable](storage::Store& store) {
                              auto model = loadPanelModel(store, eventId, atKiosk);
                              model.phonesAvailable = phones;
                              return model;
                          },
                          [](PanelHost& self, core::PanelModel model) {
                              model.sync = self.m_model.sync;  // not in the store: the window keeps it current
                              self.m_model = std::move(model);
                              self.m_loading = false;
                          });
}

bool PanelHost::mirrored() const {
    return gate.stage == core::PanelGate::Stage::Open && ui::isRightToLeftLanguage(language);
}

bool PanelHost::Draw(ui::Frame& frame, double now) {
    frame.language = language;
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
    if (gate.stage != core::PanelGate::Stage::Open) return m_leave;
    refresh();
    syncMoved();
    ui::PanelOutput out;
    m_model.languages = core::panelLanguages(offered, language);
    m_view.Draw(m_model, frame, out);
    if (!out.language.empty() && out.language != language) {
        core::touchPanel(gate, now);
        spdlog::info("panel: language {} (was {})", out.language, language);
        language = out.language;
    }
    for (const auto& action : out.actions) {
        core::touchPanel(gate, now);
        apply(action, frame.text, frame.language);
    }
    if (out.close) {
        core::closePanel(gate);
        m_view.Reset();
        spdlog::info("panel: closed");
    }
    return m_leave;
}

bool PanelHost::expire(double now) {
    if (!core::expireIdle(gate, now)) return false;
    m_view.Reset();
    spdlog::info("panel: closed after being left idle");
    return true;
}

bool PanelHost::syncMoved() {
    if (!m_syncState) return false;
    core::SyncState state = m_syncState();
    state.secondsSinceSync = std::floor(state.secondsSinceSync);
    if (state == m_model.sync) return false;
    m_model.sync = state;
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
    return {{"tab", tabs[static_cast<int>(m_view.tab)]}, {"language", language}, {"selected", m_view.selected}, {"reason", m_view.reason},
            {"message", m_view.message}, {"digits", gate.digits.size()}, {"pin_message", gate.messageKey},
            {"flagged", flagged},
            {"sync", {{"enabled", m_model.sync.enabled}, {"connected", m_model.sync.connected}, {"waiting", m_model.sync.waiting},
                      {"login_refused", m_model.sync.loginRefused}}}};
}

}  // namespace kiosk::app
