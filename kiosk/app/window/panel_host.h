// The moderators' panel inside a window: the keypad, the panel, the model it reads and the actions it runs.
// The kiosk embeds it (opened by a held corner) and `ideenkiosk moderate` runs it in a window of its own.
#pragma once

#include "kiosk/core/panel.h"
#include "kiosk/ui/moderation_view.h"
#include "storage/store.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace kiosk::app {

class PanelHost {
public:
    PanelHost(storage::Store& store, std::string eventId, std::string actor, bool atKiosk);

    core::PanelGate gate;
    bool active() const { return gate.stage != core::PanelGate::Stage::Closed; }
    /// Opens the keypad (the kiosk's corner was held, or `moderate` starts); says so when no PIN is set.
    void openKeypad(double now);
    /// Without a PIN the laptop opens straight into the panel (it holds the database file anyway).
    void openWithoutPin(double now);
    /// Digits, Backspace and Enter of a physical keyboard work on the keypad too.
    void physicalKeys(double now);
    /// Draws the keypad or the panel and runs what was asked; true when kiosk mode should end.
    bool Draw(ui::Frame& frame, double now);
    /// Closes after the idle time; true when it did (the kiosk then shows its attract screen again).
    bool expire(double now);
    const char* screenName() const;
    nlohmann::json automation() const;

private:
    storage::Store& m_store;
    std::string m_eventId;
    std::string m_actor;
    bool m_atKiosk;
    ui::PinPadView m_pad;
    ui::ModerationView m_view;
    core::PanelModel m_model;
    std::int64_t m_seen = -1;

    void checkPin(const std::string& pin, double now);
    void refresh();
};

}  // namespace kiosk::app
