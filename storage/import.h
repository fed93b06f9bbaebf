// Import of ideas from CSV: paper cards typed in after the conference, or last year's export.
#pragma once

#include "storage/store.h"

#include <string>
#include <string_view>

namespace storage {

struct ImportReport {
    int added = 0;
    int skipped = 0;  ///< rows whose id was already in the database
    int renumbered = 0;
};

/// Imports ideas into an event from CSV text in either dialect (detected). Columns are found by header
/// name: `title` is required; `description`, `author`, `category` (key or a name in any language),
/// `language`, `status`, `id`, `number`, `created_at`, `pinned` are optional; unknown columns are ignored.
/// All or nothing: the first bad row throws RuleError "line N: …" and nothing is imported. Rows whose id
/// exists already are skipped, so importing the same file twice adds nothing.
ImportReport importIdeasCsv(Store& store, const std::string& eventId, std::string_view csvText,
                            const std::string& actor);

}  // namespace storage
