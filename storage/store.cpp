// Store: events, sessions, ideas and votes, with every rule of the model enforced in one transaction.
#include "storage/store_impl.h"

#include "storage/schema.h"
#include "storage/text.h"

#include <SQLiteCpp/Transaction.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <set>

#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace storage {

// [SECTION] Opening

namespace {

TimeMs systemNow() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

StoreOptions withDefaults(StoreOptions options) {
    if (!options.clock) options.clock = systemNow;
    if (!options.random) {
        auto engine = std::make_shared<std::mt19937_64>(std::random_device{}());
        options.random = [engine] { return (*engine)(); };
    }
    return options;
}

// SQLite says "disk I/O error" or "unable to open database file" for a full disk, a file size limit or a
// read-only folder; the organiser needs to hear which. `systemErrno` is what the failing system call said
// (sqlite3_system_errno), 0 when unknown; without it the folder is looked at.
std::string likelyCause(const std::string& path, const SQLite::Exception& e, int systemErrno) {
    if (e.getErrorCode() != SQLITE_IOERR && e.getErrorCode() != SQLITE_CANTOPEN) return {};
    switch (systemErrno) {
        case ENOSPC: return " (the disk is full)";
        case EFBIG: return " (the file has reached the size limit set for this process)";
        case EROFS: return " (the file system is read-only)";
        case EACCES:
        case EPERM: return " (the file or its folder is read-only)";
        default: break;
    }
    const std::filesystem::path file(path);
    const std::filesystem::path folder = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
    struct statvfs disk {};
    if (::statvfs(folder.c_str(), &disk) == 0 && disk.f_bavail == 0) return " (the disk is full)";
    // A write that would grow a file past RLIMIT_FSIZE fails with EFBIG (SIGXFSZ is ignored, see main.cpp), but
    // SQLite's error code does not keep that errno: a file within a page of the limit tells.
    struct rlimit limit {};
    if (::getrlimit(RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY) {
        for (const std::string& name : {path, path + "-wal", path + "-journal"}) {
            struct stat info {};
            if (::stat(name.c_str(), &info) == 0 && static_cast<rlim_t>(info.st_size) + 65536 + 24 > limit.rlim_cur) {
                return " (the file has reached the size limit set for this process)";
            }
        }
    }
    const bool exists = ::access(path.c_str(), F_OK) == 0;
    if ((exists && ::access(path.c_str(), W_OK) != 0) || ::access(folder.c_str(), W_OK) != 0) {
        return " (the file or its folder is read-only)";
    }
    return {};
}

int openFlags(bool readOnly) {
    return readOnly ? SQLite::OPEN_READONLY : (SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
}

// Debian's SQLite takes "file:…" names as URIs, so "file:ideen.db?mode=memory" would be a database that
// vanishes at exit. With "./" in front it is the plain file that the name says.
std::string plainFileName(const std::string& path) { return path.rfind("file:", 0) == 0 ? "./" + path : path; }

}  // namespace

Store::Impl::Impl(const std::string& file, StoreOptions opts)
    : path(file), options(withDefaults(std::move(opts))), db(plainFileName(file), openFlags(options.readOnly)) {}

Store::Store(const std::string& path, StoreOptions options) {
    try {
        m = std::make_unique<Impl>(path, std::move(options));
        configureConnection(m->db, m->options.busyTimeoutMs, m->options.readOnly);
        if (m->options.readOnly) {
            const int version = m->db.execAndGet("PRAGMA user_version").getInt();
            const int appId = m->db.execAndGet("PRAGMA application_id").getInt();
            if (appId != kApplicationId) throw StoreError(path + " is not an Ideenkiosk database");
            if (version != kSchemaVersion) {
                throw StoreError(path + " has schema " + std::to_string(version) + "; this version reads schema " +
                                 std::to_string(kSchemaVersion) + " (open it once for writing to migrate)");
            }
        } else {
            migrate(m->db, path, kApplicationId);
        }
        if (m->options.quickCheck) quickCheck(m->db, path);  // LongRead runs it beside its read instead
        std::string stored;
        SQLite::Statement get(m->db, "SELECT value FROM meta WHERE key = 'kiosk_id'");
        if (get.executeStep()) stored = get.getColumn(0).getString();
        if (stored.empty() && !m->options.readOnly) {
            stored = newId();
            SQLite::Statement put(m->db, "INSERT INTO meta(key, value) VALUES ('kiosk_id', ?), ('created_at', ?)");
            put.bind(1, stored);
            put.bind(2, std::to_string(now()));
            put.exec();
        }
        m->kioskId = m->options.kioskId.empty() ? stored : m->options.kioskId;
    } catch (const SQLite::Exception& e) {
        // Damage may show before quick_check does (a page the schema needs): the same words for both.
        if (e.getErrorCode() == SQLITE_CORRUPT) throw StoreError(path + " is damaged (" + e.what() + ")");
        const int systemErrno = m ? sqlite3_system_errno(m->db.getHandle()) : 0;
        throw StoreError("cannot open " + path + ": " + e.what() + likelyCause(path, e, systemErrno));
    }
}

Store::~Store() = default;

// [SECTION] Identity, time, transactions

const std::string& Store::kioskId() const { return m->kioskId; }
TimeMs Store::now() const { return m->options.clock(); }
SQLite::Database& Store::db() { return m->db; }
StatementCache::Lease Store::prepared(const std::string& sql) { return m->statements.get(sql); }
const std::string& Store::path() const { return m->path; }
bool Store::readOnly() const { return sqlite3_db_readonly(m->db.getHandle(), "main") == 1; }

std::string Store::newId() {
    // UUIDv7: 48 bits of milliseconds, version 7, 12 bits that count up within one millisecond (so ids made
    // in the same millisecond still sort in creation order), variant 10, 62 random bits.
    auto ms = static_cast<std::uint64_t>(now());
    if (ms <= m->lastIdMs) {
        ms = m->lastIdMs;
        ++m->idCounter;
        if (m->idCounter > 0xFFF) {
            ++ms;
            m->idCounter = 0;
        }
    } else {
        m->idCounter = 0;
    }
    m->lastIdMs = ms;
    const std::uint64_t high = (ms << 16) | 0x7000ULL | (m->idCounter & 0xFFF);
    const std::uint64_t low = (m->options.random() & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;
    char text[37];
    std::snprintf(text, sizeof text, "%08llx-%04llx-%04llx-%04llx-%012llx",
                  static_cast<unsigned long long>(high >> 32), static_cast<unsigned long long>((high >> 16) & 0xFFFF),
                  static_cast<unsigned long long>(high & 0xFFFF), static_cast<unsigned long long>(low >> 48),
                  static_cast<unsigned long long>(low & 0xFFFFFFFFFFFFULL));
    return text;
}

std::int64_t Store::changeCounter() {
    return m->db.execAndGet("PRAGMA data_version").getInt64() + m->ownCommits;
}

void Store::transaction(const std::function<void()>& body) {
    if (m->options.readOnly) throw StoreError(m->path + " is open read-only");
    if (m->transactionDepth > 0) {
        body();
        return;
    }
    try {
        SQLite::Transaction guard(m->db, SQLite::TransactionBehavior::IMMEDIATE);
        m->transactionDepth = 1;
        try {
            body();
        } catch (...) {
            m->transactionDepth = 0;
            throw;  // the guard rolls back
        }
        m->transactionDepth = 0;
        guard.commit();
        ++m->ownCommits;
    } catch (const SQLite::Exception& e) {
        m->transactionDepth = 0;
        const int systemErrno = sqlite3_system_errno(m->db.getHandle());
        throw StoreError(std::string("could not save to ") + m->path + ": " + e.what() + likelyCause(m->path, e, systemErrno));
    }
}

std::vector<std::exception_ptr> Store::transactionBatch(const std::vector<std::function<void()>>& bodies) {
    std::vector<std::exception_ptr> errors(bodies.size());
    transaction([&] {
        for (std::size_t i = 0; i < bodies.size(); ++i) {
            m->statements.get("SAVEPOINT batch_item")->exec();
            try {
                bodies[i]();
            } catch (...) {
                errors[i] = std::current_exception();
                m->statements.get("ROLLBACK TO batch_item")->exec();
            }
            m->statements.get("RELEASE batch_item")->exec();
        }
    });
    return errors;
}

// [SECTION] Events

nlohmann::json categoriesToJson(const std::vector<Category>& categories) {
    auto list = nlohmann::json::array();
    for (const auto& c : categories) list.push_back({{"key", c.key}, {"color", c.color}, {"names", c.names}});
    return list;
}

std::vector<Category> categoriesFromJson(const std::string& text) {
    std::vector<Category> result;
    const auto list = nlohmann::json::parse(text, nullptr, false);
    if (!list.is_array()) return result;
    for (const auto& item : list) {
        Category c;
        c.key = item.value("key", "");
        c.color = item.value("color", "#4a90d9");
        if (item.contains("names") && item["names"].is_object()) {
            for (const auto& [lang, name] : item["names"].items()) c.names[lang] = name.get<std::string>();
        }
        result.push_back(std::move(c));
    }
    return result;
}

std::vector<std::string> languagesFromJson(const std::string& text) {
    std::vector<std::string> result;
    const auto list = nlohmann::json::parse(text, nullptr, false);
    if (!list.is_array()) return result;
    for (const auto& code : list) {
        if (code.is_string()) result.push_back(code.get<std::string>());
    }
    return result;
}

namespace {

// Cleans and checks event settings the same way idea text is checked.
EventSettings validated(const EventSettings& input) {
    EventSettings s = input;
    s.title = cleanText(s.title, TextField::Title);
    checkLength(s.title, TextField::Title);
    for (std::string* text : {&s.venue, &s.startsOn, &s.endsOn}) {
        *text = cleanText(*text, TextField::Other);
        checkLength(*text, TextField::Other);
    }
    if (s.voteBudget < 1 || s.voteBudget > 50) {
        throw RuleError("bad_budget", "the vote budget must be between 1 and 50, not " + std::to_string(s.voteBudget));
    }
    // No list offers every language; a list must be one a kiosk can offer.
    if (!s.languages.empty()) {
        if (const std::string problem = languageListProblem(s.languages); !problem.empty()) {
            throw RuleError("bad_languages", "languages: " + problem);
        }
    }
    std::set<std::string> keys;
    for (auto& c : s.categories) {
        c.key = cleanText(c.key, TextField::Other);
        checkLength(c.key, TextField::Other);
        if (c.key.empty() || !keys.insert(c.key).second) {
            throw RuleError("bad_category", "category keys must be unique and not empty (" + quoteUntrusted(c.key) + ")");
        }
        for (auto& [lang, name] : c.names) {
            name = cleanText(name, TextField::Other);
            checkLength(name, TextField::Other);
        }
    }
    return s;
}

}  // namespace

nlohmann::json settingsJson(const EventSettings& s) {
    nlohmann::json json = {{"title", s.title},          {"venue", s.venue},
                           {"starts_on", s.startsOn},   {"ends_on", s.endsOn},
                           {"vote_budget", s.voteBudget}, {"show_counts", s.showCounts},
                           {"moderation", toString(s.moderation)}, {"submission_open", s.submissionOpen},
                           {"voting_open", s.votingOpen}, {"counts_after_reveal", s.countsAfterReveal},
                           {"counts_revealed", s.countsRevealed}, {"projector_frozen", s.projectorFrozen},
                           {"categories", categoriesToJson(s.categories)}};
    // Only when set: the log of an event that offers every language reads as it did before there were lists.
    if (!s.languages.empty()) json["languages"] = s.languages;
    return json;
}

std::string eventSettingsList(bool columns, bool parameters) {
    std::string list;
    for (const auto& [column, parameter] : kEventSettingsFields) {
        if (!list.empty()) list += ", ";
        if (columns) list += column;
        if (columns && parameters) list += " = ";
        if (parameters) list += parameter;
    }
    return list;
}

void bindEventSettings(SQLite::Statement& st, const EventSettings& s) {
    st.bind(":title", s.title);
    st.bind(":venue", s.venue);
    st.bind(":starts", s.startsOn);
    st.bind(":ends", s.endsOn);
    st.bind(":categories", categoriesToJson(s.categories).dump());
    st.bind(":budget", s.voteBudget);
    st.bind(":show", s.showCounts ? 1 : 0);
    st.bind(":moderation", toString(s.moderation));
    st.bind(":submission", s.submissionOpen ? 1 : 0);
    st.bind(":voting", s.votingOpen ? 1 : 0);
    st.bind(":after_reveal", s.countsAfterReveal ? 1 : 0);
    st.bind(":revealed", s.countsRevealed ? 1 : 0);
    st.bind(":frozen", s.projectorFrozen ? 1 : 0);
    st.bind(":languages", nlohmann::json(s.languages).dump());
}

std::string Store::createEvent(const EventSettings& input) {
    const EventSettings s = validated(input);
    std::string id;
    transaction([&] {
        id = newId();
        const bool first = m->db.execAndGet("SELECT count(*) FROM events").getInt() == 0;
        SQLite::Statement insert(m->db, "INSERT INTO events(id, " + kEventSettingsColumns +
                                            ", active, created_at, kiosk_id) VALUES (:id, " + kEventSettingsValues +
                                            ", :active, :at, :kiosk)");
        insert.bind(":id", id);
        bindEventSettings(insert, s);
        insert.bind(":active", first ? 1 : 0);
        insert.bind(":at", now());
        insert.bind(":kiosk", m->kioskId);
        insert.exec();
        logModeration(id, "cli", "create_event", id, "{}", settingsJson(s).dump());
    });
    return id;
}

std::vector<Event> Store::events() {
    std::vector<Event> result;
    SQLite::Statement q(m->db, std::string("SELECT ") + kEventColumns + " FROM events ORDER BY created_at, id");
    while (q.executeStep()) result.push_back(readEvent(q));
    return result;
}

std::optional<Event> Store::event(const std::string& eventId) {
    auto q = m->statements.get(std::string("SELECT ") + kEventColumns + " FROM events WHERE id = ?");
    q->bind(1, eventId);
    if (!q->executeStep()) return std::nullopt;
    return readEvent(*q);
}

std::optional<Event> Store::activeEvent() {
    SQLite::Statement q(m->db, std::string("SELECT ") + kEventColumns + " FROM events WHERE active = 1 LIMIT 1");
    if (!q.executeStep()) return std::nullopt;
    return readEvent(q);
}

Event Store::requireEvent(const std::string& eventId) {
    auto e = event(eventId);
    if (!e) throw RuleError("unknown_event", "no event with id " + quoteUntrusted(eventId));
    return *e;
}

Event Store::requireActiveEvent() {
    auto e = activeEvent();
    if (!e) throw RuleError("no_active_event", "there is no active event (create one with `ideenkiosk event create`)");
    return *e;
}

void Store::activateEvent(const std::string& eventId) {
    transaction([&] {
        if (!event(eventId)) throw RuleError("unknown_event", "no event with id " + quoteUntrusted(eventId));
        m->db.exec("UPDATE events SET active = 0 WHERE active = 1");
        SQLite::Statement set(m->db, "UPDATE events SET active = 1 WHERE id = ?");
        set.bind(1, eventId);
        set.exec();
        logModeration(eventId, "cli", "activate", eventId, "{}", R"({"active":true})");
    });
}

void Store::updateEventSettings(const std::string& eventId, const EventSettings& input, const std::string& actor) {
    const EventSettings s = validated(input);
    transaction([&] {
        auto before = event(eventId);
        if (!before) throw RuleError("unknown_event", "no event with id " + quoteUntrusted(eventId));
        SQLite::Statement update(m->db, "UPDATE events SET " + kEventSettingsAssignments + " WHERE id = :id");
        bindEventSettings(update, s);
        update.bind(":id", eventId);
        update.exec();
        logModeration(eventId, actor, "settings", eventId, settingsJson(before->settings).dump(), settingsJson(s).dump());
    });
}

namespace {

// One switch of an event (a phase, the projector's reveal or freeze): an update plus its log entry.
// One flag of an event in one transaction, logged with its value before and after under `action`.
void setEventFlag(Store& store, SQLite::Database& db, const std::string& eventId, const char* column,
                  bool EventSettings::*setting, bool value, const std::string& actor, const char* action) {
    store.transaction([&] {
        const bool before = store.requireEvent(eventId).settings.*setting;
        SQLite::Statement update(db, std::string("UPDATE events SET ") + column + " = ? WHERE id = ?");
        update.bind(1, value ? 1 : 0);
        update.bind(2, eventId);
        update.exec();
        store.logModeration(eventId, actor, action, eventId, nlohmann::json{{column, before}}.dump(),
                            nlohmann::json{{column, value}}.dump());
    });
}

}  // namespace

void Store::setSubmissionOpen(const std::string& eventId, bool open, const std::string& actor) {
    setEventFlag(*this, m->db, eventId, "submission_open", &EventSettings::submissionOpen, open, actor, "phase");
}

void Store::setVotingOpen(const std::string& eventId, bool open, const std::string& actor) {
    setEventFlag(*this, m->db, eventId, "voting_open", &EventSettings::votingOpen, open, actor, "phase");
}

void Store::setCountsRevealed(const std::string& eventId, bool revealed, const std::string& actor) {
    setEventFlag(*this, m->db, eventId, "counts_revealed", &EventSettings::countsRevealed, revealed, actor, "projector");
}

void Store::setProjectorFrozen(const std::string& eventId, bool frozen, const std::string& actor) {
    setEventFlag(*this, m->db, eventId, "projector_frozen", &EventSettings::projectorFrozen, frozen, actor, "projector");
}

// [SECTION] Sessions

namespace {

void checkLanguage(const std::string& language) {
    if (!isKnownLanguage(language)) {
        throw RuleError("unknown_language", "language must be one of " + knownLanguagesList() + ", not " + quoteUntrusted(language));
    }
}


}  // namespace

std::string Store::startSession(const std::string& eventId, const std::string& language, SessionSource source) {
    checkLanguage(language);
    std::string id;
    transaction([&] {
        if (!event(eventId)) throw RuleError("unknown_event", "no event with id " + quoteUntrusted(eventId));
        id = newId();
        SQLite::Statement insert(m->db,
            "INSERT INTO sessions(id, event_id, kiosk_id, language, started_at, source) VALUES (?, ?, ?, ?, ?, ?)");
        insert.bind(1, id);
        insert.bind(2, eventId);
        insert.bind(3, m->kioskId);
        insert.bind(4, language);
        insert.bind(5, now());
        insert.bind(6, toString(source));
        insert.exec();
    });
    return id;
}

std::string Store::startPhoneSession(const std::string& eventId, const std::string& language,
                                     const std::string& tokenHash) {
    if (tokenHash.empty()) throw RuleError("bad_token", "a phone session needs its token's hash");
    std::string id;
    transaction([&] {
        id = startSession(eventId, language, SessionSource::Phone);
        SQLite::Statement insert(m->db, "INSERT INTO phone_tokens(token_hash, session_id) VALUES (?, ?)");
        insert.bind(1, tokenHash);
        insert.bind(2, id);
        insert.exec();
    });
    return id;
}

std::optional<Session> Store::sessionByTokenHash(const std::string& tokenHash) {
    SQLite::Statement q(m->db, std::string(kSessionSelect) +
                                   "WHERE s.id = (SELECT session_id FROM phone_tokens WHERE token_hash = ?)");
    q.bind(1, tokenHash);
    if (!q.executeStep()) return std::nullopt;
    return readSession(q);
}

void Store::endSession(const std::string& sessionId, SessionEnd how) {
    if (how != SessionEnd::Finished && how != SessionEnd::IdleTimeout) {
        throw RuleError("bad_session_end", "a session ends as finished or idle");
    }
    transaction([&] {
        SQLite::Statement update(m->db,
            "UPDATE sessions SET ended_at = ?, end_reason = ? WHERE id = ? AND end_reason = 'open'");
        update.bind(1, now());
        update.bind(2, toString(how));
        update.bind(3, sessionId);
        if (update.exec() == 0 && !session(sessionId)) {
            throw RuleError("unknown_session", "no session with id " + quoteUntrusted(sessionId));
        }
    });
}

std::optional<Session> Store::session(const std::string& sessionId) {
    auto q = m->statements.get(kSessionSelect + "WHERE s.id = ?");
    q->bind(1, sessionId);
    if (!q->executeStep()) return std::nullopt;
    return readSession(*q);
}

std::vector<Session> Store::sessions(const std::string& eventId) {
    std::vector<Session> result;
    SQLite::Statement q(m->db, std::string(kSessionSelect) + "WHERE s.event_id = ? ORDER BY s.started_at, s.id");
    q.bind(1, eventId);
    while (q.executeStep()) result.push_back(readSession(q));
    return result;
}

int Store::votesLeft(const std::string& sessionId) {
    const auto s = session(sessionId);
    if (!s) throw RuleError("unknown_session", "no session with id " + quoteUntrusted(sessionId));
    // Only the budget column: reading the whole event parses its settings, and phones ask after every vote.
    auto budget = m->statements.get("SELECT vote_budget FROM events WHERE id = ?");
    budget->bind(1, s->eventId);
    if (!budget->executeStep()) throw RuleError("unknown_event", "no event with id " + quoteUntrusted(s->eventId));
    return std::max(0, budget->getColumn(0).getInt() - s->votesUsed);
}

std::vector<std::string> Store::votedIdeaIds(const std::string& sessionId) {
    std::vector<std::string> result;
    // In the order they were voted for: an idea's live vote is the session's newest vote on it (a vote there before
    // it was taken back, or the live one would have been refused).
    auto q = m->statements.get(
        "SELECT l.idea_id FROM live_votes l WHERE l.session_id = ?1 ORDER BY (SELECT max(v.created_at) FROM votes v "
        "WHERE v.session_id = ?1 AND v.idea_id = l.idea_id AND v.kind = 'vote'), l.idea_id");
    q->bind(1, sessionId);
    while (q->executeStep()) result.push_back(q->getColumn(0).getString());
    return result;
}

}  // namespace storage
