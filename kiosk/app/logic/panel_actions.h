// The moderators' panel against the store: what it shows, and carrying out what a moderator asked for.
#pragma once

#include "kiosk/core/i18n.h"
#include "kiosk/core/panel.h"
#include "storage/store.h"

#include <string>

namespace kiosk::app {

/// Reads everything the panel shows for one event (ideas of every status, sessions, the newest log entries).
core::PanelModel loadPanelModel(storage::Store& store, const std::string& eventId, bool atKiosk);

struct PanelResult {
    std::string message;     ///< for the panel's status line, in the catalog's language
    bool ok = false;
    bool leaveKiosk = false; ///< the kiosk window should close (the moderators left kiosk mode)
};

/// Carries out one action as one transaction of the model (which logs it with before and after); a refused
/// or failed action changes nothing and says why.
PanelResult applyPanelAction(storage::Store& store, const std::string& eventId, const std::string& actor,
                             const core::PanelAction& action, const core::Catalog& text, const std::string& language);

}  // namespace kiosk::app
