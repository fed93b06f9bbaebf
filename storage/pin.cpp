// PIN hashing and lockout. The hash is verified outside the write transaction, because a memory-hard hash
// takes a noticeable fraction of a second and a kiosk must not wait for the database meanwhile.
#include "storage/pin.h"

#include "storage/store_impl.h"

#include <SQLiteCpp/Statement.h>
#include <sodium.h>

#include <algorithm>
#include <optional>

namespace storage {

namespace {

std::optional<std::string> metaValue(Store& store, const char* key) { return keyValue(store.db(), "meta", key); }

void putMeta(Store& store, const char* key, const std::string& value) { putKeyValue(store.db(), "meta", key, value); }

struct Lockout {
    int failures = 0;
    TimeMs lockedUntil = 0;
};

Lockout readLockout(Store& store) {
    Lockout l;
    if (auto v = metaValue(store, "pin_failures")) l.failures = std::stoi(*v);
    if (auto v = metaValue(store, "pin_locked_until")) l.lockedUntil = std::stoll(*v);
    return l;
}

void writeLockout(Store& store, const Lockout& l) {
    putMeta(store, "pin_failures", std::to_string(l.failures));
    putMeta(store, "pin_locked_until", std::to_string(l.lockedUntil));
}

int secondsUntil(TimeMs until, TimeMs now) { return static_cast<int>((until - now + 999) / 1000); }

void initSodium() {
    if (sodium_init() < 0) throw StoreError("libsodium could not be initialised");
}

}  // namespace

int pinLockoutSeconds(int failures) {
    if (failures < kPinFreeTries) return 0;
    const int doublings = std::min(failures - kPinFreeTries, 11);  // 60 s · 2^11 > one day
    return std::min(60 << doublings, 24 * 3600);
}

bool pinIsSet(Store& store) { return metaValue(store, "pin_hash").has_value(); }

void setPin(Store& store, const std::string& pin) {
    if (pin.size() < 4 || pin.size() > 8 || !std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        throw RuleError("bad_pin", "the PIN must be 4 to 8 digits");
    }
    initSodium();
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, pin.c_str(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        throw StoreError("not enough memory to hash the PIN");
    }
    store.transaction([&] {
        putMeta(store, "pin_hash", hash);
        writeLockout(store, {});
    });
}

PinAttempt pinStatus(Store& store) {
    PinAttempt status;
    if (!pinIsSet(store)) return status;
    const Lockout l = readLockout(store);
    const TimeMs now = store.now();
    if (now < l.lockedUntil) {
        status.result = PinAttempt::Result::Locked;
        status.lockedSeconds = secondsUntil(l.lockedUntil, now);
    } else {
        status.result = PinAttempt::Result::Accepted;  // entry is open
    }
    status.triesLeft = std::max(0, kPinFreeTries - l.failures);
    return status;
}

PinAttempt checkPin(Store& store, const std::string& pin) {
    const auto hash = metaValue(store, "pin_hash");
    if (!hash) return {};
    PinAttempt attempt = pinStatus(store);
    if (attempt.result == PinAttempt::Result::Locked) return attempt;
    initSodium();
    const bool correct = crypto_pwhash_str_verify(hash->c_str(), pin.c_str(), pin.size()) == 0;
    store.transaction([&] {
        Lockout l = readLockout(store);
        const TimeMs now = store.now();
        if (now < l.lockedUntil) {  // another attempt locked entry while this one was being hashed
            attempt = {PinAttempt::Result::Locked, 0, secondsUntil(l.lockedUntil, now)};
            return;
        }
        if (correct) {
            writeLockout(store, {});
            attempt = {PinAttempt::Result::Accepted, kPinFreeTries, 0};
            return;
        }
        ++l.failures;
        const int lock = pinLockoutSeconds(l.failures);
        l.lockedUntil = lock > 0 ? now + static_cast<TimeMs>(lock) * 1000 : 0;
        writeLockout(store, l);
        attempt = {PinAttempt::Result::Wrong, std::max(0, kPinFreeTries - l.failures), lock};
    });
    return attempt;
}

}  // namespace storage
