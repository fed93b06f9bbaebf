// Simulated attendees for a rehearsal; every action goes through the Store's public rules.
#include "storage/rehearsal.h"

#include "storage/demo.h"
#include "storage/text.h"

#include <algorithm>

namespace storage {

namespace {
const char* const kSessionLanguages[] = {"de", "de", "de", "tr", "tr", "en"};
}

Rehearsal::Rehearsal(Store& store, std::string eventId, std::uint64_t seed)
    : m_store(store), m_eventId(std::move(eventId)), m_rng(seed) {
    IdeaQuery everything;
    everything.statuses = {IdeaStatus::Pending, IdeaStatus::Published, IdeaStatus::Hidden, IdeaStatus::Merged};
    m_nextIdea = static_cast<int>(m_store.ideas(m_eventId, everything).size());
}

std::string Rehearsal::step() {
    const auto event = m_store.event(m_eventId);
    if (!event) throw RuleError("unknown_event", "no event with id " + quoteUntrusted(m_eventId));
    const bool canSubmit = event->settings.submissionOpen;
    const bool canVote = event->settings.votingOpen;
    if (!canSubmit && !canVote) {
        throw RuleError("rehearsal_closed", "submission and voting are both closed; open one with "
                                            "`ideenkiosk event set voting_open true`");
    }
    if (m_session.empty()) {
        m_session = m_store.startSession(m_eventId, kSessionLanguages[m_rng() % std::size(kSessionLanguages)]);
        m_sessionVotesWanted = 1 + static_cast<int>(m_rng() % static_cast<unsigned>(event->settings.voteBudget));
        ++m_sessions;
    }
    // About one action in five is a new idea, the rest are votes, as at a real kiosk.
    if (canSubmit && (!canVote || m_rng() % 5 == 0)) return submit(*event);
    return vote(*event);
}

std::string Rehearsal::submit(const Event& event) {
    for (int attempt = 0; attempt < 50; ++attempt) {
        const NewIdea draft = demoIdea(event, m_nextIdea++);
        if (m_store.findExactDuplicate(m_eventId, draft.title)) continue;
        const Idea saved = m_store.submitIdea(m_eventId, draft, m_session);
        ++m_ideas;
        return "idea #" + std::to_string(saved.number) + " (" + toString(saved.status) + ") " + saved.title;
    }
    throw RuleError("rehearsal_no_text", "no new idea text left for the rehearsal");
}

std::string Rehearsal::vote(const Event& event) {
    const auto ideas = m_store.ideas(m_eventId);  // published ones
    const auto voted = m_store.votedIdeaIds(m_session);
    std::vector<const Idea*> open;
    for (const auto& idea : ideas) {
        if (std::find(voted.begin(), voted.end(), idea.id) == voted.end()) open.push_back(&idea);
    }
    if (open.empty() || m_store.votesLeft(m_session) == 0) {
        endSession();
        return event.settings.submissionOpen ? submit(event) : "session ended (nothing left to vote for)";
    }
    // Popularity is skewed toward the ideas already ahead, as in a room where the projector is watched.
    std::exponential_distribution<double> skew(4.0);
    const auto index = std::min(open.size() - 1, static_cast<std::size_t>(skew(m_rng) * static_cast<double>(open.size())));
    const Idea& chosen = *open[index];
    m_store.castVote(m_session, chosen.id);
    ++m_votes;
    const std::string line = "vote for idea #" + std::to_string(chosen.number);
    if (static_cast<int>(voted.size()) + 1 >= m_sessionVotesWanted) endSession();
    return line;
}

void Rehearsal::endSession() {
    if (m_session.empty()) return;
    m_store.endSession(m_session, m_rng() % 4 == 0 ? SessionEnd::IdleTimeout : SessionEnd::Finished);
    m_session.clear();
}

void Rehearsal::finish() { endSession(); }

}  // namespace storage
