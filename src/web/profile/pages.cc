// The area picture's pages (issue 12): the profile for a period with the period before and the
// trend, filters, the published and (coordinators) internal views, the CSV export, and the
// coordinator's drill-down to the children behind one cell, audited with its purpose.
#include <algorithm>
#include <future>
#include <set>

#include "common/csv.h"
#include "common/text.h"
#include "concerns/concern.h"
#include "profile/core_return.h"
#include "profile/export.h"
#include "web/core/errors.h"
#include "web/core/view_helpers.h"
#include "web/profile/handlers.h"

namespace harbour::web {
namespace {

const std::vector<std::string> kQueryFieldOrder = {"period",   "from", "to",      "ward", "agency",
                                                   "category", "view", "project", "table"};

// "This quarter so far: ..." for a period not yet over, "The year 2025", "Financial year ...".
std::string ChoicePrefix(const profile::Period& p, Date today) {
  bool so_far = profile::Contains(p, today);
  switch (p.kind) {
    case profile::PeriodKind::kQuarter:
      return so_far ? "This quarter so far: " : "";
    case profile::PeriodKind::kYear:
      return so_far ? "This year so far: " : "The year ";
    case profile::PeriodKind::kFinancialYear:
      return so_far ? "This financial year so far: " : "Financial year ";
    default:
      return "";
  }
}

// The periods offered in the form (profile::OfferedPeriods), and what was asked for when it is
// none of them (so that the form shows it again).
std::vector<std::pair<std::string, std::string>> PeriodChoices(Date today,
                                                               const std::string& asked) {
  std::vector<std::pair<std::string, std::string>> choices;
  for (const auto& p : profile::OfferedPeriods(today, false)) {
    choices.emplace_back(profile::PeriodCode(p), ChoicePrefix(p, today) + profile::PeriodLabel(p));
  }
  bool offered =
      std::any_of(choices.begin(), choices.end(), [&](const auto& c) { return c.first == asked; });
  if (!asked.empty() && !offered) choices.insert(choices.begin(), {asked, asked});
  return choices;
}

mstch::array ShownRows(const profile::ShownBreakdown& b, const std::string& drill_base) {
  mstch::array rows;
  for (const auto& r : b.rows) {
    mstch::map row{{"code", r.code},
                   {"label", r.label},
                   {"count", profile::CountText(r.count)},
                   {"previous", profile::CountText(r.previous)},
                   {"percent", profile::PercentText(r.percent, r.percent_suppressed)},
                   {"previous_percent",
                    profile::PercentText(r.previous_percent, r.previous_percent_suppressed)},
                   {"not_recorded", r.not_recorded}};
    if (!drill_base.empty() && r.count && *r.count > 0 && b.counting != "measures") {
      row.emplace("drill_href", drill_base + "&breakdown=" + PercentEncode(b.id) +
                                    "&row=" + PercentEncode(r.code));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

mstch::map ShownTable(const profile::ShownBreakdown& b, const std::string& drill_base,
                      const std::string& query_string) {
  mstch::array completeness;
  for (const auto& c : b.completeness) {
    completeness.push_back(
        mstch::map{{"agency", c.agency},
                   {"counted", profile::CountText(c.counted)},
                   {"recorded", profile::CountText(c.recorded)},
                   {"percent", profile::PercentText(c.percent, !c.recorded || !c.counted)}});
  }
  return mstch::map{
      {"id", b.id},
      {"title", b.title},
      {"note", b.note},
      {"has_note", !b.note.empty()},
      {"counting", b.counting},
      {"exclusive", b.exclusive},
      {"rows", ShownRows(b, drill_base)},
      {"total", profile::CountText(b.total)},
      {"previous_total", profile::CountText(b.previous_total)},
      {"completeness", completeness},
      {"has_completeness", !completeness.empty()},
      {"table_csv_href", "/profile/export.csv?" + query_string + "&table=" + PercentEncode(b.id)},
      {"table_xlsx_href",
       "/profile/export.xlsx?" + query_string + "&table=" + PercentEncode(b.id)}};
}

struct SectionName {
  std::string id, title;
};
const std::vector<SectionName> kSections = {
    {"children", "Children identified"},
    {"risk", "Risk levels"},
    {"exploitation", "Types and models of exploitation"},
    {"missing", "Missing episodes and return interviews"},
    {"referrals", "Referrals"},
    {"panel", "Panel decisions"},
    {"disruption", "Disruption and prosecution"},
    {"people", "People of concern"},
    {"locations", "Locations"},
    {"timeliness", "Timeliness"},
};

mstch::array Sections(const std::vector<profile::ShownBreakdown>& shown,
                      const std::string& drill_base, const std::string& query_string) {
  mstch::array sections;
  for (const auto& section : kSections) {
    mstch::array tables;
    for (const auto& b : shown) {
      if (b.section == section.id) tables.push_back(ShownTable(b, drill_base, query_string));
    }
    if (tables.empty()) continue;
    sections.push_back(
        mstch::map{{"id", section.id}, {"title", section.title}, {"tables", tables}});
  }
  return sections;
}

mstch::array TrendRows(const std::vector<profile::MonthCount>& trend, profile::Release release) {
  mstch::array rows;
  for (const auto& m : trend) {
    auto shown = [&](long n) {
      return profile::CountText(release == profile::Release::kInternal
                                    ? std::optional<long>(n)
                                    : profile::PublishedCount(n));
    };
    auto period = profile::ParsePeriod(m.month);
    rows.push_back(mstch::map{{"month", m.month},
                              {"label", period ? profile::PeriodLabel(*period) : m.month},
                              {"children", shown(m.children)},
                              {"referrals", shown(m.referrals)},
                              {"episodes", shown(m.episodes)}});
  }
  return rows;
}

// `choices` after the "any" choice, with what was asked for first when it is none of them.
std::vector<std::pair<std::string, std::string>> WithAsked(
    std::vector<std::pair<std::string, std::string>> choices, std::string_view any,
    const std::string& asked) {
  bool offered =
      std::any_of(choices.begin(), choices.end(), [&](const auto& c) { return c.first == asked; });
  if (!asked.empty() && !offered) choices.insert(choices.begin(), {asked, asked});
  choices.insert(choices.begin(), {"", std::string(any)});
  return choices;
}

std::vector<std::pair<std::string, std::string>> LabelChoices(
    const std::map<std::string, std::string>& names, std::string_view any,
    const std::string& asked) {
  std::vector<std::pair<std::string, std::string>> choices(names.begin(), names.end());
  std::sort(choices.begin(), choices.end(),
            [](const auto& a, const auto& b) { return a.second < b.second; });
  return WithAsked(std::move(choices), any, asked);
}

std::vector<std::pair<std::string, std::string>> CategoryChoices(const std::string& asked) {
  std::vector<std::pair<std::string, std::string>> choices;
  for (const auto& entry : concerns::kCategoryCodes) {
    choices.emplace_back(std::string(entry.code), std::string(entry.label));
  }
  return WithAsked(std::move(choices), "Any type of concern", asked);
}

// The API's "from" (YYYY-MM-DD), or the page's date boxes "from_day", "from_month" and
// "from_year" joined as one; when a custom period is chosen on the page its boxes win over the
// named period.
std::string DateText(const FormData& input, const std::string& name) {
  std::string day = Trim(input.Get(name + "_day")), month = Trim(input.Get(name + "_month"));
  std::string year = Trim(input.Get(name + "_year"));
  if (day.empty() && month.empty() && year.empty()) return input.Get(name);
  auto pad = [](const std::string& part) { return part.size() == 1 ? "0" + part : part; };
  return year + "-" + pad(month) + "-" + pad(day);
}

bool HasDateBoxes(const FormData& input) {
  for (const char* name :
       {"from_day", "from_month", "from_year", "to_day", "to_month", "to_year"}) {
    if (!Trim(input.Get(name)).empty()) return true;
  }
  return false;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> ProfileSections() {
  std::vector<std::pair<std::string, std::string>> sections;
  sections.reserve(kSections.size());
  for (const auto& s : kSections) sections.emplace_back(s.id, s.title);
  return sections;
}

Result<bool> KeepOneTable(const FormData& input, ComputedProfile& c) {
  std::string id = input.Get("table");
  if (id.empty()) return false;
  auto it = std::ranges::find_if(c.shown, [&](const auto& b) { return b.id == id; });
  if (it == c.shown.end()) {
    return std::unexpected(Error{ErrorKind::kInvalid,
                                 "validation_failed",
                                 "There is no such table in the profile.",
                                 {{"table", "There is no such table in the profile."}}});
  }
  std::vector<profile::ShownBreakdown> one{std::move(*it)};
  c.shown = std::move(one);
  c.trend.clear();
  c.monitoring = {};
  c.table = id;
  return true;
}

Response Download(std::string body, std::string_view content_type, const std::string& name) {
  Response res;
  res.status = 200;
  res.content_type = std::string(content_type);
  res.body = std::move(body);
  res.AddHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
  return res;
}

profile::ExportHeader ExportHeaderOf(const ComputedProfile& c, Instant now) {
  return profile::ExportHeader{.period_code = profile::PeriodCode(c.query.period),
                               .period_label = profile::PeriodLabel(c.query.period),
                               .previous_label = profile::PeriodLabel(c.previous),
                               .filters = profile::DescribeFilters(c.query.filters, c.labels),
                               .generated_at = FormatLondonDateTime(now),
                               .release = c.query.release};
}

Result<std::vector<profile::ToolLevel>> ProfileHandlers::ToolLevels() {
  auto versions = tools_.Versions();
  if (!versions) return std::unexpected(versions.error());
  std::vector<profile::ToolLevel> levels;
  std::set<std::string> seen;
  for (const auto& record : *versions) {
    auto tool = tools_.Load(record.tool_id, record.version);
    if (!tool) return std::unexpected(tool.error());
    const auto& tool_levels = (*tool)->levels;
    for (std::size_t i = 0; i < tool_levels.size(); ++i) {
      if (!seen.insert(tool_levels[i].code).second) continue;
      levels.push_back({.code = tool_levels[i].code,
                        .label = tool_levels[i].label,
                        .from_top = int(tool_levels.size() - 1 - i)});
    }
  }
  return levels;
}

Result<profile::Labels> ProfileHandlers::ReadLabels() {
  profile::Labels labels = profile::AggregateLabels(catalogue_);  // the ethnicity categories
  auto agencies = agencies_.List();
  if (!agencies) return std::unexpected(agencies.error());
  for (const auto& a : *agencies) labels.agencies[a.id] = a.name;
  auto wards = wards_.All();
  if (!wards) return std::unexpected(wards.error());
  for (const auto& w : *wards) labels.wards[w.code] = w.name;
  auto levels = ToolLevels();
  if (!levels) return std::unexpected(levels.error());
  labels.levels = std::move(*levels);
  return labels;
}

Result<profile::Query> ProfileHandlers::ParseQuery(const FormData& input,
                                                   const profile::Labels& labels,
                                                   const Principal& who) const {
  profile::QueryInput raw{.period = HasDateBoxes(input) ? std::string() : input.Get("period"),
                          .from = DateText(input, "from"),
                          .to = DateText(input, "to"),
                          .ward = input.Get("ward"),
                          .agency = input.Get("agency"),
                          .category = input.Get("category"),
                          .view = input.Get("view")};
  bool internal_allowed =
      access::Decide(who.Subject(), access::Action::kViewInternalProfile).allowed;
  return profile::ParseQuery(raw, labels, LondonDate(clock_.Now()), internal_allowed);
}

Result<CountedPeriod> ProfileHandlers::CountPeriod(const profile::Period& period,
                                                   const profile::Filters& filters,
                                                   const profile::Labels& labels,
                                                   bool keep_children) {
  auto facts = store_.Facts(period);
  if (!facts) return std::unexpected(facts.error());
  if (filters.Any()) {  // Filtered would copy the facts when there is nothing to filter
    *facts = profile::Filtered(*facts, filters);
  }
  CountedPeriod counted;
  counted.breakdowns = profile::Breakdowns(*facts, labels, calendar_, keep_children);
  counted.facts = std::move(*facts);
  return counted;
}

Result<ComputedProfile> ProfileHandlers::Compute(profile::Query query, profile::Labels labels,
                                                 bool keep_children,
                                                 const profile::EarlierRelease* earlier) {
  ComputedProfile c;
  c.previous = profile::PreviousPeriod(query.period);
  const auto& filters = query.filters;
  bool filtered = filters.Any();
  // The period before and the trend are counted on a second thread while this one counts the
  // period: the two are independent, and a one-year profile at 100,000 children is most of its
  // time counting (docs/performance.md).
  auto before_and_trend = std::async(std::launch::async, [&] {
    auto before = CountPeriod(c.previous, filters, labels, false);
    Result<std::vector<profile::MonthCount>> trend = std::vector<profile::MonthCount>{};
    if (!filtered && before) trend = store_.Trend(profile::TrendMonths(query.period));
    return std::make_pair(std::move(before), std::move(trend));
  });
  auto now = CountPeriod(query.period, filters, labels, keep_children);
  auto [before, trend] = before_and_trend.get();
  if (!now) return std::unexpected(now.error());
  if (!before) return std::unexpected(before.error());
  if (!trend) return std::unexpected(trend.error());
  c.current = std::move(now->breakdowns);
  c.before = std::move(before->breakdowns);
  c.trend = std::move(*trend);
  c.shown = profile::ShowAll(c.current, c.before, labels, query.release, earlier);
  auto population = profile_.Population();
  if (!population) return std::unexpected(population.error());
  c.monitoring =
      profile::ReleaseMonitoring(now->facts.children, c.shown, *population, labels, query.release);
  c.query = std::move(query);
  c.labels = std::move(labels);
  return c;
}

bool ProfileHandlers::MaySeeInternal(const Principal& who) {
  return access::Decide(who.Subject(), access::Action::kViewInternalProfile).allowed;
}

Result<ComputedProfile> ProfileHandlers::ComputeRequest(const FormData& input,
                                                        const Principal& who) {
  auto labels = ReadLabels();
  if (!labels) return std::unexpected(labels.error());
  auto query = ParseQuery(input, *labels, who);
  if (!query) return std::unexpected(query.error());
  return Compute(*query, *labels);
}

Response ProfileHandlers::ProblemPage(const Principal& who, const Request& request,
                                      const Error& error) {
  if (error.kind != ErrorKind::kInvalid) return ErrorPage(&who, request, error);
  auto labels = ReadLabels();
  if (!labels) return ErrorPage(&who, request, labels.error());
  return ProfileFormPage(who, request, *labels, nullptr, &error, MaySeeInternal(who));
}

Response ProfileHandlers::ProfilePage(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kViewProfile);
  if (!decision.allowed) {
    return Refuse(who, request, decision, access::Action::kViewProfile,
                  "Only analysts and coordinators see the problem profile.");
  }
  auto computed = ComputeRequest(request.query, who);
  if (!computed) return ProblemPage(who, request, computed.error());
  if (!Audit(AuditEntry(who, request, "profile.view", "profile", computed->PeriodCode(), "allowed",
                        decision.purpose, computed->Described()))) {
    return ErrorPage(&who, request, kAuditUnavailable);
  }
  return ProfileFormPage(who, request, computed->labels, &*computed, nullptr, MaySeeInternal(who));
}

Response ProfileHandlers::ProfileFormPage(const Principal& who, const Request& request,
                                          const profile::Labels& labels,
                                          const ComputedProfile* computed, const Error* problems,
                                          bool may_see_internal) {
  Date today = LondonDate(clock_.Now());
  FormData form = request.query;
  std::string period = Trim(form.Get("period"));
  if (period.empty() && Trim(form.Get("from")).empty()) {
    period = profile::PeriodCode(profile::LastCompleteQuarter(today));
  }
  std::string ward = Trim(form.Get("ward")), agency = Trim(form.Get("agency"));
  std::string category = Trim(form.Get("category"));
  mstch::map context{
      {"period_options", Options(PeriodChoices(today, period), period)},
      {"ward_options", Options(LabelChoices(labels.wards, "Every ward", ward), ward)},
      {"agency_options", Options(LabelChoices(labels.agencies, "Every agency", agency), agency)},
      {"category_options", Options(CategoryChoices(category), category)},
      {"may_see_internal", may_see_internal},
      {"has_wards", !labels.wards.empty()},
  };
  AddValues(context, form);
  AddChoiceFlags(context, form, {"view"});
  if (problems != nullptr) {
    AddErrors(context, *problems, kQueryFieldOrder);
    return Page(&who, request, "Area profile", "profile/profile", std::move(context),
                StatusFor(problems->kind));
  }
  const profile::Query& q = computed->query;
  bool internal = q.release == profile::Release::kInternal;
  std::string query_string = profile::QueryString(q);
  context.emplace("computed", true);
  context.emplace("internal", internal);
  context.emplace("period_label", profile::PeriodLabel(q.period));
  context.emplace("previous_label", profile::PeriodLabel(computed->previous));
  context.emplace("filters_text", profile::DescribeFilters(q.filters, labels));
  context.emplace("export_href", "/profile/export.csv?" + query_string);
  context.emplace("xlsx_href", "/profile/export.xlsx?" + query_string);
  context.emplace("report_href", "/profile/report.pdf?" + query_string);
  context.emplace(
      "sections",
      Sections(computed->shown, internal ? "/profile/children?" + query_string : "", query_string));
  context.emplace("trend", TrendRows(computed->trend, q.release));
  context.emplace("has_trend", !computed->trend.empty());
  context.emplace("monitoring", MonitoringContext(computed->monitoring));
  return Page(&who, request, "Area profile", "profile/profile", std::move(context));
}

Response ProfileHandlers::ExportCsv(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kExportProfile);
  if (!decision.allowed) {
    return Refuse(who, request, decision, access::Action::kExportProfile,
                  "Only analysts and coordinators export the problem profile.");
  }
  auto computed = ComputeRequest(request.query, who);
  if (!computed) return ProblemPage(who, request, computed.error());
  auto one = KeepOneTable(request.query, *computed);
  if (!one) return ProblemPage(who, request, one.error());
  Instant now = clock_.Now();
  std::string csv =
      profile::ProfileCsv(ExportHeaderOf(*computed, now), computed->shown, computed->trend) +
      (*one ? std::string() : MonitoringCsv(computed->monitoring));
  if (!Audit(AuditEntry(who, request, "profile.export", "profile", computed->PeriodCode(),
                        "allowed", decision.purpose,
                        "csv; " + computed->TablePart() + computed->Described()))) {
    return ErrorPage(&who, request, kAuditUnavailable);
  }
  return Download(std::move(csv), "text/csv; charset=utf-8", computed->FileName("csv"));
}

}  // namespace harbour::web
