#pragma once
// Users, passwords, sessions, API tokens and sign-in throttling: the rules, not the storage.
// Thread-safe (libsodium). See docs/security.md.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "access/policy.h"
#include "common/error.h"
#include "common/time.h"

namespace harbour::identity {

struct User {
  std::string id;
  std::string username;  // lower-case, 3-64 of [a-z0-9._-]
  std::string display_name;
  std::string agency_id;
  access::Role role = access::Role::kPractitioner;
  std::string password_hash;  // Argon2id encoded string
  int failed_sign_ins = 0;
  std::optional<Instant> locked_until;
  bool active = true;
};

// kInvalid (field "username") unless 3-64 characters of [a-z0-9._-]; returns lower-case.
Result<std::string> NormaliseUsername(std::string_view text);
// kInvalid (field "password") unless 12-1024 bytes of valid UTF-8.
Result<void> CheckPasswordPolicy(std::string_view password);

// Argon2id (libsodium interactive limits). Throws std::runtime_error only on out-of-memory.
std::string HashPassword(std::string_view password);
bool VerifyPassword(std::string_view password, std::string_view encoded_hash);

inline constexpr int kMaxFailedSignIns = 5;
inline constexpr std::chrono::minutes kLockout{15};
inline constexpr std::chrono::minutes kSessionIdle{30};
inline constexpr std::chrono::hours kSessionAbsolute{12};

bool IsLocked(const User& user, Instant now);
// Applies a failed attempt: increments the count; the fifth locks for kLockout from now.
void RecordFailedSignIn(User& user, Instant now);
void RecordSuccessfulSignIn(User& user);

struct Session {
  std::string id_digest;  // TokenDigest of the cookie value; the value itself is never stored
  std::string user_id;
  std::string csrf_token;
  Instant created_at{};
  Instant last_seen_at{};
};
// Expired once idle for kSessionIdle or older than kSessionAbsolute.
bool IsSessionExpired(const Session& session, Instant now);

struct ApiToken {
  std::string id;
  std::string user_id;
  std::string token_digest;
  Instant created_at{};
  std::optional<Instant> expires_at;
  bool revoked = false;
};
bool IsTokenUsable(const ApiToken& token, Instant now);

// The message shown for every failed sign-in, whatever the cause (unknown user, wrong
// password, locked account), so that it reveals nothing.
inline constexpr std::string_view kSignInFailedMessage =
    "Enter a correct username and password. After 5 failed attempts the account is locked "
    "for 15 minutes.";

}  // namespace harbour::identity
