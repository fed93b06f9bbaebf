// Store: ideas, derived vote counts, similar ideas and the voting rules.
#include "storage/store_impl.h"

#include "storage/text.h"
#include "storage/wordlist.h"

#include <algorithm>

namespace storage {

// [SECTION] Reading ideas and counting votes

int VoteCounts::of(const Idea& idea) const {
    const auto& map = idea.status == IdeaStatus::Merged ? own : tree;
    const auto it = map.find(idea.id);
    return it == map.end() ? 0 : it->second;
}

// A vote is live while no retraction points at it and its session is not voided. A session that voted
// for two ideas that were later merged counts once for the merged idea (count DISTINCT session).
// Finding the live votes is the cost (a million votes: a session and a retraction looked up for each), so one
// statement finds them once for both counts; and while no idea of the event is merged, every idea's tree is
// the idea alone, so the second count is the first.
VoteCounts countVotes(SQLite::Database& db, const std::string& eventId) {
    // live_votes has a row per session and idea with votes no retraction names (schema step 8): counting its rows
    // reads a row per supporter, where the votes themselves grow with every vote and take-back (the kiosk and the
    // projector count four times a second while a hundred phones vote).
    static const char* kLive =
        "live(idea_id, session_id) AS MATERIALIZED (SELECT l.idea_id, l.session_id FROM live_votes l JOIN ideas i ON "
        "i.id = l.idea_id JOIN sessions s ON s.id = l.session_id WHERE i.event_id = :event AND s.voided = 0) ";
    // A row of live_votes is one session and one idea, so an idea's own supporters are its rows.
    static const char* kOwn = "SELECT 0, idea_id, count(*) FROM live GROUP BY idea_id";
    SQLite::Statement anyMerged(db, "SELECT EXISTS (SELECT 1 FROM ideas WHERE event_id = ? AND status = 'merged')");
    anyMerged.bind(1, eventId);
    anyMerged.executeStep();
    const bool merges = anyMerged.getColumn(0).getInt() != 0;
    SQLite::Statement q(db, merges ? std::string("WITH RECURSIVE root(id, root_id) AS (SELECT id, id FROM ideas WHERE "
                                                 "event_id = :event AND status != 'merged' UNION ALL SELECT i.id, "
                                                 "r.root_id FROM ideas i JOIN root r ON i.merged_into = r.id WHERE "
                                                 "i.status = 'merged'), ") +
                                         kLive + kOwn + " UNION ALL SELECT 1, r.root_id, count(DISTINCT l.session_id) "
                                                        "FROM live l JOIN root r ON r.id = l.idea_id GROUP BY r.root_id"
                                   : std::string("WITH ") + kLive + kOwn);
    q.bind(":event", eventId);
    VoteCounts counts;
    while (q.executeStep()) {
        auto& map = merges && q.getColumn(0).getInt() == 0 ? counts.own : counts.tree;
        map.emplace(q.getColumn(1).getString(), q.getColumn(2).getInt());
    }
    return counts;
}

namespace {

// The idea's row without its derived count: the rules need its event and status, and counting an idea's votes
// costs a walk over all of them (a popular idea at a busy event has thousands).
std::optional<Idea> ideaRow(StatementCache& statements, const std::string& ideaId) {
    auto q = statements.get(std::string("SELECT ") + kIdeaColumns + " FROM ideas WHERE id = ?");
    q->bind(1, ideaId);
    if (!q->executeStep()) return std::nullopt;
    return readIdea(*q);
}

}  // namespace

std::optional<Idea> Store::idea(const std::string& ideaId) {
    auto result = ideaRow(m->statements, ideaId);
    if (result) result->votes = voteCount(ideaId);
    return result;
}

std::optional<Idea> Store::ideaByNumber(const std::string& eventId, int number) {
    SQLite::Statement q(m->db, "SELECT id FROM ideas WHERE event_id = ? AND number = ?");
    q.bind(1, eventId);
    q.bind(2, number);
    if (!q.executeStep()) return std::nullopt;
    return idea(q.getColumn(0).getString());
}

std::vector<Idea> Store::ideas(const std::string& eventId, const IdeaQuery& query) {
    std::vector<Idea> result;
    SQLite::Statement q(m->db, std::string("SELECT ") + kIdeaColumns + " FROM ideas WHERE event_id = ? AND "
                                                                       "(? = '' OR category = ?) ORDER BY number");
    q.bind(1, eventId);
    q.bind(2, query.category);
    q.bind(3, query.category);
    while (q.executeStep()) {
        Idea i = readIdea(q);
        if (std::find(query.statuses.begin(), query.statuses.end(), i.status) != query.statuses.end()) {
            result.push_back(std::move(i));
        }
    }
    const VoteCounts counts = countVotes(m->db, eventId);
    for (auto& i : result) i.votes = counts.of(i);
    if (query.ranking == Ranking::MostVotes) {
        std::stable_sort(result.begin(), result.end(), [](const Idea& a, const Idea& b) { return a.votes > b.votes; });
    } else if (query.ranking == Ranking::Newest) {
        std::stable_sort(result.begin(), result.end(), [](const Idea& a, const Idea& b) {
            return a.createdAt != b.createdAt ? a.createdAt > b.createdAt : a.number > b.number;
        });
    }
    return result;
}

int Store::voteCount(const std::string& ideaId) {
    SQLite::Statement q(m->db, "SELECT status FROM ideas WHERE id = ?");
    q.bind(1, ideaId);
    if (!q.executeStep()) throw RuleError("unknown_idea", "no idea with id " + quoteUntrusted(ideaId));
    // A merged idea shows its own votes; any other idea counts the whole tree merged into it.
    const bool merged = q.getColumn(0).getString() == "merged";
    SQLite::Statement count(m->db,
        "WITH RECURSIVE tree(id) AS (SELECT :idea UNION ALL SELECT i.id FROM ideas i JOIN tree t ON "
        "i.merged_into = t.id WHERE :merged = 0) "
        "SELECT count(DISTINCT l.session_id) FROM live_votes l JOIN sessions s ON s.id = l.session_id WHERE "
        "l.idea_id IN (SELECT id FROM tree) AND s.voided = 0");
    count.bind(":idea", ideaId);
    count.bind(":merged", merged ? 1 : 0);
    count.executeStep();
    return count.getColumn(0).getInt();
}

// [SECTION] Submitting and finding duplicates

NewIdea cleanedIdea(const NewIdea& input) {
    NewIdea idea = input;
    idea.title = cleanText(input.title, TextField::Title);
    checkLength(idea.title, TextField::Title);
    idea.description = cleanText(input.description, TextField::Description);
    checkLength(idea.description, TextField::Description);
    idea.author = cleanText(input.author, TextField::Author);
    checkLength(idea.author, TextField::Author);
    idea.category = cleanText(input.category, TextField::Other);
    checkLength(idea.category, TextField::Other);
    return idea;
}

namespace {

// The entries of the word list in any field of the cleaned idea, each once, in field order.
std::vector<std::string> listedWords(const WordList* list, const NewIdea& idea) {
    std::vector<std::string> words;
    if (!list) return words;
    for (const std::string* field : {&idea.title, &idea.description, &idea.author}) {
        for (auto& word : list->matches(*field)) {
            if (std::find(words.begin(), words.end(), word) == words.end()) words.push_back(std::move(word));
        }
    }
    return words;
}

}  // namespace

Idea Store::submitIdea(const std::string& eventId, const NewIdea& input, const std::string& sessionId) {
    Idea saved;
    const NewIdea clean = cleanedIdea(input);
    const std::vector<std::string> flagged = listedWords(m->options.wordList.get(), clean);
    transaction([&] {
        auto e = event(eventId);
        if (!e) throw RuleError("unknown_event", "no event with id " + quoteUntrusted(eventId));
        if (!e->settings.submissionOpen) throw RuleError("submission_closed", "submission of ideas is closed");
        if (!sessionId.empty()) {
            auto s = session(sessionId);
            if (!s) throw RuleError("unknown_session", "no session with id " + quoteUntrusted(sessionId));
            if (s->end != SessionEnd::Open) throw RuleError("session_ended", "the session has ended");
        }
        Idea record;
        record.eventId = eventId;
        record.title = clean.title;
        record.description = clean.description;
        record.author = clean.author;
        record.category = clean.category;
        record.language = clean.language;
        const bool preModerate = e->settings.moderation == ModerationMode::PreModerate;
        record.status = preModerate || !flagged.empty() ? IdeaStatus::Pending : IdeaStatus::Published;
        const InsertResult result = insertIdeaRecord(record);
        if (!sessionId.empty()) {
            SQLite::Statement link(m->db, "UPDATE ideas SET session_id = ? WHERE event_id = ? AND number = ?");
            link.bind(1, sessionId);
            link.bind(2, eventId);
            link.bind(3, result.number);
            link.exec();
        }
        saved = *ideaByNumber(eventId, result.number);
        if (!flagged.empty()) {
            logModeration(eventId, "wordlist", "flag", saved.id, "{}", nlohmann::json{{"words", flagged}}.dump());
        }
    });
    return saved;
}

std::optional<Idea> Store::findExactDuplicate(const std::string& eventId, const std::string& title) {
    const std::string fold = foldForCompare(title);
    if (fold.empty()) return std::nullopt;
    SQLite::Statement q(m->db, "SELECT id FROM ideas WHERE event_id = ? AND title_fold = ? AND status IN "
                               "('published', 'pending') ORDER BY number LIMIT 1");
    q.bind(1, eventId);
    q.bind(2, fold);
    if (!q.executeStep()) return std::nullopt;
    return idea(q.getColumn(0).getString());
}

std::vector<SimilarIdea> Store::similar(const std::string& eventId, const std::string& text, int k, double threshold) {
    const std::int64_t version = changeCounter();
    if (m->similarEventId != eventId || m->similarVersion != version) {
        m->similarIndex.clear();
        SQLite::Statement q(m->db, "SELECT id, title FROM ideas WHERE event_id = ? AND status = 'published'");
        q.bind(1, eventId);
        while (q.executeStep()) m->similarIndex.add(q.getColumn(0).getString(), q.getColumn(1).getString());
        m->similarEventId = eventId;
        m->similarVersion = version;
    }
    std::vector<SimilarIdea> result;
    if (k <= 0) return result;
    for (const auto& match : m->similarIndex.query(text, static_cast<std::size_t>(k), threshold)) {
        if (auto found = idea(match.key)) result.push_back({*found, match.score});
    }
    return result;
}

// [SECTION] Votes

namespace {

// Live votes of a session on an idea or on anything merged into it (directly or through a chain).
int liveVotesInTree(StatementCache& statements, const std::string& sessionId, const std::string& ideaId) {
    auto q = statements.get(
        "WITH RECURSIVE tree(id) AS (SELECT ?1 UNION ALL SELECT i.id FROM ideas i JOIN tree t ON i.merged_into = t.id) "
        "SELECT coalesce(sum(l.live), 0) FROM live_votes l WHERE l.session_id = ?2 AND l.idea_id IN tree");
    q->bind(1, ideaId);
    q->bind(2, sessionId);
    q->executeStep();
    return q->getColumn(0).getInt();
}

// What castVote needs of the event: a narrow read, as the whole event parses its categories' and languages' JSON.
struct VotingRules {
    bool open = false;
    int budget = 0;
};

VotingRules votingRules(StatementCache& statements, const std::string& eventId) {
    auto q = statements.get("SELECT voting_open, vote_budget FROM events WHERE id = ?");
    q->bind(1, eventId);
    if (!q->executeStep()) throw RuleError("unknown_event", "no event with id " + quoteUntrusted(eventId));
    return {q->getColumn(0).getInt() != 0, q->getColumn(1).getInt()};
}

}  // namespace

std::string Store::castVote(const std::string& sessionId, const std::string& ideaId) {
    std::string voteId;
    transaction([&] {
        auto s = session(sessionId);
        if (!s) throw RuleError("unknown_session", "no session with id " + quoteUntrusted(sessionId));
        if (s->end != SessionEnd::Open) throw RuleError("session_ended", "the session has ended");
        auto i = ideaRow(m->statements, ideaId);
        if (!i || i->eventId != s->eventId) throw RuleError("unknown_idea", "no idea with id " + quoteUntrusted(ideaId));
        const VotingRules rules = votingRules(m->statements, s->eventId);
        if (!rules.open) throw RuleError("voting_closed", "voting is closed");
        if (i->status != IdeaStatus::Published) {
            throw RuleError("idea_not_votable", "idea #" + std::to_string(i->number) + " is " + toString(i->status) +
                                                    " and cannot receive votes");
        }
        if (liveVotesInTree(m->statements, sessionId, ideaId) > 0) {
            throw RuleError("already_voted", "this session has already voted for idea #" + std::to_string(i->number));
        }
        if (s->votesUsed >= rules.budget) {
            throw RuleError("budget_exhausted", "all " + std::to_string(rules.budget) +
                                                    " votes of this session are used");
        }
        VoteEvent vote;
        vote.id = newId();
        vote.eventId = s->eventId;
        vote.ideaId = ideaId;
        vote.sessionId = sessionId;
        vote.createdAt = now();
        vote.kioskId = m->kioskId;
        insertVoteRecord(vote);
        voteId = vote.id;
    });
    return voteId;
}

void Store::retractVote(const std::string& sessionId, const std::string& ideaId) {
    transaction([&] {
        auto s = session(sessionId);
        if (!s) throw RuleError("unknown_session", "no session with id " + quoteUntrusted(sessionId));
        if (s->end != SessionEnd::Open) throw RuleError("session_ended", "the session has ended");
        auto q = m->statements.get(
            "SELECT v.id FROM votes v WHERE v.session_id = ? AND v.idea_id = ? AND v.kind = 'vote' AND NOT EXISTS "
            "(SELECT 1 FROM votes r WHERE r.retracts = v.id) ORDER BY v.created_at DESC LIMIT 1");
        q->bind(1, sessionId);
        q->bind(2, ideaId);
        if (!q->executeStep()) throw RuleError("no_vote", "this session has no vote on that idea to take back");
        VoteEvent retraction;
        retraction.id = newId();
        retraction.eventId = s->eventId;
        retraction.ideaId = ideaId;
        retraction.sessionId = sessionId;
        retraction.kind = VoteKind::Retract;
        retraction.retracts = q->getColumn(0).getString();
        retraction.createdAt = now();
        retraction.kioskId = m->kioskId;
        insertVoteRecord(retraction);
    });
}

std::vector<VoteEvent> Store::voteEvents(const std::string& eventId) {
    std::vector<VoteEvent> result;
    SQLite::Statement q(m->db, std::string("SELECT ") + kVoteColumns + " FROM votes v WHERE v.event_id = ? ORDER BY "
                                                                     "v.created_at, v.id");
    q.bind(1, eventId);
    while (q.executeStep()) result.push_back(readVote(q));
    return result;
}

}  // namespace storage
