// A rehearsal: simulated attendees who submit and vote through the same model calls a kiosk makes, so the
// projector and the kiosks can be tried before the doors open.
#pragma once

#include "storage/store.h"

#include <cstdint>
#include <random>
#include <string>

namespace storage {

class Rehearsal {
public:
    Rehearsal(Store& store, std::string eventId, std::uint64_t seed);

    /// One attendee action, committed before it returns: a submitted idea or a vote (starting or ending a
    /// session on the way as needed). Returns a line that says what was committed.
    /// Throws RuleError("rehearsal_closed") when submission and voting are both closed.
    std::string step();
    /// Ends the session in progress, as an attendee pressing "Fertig" would.
    void finish();

    int ideasAdded() const { return m_ideas; }
    int votesCast() const { return m_votes; }
    int sessionsStarted() const { return m_sessions; }

private:
    std::string submit(const Event& event);
    std::string vote(const Event& event);
    void endSession();

    Store& m_store;
    std::string m_eventId;
    std::mt19937_64 m_rng;
    std::string m_session;
    int m_sessionVotesWanted = 0;
    int m_nextIdea = 0;
    int m_ideas = 0;
    int m_votes = 0;
    int m_sessions = 0;
};

}  // namespace storage
