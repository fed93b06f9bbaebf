// What a CSV export carries of an idea and an import takes back, as one line: two ideas that went through an
// export and an import must give the same line (the unit tests and the import fuzzer compare them so). Not the
// kiosk id and sequence: the importing kiosk records itself as the idea's source.
#pragma once

#include "storage/types.h"

#include <string>

namespace fixtures {

inline std::string exportedFields(const storage::Idea& idea) {
    return idea.id + " | #" + std::to_string(idea.number) + " | " + idea.title + " | " + idea.description + " | " +
           idea.author + " | " + idea.category + " | " + idea.language + " | " + storage::toString(idea.status) +
           (idea.pinned ? " | pinned" : "") + " | " + std::to_string(idea.createdAt);
}

}  // namespace fixtures
