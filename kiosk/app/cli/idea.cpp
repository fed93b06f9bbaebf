// `ideenkiosk idea …`: list and add ideas, and moderate them from a laptop (approve, reject, hide, unhide, pin,
// unpin, edit, merge). Every change goes through the model, which writes the moderation log with before and after.
#include "kiosk/app/cli/cli.h"

#include "storage/moderation.h"
#include "storage/text.h"

#include <functional>
#include <iomanip>
#include <iostream>
#include <optional>

namespace kiosk::app {

namespace {

// "[word list: idiot, spam]" after an idea the word list flagged.
std::string wordListNote(const std::vector<std::string>& words) {
    std::string note = "[word list: ";
    for (std::size_t i = 0; i < words.size(); ++i) note += (i ? ", " : "") + words[i];
    return note + "]";
}


// CLI::PositiveNumber would answer "CON" with a 300-digit range; this says what an idea number looks like.
const CLI::Validator kIdeaNumber(
    [](std::string& text) -> std::string {
        const bool digits = !text.empty() && text.size() <= 9 && text.find_first_not_of("0123456789") == std::string::npos;
        if (digits && std::stoi(text) > 0) return {};
        return "an idea number such as 12 is expected, not " + storage::quoteUntrusted(text);
    },
    "NUMBER");

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

}  // namespace

void addIdeaCommands(CLI::App& app, CliContext& context) {
    auto* idea = app.add_subcommand("idea", "List, add and moderate ideas of the active (or --event) event");
    idea->require_subcommand(1);

    auto* list = idea->add_subcommand("list", "List ideas with their votes");
    auto all = std::make_shared<bool>(false);
    list->add_flag("--all", *all, "Include pending, hidden and merged ideas");
    list->callback([&context, all] {
        auto store = context.openStore(true);
        storage::IdeaQuery query;
        if (*all) {
            query.statuses = {storage::IdeaStatus::Pending, storage::IdeaStatus::Published,
                              storage::IdeaStatus::Hidden, storage::IdeaStatus::Merged};
        }
        const std::string eventId = context.resolveEvent(*store);
        const auto flagged = store->flaggedWordsOfEvent(eventId);
        for (const auto& i : store->ideas(eventId, query)) {
            std::cout << '#' << std::left << std::setw(5) << i.number << std::right << std::setw(5) << i.votes
                      << "  " << std::left << std::setw(10) << storage::toString(i.status) << i.title;
            if (const auto words = flagged.find(i.id); words != flagged.end()) std::cout << "  " << wordListNote(words->second);
            std::cout << '\n';
        }
    });

    auto* add = idea->add_subcommand("add", "Add an idea (e.g. from a paper card)");
    auto draft = std::make_shared<storage::NewIdea>();
    add->add_option("--title", draft->title, "Title")->required();
    add->add_option("--description", draft->description, "Description");
    add->add_option("--author", draft->author, "Author's name");
    add->add_option("--category", draft->category, "Category key");
    add->add_option("--language", draft->language, "One of " + storage::knownLanguagesList())->capture_default_str();
    add->callback([&context, draft] {
        // A paper card is an attendee's idea too: the word list applies as at the kiosk.
        auto store = context.openStoreWithWordList(warnOnStderr);
        const auto saved = store->submitIdea(context.resolveEvent(*store), *draft);
        std::cout << '#' << saved.number << ' ' << saved.id << ' ' << storage::toString(saved.status);
        if (const auto words = store->flaggedWords(saved.id); !words.empty()) std::cout << "  " << wordListNote(words);
        std::cout << '\n';
    });

    // Moderation verbs come after list and add: that is the order `idea --help` lists them in.
    addStatusActions(*idea, context);
    addEditAndMerge(*idea, context);
}

}  // namespace kiosk::app
