#include "common/ids.h"

#include <sodium.h>

#include <stdexcept>
#include <vector>

#include "common/text.h"

namespace harbour {
namespace {

// sodium_init() once per process; the function-local static makes it thread-safe.
// Failure means no usable CSPRNG: a broken environment, so it throws (an invariant, not input).
void EnsureSodium() {
  static const bool initialised = [] { return sodium_init() >= 0; }();
  if (!initialised) throw std::runtime_error("libsodium failed to initialise");
}

std::string RandomBytes(std::size_t count) {
  EnsureSodium();
  std::string bytes(count, '\0');
  if (count > 0) randombytes_buf(bytes.data(), count);
  return bytes;
}

}  // namespace

std::string NewId() { return HexEncode(RandomBytes(16)); }

bool IsValidId(std::string_view id) {
  if (id.size() != 32) return false;
  for (char c : id) {
    bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    if (!hex) return false;
  }
  return true;
}

std::string RandomToken(std::size_t bytes) {
  std::string raw = RandomBytes(bytes);
  const int variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::vector<char> encoded(sodium_base64_ENCODED_LEN(bytes, variant));
  sodium_bin2base64(encoded.data(), encoded.size(),
                    reinterpret_cast<const unsigned char*>(raw.data()), raw.size(), variant);
  sodium_memzero(raw.data(), raw.size());
  return std::string(encoded.data());
}

std::string TokenDigest(std::string_view secret) {
  EnsureSodium();
  unsigned char digest[crypto_generichash_BYTES];
  static_assert(crypto_generichash_BYTES == 32, "BLAKE2b-256");
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(secret.data()),
                     secret.size(), nullptr, 0);
  return HexEncode(std::string_view(reinterpret_cast<const char*>(digest), sizeof digest));
}

bool SecretsEqual(std::string_view a, std::string_view b) {
  // Lengths are not secret (tokens have a fixed length); contents are compared in constant time.
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  EnsureSodium();
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace harbour
