// Union of kiosk databases by id: events, sessions, ideas (targets before merged ones), votes, the log.
#include "storage/merge.h"

#include <SQLiteCpp/Statement.h>

#include <map>
#include <set>

namespace storage {

std::string MergeReport::summary() const {
    auto line = [](const char* name, const MergeCount& c) {
        return std::string(name) + ": " + std::to_string(c.added) + " added, " + std::to_string(c.present) +
               " already present\n";
    };
    std::string text = line("events", events) + line("sessions", sessions) + line("ideas", ideas) + line("votes", votes) +
                       line("moderation log", moderation);
    for (const auto& [from, to] : renumbered) {
        text += "idea #" + std::to_string(from) + " of the merged file is now #" + std::to_string(to) + "\n";
    }
    return text;
}

namespace {

void count(MergeCount& c, bool inserted) { ++(inserted ? c.added : c.present); }

// Ideas in an order where every merge target comes before the ideas merged into it.
std::vector<Idea> targetsFirst(std::vector<Idea> ideas) {
    std::vector<Idea> ordered;
    std::set<std::string> placed;
    while (!ideas.empty()) {
        std::vector<Idea> waiting;
        std::set<std::string> present;
        for (const auto& i : ideas) present.insert(i.id);
        for (auto& i : ideas) {
            if (i.mergedInto.empty() || placed.count(i.mergedInto) || !present.count(i.mergedInto)) {
                placed.insert(i.id);
                ordered.push_back(std::move(i));
            } else {
                waiting.push_back(std::move(i));
            }
        }
        if (waiting.size() == ideas.size()) throw StoreError("the merged file has a cycle of merged ideas");
        ideas = std::move(waiting);
    }
    return ordered;
}

}  // namespace

MergeReport mergeDatabase(Store& out, const std::string& inPath) {
    StoreOptions readOnly;
    readOnly.readOnly = true;
    Store in(inPath, readOnly);
    if (in.path() == out.path()) throw StoreError("cannot merge a database into itself");
    MergeReport report;
    IdeaQuery all;
    all.statuses = {IdeaStatus::Pending, IdeaStatus::Published, IdeaStatus::Hidden, IdeaStatus::Merged};
    out.transaction([&] {
        for (const auto& event : in.events()) {
            count(report.events, out.insertEventRecord(event));
            for (const auto& s : in.sessions(event.id)) count(report.sessions, out.insertSessionRecord(s));
            for (const auto& idea : targetsFirst(in.ideas(event.id, all))) {
                const auto result = out.insertIdeaRecord(idea);
                count(report.ideas, result.inserted);
                if (result.renumbered) report.renumbered.emplace_back(idea.number, result.number);
            }
            // Retractions point at votes: insert votes first, then the retractions.
            const auto votes = in.voteEvents(event.id);
            for (const auto& v : votes) {
                if (v.kind == VoteKind::Vote) count(report.votes, out.insertVoteRecord(v));
            }
            for (const auto& v : votes) {
                if (v.kind == VoteKind::Retract) count(report.votes, out.insertVoteRecord(v));
            }
            for (const auto& e : in.moderationLog(event.id)) count(report.moderation, out.insertModerationRecord(e));
        }
        // A session voided at one kiosk stays voided in the merged file.
        SQLite::Statement voided(in.db(), "SELECT id FROM sessions WHERE voided = 1");
        while (voided.executeStep()) {
            SQLite::Statement mark(out.db(), "UPDATE sessions SET voided = 1 WHERE id = ?");
            mark.bind(1, voided.getColumn(0).getString());
            mark.exec();
        }
    });
    return report;
}

}  // namespace storage
