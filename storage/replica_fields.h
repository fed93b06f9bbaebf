// The venue sync's rule for concurrent moderation of one idea: fields, not rows. Used by replica.cpp only.
//
// Every change to an existing idea is a moderation action whose log entry names the fields it set ("after") and
// what they were ("before"). The sync applies those entries as operations, in the server's order, on every
// kiosk (its own ones again too, so all kiosks apply the same sequence): a pin at kiosk A and a hide at kiosk B of
// the same idea at the same time both survive, since they set different fields; two changes of the same field end
// with the later one in server order. A pushed idea row only brings an idea a kiosk does not have yet.
#pragma once

#include "storage/replica.h"

#include <nlohmann/json.hpp>

#include <map>

namespace storage::replica_fields {

/// The moderation actions that set an idea's fields (status, edit, merge, pin); others (a word-list flag, event
/// settings, sessions) set none.
bool setsIdeaFields(const ModerationEntry& entry);

/// Applies a pulled moderation entry to its idea (if this file has it), field by field: each field of `after`
/// takes its value, except
/// - a field this file has an unsent moderation entry on: that entry reaches the server later and wins everywhere
///   (kept, counted in keptLocal and logged);
/// - the status of a merged idea: merged is final (logged).
/// True when a field changed.
bool applyIdeaOperation(Store& store, const ModerationEntry& entry, const RemoteChange& change, ApplyReport& report);

/// The last row pushed of an idea this file already has, when it differed from the file's: after the batch,
/// explainFieldMerges logs the fields in which the idea still differs from it (those the log did not set as the
/// row says: the other kiosk changed other fields, or a later entry set them again).
struct PushedRow {
    nlohmann::json row;
    RemoteChange change;
};
void explainFieldMerges(Store& store, const std::map<std::string, PushedRow>& rows, ApplyReport& report);

}  // namespace storage::replica_fields
