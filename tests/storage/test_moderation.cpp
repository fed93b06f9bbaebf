// The moderators' verbs and their preconditions (shared by the command line and the panel).
#include "fixtures.h"
#include "storage/moderation.h"

#include <doctest/doctest.h>

using namespace storage;
using fixtures::codeOf;

TEST_SUITE("moderation") {
    TEST_CASE("each verb checks the idea's status and logs with the reason") {
        fixtures::ManualClock clock;
        Store store(":memory:", fixtures::options(clock));
        auto settings = fixtures::conference();
        settings.moderation = ModerationMode::PreModerate;
        const auto event = store.createEvent(settings);
        const auto pending = store.submitIdea(event, fixtures::idea("Sprachcafé")).id;
        const auto status = [&] { return store.idea(pending)->status; };

        CHECK(codeOf([&] { moderateIdea(store, pending, ModerationVerb::Unhide, "panel", ""); }) == "not_hidden");
        CHECK(codeOf([&] { moderateIdea(store, pending, ModerationVerb::Reject, "panel", "  "); }) == "reason_required");
        CHECK(codeOf([&] { moderateIdea(store, "nope", ModerationVerb::Approve, "panel", ""); }) == "unknown_idea");
        CHECK((status() == IdeaStatus::Pending));
        SUBCASE("approve, then hide with a reason, then unhide") {
            moderateIdea(store, pending, ModerationVerb::Approve, "panel", "");
            CHECK((status() == IdeaStatus::Published));
            CHECK(codeOf([&] { moderateIdea(store, pending, ModerationVerb::Approve, "panel", ""); }) == "not_pending");
            CHECK(codeOf([&] { moderateIdea(store, pending, ModerationVerb::Hide, "panel", ""); }) == "reason_required");
            moderateIdea(store, pending, ModerationVerb::Hide, "panel", "Beleidigend");
            CHECK((status() == IdeaStatus::Hidden));
            CHECK(store.moderationLog(event).back().reason == "Beleidigend");
            moderateIdea(store, pending, ModerationVerb::Unhide, "panel", "");
            CHECK((status() == IdeaStatus::Published));
        }
        SUBCASE("reject keeps the idea, hidden, with the reason in the log") {
            moderateIdea(store, pending, ModerationVerb::Reject, "panel", "Werbung");
            CHECK((status() == IdeaStatus::Hidden));
            const auto entry = store.moderationLog(event).back();
            CHECK(entry.actor == "panel");
            CHECK(entry.reason == "Werbung");
            CHECK(entry.before.find("pending") != std::string::npos);
        }
    }

    TEST_CASE("the panel offers only verbs the model accepts, and each status has its verbs") {
        const IdeaStatus all[] = {IdeaStatus::Pending, IdeaStatus::Published, IdeaStatus::Hidden, IdeaStatus::Merged};
        for (const IdeaStatus status : all) {
            CAPTURE(toString(status));
            for (const ModerationVerb verb : offeredVerbs(status)) CHECK(verbAccepted(verb, status));
        }
        CHECK(offeredVerbs(IdeaStatus::Pending) == std::vector{ModerationVerb::Approve, ModerationVerb::Reject});
        CHECK(offeredVerbs(IdeaStatus::Published) == std::vector{ModerationVerb::Hide});
        CHECK(offeredVerbs(IdeaStatus::Hidden) == std::vector{ModerationVerb::Unhide});
        CHECK(offeredVerbs(IdeaStatus::Merged).empty());
        CHECK(verbAccepted(ModerationVerb::Hide, IdeaStatus::Pending));
        CHECK_FALSE(verbAccepted(ModerationVerb::Hide, IdeaStatus::Merged));
        CHECK_FALSE(verbAccepted(ModerationVerb::Approve, IdeaStatus::Hidden));
        CHECK_FALSE(verbAccepted(ModerationVerb::Unhide, IdeaStatus::Published));
    }
}
