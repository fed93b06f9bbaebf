// The venue PC's configuration file (/etc/ideenkiosk/kiosk.toml in the package): what `--config` reads. Every
// value is optional; an option given on the command line wins over the file.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace kiosk::app {

/// What kiosk.toml may set. Unset values leave the command line's defaults alone.
struct KioskConfig {
    std::optional<std::string> database;      ///< database = "…"
    std::optional<std::string> eventFile;     ///< event_file = "…": loaded when the database has no active event
    std::optional<std::string> assets;        ///< assets = "…"
    std::optional<int> monitor;               ///< [kiosk] monitor
    std::optional<double> idleTimeout;        ///< [kiosk] idle_timeout (seconds)
    std::optional<std::vector<std::string>> languages;  ///< [kiosk] languages = ["de", "uk", …]: narrows the event's list
    std::optional<std::string> panelLanguage; ///< [kiosk] panel_language = "tr": the moderators' panel starts in it (else German)
    std::optional<int> kioskProjectorMonitor; ///< [kiosk] projector_monitor: the projector as a second window
    std::optional<int> projectorMonitor;      ///< [projector] monitor
    std::optional<std::string> server;        ///< [server] url: the PostgreSQL sync server, when there is one
    std::optional<bool> phonesEnabled;        ///< [phones] enabled
    std::optional<int> phonesPort;            ///< [phones] port
    std::optional<bool> phonesOnAttract;      ///< [phones] attract: the attract screen shows the QR code too
    std::optional<std::string> backupFolder;  ///< [backup] folder: hourly backups go here when set
    std::optional<int> backupKeep;            ///< [backup] keep: how many backups stay
};

/// A configuration file that cannot be used: one line naming the file (and the line, when the TOML is broken).
class ConfigError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// `languages` if every code is one a kiosk can offer (storage::offerableLanguages), none twice and at least one;
/// else a ConfigError naming `where` and the first bad code. The kiosk offers those of them the event offers.
std::vector<std::string> checkedLanguages(const std::vector<std::string>& languages, const std::string& where);

/// Reads `path`. Unknown keys and wrong types are refused (a typo must not silently do nothing).
KioskConfig loadKioskConfig(const std::string& path);
/// The same from text already read (tests); `name` is used in messages.
KioskConfig parseKioskConfig(const std::string& text, const std::string& name);

}  // namespace kiosk::app
