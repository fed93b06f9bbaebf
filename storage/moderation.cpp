// Preconditions of the moderators' verbs (see moderation.h).
#include "storage/moderation.h"

#include "storage/text.h"

namespace storage {

namespace {

[[noreturn]] void refuseStatus(const Idea& idea, IdeaStatus wanted, const char* code) {
    throw RuleError(code, "idea #" + std::to_string(idea.number) + " is " + toString(idea.status) + ", not " +
                              toString(wanted));
}

}  // namespace

bool verbAccepted(ModerationVerb verb, IdeaStatus status) {
    switch (verb) {
        case ModerationVerb::Approve:
        case ModerationVerb::Reject: return status == IdeaStatus::Pending;
        case ModerationVerb::Unhide: return status == IdeaStatus::Hidden;
        case ModerationVerb::Hide: return status != IdeaStatus::Merged;
    }
    return false;
}

std::vector<ModerationVerb> offeredVerbs(IdeaStatus status) {
    switch (status) {
        case IdeaStatus::Pending: return {ModerationVerb::Approve, ModerationVerb::Reject};
        case IdeaStatus::Published: return {ModerationVerb::Hide};
        case IdeaStatus::Hidden: return {ModerationVerb::Unhide};
        case IdeaStatus::Merged: break;
    }
    return {};
}

void moderateIdea(Store& store, const std::string& ideaId, ModerationVerb verb, const std::string& actor,
                  const std::string& reason) {
    const auto idea = store.idea(ideaId);
    if (!idea) throw RuleError("unknown_idea", "no idea with id " + quoteUntrusted(ideaId));
    const bool offScreen = verb == ModerationVerb::Reject || verb == ModerationVerb::Hide;
    if (offScreen && reason.find_first_not_of(" \t") == std::string::npos) {
        throw RuleError("reason_required", "taking idea #" + std::to_string(idea->number) +
                                               " off the screens needs a reason for the log");
    }
    if (!verbAccepted(verb, idea->status)) {
        switch (verb) {
            case ModerationVerb::Approve:
            case ModerationVerb::Reject: refuseStatus(*idea, IdeaStatus::Pending, "not_pending");
            case ModerationVerb::Unhide: refuseStatus(*idea, IdeaStatus::Hidden, "not_hidden");
            case ModerationVerb::Hide: break;  // a merged idea: Store::setIdeaStatus refuses it ("idea_merged")
        }
    }
    const bool publish = verb == ModerationVerb::Approve || verb == ModerationVerb::Unhide;
    store.setIdeaStatus(ideaId, publish ? IdeaStatus::Published : IdeaStatus::Hidden, actor, reason);
}

}  // namespace storage
