#pragma once
// The keys of the regional and national return (issue 12; docs/profile.md, "The regional and
// national return"): each partnership signs its return with its own Ed25519 key (libsodium), and
// whoever combines the returns trusts one public key per partnership code. This file holds the
// keys, the two text files they live in (a partnership's secret signing key; the aggregator's
// trusted keys) and the partnership's code and name. Pure: the CLI reads and writes the files.
#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "common/error.h"

namespace harbour::profile {

// A partnership's code: 1 to 32 letters, digits, '-' or '_', starting with a letter or digit
// ("north-harbour", "E06000023"). Case matters.
bool IsPartnershipCode(std::string_view code);
// Why `name` cannot be a partnership's name (1 to 200 bytes of UTF-8 after trimming, no control
// characters), or "" when it can. `name` is taken as it is: trim it first.
std::string PartnershipNameProblem(std::string_view name);

struct PublicKey {
  std::array<unsigned char, 32> bytes{};
  friend bool operator==(const PublicKey&, const PublicKey&) = default;
};

// An Ed25519 key pair from its 32-byte seed. The seed is wiped when the key is destroyed.
class SecretKey {
 public:
  // A new key from libsodium's CSPRNG.
  static SecretKey Generate();
  // The key of this seed (what the key file stores).
  static SecretKey FromSeed(const std::array<unsigned char, 32>& seed);

  SecretKey(const SecretKey& other) = default;
  SecretKey& operator=(const SecretKey& other) = default;
  SecretKey(SecretKey&& other) = default;
  SecretKey& operator=(SecretKey&& other) = default;
  ~SecretKey();

  const std::array<unsigned char, 32>& Seed() const { return seed_; }
  const PublicKey& Public() const { return public_; }
  // The 64-byte detached Ed25519 signature of `message`.
  std::string Sign(std::string_view message) const;

 private:
  SecretKey() = default;
  std::array<unsigned char, 32> seed_{};
  std::array<unsigned char, 64> secret_{};  // libsodium's form: the seed, then the public key
  PublicKey public_;
};

// True when `signature` (64 bytes) is `key`'s signature of `message`.
bool Verify(const PublicKey& key, std::string_view message, std::string_view signature);

// Standard base64 with padding (RFC 4648 §4), and back: nullopt unless `text` is exactly such
// base64 of some bytes.
std::string Base64(std::string_view bytes);
std::optional<std::string> FromBase64(std::string_view text);

// The key in base64 (44 characters), and back: kInvalid ("public_key") unless it is 32 bytes.
std::string EncodePublicKey(const PublicKey& key);
Result<PublicKey> DecodePublicKey(std::string_view base64);
// The first 16 hex characters of the BLAKE2b-256 digest of the key's 32 bytes: a short name
// for it in messages, audit entries and the return's signature block.
std::string KeyId(const PublicKey& key);

// A partnership's signing key, as its key file holds it.
struct SigningKey {
  std::string partnership_code;
  std::string partnership_name;
  SecretKey key;
};

inline constexpr std::string_view kSigningKeyFormat = "harbour-return-signing-key-v1";
inline constexpr std::size_t kMaxKeyFileBytes = 16 * 1024;

// A new signing key for the partnership; kInvalid ("partnership_code", "partnership_name")
// when either is not one.
Result<SigningKey> GenerateSigningKey(std::string_view partnership_code,
                                      std::string_view partnership_name);
// The key file's text: a comment header saying what it is and that it is secret, then
//   format = harbour-return-signing-key-v1
//   partnership_code = CODE
//   partnership_name = NAME
//   seed = BASE64 (32 bytes)
std::string SigningKeyFileText(const SigningKey& key);
// Reads that text back. Blank lines and lines starting with '#' are skipped; every other line
// is `key = value` (spaces around '=' optional), each of the four keys exactly once. kInvalid
// (code "invalid_key_file") with a message "FILE: line N: ..." or "FILE: ..." otherwise.
Result<SigningKey> ParseSigningKeyFile(std::string_view text, std::string_view file_name);

// The public keys the aggregator trusts, by partnership code.
using TrustedKeys = std::map<std::string, PublicKey>;

// The trusted-keys file's line for a partnership: "CODE BASE64".
std::string TrustedKeyLine(std::string_view partnership_code, const PublicKey& key);
// Reads a trusted-keys file: blank lines and '#' comments skipped; every other line is a
// partnership code and its base64 public key separated by spaces or tabs. kInvalid (code
// "invalid_trusted_keys") naming "FILE: line N" for a bad line, a code given twice or one key
// given to two partnerships, and when the file trusts no key at all.
Result<TrustedKeys> ParseTrustedKeys(std::string_view text, std::string_view file_name);

}  // namespace harbour::profile
