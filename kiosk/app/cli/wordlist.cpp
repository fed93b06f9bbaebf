// `ideenkiosk wordlist show|check` and loading the word lists for the commands that submit ideas.
#include "kiosk/app/cli/cli.h"

#include "storage/text.h"
#include "storage/wordlist.h"

#include <filesystem>
#include <iomanip>
#include <iostream>

namespace kiosk::app {

// [SECTION] Loading

std::string CliContext::wordListFolder() const {
    if (!wordListDir.empty()) return wordListDir;
    return (std::filesystem::path(assetDir) / "wordlists").string();
}

std::shared_ptr<const storage::WordList> CliContext::loadWordList(const Warn& warn) const {
    const std::string folder = wordListFolder();
    try {
        auto list = std::make_shared<const storage::WordList>(storage::WordList::loadFolder(folder));
        for (const auto& file : list->files()) {
            if (!file.present) warn("word list " + file.path + " is missing; ideas are not checked against it");
        }
        return list;
    } catch (const storage::RuleError& e) {
        warn(std::string(e.what()) + "; ideas are submitted without a word list");
        return nullptr;
    }
}

std::unique_ptr<storage::Store> CliContext::openStoreWithWordList(const Warn& warn) const {
    return openStore(false, loadWordList(warn));
}

void warnOnStderr(const std::string& line) { std::cerr << "ideenkiosk: warning: " << line << '\n'; }

// [SECTION] wordlist show|check

void addWordListCommands(CLI::App& app, CliContext& context) {
    auto* wordlist = app.add_subcommand("wordlist", "The word lists that send ideas to the moderators first");
    wordlist->require_subcommand(1);

    wordlist->add_subcommand("show", "List the word-list files with their entry counts (exit 1 if a list is broken)")
        ->callback([&context] {
            const auto list = storage::WordList::loadFolder(context.wordListFolder());
            std::cout << "word lists in " << list.folder() << ": " << list.size() << " distinct entries\n";
            for (const auto& file : list.files()) {
                std::cout << "  " << std::left << std::setw(8) << std::filesystem::path(file.path).filename().string()
                          << (file.present ? std::to_string(file.entries) + " entries" : std::string("missing")) << '\n';
            }
        });

    auto* check = wordlist->add_subcommand(
        "check", "Print the entries found in TEXT, one per line with file and line; exit 0 when none, 1 when found");
    auto words = std::make_shared<std::vector<std::string>>();
    check->add_option("TEXT", *words, "Text to check (several arguments are one text)")->required();
    check->callback([&context, words] {
        std::string text;
        for (const auto& w : *words) text += (text.empty() ? "" : " ") + w;
        const auto list = storage::WordList::loadFolder(context.wordListFolder());
        // Cleaned as the store cleans an idea, so the answer is the kiosk's answer.
        const auto found = list.find(storage::cleanText(text, storage::TextField::Description));
        if (found.empty()) {
            std::cout << "no entry of the word list found\n";
            return;
        }
        for (const auto& entry : found) {
            std::cout << entry.text << '\t' << std::filesystem::path(entry.file).filename().string() << ':' << entry.line
                      << '\n';
        }
        std::cout.flush();
        throw storage::RuleError("wordlist_match", std::to_string(found.size()) +
                                                       (found.size() == 1 ? " entry" : " entries") +
                                                       " of the word list found; such an idea waits for the moderators");
    });
}

}  // namespace kiosk::app
