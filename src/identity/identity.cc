#include "identity/identity.h"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <stdexcept>

#include "common/text.h"

namespace harbour::identity {
namespace {

constexpr std::size_t kMinUsername = 3;
constexpr std::size_t kMaxUsername = 64;
constexpr std::size_t kMinPassword = 12;
constexpr std::size_t kMaxPassword = 1024;

void EnsureSodium() {
  // A function-local static is initialised exactly once, even under concurrent first calls.
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium failed to initialise");
}

bool IsUsernameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

Result<std::string> NormaliseUsername(std::string_view text) {
  if (text.empty()) return Invalid({{"username", "Enter a username"}});
  std::string username;
  username.reserve(text.size());
  for (char c : text) username += AsciiLower(c);
  const bool right_length = username.size() >= kMinUsername && username.size() <= kMaxUsername;
  if (!right_length || !std::ranges::all_of(username, IsUsernameChar)) {
    return Invalid({{"username",
                     "Username must be 3 to 64 characters: letters, digits, full stops, "
                     "hyphens and underscores only"}});
  }
  return username;
}

Result<void> CheckPasswordPolicy(std::string_view password) {
  if (password.empty()) return Invalid({{"password", "Enter a password"}});
  if (!IsValidUtf8(password)) {
    return Invalid({{"password", "Password contains characters that cannot be used"}});
  }
  if (password.size() < kMinPassword) {
    return Invalid({{"password", "Password must be 12 characters or more"}});
  }
  if (password.size() > kMaxPassword) {
    return Invalid({{"password", "Password must be 1024 characters or fewer"}});
  }
  return {};
}

std::string HashPassword(std::string_view password) {
  EnsureSodium();
  std::array<char, crypto_pwhash_STRBYTES> encoded{};
  if (crypto_pwhash_str(encoded.data(), password.data(), password.size(),
                        crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    throw std::runtime_error("out of memory while hashing a password");
  }
  return std::string(encoded.data());
}

bool VerifyPassword(std::string_view password, std::string_view encoded_hash) {
  EnsureSodium();
  // libsodium reads a NUL-terminated string of fewer than crypto_pwhash_STRBYTES bytes.
  if (encoded_hash.empty() || encoded_hash.size() >= crypto_pwhash_STRBYTES ||
      encoded_hash.find('\0') != std::string_view::npos) {
    return false;
  }
  const std::string terminated(encoded_hash);
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

bool IsLocked(const User& user, Instant now) {
  return user.locked_until.has_value() && now < *user.locked_until;
}

// Attempts while locked neither count nor extend the lock (the caller should refuse them
// before checking the password). The first failure after a lock has expired starts a fresh
// count of one, so an expired lock never re-locks on a single mistake.
void RecordFailedSignIn(User& user, Instant now) {
  if (IsLocked(user, now)) return;
  if (user.locked_until.has_value()) {
    user.locked_until.reset();
    user.failed_sign_ins = 0;
  }
  ++user.failed_sign_ins;
  if (user.failed_sign_ins >= kMaxFailedSignIns) user.locked_until = now + kLockout;
}

void RecordSuccessfulSignIn(User& user) {
  user.failed_sign_ins = 0;
  user.locked_until.reset();
}

bool IsSessionExpired(const Session& session, Instant now) {
  return now - session.last_seen_at >= kSessionIdle || now - session.created_at >= kSessionAbsolute;
}

bool IsTokenUsable(const ApiToken& token, Instant now) {
  if (token.revoked) return false;
  return !token.expires_at.has_value() || now < *token.expires_at;
}

}  // namespace harbour::identity
