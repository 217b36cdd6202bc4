#pragma once
// Small helpers shared by page handlers to build template contexts. No business rules.
#include <string>
#include <utility>
#include <vector>

#include "children/child.h"
#include "common/error.h"
#include "common/time.h"
#include "web/core/templates.h"
#include "web/parse/form.h"

namespace harbour::web {

// Adds "has_errors", "errors" (GOV.UK error summary, in `order`) and "<field>_error" entries
// for each field message in `error`. Fields not in `order` are appended at the end.
void AddErrors(mstch::map& context, const Error& error, const std::vector<std::string>& order);
// Copies every submitted form value into the context under its own name (so the form shows
// what the user typed), HTML-escaped by the template.
void AddValues(mstch::map& context, const FormData& form);
// For each of `fields` (radios and selects the template lists itself), sets
// "<field>_<value>" = true for the submitted value (e.g. "sex_female"), so a logic-less template
// can mark it checked or selected. Values that are not snake_case codes (a-z, 0-9, '_'; at
// most 40 characters) are skipped, and an existing key is never overwritten.
void AddChoiceFlags(mstch::map& context, const FormData& form,
                    const std::vector<std::string>& fields);
// {"value","label","selected"} options for a <select> or radios.
mstch::array Options(const std::vector<std::pair<std::string, std::string>>& options,
                     std::string_view selected);
mstch::array CheckedOptions(const std::vector<std::pair<std::string, std::string>>& options,
                            const std::vector<std::string>& checked);
mstch::map ChildSummary(const children::Child& child, Date today);

}  // namespace harbour::web
