// The SQLite store: opens and migrates the database and enforces every rule of the model.
#pragma once

#include "storage/statement_cache.h"
#include "storage/types.h"

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace storage {

class SimilarityIndex;
class WordList;

/// Injected time, randomness and identity, so every rule is testable without a real clock.
struct StoreOptions {
    std::function<TimeMs()> clock;               ///< default: system clock
    std::function<std::uint64_t()> random;       ///< default: seeded from std::random_device
    std::string kioskId;                         ///< default: the id stored in the file's meta table
    int busyTimeoutMs = 5000;
    bool readOnly = false;                       ///< open for reading only (projector, export, check)
    /// PRAGMA quick_check on opening; false only for a caller that runs it itself (LongRead, beside its read).
    bool quickCheck = true;
    /// Words that send a submitted idea to the moderators first (see submitIdea); null: none.
    std::shared_ptr<const WordList> wordList;
};

/// One idea found similar to a draft, best first.
struct SimilarIdea {
    Idea idea;
    double score = 0.0;     ///< trigram similarity in [0, 1]
};

/// What `Store::ideas` returns.
struct IdeaQuery {
    std::vector<IdeaStatus> statuses = {IdeaStatus::Published};
    std::string category;   ///< empty: all categories
    Ranking ranking = Ranking::Number;
};

/// Result of `Store::check`.
struct CheckReport {
    bool ok = true;
    int schemaVersion = 0;
    std::vector<std::string> problems;  ///< one readable line each
    std::vector<std::string> facts;     ///< e.g. "journal_mode=wal", counts
};

/// The model. One instance per open database file; not thread-safe (open one per thread).
///
/// Every public mutating method is one `BEGIN IMMEDIATE` transaction: it either commits completely
/// before returning or throws and leaves the file unchanged. Rule violations throw RuleError with a
/// stable code; database failures throw StoreError (or SQLite::Exception).
class Store {
public:
    static constexpr int kSchemaVersion = 8;
    static constexpr int kApplicationId = 0x4944454B;  ///< "IDEK"

    /// Opens or creates `path` (":memory:" for tests), migrates it and runs quick_check.
    /// Throws StoreError with a clear message for a corrupt file, one that is not ours, or a newer schema.
    explicit Store(const std::string& path, StoreOptions options = {});
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    // [SECTION] Identity and time
    const std::string& kioskId() const;
    TimeMs now() const;
    std::string newId();                 ///< UUIDv7-style text id
    SQLite::Database& db();              ///< for the storage modules (export, merge, backup); never for views
    /// `sql` prepared once on this connection and kept, for the storage modules' queries that run per request.
    StatementCache::Lease prepared(const std::string& sql);
    const std::string& path() const;
    /// True when SQLite opened the file for reading only: asked for (StoreOptions::readOnly), or a file this
    /// process may not write, which SQLite quietly opens read-only and on which every save would then fail.
    bool readOnly() const;

    /// Changes whenever this or another connection committed a write; cheap enough to poll every frame.
    std::int64_t changeCounter();

    // [SECTION] Events
    std::string createEvent(const EventSettings& settings);      ///< the first event becomes active
    std::vector<Event> events();
    std::optional<Event> event(const std::string& eventId);
    std::optional<Event> activeEvent();
    Event requireEvent(const std::string& eventId);               ///< throws RuleError("unknown_event")
    Event requireActiveEvent();                                   ///< throws RuleError("no_active_event")
    void activateEvent(const std::string& eventId);
    void updateEventSettings(const std::string& eventId, const EventSettings& settings,
                             const std::string& actor);           ///< logged as "settings"
    void setSubmissionOpen(const std::string& eventId, bool open, const std::string& actor);  ///< "phase"
    void setVotingOpen(const std::string& eventId, bool open, const std::string& actor);      ///< "phase"
    void setCountsRevealed(const std::string& eventId, bool revealed, const std::string& actor);   ///< "projector"
    void setProjectorFrozen(const std::string& eventId, bool frozen, const std::string& actor);    ///< "projector"

    // [SECTION] Sessions
    std::string startSession(const std::string& eventId, const std::string& language,
                             SessionSource source = SessionSource::Kiosk);
    /// Starts a phone's session and records the hash of its cookie token (never the token) in one transaction.
    std::string startPhoneSession(const std::string& eventId, const std::string& language, const std::string& tokenHash);
    /// The session whose phone token has this hash, if any.
    std::optional<Session> sessionByTokenHash(const std::string& tokenHash);
    void endSession(const std::string& sessionId, SessionEnd how);
    std::optional<Session> session(const std::string& sessionId);
    std::vector<Session> sessions(const std::string& eventId);
    int votesLeft(const std::string& sessionId);
    std::vector<std::string> votedIdeaIds(const std::string& sessionId);  ///< ideas with a live vote

    // [SECTION] Ideas
    /// Validates and normalises the text, applies the event's moderation mode and the submission phase,
    /// assigns the next human number. `sessionId` may be empty (imports, command line).
    /// When the word list finds entries in the title, description or author, the idea is pending even if
    /// the event publishes at once, and the same transaction logs action "flag" by actor "wordlist" with
    /// after = {"words": [...]}. Nothing is ever refused because of a word.
    Idea submitIdea(const std::string& eventId, const NewIdea& idea, const std::string& sessionId = {});
    std::optional<Idea> idea(const std::string& ideaId);
    std::optional<Idea> ideaByNumber(const std::string& eventId, int number);
    std::vector<Idea> ideas(const std::string& eventId, const IdeaQuery& query = {});
    /// A published or pending idea whose title is the same after normalisation and case folding.
    std::optional<Idea> findExactDuplicate(const std::string& eventId, const std::string& title);
    /// The k published ideas most similar to `text` (trigram similarity >= threshold), best first.
    std::vector<SimilarIdea> similar(const std::string& eventId, const std::string& text, int k,
                                     double threshold = 0.25);

    // [SECTION] Votes (append-only events; counts are derived)
    std::string castVote(const std::string& sessionId, const std::string& ideaId);
    void retractVote(const std::string& sessionId, const std::string& ideaId);
    std::vector<VoteEvent> voteEvents(const std::string& eventId);
    int voteCount(const std::string& ideaId);

    // [SECTION] Moderation (every call writes a ModerationEntry with before/after)
    void setIdeaStatus(const std::string& ideaId, IdeaStatus status, const std::string& actor,
                       const std::string& reason = {});
    void editIdea(const std::string& ideaId, const NewIdea& corrected, const std::string& actor,
                  const std::string& reason = {});
    void mergeIdea(const std::string& sourceId, const std::string& targetId, const std::string& actor,
                   const std::string& reason = {});
    void setPinned(const std::string& ideaId, bool pinned, const std::string& actor);
    void voidSession(const std::string& sessionId, const std::string& actor, const std::string& reason);
    std::vector<ModerationEntry> moderationLog(const std::string& eventId);
    /// The word-list entries that flagged an idea when it was submitted (from the "flag" log entries, which
    /// merge with the log across kiosks), each once; empty when none did.
    std::vector<std::string> flaggedWords(const std::string& ideaId);
    /// The same for every flagged idea of an event, by idea id (one query, for the panel).
    std::map<std::string, std::vector<std::string>> flaggedWordsOfEvent(const std::string& eventId);

    // [SECTION] Bulk records (import, merge): one transaction around many rows
    /// Runs `body` inside one BEGIN IMMEDIATE transaction; every Store call inside joins it, and an
    /// exception thrown from `body` rolls everything back. Nested calls join the outer transaction.
    void transaction(const std::function<void()>& body);
    /// Group commit: runs every body in one BEGIN IMMEDIATE transaction, each in its own savepoint, so a body
    /// that throws undoes only its own writes. Returns one entry per body: null when it succeeded, else what it
    /// threw. When the commit itself fails this throws StoreError and nothing of any body is saved.
    std::vector<std::exception_ptr> transactionBatch(const std::vector<std::function<void()>>& bodies);

    struct InsertResult {
        bool inserted = false;   ///< false: a row with this id existed already (nothing changed)
        bool renumbered = false; ///< the idea's number was taken by another idea; it got the next free one
        int number = 0;          ///< the number the idea has now
    };
    /// Inserts an idea as given (import, merge): text is cleaned and length-checked like a submission,
    /// but the submission phase and moderation mode are not applied. Empty id: a new id is made;
    /// number 0: the next free number; createdAt 0: now; kioskId empty: this kiosk.
    InsertResult insertIdeaRecord(const Idea& idea);
    bool insertEventRecord(const Event& event);               ///< false if the id exists; never activates
    bool insertSessionRecord(const Session& session);         ///< false if the id exists
    bool insertVoteRecord(const VoteEvent& vote);             ///< false if the id exists; no budget rules
    bool insertModerationRecord(const ModerationEntry& entry);///< false if the id exists
    /// Appends a moderation entry for this kiosk now (e.g. "import" with a summary).
    void logModeration(const std::string& eventId, const std::string& actor, const std::string& action,
                       const std::string& targetId, const std::string& before, const std::string& after,
                       const std::string& reason = {});

    // [SECTION] Health
    CheckReport check();
    /// Commits a tiny write (the time in the meta row 'write_checked_at'): the one sure way to learn that the
    /// file can take a commit now (not full, not read-only, not locked). Throws StoreError otherwise.
    void checkWritable();

private:
    struct Impl;
    std::unique_ptr<Impl> m;
};

}  // namespace storage
