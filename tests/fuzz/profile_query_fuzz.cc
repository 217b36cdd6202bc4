// The profile's query (profile/query.h) on arbitrary bytes: seven fields separated by newlines
// (period, from, to, ward, agency, category, view). Never crashes; an accepted query is within
// its bounds, and its canonical query string asks for the same query again.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/text.h"
#include "fuzz_check.h"
#include "profile/query.h"

namespace {

using harbour::profile::Labels;
using harbour::profile::QueryInput;

std::vector<std::string> Fields(std::string_view input) {
  std::vector<std::string> fields;
  while (fields.size() < 6) {
    std::size_t line = input.find('\n');
    if (line == std::string_view::npos) break;
    fields.emplace_back(input.substr(0, line));
    input.remove_prefix(line + 1);
  }
  fields.emplace_back(input);
  fields.resize(7);
  return fields;
}

// Reads a query string back into its fields (the inverse of QueryString).
QueryInput FromQueryString(const std::string& query) {
  QueryInput in;
  std::string_view rest = query;
  while (!rest.empty()) {
    std::size_t amp = rest.find('&');
    std::string_view pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
    std::size_t eq = pair.find('=');
    FUZZ_CHECK(eq != std::string_view::npos);
    std::string name(pair.substr(0, eq));
    auto value = harbour::PercentDecode(pair.substr(eq + 1));
    FUZZ_CHECK(value.has_value());
    if (name == "period") in.period = *value;
    if (name == "from") in.from = *value;
    if (name == "to") in.to = *value;
    if (name == "ward") in.ward = *value;
    if (name == "agency") in.agency = *value;
    if (name == "category") in.category = *value;
    if (name == "view") in.view = *value;
  }
  return in;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto f = Fields(input);
  QueryInput in{.period = f[0],
                .from = f[1],
                .to = f[2],
                .ward = f[3],
                .agency = f[4],
                .category = f[5],
                .view = f[6]};
  Labels labels;
  labels.wards = {{"E05999901", "Harbourside North"}};
  labels.agencies = {{"0123456789abcdef0123456789abcdef", "Harbourside Police"}};
  const harbour::Date today{std::chrono::year{2026}, std::chrono::month{12}, std::chrono::day{3}};
  for (bool internal_allowed : {false, true}) {
    auto query = harbour::profile::ParseQuery(in, labels, today, internal_allowed);
    if (!query) {
      FUZZ_CHECK(query.error().kind == harbour::ErrorKind::kInvalid);
      FUZZ_CHECK(!query.error().fields.empty());
      continue;
    }
    FUZZ_CHECK(harbour::profile::DaysIn(query->period) >= 1);
    FUZZ_CHECK(harbour::profile::DaysIn(query->period) <= harbour::profile::kLongestCustomDays);
    FUZZ_CHECK(internal_allowed || query->release == harbour::profile::Release::kPublished);
    FUZZ_CHECK(!harbour::profile::DescribeQuery(*query, labels).empty());
    auto again = harbour::profile::ParseQuery(
        FromQueryString(harbour::profile::QueryString(*query)), labels, today, internal_allowed);
    FUZZ_CHECK(again.has_value());
    FUZZ_CHECK(harbour::profile::QueryString(*again) == harbour::profile::QueryString(*query));
  }
  return 0;
}
