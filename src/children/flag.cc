#include "children/flag.h"

#include <algorithm>
#include <chrono>
#include <map>

#include "common/text.h"

namespace harbour::children {

bool IsActive(const Flag& flag, Date today) {
  using std::chrono::sys_days;
  if (sys_days{flag.start} > sys_days{today}) return false;
  return !flag.end || sys_days{*flag.end} > sys_days{today};
}

Result<Flag> ValidateFlag(const FlagInput& input, Date today, const std::vector<Flag>& active) {
  using std::chrono::sys_days;
  std::map<std::string, std::string> fields;
  Flag flag;
  auto kind = FlagKindFromCode(Trim(input.kind));
  if (!kind) {
    fields["kind"] = "Choose the flag";
  } else {
    flag.kind = *kind;
    bool already = std::ranges::any_of(active, [&](const Flag& f) { return f.kind == *kind; });
    if (already) fields["kind"] = "This flag is already active on the child's record";
  }
  std::string start = Trim(input.start);
  auto date = ParseDate(start);
  if (start.empty()) {
    fields["start"] = "Enter the date the flag starts";
  } else if (!date) {
    fields["start"] = "Enter the start date as a real date, for example 2026-11-14";
  } else if (sys_days{*date} > sys_days{today}) {
    fields["start"] = "The start date must be today or in the past";
  } else {
    flag.start = *date;
  }
  auto reference = CheckedFreeText(input.panel_reference, "Enter the panel reference",
                                   "The panel reference", kMaxPanelReference);
  if (reference && HasControlCharacters(*reference, /*multi_line=*/false)) {
    reference = std::unexpected(std::string("The panel reference must be one line"));
  }
  if (!reference) fields["panel_reference"] = reference.error();
  if (reference) flag.panel_reference = *reference;
  if (!fields.empty()) return Invalid(std::move(fields));
  return flag;
}

Result<Date> ValidateFlagEnd(const Flag& flag, std::string_view end, Date today) {
  using std::chrono::sys_days;
  auto date = ParseDate(Trim(end));
  if (!date) return Invalid({{"end", "Enter the end date as a real date, for example 2026-11-30"}});
  if (sys_days{*date} < sys_days{flag.start}) {
    return Invalid({{"end", "The end date cannot be before the flag started"}});
  }
  if (sys_days{*date} > sys_days{today}) {
    return Invalid({{"end", "The end date must be today or in the past"}});
  }
  return *date;
}

}  // namespace harbour::children
