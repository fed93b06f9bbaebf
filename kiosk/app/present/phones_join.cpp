// The phones' join code (see phones_join.h).
#include "kiosk/app/present/phones_join.h"

#include "phones/qr.h"
#include "storage/phone_address.h"

namespace kiosk::app {

namespace {

std::string shortLabel(std::string url) {
    const std::string scheme = "http://";
    if (url.compare(0, scheme.size(), scheme) == 0) url.erase(0, scheme.size());
    if (!url.empty() && url.back() == '/') url.pop_back();
    return url;
}

}  // namespace

ui::JoinCode joinCodeFor(const std::string& url) {
    ui::JoinCode code;
    if (url.empty()) return code;
    const phones::QrModules modules = phones::qrModules(url);
    code.url = url;
    code.label = shortLabel(url);
    code.size = modules.size;
    code.dark = modules.dark;
    return code;
}

ui::JoinCode loadJoinCode(storage::Store& store) { return joinCodeFor(storage::phonesUrl(store).value_or("")); }

}  // namespace kiosk::app
