#pragma once
// The audit trail's hash chain (DESIGN.md §2): every entry carries the BLAKE2b-256 of its
// predecessor's hash and its own canonical fields, so an altered, deleted or reordered entry
// breaks verification. Pure (libsodium for hashing); storage appends and reads entries.
#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "common/time.h"

namespace harbour::audit {

inline constexpr std::string_view kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

struct Entry {
  std::int64_t seq = 0;  // 1, 2, 3, ... with no gaps
  Instant at{};
  std::string user_id;
  std::string username;
  std::string role;
  std::string agency;       // agency code
  std::string action;       // e.g. "child.view", "concern.create", "sign-in"
  std::string record_type;  // "child", "concern", "user", ...
  std::string record_id;
  std::string purpose;
  std::string outcome;  // "allowed", "refused", "failed"
  std::string detail;   // short free text (never personal data beyond ids)
  std::string request_id;
  std::string prev_hash;  // hex; kGenesisHash for seq 1
  std::string hash;       // hex
  // The child the entry is about ("" when it concerns none). Sealed like every field above,
  // but optional in the serialisation (see ComputeHash), so entries sealed before it existed
  // keep their hashes.
  std::string child_id;
};

// BLAKE2b-256 (hex) over prev_hash and every other field except `hash`, length-prefixed so
// that no two different entries share a serialisation. The canonical form is the domain tag
// "harbour.audit.v1", then seq .. request_id and prev_hash in declaration order (each written
// as "<decimal byte length>:<bytes>"), then the optional fields that are set, each written as
// its name and then its value, in this order: "child_id". An optional field that is empty is
// left out, so an entry with no child serialises exactly as entries did before the field
// existed, and an entry's optional fields cannot be mistaken for one another (each carries
// its name) or for a fixed field (there are always 15 fixed fields first).
std::string ComputeHash(const Entry& entry);

// Sets seq, prev_hash and hash of `entry` so that it follows `previous` (nullopt: first).
void Seal(Entry& entry, const std::optional<Entry>& previous);

struct Break {
  std::int64_t seq = 0;  // the first entry that does not verify (or the expected seq)
  std::string reason;    // "hash mismatch", "sequence gap", "previous hash mismatch", ...
};

// Verifies entries in the order given (as read by seq); nullopt when intact. Call it in
// batches by passing the last verified entry of the previous batch as `previous`.
std::optional<Break> Verify(std::span<const Entry> entries, const std::optional<Entry>& previous);

}  // namespace harbour::audit
