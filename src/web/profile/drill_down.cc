// The coordinator's drill-down (issue 12): from one cell of the profile to the children behind
// it. The coordinator states why; the list is audited once per child, with that purpose, so
// that each child's trail shows who looked and why.
#include <algorithm>

#include "common/text.h"
#include "web/core/errors.h"
#include "web/core/view_helpers.h"
#include "web/profile/handlers.h"

namespace harbour::web {
namespace {

constexpr std::size_t kPurposeMaxChars = 500;
constexpr std::size_t kListedAtMost = 500;

const std::vector<std::string> kDrillFieldOrder = {"purpose", "breakdown", "row"};

mstch::map Hidden(const FormData& form) {
  mstch::array fields;
  for (const char* name :
       {"period", "from", "to", "ward", "agency", "category", "view", "breakdown", "row"}) {
    std::string value = form.Get(name);
    if (!value.empty()) fields.push_back(mstch::map{{"name", std::string(name)}, {"value", value}});
  }
  return mstch::map{{"hidden", fields}};
}

}  // namespace

Response ProfileHandlers::DrillDownForm(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kDrillDownProfile);
  if (!decision.allowed) {
    return Refuse(who, request, decision, access::Action::kDrillDownProfile,
                  "Only coordinators see the children behind the profile's figures.");
  }
  mstch::map context = Hidden(request.query);
  AddValues(context, request.query);
  return Page(&who, request, "Why do you need to see these children?", "profile/drill_down",
              std::move(context));
}

Response ProfileHandlers::DrillDown(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kDrillDownProfile);
  if (!decision.allowed) {
    return Refuse(who, request, decision, access::Action::kDrillDownProfile,
                  "Only coordinators see the children behind the profile's figures.");
  }
  auto parsed = ParseUrlEncoded(request.body);
  if (!parsed) return ErrorPage(&who, request, parsed.error());
  const FormData& form = *parsed;
  auto show_again = [&](const Error& problems) {
    mstch::map context = Hidden(form);
    AddValues(context, form);
    AddErrors(context, problems, kDrillFieldOrder);
    return FormPage(who, request, "Why do you need to see these children?", "profile/drill_down",
                    std::move(context), &problems);
  };
  std::string purpose = Trim(form.Get("purpose"));
  if (purpose.empty()) {
    return show_again(Invalid({{"purpose", "Say why you need to see these children"}}).error());
  }
  if (!IsValidUtf8(purpose) || CharacterCount(purpose) > kPurposeMaxChars) {
    return show_again(
        Invalid({{"purpose", "The purpose must be 500 characters or fewer"}}).error());
  }
  auto labels = ReadLabels();
  if (!labels) return ErrorPage(&who, request, labels.error());
  auto query = ParseQuery(form, *labels, who);
  if (!query) return show_again(query.error());
  query->release = profile::Release::kInternal;
  auto computed = Compute(*query, *labels, /*keep_children=*/true);
  if (!computed) return ErrorPage(&who, request, computed.error());
  const profile::Breakdown* table = profile::Find(computed->current, Trim(form.Get("breakdown")));
  const profile::BreakdownRow* row = nullptr;
  if (table != nullptr) {
    for (const auto& r : table->rows) {
      if (r.code == Trim(form.Get("row"))) row = &r;
    }
  }
  if (row == nullptr) {
    return show_again(
        Invalid({{"row", "That figure is not in the profile: go back and choose one"}}).error());
  }
  std::vector<std::string> ids = row->child_ids;
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  bool more = ids.size() > kListedAtMost;
  if (more) ids.resize(kListedAtMost);
  auto children = children_.FindMany(ids);
  if (!children) return ErrorPage(&who, request, children.error());
  std::string detail = "purpose: " + purpose + "; " + table->id + " = " + row->code + "; " +
                       profile::DescribeQuery(*query, *labels);
  if (!Audit(PerChild(
          AuditEntry(who, request, "profile.drill_down", "profile",
                     profile::PeriodCode(query->period), "allowed", decision.purpose, detail),
          ids))) {
    return ErrorPage(&who, request, kAuditUnavailable);
  }
  Date today = LondonDate(clock_.Now());
  mstch::array rows;
  for (const auto& child : *children) rows.push_back(ChildSummary(child, today));
  return Page(&who, request, "Children behind the figure", "profile/children",
              mstch::map{{"children", rows},
                         {"count", std::to_string(ids.size())},
                         {"more", more},
                         {"table", table->title},
                         {"row", row->label},
                         {"period", profile::PeriodLabel(query->period)},
                         {"filters", profile::DescribeFilters(query->filters, *labels)},
                         {"purpose", purpose},
                         {"back_href", "/profile?" + profile::QueryString(*query)}});
}

}  // namespace harbour::web
