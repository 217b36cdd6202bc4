// RFC 3339 instants, ISO dates, GOV.UK date parts and clock times on arbitrary bytes: accepted
// values format and parse back to themselves; London conversions never misbehave.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/time.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);

  if (auto at = harbour::ParseRfc3339(input)) {
    std::string formatted = harbour::FormatRfc3339(*at);
    FUZZ_CHECK(formatted.size() == 20);
    FUZZ_CHECK(harbour::ParseRfc3339(formatted).value() == *at);
    std::chrono::seconds offset = harbour::LondonOffset(*at);
    FUZZ_CHECK(offset == std::chrono::seconds{0} || offset == std::chrono::hours{1});
    FUZZ_CHECK(!harbour::FormatLondonDateTime(*at).empty());
    // Converting the London wall-clock reading back gives the instant (to the minute), except
    // in the repeated autumn hour where the earlier reading wins.
    harbour::Instant local = *at + offset;
    auto day = std::chrono::floor<std::chrono::days>(local);
    std::chrono::hh_mm_ss<std::chrono::seconds> clock{local - day};
    harbour::Instant back =
        harbour::FromLondonLocal(harbour::Date{day}, static_cast<int>(clock.hours().count()),
                                 static_cast<int>(clock.minutes().count()));
    auto minute = std::chrono::floor<std::chrono::minutes>(*at);
    FUZZ_CHECK(back == minute || back == minute - std::chrono::hours{1});
  }

  if (auto date = harbour::ParseDate(input)) {
    FUZZ_CHECK(date->ok());
    FUZZ_CHECK(harbour::FormatDate(*date) == input);
    FUZZ_CHECK(!harbour::FormatLongDate(*date).empty());
    FUZZ_CHECK(harbour::AgeInYears(*date, *date) == 0);
  }

  // The three GOV.UK boxes, separated by newlines in the input.
  std::size_t first = input.find('\n');
  std::size_t second = first == std::string_view::npos ? first : input.find('\n', first + 1);
  if (second != std::string_view::npos) {
    auto date =
        harbour::DateFromParts(input.substr(0, first), input.substr(first + 1, second - first - 1),
                               input.substr(second + 1), "Date of birth");
    if (date) {
      FUZZ_CHECK(date->ok());
    } else {
      FUZZ_CHECK(!date.error().fields.at("date").empty());
    }
  }

  if (auto time = harbour::ParseClockTime(input)) {
    FUZZ_CHECK(time->first >= 0 && time->first <= 23);
    FUZZ_CHECK(time->second >= 0 && time->second <= 59);
  }
  return 0;
}
