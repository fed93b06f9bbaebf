// Effects of the kiosk: sessions, votes, similar ideas and saving, each one transaction in the store.
#include "kiosk/app/logic/kiosk_effects.h"

#include <spdlog/spdlog.h>

#include <type_traits>
#include <iterator>

namespace kiosk::app {

namespace {

core::IdeaCard cardOf(const storage::Idea& idea) {
    return {idea.id, idea.number, idea.title, idea.description, idea.category, idea.votes, idea.createdAt};
}

}  // namespace

std::vector<core::Event> performEffect(storage::Store& store, const std::string& eventId, const core::Effect& effect,
                                       std::uint64_t seed) {
    return std::visit(
        [&](const auto& e) -> std::vector<core::Event> {
            using T = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<T, core::fx::StartSession>) {
                const std::string id = store.startSession(eventId, e.language);
                spdlog::info("session {} started", id);
                return {core::ev::SessionStarted{id, store.votesLeft(id), seed}};
            } else if constexpr (std::is_same_v<T, core::fx::EndSession>) {
                store.endSession(e.sessionId, e.how);
                spdlog::info("session {} ended ({})", e.sessionId, storage::toString(e.how));
                return {};
            } else if constexpr (std::is_same_v<T, core::fx::CastVote>) {
                const std::string voteId = store.castVote(e.sessionId, e.ideaId);
                spdlog::info("confirmed vote {} for idea {} in session {}", voteId, e.ideaId, e.sessionId);
                return {core::ev::VoteSettled{e.ideaId, true, store.votesLeft(e.sessionId)}};
            } else if constexpr (std::is_same_v<T, core::fx::RetractVote>) {
                store.retractVote(e.sessionId, e.ideaId);
                spdlog::info("confirmed retraction for idea {} in session {}", e.ideaId, e.sessionId);
                return {core::ev::VoteSettled{e.ideaId, false, store.votesLeft(e.sessionId)}};
            } else if constexpr (std::is_same_v<T, core::fx::CheckStorage>) {
                store.checkWritable();
                return {core::ev::StorageBack{}};
            } else if constexpr (std::is_same_v<T, core::fx::FindSimilar>) {
                std::vector<core::IdeaCard> cards;
                if (auto same = store.findExactDuplicate(eventId, e.title); same && same->status == storage::IdeaStatus::Published) {
                    cards.push_back(cardOf(*same));
                }
                for (const auto& found : store.similar(eventId, e.title, 3)) {
                    if (cards.empty() || cards.front().id != found.idea.id) cards.push_back(cardOf(found.idea));
                }
                return {core::ev::SimilarFound{cards}};
            } else {
                static_assert(std::is_same_v<T, core::fx::SaveIdea>);
                const auto saved = store.submitIdea(eventId, e.idea, e.sessionId);
                spdlog::info("confirmed idea #{} {} in session {}", saved.number, saved.id, e.sessionId);
                return {core::ev::Saved{saved.number, saved.status == storage::IdeaStatus::Pending}};
            }
        },
        effect);
}

std::vector<core::Event> runEffect(storage::Store& store, const std::string& eventId, const core::Effect& effect,
                                   std::uint64_t seed) {
    try {
        return performEffect(store, eventId, effect, seed);
    } catch (const storage::RuleError& e) {
        spdlog::info("refused: {}", e.what());
        return {core::ev::ActionRefused{e.code()}};
    } catch (const std::exception& e) {
        // A full disk, a read-only or locked file: the trouble screen keeps the draft and retries.
        spdlog::error("storage failed: {}", e.what());
        return {core::ev::StorageFailed{}};
    }
}

std::vector<core::Event> runEffect(StoreKeeper& keeper, const core::Effect& effect, std::uint64_t seed) {
    storage::Store* store = keeper.get();
    if (!store) return {core::ev::StorageFailed{}};
    auto results = runEffect(*store, keeper.event().id, effect, seed);
    for (const auto& result : results) {
        if (std::holds_alternative<core::ev::StorageFailed>(result)) keeper.drop();
    }
    return results;
}

namespace {

double retryOf(const core::Effect& effect) {
    if (std::holds_alternative<core::fx::StartSession>(effect) || std::holds_alternative<core::fx::FindSimilar>(effect)) return 0;
    // Everything else as long as the busy timeout; then the connection is dropped (a file that turns read-only
    // meanwhile can be remounted) and the reducer's retry on the trouble screen posts a draft's save again.
    return kBusyTimeout;
}

}  // namespace

WriteJob effectJob(const core::Effect& effect, std::uint64_t seed, EffectAnswer deliver) {
    WriteJob job;
    static constexpr const char* kNames[] = {"start session", "end session", "vote", "retract vote", "find similar",
                                             "save idea", "check storage"};
    static_assert(std::size(kNames) == std::variant_size_v<core::Effect>);
    job.what = kNames[effect.index()];
    job.retrySeconds = retryOf(effect);
    job.run = [effect, seed, deliver](storage::Store& store, const storage::Event& event) -> Answer {
        auto events = performEffect(store, event.id, effect, seed);
        return [deliver, events = std::move(events)] { deliver(events, true); };
    };
    job.failed = [deliver](const WriteFailure& failure) -> Answer {
        if (failure.kind == WriteFailure::Kind::Refused) {
            return [deliver, code = failure.code] { deliver({core::ev::ActionRefused{code}}, true); };
        }
        // The trouble screen is up since the busy notice; the reducer's own retry takes it from here.
        if (failure.final && failure.toldBefore) return [deliver] { deliver({}, true); };
        return [deliver, settled = failure.final] { deliver({core::ev::StorageFailed{}}, settled); };
    };
    return job;
}

std::vector<core::IdeaCard> publishedCards(storage::Store& store, const std::string& eventId) {
    std::vector<core::IdeaCard> cards;
    for (const auto& idea : store.ideas(eventId)) cards.push_back(cardOf(idea));
    return cards;
}

}  // namespace kiosk::app
