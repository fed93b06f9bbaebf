// The panel's gate: a held corner opens the keypad, the stored PIN opens the panel, idle closes both.
#include "kiosk/core/panel.h"

#include "kiosk/core/i18n.h"

#include "storage/moderation.h"
#include "storage/text.h"

#include <algorithm>

namespace kiosk::core {

namespace {
constexpr std::size_t kPanelReasonMax = 200;  // storage takes up to storage::kReasonMax; the panel asks for less
}  // namespace

bool holdCorner(PanelGate& gate, bool pressedInCorner, double now) {
    if (gate.stage != PanelGate::Stage::Closed || !pressedInCorner) {
        gate.holdSince = -1;
        return false;
    }
    if (gate.holdSince < 0) gate.holdSince = now;
    if (now - gate.holdSince < PanelGate::kHoldSeconds) return false;
    gate = PanelGate{};
    gate.stage = PanelGate::Stage::Keypad;
    gate.lastInputAt = now;
    return true;
}

void pressDigit(PanelGate& gate, char digit, double now) {
    touchPanel(gate, now);
    if (gate.stage != PanelGate::Stage::Keypad || digit < '0' || digit > '9') return;
    if (gate.digits.size() < PanelGate::kMaxDigits) gate.digits += digit;
    gate.messageKey.clear();
}

void eraseDigit(PanelGate& gate, double now) {
    touchPanel(gate, now);
    if (!gate.digits.empty()) gate.digits.pop_back();
}

std::string takePin(PanelGate& gate, double now) {
    touchPanel(gate, now);
    if (gate.stage != PanelGate::Stage::Keypad || gate.digits.size() < 4) return {};
    std::string pin;
    pin.swap(gate.digits);
    return pin;
}

void pinChecked(PanelGate& gate, const storage::PinAttempt& attempt, double now) {
    using Result = storage::PinAttempt::Result;
    touchPanel(gate, now);
    gate.digits.clear();
    gate.triesLeft = attempt.triesLeft;
    gate.lockedSeconds = attempt.lockedSeconds;
    switch (attempt.result) {
        case Result::Accepted:
            gate.stage = PanelGate::Stage::Open;
            gate.messageKey.clear();
            break;
        case Result::Wrong: gate.messageKey = attempt.lockedSeconds > 0 ? "panel.pin_locked" : "panel.pin_wrong"; break;
        case Result::Locked: gate.messageKey = "panel.pin_locked"; break;
        case Result::NotSet: gate.messageKey = "panel.pin_not_set"; break;
    }
}

void touchPanel(PanelGate& gate, double now) { gate.lastInputAt = now; }

void closePanel(PanelGate& gate) { gate = PanelGate{}; }

bool expireIdle(PanelGate& gate, double now) {
    const double limit = gate.stage == PanelGate::Stage::Keypad ? PanelGate::kKeypadIdleSeconds
                                                                  : PanelGate::kPanelIdleSeconds;
    if (gate.stage == PanelGate::Stage::Closed || now - gate.lastInputAt < limit) return false;
    closePanel(gate);
    return true;
}

bool needsReason(PanelAction::Kind kind) {
    using Kind = PanelAction::Kind;
    return kind == Kind::Reject || kind == Kind::Hide || kind == Kind::VoidSession;
}

// [SECTION] The model

std::string panelStatusLine(const PanelModel& model, const Catalog& text, const std::string& language) {
    if (model.crashCount == 0) return model.eventTitle;
    return model.eventTitle + "  ·  " +
           text.format(language, "panel.crashes", {{"count", std::to_string(model.crashCount)}, {"time", model.lastCrashAt}});
}

std::vector<std::string> panelLanguages(const std::vector<std::string>& offered, const std::string& current) {
    std::vector<std::string> languages;
    if (!current.empty() && std::find(offered.begin(), offered.end(), current) == offered.end()) languages.push_back(current);
    languages.insert(languages.end(), offered.begin(), offered.end());
    return languages;
}

std::string PanelModel::categoryName(const std::string& key, const std::string& language) const {
    for (const auto& category : categories) {
        if (category.key == key) return category.name(language);
    }
    return key;
}

int PanelModel::pendingCount() const {
    return static_cast<int>(std::count_if(ideas.begin(), ideas.end(),
                                          [](const IdeaRow& i) { return i.status == storage::IdeaStatus::Pending; }));
}

const PanelModel::IdeaRow* PanelModel::idea(const std::string& id) const {
    const auto it = std::find_if(ideas.begin(), ideas.end(), [&](const IdeaRow& i) { return i.id == id; });
    return it == ideas.end() ? nullptr : &*it;
}

std::string syncLine(const SyncState& sync, const Catalog& text, const std::string& language) {
    if (!sync.enabled) return {};
    const std::string waiting = std::to_string(sync.waiting);
    if (!sync.connected && sync.loginRefused) return text.format(language, "panel.sync_refused", {{"waiting", waiting}});
    if (sync.secondsSinceSync < 0) return text.format(language, "panel.sync_never", {{"waiting", waiting}});
    const auto seconds = static_cast<long long>(sync.secondsSinceSync);
    std::string age;
    if (seconds < 120) {
        age = text.format(language, "panel.sync_seconds", {{"n", std::to_string(seconds)}});
    } else if (seconds < 2 * 3600) {
        age = text.format(language, "panel.sync_minutes", {{"n", std::to_string(seconds / 60)}});
    } else {
        age = text.format(language, "panel.sync_hours", {{"n", std::to_string(seconds / 3600)}});
    }
    return text.format(language, sync.connected ? "panel.sync_connected" : "panel.sync_offline",
                       {{"age", age}, {"waiting", waiting}});
}

std::vector<PanelAction::Kind> ideaActions(const PanelModel::IdeaRow& idea) {
    using Kind = PanelAction::Kind;
    std::vector<Kind> kinds;
    for (const storage::ModerationVerb verb : storage::offeredVerbs(idea.status)) {
        switch (verb) {
            case storage::ModerationVerb::Approve: kinds.push_back(Kind::Approve); break;
            case storage::ModerationVerb::Reject: kinds.push_back(Kind::Reject); break;
            case storage::ModerationVerb::Hide: kinds.push_back(Kind::Hide); break;
            case storage::ModerationVerb::Unhide: kinds.push_back(Kind::Unhide); break;
        }
    }
    if (idea.status == storage::IdeaStatus::Published) kinds.push_back(idea.pinned ? Kind::Unpin : Kind::Pin);
    return kinds;
}

// [SECTION] The panel's text fields

std::size_t panelFieldLimit(PanelField field) {
    switch (field) {
        case PanelField::Title: return storage::kTitleMax;
        case PanelField::Description: return storage::kDescriptionMax;
        case PanelField::Author: return storage::kAuthorMax;
        case PanelField::Reason: return kPanelReasonMax;
        case PanelField::None: break;
    }
    return kPanelReasonMax;
}

}  // namespace kiosk::core
