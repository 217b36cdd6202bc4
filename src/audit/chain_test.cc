#include "audit/chain.h"

#include <gtest/gtest.h>

#include <cctype>
#include <functional>
#include <utility>
#include <vector>

namespace harbour::audit {
namespace {

using namespace std::chrono_literals;

constexpr Instant kAt = std::chrono::sys_days{std::chrono::year{2026} / 3 / 1} + 14h + 5min;

Entry SampleEntry() {
  return Entry{
      .seq = 7,
      .at = kAt,
      .user_id = "u-0001",
      .username = "test.worker",
      .role = "practitioner",
      .agency = "AGY1",
      .action = "child.view",
      .record_type = "child",
      .record_id = "c-0042",
      .purpose = "safeguarding",
      .outcome = "allowed",
      .detail = "agency involved",
      .request_id = "req-9",
      .prev_hash = std::string(kGenesisHash),
      .hash = "",
      .child_id = "",  // as every entry sealed before entries named their child
  };
}

// A sealed chain of `count` entries, one minute apart, each about a different record.
std::vector<Entry> Chain(int count) {
  std::vector<Entry> entries;
  std::optional<Entry> previous;
  for (int i = 0; i < count; ++i) {
    Entry entry = SampleEntry();
    entry.at = kAt + std::chrono::minutes(i);
    entry.record_id = "c-" + std::to_string(100 + i);
    Seal(entry, previous);
    entries.push_back(entry);
    previous = entry;
  }
  return entries;
}

// Checks that verification stopped at `seq` for `reason`.
void ExpectBreak(const std::optional<Break>& got, std::int64_t seq, std::string_view reason) {
  if (!got) {
    ADD_FAILURE() << "the chain verified, expected a break at " << seq << ": " << reason;
    return;
  }
  EXPECT_EQ(got->seq, seq);
  EXPECT_EQ(got->reason, reason);
}

TEST(ComputeHash, MatchesTheDocumentedCanonicalSerialisation) {
  // BLAKE2b-256 of "16:harbour.audit.v1" "1:7" "20:2026-03-01T14:05:00Z" "6:u-0001" ...
  // "64:000...0", computed outside Harbour (Python hashlib.blake2b, digest_size=32). A change
  // here breaks every stored chain.
  EXPECT_EQ(ComputeHash(SampleEntry()),
            "55f7e8834e156dbd8e27441416f1f8ea820ce90ee554d93b48eaebc4343610f7");
}

// An entry about a child that names another record: the regression case of the audit trail
// missing a child's concerns, assessments and referrals.
Entry SampleEntryAboutAChild() {
  Entry entry = SampleEntry();
  entry.action = "concern.create";
  entry.record_type = "concern";
  entry.record_id = "k-0007";
  entry.child_id = "c-0042";
  return entry;
}

TEST(ComputeHash, AddsTheChildToTheSerialisationOnlyWhenSet) {
  // As above, followed by "8:child_id" "6:c-0042" (Python hashlib.blake2b, digest_size=32).
  EXPECT_EQ(ComputeHash(SampleEntryAboutAChild()),
            "52322110407bc1f2e41e5cca386ededcea1c7158eba445cf3465a2c604811c67");
}

TEST(ComputeHash, AuditEntriesNameTheirChild_OldEntriesKeepTheirHash) {
  // Regression: entries sealed before child_id existed must still verify. An entry with no
  // child hashes exactly as it did then (the pinned value of the first test), and a stored
  // chain of such entries verifies unchanged.
  Entry old = SampleEntry();
  ASSERT_TRUE(old.child_id.empty());
  EXPECT_EQ(ComputeHash(old), "55f7e8834e156dbd8e27441416f1f8ea820ce90ee554d93b48eaebc4343610f7");
  std::vector<Entry> chain = Chain(3);
  for (const Entry& e : chain) EXPECT_TRUE(e.child_id.empty());
  EXPECT_EQ(Verify(chain, std::nullopt), std::nullopt);
}

TEST(ComputeHash, AuditEntriesNameTheirChild_AlteringTheChildBreaksVerification) {
  std::vector<Entry> chain;
  std::optional<Entry> previous;
  for (int i = 0; i < 3; ++i) {
    Entry entry = SampleEntryAboutAChild();
    Seal(entry, previous);
    chain.push_back(entry);
    previous = entry;
  }
  ASSERT_EQ(Verify(chain, std::nullopt), std::nullopt);
  for (const auto& edit : std::vector<std::function<void(Entry&)>>{
           [](Entry& e) { e.child_id = "c-0043"; },  // another child
           [](Entry& e) { e.child_id.clear(); },     // the child removed
       }) {
    std::vector<Entry> altered = chain;
    edit(altered[1]);
    ExpectBreak(Verify(altered, std::nullopt), 2, "hash mismatch");
  }
  // A child added to an entry sealed without one breaks it too.
  std::vector<Entry> added = Chain(3);
  added[1].child_id = "c-0042";
  ExpectBreak(Verify(added, std::nullopt), 2, "hash mismatch");
}

TEST(ComputeHash, TheChildCannotBeMistakenForAnotherField) {
  // The same bytes moved between the detail and the child give different hashes.
  Entry in_detail = SampleEntry();
  in_detail.detail = "agency involved8:child_id6:c-0042";
  Entry as_child = SampleEntry();
  as_child.child_id = "c-0042";
  EXPECT_NE(ComputeHash(in_detail), ComputeHash(as_child));
  Entry in_request = SampleEntry();
  in_request.request_id = "c-0042";
  in_request.child_id = "req-9";
  Entry plain = SampleEntry();
  plain.child_id = "c-0042";
  EXPECT_NE(ComputeHash(in_request), ComputeHash(plain));
}

TEST(ComputeHash, IgnoresTheStoredHashItself) {
  Entry entry = SampleEntry();
  const std::string before = ComputeHash(entry);
  entry.hash = "anything";
  EXPECT_EQ(ComputeHash(entry), before);
}

TEST(ComputeHash, ChangesWhenAnyHashedFieldChanges) {
  const std::vector<std::pair<const char*, std::function<void(Entry&)>>> edits = {
      {"seq", [](Entry& e) { e.seq = 8; }},
      {"at", [](Entry& e) { e.at += 1s; }},
      {"user_id", [](Entry& e) { e.user_id = "u-0002"; }},
      {"username", [](Entry& e) { e.username = "other.worker"; }},
      {"role", [](Entry& e) { e.role = "coordinator"; }},
      {"agency", [](Entry& e) { e.agency = "AGY2"; }},
      {"action", [](Entry& e) { e.action = "child.create"; }},
      {"record_type", [](Entry& e) { e.record_type = "concern"; }},
      {"record_id", [](Entry& e) { e.record_id = "c-0043"; }},
      {"purpose", [](Entry& e) { e.purpose = "coordination"; }},
      {"outcome", [](Entry& e) { e.outcome = "refused"; }},
      {"detail", [](Entry& e) { e.detail = "agency not involved"; }},
      {"request_id", [](Entry& e) { e.request_id = "req-10"; }},
      {"prev_hash", [](Entry& e) { e.prev_hash[0] = '1'; }},
      {"child_id", [](Entry& e) { e.child_id = "c-0042"; }},
  };
  const std::string original = ComputeHash(SampleEntry());
  for (const auto& [name, edit] : edits) {
    Entry entry = SampleEntry();
    edit(entry);
    EXPECT_NE(ComputeHash(entry), original) << name;
  }
}

TEST(ComputeHash, LengthPrefixesKeepFieldBoundaries) {
  Entry a = SampleEntry();
  a.record_type = "chil";
  a.record_id = "dc-0042";
  Entry b = SampleEntry();
  b.record_type = "child";
  b.record_id = "c-0042";
  EXPECT_NE(ComputeHash(a), ComputeHash(b));

  Entry colon = SampleEntry();
  colon.detail = "3:abc";
  Entry plain = SampleEntry();
  plain.detail = "";
  plain.request_id = "abc";
  EXPECT_NE(ComputeHash(colon), ComputeHash(plain));
}

TEST(ComputeHash, IsSixtyFourLowerCaseHexDigits) {
  const std::string hash = ComputeHash(SampleEntry());
  ASSERT_EQ(hash.size(), 64u);
  EXPECT_EQ(hash.find_first_not_of("0123456789abcdef"), std::string::npos);
}

TEST(Seal, FirstEntryFollowsGenesis) {
  Entry entry = SampleEntry();
  entry.seq = 42;
  entry.prev_hash = "stale";
  Seal(entry, std::nullopt);
  EXPECT_EQ(entry.seq, 1);
  EXPECT_EQ(entry.prev_hash, kGenesisHash);
  EXPECT_EQ(entry.hash, ComputeHash(entry));
}

TEST(Seal, LaterEntryLinksToItsPredecessor) {
  const std::vector<Entry> chain = Chain(2);
  EXPECT_EQ(chain[1].seq, 2);
  EXPECT_EQ(chain[1].prev_hash, chain[0].hash);
  EXPECT_EQ(chain[1].hash, ComputeHash(chain[1]));
  EXPECT_NE(chain[1].hash, chain[0].hash);
}

TEST(Verify, AcceptsAnIntactChain) {
  const std::vector<Entry> chain = Chain(5);
  EXPECT_EQ(Verify(chain, std::nullopt), std::nullopt);
}

TEST(Verify, AcceptsAnEmptyBatch) {
  EXPECT_EQ(Verify({}, std::nullopt), std::nullopt);
  const std::vector<Entry> chain = Chain(1);
  EXPECT_EQ(Verify({}, chain[0]), std::nullopt);
}

TEST(Verify, AcceptsBatchesJoinedByTheLastVerifiedEntry) {
  const std::vector<Entry> chain = Chain(5);
  const std::span<const Entry> all(chain);
  EXPECT_EQ(Verify(all.first(2), std::nullopt), std::nullopt);
  EXPECT_EQ(Verify(all.subspan(2), chain[1]), std::nullopt);
}

TEST(Verify, RejectsABatchJoinedToTheWrongPredecessor) {
  const std::vector<Entry> chain = Chain(5);
  Entry impostor = chain[1];
  impostor.hash = ComputeHash(chain[0]);  // right seq, wrong hash
  ExpectBreak(Verify(std::span<const Entry>(chain).subspan(2), impostor), 3,
              "previous hash mismatch");
}

TEST(Verify, DetectsAnAlteredField) {
  std::vector<Entry> chain = Chain(5);
  chain[2].detail = "nothing to see";
  ExpectBreak(Verify(chain, std::nullopt), 3, "hash mismatch");
}

TEST(Verify, DetectsAnAlteredTimestamp) {
  std::vector<Entry> chain = Chain(5);
  chain[3].at -= 1h;
  ExpectBreak(Verify(chain, std::nullopt), 4, "hash mismatch");
}

TEST(Verify, DetectsAnAlteredEntryWhoseOwnHashWasRecomputed) {
  std::vector<Entry> chain = Chain(5);
  chain[2].outcome = "refused";
  chain[2].hash = ComputeHash(chain[2]);
  ExpectBreak(Verify(chain, std::nullopt), 4, "previous hash mismatch");
}

TEST(Verify, DetectsADeletedEntry) {
  std::vector<Entry> chain = Chain(5);
  chain.erase(chain.begin() + 2);
  ExpectBreak(Verify(chain, std::nullopt), 3, "sequence gap");
}

TEST(Verify, DetectsADeletedEntryRenumberedToCloseTheGap) {
  std::vector<Entry> chain = Chain(5);
  chain.erase(chain.begin() + 2);
  chain[2].seq = 3;
  chain[3].seq = 4;
  ExpectBreak(Verify(chain, std::nullopt), 3, "previous hash mismatch");
}

TEST(Verify, DetectsReorderedEntries) {
  std::vector<Entry> chain = Chain(5);
  std::swap(chain[1], chain[2]);
  ExpectBreak(Verify(chain, std::nullopt), 2, "sequence out of order");
}

TEST(Verify, DetectsReorderedEntriesWithRewrittenSequenceNumbers) {
  std::vector<Entry> chain = Chain(5);
  std::swap(chain[1], chain[2]);
  chain[1].seq = 2;
  chain[2].seq = 3;
  ExpectBreak(Verify(chain, std::nullopt), 2, "previous hash mismatch");
}

TEST(Verify, DetectsARepeatedEntry) {
  std::vector<Entry> chain = Chain(3);
  chain.insert(chain.begin() + 2, chain[1]);
  ExpectBreak(Verify(chain, std::nullopt), 2, "sequence out of order");
}

TEST(Verify, DetectsAChangedPreviousHash) {
  std::vector<Entry> chain = Chain(5);
  chain[1].prev_hash = chain[1].hash;
  ExpectBreak(Verify(chain, std::nullopt), 2, "previous hash mismatch");
}

TEST(Verify, DetectsAMissingFirstEntry) {
  std::vector<Entry> chain = Chain(3);
  chain.erase(chain.begin());
  ExpectBreak(Verify(chain, std::nullopt), 1, "sequence gap");
}

TEST(Verify, DetectsAFirstEntryThatDoesNotFollowGenesis) {
  Entry forged = SampleEntry();
  forged.seq = 1;
  forged.prev_hash = std::string(64, 'f');
  forged.hash = ComputeHash(forged);  // internally consistent, but not anchored at genesis
  ExpectBreak(Verify(std::span<const Entry>(&forged, 1), std::nullopt), 1,
              "previous hash mismatch");
}

TEST(Verify, TreatsTheHexOfTheStoredHashAsCaseSensitive) {
  std::vector<Entry> chain = Chain(1);
  for (char& c : chain[0].hash) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  ExpectBreak(Verify(chain, std::nullopt), 1, "hash mismatch");
}

}  // namespace
}  // namespace harbour::audit
