// Phone session tokens: random from libsodium for the cookie, and the hash that is all the database keeps.
#pragma once

#include <string>

namespace phones {

/// A new random token (32 bytes, URL-safe base64 without padding: 43 characters).
std::string newToken();
/// The hex BLAKE2b hash of a token, as stored in phone_tokens.
std::string hashToken(const std::string& token);
/// True when `token` looks like one of ours (length and alphabet), before it is hashed and looked up.
bool plausibleToken(const std::string& token);
/// The value of cookie `name` in a Cookie header, empty when absent.
std::string cookieValue(const std::string& header, const std::string& name);

}  // namespace phones
