// Disruption activity and business engagement (issue 5; DOMAIN.md §10): the area's measures
// (expiring soon first, then the most recent), the form that records one against a person of
// concern, a place or a vehicle, a measure's page, and business visits with the premises not
// visited in the last 12 months. The verbs are shared with the API (disruption_api.cc).
#include <algorithm>

#include "children/child.h"
#include "common/ids.h"
#include "common/text.h"
#include "web/core/errors.h"
#include "web/core/view_helpers.h"
#include "web/disruption/handlers.h"

namespace harbour::web {

namespace {

constexpr int kRecentShown = 100;
constexpr int kExpiringWithinDays = 90;
constexpr int kNotVisitedMonths = 12;

const std::vector<std::string> kDisruptionFieldOrder = {
    "measure", "subject_type", "subject_id", "date",     "by_agency",
    "officer", "outcome",      "expiry",     "child_id", "notes"};
const std::vector<std::string> kVisitFieldOrder = {
    "place_id", "date", "visiting_agencies", "staff_spoken_to", "concerns_raised", "follow_up"};

// The GOV.UK date boxes "<prefix>_day/_month/_year" as YYYY-MM-DD; "" when all are blank; a
// problem under `field` otherwise (and text the domain refuses, so that nothing is stored).
std::string DateBoxes(const FormData& form, const std::string& prefix, std::string_view label,
                      const std::string& field, std::map<std::string, std::string>& bad) {
  std::string day = Trim(form.Get(prefix + "_day")), month = Trim(form.Get(prefix + "_month"));
  std::string year = Trim(form.Get(prefix + "_year"));
  if (day.empty() && month.empty() && year.empty()) return "";
  auto date = DateFromParts(day, month, year, label);
  if (!date) {
    bad[field] =
        date.error().fields.empty() ? date.error().message : date.error().fields.begin()->second;
    return "not a date";  // the domain refuses it too, so nothing is stored
  }
  return FormatDate(*date);
}

std::string PageDate(const std::optional<Date>& date) {
  return date ? FormatLongDate(*date) : std::string();
}

std::string SubjectHref(const disruption::Disruption& d) {
  switch (d.subject_type) {
    case disruption::SubjectType::kPerson:
      return "/records/people/" + d.subject_id;
    case disruption::SubjectType::kPlace:
      return "/records/places/" + d.subject_id;
    case disruption::SubjectType::kVehicle:
      return "/records/vehicles/" + d.subject_id;
  }
  return "/disruption";
}

mstch::map DisruptionRow(const disruption::Disruption& d, Date today) {
  bool expired = d.expiry && std::chrono::sys_days{*d.expiry} < std::chrono::sys_days{today};
  return mstch::map{
      {"id", d.id},
      {"href", "/disruption/" + d.id},
      {"measure", Str(disruption::Label(d.measure))},
      {"measure_code", Str(disruption::ToCode(d.measure))},
      {"subject_type", Str(disruption::Label(d.subject_type))},
      {"subject_label", d.subject_label},
      {"subject_href", SubjectHref(d)},
      {"date", FormatLongDate(d.date)},
      {"expiry", PageDate(d.expiry)},
      {"has_expiry", d.expiry.has_value()},
      {"expired", expired},
      {"by_agency", d.by_agency_name},
      {"officer", d.officer},
      {"outcome", d.outcome},
      {"notes", d.notes},
      {"child_id", d.child_id},
      {"recorded_by", d.recorder_name},
      {"recorded_at", FormatLondonDateTime(d.recorded_at)},
  };
}

}  // namespace

Result<mstch::array> DisruptionHandlers::DisruptionEntries(disruption::SubjectType type,
                                                           std::string_view id) {
  auto list = disruption_.ForSubject(type, id);
  if (!list) return std::unexpected(list.error());
  Date today = LondonDate(clock_.Now());
  mstch::array rows;
  for (const auto& d : *list) rows.push_back(DisruptionRow(d, today));
  return rows;
}

// --- verbs ------------------------------------------------------------------------------

Result<DisruptionHandlers::RecordedDisruption> DisruptionHandlers::DoRecordDisruption(
    const Principal& who, const Request& request, const disruption::DisruptionInput& input,
    std::string_view purpose) {
  // An unknown subject is a 404 (a malformed one is left to the validation's 422).
  auto type = disruption::SubjectTypeFromCode(Trim(input.subject_type));
  std::string subject_id = Trim(input.subject_id);
  if (type && IsValidId(subject_id)) {
    auto exists = disruption_.SubjectExists(*type, subject_id);
    if (!exists) return std::unexpected(exists.error());
    if (!*exists) {
      AuditRefusal(AuditEntry(who, request, "disruption.create",
                              std::string(disruption::ToCode(*type)), subject_id, "refused", {},
                              "no such record"));
      return NotFound("There is no such person, place or vehicle.");
    }
  }
  auto agencies = agencies_.List();
  if (!agencies) return std::unexpected(agencies.error());
  Instant now = clock_.Now();
  disruption::DisruptionContext context;
  context.today = LondonDate(now);
  for (const auto& a : *agencies) context.known_agencies.push_back(a.id);
  std::string child_id = Trim(input.child_id);
  if (IsValidId(child_id)) {
    auto child = AuthoriseChild(who, request, child_id, access::Action::kViewChild);
    if (child) {
      disruption::ChildFacts facts;
      facts.date_of_birth = child->date_of_birth;
      facts.estimated_age = child->estimated_age;
      facts.looked_after = children::IsLookedAfter(child->legal_status);
      context.child = facts;
    } else if (child.error().kind != ErrorKind::kNotFound &&
               child.error().kind != ErrorKind::kForbidden) {
      return std::unexpected(child.error());
    }
  }
  auto measure = disruption::ValidateDisruption(input, context);
  if (!measure) return std::unexpected(measure.error());
  measure->id = NewId();
  measure->recorded_by = who.user.id;
  measure->recorded_by_agency = who.agency.id;
  measure->recorded_at = now;
  measure->recorder_name = who.user.display_name;
  for (const auto& a : *agencies) {
    if (a.id == measure->by_agency) measure->by_agency_name = a.name;
  }
  RecordedDisruption out;
  auto reminder = disruption::ReminderTask(*measure, reminder_days_, now);
  auto saved =
      Write("recording a disruption measure", [&](storage::Transaction& tx) -> Result<void> {
        out.status = disruption_.InsertIn(tx, *measure);
        std::string detail =
            std::string(disruption::ToCode(measure->measure)) + " against " +
            std::string(disruption::ToCode(measure->subject_type)) + " " + measure->subject_id +
            (out.status ? "; status now " + std::string(disruption::ToCode(*out.status)) : "");
        AuditIn(tx, AboutChild(AuditEntry(who, request, "disruption.create", "disruption",
                                          measure->id, "allowed", purpose, detail),
                               measure->child_id));
        if (reminder) {
          reminder->id = NewId();
          tasks_.InsertIn(tx, *reminder);
          AuditIn(tx, AboutChild(AuditEntry(who, request, "task.create", "task", reminder->id,
                                            "allowed", purpose, reminder->title),
                                 reminder->child_id));
          out.reminder = *reminder;
        }
        return {};
      });
  if (!saved) return std::unexpected(saved.error());
  auto stored = disruption_.Find(measure->id);  // with the subject's label
  if (stored && *stored) {
    out.measure = std::move(**stored);
  } else {
    out.measure = std::move(*measure);
  }
  return out;
}

Result<disruption::Visit> DisruptionHandlers::DoRecordVisit(const Principal& who,
                                                            const Request& request,
                                                            const disruption::VisitInput& input,
                                                            std::string_view purpose) {
  std::string place_id = Trim(input.place_id);
  disruption::VisitContext context;
  if (IsValidId(place_id)) {
    auto type = disruption_.PlaceType(place_id);
    if (!type) return std::unexpected(type.error());
    if (!*type) {
      AuditRefusal(AuditEntry(who, request, "business_visit.create", "place", place_id, "refused",
                              {}, "no such place"));
      return NotFound("There is no such place.");
    }
    context.place_type = **type;
  }
  auto agencies = agencies_.List();
  if (!agencies) return std::unexpected(agencies.error());
  Instant now = clock_.Now();
  context.today = LondonDate(now);
  for (const auto& a : *agencies) context.known_agencies.push_back(a.id);
  auto visit = disruption::ValidateVisit(input, context);
  if (!visit) return std::unexpected(visit.error());
  visit->id = NewId();
  visit->recorded_by = who.user.id;
  visit->recorded_by_agency = who.agency.id;
  visit->recorded_at = now;
  auto saved = Write("recording a business visit", [&](storage::Transaction& tx) -> Result<void> {
    disruption_.InsertVisitIn(tx, *visit);
    AuditIn(tx, AuditEntry(who, request, "business_visit.create", "business_visit", visit->id,
                           "allowed", purpose, "place " + visit->place_id));
    return {};
  });
  if (!saved) return std::unexpected(saved.error());
  auto stored = disruption_.FindVisit(visit->id);
  if (stored && *stored) return std::move(**stored);
  return visit;
}

Result<std::vector<disruption::Disruption>> DisruptionHandlers::ExpiringMeasures(Date today,
                                                                                 int within_days) {
  auto window = disruption::ExpiringWindow(today, within_days);
  auto candidates = disruption_.WithExpiryBetween(window.first, window.last);
  if (!candidates) return candidates;
  return disruption::Expiring(*candidates, today, within_days);
}

// --- pages ------------------------------------------------------------------------------

Response DisruptionHandlers::DisruptionList(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kRecordDisruption);
  if (!decision.allowed) {
    return Refuse(who, request, decision, access::Action::kRecordDisruption,
                  "Only intelligence officers and coordinators see disruption activity.");
  }
  Date today = LondonDate(clock_.Now());
  auto expiring = ExpiringMeasures(today, kExpiringWithinDays);
  if (!expiring) return ErrorPage(&who, request, expiring.error());
  auto recent = disruption_.Recent(kRecentShown);
  if (!recent) return ErrorPage(&who, request, recent.error());
  if (!Audit(AuditEntry(who, request, "disruption.list", "area", "", "allowed", decision.purpose,
                        std::to_string(expiring->size()) + " expiring, " +
                            std::to_string(recent->size()) + " recent"))) {
    return ErrorPage(&who, request, kAuditUnavailable);
  }
  mstch::array soon, rows;
  for (const auto& d : *expiring) soon.push_back(DisruptionRow(d, today));
  for (const auto& d : *recent) rows.push_back(DisruptionRow(d, today));
  return Page(&who, request, "Disruption", "disruption/list",
              mstch::map{{"expiring", soon},
                         {"has_expiring", !soon.empty()},
                         {"within_days", kExpiringWithinDays},
                         {"recent", rows},
                         {"has_recent", !rows.empty()},
                         {"reminder_days", reminder_days_}});
}

Response DisruptionHandlers::NewDisruptionForm(Request& request, const Principal& who) {
  return DisruptionFormPage(who, request, request.query, nullptr);
}

Response DisruptionHandlers::DisruptionFormPage(const Principal& who, const Request& request,
                                                const FormData& form, const Error* problems) {
  auto decision = access::Decide(who.Subject(), access::Action::kRecordDisruption);
  if (!decision.allowed) {
    return Refuse(who, request, decision, access::Action::kRecordDisruption,
                  "Only intelligence officers and coordinators record disruption.");
  }
  auto type = disruption::SubjectTypeFromCode(Trim(form.Get("subject_type")));
  std::string subject_id = Trim(form.Get("subject_id"));
  if (!type || !IsValidId(subject_id)) return NotFoundPage(&who, request);
  auto label = disruption_.SubjectLabel(*type, subject_id);
  if (!label) return ErrorPage(&who, request, label.error());
  if (!*label) return NotFoundPage(&who, request);
  auto agencies = agencies_.List();
  if (!agencies) return ErrorPage(&who, request, agencies.error());
  auto earlier = disruption_.ForSubject(*type, subject_id);
  if (!earlier) return ErrorPage(&who, request, earlier.error());
  if (!Audit(AuditEntry(who, request, "disruption.form", std::string(disruption::ToCode(*type)),
                        subject_id, "allowed", decision.purpose,
                        std::to_string(earlier->size()) + " earlier measures shown"))) {
    return ErrorPage(&who, request, kAuditUnavailable);
  }
  std::vector<std::pair<std::string, std::string>> measures = {{"", "Choose a measure"}};
  for (auto m : disruption::AllMeasures()) {
    if (!disruption::AppliesTo(m, *type)) continue;
    std::string label(disruption::Label(m));
    if (disruption::ExpiryOf(m) == disruption::ExpiryRule::kNever) label += " (no expiry)";
    measures.emplace_back(std::string(disruption::ToCode(m)), label);
  }
  std::vector<std::pair<std::string, std::string>> agency_options = {{"", "Choose an agency"}};
  for (const auto& a : *agencies) agency_options.emplace_back(a.id, a.name);
  Date today = LondonDate(clock_.Now());
  mstch::array earlier_rows;
  for (const auto& d : *earlier) earlier_rows.push_back(DisruptionRow(d, today));
  const std::string& subject_label = **label;
  mstch::map context{
      {"subject_type", Str(disruption::ToCode(*type))},
      {"subject_type_label", Str(disruption::Label(*type))},
      {"subject_id", subject_id},
      {"subject_label", subject_label},
      {"measure_options", Options(measures, form.Get("measure"))},
      {"agency_options",
       Options(agency_options, form.Has("by_agency") ? form.Get("by_agency") : who.agency.id)},
      {"earlier", earlier_rows},
      {"has_earlier", !earlier_rows.empty()},
      {"reminder_days", reminder_days_},
      {"back_href", "/disruption"},
  };
  for (const auto& [name, value] : form.Pairs()) {
    if (name == "_csrf" || name == "subject_type" || name == "subject_id") continue;
    context[name] = value;
  }
  context["no_expiry_checked"] = form.Get("no_expiry") == "yes";
  if (problems != nullptr) AddErrors(context, *problems, kDisruptionFieldOrder);
  std::string title = "Record disruption";
  return FormPage(who, request, title, "disruption/new", context, problems);
}

Response DisruptionHandlers::RecordDisruption(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kRecordDisruption);
  if (!decision.allowed) {
    return Refuse(who, request, decision, access::Action::kRecordDisruption,
                  "Only intelligence officers and coordinators record disruption.");
  }
  auto form = ParseUrlEncoded(request.body);
  if (!form) return ErrorPage(&who, request, form.error());
  std::map<std::string, std::string> bad;
  disruption::DisruptionInput input;
  input.measure = form->Get("measure");
  input.subject_type = form->Get("subject_type");
  input.subject_id = form->Get("subject_id");
  input.date = DateBoxes(*form, "date", "Date", "date", bad);
  input.by_agency = form->Get("by_agency");
  input.officer = form->Get("officer");
  input.outcome = form->Get("outcome");
  input.expiry = DateBoxes(*form, "expiry", "Expiry date", "expiry", bad);
  input.no_expiry = form->Get("no_expiry") == "yes";
  input.child_id = form->Get("child_id");
  input.notes = form->Get("notes");
  auto recorded = DoRecordDisruption(who, request, input, decision.purpose);
  if (recorded && bad.empty()) {
    return Response::Redirect("/disruption/" + recorded->measure.id + "?recorded=1");
  }
  if (!recorded && recorded.error().kind == ErrorKind::kNotFound) {
    return NotFoundPage(&who, request);
  }
  if (!recorded && recorded.error().kind != ErrorKind::kInvalid) {
    return ErrorPage(&who, request, recorded.error());
  }
  Error shown =
      recorded
          ? Error{ErrorKind::kInvalid, "validation_failed", "Check the highlighted fields.", {}}
          : recorded.error();
  for (const auto& [field, message] : bad) shown.fields[field] = message;
  return DisruptionFormPage(who, request, *form, &shown);
}

Response DisruptionHandlers::ViewDisruption(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kRecordDisruption);
  if (!decision.allowed) {
    return Refuse(who, request, decision, access::Action::kRecordDisruption,
                  "Only intelligence officers and coordinators see disruption activity.");
  }
  std::string id = request.Param("id");
  if (!IsValidId(id)) return NotFoundPage(&who, request);
  auto found = disruption_.Find(id);
  if (!found) return ErrorPage(&who, request, found.error());
  if (!*found) return NotFoundPage(&who, request);
  const auto& d = **found;
  auto reminders = tasks_.ForSource("disruption", d.id);
  if (!reminders) return ErrorPage(&who, request, reminders.error());
  if (!Audit(AboutChild(
          AuditEntry(who, request, "disruption.view", "disruption", d.id, "allowed",
                     decision.purpose,
                     std::string(disruption::ToCode(d.subject_type)) + " " + d.subject_id),
          d.child_id))) {
    return ErrorPage(&who, request, kAuditUnavailable);
  }
  mstch::map context = DisruptionRow(d, LondonDate(clock_.Now()));
  mstch::array tasks;
  for (const auto& t : *reminders) {
    tasks.push_back(mstch::map{{"title", t.title},
                               {"due", FormatLondonDateTime(t.due_at)},
                               {"done", t.status == tasks::TaskStatus::kDone},
                               {"outcome", t.outcome}});
  }
  context["reminders"] = tasks;
  context["has_reminders"] = !tasks.empty();
  context["recorded"] = request.query.Get("recorded") == "1";
  context["subject_type_code"] = Str(disruption::ToCode(d.subject_type));
  context["subject_id"] = d.subject_id;
  context["back_href"] = "/disruption";
  return Page(&who, request, std::string(disruption::Label(d.measure)) + ": " + d.subject_label,
              "disruption/measure", context);
}

Response DisruptionHandlers::BusinessVisits(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kRecordBusinessVisit);
  if (!decision.allowed) {
    return Refuse(who, request, decision, access::Action::kRecordBusinessVisit,
                  "Your role does not record business visits.");
  }
  auto visits = disruption_.RecentVisits(kRecentShown);
  if (!visits) return ErrorPage(&who, request, visits.error());
  auto premises = disruption_.BusinessPremises();
  if (!premises) return ErrorPage(&who, request, premises.error());
  Date today = LondonDate(clock_.Now());
  auto groups = disruption::NotVisitedSince(*premises, today, kNotVisitedMonths);
  if (!Audit(AuditEntry(who, request, "business_visit.list", "area", "", "allowed",
                        decision.purpose, std::to_string(visits->size()) + " visits listed"))) {
    return ErrorPage(&who, request, kAuditUnavailable);
  }
  mstch::array visit_rows, group_rows, premises_rows;
  for (const auto& v : *visits) {
    std::string agencies;
    for (const auto& name : v.agency_names) agencies += (agencies.empty() ? "" : ", ") + name;
    visit_rows.push_back(mstch::map{{"place_id", v.place_id},
                                    {"place_name", v.place_name},
                                    {"place_type", Str(disruption::PremisesLabel(v.place_type))},
                                    {"date", FormatLongDate(v.date)},
                                    {"agencies", agencies},
                                    {"pack", v.awareness_pack_given},
                                    {"concerns_raised", v.concerns_raised},
                                    {"follow_up", v.follow_up}});
  }
  int not_visited = 0;
  for (const auto& g : groups) {
    mstch::array items;
    for (const auto& p : g.premises) {
      items.push_back(mstch::map{
          {"place_id", p.place_id},
          {"name", p.name},
          {"last_visit", Str(p.last_visit ? FormatLongDate(*p.last_visit) : "Never visited")}});
      ++not_visited;
    }
    group_rows.push_back(mstch::map{{"type", g.place_type},
                                    {"label", g.label},
                                    {"count", static_cast<int>(g.premises.size())},
                                    {"premises", items}});
  }
  for (const auto& p : *premises) {
    premises_rows.push_back(mstch::map{
        {"value", p.place_id},
        {"label", p.name + " (" + std::string(disruption::PremisesLabel(p.place_type)) + ")"}});
  }
  return Page(&who, request, "Business visits", "disruption/visits",
              mstch::map{{"visits", visit_rows},
                         {"has_visits", !visit_rows.empty()},
                         {"groups", group_rows},
                         {"has_groups", !group_rows.empty()},
                         {"not_visited_count", not_visited},
                         {"months", kNotVisitedMonths},
                         {"premises", premises_rows},
                         {"has_premises", !premises_rows.empty()},
                         {"recorded", request.query.Get("recorded") == "1"}});
}

Response DisruptionHandlers::NewBusinessVisitForm(Request& request, const Principal& who) {
  FormData form = request.query;
  return VisitFormPage(who, request, form, nullptr);
}

Response DisruptionHandlers::VisitFormPage(const Principal& who, const Request& request,
                                           const FormData& form, const Error* problems) {
  auto decision = access::Decide(who.Subject(), access::Action::kRecordBusinessVisit);
  if (!decision.allowed) {
    return Refuse(who, request, decision, access::Action::kRecordBusinessVisit,
                  "Your role does not record business visits.");
  }
  std::string place_id = Trim(form.Has("place_id") ? form.Get("place_id") : form.Get("place"));
  if (!IsValidId(place_id)) return NotFoundPage(&who, request);
  auto type = disruption_.PlaceType(place_id);
  if (!type) return ErrorPage(&who, request, type.error());
  if (!*type) return NotFoundPage(&who, request);
  auto visits = disruption_.VisitsForPlace(place_id);
  if (!visits) return ErrorPage(&who, request, visits.error());
  auto agencies = agencies_.List();
  if (!agencies) return ErrorPage(&who, request, agencies.error());
  if (!Audit(AuditEntry(who, request, "business_visit.form", "place", place_id, "allowed",
                        decision.purpose,
                        std::to_string(visits->size()) + " earlier visits shown"))) {
    return ErrorPage(&who, request, kAuditUnavailable);
  }
  auto name = disruption_.SubjectLabel(disruption::SubjectType::kPlace, place_id);
  if (!name) return ErrorPage(&who, request, name.error());
  std::string place_name = name->value_or("");
  std::vector<std::string> chosen = form.GetAll("visiting_agencies");
  if (!form.Has("visiting_agencies") && problems == nullptr) chosen = {who.agency.id};
  std::vector<std::pair<std::string, std::string>> agency_options;
  for (const auto& a : *agencies) agency_options.emplace_back(a.id, a.name);
  mstch::array earlier;
  for (const auto& v : *visits) {
    std::string names;
    for (const auto& n : v.agency_names) names += (names.empty() ? "" : ", ") + n;
    earlier.push_back(mstch::map{{"date", FormatLongDate(v.date)},
                                 {"agencies", names},
                                 {"pack", v.awareness_pack_given},
                                 {"staff_spoken_to", v.staff_spoken_to},
                                 {"concerns_raised", v.concerns_raised},
                                 {"follow_up", v.follow_up}});
  }
  mstch::map context{
      {"place_id", place_id},
      {"place_name", place_name},
      {"place_type", Str(disruption::PremisesLabel(**type))},
      {"business_premises", disruption::IsBusinessPremises(**type)},
      {"agency_options", CheckedOptions(agency_options, chosen)},
      {"earlier", earlier},
      {"has_earlier", !earlier.empty()},
      {"back_href", "/business-visits"},
  };
  for (const auto& [name, value] : form.Pairs()) {
    if (name == "_csrf" || name == "place_id" || name == "place" || name == "visiting_agencies") {
      continue;
    }
    context[name] = value;
  }
  context["pack_checked"] = form.Get("awareness_pack_given") == "yes";
  if (problems != nullptr) AddErrors(context, *problems, kVisitFieldOrder);
  std::string title = "Record a business visit";
  return FormPage(who, request, title, "disruption/visit-new", context, problems);
}

Response DisruptionHandlers::RecordBusinessVisit(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kRecordBusinessVisit);
  if (!decision.allowed) {
    return Refuse(who, request, decision, access::Action::kRecordBusinessVisit,
                  "Your role does not record business visits.");
  }
  auto form = ParseUrlEncoded(request.body);
  if (!form) return ErrorPage(&who, request, form.error());
  std::map<std::string, std::string> bad;
  disruption::VisitInput input;
  input.place_id = form->Get("place_id");
  input.date = DateBoxes(*form, "date", "Date of the visit", "date", bad);
  input.visiting_agencies = form->GetAll("visiting_agencies");
  input.awareness_pack_given = form->Get("awareness_pack_given") == "yes";
  input.staff_spoken_to = form->Get("staff_spoken_to");
  input.concerns_raised = form->Get("concerns_raised");
  input.follow_up = form->Get("follow_up");
  auto visit = DoRecordVisit(who, request, input, decision.purpose);
  if (visit && bad.empty()) return Response::Redirect("/business-visits?recorded=1");
  if (!visit && visit.error().kind == ErrorKind::kNotFound) return NotFoundPage(&who, request);
  if (!visit && visit.error().kind != ErrorKind::kInvalid) {
    return ErrorPage(&who, request, visit.error());
  }
  Error shown =
      visit ? Error{ErrorKind::kInvalid, "validation_failed", "Check the highlighted fields.", {}}
            : visit.error();
  for (const auto& [field, message] : bad) shown.fields[field] = message;
  return VisitFormPage(who, request, *form, &shown);
}

}  // namespace harbour::web
