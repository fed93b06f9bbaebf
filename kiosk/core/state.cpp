// The reducer: every screen transition, the idle rules and the vote and submit flows.
#include "kiosk/core/state.h"

#include "kiosk/core/i18n.h"
#include "kiosk/core/text_edit.h"
#include "storage/text.h"
#include "storage/types.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <random>

namespace kiosk::core {

const char* screenName(Screen screen) {
    switch (screen) {
        case Screen::Attract: return "attract";
        case Screen::Start: return "start";
        case Screen::Browse: return "browse";
        case Screen::Detail: return "detail";
        case Screen::SubmitCategory: return "submit_category";
        case Screen::SubmitTitle: return "submit_title";
        case Screen::SubmitDescription: return "submit_description";
        case Screen::SubmitName: return "submit_name";
        case Screen::SubmitSimilar: return "submit_similar";
        case Screen::SubmitReview: return "submit_review";
        case Screen::Saving: return "saving";
        case Screen::Thanks: return "thanks";
        case Screen::Trouble: return "trouble";
    }
    return "attract";
}

KioskState freshState(const KioskState& previous, double now) {
    KioskState fresh;
    fresh.idleTimeout = previous.idleTimeout;
    fresh.idleCountdown = previous.idleCountdown;
    fresh.generation = previous.generation + 1;
    fresh.languages = previous.languages;
    fresh.eventLanguages = previous.eventLanguages;
    fresh.language = offeredLanguages(previous).front();
    fresh.keyboard.reset(layoutForLanguage(fresh.language));
    fresh.lastInputAt = now;
    return fresh;
}

double idleTimeoutFor(const KioskState& state) { return state.moreTime ? state.idleTimeout * 2 : state.idleTimeout; }

LanguageOffer offerFor(const std::vector<std::string>& kioskChoice, const std::vector<std::string>& eventLanguages) {
    LanguageOffer offer;
    const std::vector<std::string>& event = eventLanguages.empty() ? kioskLanguages() : eventLanguages;
    const auto contains = [](const std::vector<std::string>& list, const std::string& code) {
        return std::find(list.begin(), list.end(), code) != list.end();
    };
    for (const auto& code : event) {
        if (kioskChoice.empty() || contains(kioskChoice, code)) offer.offered.push_back(code);
    }
    for (const auto& code : kioskChoice) {
        if (!contains(event, code)) offer.notOffered.push_back(code);
    }
    if (offer.offered.empty()) offer.offered = event;
    return offer;
}

std::vector<std::string> offeredLanguages(const KioskState& state) {
    return offerFor(state.languages, state.eventLanguages).offered;
}

bool savePending(const KioskState& state) {
    // A draft reaches the saving screen only with a title (next() checks it), so an empty title means none.
    return state.screen == Screen::Saving || (state.screen == Screen::Trouble && !state.draft.title.empty());
}

int thanksSecondsLeft(const KioskState& state, double now) {
    if (state.screen != Screen::Thanks) return 0;
    return std::max(0, static_cast<int>(std::ceil(state.thanksUntil - now)));
}

std::string* activeField(KioskState& state) {
    switch (state.screen) {
        case Screen::SubmitTitle: return &state.draft.title;
        case Screen::SubmitDescription: return &state.draft.description;
        case Screen::SubmitName: return &state.draft.author;
        default: return nullptr;
    }
}

std::size_t activeFieldLimit(Screen screen) {
    switch (screen) {
        case Screen::SubmitTitle: return storage::kTitleMax;
        case Screen::SubmitDescription: return storage::kDescriptionMax;
        case Screen::SubmitName: return storage::kAuthorMax;
        default: return 0;
    }
}

void orderIdeas(std::vector<IdeaCard>& cards, BrowseOrder order, std::uint64_t seed) {
    switch (order) {
        case BrowseOrder::Random: {
            // Sort by number first so the shuffle depends only on the seed, not on how the cards came in.
            std::sort(cards.begin(), cards.end(), [](const IdeaCard& a, const IdeaCard& b) { return a.number < b.number; });
            std::mt19937_64 rng(seed);
            std::shuffle(cards.begin(), cards.end(), rng);
            break;
        }
        case BrowseOrder::Newest:
            std::sort(cards.begin(), cards.end(), [](const IdeaCard& a, const IdeaCard& b) {
                return a.createdAt != b.createdAt ? a.createdAt > b.createdAt : a.number > b.number;
            });
            break;
        case BrowseOrder::Popular:
            std::sort(cards.begin(), cards.end(), [](const IdeaCard& a, const IdeaCard& b) {
                return a.votes != b.votes ? a.votes > b.votes : a.number < b.number;
            });
            break;
    }
}

namespace {

constexpr double kDoubleTapSeconds = 0.6;
constexpr double kRetrySeconds = 5.0;  ///< how often the trouble screen tries the database again

// [SECTION] Helpers for one step

struct Reducer {
    KioskState s;
    double now;
    std::vector<Effect> effects;

    void endSession(storage::SessionEnd how) {
        if (!s.sessionId.empty()) effects.push_back(fx::EndSession{s.sessionId, how});
        s = freshState(s, now);
    }

    void go(Screen screen) {
        s.screen = screen;
        s.messageKey.clear();
        s.inputFull = false;
    }

    void edit(const std::function<void(std::string&, std::size_t, bool)>& change) {
        std::string* field = activeField(s);
        if (!field) return;
        change(*field, activeFieldLimit(s.screen), s.screen == Screen::SubmitDescription);
    }

    void type(const std::string& text) {
        edit([&](std::string& field, std::size_t limit, bool multiline) {
            s.inputFull = appendText(field, text, limit, multiline).truncated;
        });
        s.messageKey.clear();
    }

    void next() {
        switch (s.screen) {
            case Screen::SubmitTitle: {
                std::string cleaned;
                try {
                    cleaned = storage::cleanText(s.draft.title, storage::TextField::Title);
                } catch (const storage::RuleError&) {
                }
                if (!storage::hasVisibleText(cleaned)) {  // empty, or only joiners and marks
                    s.messageKey = "errors.title_empty";
                    return;
                }
                effects.push_back(fx::FindSimilar{s.draft.title});
                go(Screen::SubmitDescription);
                break;
            }
            case Screen::SubmitDescription: go(Screen::SubmitName); break;
            case Screen::SubmitName: go(s.similar.empty() ? Screen::SubmitReview : Screen::SubmitSimilar); break;
            case Screen::SubmitSimilar: go(Screen::SubmitReview); break;
            default: break;
        }
    }

    void back() {
        switch (s.screen) {
            case Screen::Browse:
            case Screen::SubmitCategory: go(Screen::Start); break;
            case Screen::Detail: go(Screen::Browse); break;
            case Screen::SubmitTitle: go(Screen::SubmitCategory); break;
            case Screen::SubmitDescription: go(Screen::SubmitTitle); break;
            case Screen::SubmitName: go(Screen::SubmitDescription); break;
            case Screen::SubmitSimilar: go(Screen::SubmitName); break;
            case Screen::SubmitReview: go(s.similar.empty() ? Screen::SubmitName : Screen::SubmitSimilar); break;
            case Screen::Thanks: go(Screen::Start); break;
            default: break;
        }
    }

    void vote(const std::string& ideaId, bool add) {
        if (s.sessionId.empty() || !s.voteInFlight.empty()) return;  // a double tap never votes twice
        if (ideaId == s.lastSettledIdea && now - s.lastSettledAt < kDoubleTapSeconds) return;
        if (add == (s.voted.count(ideaId) > 0)) return;
        if (add && s.votesLeft <= 0) {
            s.messageKey = "errors.budget_exhausted";
            return;
        }
        s.voteInFlight = ideaId;
        if (add) {
            effects.push_back(fx::CastVote{s.sessionId, ideaId});
        } else {
            effects.push_back(fx::RetractVote{s.sessionId, ideaId});
        }
    }

    void retry() {
        if (savePending(s)) {
            // The attempt runs behind the trouble screen: with the writer on its own thread a save under a
            // held lock takes seconds, and flipping to "saving" and back each time would read as progress.
            pushSave();
        } else {
            effects.push_back(fx::CheckStorage{});
        }
    }

    // The database is out of reach and no draft waits: a fresh kiosk behind the trouble screen until it is
    // back. The session cannot be ended in a database that cannot be written; it stays open there.
    void outOfOrder() {
        s = freshState(s, now);
        go(Screen::Trouble);
        s.nextRetryAt = now + kRetrySeconds;
    }

    void save() {
        pushSave();
        go(Screen::Saving);
        s.savingSince = now;
    }

    void pushSave() {
        storage::NewIdea idea;
        idea.title = s.draft.title;
        idea.description = s.draft.description;
        idea.author = s.draft.author;
        idea.category = s.draft.category;
        idea.language = storedLanguage(s.language);
        effects.push_back(fx::SaveIdea{s.sessionId, idea});
    }

    void tick() {
        if (s.screen == Screen::Thanks && now >= s.thanksUntil) go(Screen::Start);
        if (s.screen == Screen::Trouble) {
            // The draft waits here for the database to come back; nobody else's text is on screen.
            if (now >= s.nextRetryAt) {
                s.nextRetryAt = now + kRetrySeconds;
                retry();
            }
            return;
        }
        if (s.screen == Screen::Attract || s.screen == Screen::Saving) return;
        const double idle = now - s.lastInputAt;
        if (idle >= idleTimeoutFor(s) + s.idleCountdown) {
            endSession(storage::SessionEnd::IdleTimeout);
        } else if (idle >= idleTimeoutFor(s)) {
            s.idleWarning = true;
        }
    }

    // [SECTION] The events

    void operator()(const ev::Tick&) { tick(); }
    void operator()(const ev::Touched&) {
        s.lastInputAt = now;
        s.idleWarning = false;
    }
    void operator()(const ev::Begin&) {
        if (s.screen != Screen::Attract) return;
        s = freshState(s, now);
        go(Screen::Start);
        effects.push_back(fx::StartSession{storedLanguage(s.language)});
    }
    void operator()(const ev::SessionStarted& e) {
        s.sessionId = e.id;
        s.votesLeft = e.votesLeft;
        s.shuffleSeed = e.seed;
    }
    void operator()(const ev::ChooseSubmit&) { go(Screen::SubmitCategory); }
    void operator()(const ev::ChooseBrowse&) { go(Screen::Browse); }
    void operator()(const ev::SetLanguage& e) {
        const auto& offered = offeredLanguages(s);
        if (std::find(offered.begin(), offered.end(), e.language) == offered.end()) return;
        s.language = e.language;
        s.keyboard.reset(layoutForLanguage(e.language));
        s.languagePicker = false;
    }
    void operator()(const ev::ShowLanguages& e) { s.languagePicker = e.open; }
    // A session keeps its language to its end; the next one starts in the first the event offers now.
    void operator()(const ev::EventLanguages& e) {
        s.eventLanguages = e.languages;
        const auto offered = offeredLanguages(s);
        if (s.screen != Screen::Attract || s.language == offered.front()) return;
        s.language = offered.front();
        s.keyboard.reset(layoutForLanguage(s.language));
    }
    void operator()(const ev::Finish&) { endSession(storage::SessionEnd::Finished); }
    void operator()(const ev::MoreTime&) {
        s.moreTime = true;
        s.idleWarning = false;
        s.lastInputAt = now;
    }
    void operator()(const ev::SetLargeText& e) { s.largeText = e.on; }
    void operator()(const ev::SetHighContrast& e) { s.highContrast = e.on; }
    void operator()(const ev::StillHere&) {
        s.idleWarning = false;
        s.lastInputAt = now;
    }
    void operator()(const ev::Back&) { back(); }
    void operator()(const ev::SetOrder& e) { s.order = e.order; }
    void operator()(const ev::SetCategoryFilter& e) { s.categoryFilter = e.category; }
    void operator()(const ev::OpenDetail& e) {
        s.detailIdeaId = e.ideaId;
        go(Screen::Detail);
    }
    void operator()(const ev::Vote& e) { vote(e.ideaId, true); }
    void operator()(const ev::Undo& e) { vote(e.ideaId, false); }
    void operator()(const ev::VoteSettled& e) {
        if (e.voted) {
            s.voted.insert(e.ideaId);
        } else {
            s.voted.erase(e.ideaId);
        }
        s.votesLeft = e.votesLeft;
        s.voteInFlight.clear();
        s.lastSettledIdea = e.ideaId;
        s.lastSettledAt = now;
    }
    void operator()(const ev::ActionRefused& e) {
        s.voteInFlight.clear();
        // A refused save (e.g. submission just closed) goes back to the review with the reason shown.
        if (s.screen == Screen::Saving || s.screen == Screen::Trouble) go(Screen::SubmitReview);
        s.messageKey = "errors." + e.code;
    }
    void operator()(const ev::StorageFailed&) {
        s.voteInFlight.clear();
        if (savePending(s)) {
            s.screen = Screen::Trouble;
            s.nextRetryAt = now + kRetrySeconds;
        } else if (s.sessionId.empty() || s.screen == Screen::Trouble) {
            // No session could be started (or the database is still out of reach): nothing would work.
            outOfOrder();
        } else {
            s.messageKey = "errors.unknown";
        }
    }
    void operator()(const ev::StorageBack&) {
        if (s.screen == Screen::Trouble && !savePending(s)) s = freshState(s, now);
    }
    void operator()(const ev::PickCategory& e) {
        s.draft.category = e.key;
        go(Screen::SubmitTitle);
    }
    void operator()(const ev::KeyPressed& e) {
        const KeyAction action = s.keyboard.press(e.key);
        switch (action.kind) {
            case KeyAction::Kind::Insert: type(action.text); break;
            case KeyAction::Kind::Backspace: edit([](std::string& f, std::size_t, bool) { removeLastCharacter(f); }); break;
            case KeyAction::Kind::Enter:
                if (s.screen == Screen::SubmitDescription) {
                    type("\n");
                } else {
                    next();
                }
                break;
            case KeyAction::Kind::None: break;
        }
    }
    void operator()(const ev::TypeText& e) { type(e.text); }
    void operator()(const ev::Backspace&) {
        edit([](std::string& f, std::size_t, bool) { removeLastCharacter(f); });
        s.inputFull = false;
    }
    void operator()(const ev::Next&) { next(); }
    void operator()(const ev::SimilarFound& e) { s.similar = e.ideas; }
    void operator()(const ev::Send&) {
        if (s.screen == Screen::SubmitReview) save();
    }
    void operator()(const ev::Saved& e) {
        s.draft = Draft{};
        s.similar.clear();
        s.savedNumber = e.number;
        s.savedPending = e.pending;
        s.thanksUntil = now + kThanksSeconds;
        go(Screen::Thanks);
    }
    void operator()(const ev::Retry&) {
        if (s.screen == Screen::Trouble) retry();
    }
};

bool isInput(const Event& event) {
    return !std::holds_alternative<ev::Tick>(event) && !std::holds_alternative<ev::SessionStarted>(event) &&
           !std::holds_alternative<ev::VoteSettled>(event) && !std::holds_alternative<ev::ActionRefused>(event) &&
           !std::holds_alternative<ev::StorageFailed>(event) && !std::holds_alternative<ev::SimilarFound>(event) &&
           !std::holds_alternative<ev::Saved>(event) && !std::holds_alternative<ev::StorageBack>(event) &&
           !std::holds_alternative<ev::EventLanguages>(event);
}

}  // namespace

Step reduce(KioskState state, const Event& event, double now) {
    Reducer reducer{std::move(state), now, {}};
    // While "Sind Sie noch da?" is up, a touch only answers it: nothing behind the overlay fires ("Mehr Zeit" and
    // "Fertig" are answers of their own).
    if (reducer.s.idleWarning && isInput(event) && !std::holds_alternative<ev::Finish>(event) &&
        !std::holds_alternative<ev::MoreTime>(event)) {
        reducer(ev::StillHere{});
        return {std::move(reducer.s), {}};
    }
    if (isInput(event)) reducer(ev::Touched{});
    const Screen screenBefore = reducer.s.screen;
    const std::string* fieldBefore = activeField(reducer.s);
    const std::string textBefore = fieldBefore ? *fieldBefore : std::string();
    std::visit(reducer, event);
    // The first letter of a field (and of a sentence in the description) comes as a capital: the keyboard shows
    // capitals until a letter is typed. Only when the text or the screen changed, so a shift the attendee tapped
    // away stays away.
    if (const std::string* field = activeField(reducer.s)) {
        if (reducer.s.screen != screenBefore || *field != textBefore || std::holds_alternative<ev::SetLanguage>(event)) {
            reducer.s.keyboard.autoCapitalise(wantsCapital(*field, reducer.s.screen == Screen::SubmitDescription));
        }
    }
    return {std::move(reducer.s), std::move(reducer.effects)};
}

}  // namespace kiosk::core
