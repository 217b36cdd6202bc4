#include "audit/chain.h"

#include <sodium.h>

#include <array>
#include <stdexcept>
#include <string_view>

namespace harbour::audit {
namespace {

// Leads every serialisation so that an audit hash can never collide with a BLAKE2b digest
// of some other structure. Bump the version if a fixed field is ever added, removed or
// reordered; a new optional field (written with its name, only when set) needs no bump.
constexpr std::string_view kDomainTag = "harbour.audit.v1";

void EnsureSodium() {
  // A function-local static is initialised exactly once, even under concurrent first calls.
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium failed to initialise");
}

// Appends "<decimal byte length>:<bytes>".
void AppendField(std::string& out, std::string_view field) {
  out += std::to_string(field.size());
  out += ':';
  out += field;
}

// The canonical form (chain.h, ComputeHash): the domain tag, every fixed field but `hash` in
// declaration order, then each optional field that is set as its name and its value.
std::string Serialise(const Entry& entry) {
  std::string out;
  AppendField(out, kDomainTag);
  AppendField(out, std::to_string(entry.seq));
  AppendField(out, FormatRfc3339(entry.at));
  for (const std::string* field :
       {&entry.user_id, &entry.username, &entry.role, &entry.agency, &entry.action,
        &entry.record_type, &entry.record_id, &entry.purpose, &entry.outcome, &entry.detail,
        &entry.request_id, &entry.prev_hash}) {
    AppendField(out, *field);
  }
  if (!entry.child_id.empty()) {
    AppendField(out, "child_id");
    AppendField(out, entry.child_id);
  }
  return out;
}

// For seq values that are not followed in order: tells a reordering (the expected entry
// appears later in the batch) from a deletion (it does not).
bool AppearsLater(std::span<const Entry> rest, std::int64_t seq) {
  for (const Entry& entry : rest) {
    if (entry.seq == seq) return true;
  }
  return false;
}

}  // namespace

std::string ComputeHash(const Entry& entry) {
  EnsureSodium();
  const std::string message = Serialise(entry);
  std::array<unsigned char, crypto_generichash_BYTES> digest{};
  static_assert(crypto_generichash_BYTES == 32, "BLAKE2b-256");
  crypto_generichash(digest.data(), digest.size(),
                     reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                     nullptr, 0);
  std::array<char, crypto_generichash_BYTES * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  return std::string(hex.data(), crypto_generichash_BYTES * 2);
}

void Seal(Entry& entry, const std::optional<Entry>& previous) {
  entry.seq = previous ? previous->seq + 1 : 1;
  entry.prev_hash = previous ? previous->hash : std::string(kGenesisHash);
  entry.hash = ComputeHash(entry);
}

std::optional<Break> Verify(std::span<const Entry> entries, const std::optional<Entry>& previous) {
  std::int64_t expected_seq = previous ? previous->seq + 1 : 1;
  std::string expected_prev = previous ? previous->hash : std::string(kGenesisHash);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const Entry& entry = entries[i];
    if (entry.seq < expected_seq) return Break{entry.seq, "sequence out of order"};
    if (entry.seq > expected_seq) {
      const bool reordered = AppearsLater(entries.subspan(i + 1), expected_seq);
      return Break{expected_seq, reordered ? "sequence out of order" : "sequence gap"};
    }
    if (entry.prev_hash != expected_prev) return Break{entry.seq, "previous hash mismatch"};
    if (ComputeHash(entry) != entry.hash) return Break{entry.seq, "hash mismatch"};
    expected_seq = entry.seq + 1;
    expected_prev = entry.hash;
  }
  return std::nullopt;
}

}  // namespace harbour::audit
