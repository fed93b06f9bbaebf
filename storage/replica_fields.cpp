// Concurrent moderation of one idea resolved per field from the moderation log (see replica_fields.h).
#include "storage/replica_fields.h"

#include "storage/store_impl.h"
#include "storage/text.h"

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <iterator>
#include <set>

namespace storage::replica_fields {

namespace {

using nlohmann::json;

// The idea columns an action may set, and how each is read and compared.
constexpr const char* kTextFields[] = {"title", "description", "author", "category"};

bool isIdeaField(const std::string& name) {
    return name == "status" || name == "pinned" || name == "merged_into" ||
           std::find(std::begin(kTextFields), std::end(kTextFields), name) != std::end(kTextFields);
}

json afterOf(const ModerationEntry& entry) {
    json after = json::parse(entry.after, nullptr, false);
    return after.is_object() ? after : json::object();
}

// The fields this file's unsent moderation entries set on the idea.
std::set<std::string> unsentFields(Store& store, const std::string& ideaId) {
    std::set<std::string> fields;
    SQLite::Statement q(store.db(), "SELECT m.action, m.after FROM outbox o JOIN moderation_log m ON m.id = o.row_id "
                                    "WHERE o.kind = 'moderation' AND m.target_id = ?");
    q.bind(1, ideaId);
    while (q.executeStep()) {
        ModerationEntry entry;
        entry.action = q.getColumn(0).getString();
        entry.after = q.getColumn(1).getString();
        if (!setsIdeaFields(entry)) continue;
        const json after = afterOf(entry);
        for (const auto& [name, value] : after.items()) fields.insert(name);
    }
    return fields;
}

// The field's value in the idea's row, in the JSON types an entry's `after` uses (pinned as a boolean).
json currentValue(const Idea& idea, const std::string& field) {
    if (field == "status") return toString(idea.status);
    if (field == "pinned") return idea.pinned;
    if (field == "merged_into") return idea.mergedInto.empty() ? json(nullptr) : json(idea.mergedInto);
    if (field == "title") return idea.title;
    if (field == "description") return idea.description;
    if (field == "author") return idea.author;
    return idea.category;
}

bool sameValue(const json& current, const json& wanted) {
    if (current.is_boolean() && wanted.is_number_integer()) return current.get<bool>() == (wanted.get<int>() != 0);
    return current == wanted;
}

// Sets one field; the texts are cleaned like every text the model takes.
void setField(Store& store, Idea& idea, const std::string& field, const json& value) {
    if (field == "status") {
        idea.status = ideaStatusFromString(value.is_string() ? value.get<std::string>() : std::string());
        SQLite::Statement update(store.db(), "UPDATE ideas SET status = ? WHERE id = ?");
        update.bind(1, toString(idea.status));
        update.bind(2, idea.id);
        update.exec();
    } else if (field == "pinned") {
        idea.pinned = value.is_boolean() ? value.get<bool>() : value.is_number_integer() && value.get<int>() != 0;
        SQLite::Statement update(store.db(), "UPDATE ideas SET pinned = ? WHERE id = ?");
        update.bind(1, idea.pinned ? 1 : 0);
        update.bind(2, idea.id);
        update.exec();
    } else if (field == "merged_into") {
        idea.mergedInto = value.is_string() ? value.get<std::string>() : std::string();
        SQLite::Statement update(store.db(), "UPDATE ideas SET merged_into = ? WHERE id = ?");
        bindOrNull(update, 1, idea.mergedInto);
        update.bind(2, idea.id);
        update.exec();
    } else {
        const std::string text = value.is_string() ? value.get<std::string>() : std::string();
        if (field == "title") idea.title = text;
        if (field == "description") idea.description = text;
        if (field == "author") idea.author = text;
        if (field == "category") idea.category = text;
        writeIdeaText(store.db(), idea.id,
                      cleanedIdea({idea.title, idea.description, idea.author, idea.category, idea.language}));
    }
}

std::string shown(const json& value) { return printableLine(value.dump(), 60); }

}  // namespace

bool setsIdeaFields(const ModerationEntry& entry) {
    return entry.action == "status" || entry.action == "edit" || entry.action == "merge" || entry.action == "pin";
}

bool applyIdeaOperation(Store& store, const ModerationEntry& entry, const RemoteChange& change, ApplyReport& report) {
    auto idea = store.idea(entry.targetId);
    if (!idea) return false;
    const std::set<std::string> unsent = unsentFields(store, idea->id);
    // A merge first: its status is final, so the merge entry sets merged_into before its status.
    const json after = afterOf(entry);
    bool changed = false;
    for (const char* field : {"merged_into", "status", "pinned", "title", "description", "author", "category"}) {
        if (!after.contains(field)) continue;
        const json& wanted = after[field];
        if (sameValue(currentValue(*idea, field), wanted)) continue;
        const std::string what = "idea #" + std::to_string(idea->number) + " (" + idea->id + ") " + field;
        if (unsent.count(field) != 0) {
            ++report.keptLocal;
            report.lines.push_back("conflict on " + what + ": kept this kiosk's unsent change over " + shown(wanted) +
                                   " of kiosk " + change.kioskId + " (server change " +
                                   std::to_string(change.serverSeq) + "); it is pushed next and wins everywhere");
            continue;
        }
        // Only a merge makes an idea merged, and once merged its status stays (the model's rule at every kiosk).
        if (std::string(field) == "status" && entry.action != "merge" &&
            (idea->status == IdeaStatus::Merged || wanted == "merged")) {
            report.lines.push_back("conflict on " + what + ": stays merged over " + shown(wanted) + " of kiosk " +
                                   change.kioskId + " (server change " + std::to_string(change.serverSeq) +
                                   "); a merge is final");
            continue;
        }
        setField(store, *idea, field, wanted);
        changed = true;
    }
    return changed;
}

void explainFieldMerges(Store& store, const std::map<std::string, PushedRow>& rows, ApplyReport& report) {
    for (const auto& [ideaId, pushed] : rows) {
        const auto idea = store.idea(ideaId);
        if (!idea) continue;
        std::string kept;
        for (const auto& [field, value] : pushed.row.items()) {
            if (!isIdeaField(field) || sameValue(currentValue(*idea, field), value)) continue;
            kept += (kept.empty() ? "" : ", ") + field + " " + shown(currentValue(*idea, field));
        }
        if (kept.empty()) continue;
        report.lines.push_back("conflict on idea #" + std::to_string(idea->number) + " (" + ideaId +
                               ") resolved per field: kiosk " + pushed.change.kioskId + "'s change (server change " +
                               std::to_string(pushed.change.serverSeq) + ") applied; where its row differs, the fields stay as the " +
                               "moderation log sets them: " + kept);
    }
}

}  // namespace storage::replica_fields
