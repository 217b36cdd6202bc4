#include "profile/return_keys.h"

#include <sodium.h>

#include <algorithm>
#include <set>
#include <stdexcept>
#include <utility>
#include <vector>

#include "common/text.h"

namespace harbour::profile {
namespace {

// sodium_init() once per process (thread-safe through the function-local static). Failure
// means no usable CSPRNG: a broken environment, so it throws (an invariant, not input).
void EnsureSodium() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium failed to initialise");
}

const unsigned char* Bytes(std::string_view text) {
  return reinterpret_cast<const unsigned char*>(text.data());
}

std::unexpected<Error> KeyFileProblem(std::string_view file, std::string_view where,
                                      const std::string& message) {
  std::string text =
      std::string(file) + ": " + std::string(where) + (where.empty() ? "" : ": ") + message;
  return Fail(ErrorKind::kInvalid, "invalid_key_file", text, {{"key", text}});
}

std::unexpected<Error> TrustedProblem(std::string_view file, std::string_view where,
                                      const std::string& message) {
  std::string text =
      std::string(file) + ": " + std::string(where) + (where.empty() ? "" : ": ") + message;
  return Fail(ErrorKind::kInvalid, "invalid_trusted_keys", text, {{"trusted", text}});
}

// The lines of `text` with their numbers, blank lines and '#' comments left out.
std::vector<std::pair<int, std::string>> MeaningfulLines(std::string_view text) {
  std::vector<std::pair<int, std::string>> lines;
  int number = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    ++number;
    std::string line = Trim(text.substr(start, end - start));
    if (!line.empty() && line.front() != '#') lines.emplace_back(number, std::move(line));
    start = end + 1;
  }
  return lines;
}

std::string LineName(int number) { return "line " + std::to_string(number); }

}  // namespace

bool IsPartnershipCode(std::string_view code) {
  if (code.empty() || code.size() > 32) return false;
  auto alnum = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  };
  if (!alnum(code.front())) return false;
  return std::ranges::all_of(code, [&](char c) { return alnum(c) || c == '-' || c == '_'; });
}

std::string PartnershipNameProblem(std::string_view name) {
  if (name.empty()) return "must not be empty";
  if (name.size() > 200) return "must be 200 bytes or fewer";
  if (!IsValidUtf8(name)) return "must be UTF-8 text";
  if (HasControlCharacters(name) || name.find('\x7f') != std::string_view::npos) {
    return "must not hold control characters";
  }
  if (Trim(name) != name) return "must not start or end with a space";
  return "";
}

SecretKey SecretKey::Generate() {
  EnsureSodium();
  std::array<unsigned char, 32> seed{};
  randombytes_buf(seed.data(), seed.size());
  SecretKey key = FromSeed(seed);
  sodium_memzero(seed.data(), seed.size());
  return key;
}

SecretKey SecretKey::FromSeed(const std::array<unsigned char, 32>& seed) {
  EnsureSodium();
  static_assert(crypto_sign_SEEDBYTES == 32 && crypto_sign_PUBLICKEYBYTES == 32 &&
                crypto_sign_SECRETKEYBYTES == 64);
  SecretKey key;
  key.seed_ = seed;
  crypto_sign_seed_keypair(key.public_.bytes.data(), key.secret_.data(), key.seed_.data());
  return key;
}

SecretKey::~SecretKey() {
  sodium_memzero(seed_.data(), seed_.size());
  sodium_memzero(secret_.data(), secret_.size());
}

std::string SecretKey::Sign(std::string_view message) const {
  std::string signature(crypto_sign_BYTES, '\0');
  crypto_sign_detached(reinterpret_cast<unsigned char*>(signature.data()), nullptr, Bytes(message),
                       message.size(), secret_.data());
  return signature;
}

bool Verify(const PublicKey& key, std::string_view message, std::string_view signature) {
  EnsureSodium();
  if (signature.size() != crypto_sign_BYTES) return false;
  return crypto_sign_verify_detached(Bytes(signature), Bytes(message), message.size(),
                                     key.bytes.data()) == 0;
}

std::string Base64(std::string_view bytes) {
  const int variant = sodium_base64_VARIANT_ORIGINAL;
  std::string encoded(sodium_base64_ENCODED_LEN(bytes.size(), variant), '\0');
  sodium_bin2base64(encoded.data(), encoded.size(), Bytes(bytes), bytes.size(), variant);
  encoded.pop_back();  // the terminating NUL sodium writes
  return encoded;
}

std::optional<std::string> FromBase64(std::string_view text) {
  std::string decoded(text.size() / 4 * 3 + 3, '\0');
  std::size_t length = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(decoded.data()), decoded.size(),
                        text.data(), text.size(), nullptr, &length, &end,
                        sodium_base64_VARIANT_ORIGINAL) != 0 ||
      end != text.data() + text.size()) {
    return std::nullopt;
  }
  decoded.resize(length);
  // Only the one canonical text of these bytes (no stray bits in the last character).
  if (Base64(decoded) != text) return std::nullopt;
  return decoded;
}

std::string EncodePublicKey(const PublicKey& key) {
  return Base64(std::string_view(reinterpret_cast<const char*>(key.bytes.data()), 32));
}

Result<PublicKey> DecodePublicKey(std::string_view base64) {
  auto bytes = FromBase64(base64);
  if (!bytes || bytes->size() != 32) {
    return Fail(ErrorKind::kInvalid, "invalid_public_key",
                "A public key is 44 characters of base64 (32 bytes).",
                {{"public_key", "must be 44 characters of base64 (32 bytes)"}});
  }
  PublicKey key;
  std::copy(bytes->begin(), bytes->end(), key.bytes.begin());
  return key;
}

std::string KeyId(const PublicKey& key) {
  EnsureSodium();
  std::array<unsigned char, 32> digest{};
  crypto_generichash(digest.data(), digest.size(), key.bytes.data(), key.bytes.size(), nullptr, 0);
  return HexEncode(std::string_view(reinterpret_cast<const char*>(digest.data()), 8));
}

Result<SigningKey> GenerateSigningKey(std::string_view partnership_code,
                                      std::string_view partnership_name) {
  std::map<std::string, std::string> problems;
  if (!IsPartnershipCode(partnership_code)) {
    problems["partnership_code"] =
        "must be 1 to 32 letters, digits, '-' or '_', starting with a letter or digit";
  }
  if (auto problem = PartnershipNameProblem(partnership_name); !problem.empty()) {
    problems["partnership_name"] = "must be a name: " + problem;
  }
  if (!problems.empty()) return Invalid(problems, "The key was not made.");
  return SigningKey{std::string(partnership_code), std::string(partnership_name),
                    SecretKey::Generate()};
}

std::string SigningKeyFileText(const SigningKey& key) {
  const auto& seed = key.key.Seed();
  std::string seed_text =
      Base64(std::string_view(reinterpret_cast<const char*>(seed.data()), seed.size()));
  std::string text =
      "# Harbour: the key that signs the regional and national return of one partnership\n"
      "# (docs/profile.md, The regional and national return). SECRET: whoever holds this file can "
      "sign returns as the\n"
      "# partnership. Keep it readable only by the account that makes returns (mode 0600),\n"
      "# never send it anywhere, and keep a copy where the partnership keeps its secrets.\n"
      "# The public key, for the trusted-keys file: harbour keys public --key THIS_FILE\n";
  text += "format = " + std::string(kSigningKeyFormat) + "\n";
  text += "partnership_code = " + key.partnership_code + "\n";
  text += "partnership_name = " + key.partnership_name + "\n";
  text += "seed = " + seed_text + "\n";
  sodium_memzero(seed_text.data(), seed_text.size());
  return text;
}

namespace {

// The four values of a key file by key, or the first problem.
Result<std::map<std::string, std::string>> KeyFileValues(std::string_view text,
                                                         std::string_view file) {
  static const std::set<std::string> kKeys = {"format", "partnership_code", "partnership_name",
                                              "seed"};
  std::map<std::string, std::string> values;
  for (const auto& [number, line] : MeaningfulLines(text)) {
    auto equals = line.find('=');
    if (equals == std::string::npos) {
      return KeyFileProblem(file, LineName(number), "expected `key = value`");
    }
    std::string key = Trim(std::string_view(line).substr(0, equals));
    if (!kKeys.contains(key)) {
      return KeyFileProblem(file, LineName(number), "unknown key \"" + key.substr(0, 40) + "\"");
    }
    if (!values.emplace(key, Trim(std::string_view(line).substr(equals + 1))).second) {
      return KeyFileProblem(file, LineName(number), key + " is given twice");
    }
  }
  for (const auto& key : kKeys) {
    if (!values.contains(key)) return KeyFileProblem(file, "", "has no " + key);
  }
  return values;
}

}  // namespace

Result<SigningKey> ParseSigningKeyFile(std::string_view text, std::string_view file_name) {
  if (text.size() > kMaxKeyFileBytes) {
    return KeyFileProblem(file_name, "", "is too large to be a Harbour signing key");
  }
  if (!IsValidUtf8(text)) return KeyFileProblem(file_name, "", "is not UTF-8 text");
  auto values = KeyFileValues(text, file_name);
  if (!values) return std::unexpected(values.error());
  if ((*values)["format"] != kSigningKeyFormat) {
    return KeyFileProblem(
        file_name, "format",
        "must be " + std::string(kSigningKeyFormat) + " (is this a Harbour signing key?)");
  }
  const std::string& code = (*values)["partnership_code"];
  if (!IsPartnershipCode(code)) {
    return KeyFileProblem(file_name, "partnership_code", "is not a partnership code");
  }
  const std::string& name = (*values)["partnership_name"];
  if (auto problem = PartnershipNameProblem(name); !problem.empty()) {
    return KeyFileProblem(file_name, "partnership_name", problem);
  }
  auto seed = FromBase64((*values)["seed"]);
  sodium_memzero((*values)["seed"].data(), (*values)["seed"].size());
  if (!seed || seed->size() != 32) {
    return KeyFileProblem(file_name, "seed", "must be 44 characters of base64 (32 bytes)");
  }
  std::array<unsigned char, 32> bytes{};
  std::copy(seed->begin(), seed->end(), bytes.begin());
  sodium_memzero(seed->data(), seed->size());
  SigningKey key{code, name, SecretKey::FromSeed(bytes)};
  sodium_memzero(bytes.data(), bytes.size());
  return key;
}

std::string TrustedKeyLine(std::string_view partnership_code, const PublicKey& key) {
  return std::string(partnership_code) + " " + EncodePublicKey(key);
}

namespace {

// One line's code and key, or why it is not a trusted-key line.
Result<std::pair<std::string, PublicKey>> TrustedLine(const std::string& line,
                                                      std::string_view file, int number) {
  auto space = line.find_first_of(" \t");
  if (space == std::string::npos) {
    return TrustedProblem(file, LineName(number), "expected a partnership code and its public key");
  }
  std::string code = line.substr(0, space);
  std::string key_text = Trim(std::string_view(line).substr(space + 1));
  if (!IsPartnershipCode(code)) {
    return TrustedProblem(file, LineName(number),
                          "\"" + code.substr(0, 40) + "\" is not a partnership code");
  }
  auto key = DecodePublicKey(key_text);
  if (!key) {
    return TrustedProblem(file, LineName(number),
                          "the key of " + code + " must be 44 characters of base64 (32 bytes)");
  }
  return std::pair{code, *key};
}

}  // namespace

Result<TrustedKeys> ParseTrustedKeys(std::string_view text, std::string_view file_name) {
  if (text.size() > 1024 * 1024) {
    return TrustedProblem(file_name, "", "is too large to be a trusted-keys file");
  }
  if (!IsValidUtf8(text)) return TrustedProblem(file_name, "", "is not UTF-8 text");
  TrustedKeys trusted;
  std::map<std::string, std::string> owner_of_key;  // base64 key -> code
  for (const auto& [number, line] : MeaningfulLines(text)) {
    auto entry = TrustedLine(line, file_name, number);
    if (!entry) return std::unexpected(entry.error());
    auto& [code, key] = *entry;
    if (trusted.contains(code)) {
      return TrustedProblem(file_name, LineName(number), code + " is given twice");
    }
    auto [owner, fresh] = owner_of_key.emplace(EncodePublicKey(key), code);
    if (!fresh) {
      return TrustedProblem(file_name, LineName(number),
                            "the key of " + code + " is already the key of " + owner->second +
                                ": each partnership has its own key");
    }
    trusted.emplace(code, key);
  }
  if (trusted.empty()) return TrustedProblem(file_name, "", "trusts no key");
  return trusted;
}

}  // namespace harbour::profile
