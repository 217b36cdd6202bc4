#pragma once
// What a child search box means: an NHS number, a date of birth, or a name. Pure.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/time.h"

namespace harbour::children {

struct SearchQuery {
  std::optional<std::string> nhs_number;  // 10 digits (check digit valid)
  std::optional<Date> date_of_birth;      // "2012-03-04" or "4/3/2012" (UK order)
  std::vector<std::string> name_keys;     // NameKey tokens, each a prefix to match
  bool Empty() const { return !nhs_number && !date_of_birth && name_keys.empty(); }
};

// Recognises, in order: a valid NHS number (spaces allowed), a date (ISO or day/month/year),
// otherwise up to 3 name tokens (NameKey of each word). Never fails: junk yields Empty().
SearchQuery ParseSearchQuery(std::string_view text);

}  // namespace harbour::children
