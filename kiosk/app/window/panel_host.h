// The moderators' panel inside a window: the keypad, the panel, the model it reads and the actions it runs.
// The kiosk embeds it (opened by a held corner) and `ideenkiosk moderate` runs it in a window of its own. Every
// database call (the PIN, the model, the actions, exports) is a job for the StoreWriter; its answer arrives
// through the writer's queue, so the window keeps drawing meanwhile.
#pragma once

#include "kiosk/app/logic/store_writer.h"
#include "kiosk/core/panel.h"
#include "kiosk/ui/moderation_view.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace kiosk::app {

class PanelHost {
public:
    /// `trouble` is called (on the frame thread) when the panel's data could not be read: the file is out of reach.
    PanelHost(StoreWriter& writer, std::string eventId, std::string actor, bool atKiosk, std::function<void()> trouble);
    PanelHost(const PanelHost&) = delete;
    PanelHost& operator=(const PanelHost&) = delete;

    core::PanelGate gate;
    bool phonesAvailable = false;  ///< the kiosk has a phone server's switch: the control tab offers it
    /// The moderators' language: the keypad and the panel speak it, whatever the attendee chose. The panel's language
    /// button changes it; the window keeps it while it runs (kiosk.toml's `[kiosk] panel_language` at the start).
    std::string language = core::kDefaultPanelLanguage;
    /// The languages the kiosk offers (the panel offers these and `language`: core::panelLanguages).
    std::vector<std::string> offered;
    /// The next frame is drawn mirrored (the panel, not the keypad, in a right-to-left language): the window flips
    /// the pointer for it (PlatformWindow::beginFrame).
    bool mirrored() const;
    bool active() const { return gate.stage != core::PanelGate::Stage::Closed; }
    /// Opens the keypad (the kiosk's corner was held, or `moderate` starts); says so when no PIN is set.
    void openKeypad(double now);
    /// Without a PIN the laptop opens straight into the panel (it holds the database file anyway).
    void openWithoutPin(double now);
    /// Digits, Backspace and Enter of a physical keyboard work on the keypad too.
    void physicalKeys(double now);
    /// Draws the keypad or the panel and hands what was asked to the writer; true once a moderator's "leave kiosk
    /// mode" was committed.
    bool Draw(ui::Frame& frame, double now);
    /// Closes after the idle time; true when it did (the kiosk then shows its attract screen again).
    bool expire(double now);
    /// The venue sync's state for the band (run/moderate --server); without it the band shows none.
    void followSync(std::function<core::SyncState()> state) { m_syncState = std::move(state); }
    /// Reads the sync's state; true when the panel's line would change (to the second), so a frame is due.
    bool syncMoved();
    const char* screenName() const;
    nlohmann::json automation() const;

private:
    StoreWriter& m_writer;
    std::string m_eventId;
    std::function<void()> m_trouble;
    std::function<core::SyncState()> m_syncState;
    std::string m_actor;
    bool m_atKiosk;
    ui::PinPadView m_pad;
    ui::ModerationView m_view;
    core::PanelModel m_model;
    std::shared_ptr<const WriterSnapshot> m_seen;  // the snapshot the model was last asked for
    bool m_loading = false;
    bool m_leave = false;
    // Answers check it: a panel closed (destroyed) before its answer came takes nothing from it.
    std::shared_ptr<int> m_alive = std::make_shared<int>(0);

    void checkPin(const std::string& pin, double now);
    void refresh();
    /// Posts `read` (on the writer's store), then hands its result to `use` on the frame thread if the panel
    /// still exists; a failure to read calls m_trouble.
    template <class T>
    void ask(const char* what, std::function<T(storage::Store&)> read, std::function<void(PanelHost&, T)> use);
    void apply(const core::PanelAction& action, const core::Catalog& text, const std::string& spoken);
};

}  // namespace kiosk::app
