#include "profile/query.h"

#include <map>

#include "common/text.h"
#include "concerns/concern.h"

namespace harbour::profile {
namespace {

using std::chrono::sys_days;

void Append(std::string& out, std::string_view name, std::string_view value) {
  if (value.empty()) return;
  if (!out.empty()) out += "&";
  out += std::string(name) + "=" + PercentEncode(value);
}

std::string NameOf(const std::map<std::string, std::string>& names, const std::string& code) {
  auto it = names.find(code);
  return it == names.end() ? code : it->second;
}

Result<Period> PeriodFrom(const QueryInput& input, Date today) {
  std::string period = Trim(input.period), from = Trim(input.from), to = Trim(input.to);
  if (!period.empty()) return ParsePeriod(period);
  if (from.empty() && to.empty()) return LastCompleteQuarter(today);
  return CustomPeriod(from, to);
}

}  // namespace

Result<Query> ParseQuery(const QueryInput& input, const Labels& labels, Date today,
                         bool internal_allowed) {
  std::map<std::string, std::string> bad;
  Query query;
  auto period = PeriodFrom(input, today);
  if (!period) {
    for (const auto& [field, message] : period.error().fields) bad[field] = message;
  } else if (sys_days{period->first} > sys_days{today}) {
    bad[Trim(input.period).empty() ? "from" : "period"] =
        "The period must start on or before today";
  } else {
    query.period = *period;
  }
  query.filters.ward = Trim(input.ward);
  if (!query.filters.ward.empty() && !labels.wards.contains(query.filters.ward)) {
    bad["ward"] = "Choose a ward from the list";
  }
  query.filters.agency = Trim(input.agency);
  if (!query.filters.agency.empty() && !labels.agencies.contains(query.filters.agency)) {
    bad["agency"] = "Choose an agency from the list";
  }
  query.filters.category = Trim(input.category);
  if (!query.filters.category.empty() && !concerns::CategoryFromCode(query.filters.category)) {
    bad["category"] = "Choose a type of concern from the list";
  }
  std::string view = Trim(input.view);
  if (view == "internal" && internal_allowed) {
    query.release = Release::kInternal;
  } else if (view == "internal") {
    bad["view"] = "Only coordinators see the figures before suppression";
  } else if (!view.empty() && view != "published") {
    bad["view"] = "Choose the published or the internal view";
  }
  if (!bad.empty()) return Invalid(std::move(bad));
  return query;
}

std::string QueryString(const Query& query) {
  std::string out;
  if (query.period.kind == PeriodKind::kCustom) {
    Append(out, "from", FormatDate(query.period.first));
    Append(out, "to", FormatDate(query.period.last));
  } else {
    Append(out, "period", PeriodCode(query.period));
  }
  Append(out, "ward", query.filters.ward);
  Append(out, "agency", query.filters.agency);
  Append(out, "category", query.filters.category);
  if (query.release == Release::kInternal) Append(out, "view", "internal");
  return out;
}

std::string DescribeFilters(const Filters& filters, const Labels& labels) {
  std::string out;
  auto add = [&](const std::string& part) {
    if (!out.empty()) out += "; ";
    out += part;
  };
  if (!filters.ward.empty()) add("ward " + NameOf(labels.wards, filters.ward));
  if (!filters.agency.empty()) add("agency " + NameOf(labels.agencies, filters.agency));
  if (!filters.category.empty()) {
    auto category = concerns::CategoryFromCode(filters.category);
    add("concerns of type " +
        (category ? std::string(concerns::Label(*category)) : filters.category));
  }
  return out.empty() ? "no filters" : out;
}

std::string DescribeQuery(const Query& query, const Labels& labels) {
  return PeriodCode(query.period) + "; " + DescribeFilters(query.filters, labels) + "; " +
         (query.release == Release::kInternal ? "internal, not for publication" : "published");
}

}  // namespace harbour::profile
