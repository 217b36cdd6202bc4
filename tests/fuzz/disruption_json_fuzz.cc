// The API's disruption and business-visit bodies (ParseDisruptionJson, ParseVisitJson) on
// arbitrary bytes, followed by what the server does next with an accepted body:
// disruption::ValidateDisruption and ValidateVisit. A rejection is malformed JSON, not an object,
// or names at least one field; accepted text is trimmed, within its limits and free of control
// characters, and writing it back as JSON parses to the same input. The domain fails only with
// field errors, and what it accepts keeps its rules: the measure applies to its subject, the date
// is not after today, an expiry follows the date and exists exactly when the measure's rule wants
// one, a CAWN protects a child under 16 (or under 18 in care), a visit is to business premises by
// at least one known agency.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "common/text.h"
#include "disruption/activity.h"
#include "fuzz_check.h"
#include "web/disruption/disruption_json.h"

namespace {

using namespace harbour;

const Date kToday{std::chrono::year(2026), std::chrono::month(3), std::chrono::day(4)};
const std::string kAgency = "0123456789abcdef0123456789abcdef";

bool Clean(const std::string& text, std::size_t max, bool multi_line) {
  return text == Trim(text) && IsValidUtf8(text) && !HasControlCharacters(text, multi_line) &&
         CharacterCount(text) <= max;
}

void CheckRejection(const Error& e) {
  FUZZ_CHECK(e.code == "malformed_json" || e.code == "not_an_object" ||
             e.code == "validation_failed");
  if (e.code == "validation_failed") FUZZ_CHECK(!e.fields.empty());
}

void CheckDisruption(std::string_view input) {
  auto parsed = web::ParseDisruptionJson(input);
  if (!parsed) return CheckRejection(parsed.error());
  const auto& p = *parsed;
  for (const auto* code : {&p.measure, &p.subject_type, &p.subject_id, &p.date, &p.by_agency,
                           &p.expiry, &p.child_id}) {
    FUZZ_CHECK(Clean(*code, web::kMaxDisruptionCodeChars, false));
  }
  FUZZ_CHECK(Clean(p.officer, disruption::kMaxShortText, false));
  FUZZ_CHECK(Clean(p.outcome, disruption::kMaxLongText, true) &&
             Clean(p.notes, disruption::kMaxLongText, true));
  nlohmann::json body{{"measure", p.measure},
                      {"subject_type", p.subject_type},
                      {"subject_id", p.subject_id},
                      {"date", p.date},
                      {"by_agency", p.by_agency},
                      {"officer", p.officer},
                      {"outcome", p.outcome},
                      {"expiry", p.expiry},
                      {"no_expiry", p.no_expiry},
                      {"child_id", p.child_id},
                      {"notes", p.notes}};
  auto again = web::ParseDisruptionJson(body.dump());
  FUZZ_CHECK(again.has_value());
  FUZZ_CHECK(again->measure == p.measure && again->expiry == p.expiry &&
             again->no_expiry == p.no_expiry && again->outcome == p.outcome &&
             again->officer == p.officer);

  for (bool in_care : {false, true}) {
    disruption::DisruptionContext context{kToday, {kAgency}, std::nullopt};
    context.child = disruption::ChildFacts{
        Date{std::chrono::year(2010), std::chrono::month(6), std::chrono::day(1)}, std::nullopt,
        in_care};
    auto d = disruption::ValidateDisruption(p, context);
    if (!d) {
      FUZZ_CHECK(d.error().kind == ErrorKind::kInvalid && !d.error().fields.empty());
      continue;
    }
    FUZZ_CHECK(disruption::AppliesTo(d->measure, d->subject_type));
    FUZZ_CHECK(std::chrono::sys_days{d->date} <= std::chrono::sys_days{kToday});
    FUZZ_CHECK(d->by_agency == kAgency && !d->officer.empty());
    auto rule = disruption::ExpiryOf(d->measure);
    if (rule == disruption::ExpiryRule::kNever) FUZZ_CHECK(!d->expiry.has_value());
    if (rule == disruption::ExpiryRule::kRequired) FUZZ_CHECK(d->expiry.has_value());
    if (d->expiry) FUZZ_CHECK(std::chrono::sys_days{*d->expiry} > std::chrono::sys_days{d->date});
    // The child is 15 on every date the domain accepts (16 on 1 June 2026, after today).
    if (d->measure == disruption::Measure::kChildAbductionWarningNotice && !d->child_id.empty() &&
        !in_care) {
      FUZZ_CHECK(AgeInYears(*context.child->date_of_birth, d->date) < 16);
    }
  }
}

void CheckVisit(std::string_view input) {
  auto parsed = web::ParseVisitJson(input);
  if (!parsed) return CheckRejection(parsed.error());
  const auto& p = *parsed;
  FUZZ_CHECK(p.visiting_agencies.size() <= web::kMaxVisitingAgencies);
  for (const auto& a : p.visiting_agencies) {
    FUZZ_CHECK(Clean(a, web::kMaxDisruptionCodeChars, false));
  }
  FUZZ_CHECK(Clean(p.staff_spoken_to, disruption::kMaxLongText, true) &&
             Clean(p.concerns_raised, disruption::kMaxLongText, true) &&
             Clean(p.follow_up, disruption::kMaxLongText, true));
  for (const char* type : {"hotel", "park"}) {
    auto v = disruption::ValidateVisit(p, {kToday, {kAgency}, std::string(type)});
    if (!v) {
      FUZZ_CHECK(v.error().kind == ErrorKind::kInvalid && !v.error().fields.empty());
      continue;
    }
    FUZZ_CHECK(disruption::IsBusinessPremises(type));
    FUZZ_CHECK(v->visiting_agencies.size() == 1 && v->visiting_agencies[0] == kAgency);
    FUZZ_CHECK(std::chrono::sys_days{v->date} <= std::chrono::sys_days{kToday});
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  CheckDisruption(input);
  CheckVisit(input);
  return 0;
}
