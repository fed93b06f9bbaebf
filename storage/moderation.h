// The moderators' verbs on an idea, with the preconditions that make them mean something: only a pending
// idea can be approved or rejected, only a hidden one unhidden, and what takes an idea off the screens says why.
// The command line and the panel both go through here, so they refuse the same things with the same words.
#pragma once

#include "storage/store.h"

#include <string>

namespace storage {

enum class ModerationVerb { Approve, Reject, Hide, Unhide };

/// Applies the verb through Store::setIdeaStatus (one transaction, logged with before and after).
/// Throws RuleError: "unknown_idea", "not_pending", "not_hidden", "reason_required".
void moderateIdea(Store& store, const std::string& ideaId, ModerationVerb verb, const std::string& actor,
                  const std::string& reason);

}  // namespace storage
