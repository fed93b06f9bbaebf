// Domain types of the model: events, categories, ideas, votes, sessions and the moderation log.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace storage {

/// Milliseconds since the Unix epoch, UTC. Every timestamp in the model is one of these.
using TimeMs = std::int64_t;

/// Today's languages, German first: the registry of a program that never reads its assets (tools, tests) until
/// setLanguages() installs those of assets/i18n.
inline const std::vector<std::string> kDefaultLanguages = {"de", "tr", "en", "ru", "uk", "pl", "ku", "ar"};

/// Languages the kiosk speaks, German first: the registry. Ideas and sessions record the one they were entered
/// in. The program reads it from its assets at start (one assets/i18n/<code>.toml per language, README, "Adding a
/// language"); until then, and in a program that never reads them, it is kDefaultLanguages. An event may offer fewer.
const std::vector<std::string>& knownLanguages();
/// Installs the registry: the languages a kiosk may offer, in the order of a language list (German first; "de-einfach"
/// is offered but stored as German). Called once at start (with core::languagesInFolder) before any other thread
/// runs; storage itself never reads the assets. Throws std::invalid_argument when German is not first, a code is
/// listed twice or is not a language code.
void setLanguages(const std::vector<std::string>& offerable);
/// The registry a program has before setLanguages(): kDefaultLanguages with "de-einfach" after German.
std::vector<std::string> defaultOfferableLanguages();

/// True when `code` is one of knownLanguages().
bool isKnownLanguage(const std::string& code);
/// "de, tr, en, …": the known codes, for error messages.
std::string knownLanguagesList();
/// "de, tr, uk": codes joined for a message or the log.
std::string languageList(const std::vector<std::string>& codes);

/// "de-einfach": German in Leichte Sprache, a language of its own in a language list; what is written in it is
/// stored as German (storedLanguage). Its keyboard is the German one.
inline constexpr const char* kPlainGerman = "de-einfach";
/// The languages an event (and a kiosk) may offer, in the order of a language list: knownLanguages() with
/// "de-einfach" (when its file is there) after German.
const std::vector<std::string>& offerableLanguages();
/// True for a code of offerableLanguages().
bool isOfferableLanguage(const std::string& code);
/// The language an idea or session in `offered` is stored as ("de-einfach" → "de"; the others unchanged).
std::string storedLanguage(const std::string& offered);
/// What is wrong with a list of languages to offer, as the end of one line ("'xx' is not one of de, …",
/// "'tr' is listed twice", "the list is empty; name at least one of …"); empty when every code is offerable, none is listed
/// twice and there is at least one.
std::string languageListProblem(const std::vector<std::string>& languages);

/// A rule of the model was broken or input was invalid. `code` is stable (for tests and the UI's
/// translated messages); `what()` is one clear English line for the command line and the log.
class RuleError : public std::runtime_error {
public:
    RuleError(std::string code, const std::string& message)
        : std::runtime_error(message), m_code(std::move(code)) {}
    const std::string& code() const { return m_code; }

private:
    std::string m_code;
};

/// The database could not be opened or used (corrupt, read-only, newer schema, not ours, disk full).
class StoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct Category {
    std::string key;                            ///< stable identifier, e.g. "begegnung"
    std::map<std::string, std::string> names;   ///< language code -> display name
    std::string color = "#4a90d9";             ///< "#rrggbb"

    /// Name in `lang`, falling back to German, then to the key.
    std::string name(const std::string& lang) const;
};

enum class ModerationMode { PublishImmediately, PreModerate };

struct EventSettings {
    std::string title;
    std::string venue;
    std::string startsOn;   ///< ISO date "2009-12-17", may be empty
    std::string endsOn;     ///< ISO date, may be empty
    std::vector<Category> categories;
    int voteBudget = 5;     ///< votes per kiosk session
    bool showCounts = true; ///< whether attendees see vote counts
    ModerationMode moderation = ModerationMode::PublishImmediately;
    bool submissionOpen = true;
    bool votingOpen = true;
    bool countsAfterReveal = false; ///< counts stay off the projector (and kiosk) until a moderator reveals them
    bool countsRevealed = false;    ///< set by the moderators; only matters with countsAfterReveal
    bool projectorFrozen = false;   ///< the projector holds its picture until unfrozen
    /// The languages the kiosks, the projector and the phone page offer, in order; the first is where a session
    /// starts. Empty: every offerable language (an event without `languages`, or made before schema 6).
    std::vector<std::string> languages;

    /// Whether vote counts may be shown now: on the projector, and to attendees when showCounts too.
    bool countsVisible() const { return !countsAfterReveal || countsRevealed; }
};

/// The languages `settings` offers, in order: its list without codes this build does not know (a newer kiosk's,
/// through the sync), or offerableLanguages() when that leaves none.
std::vector<std::string> eventLanguages(const EventSettings& settings);

struct Event {
    std::string id;
    EventSettings settings;
    bool active = false;
    TimeMs createdAt = 0;
};

enum class IdeaStatus { Pending, Published, Hidden, Merged };
std::string toString(IdeaStatus status);
IdeaStatus ideaStatusFromString(const std::string& text);  ///< throws RuleError("bad_status")
std::string toString(ModerationMode mode);
ModerationMode moderationModeFromString(const std::string& text);

/// What an attendee (or an import) submits. Validated and normalised by Store::submitIdea.
struct NewIdea {
    std::string title;
    std::string description;
    std::string author;
    std::string category;   ///< Category::key, may be empty when the event has no categories
    std::string language = "de";
};

struct Idea {
    std::string id;
    std::string eventId;
    int number = 0;         ///< human number (#1, #2 ...) unique per event in one database
    std::string title;
    std::string description;
    std::string author;
    std::string category;
    std::string language;
    IdeaStatus status = IdeaStatus::Published;
    std::string mergedInto; ///< idea id, empty unless status == Merged
    bool pinned = false;
    TimeMs createdAt = 0;
    std::string kioskId;
    std::int64_t kioskSeq = 0;
    int votes = 0;          ///< derived: live votes on this idea and on ideas merged into it, one per session
};

enum class VoteKind { Vote, Retract };
/// "vote" or "retract": the one spelling of the kinds, in the votes table and in exports.
std::string toString(VoteKind kind);
/// The kind stored as `text`: "retract" is a retraction, anything else a vote (the schema allows only the two).
VoteKind voteKindFromString(const std::string& text);

struct VoteEvent {
    std::string id;
    std::string eventId;
    std::string ideaId;
    std::string sessionId;
    VoteKind kind = VoteKind::Vote;
    std::string retracts;   ///< for a Retract: the id of the vote it takes back
    TimeMs createdAt = 0;
    std::string kioskId;
};

enum class SessionEnd { Open, Finished, IdleTimeout, Voided };
std::string toString(SessionEnd end);

/// Where a session took place: at a kiosk's screen or on an attendee's phone (the phone server).
enum class SessionSource { Kiosk, Phone };
std::string toString(SessionSource source);
SessionSource sessionSourceFrom(const std::string& text);  ///< "phone" is a phone, anything else a kiosk

struct Session {
    std::string id;
    std::string eventId;
    std::string kioskId;
    std::string language;
    TimeMs startedAt = 0;
    std::optional<TimeMs> endedAt;
    SessionEnd end = SessionEnd::Open;
    SessionSource source = SessionSource::Kiosk;
    int votesUsed = 0;      ///< derived: live votes cast in this session
};

struct ModerationEntry {
    std::string id;
    std::string eventId;
    TimeMs at = 0;
    std::string actor;      ///< "cli", "panel", "kiosk:<id>", "import", "merge" ...
    std::string action;     ///< "status", "edit", "merge", "phase", "pin", "settings", "void_session", "import" ...
    std::string targetId;   ///< idea, session or event id
    std::string before;     ///< JSON text of the state before (empty object for creations)
    std::string after;      ///< JSON text of the state after
    std::string reason;
    std::string kioskId;
};

/// How ideas are ordered for lists and the projector.
enum class Ranking { MostVotes, Newest, Number };

}  // namespace storage
