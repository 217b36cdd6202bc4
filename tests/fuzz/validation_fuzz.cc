// Child and concern validation on arbitrary submitted text (forms and API bodies): splits the
// input into fields at NUL-free boundaries and checks that validation never crashes and that a
// rejection always names at least one field.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "children/child.h"
#include "concerns/concern.h"
#include "fuzz_check.h"

namespace {

std::vector<std::string> Fields(std::string_view input, std::size_t count) {
  std::vector<std::string> out(count);
  std::size_t field = 0;
  for (char c : input) {
    if (c == '\x1f') {
      field = (field + 1) % count;
      continue;
    }
    out[field].push_back(c);
  }
  return out;
}

const harbour::reference::Catalogue& TestCatalogue() {
  using harbour::reference::Indicator;
  using harbour::reference::IndicatorGroup;
  static const harbour::reference::Catalogue catalogue(
      {Indicator{"ws.going_missing", IndicatorGroup::kWarningSign, "Going missing", "g", false},
       Indicator{"vu.in_care", IndicatorGroup::kVulnerability, "In care", "g", false},
       Indicator{"ws.retired", IndicatorGroup::kWarningSign, "Old", "g", true}},
      {{"not_known", "Not known", ""}, {"white_british", "White: British", "White"}}, {});
  return catalogue;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto f = Fields(input, 20);
  harbour::children::ChildInput child{f[0],  f[1],  f[2],  f[3],  f[4],  f[5],  f[6],
                                      f[7],  f[8],  f[9],  f[10], f[11], f[12], f[13],
                                      f[14], f[15], f[16], f[17], f[18], f[19]};
  harbour::Date today{std::chrono::year(2026), std::chrono::month(11), std::chrono::day(23)};
  auto validated = harbour::children::ValidateChild(child, TestCatalogue(), today);
  if (!validated) FUZZ_CHECK(!validated.error().fields.empty());

  harbour::concerns::ConcernInput concern;
  concern.observed_at = f[0];
  concern.location = f[1];
  concern.location_postcode = f[2];
  concern.category = f[3];
  concern.indicators = {f[4], f[5]};
  concern.narrative = f[6];
  concern.first_hand = f[7];
  concern.immediate_danger = f[8];
  harbour::Instant now = std::chrono::sys_days(today) + std::chrono::hours(12);
  auto logged = harbour::concerns::ValidateConcern(concern, TestCatalogue(), now);
  if (!logged) {
    FUZZ_CHECK(!logged.error().fields.empty());
  } else {
    FUZZ_CHECK(logged->observed_at <= now + std::chrono::minutes(5));
    (void)harbour::concerns::Summary(*logged);
  }
  return 0;
}
