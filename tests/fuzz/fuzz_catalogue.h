#pragma once
// A small indicator catalogue for the fuzz targets that need one (tool_fuzz,
// assessment_json_fuzz): two warning signs, a current and a retired vulnerability, and a
// community factor, so that every catalogue check of a tool file can be reached.
#include <string_view>

#include "reference/catalogue.h"

namespace harbour::fuzz {

inline constexpr std::string_view kIndicators = R"(
[[indicator]]
code = "ws.going_missing"
group = "warning_sign"
label = "Going missing"
guidance = "Missing from home or care."

[[indicator]]
code = "ws.older_relationship"
group = "warning_sign"
label = "Older relationship"
guidance = "A much older partner."

[[indicator]]
code = "vu.in_care"
group = "vulnerability"
label = "In care"
guidance = "Looked after."

[[indicator]]
code = "vu.bullied"
group = "vulnerability"
label = "Bullied"
guidance = "Retired example."
retired = true

[[indicator]]
code = "cf.deprivation"
group = "community"
label = "Deprivation"
guidance = "Area level."
)";

inline const reference::Catalogue& FuzzCatalogue() {
  static const reference::Catalogue catalogue(*reference::Catalogue::ParseIndicators(kIndicators),
                                              {}, {});
  return catalogue;
}

}  // namespace harbour::fuzz
