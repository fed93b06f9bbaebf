// The phones' join code for the projector and the attract screen: the phone server's address, read from the
// database (the server records it there; the projector may be another process) and turned into QR modules.
#pragma once

#include "kiosk/ui/join_code.h"
#include "storage/store.h"

#include <string>

namespace kiosk::app {

/// The code for `url` with its short label ("http://192.168.1.10:8080/" is written "192.168.1.10:8080", which a
/// phone's browser opens as typed). Empty for an empty url.
ui::JoinCode joinCodeFor(const std::string& url);
/// The code of the phone server serving this database now (storage::phonesUrl), empty when none does.
ui::JoinCode loadJoinCode(storage::Store& store);

}  // namespace kiosk::app
