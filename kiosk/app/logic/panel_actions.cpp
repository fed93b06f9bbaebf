// The panel's model and actions (see panel_actions.h).
#include "kiosk/app/logic/panel_actions.h"

#include "kiosk/app/logic/export_folder.h"
#include "kiosk/core/text_edit.h"
#include "storage/phone_reads.h"
#include "storage/moderation.h"
#include "storage/phone_address.h"
#include "storage/service_log.h"
#include "storage/timefmt.h"

#include <spdlog/spdlog.h>

#include <map>

namespace kiosk::app {

namespace {

using Kind = core::PanelAction::Kind;

std::string clock(storage::TimeMs at) { return storage::formatTimestamp(at).substr(11, 5); }

std::string logLine(const storage::ModerationEntry& e, const std::map<std::string, int>& numbers) {
    const auto number = numbers.find(e.targetId);
    const std::string target = number != numbers.end() ? "#" + std::to_string(number->second) : "";
    std::string line = clock(e.at) + "  " + e.actor + "  " + e.action + "  " + target + "  " +
                       core::shortenForDisplay(e.before, 60) + " -> " + core::shortenForDisplay(e.after, 60);
    if (!e.reason.empty()) line += "  (" + core::shortenForDisplay(e.reason, 80) + ")";
    return line;
}

void applyToStore(storage::Store& store, const std::string& eventId, const std::string& actor,
                  const core::PanelAction& a) {
    using storage::ModerationVerb;
    switch (a.kind) {
        case Kind::Approve: return storage::moderateIdea(store, a.target, ModerationVerb::Approve, actor, a.reason);
        case Kind::Reject: return storage::moderateIdea(store, a.target, ModerationVerb::Reject, actor, a.reason);
        case Kind::Hide: return storage::moderateIdea(store, a.target, ModerationVerb::Hide, actor, a.reason);
        case Kind::Unhide: return storage::moderateIdea(store, a.target, ModerationVerb::Unhide, actor, a.reason);
        case Kind::Pin: return store.setPinned(a.target, true, actor);
        case Kind::Unpin: return store.setPinned(a.target, false, actor);
        case Kind::Merge: return store.mergeIdea(a.target, a.other, actor, a.reason);
        case Kind::VoidSession: return store.voidSession(a.target, actor, a.reason);
        case Kind::SetSubmission: return store.setSubmissionOpen(eventId, a.on, actor);
        case Kind::SetVoting: return store.setVotingOpen(eventId, a.on, actor);
        case Kind::RevealCounts: return store.setCountsRevealed(eventId, a.on, actor);
        case Kind::FreezeProjector: return store.setProjectorFrozen(eventId, a.on, actor);
        case Kind::SetPhones: return storage::setPhonesWanted(store, eventId, a.on, actor);
        case Kind::Edit: {
            const auto idea = store.idea(a.target);
            if (!idea) throw storage::RuleError("unknown_idea", "no idea with id " + a.target);
            storage::NewIdea corrected = a.edit;
            corrected.category = idea->category;
            corrected.language = idea->language;
            return store.editIdea(a.target, corrected, actor, a.reason);
        }
        case Kind::LeaveKiosk:
            return store.logModeration(eventId, actor, "leave_kiosk", eventId, "{}", R"({"kiosk_mode":false})", a.reason);
        case Kind::Export: break;  // not a change of the data; see applyPanelAction
    }
}

// "#3: ausgeblendet" for an idea, the new state of a switch, or the folder of an export.
std::string describe(storage::Store& store, const core::PanelAction& a, const core::Catalog& text,
                     const std::string& language) {
    if (a.kind == Kind::SetSubmission) return text.text(language, a.on ? "panel.submission_open" : "panel.submission_closed");
    if (a.kind == Kind::SetVoting) return text.text(language, a.on ? "panel.voting_open" : "panel.voting_closed");
    if (a.kind == Kind::RevealCounts) return text.text(language, a.on ? "panel.counts_shown" : "panel.counts_hidden");
    if (a.kind == Kind::FreezeProjector) return text.text(language, a.on ? "panel.projector_frozen" : "panel.projector_live");
    if (a.kind == Kind::VoidSession) return text.text(language, "panel.voided");
    if (a.kind == Kind::SetPhones) return text.text(language, a.on ? "panel.phones_starting" : "panel.phones_stopping");
    const auto idea = store.idea(a.target);
    if (!idea) return {};
    std::string what = "#" + std::to_string(idea->number) + ": " + text.text(language, "panel.status_" + storage::toString(idea->status));
    if (idea->pinned) what += ", " + text.text(language, "panel.pinned");
    return what;
}

}  // namespace

core::PanelModel loadPanelModel(storage::Store& store, const std::string& eventId, bool atKiosk) {
    core::PanelModel model;
    const auto event = store.requireEvent(eventId);
    const auto& s = event.settings;
    model.eventTitle = s.title;
    model.categories = s.categories;
    model.submissionOpen = s.submissionOpen;
    model.votingOpen = s.votingOpen;
    model.countsAfterReveal = s.countsAfterReveal;
    model.countsRevealed = s.countsRevealed;
    model.projectorFrozen = s.projectorFrozen;
    model.atKiosk = atKiosk;
    model.phonesUrl = storage::phonesUrl(store).value_or("");
    storage::IdeaQuery all;
    all.statuses = {storage::IdeaStatus::Pending, storage::IdeaStatus::Published, storage::IdeaStatus::Hidden,
                    storage::IdeaStatus::Merged};
    std::map<std::string, int> numbers;
    const auto ideas = store.ideas(eventId, all);
    // The words Store::flaggedWords gives per idea, read for the whole event in one query.
    auto flagged = store.flaggedWordsOfEvent(eventId);
    const auto fromPhones = storage::ideasFromPhones(store, eventId);
    for (const auto& idea : ideas) numbers[idea.id] = idea.number;
    for (const auto& idea : ideas) {
        core::PanelModel::IdeaRow row{idea.id, idea.number, idea.title, idea.description, idea.author, idea.category,
                                      idea.status, idea.votes, idea.pinned, 0, {}};
        if (auto words = flagged.find(idea.id); words != flagged.end()) row.flagged = std::move(words->second);
        if (const auto into = numbers.find(idea.mergedInto); into != numbers.end()) row.mergedIntoNumber = into->second;
        row.fromPhone = fromPhones.count(idea.id) > 0;
        model.ideas.push_back(std::move(row));
    }
    auto sessions = store.sessions(eventId);
    for (auto it = sessions.rbegin(); it != sessions.rend() && model.sessions.size() < 500; ++it) {
        model.sessions.push_back({it->id, clock(it->startedAt), it->language, it->votesUsed, it->end == storage::SessionEnd::Voided,
                                  it->source == storage::SessionSource::Phone});
    }
    const auto log = store.moderationLog(eventId);
    // The kiosk's crashes head the log: how often the process had to be restarted, and why the last time.
    if (const auto crashes = storage::crashRecord(store); crashes.count > 0) {
        model.crashCount = crashes.count;
        model.lastCrashAt = clock(crashes.lastAt);
        model.log.push_back({clock(crashes.lastAt) + "  kiosk  crash  " + std::to_string(crashes.count) + "x  (" +
                             core::shortenForDisplay(crashes.lastReason, 80) + ")"});
    }
    for (auto it = log.rbegin(); it != log.rend() && model.log.size() < 500; ++it) model.log.push_back({logLine(*it, numbers)});
    model.exportFolders = exportFolderCandidates();
    return model;
}

namespace {

// Why an action was refused, in the moderators' language: a storage rule by its code (panel.errors.* or the
// attendees' errors.*), an export by its folder, any other failure of the database as one calm sentence. A rule
// without a translation keeps its English line rather than saying nothing.
std::string refusalText(const std::exception& e, const core::PanelAction& action, const core::Catalog& text,
                        const std::string& language) {
    if (const auto* rule = dynamic_cast<const storage::RuleError*>(&e)) {
        for (const std::string& key : {"panel.errors." + rule->code(), "errors." + rule->code()}) {
            if (text.text(language, key) != key) return text.text(language, key);
        }
        return e.what();
    }
    if (action.kind == Kind::Export) return text.format(language, "panel.errors.export", {{"folder", action.target}});
    return text.text(language, "panel.errors.storage");
}

}  // namespace

PanelResult applyPanelAction(storage::Store& store, const std::string& eventId, const std::string& actor,
                             const core::PanelAction& action, const core::Catalog& text, const std::string& language) {
    PanelResult result;
    try {
        if (action.kind == Kind::Export) {
            const std::string folder = exportToFolder(store, eventId, action.target);
            spdlog::info("panel: exported to {}", folder);
            const FolderSize size = folderSize(folder);
            spdlog::info("panel: {} files, {} bytes written", size.files, size.bytes);
            // Every file is on the device once exportToFolder returns: on a stick the moderator is told to pull it.
            const char* key = onRemovableMedia(folder) ? "panel.exported_stick" : "panel.exported";
            result.message = text.format(language, key, {{"folder", folder}, {"files", std::to_string(size.files)},
                                                         {"size", humanSize(size.bytes)}});
        } else {
            applyToStore(store, eventId, actor, action);
            result.message = text.format(language, "panel.done", {{"what", describe(store, action, text, language)}});
            result.leaveKiosk = action.kind == Kind::LeaveKiosk;
        }
        result.ok = true;
    } catch (const std::exception& e) {
        spdlog::warn("panel action refused: {}", e.what());  // the English details stay in the log
        result.message = text.format(language, "panel.failed", {{"why", refusalText(e, action, text, language)}});
    }
    return result;
}

}  // namespace kiosk::app
