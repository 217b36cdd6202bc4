#pragma once
// Reference code lists from config/reference/*.toml: indicators, ethnicity, agency types.
// Parsed from text (the caller reads the file); immutable afterwards and thread-safe.
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"

namespace harbour::reference {

enum class IndicatorGroup { kWarningSign, kVulnerability, kCommunity };

// One observable indicator (DOMAIN.md §2). `code` is stable forever: risk tools, concerns and
// statistics refer to it. Retired indicators stay in the file with retired = true.
struct Indicator {
  std::string code;  // e.g. "ws.unexplained_gifts"
  IndicatorGroup group = IndicatorGroup::kWarningSign;
  std::string label;     // short question-style label for a checkbox
  std::string guidance;  // one or two sentences for the practitioner
  bool retired = false;
};

struct Code {  // a generic code/label pair (ethnicity, agency type, ...)
  std::string code;
  std::string label;
  std::string group;  // e.g. the ONS high-level group for an ethnicity; may be empty
};

class Catalogue {
 public:
  // Each Parse* fails with kInvalid naming the line and field of the first problem
  // (duplicate code, missing label, unknown group).
  static Result<std::vector<Indicator>> ParseIndicators(std::string_view toml_text);
  static Result<std::vector<Code>> ParseCodes(std::string_view toml_text, std::string_view table);

  Catalogue(std::vector<Indicator> indicators, std::vector<Code> ethnicities,
            std::vector<Code> agency_types);

  const std::vector<Indicator>& Indicators() const { return indicators_; }
  const Indicator* FindIndicator(std::string_view code) const;
  const std::vector<Code>& Ethnicities() const { return ethnicities_; }
  const Code* FindEthnicity(std::string_view code) const;
  const std::vector<Code>& AgencyTypes() const { return agency_types_; }
  const Code* FindAgencyType(std::string_view code) const;

 private:
  std::vector<Indicator> indicators_;
  std::vector<Code> ethnicities_;
  std::vector<Code> agency_types_;
};

std::string_view IndicatorGroupName(IndicatorGroup group);  // "warning_sign", ...

}  // namespace harbour::reference
