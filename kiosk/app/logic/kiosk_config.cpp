// Reading kiosk.toml with toml++ (see kiosk_config.h).
#include "kiosk/app/logic/kiosk_config.h"

#include "storage/text.h"
#include "storage/types.h"

#include <toml++/toml.h>

#include <fstream>
#include <set>
#include <sstream>

namespace kiosk::app {

namespace {

class Reader {
public:
    Reader(const toml::table& root, std::string name) : m_root(root), m_name(std::move(name)) {}

    template <class T>
    void read(const std::string& section, const std::string& key, std::optional<T>& out) {
        const toml::table* table = &m_root;
        if (!section.empty()) {
            table = m_root[section].as_table();
            if (!table) return;
        }
        m_known.insert(section.empty() ? key : section + "." + key);
        const toml::node* node = table->get(key);
        if (!node) return;
        if constexpr (std::is_same_v<T, double>) {
            // idle_timeout = 60 is an integer in TOML; it means 60 seconds all the same.
            if (auto whole = node->as_integer()) {
                out = static_cast<double>(whole->get());
                return;
            }
        }
        if constexpr (std::is_same_v<T, int>) {
            if (auto whole = node->as_integer()) {
                out = static_cast<int>(whole->get());
                return;
            }
        } else {
            if (auto v = node->value_exact<T>()) {
                out = *v;
                return;
            }
        }
        throw ConfigError(m_name + ": " + (section.empty() ? key : section + "." + key) + " has the wrong type");
    }

    /// A list of text, e.g. [kiosk] languages = ["de", "uk"].
    void readList(const std::string& section, const std::string& key, std::optional<std::vector<std::string>>& out) {
        const toml::table* table = m_root[section].as_table();
        m_known.insert(section + "." + key);
        if (!table) return;
        const toml::node* node = table->get(key);
        if (!node) return;
        const toml::array* list = node->as_array();
        std::vector<std::string> values;
        for (std::size_t i = 0; list && i < list->size(); ++i) {
            const auto value = list->get(i)->value_exact<std::string>();
            if (!value) list = nullptr;
            else values.push_back(*value);
        }
        if (!list) throw ConfigError(m_name + ": " + section + "." + key + " must be a list of text, e.g. [\"de\", \"tr\"]");
        out = std::move(values);
    }

    /// Every key of the file must be one we read: a misspelt key would otherwise do nothing without a word.
    void refuseUnknown() const {
        for (const auto& [key, node] : m_root) {
            const std::string name(key.str());
            if (const toml::table* table = node.as_table()) {
                for (const auto& [inner, value] : *table) {
                    const std::string full = name + "." + std::string(inner.str());
                    if (!m_known.count(full)) throw ConfigError(m_name + ": unknown setting " + storage::quoteUntrusted(full));
                }
            } else if (!m_known.count(name)) {
                throw ConfigError(m_name + ": unknown setting " + storage::quoteUntrusted(name));
            }
        }
    }

private:
    const toml::table& m_root;
    std::string m_name;
    std::set<std::string> m_known;
};

}  // namespace

KioskConfig parseKioskConfig(const std::string& text, const std::string& name) {
    toml::table root;
    try {
        root = toml::parse(text, name);
    } catch (const toml::parse_error& e) {
        throw ConfigError(name + ":" + std::to_string(e.source().begin.line) + ": " + std::string(e.description()));
    }
    KioskConfig config;
    Reader reader(root, name);
    reader.read("", "database", config.database);
    reader.read("", "event_file", config.eventFile);
    reader.read("", "assets", config.assets);
    reader.read("kiosk", "monitor", config.monitor);
    reader.read("kiosk", "idle_timeout", config.idleTimeout);
    reader.read("kiosk", "projector_monitor", config.kioskProjectorMonitor);
    reader.readList("kiosk", "languages", config.languages);
    reader.read("kiosk", "panel_language", config.panelLanguage);
    reader.read("projector", "monitor", config.projectorMonitor);
    reader.read("server", "url", config.server);
    reader.read("phones", "enabled", config.phonesEnabled);
    reader.read("phones", "port", config.phonesPort);
    reader.read("phones", "attract", config.phonesOnAttract);
    reader.read("backup", "folder", config.backupFolder);
    reader.read("backup", "keep", config.backupKeep);
    reader.refuseUnknown();
    if (config.server && config.server->empty()) config.server.reset();
    if (config.languages) config.languages = checkedLanguages(*config.languages, name + ": kiosk.languages");
    if (config.panelLanguage) config.panelLanguage = checkedLanguages({*config.panelLanguage}, name + ": kiosk.panel_language").front();
    if (config.backupKeep && *config.backupKeep < 1) throw ConfigError(name + ": backup.keep must be at least 1");
    return config;
}

std::vector<std::string> checkedLanguages(const std::vector<std::string>& languages, const std::string& where) {
    if (const std::string problem = storage::languageListProblem(languages); !problem.empty()) {
        throw ConfigError(where + ": " + problem);
    }
    return languages;
}

KioskConfig loadKioskConfig(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ConfigError("cannot read the configuration file " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return parseKioskConfig(text.str(), path);
}

}  // namespace kiosk::app
