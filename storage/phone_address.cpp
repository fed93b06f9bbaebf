// The phone server's URL and the moderators' wish in the meta table (see phone_address.h): two rows, no schema
// change. The meta table is neither exported, merged nor synced, so both stay with this file, as the server they
// name does; the wish's changes go to the moderation log, which is.
#include "storage/phone_address.h"

#include "storage/store_impl.h"

#include <SQLiteCpp/Statement.h>

namespace storage {

namespace {
constexpr const char* kKey = "phones_url";
constexpr const char* kWantedKey = "phones_wanted";
}

std::optional<std::string> phonesUrl(Store& store) { return keyValue(store.db(), "meta", kKey); }

void recordPhonesUrl(Store& store, const std::string& url) {
    store.transaction([&] { putKeyValue(store.db(), "meta", kKey, url); });
}

void clearPhonesUrl(Store& store, const std::string& url) {
    store.transaction([&] {
        SQLite::Statement forget(store.db(), "DELETE FROM meta WHERE key = ? AND value = ?");
        forget.bind(1, kKey);
        forget.bind(2, url);
        forget.exec();
    });
}

std::optional<bool> phonesWanted(Store& store) {
    const auto value = keyValue(store.db(), "meta", kWantedKey);
    if (!value) return std::nullopt;
    return *value == "1";
}

void setPhonesWanted(Store& store, const std::string& eventId, bool on, const std::string& actor) {
    store.transaction([&] {
        const auto before = phonesWanted(store);
        putKeyValue(store.db(), "meta", kWantedKey, on ? "1" : "0");
        const auto flag = [](std::optional<bool> v) -> std::string {
            if (!v) return "{}";
            return *v ? R"({"phones":true})" : R"({"phones":false})";
        };
        store.logModeration(eventId, actor, "phones", eventId, flag(before), flag(on));
    });
}

}  // namespace storage
