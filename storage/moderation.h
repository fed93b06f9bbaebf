// The moderators' verbs on an idea, with the preconditions that make them mean something: only a pending
// idea can be approved or rejected, only a hidden one unhidden, and what takes an idea off the screens says why.
// The command line and the panel both go through here, so they refuse the same things with the same words.
#pragma once

#include "storage/store.h"

#include <string>
#include <vector>

namespace storage {

/// What a moderator can do to an idea's status (pinning and merging are separate Store calls).
enum class ModerationVerb { Approve, Reject, Hide, Unhide };

/// Whether moderateIdea accepts the verb for an idea in this status (the reason aside): approve and reject only a
/// pending idea, unhide only a hidden one, hide anything not merged. The one definition of these preconditions.
bool verbAccepted(ModerationVerb verb, IdeaStatus status);

/// The verbs the panel offers for an idea in this status, in the order it shows them; each is verbAccepted. Hiding
/// a pending or a hidden idea is accepted but not offered: rejecting says it better, and hiding twice does nothing.
std::vector<ModerationVerb> offeredVerbs(IdeaStatus status);

/// Applies the verb through Store::setIdeaStatus (one transaction, logged with before and after).
/// Throws RuleError: "unknown_idea", "not_pending", "not_hidden", "reason_required".
void moderateIdea(Store& store, const std::string& ideaId, ModerationVerb verb, const std::string& actor,
                  const std::string& reason);

}  // namespace storage
