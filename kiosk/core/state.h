// The kiosk's screens as one value and a pure reducer: events in, new state and effects (database work) out.
#pragma once

#include "kiosk/core/keyboard.h"
#include "storage/types.h"

#include <cstdint>
#include <set>
#include <string>
#include <variant>
#include <vector>

namespace kiosk::core {

enum class Screen {
    Attract, Start, Browse, Detail,
    SubmitCategory, SubmitTitle, SubmitDescription, SubmitName, SubmitSimilar, SubmitReview,
    Saving, Thanks, Trouble
};
const char* screenName(Screen screen);

enum class BrowseOrder { Random, Newest, Popular };

/// An idea as the kiosk lists it.
struct IdeaCard {
    std::string id;
    int number = 0;
    std::string title;
    std::string description;
    std::string category;
    int votes = 0;
    storage::TimeMs createdAt = 0;
};

/// What the attendee is writing; kept until it is saved, even through a trouble screen.
struct Draft {
    std::string category;
    std::string title;
    std::string description;
    std::string author;
};

/// Everything the kiosk shows that is not in the database. Reset to this default after every session.
struct KioskState {
    Screen screen = Screen::Attract;
    std::string language = "de";
    std::string sessionId;
    int votesLeft = 0;
    std::set<std::string> voted;      ///< ideas with a live vote in this session
    std::string voteInFlight;         ///< a vote or undo being committed: further taps on it are ignored
    std::string lastSettledIdea;      ///< the vote button turns into "undo" under the finger: a second tap of a
    double lastSettledAt = -1;        ///< double tap arriving right after must not take the vote back
    BrowseOrder order = BrowseOrder::Random;
    std::string categoryFilter;
    std::uint64_t shuffleSeed = 0;    ///< per session, so the random order stays put while browsing
    std::string detailIdeaId;
    Draft draft;
    KeyboardModel keyboard;
    bool inputFull = false;           ///< the last input hit the field's limit
    std::vector<IdeaCard> similar;
    int savedNumber = 0;
    bool savedPending = false;
    std::string messageKey;           ///< an "errors.*" text shown until the next input
    double lastInputAt = 0;
    bool idleWarning = false;
    bool languagePicker = false;      ///< the list of languages is open over the screen
    std::vector<std::string> languages;  ///< what this kiosk.toml narrows the event's list to; empty: the event's list
    std::vector<std::string> eventLanguages;  ///< what the active event offers (storage::eventLanguages); empty: all
    double idleTimeout = 60;
    bool moreTime = false;            ///< "Mehr Zeit" on the idle question: this session waits twice as long
    bool largeText = false;           ///< "Große Schrift": this session's text is kLargeTextFactor times larger
    bool highContrast = false;        ///< "Hoher Kontrast": this session's screens in the high-contrast palette
    double idleCountdown = 15;
    double thanksUntil = 0;
    double nextRetryAt = 0;
    double savingSince = 0;           ///< when the draft's save was asked for (the saving screen's text waits)
    int generation = 0;               ///< counts resets, so views drop scroll positions and caches
};

// [SECTION] Events: what happened (input from views, results of effects, time)
namespace ev {
struct Tick {};
struct Touched {};                     ///< any touch, key or drag: resets the idle timer
struct Begin {};                       ///< a touch on the attract screen
struct SessionStarted { std::string id; int votesLeft; std::uint64_t seed; };
struct ChooseSubmit {};
struct ChooseBrowse {};
struct SetLanguage { std::string language; };   ///< also closes the language list
struct ShowLanguages { bool open; };           ///< the globe button opens the language list, its close button closes it
struct EventLanguages { std::vector<std::string> languages; };  ///< the active event's list, read at start and on change
struct Finish {};                      ///< "Fertig": end the session at once
struct StillHere {};                   ///< "Weiter" on the idle overlay
struct MoreTime {};                    ///< "Mehr Zeit" on the idle overlay: doubles the wait for this session
struct SetLargeText { bool on; };      ///< the text-size switch (start screen, language list); reset with the session
struct SetHighContrast { bool on; };   ///< the contrast switch beside it; reset with the session
struct Back {};
struct SetOrder { BrowseOrder order; };
struct SetCategoryFilter { std::string category; };
struct OpenDetail { std::string ideaId; };
struct Vote { std::string ideaId; };
struct Undo { std::string ideaId; };
struct VoteSettled { std::string ideaId; bool voted; int votesLeft; };
struct ActionRefused { std::string code; };   ///< a storage rule said no (already_voted, title_too_long …)
struct StorageFailed {};                      ///< the database could not be written (or not even opened)
struct StorageBack {};                        ///< answer to CheckStorage: the database can be used again
struct PickCategory { std::string key; };
struct KeyPressed { Key key; };
struct TypeText { std::string text; };        ///< from a physical keyboard or a paste
struct Backspace {};
struct Next {};
struct SimilarFound { std::vector<IdeaCard> ideas; };
struct Send {};
struct Saved { int number; bool pending; };
struct Retry {};
}  // namespace ev

using Event = std::variant<ev::Tick, ev::Touched, ev::Begin, ev::SessionStarted, ev::ChooseSubmit, ev::ChooseBrowse,
                           ev::SetLanguage, ev::Finish, ev::StillHere, ev::Back, ev::SetOrder, ev::SetCategoryFilter,
                           ev::OpenDetail, ev::Vote, ev::Undo, ev::VoteSettled, ev::ActionRefused, ev::StorageFailed,
                           ev::PickCategory, ev::KeyPressed, ev::TypeText, ev::Backspace, ev::Next, ev::SimilarFound,
                           ev::Send, ev::Saved, ev::Retry, ev::StorageBack, ev::ShowLanguages,
                           ev::MoreTime, ev::SetLargeText, ev::SetHighContrast, ev::EventLanguages>;

// [SECTION] Effects: database work for the app to run, which answers with events
namespace fx {
struct StartSession { std::string language; };
struct EndSession { std::string sessionId; storage::SessionEnd how; };
struct CastVote { std::string sessionId; std::string ideaId; };
struct RetractVote { std::string sessionId; std::string ideaId; };
struct FindSimilar { std::string title; };
struct SaveIdea { std::string sessionId; storage::NewIdea idea; };
struct CheckStorage {};  ///< open the database again if needed; answered by StorageBack or StorageFailed
}  // namespace fx

using Effect = std::variant<fx::StartSession, fx::EndSession, fx::CastVote, fx::RetractVote, fx::FindSimilar, fx::SaveIdea,
                            fx::CheckStorage>;

struct Step {
    KioskState state;
    std::vector<Effect> effects;
};

/// The whole behaviour of the kiosk. Pure: the same state, event and time give the same result.
Step reduce(KioskState state, const Event& event, double now);

/// A fresh state for the next person (language, draft, filters, votes: all gone), keeping the timeouts and the
/// offered languages; the language is the first of them.
KioskState freshState(const KioskState& previous, double now);

/// Seconds without a touch before "Sind Sie noch da?": idleTimeout, doubled after "Mehr Zeit".
double idleTimeoutFor(const KioskState& state);

/// What a kiosk offers of an event's languages: the event's list (all of kioskLanguages() when it is empty),
/// narrowed by the kiosk's own (kiosk.toml) when that is given, in the event's order. `notOffered`: the kiosk's
/// codes the event does not offer (worth a line in the log). When the two share none, the event's list.
struct LanguageOffer {
    std::vector<std::string> offered;
    std::vector<std::string> notOffered;
};
LanguageOffer offerFor(const std::vector<std::string>& kioskChoice, const std::vector<std::string>& eventLanguages);

/// The languages the kiosk offers, in order (offerFor(state.languages, state.eventLanguages).offered); the first
/// is where a session starts.
std::vector<std::string> offeredLanguages(const KioskState& state);

/// Orders cards for browsing: a shuffle that is stable for one session, newest first, or most votes first.
void orderIdeas(std::vector<IdeaCard>& cards, BrowseOrder order, std::uint64_t seed);

/// True while a submitted draft waits to be saved (on the saving or the trouble screen). The trouble screen
/// without one means the database is out of reach and nobody's text is at stake.
bool savePending(const KioskState& state);

/// The saving screen says "saving…" only when the save takes longer than this; a quick commit goes straight
/// from the review to the thank-you screen.
inline constexpr double kSavingShownAfter = 0.3;

/// How long the thank-you screen stays before the kiosk returns to the start by itself.
inline constexpr double kThanksSeconds = 8.0;
/// Whole seconds until the thank-you screen returns by itself (counted down on screen), 0 elsewhere.
int thanksSecondsLeft(const KioskState& state, double now);

/// The field the keyboard writes into on a screen, or nullptr.
std::string* activeField(KioskState& state);
std::size_t activeFieldLimit(Screen screen);

}  // namespace kiosk::core
