// Preconditions of the moderators' verbs (see moderation.h).
#include "storage/moderation.h"

#include "storage/text.h"

namespace storage {

namespace {

void requireStatus(const Idea& idea, IdeaStatus wanted, const char* code) {
    if (idea.status == wanted) return;
    throw RuleError(code, "idea #" + std::to_string(idea.number) + " is " + toString(idea.status) + ", not " +
                              toString(wanted));
}

}  // namespace

void moderateIdea(Store& store, const std::string& ideaId, ModerationVerb verb, const std::string& actor,
                  const std::string& reason) {
    const auto idea = store.idea(ideaId);
    if (!idea) throw RuleError("unknown_idea", "no idea with id " + quoteUntrusted(ideaId));
    const bool offScreen = verb == ModerationVerb::Reject || verb == ModerationVerb::Hide;
    if (offScreen && reason.find_first_not_of(" \t") == std::string::npos) {
        throw RuleError("reason_required", "taking idea #" + std::to_string(idea->number) +
                                               " off the screens needs a reason for the log");
    }
    switch (verb) {
        case ModerationVerb::Approve: requireStatus(*idea, IdeaStatus::Pending, "not_pending"); break;
        case ModerationVerb::Reject: requireStatus(*idea, IdeaStatus::Pending, "not_pending"); break;
        case ModerationVerb::Unhide: requireStatus(*idea, IdeaStatus::Hidden, "not_hidden"); break;
        case ModerationVerb::Hide: break;
    }
    const bool publish = verb == ModerationVerb::Approve || verb == ModerationVerb::Unhide;
    store.setIdeaStatus(ideaId, publish ? IdeaStatus::Published : IdeaStatus::Hidden, actor, reason);
}

}  // namespace storage
