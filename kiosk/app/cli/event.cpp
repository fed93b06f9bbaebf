// `ideenkiosk event …`: create, load, list, activate and change events.
#include "kiosk/app/cli/cli.h"

#include "storage/event_config.h"
#include "storage/text.h"

#include <iomanip>
#include <iostream>
#include <sstream>

namespace kiosk::app {

// [SECTION] Parsing of `event set` values

namespace {

bool parseBool(const std::string& key, const std::string& value) {
    if (value == "true" || value == "yes" || value == "on" || value == "1" || value == "open") return true;
    if (value == "false" || value == "no" || value == "off" || value == "0" || value == "closed") return false;
    throw UsageError(key + " takes true/false (or open/closed), not " + storage::quoteUntrusted(value));
}

int parseBudget(const std::string& value) {
    std::size_t used = 0;
    int budget = 0;
    try {
        budget = std::stoi(value, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != value.size() || budget < 1 || budget > 50) {
        throw UsageError("vote_budget takes a whole number from 1 to 50, not " + storage::quoteUntrusted(value));
    }
    return budget;
}

const char* kSettableKeys =
    "title, venue, starts_on, ends_on, vote_budget, show_counts, moderation, submission_open, voting_open, "
    "counts_after_reveal, counts_revealed, projector_frozen, languages";

// "de,tr,uk" in this order, or "all" (every language: the list is cleared).
std::vector<std::string> parseLanguages(const std::string& value) {
    if (value == "all") return {};
    std::vector<std::string> languages;
    std::stringstream list(value);
    for (std::string code; std::getline(list, code, ',');) {
        code.erase(0, code.find_first_not_of(' '));
        code.erase(code.find_last_not_of(' ') + 1);
        languages.push_back(code);
    }
    if (const std::string problem = storage::languageListProblem(languages); !problem.empty()) {
        throw UsageError("languages takes codes separated by commas, or all: " + problem);
    }
    return languages;
}

void applySetting(storage::Store& store, const std::string& eventId, const std::string& key,
                  const std::string& value) {
    // Phases are their own moderation actions, so the log reads "phase" rather than "settings".
    if (key == "submission_open") return store.setSubmissionOpen(eventId, parseBool(key, value), "cli");
    if (key == "voting_open") return store.setVotingOpen(eventId, parseBool(key, value), "cli");
    if (key == "counts_revealed") return store.setCountsRevealed(eventId, parseBool(key, value), "cli");
    if (key == "projector_frozen") return store.setProjectorFrozen(eventId, parseBool(key, value), "cli");
    storage::EventSettings settings = store.event(eventId)->settings;
    if (key == "title") settings.title = value;
    else if (key == "venue") settings.venue = value;
    else if (key == "starts_on") settings.startsOn = value;
    else if (key == "ends_on") settings.endsOn = value;
    else if (key == "vote_budget") settings.voteBudget = parseBudget(value);
    else if (key == "show_counts") settings.showCounts = parseBool(key, value);
    else if (key == "counts_after_reveal") settings.countsAfterReveal = parseBool(key, value);
    else if (key == "moderation") settings.moderation = storage::moderationModeFromString(value);
    else if (key == "languages") settings.languages = parseLanguages(value);
    else throw UsageError("unknown setting " + storage::quoteUntrusted(key) + "; settable are " + kSettableKeys);
    store.updateEventSettings(eventId, settings, "cli");
}

std::string yesNo(bool value) { return value ? "yes" : "no"; }

void printEvent(const storage::Event& event, std::ostream& out) {
    const auto& s = event.settings;
    out << "id:              " << event.id << (event.active ? "  (active)" : "") << '\n'
        << "title:           " << s.title << '\n'
        << "venue:           " << s.venue << '\n'
        << "dates:           " << s.startsOn << (s.endsOn.empty() ? "" : " – " + s.endsOn) << '\n'
        << "vote_budget:     " << s.voteBudget << '\n'
        << "show_counts:     " << yesNo(s.showCounts) << '\n'
        << "moderation:      " << storage::toString(s.moderation) << '\n'
        << "submission_open: " << yesNo(s.submissionOpen) << '\n'
        << "voting_open:     " << yesNo(s.votingOpen) << '\n'
        << "counts:          " << (s.countsAfterReveal ? (s.countsRevealed ? "revealed" : "hidden until revealed") : "live")
        << '\n'
        << "projector:       " << (s.projectorFrozen ? "frozen" : "live") << '\n'
        << "languages:       " << storage::languageList(storage::eventLanguages(s))
        << (s.languages.empty() ? "  (all)" : "") << '\n'
        << "categories:      ";
    for (std::size_t i = 0; i < s.categories.size(); ++i) {
        out << (i ? ", " : "") << s.categories[i].key << " (" << s.categories[i].name("de") << ")";
    }
    out << '\n';
}

}  // namespace

// [SECTION] event

void addEventCommands(CLI::App& app, CliContext& context) {
    auto* event = app.add_subcommand("event", "Create, list, activate and change events");
    event->require_subcommand(1);

    auto* create = event->add_subcommand("create", "Create an event (the first one becomes active)");
    auto settings = std::make_shared<storage::EventSettings>();
    auto activate = std::make_shared<bool>(false);
    create->add_option("--title", settings->title, "Title shown on the kiosk and projector")->required();
    create->add_option("--venue", settings->venue, "Venue");
    create->add_option("--budget", settings->voteBudget, "Votes per kiosk session")->check(CLI::Range(1, 50));
    create->add_flag("--activate", *activate, "Make it the active event");
    create->callback([&context, settings, activate] {
        auto store = context.openStore();
        const std::string id = store->createEvent(*settings);
        if (*activate) store->activateEvent(id);
        std::cout << id << '\n';
    });

    event->add_subcommand("list", "List the events in the database")->callback([&context] {
        auto store = context.openStore(true);
        for (const auto& e : store->events()) {
            std::cout << (e.active ? "* " : "  ") << e.id << "  " << e.settings.title;
            if (!e.settings.startsOn.empty()) std::cout << "  (" << e.settings.startsOn << ")";
            std::cout << '\n';
        }
    });

    auto* show = event->add_subcommand("show", "Show the settings of the active (or --event) event");
    show->callback([&context] {
        auto store = context.openStore(true);
        printEvent(*store->event(context.resolveEvent(*store)), std::cout);
    });

    auto* activateCmd = event->add_subcommand("activate", "Make an event the active one");
    auto activateId = requiredText(*activateCmd, "ID", "Event id");
    activateCmd->callback([&context, activateId] {
        auto store = context.openStore();
        store->activateEvent(*activateId);
    });

    auto* set = event->add_subcommand("set", std::string("Change one setting: ") + kSettableKeys);
    auto key = requiredText(*set, "KEY", "Setting");
    auto value = requiredText(*set, "VALUE", "New value");
    set->callback([&context, key, value] {
        auto store = context.openStore();
        applySetting(*store, context.resolveEvent(*store), *key, *value);
    });

    auto* load = event->add_subcommand("load", "Create an event from a TOML file and make it active");
    auto file = requiredText(*load, "FILE", "Event TOML (see assets/event.example.toml)");
    auto keepActive = std::make_shared<bool>(false);
    load->add_flag("--no-activate", *keepActive, "Keep the currently active event active");
    load->callback([&context, file, keepActive] {
        const auto loaded = storage::loadEventToml(*file);  // parse before touching the database
        auto store = context.openStore();
        const std::string id = store->createEvent(loaded);
        if (!*keepActive) store->activateEvent(id);
        std::cout << id << '\n';
    });
}

}  // namespace kiosk::app
