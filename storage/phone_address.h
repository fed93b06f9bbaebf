// Where phones join: the address the running phone server serves, recorded in the meta table so that a projector
// in another process (which has only the database in common with the server) can show its QR code.
#pragma once

#include "storage/store.h"

#include <optional>
#include <string>

namespace storage {

/// The URL the phone server recorded when it started, if one is serving on this file now.
std::optional<std::string> phonesUrl(Store& store);
/// Records `url` (a started server). One small write in its own transaction.
void recordPhonesUrl(Store& store, const std::string& url);
/// Forgets the URL when it is still `url` (a stopping server): another server started since keeps its own.
void clearPhonesUrl(Store& store, const std::string& url);

/// Whether the moderators want this file's kiosk to serve phones (the panel's control tab), if they ever said;
/// unset: as the kiosk was started (`run --phones`). Kept per file, not per event: the server is this machine's.
std::optional<bool> phonesWanted(Store& store);
/// Records the wish and logs it (action "phones", before and after) in one transaction.
void setPhonesWanted(Store& store, const std::string& eventId, bool on, const std::string& actor);

}  // namespace storage
