// What the projector shows, read from the store: the presentation policy, kept apart from the window that draws it.
#pragma once

#include "kiosk/ui/projector_view.h"
#include "storage/store.h"

#include <string>

namespace kiosk::app {

/// The active event's projector model: the ranking by votes with the pinned ideas, the newest five and the live
/// totals. Before the counts are revealed the ranking lists the newest first instead, since the order of a
/// ranking would give the counts away. Category names are German, the hall's language.
ui::ProjectorModel loadProjector(storage::Store& store);

/// What to show after a commit: the fresh model, except that a frozen projector keeps its picture and only learns
/// that it is frozen; unfreezing shows the present.
ui::ProjectorModel followed(ui::ProjectorModel shown, ui::ProjectorModel fresh);

/// The projector's automation file: the first `topCount` ideas of the ranking, the pinned ones, totals, flags.
std::string projectorAutomation(const ui::ProjectorModel& model, int topCount);

}  // namespace kiosk::app
