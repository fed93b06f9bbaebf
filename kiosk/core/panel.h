// The moderators' panel without a screen: how it is opened (a held corner, then the PIN), when it closes
// by itself, and the actions a moderator can ask for. Pure: time comes in, nothing is read or written here.
#pragma once

#include "kiosk/core/i18n.h"
#include "storage/pin.h"
#include "storage/types.h"

#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::core {

class Catalog;

// [SECTION] The gate: corner hold, PIN entry, idle closing

/// Where the panel stands. At the kiosk it starts Closed; the moderators' laptop starts at the keypad.
struct PanelGate {
    enum class Stage { Closed, Keypad, Open };
    static constexpr double kHoldSeconds = 3.0;         ///< a still press in the corner this long opens the keypad
    static constexpr double kKeypadIdleSeconds = 30.0;  ///< an abandoned keypad goes away
    static constexpr double kPanelIdleSeconds = 180.0;  ///< a panel left open closes: the kiosk is in a public foyer
    static constexpr std::size_t kMaxDigits = 8;

    Stage stage = Stage::Closed;
    double holdSince = -1;       ///< when the current corner press began, or -1
    std::string digits;          ///< typed so far (never shown, only counted as dots)
    std::string messageKey;      ///< "panel.pin_wrong", "panel.pin_locked", "panel.pin_not_set" or empty
    int triesLeft = 0;
    int lockedSeconds = 0;
    double lastInputAt = 0;
};

/// Feeds the pointer each frame: `pressedInCorner` is a press that began in the corner and has not moved.
/// True once, when the press has lasted kHoldSeconds: the keypad opens.
bool holdCorner(PanelGate& gate, bool pressedInCorner, double now);
void pressDigit(PanelGate& gate, char digit, double now);
void eraseDigit(PanelGate& gate, double now);
/// "OK": the digits to check (the gate forgets them), or empty while fewer than 4 are typed.
std::string takePin(PanelGate& gate, double now);
/// The answer of the PIN check: Accepted opens the panel, anything else stays at the keypad with a message.
void pinChecked(PanelGate& gate, const storage::PinAttempt& attempt, double now);
void touchPanel(PanelGate& gate, double now);   ///< any input while the keypad or panel is up
void closePanel(PanelGate& gate);
/// Closes the keypad or the panel after its idle time; true when it did.
bool expireIdle(PanelGate& gate, double now);

// [SECTION] Actions

/// One thing a moderator asked for in the panel; the app carries it out against the store.
struct PanelAction {
    enum class Kind {
        Approve, Reject, Hide, Unhide, Pin, Unpin, Edit, Merge, VoidSession,
        SetSubmission, SetVoting, RevealCounts, FreezeProjector, Export, LeaveKiosk, SetPhones
    };
    Kind kind = Kind::Approve;
    std::string target;       ///< idea id, session id, or the export folder
    std::string other;        ///< Merge: the idea that receives the votes
    bool on = false;          ///< SetSubmission, SetVoting, RevealCounts, FreezeProjector, SetPhones
    std::string reason;
    storage::NewIdea edit;    ///< Edit: the corrected text (category and language as before)
};

/// Actions that the log must explain: rejecting, hiding and voiding need a reason.
bool needsReason(PanelAction::Kind kind);

// [SECTION] What the panel shows

/// The venue sync as moderators see it, discreetly in the panel's band (`run --server`); not shown without one.
struct SyncState {
    bool enabled = false;             ///< a server is configured
    bool connected = false;
    double secondsSinceSync = -1;     ///< since the last completed round; -1: none yet
    std::int64_t waiting = 0;         ///< local rows not yet on the server
    bool loginRefused = false;        ///< not connected because the server turned the login away (wrong password)
    bool operator==(const SyncState&) const = default;
};

/// The band's line, e.g. "Server verbunden · vor 4 s · 0 offen", or "Server lehnt die Anmeldung ab · 3 offen" (the
/// organisers must fix the password, waiting helps nothing); empty when there is no server. The age is
/// rounded to what the line shows (seconds, then minutes, then hours), so it changes at most once a second.
std::string syncLine(const SyncState& sync, const Catalog& text, const std::string& language);

/// What the panel shows, prepared by the app from the store (the views never query it).
struct PanelModel {
    struct IdeaRow {
        std::string id;
        int number = 0;
        std::string title;
        std::string description;
        std::string author;
        std::string category;
        storage::IdeaStatus status = storage::IdeaStatus::Published;
        int votes = 0;
        bool pinned = false;
        int mergedIntoNumber = 0;
        std::vector<std::string> flagged;   ///< words of the word list found in the idea
        bool fromPhone = false;             ///< submitted on a phone (the phone server), not at a kiosk
    };
    struct SessionRow {
        std::string id;
        std::string started;                ///< "14:05"
        std::string language;
        int votes = 0;
        bool voided = false;
        bool phone = false;                 ///< a phone's session (the phone server), not a kiosk's
    };
    struct LogRow {
        std::string line;                   ///< "14:07  panel  status  #3  published → hidden  (Beleidigend)"
    };
    std::string eventTitle;
    std::vector<storage::Category> categories;  ///< the event's, for their names in the panel's language
    bool submissionOpen = true;
    bool votingOpen = true;
    bool countsAfterReveal = false;
    bool countsRevealed = false;
    bool projectorFrozen = false;
    bool atKiosk = false;                   ///< offers "leave kiosk mode"
    bool phonesAvailable = false;           ///< this kiosk was given an address for phones: offers phones on/off
    std::string phonesUrl;                  ///< while a phone server serves this file: its address
    std::vector<IdeaRow> ideas;             ///< every status, by number
    std::vector<SessionRow> sessions;       ///< newest first
    std::vector<LogRow> log;                ///< newest first
    std::vector<std::string> exportFolders; ///< mounted sticks first, then the home folder
    int crashCount = 0;                     ///< how often the kiosk crashed and was restarted (this database)
    std::string lastCrashAt;                ///< "14:07", the last time
    SyncState sync;                         ///< filled each frame by the window, not read from the store
    /// The languages the moderators may switch the panel to (panelLanguages), filled by the window, not the store;
    /// empty: no language control.
    std::vector<std::string> languages;
    int pendingCount() const;
    /// The category's name in `language` (German, then the key, where it has none); empty for no category.
    std::string categoryName(const std::string& key, const std::string& language) const;
    const IdeaRow* idea(const std::string& id) const;
};

/// The actions the panel offers for an idea, in the order it shows them: the moderation verbs storage accepts for
/// the idea's status (storage::offeredVerbs, the same rules moderateIdea enforces), then pin or unpin for a
/// published idea. Merging and editing are offered for every idea that is not merged.
std::vector<PanelAction::Kind> ideaActions(const PanelModel::IdeaRow& idea);

/// The panel's status line under its title: the event, and how often the kiosk crashed (so moderators notice a
/// kiosk that keeps falling over even when the restarts hide it): "Integrationskonferenz  ·  Abstürze: 2 (zuletzt
/// 14:07)".
std::string panelStatusLine(const PanelModel& model, const Catalog& text, const std::string& language);

// [SECTION] The panel's language

/// The German the panel speaks when kiosk.toml names no `[kiosk] panel_language`.
inline constexpr const char* kDefaultPanelLanguage = "de";
/// The languages the panel offers its moderators: those the kiosk offers (`offered`, in its order), and `current`
/// (the configured default or the last choice) first when the kiosk does not offer it, so it can be chosen again.
/// The panel's language is the moderators' own: it never follows the attendee's.
std::vector<std::string> panelLanguages(const std::vector<std::string>& offered, const std::string& current);

// [SECTION] The panel's text fields

/// A text the moderator types in the panel (None: nothing is being typed).
enum class PanelField { None, Reason, Title, Description, Author };

/// How many characters (code points) the field takes: the model's limits for an idea's text; a reason is for the
/// log, a sentence is plenty.
std::size_t panelFieldLimit(PanelField field);

}  // namespace kiosk::core
