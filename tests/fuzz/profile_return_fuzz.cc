// The regional and national return (profile::ReadReturn) on arbitrary bytes, with one trusted
// key: as a whole file, and as the body of a file signed with that key (so that the reader's
// checks of every field are reached, not only the signature's). A refusal is kInvalid naming
// its fields, the first in the message after the file's name; a body signed with the trusted key
// is never refused for its signature; an accepted return holds exactly the core data set with
// counts in range that add up, was generated after its period ended, and signed again it reads
// back the same.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "common/json_depth.h"
#include "fuzz_check.h"
#include "profile/core_return.h"

namespace {

using namespace harbour;
using namespace harbour::profile;

constexpr std::string_view kFile = "fuzz.json";

// The key of the seed corpus (src/profile/core_return_test.cc): seed bytes 1 to 32.
const SecretKey& Key() {
  static const SecretKey key = [] {
    std::array<unsigned char, 32> seed{};
    for (std::size_t i = 0; i < seed.size(); ++i) seed[i] = static_cast<unsigned char>(1 + i);
    return SecretKey::FromSeed(seed);
  }();
  return key;
}

const TrustedKeys& Trusted() {
  static const TrustedKeys trusted = {{"north", Key().Public()}};
  return trusted;
}

void CheckRejection(const Error& e, bool signed_by_trusted_key) {
  FUZZ_CHECK(e.kind == ErrorKind::kInvalid && e.code == "invalid_return");
  FUZZ_CHECK(!e.fields.empty() && e.fields.size() <= kMaxReturnProblems + 1);
  FUZZ_CHECK(e.message.starts_with(std::string(kFile) + ": "));
  bool first_found = false;
  for (const auto& [field, message] : e.fields) {
    FUZZ_CHECK(!field.empty() && !message.empty());
    if (e.message == std::string(kFile) + ": " + field + ": " + message) first_found = true;
    if (signed_by_trusted_key) FUZZ_CHECK(!field.starts_with("signature"));
  }
  FUZZ_CHECK(first_found);
}

void CheckTable(const ReturnTable& table, const CoreTable& core) {
  FUZZ_CHECK(table.id == core.id && table.exclusive == core.exclusive);
  FUZZ_CHECK(table.total >= 0 && table.total <= kMaxReturnCount);
  FUZZ_CHECK(table.rows.size() <= kMaxReturnRows);
  long sum = 0;
  for (const ReturnRow& row : table.rows) {
    FUZZ_CHECK(row.count >= 0 && row.count <= kMaxReturnCount);
    FUZZ_CHECK(!row.code.empty() && row.code.size() <= 64);
    if (!table.exclusive) FUZZ_CHECK(row.count <= table.total);
    sum += row.count;
  }
  if (table.exclusive) FUZZ_CHECK(sum == table.total);
}

void CheckAccepted(const CoreReturn& r) {
  FUZZ_CHECK(r.schema_version == kReturnSchemaVersion && r.partnership_code == "north");
  FUZZ_CHECK(PartnershipNameProblem(r.partnership_name).empty());
  FUZZ_CHECK(r.period.kind != PeriodKind::kCustom);
  FUZZ_CHECK(LondonDate(r.generated_at) > r.period.last);
  FUZZ_CHECK(r.tables.size() == CoreDataSet().size());
  for (std::size_t i = 0; i < r.tables.size(); ++i) CheckTable(r.tables[i], CoreDataSet()[i]);
  // Signed again, it reads back the same.
  auto text = SignReturn(r, SigningKey{"north", r.partnership_name, Key()});
  FUZZ_CHECK(text.has_value());
  auto again = ReadReturn(*text, Trusted(), kFile);
  FUZZ_CHECK(again.has_value());
  FUZZ_CHECK(again->tables == r.tables && again->partnership_name == r.partnership_name);
  FUZZ_CHECK(again->generated_at == r.generated_at && again->period.first == r.period.first &&
             again->period.last == r.period.last && again->period.kind == r.period.kind);
}

void Check(std::string_view text, bool signed_by_trusted_key) {
  auto read = ReadReturn(text, Trusted(), kFile);
  if (!read) {
    CheckRejection(read.error(), signed_by_trusted_key);
    return;
  }
  CheckAccepted(*read);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  Check(input, false);
  // The input's "return" (or the input itself) as the body of a file the trusted key signed.
  std::string body(input);
  if (!NestsDeeperThan(input, 16)) {
    auto parsed = nlohmann::json::parse(input, nullptr, false);
    if (parsed.is_object() && parsed.contains("return")) body = parsed["return"].dump();
  }
  auto signed_body = SignReturnBody(body, Key());
  if (signed_body) Check(*signed_body, true);
  return 0;
}
