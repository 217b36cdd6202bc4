#include "web/core/view_helpers.h"

#include <algorithm>

#include "common/identifiers.h"

namespace harbour::web {

void AddErrors(mstch::map& context, const Error& error, const std::vector<std::string>& order) {
  mstch::array list;
  std::vector<std::string> fields = order;
  for (const auto& [field, message] : error.fields) {
    if (std::find(fields.begin(), fields.end(), field) == fields.end()) fields.push_back(field);
  }
  for (const auto& field : fields) {
    auto it = error.fields.find(field);
    if (it == error.fields.end()) continue;
    list.push_back(mstch::map{{"message", it->second}, {"href", "#" + field}});
    context[field + "_error"] = it->second;
  }
  if (list.empty())
    list.push_back(mstch::map{{"message", error.message}, {"href", Str("#main-content")}});
  context["has_errors"] = true;
  context["errors"] = list;
}

void AddValues(mstch::map& context, const FormData& form) {
  for (const auto& [name, value] : form.Pairs()) {
    if (name == "_csrf") continue;
    context.emplace(name, value);
  }
}

void AddChoiceFlags(mstch::map& context, const FormData& form,
                    const std::vector<std::string>& fields) {
  constexpr std::size_t kMaxCode = 40;
  auto is_code = [](const std::string& value) {
    return !value.empty() && value.size() <= kMaxCode &&
           std::all_of(value.begin(), value.end(), [](char c) {
             return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
           });
  };
  for (const auto& field : fields) {
    std::string value = form.Get(field);
    if (!is_code(value)) continue;
    context.emplace(field + "_" + value, true);
  }
}

mstch::array Options(const std::vector<std::pair<std::string, std::string>>& options,
                     std::string_view selected) {
  mstch::array out;
  for (const auto& [value, label] : options) {
    out.push_back(mstch::map{{"value", value}, {"label", label}, {"selected", value == selected}});
  }
  return out;
}

mstch::array CheckedOptions(const std::vector<std::pair<std::string, std::string>>& options,
                            const std::vector<std::string>& checked) {
  mstch::array out;
  for (const auto& [value, label] : options) {
    bool on = std::find(checked.begin(), checked.end(), value) != checked.end();
    out.push_back(mstch::map{{"value", value}, {"label", label}, {"checked", on}});
  }
  return out;
}

mstch::map ChildSummary(const children::Child& child, Date today) {
  return mstch::map{
      {"id", child.id},
      {"name", children::DisplayName(child)},
      {"age", children::AgeText(child, today)},
      {"date_of_birth",
       Str(child.date_of_birth ? FormatLongDate(*child.date_of_birth) : "Not known")},
      {"postcode", child.postcode},
      {"nhs_number", Str(child.nhs_number.empty() ? "" : FormatNhsNumber(child.nhs_number))},
      {"legal_status", Str(children::Label(child.legal_status))},
  };
}

}  // namespace harbour::web
