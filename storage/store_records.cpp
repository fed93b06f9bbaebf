// Store: moderation actions with their audit trail, bulk records for import and merge, and health checks.
#include "storage/store_impl.h"

#include "storage/text.h"

#include <algorithm>
#include <limits>

namespace storage {

std::optional<std::string> keyValue(SQLite::Database& db, const char* table, const char* key) {
    SQLite::Statement q(db, std::string("SELECT value FROM ") + table + " WHERE key = ?");
    q.bind(1, key);
    if (!q.executeStep()) return std::nullopt;
    return q.getColumn(0).getString();
}

void putKeyValue(SQLite::Database& db, const char* table, const char* key, const std::string& value) {
    SQLite::Statement put(db, std::string("INSERT INTO ") + table +
                                  "(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    put.bind(1, key);
    put.bind(2, value);
    put.exec();
}

void writeIdeaText(SQLite::Database& db, const std::string& ideaId, const NewIdea& clean) {
    SQLite::Statement update(db, "UPDATE ideas SET title = ?, title_fold = ?, description = ?, author = ?, "
                                 "category = ? WHERE id = ?");
    update.bind(1, clean.title);
    update.bind(2, foldForCompare(clean.title));
    update.bind(3, clean.description);
    update.bind(4, clean.author);
    update.bind(5, clean.category);
    update.bind(6, ideaId);
    update.exec();
}

using nlohmann::json;

// [SECTION] Moderation

namespace {

// Ids we make are UUIDv7 text; imports and merges may bring others, but never text that could be mistaken
// for something else in an export, a log line or a command line.
bool isRecordId(const std::string& id) {
    if (id.empty() || id.size() > 64) return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
               c == '.' || c == ':';
    });
}

json ideaText(const Idea& i) {
    return {{"title", i.title}, {"description", i.description}, {"author", i.author}, {"category", i.category}};
}

}  // namespace

void Store::logModeration(const std::string& eventId, const std::string& actor, const std::string& action,
                          const std::string& targetId, const std::string& before, const std::string& after,
                          const std::string& reason) {
    transaction([&] {
        ModerationEntry entry;
        entry.id = newId();
        entry.eventId = eventId;
        entry.at = now();
        entry.actor = actor;
        entry.action = action;
        entry.targetId = targetId;
        entry.before = before;
        entry.after = after;
        entry.reason = cleanText(reason, TextField::Reason);
        checkLength(entry.reason, TextField::Reason);
        entry.kioskId = m->kioskId;
        insertModerationRecord(entry);
    });
}

void Store::setIdeaStatus(const std::string& ideaId, IdeaStatus status, const std::string& actor,
                          const std::string& reason) {
    if (status == IdeaStatus::Merged) throw RuleError("bad_status", "use merge to merge ideas");
    transaction([&] {
        auto i = idea(ideaId);
        if (!i) throw RuleError("unknown_idea", "no idea with id " + quoteUntrusted(ideaId));
        if (i->status == IdeaStatus::Merged) {
            throw RuleError("idea_merged", "idea #" + std::to_string(i->number) + " is merged; its status is fixed");
        }
        if (i->status == status) return;
        SQLite::Statement update(m->db, "UPDATE ideas SET status = ? WHERE id = ?");
        update.bind(1, toString(status));
        update.bind(2, ideaId);
        update.exec();
        logModeration(i->eventId, actor, "status", ideaId, json{{"status", toString(i->status)}}.dump(),
                      json{{"status", toString(status)}}.dump(), reason);
    });
}

void Store::editIdea(const std::string& ideaId, const NewIdea& corrected, const std::string& actor,
                     const std::string& reason) {
    transaction([&] {
        auto i = idea(ideaId);
        if (!i) throw RuleError("unknown_idea", "no idea with id " + quoteUntrusted(ideaId));
        const NewIdea text = cleanedIdea(corrected);
        Idea after = *i;
        after.title = text.title;
        after.description = text.description;
        after.author = text.author;
        after.category = text.category;
        const auto categories = event(i->eventId)->settings.categories;
        if (after.category != i->category && !categories.empty() &&
            std::none_of(categories.begin(), categories.end(), [&](const Category& c) { return c.key == after.category; })) {
            throw RuleError("unknown_category", "the event has no category " + quoteUntrusted(after.category));
        }
        writeIdeaText(m->db, ideaId, text);
        logModeration(i->eventId, actor, "edit", ideaId, ideaText(*i).dump(), ideaText(after).dump(), reason);
    });
}

void Store::mergeIdea(const std::string& sourceId, const std::string& targetId, const std::string& actor,
                      const std::string& reason) {
    transaction([&] {
        auto source = idea(sourceId);
        auto target = idea(targetId);
        if (!source) throw RuleError("unknown_idea", "no idea with id " + quoteUntrusted(sourceId));
        if (!target) throw RuleError("unknown_idea", "no idea with id " + quoteUntrusted(targetId));
        if (sourceId == targetId) throw RuleError("bad_merge", "an idea cannot be merged into itself");
        if (source->eventId != target->eventId) throw RuleError("bad_merge", "ideas of different events cannot merge");
        if (source->status == IdeaStatus::Merged) {
            throw RuleError("bad_merge", "idea #" + std::to_string(source->number) + " is already merged");
        }
        if (target->status != IdeaStatus::Published && target->status != IdeaStatus::Pending) {
            throw RuleError("bad_merge", "idea #" + std::to_string(target->number) + " is " + toString(target->status) +
                                             "; merge into a published or pending idea");
        }
        SQLite::Statement update(m->db, "UPDATE ideas SET status = 'merged', merged_into = ? WHERE id = ?");
        update.bind(1, targetId);
        update.bind(2, sourceId);
        update.exec();
        logModeration(source->eventId, actor, "merge", sourceId,
                      json{{"status", toString(source->status)}, {"merged_into", nullptr}}.dump(),
                      json{{"status", "merged"}, {"merged_into", targetId}, {"merged_into_number", target->number}}.dump(),
                      reason);
    });
}

void Store::setPinned(const std::string& ideaId, bool pinned, const std::string& actor) {
    transaction([&] {
        auto i = idea(ideaId);
        if (!i) throw RuleError("unknown_idea", "no idea with id " + quoteUntrusted(ideaId));
        SQLite::Statement update(m->db, "UPDATE ideas SET pinned = ? WHERE id = ?");
        update.bind(1, pinned ? 1 : 0);
        update.bind(2, ideaId);
        update.exec();
        logModeration(i->eventId, actor, "pin", ideaId, json{{"pinned", i->pinned}}.dump(), json{{"pinned", pinned}}.dump());
    });
}

void Store::voidSession(const std::string& sessionId, const std::string& actor, const std::string& reason) {
    transaction([&] {
        auto s = session(sessionId);
        if (!s) throw RuleError("unknown_session", "no session with id " + quoteUntrusted(sessionId));
        // As taking an idea off the screens: the log must say why a session's votes stopped counting.
        if (reason.find_first_not_of(" \t") == std::string::npos) {
            throw RuleError("reason_required", "voiding a session needs a reason for the log");
        }
        SQLite::Statement update(m->db, "UPDATE sessions SET voided = 1 WHERE id = ?");
        update.bind(1, sessionId);
        update.exec();
        logModeration(s->eventId, actor, "void_session", sessionId, json{{"voided", s->end == SessionEnd::Voided}}.dump(),
                      json{{"voided", true}, {"votes", s->votesUsed}}.dump(), reason);
    });
}

std::vector<ModerationEntry> Store::moderationLog(const std::string& eventId) {
    std::vector<ModerationEntry> result;
    SQLite::Statement q(m->db, std::string("SELECT ") + kModerationColumns +
                                   " FROM moderation_log WHERE event_id = ? ORDER BY at, id");
    q.bind(1, eventId);
    while (q.executeStep()) result.push_back(readModerationEntry(q));
    return result;
}

namespace {

// Adds the words of one "flag" entry's after-JSON to `words`, each once; text from another kiosk that is not
// the expected JSON adds nothing.
void addFlaggedWords(const std::string& after, std::vector<std::string>& words) {
    const json parsed = json::parse(after, nullptr, false);
    if (!parsed.is_object() || !parsed.contains("words") || !parsed["words"].is_array()) return;
    for (const auto& word : parsed["words"]) {
        if (!word.is_string()) continue;
        const std::string text = word.get<std::string>();
        if (std::find(words.begin(), words.end(), text) == words.end()) words.push_back(text);
    }
}

}  // namespace

std::vector<std::string> Store::flaggedWords(const std::string& ideaId) {
    std::vector<std::string> words;
    SQLite::Statement q(m->db, "SELECT after FROM moderation_log WHERE target_id = ? AND action = 'flag' AND "
                               "actor = 'wordlist' ORDER BY at, id");
    q.bind(1, ideaId);
    while (q.executeStep()) addFlaggedWords(q.getColumn(0).getString(), words);
    return words;
}

std::map<std::string, std::vector<std::string>> Store::flaggedWordsOfEvent(const std::string& eventId) {
    std::map<std::string, std::vector<std::string>> result;
    SQLite::Statement q(m->db, "SELECT target_id, after FROM moderation_log WHERE event_id = ? AND action = 'flag' AND "
                               "actor = 'wordlist' ORDER BY at, id");
    q.bind(1, eventId);
    while (q.executeStep()) addFlaggedWords(q.getColumn(1).getString(), result[q.getColumn(0).getString()]);
    std::erase_if(result, [](const auto& idea) { return idea.second.empty(); });
    return result;
}

// [SECTION] Bulk records

namespace {

bool exists(Store& store, const char* table, const std::string& id) {
    auto q = store.prepared(std::string("SELECT 1 FROM ") + table + " WHERE id = ?");
    q->bind(1, id);
    return q->executeStep();
}

// Inserts one record (in the caller's transaction, or its own) unless a row has its id; true when it did.
template <class Bind>
bool insertNew(Store& store, const char* table, const std::string& id, const char* sql, Bind bind) {
    bool inserted = false;
    store.transaction([&] {
        if (!id.empty() && exists(store, table, id)) return;
        auto insert = store.prepared(sql);
        bind(*insert);
        insert->exec();
        inserted = true;
    });
    return inserted;
}

}  // namespace

Store::InsertResult Store::insertIdeaRecord(const Idea& input) {
    InsertResult result;
    transaction([&] {
        if (!input.id.empty() && exists(*this, "ideas", input.id)) {
            SQLite::Statement q(m->db, "SELECT number FROM ideas WHERE id = ?");
            q.bind(1, input.id);
            q.executeStep();
            result.number = q.getColumn(0).getInt();
            return;
        }
        if (!input.id.empty() && !isRecordId(input.id)) {
            throw RuleError("bad_id", "the id " + quoteUntrusted(input.id) + " is not a record id (at most 64 letters, digits, "
                                      "'-', '_', '.' or ':')");
        }
        auto e = event(input.eventId);
        if (!e) throw RuleError("unknown_event", "no event with id " + quoteUntrusted(input.eventId));
        NewIdea text = cleanedIdea({input.title, input.description, input.author, input.category, input.language});
        if (text.language.empty()) text.language = "de";
        if (!isKnownLanguage(text.language)) {
            throw RuleError("unknown_language",
                            "language must be one of " + knownLanguagesList() + ", not " + quoteUntrusted(text.language));
        }
        const auto& categories = e->settings.categories;
        if (!text.category.empty() && !categories.empty() &&
            std::none_of(categories.begin(), categories.end(), [&](const Category& c) { return c.key == text.category; })) {
            throw RuleError("unknown_category", "the event has no category " + quoteUntrusted(text.category));
        }
        int number = input.number;
        if (number > 0) {
            SQLite::Statement taken(m->db, "SELECT 1 FROM ideas WHERE event_id = ? AND number = ?");
            taken.bind(1, input.eventId);
            taken.bind(2, number);
            if (taken.executeStep()) {
                number = 0;
                result.renumbered = true;
            }
        }
        if (number <= 0) {
            SQLite::Statement next(m->db, "SELECT coalesce(max(number), 0) + 1 FROM ideas WHERE event_id = ?");
            next.bind(1, input.eventId);
            next.executeStep();
            // 64 bits: after an idea numbered INT_MAX (a hostile import or merge) getInt() would wrap around.
            const std::int64_t free = next.getColumn(0).getInt64();
            if (free > std::numeric_limits<int>::max()) {
                throw RuleError("numbers_exhausted", "the event has no idea numbers left");
            }
            number = static_cast<int>(free);
        }
        const std::string kiosk = input.kioskId.empty() ? m->kioskId : input.kioskId;
        std::int64_t seq = input.kioskSeq;
        if (seq <= 0) {
            SQLite::Statement next(m->db, "SELECT coalesce(max(kiosk_seq), 0) + 1 FROM ideas WHERE kiosk_id = ?");
            next.bind(1, kiosk);
            next.executeStep();
            seq = next.getColumn(0).getInt64();
        }
        SQLite::Statement insert(m->db,
            "INSERT INTO ideas(id, event_id, number, title, title_fold, description, author, category, language, "
            "status, merged_into, pinned, created_at, kiosk_id, kiosk_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?, ?)");
        insert.bind(1, input.id.empty() ? newId() : input.id);
        insert.bind(2, input.eventId);
        insert.bind(3, number);
        insert.bind(4, text.title);
        insert.bind(5, foldForCompare(text.title));
        insert.bind(6, text.description);
        insert.bind(7, text.author);
        insert.bind(8, text.category);
        insert.bind(9, text.language);
        insert.bind(10, toString(input.status));
        bindOrNull(insert, 11, input.mergedInto);
        insert.bind(12, input.pinned ? 1 : 0);
        insert.bind(13, input.createdAt > 0 ? input.createdAt : now());
        insert.bind(14, kiosk);
        insert.bind(15, seq);
        insert.exec();
        result.inserted = true;
        result.number = number;
    });
    return result;
}

bool Store::insertEventRecord(const Event& event) {
    static const std::string sql = "INSERT INTO events(id, " + kEventSettingsColumns +
                                   ", active, created_at, kiosk_id) VALUES (:id, " + kEventSettingsValues + ", 0, :at, :kiosk)";
    return insertNew(*this, "events", event.id, sql.c_str(),
        [&](SQLite::Statement& insert) {
            insert.bind(":id", event.id);
            bindEventSettings(insert, event.settings);
            insert.bind(":at", event.createdAt > 0 ? event.createdAt : now());
            insert.bind(":kiosk", m->kioskId);
        });
}

bool Store::insertSessionRecord(const Session& s) {
    return insertNew(*this, "sessions", s.id,
        "INSERT INTO sessions(id, event_id, kiosk_id, language, started_at, ended_at, end_reason, voided, source) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [&](SQLite::Statement& insert) {
            insert.bind(1, s.id.empty() ? newId() : s.id);
            insert.bind(2, s.eventId);
            insert.bind(3, s.kioskId.empty() ? m->kioskId : s.kioskId);
            insert.bind(4, s.language.empty() ? std::string("de") : s.language);
            insert.bind(5, s.startedAt > 0 ? s.startedAt : now());
            bindOrNull(insert, 6, s.endedAt);
            insert.bind(7, s.end == SessionEnd::Voided || s.end == SessionEnd::Open
                               ? std::string(s.endedAt ? "finished" : "open") : toString(s.end));
            insert.bind(8, s.end == SessionEnd::Voided ? 1 : 0);
            insert.bind(9, toString(s.source));
        });
}

bool Store::insertVoteRecord(const VoteEvent& v) {
    return insertNew(*this, "votes", v.id,
        "INSERT INTO votes(id, event_id, idea_id, session_id, kind, retracts, created_at, kiosk_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [&](SQLite::Statement& insert) {
            insert.bind(1, v.id.empty() ? newId() : v.id);
            insert.bind(2, v.eventId);
            insert.bind(3, v.ideaId);
            insert.bind(4, v.sessionId);
            insert.bind(5, toString(v.kind));
            bindOrNull(insert, 6, v.retracts);
            insert.bind(7, v.createdAt > 0 ? v.createdAt : now());
            insert.bind(8, v.kioskId.empty() ? m->kioskId : v.kioskId);
        });
}

bool Store::insertModerationRecord(const ModerationEntry& e) {
    return insertNew(*this, "moderation_log", e.id,
        "INSERT INTO moderation_log(id, event_id, at, actor, action, target_id, before, after, reason, kiosk_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [&](SQLite::Statement& insert) {
            insert.bind(1, e.id.empty() ? newId() : e.id);
            insert.bind(2, e.eventId);
            insert.bind(3, e.at > 0 ? e.at : now());
            insert.bind(4, e.actor);
            insert.bind(5, e.action);
            insert.bind(6, e.targetId);
            insert.bind(7, e.before.empty() ? std::string("{}") : e.before);
            insert.bind(8, e.after.empty() ? std::string("{}") : e.after);
            insert.bind(9, e.reason);
            insert.bind(10, e.kioskId.empty() ? m->kioskId : e.kioskId);
        });
}

// [SECTION] Health

void Store::checkWritable() {
    transaction([&] {
        SQLite::Statement put(m->db, "INSERT OR REPLACE INTO meta(key, value) VALUES ('write_checked_at', ?)");
        put.bind(1, std::to_string(now()));
        put.exec();
    });
}

namespace {

// What must hold of the stored rows (imports and merges bypass castVote and the moderation calls): a query that
// counts the rows breaking the rule, and what the report says of them.
struct StoredRule {
    const char* countBroken;
    const char* problem;
};
constexpr StoredRule kStoredRules[] = {
    {"SELECT count(*) FROM votes r WHERE r.kind = 'retract' AND NOT EXISTS (SELECT 1 FROM votes v WHERE "
     "v.id = r.retracts AND v.kind = 'vote' AND v.idea_id = r.idea_id AND v.session_id = r.session_id)",
     "retractions without their vote"},
    {"SELECT count(*) FROM (SELECT 1 FROM votes v WHERE v.kind = 'vote' AND NOT EXISTS (SELECT 1 FROM votes r "
     "WHERE r.retracts = v.id) GROUP BY v.session_id, v.idea_id HAVING count(*) > 1)",
     "ideas with two live votes of one session"},
    {"SELECT count(*) FROM (SELECT 1 FROM votes WHERE kind = 'retract' GROUP BY retracts HAVING count(*) > 1)",
     "votes retracted twice"},
    {"SELECT count(*) FROM votes v JOIN ideas i ON i.id = v.idea_id JOIN sessions s ON s.id = v.session_id "
     "WHERE v.event_id != i.event_id OR v.event_id != s.event_id",
     "votes whose idea or session is of another event"},
    {"SELECT count(*) FROM ideas WHERE (status = 'merged') != (merged_into IS NOT NULL)",
     "ideas with an inconsistent merge"},
    {"WITH kept AS (SELECT session_id, idea_id, live FROM live_votes), counted AS (SELECT v.session_id, v.idea_id, "
     "count(*) FROM votes v WHERE v.kind = 'vote' AND NOT EXISTS (SELECT 1 FROM votes r WHERE r.retracts = v.id) "
     "GROUP BY v.session_id, v.idea_id) "
     "SELECT (SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM counted)) + "
     "(SELECT count(*) FROM (SELECT * FROM counted EXCEPT SELECT * FROM kept))",
     "live vote counts (live_votes) that differ from the votes"},
};

}  // namespace

CheckReport Store::check() {
    CheckReport report;
    report.schemaVersion = m->db.execAndGet("PRAGMA user_version").getInt();
    report.facts.push_back("schema version " + std::to_string(report.schemaVersion));
    report.facts.push_back("journal_mode " + m->db.execAndGet("PRAGMA journal_mode").getString());
    report.facts.push_back("kiosk id " + m->kioskId);
    SQLite::Statement integrity(m->db, "PRAGMA integrity_check");
    while (integrity.executeStep()) {
        const std::string line = integrity.getColumn(0).getString();
        if (line != "ok") report.problems.push_back("integrity: " + line);
    }
    SQLite::Statement foreign(m->db, "PRAGMA foreign_key_check");
    while (foreign.executeStep()) {
        report.problems.push_back("foreign key: a row of " + foreign.getColumn(0).getString() + " points to a missing " +
                                  foreign.getColumn(2).getString());
    }
    for (const char* table : {"events", "ideas", "sessions", "votes", "moderation_log"}) {
        report.facts.push_back(std::string(table) + " " +
                               std::to_string(m->db.execAndGet(std::string("SELECT count(*) FROM ") + table).getInt64()));
    }
    for (const auto& rule : kStoredRules) {
        const auto broken = m->db.execAndGet(rule.countBroken).getInt64();
        if (broken > 0) report.problems.push_back(std::to_string(broken) + " " + rule.problem);
    }
    report.ok = report.problems.empty();
    return report;
}

}  // namespace storage
