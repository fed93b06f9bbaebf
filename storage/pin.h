// The moderators' PIN: a salted, memory-hard hash (libsodium's crypto_pwhash) in the database's meta table,
// and a lockout after wrong tries that survives a restart because its state is stored there too.
#pragma once

#include "storage/store.h"

#include <string>

namespace storage {

constexpr int kPinFreeTries = 5;  ///< wrong tries before the first lockout

/// Seconds of lockout after `failures` wrong tries in a row: none before the fifth, then 60 s, doubling with
/// each further wrong try (capped at one day).
int pinLockoutSeconds(int failures);

struct PinAttempt {
    enum class Result { Accepted, Wrong, Locked, NotSet };
    Result result = Result::NotSet;
    int triesLeft = 0;       ///< before the next lockout (Wrong)
    int lockedSeconds = 0;   ///< how long entry stays locked from now (Wrong, Locked)
};

bool pinIsSet(Store& store);
/// Stores a new PIN (4 to 8 digits, else RuleError "bad_pin") and clears any lockout.
void setPin(Store& store, const std::string& pin);
/// Checks a PIN against the stored hash, counting wrong tries; while locked, nothing is checked or counted.
PinAttempt checkPin(Store& store, const std::string& pin);
/// The lockout as it stands, without trying anything.
PinAttempt pinStatus(Store& store);

}  // namespace storage
