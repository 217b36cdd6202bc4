// The API's warning-flag bodies (ParseFlagJson, ParseFlagEndJson) on arbitrary bytes, followed
// by what the server does next with an accepted body: children::ValidateFlag with and without an
// active flag of each kind, and children::ValidateFlagEnd on a flag that started on a fixed day.
// A rejection is malformed JSON, not an object, or names at least one field; accepted text is
// trimmed, within its bound and free of control characters (a line break only in the panel
// reference), and writing it back as JSON parses to the same input. The domain fails only with
// its documented field errors, and what it accepts is a known kind, a start no later than today,
// a one-line reference of at most 200 characters, and an end between the start and today.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "children/flag.h"
#include "common/text.h"
#include "fuzz_check.h"
#include "web/children/flag_json.h"

namespace {

using namespace std::chrono;
using harbour::Date;

constexpr Date kToday{year{2026}, month{3}, day{10}};
constexpr Date kStarted{year{2026}, month{1}, day{5}};

bool Clean(const std::string& text, bool multi_line) {
  return text == harbour::Trim(text) && !harbour::HasControlCharacters(text, multi_line) &&
         harbour::CharacterCount(text) <= harbour::web::kMaxFlagTextChars;
}

void CheckRejection(const harbour::Error& e) {
  FUZZ_CHECK(e.code == "malformed_json" || e.code == "not_an_object" ||
             e.code == "validation_failed");
  if (e.code == "validation_failed") FUZZ_CHECK(!e.fields.empty());
}

void CheckFlag(std::string_view input) {
  using namespace harbour;
  auto parsed = web::ParseFlagJson(input);
  if (!parsed) return CheckRejection(parsed.error());
  FUZZ_CHECK(Clean(parsed->kind, false) && Clean(parsed->start, false) &&
             Clean(parsed->panel_reference, true));
  nlohmann::json body{{"kind", parsed->kind},
                      {"start_date", parsed->start},
                      {"panel_reference", parsed->panel_reference}};
  auto again = web::ParseFlagJson(body.dump());
  FUZZ_CHECK(again.has_value());
  FUZZ_CHECK(again->kind == parsed->kind && again->start == parsed->start &&
             again->panel_reference == parsed->panel_reference);

  children::Flag active_cse;
  active_cse.kind = children::FlagKind::kAtRiskOfSexualExploitation;
  active_cse.start = kStarted;
  children::Flag active_perpetrator = active_cse;
  active_perpetrator.kind = children::FlagKind::kPotentialPerpetrator;
  const std::vector<std::vector<children::Flag>> situations = {
      {}, {active_cse}, {active_perpetrator}, {active_cse, active_perpetrator}};
  static const std::set<std::string> kFields = {"kind", "start", "panel_reference"};
  for (const auto& active : situations) {
    auto flag = children::ValidateFlag(*parsed, kToday, active);
    if (!flag) {
      FUZZ_CHECK(flag.error().kind == ErrorKind::kInvalid && !flag.error().fields.empty());
      for (const auto& [field, message] : flag.error().fields) {
        FUZZ_CHECK(kFields.contains(field) && !message.empty());
      }
      continue;
    }
    FUZZ_CHECK(children::FlagKindFromCode(children::ToCode(flag->kind)) == flag->kind);
    for (const auto& a : active) FUZZ_CHECK(a.kind != flag->kind);
    FUZZ_CHECK(sys_days{flag->start} <= sys_days{kToday});
    FUZZ_CHECK(!flag->panel_reference.empty() && !HasControlCharacters(flag->panel_reference) &&
               CharacterCount(flag->panel_reference) <= children::kMaxPanelReference);
    FUZZ_CHECK(children::IsActive(*flag, kToday));
  }
}

void CheckEnd(std::string_view input) {
  using namespace harbour;
  auto parsed = web::ParseFlagEndJson(input);
  if (!parsed) return CheckRejection(parsed.error());
  FUZZ_CHECK(Clean(*parsed, false));
  auto again = web::ParseFlagEndJson(nlohmann::json{{"end_date", *parsed}}.dump());
  FUZZ_CHECK(again.has_value() && *again == *parsed);
  children::Flag flag;
  flag.start = kStarted;
  auto end = children::ValidateFlagEnd(flag, *parsed, kToday);
  if (!end) {
    FUZZ_CHECK(end.error().kind == ErrorKind::kInvalid && end.error().fields.size() == 1 &&
               end.error().fields.contains("end"));
    return;
  }
  FUZZ_CHECK(sys_days{*end} >= sys_days{kStarted} && sys_days{*end} <= sys_days{kToday});
  flag.end = *end;
  FUZZ_CHECK(!children::IsActive(flag, kToday));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  CheckFlag(input);
  CheckEnd(input);
  return 0;
}
