// Small reads about phones that the Store's own interface does not need: which ideas came from phones (for the
// moderators), and the phone server's per-request reads kept cheap (no event settings parsed, no idea's votes
// counted): a vote is one of a hundred phones' requests a second.
#pragma once

#include "storage/store.h"

#include <optional>
#include <set>
#include <string>

namespace storage {

/// The ids of the event's ideas submitted in a phone's session (Session::source == Phone), in one query. Ideas
/// without a session (imports, the command line) and those of kiosk sessions are not in it.
std::set<std::string> ideasFromPhones(Store& store, const std::string& eventId);

/// The id of the event's idea #number, if there is one: one indexed lookup, where Store::ideaByNumber also reads
/// the idea and counts its votes.
std::optional<std::string> ideaIdByNumber(Store& store, const std::string& eventId, int number);

/// The session of the phone whose token hashes to `tokenHash`, if that session belongs to the active event (with
/// votesUsed, as Store::session). One indexed query, where Store::sessionByTokenHash and Store::activeEvent also
/// read and parse the active event's settings.
std::optional<Session> activePhoneSession(Store& store, const std::string& tokenHash);

}  // namespace storage
