#pragma once
// Record identifiers and secret tokens. Thread-safe (libsodium's CSPRNG).
#include <string>
#include <string_view>

namespace harbour {

// A new random record id: 32 lower-case hex characters (128 bits).
std::string NewId();
// True for the shape NewId produces (used to reject junk ids in URLs before any query).
bool IsValidId(std::string_view id);
// A secret of `bytes` random bytes, URL-safe base64 without padding (sessions, CSRF, API).
std::string RandomToken(std::size_t bytes = 32);
// BLAKE2b-256 of `secret`, hex: what is stored for sessions and API tokens, never the secret.
std::string TokenDigest(std::string_view secret);
// Constant-time equality for secrets.
bool SecretsEqual(std::string_view a, std::string_view b);

}  // namespace harbour
