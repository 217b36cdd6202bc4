// The auditor's view of the audit trail: every entry about a child (whatever record it names),
// by user, agency, action, refusals only and dates, a page at a time, newest first; and the
// same entries as CSV. Both are for auditors only and are themselves audited.
#include <algorithm>

#include "audit/actions.h"
#include "common/csv.h"
#include "common/text.h"
#include "web/audit/handlers.h"
#include "web/core/view_helpers.h"

namespace harbour::web {

namespace {

// The order of the filter's fields in the error summary.
const std::vector<std::string> kFilterFields = {"child",   "user", "agency", "action",
                                                "outcome", "from", "to"};

audit::FilterInput InputFrom(const FormData& q) {
  audit::FilterInput in;
  // "record" is the child filter's name before filters were added (kept for old links).
  in.child = q.Get("child").empty() ? q.Get("record") : q.Get("child");
  in.user = q.Get("user");
  in.agency = q.Get("agency");
  in.action = q.Get("action");
  in.outcome = q.Get("outcome");
  in.from_day = q.Get("from_day");
  in.from_month = q.Get("from_month");
  in.from_year = q.Get("from_year");
  in.from = q.Get("from");
  in.to_day = q.Get("to_day");
  in.to_month = q.Get("to_month");
  in.to_year = q.Get("to_year");
  in.to = q.Get("to");
  in.before = q.Get("before");
  in.after = q.Get("after");
  return in;
}

// The date boxes as typed; an ISO date given instead ("from=2026-03-01", as the page's own
// links carry it) is shown in the boxes.
void AddDateBoxes(mstch::map& context, const std::string& name, std::string_view day,
                  std::string_view month, std::string_view year, const std::string& iso) {
  std::string d(day), m(month), y(year);
  if (!Trim(iso).empty()) {
    std::string text = Trim(iso);
    auto first = text.find('-'), second = text.rfind('-');
    if (first != std::string::npos && second != first) {
      y = text.substr(0, first);
      m = text.substr(first + 1, second - first - 1);
      d = text.substr(second + 1);
      auto strip = [](std::string& s) {
        if (s.size() > 1 && s.front() == '0') s.erase(0, 1);
      };
      strip(m);
      strip(d);
    } else {
      y = text;
    }
  }
  context[name + "_day"] = d;
  context[name + "_month"] = m;
  context[name + "_year"] = y;
}

mstch::array ActionGroups(std::string_view selected) {
  mstch::array groups;
  std::string_view area;
  mstch::array options;
  auto flush = [&] {
    if (!options.empty())
      groups.push_back(mstch::map{{"area", std::string(area)}, {"options", options}});
    options.clear();
  };
  for (const audit::ActionWords& a : audit::Actions()) {
    if (a.area != area) {
      flush();
      area = a.area;
    }
    options.push_back(mstch::map{{"value", std::string(a.code)},
                                 {"label", std::string(a.words) + " (" + std::string(a.code) + ")"},
                                 {"selected", a.code == selected}});
  }
  flush();
  return groups;
}

mstch::map EntryRow(const storage::ListedEntry& listed) {
  const audit::Entry& e = listed.entry;
  std::string_view words = audit::WordsFor(e.action);
  const std::string& child = e.child_id.empty() ? listed.inferred_child_id : e.child_id;
  return mstch::map{
      {"seq", std::to_string(e.seq)},
      {"at", FormatLondonDateTime(e.at)},
      {"at_utc", FormatRfc3339(e.at)},
      {"username", e.username},
      {"role", e.role},
      {"agency", e.agency},
      {"action", e.action},
      {"action_words", std::string(words)},
      {"has_words", !words.empty()},
      {"outcome", e.outcome},
      {"refused", e.outcome == "refused"},
      {"record_type", e.record_type},
      {"record_id", e.record_id},
      {"child_id", child},
      // The record line already names a child that is the record itself.
      {"show_child", !child.empty() && !(e.record_type == "child" && e.record_id == child)},
      {"child_inferred", e.child_id.empty() && !listed.inferred_child_id.empty()},
      {"detail", e.detail},
      {"request_id", e.request_id}};
}

// `query` and `extra` joined by '&' (either may be empty). The template writes the path
// itself, so that the links read "/audit?…" rather than mstch's escaped slash.
std::string JoinQuery(const std::string& query, const std::string& extra) {
  if (query.empty() || extra.empty()) return query + extra;
  return query + "&" + extra;
}

}  // namespace

Response AuditHandlers::TrailPage(const Principal& who, const Request& request,
                                  std::string_view purpose, const audit::Query* query,
                                  const Error* problems) {
  const FormData& q = request.query;
  mstch::map context{{"page_size", kPageSize}, {"export_limit", Str(kExportLimitText)}};
  context["child"] = q.Get("child").empty() ? q.Get("record") : q.Get("child");
  context["user"] = q.Get("user");
  context["agency"] = q.Get("agency");
  context["outcome_refused"] = q.Get("outcome") == "refused";
  context["action_groups"] = ActionGroups(q.Get("action"));
  AddDateBoxes(context, "from", q.Get("from_day"), q.Get("from_month"), q.Get("from_year"),
               q.Get("from"));
  AddDateBoxes(context, "to", q.Get("to_day"), q.Get("to_month"), q.Get("to_year"), q.Get("to"));
  if (problems != nullptr) {
    AddErrors(context, *problems, kFilterFields);
    return FormPage(who, request, "Audit trail", "audit/trail", context, problems);
  }
  const audit::Filter& filter = query->filter;
  auto page = audit_.Page(filter, query->page, kPageSize);
  if (!page) return ErrorPage(&who, request, page.error());
  const std::string filters = audit::ToQueryString(filter);
  mstch::array rows;
  for (const auto& listed : page->entries) rows.push_back(EntryRow(listed));
  context["entries"] = rows;
  context["has_entries"] = !rows.empty();
  context["filtered"] = !filter.Empty();
  context["filter_summary"] = audit::Describe(filter);
  context["about_child"] = filter.child_id;
  context["export_query"] = filters;
  if (page->has_newer) {
    context["newer_query"] =
        JoinQuery(filters, "after=" + std::to_string(page->entries.front().entry.seq));
  }
  if (page->has_older) {
    context["older_query"] =
        JoinQuery(filters, "before=" + std::to_string(page->entries.back().entry.seq));
  }
  context["has_paging"] = page->has_newer || page->has_older;
  std::string detail = audit::Describe(filter) + "; " + std::to_string(rows.size()) + " shown";
  if (query->page.before) detail += "; older than " + std::to_string(*query->page.before);
  if (query->page.after) detail += "; newer than " + std::to_string(*query->page.after);
  if (!Audit(AboutChild(
          AuditEntry(who, request, "audit.view", "audit", "", "allowed", purpose, detail),
          filter.child_id))) {
    return ErrorPage(&who, request, kAuditUnavailable);
  }
  return Page(&who, request, "Audit trail", "audit/trail", context);
}

Response AuditHandlers::AuditTrail(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kViewAuditTrail);
  if (!decision.allowed) {
    return Refuse(who, request, decision, access::Action::kViewAuditTrail,
                  "Only auditors read the audit trail.");
  }
  auto query = audit::ParseQuery(InputFrom(request.query));
  if (!query) return TrailPage(who, request, decision.purpose, nullptr, &query.error());
  return TrailPage(who, request, decision.purpose, &*query, nullptr);
}

Response AuditHandlers::ExportTrail(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kViewAuditTrail);
  if (!decision.allowed) {
    if (!Audit(AuditEntry(who, request, "audit.export", "audit", "", "refused", {},
                          decision.reason))) {
      return ErrorPage(&who, request, kAuditUnavailable);
    }
    return ErrorPage(
        &who, request,
        Error{ErrorKind::kForbidden, "forbidden", "Only auditors export the audit trail.", {}});
  }
  auto query = audit::ParseQuery(InputFrom(request.query));
  if (!query) return TrailPage(who, request, decision.purpose, nullptr, &query.error());
  bool more = false;
  auto entries = audit_.Matching(query->filter, kExportLimit, &more);
  if (!entries) return ErrorPage(&who, request, entries.error());
  std::string csv(kCsvByteOrderMark);
  csv += CsvRow({"seq", "at", "username", "role", "agency", "action", "action_words", "record_type",
                 "record_id", "child_id", "inferred_child_id", "purpose", "outcome", "detail",
                 "request_id", "hash"});
  for (const auto& listed : *entries) {
    const audit::Entry& e = listed.entry;
    csv +=
        CsvRow({std::to_string(e.seq), FormatRfc3339(e.at), e.username, e.role, e.agency, e.action,
                std::string(audit::WordsFor(e.action)), e.record_type, e.record_id, e.child_id,
                listed.inferred_child_id, e.purpose, e.outcome, e.detail, e.request_id, e.hash});
  }
  std::string detail = audit::Describe(query->filter) + "; " + std::to_string(entries->size()) +
                       " rows" + (more ? "; limit reached, older entries left out" : "");
  if (!Audit(AboutChild(AuditEntry(who, request, "audit.export", "audit", "", "allowed",
                                   decision.purpose, detail),
                        query->filter.child_id))) {
    return ErrorPage(&who, request, kAuditUnavailable);
  }
  Response res;
  res.status = 200;
  res.content_type = "text/csv; charset=utf-8";
  res.body = std::move(csv);
  res.AddHeader("Content-Disposition", "attachment; filename=\"audit-trail-" +
                                           FormatDate(LondonDate(clock_.Now())) + ".csv\"");
  return res;
}

}  // namespace harbour::web
