// Moderation from a moderator's laptop (`idea approve|reject|hide|unhide|edit|merge|pin|unpin`,
// `session void`) and `rehearse`, which plays attendees before the doors open.
// Every change goes through the model, which writes the moderation log with before and after.
#include "kiosk/app/cli.h"

#include "storage/moderation.h"
#include "storage/rehearsal.h"
#include "storage/text.h"

#include <spdlog/spdlog.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <thread>

namespace kiosk::app {

namespace {

// CLI::PositiveNumber would answer "CON" with a 300-digit range; this says what an idea number looks like.
const CLI::Validator kIdeaNumber(
    [](std::string& text) -> std::string {
        const bool digits = !text.empty() && text.size() <= 9 && text.find_first_not_of("0123456789") == std::string::npos;
        if (digits && std::stoi(text) > 0) return {};
        return "an idea number such as 12 is expected, not " + storage::quoteUntrusted(text);
    },
    "NUMBER");

/// Who did it, for the log: the command line and the operating-system user.
std::string cliActor() {
    const char* user = std::getenv("USER");
    return std::string("cli:") + (user && *user ? user : "unknown");
}

storage::Idea requireIdea(storage::Store& store, const std::string& eventId, int number) {
    auto idea = store.ideaByNumber(eventId, number);
    if (!idea) throw storage::RuleError("unknown_idea", "the event has no idea #" + std::to_string(number));
    return *idea;
}

struct IdeaAction {
    int number = 0;
    std::string reason;
};

using Apply = std::function<void(storage::Store&, const storage::Idea&, const std::string& reason)>;

/// `idea VERB NUMBER [--reason TEXT]`: one moderation action on one idea, reported in one line.
void addIdeaAction(CLI::App& idea, CliContext& context, const char* verb, const char* help, bool reasonRequired,
                   Apply apply) {
    auto* cmd = idea.add_subcommand(verb, help);
    auto args = std::make_shared<IdeaAction>();
    cmd->add_option("NUMBER", args->number, "The idea's number (#12 is 12)")->required()->check(kIdeaNumber);
    auto* reason = cmd->add_option("--reason", args->reason, "Why (goes into the moderation log)");
    if (reasonRequired) reason->required();
    cmd->callback([&context, args, apply, verb] {
        auto store = context.openStore();
        const auto eventId = context.resolveEvent(*store);
        const auto before = requireIdea(*store, eventId, args->number);
        apply(*store, before, args->reason);
        const auto after = store->idea(before.id);
        std::cout << '#' << after->number << ' ' << verb << ": " << storage::toString(after->status)
                  << (after->pinned ? ", pinned" : "") << '\n';
    });
}

void addStatusActions(CLI::App& idea, CliContext& context) {
    using storage::ModerationVerb;
    const std::string actor = cliActor();
    const auto verb = [actor](ModerationVerb v) {
        return [actor, v](storage::Store& s, const storage::Idea& i, const std::string& reason) {
            storage::moderateIdea(s, i.id, v, actor, reason);
        };
    };
    addIdeaAction(idea, context, "approve", "Publish a pending idea", false, verb(ModerationVerb::Approve));
    addIdeaAction(idea, context, "reject", "Keep a pending idea off the screens (it stays in the data)", true,
                  verb(ModerationVerb::Reject));
    addIdeaAction(idea, context, "hide", "Take an idea off the kiosk and projector (it stays in the data)", true,
                  verb(ModerationVerb::Hide));
    addIdeaAction(idea, context, "unhide", "Show a hidden idea again", false, verb(ModerationVerb::Unhide));
    addIdeaAction(idea, context, "pin", "Pin an idea to the projector", false,
                  [actor](storage::Store& s, const storage::Idea& i, const std::string&) { s.setPinned(i.id, true, actor); });
    addIdeaAction(idea, context, "unpin", "Take the pin off an idea", false,
                  [actor](storage::Store& s, const storage::Idea& i, const std::string&) { s.setPinned(i.id, false, actor); });
}

void addEditAndMerge(CLI::App& idea, CliContext& context) {
    auto* edit = idea.add_subcommand("edit", "Correct an idea's text (the original stays in the moderation log)");
    struct EditArgs {
        int number = 0;
        std::optional<std::string> title, description, author, category;
        std::string reason;
    };
    auto e = std::make_shared<EditArgs>();
    edit->add_option("NUMBER", e->number, "The idea's number")->required()->check(kIdeaNumber);
    edit->add_option("--title", e->title, "Corrected title");
    edit->add_option("--description", e->description, "Corrected description");
    edit->add_option("--author", e->author, "Corrected author's name");
    edit->add_option("--category", e->category, "Another category key");
    edit->add_option("--reason", e->reason, "Why (goes into the moderation log)");
    edit->callback([&context, e] {
        if (!e->title && !e->description && !e->author && !e->category) {
            throw UsageError("say what to correct: --title, --description, --author or --category");
        }
        auto store = context.openStore();
        const auto eventId = context.resolveEvent(*store);
        const auto before = requireIdea(*store, eventId, e->number);
        storage::NewIdea corrected{e->title.value_or(before.title), e->description.value_or(before.description),
                                   e->author.value_or(before.author), e->category.value_or(before.category),
                                   before.language};
        store->editIdea(before.id, corrected, cliActor(), e->reason);
        std::cout << '#' << before.number << " edited: " << store->idea(before.id)->title << '\n';
    });

    auto* merge = idea.add_subcommand("merge", "Merge a duplicate into another idea (votes move, a session counts once)");
    struct MergeArgs {
        int number = 0;
        int into = 0;
        std::string reason;
    };
    auto m = std::make_shared<MergeArgs>();
    merge->add_option("NUMBER", m->number, "The duplicate")->required()->check(kIdeaNumber);
    merge->add_option("--into", m->into, "The idea it duplicates")->required()->check(kIdeaNumber);
    merge->add_option("--reason", m->reason, "Why (goes into the moderation log)");
    merge->callback([&context, m] {
        auto store = context.openStore();
        const auto eventId = context.resolveEvent(*store);
        const auto source = requireIdea(*store, eventId, m->number);
        const auto target = requireIdea(*store, eventId, m->into);
        store->mergeIdea(source.id, target.id, cliActor(), m->reason);
        std::cout << '#' << source.number << " merged into #" << target.number << ", which now has "
                  << store->voteCount(target.id) << " votes\n";
    });
}

// [SECTION] rehearse

std::atomic<bool> g_stopRehearsal{false};
void onStopRehearsal(int) { g_stopRehearsal = true; }

void addRehearseCommand(CLI::App& app, CliContext& context) {
    auto* rehearse = app.add_subcommand("rehearse", "Play attendees: add plausible ideas and votes at a steady rate");
    struct RehearseArgs {
        double rate = 2;
        double seconds = 60;
        std::uint64_t seed = 2009;
    };
    auto args = std::make_shared<RehearseArgs>();
    rehearse->add_option("--rate", args->rate, "Actions per second")->check(CLI::Range(0.01, 1000.0))->capture_default_str();
    rehearse->add_option("--seconds", args->seconds, "How long")->check(CLI::Range(0.0, 86400.0))->capture_default_str();
    rehearse->add_option("--seed", args->seed, "Random seed")->capture_default_str();
    rehearse->callback([&context, args] {
        // The rehearsal plays attendees, so their ideas meet the word list as at the kiosk.
        auto store = context.openStoreWithWordList(warnOnStderr);
        storage::Rehearsal rehearsal(*store, context.resolveEvent(*store), args->seed);
        std::signal(SIGINT, onStopRehearsal);
        std::signal(SIGTERM, onStopRehearsal);
        using Clock = std::chrono::steady_clock;
        const auto start = Clock::now();
        const auto period = std::chrono::duration<double>(1.0 / args->rate);
        const auto end = start + std::chrono::duration<double>(args->seconds);
        for (long step = 0; !g_stopRehearsal; ++step) {
            const auto due = start + std::chrono::duration_cast<Clock::duration>(period * static_cast<double>(step));
            if (due >= end) break;
            std::this_thread::sleep_until(due);
            // The log line comes after the commit, with its time: what a projector must show by then + 1 s.
            spdlog::info("committed {}", rehearsal.step());
        }
        rehearsal.finish();
        std::cout << "rehearsal: " << rehearsal.ideasAdded() << " ideas, " << rehearsal.votesCast() << " votes, "
                  << rehearsal.sessionsStarted() << " sessions\n";
    });
}

}  // namespace

void addModerationCommands(CLI::App& app, CliContext& context) {
    CLI::App* idea = app.get_subcommand("idea");
    addStatusActions(*idea, context);
    addEditAndMerge(*idea, context);

    auto* session = app.add_subcommand("session", "Kiosk sessions");
    session->require_subcommand(1);
    auto* voidCmd = session->add_subcommand("void", "Void every vote of one session (burst abuse); the log keeps them");
    auto sessionId = std::make_shared<std::string>();
    auto reason = std::make_shared<std::string>();
    voidCmd->add_option("ID", *sessionId, "Session id (see `export sessions`)")->required();
    voidCmd->add_option("--reason", *reason, "Why (goes into the moderation log)")->required();
    voidCmd->callback([&context, sessionId, reason] {
        auto store = context.openStore();
        store->voidSession(*sessionId, cliActor(), *reason);
        std::cout << "session " << *sessionId << " voided\n";
    });

    addRehearseCommand(app, context);
}

}  // namespace kiosk::app
