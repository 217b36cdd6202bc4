// Logging a concern, adding an addendum, and the chronology (pages), and the verbs the API
// shares with them.
#include "common/ids.h"
#include "common/text.h"
#include "web/concerns/handlers.h"
#include "web/core/view_helpers.h"

namespace harbour::web {

namespace {

const std::vector<std::string> kConcernFieldOrder = {
    "observed_at", "location",  "location_postcode", "category",
    "indicators",  "narrative", "first_hand",        "immediate_danger"};

const std::vector<std::pair<std::string, std::string>> kCategories = {
    {"sexual_exploitation", "Sexual exploitation"},
    {"criminal_exploitation", "Criminal exploitation"},
    {"missing", "Missing"},
    {"online_harm", "Online harm"},
    {"other", "Other"}};

// Date boxes and a 24-hour time in Europe/London become an RFC 3339 instant.
Result<std::string> ObservedAtFromForm(const FormData& form) {
  std::string day = Trim(form.Get("observed_day")), month = Trim(form.Get("observed_month"));
  std::string year = Trim(form.Get("observed_year")), time = Trim(form.Get("observed_time"));
  if (day.empty() && month.empty() && year.empty()) {
    return Invalid({{"observed_at", "Enter the date you saw or heard this"}});
  }
  auto date = DateFromParts(day, month, year, "The date you saw or heard this");
  if (!date) {
    return Invalid(
        {{"observed_at", date.error().fields.empty() ? date.error().message
                                                     : date.error().fields.begin()->second}});
  }
  if (time.empty()) time = "00:00";
  auto clock = ParseClockTime(time);
  if (!clock) return Invalid({{"observed_at", "Enter the time as hours and minutes, like 14:30"}});
  return FormatRfc3339(FromLondonLocal(*date, clock->first, clock->second));
}

concerns::ConcernInput ConcernInputFromForm(const FormData& f, std::string observed_at) {
  concerns::ConcernInput in;
  in.observed_at = std::move(observed_at);
  in.location = f.Get("location");
  in.location_postcode = f.Get("location_postcode");
  in.category = f.Get("category");
  in.indicators = f.GetAll("indicators");
  in.narrative = f.Get("narrative");
  in.first_hand = f.Get("first_hand");
  in.immediate_danger = f.Get("immediate_danger");
  return in;
}

}  // namespace

// --- verbs ------------------------------------------------------------------------------

Result<concerns::Concern> ConcernsHandlers::DoLogConcern(const Principal& who,
                                                         const Request& request,
                                                         const children::Child& child,
                                                         const concerns::ConcernInput& input,
                                                         std::string_view purpose) {
  Instant now = clock_.Now();
  auto concern = concerns::ValidateConcern(input, catalogue_, now);
  if (!concern) return std::unexpected(concern.error());
  concern->id = NewId();
  concern->child_id = child.id;
  concern->recorded_by = who.user.id;
  concern->recorded_by_agency = who.agency.id;
  concern->recorded_at = now;
  auto saved = Write("logging a concern", [&](storage::Transaction& tx) -> Result<void> {
    concerns_.InsertIn(tx, *concern);
    children_.AddInvolvementIn(tx, child.id, who.agency.id, "concern", who.user.id, now);
    AuditIn(tx, AuditEntry(who, request, "concern.create", "concern", concern->id, "allowed",
                           purpose, "child " + child.id));
    if (concern->immediate_danger) {
      AuditIn(tx, AuditEntry(who, request, "alert.raise", "child", child.id, "allowed", {},
                             "immediate danger reported"));
    }
    return {};
  });
  if (!saved) return std::unexpected(saved.error());
  return concern;
}

namespace {

// The concerns context's own entries: its concerns, their addenda and the record's creation.
std::vector<chronology::Entry> ChronologyOf(
    const children::Child& child, storage::ConcernsRepository::ChronologyRecords records) {
  std::vector<chronology::Entry> entries;
  entries.push_back(children::RecordCreatedEntry(child, std::move(records.record_created_by)));
  for (auto& [concern, by] : records.concerns) {
    entries.push_back(concerns::ChronologyEntry(concern, std::move(by)));
  }
  for (auto& [addendum, by] : records.addenda) {
    entries.push_back(concerns::ChronologyEntry(addendum, std::move(by)));
  }
  return entries;
}

}  // namespace

Result<ConcernsHandlers::Chronicle> ConcernsHandlers::DoChronology(const Principal& who,
                                                                   const Request& request,
                                                                   const children::Child& child,
                                                                   const chronology::Filter& filter,
                                                                   std::string_view purpose) {
  auto records = concerns_.ChronologyRecordsFor(child.id);
  if (!records) return std::unexpected(records.error());
  auto entries = ChronologyOf(child, std::move(*records));
  for (const auto& source : sources_) {
    auto more = source(child);
    if (!more) return std::unexpected(more.error());
    entries.insert(entries.end(), more->begin(), more->end());
  }
  if (!Audit(AuditEntry(who, request, "chronology.view", "child", child.id, "allowed", purpose))) {
    return Fail(ErrorKind::kUnavailable, "audit_unavailable",
                "The service cannot record this view. Try again later.");
  }
  return Chronicle{chronology::Arrange(std::move(entries), filter)};
}

// --- pages ------------------------------------------------------------------------------

namespace {

mstch::map ConcernFormContext(const reference::Catalogue& catalogue,
                              const std::vector<std::string>& checked, std::string_view category) {
  mstch::map context;
  context["category_options"] = Options(kCategories, category);
  struct Group {
    reference::IndicatorGroup group;
    std::string title;
  };
  mstch::array groups;
  for (const Group& g : {Group{reference::IndicatorGroup::kWarningSign, "Warning signs"},
                         Group{reference::IndicatorGroup::kVulnerability, "Vulnerabilities"}}) {
    std::vector<std::pair<std::string, std::string>> options;
    for (const auto& i : catalogue.Indicators()) {
      if (i.group == g.group && !i.retired) options.emplace_back(i.code, i.label);
    }
    groups.push_back(mstch::map{{"title", g.title},
                                {"code", Str(reference::IndicatorGroupName(g.group))},
                                {"options", CheckedOptions(options, checked)}});
  }
  context["indicator_groups"] = groups;
  return context;
}

}  // namespace

Response ConcernsHandlers::NewConcernForm(Request& request, const Principal& who) {
  auto child = AuthoriseChild(who, request, request.Param("id"), access::Action::kLogConcern);
  if (!child) return ErrorPage(&who, request, child.error());
  mstch::map context = ConcernFormContext(catalogue_, {}, "");
  AddChildFlags(context, *child);
  context["child_id"] = child->id;
  context["child_name"] = children::DisplayName(*child);
  context["back_href"] = "/children/" + child->id;
  return Page(&who, request, "Log a concern", "concerns/new", context);
}

Response ConcernsHandlers::CreateConcern(Request& request, const Principal& who) {
  access::Decision decision;
  auto child =
      AuthoriseChild(who, request, request.Param("id"), access::Action::kLogConcern, &decision);
  if (!child) return ErrorPage(&who, request, child.error());
  auto form = ParseUrlEncoded(request.body);
  if (!form) return ErrorPage(&who, request, form.error());
  auto observed = ObservedAtFromForm(*form);
  auto input = ConcernInputFromForm(*form, observed ? *observed : "");
  Result<concerns::Concern> logged =
      observed ? DoLogConcern(who, request, *child, input, decision.purpose)
               : Result<concerns::Concern>(std::unexpected(observed.error()));
  if (logged) {
    if (logged->immediate_danger) {
      return Page(
          &who, request, "Concern logged: child in immediate danger", "concerns/danger",
          mstch::map{{"child_id", child->id}, {"child_name", children::DisplayName(*child)}});
    }
    return Response::Redirect("/children/" + child->id + "/chronology?logged=1");
  }
  if (logged.error().kind != ErrorKind::kInvalid) return ErrorPage(&who, request, logged.error());
  Error shown = logged.error();
  if (!observed) {
    // Also report the other fields' problems in the same pass.
    input.observed_at = FormatRfc3339(clock_.Now());
    if (auto rest = concerns::ValidateConcern(input, catalogue_, clock_.Now()); !rest) {
      for (const auto& [field, message] : rest.error().fields) shown.fields.emplace(field, message);
    }
  }
  mstch::map context = ConcernFormContext(catalogue_, input.indicators, input.category);
  AddValues(context, *form);
  context["first_hand_yes"] = form->Get("first_hand") == "yes";
  context["first_hand_no"] = form->Get("first_hand") == "no";
  context["immediate_danger_checked"] = form->Get("immediate_danger") == "yes";
  AddErrors(context, shown, kConcernFieldOrder);
  AddChildFlags(context, *child);
  context["child_id"] = child->id;
  context["child_name"] = children::DisplayName(*child);
  context["back_href"] = "/children/" + child->id;
  return FormPage(who, request, "Log a concern", "concerns/new", context, &shown);
}

Response ConcernsHandlers::CreateAddendum(Request& request, const Principal& who) {
  access::Decision decision;
  auto child =
      AuthoriseChild(who, request, request.Param("id"), access::Action::kAddAddendum, &decision);
  if (!child) return ErrorPage(&who, request, child.error());
  std::string concern_id = request.Param("concern_id");
  if (!IsValidId(concern_id)) return NotFoundPage(&who, request);
  auto concern = concerns_.Find(concern_id);
  if (!concern) return ErrorPage(&who, request, concern.error());
  if (!concern->has_value() || (*concern)->child_id != child->id)
    return NotFoundPage(&who, request);
  auto form = ParseUrlEncoded(request.body);
  if (!form) return ErrorPage(&who, request, form.error());
  auto text = concerns::ValidateAddendumText(form->Get("text"));
  if (!text) {
    const Error& e = text.error();
    AddendumProblem problem{concern_id, form->Get("text"),
                            e.fields.empty() ? e.message : e.fields.begin()->second};
    return ChronologyPage(request, who, *child, decision.purpose, &problem);
  }
  Instant now = clock_.Now();
  concerns::Addendum addendum{NewId(), concern_id, *text, who.user.id, who.agency.id, now};
  auto saved = Write("adding an addendum", [&](storage::Transaction& tx) -> Result<void> {
    concerns_.InsertAddendumIn(tx, addendum);
    children_.AddInvolvementIn(tx, child->id, who.agency.id, "concern", who.user.id, now);
    AuditIn(tx, AuditEntry(who, request, "concern.addendum", "concern", concern_id, "allowed",
                           decision.purpose, "addendum " + addendum.id));
    return {};
  });
  if (!saved) return ErrorPage(&who, request, saved.error());
  return Response::Redirect("/children/" + child->id + "/chronology#concern-" + concern_id);
}

Response ConcernsHandlers::Chronology(Request& request, const Principal& who) {
  access::Decision decision;
  auto child =
      AuthoriseChild(who, request, request.Param("id"), access::Action::kViewChronology, &decision);
  if (!child) return ErrorPage(&who, request, child.error());
  return ChronologyPage(request, who, *child, decision.purpose, nullptr);
}

Response ConcernsHandlers::ChronologyPage(Request& request, const Principal& who,
                                          const children::Child& child, std::string_view purpose,
                                          const AddendumProblem* problem) {
  chronology::Filter filter;
  std::string type = request.query.Get("type"), agency = request.query.Get("agency");
  filter.type = chronology::EntryTypeFromCode(type);
  filter.agency_id = IsValidId(agency) ? agency : "";
  auto all = DoChronology(who, request, child, {}, purpose);
  if (!all) return ErrorPage(&who, request, all.error());
  auto agencies = chronology::RecordingAgencies(all->entries);
  auto shown = chronology::Arrange(all->entries, filter);
  mstch::array items;
  for (const auto& e : shown) {
    mstch::array indicators;
    for (const auto& code : e.indicators) {
      const auto* indicator = catalogue_.FindIndicator(code);
      indicators.push_back(
          mstch::map{{"code", code}, {"label", indicator ? indicator->label : code}});
    }
    bool has_problem = problem != nullptr && problem->concern_id == e.id;
    items.push_back(mstch::map{
        {"type", Str(chronology::ToCode(e.type))},
        {"type_label", Str(chronology::Label(e.type))},
        {"is_concern", e.type == chronology::EntryType::kConcern},
        {"is_assessment", e.type == chronology::EntryType::kAssessment},
        {"is_missing", e.type == chronology::EntryType::kMissing},
        {"id", e.id},
        {"at", FormatRfc3339(e.at)},
        {"at_text", FormatLondonDateTime(e.at)},
        {"byline", chronology::Byline(e.by)},
        {"location", e.location},
        {"headline", e.headline},
        {"detail", e.detail},
        {"related_id", e.related_id},
        {"immediate_danger", e.immediate_danger},
        {"indicators", indicators},
        {"has_indicators", !indicators.empty()},
        {"addendum_error", has_problem},
        {"addendum_message", Str(has_problem ? problem->message : "")},
        {"addendum_text", Str(has_problem ? problem->text : "")},
    });
  }
  mstch::map context{
      {"child_id", child.id},
      {"child_name", children::DisplayName(child)},
      {"entries", items},
      {"has_entries", !items.empty()},
      {"type_options", Options({{"", "All types"},
                                {"concern", "Concerns"},
                                {"addendum", "Addenda"},
                                {"record", "Record created"},
                                {"assessment", "Risk assessments"},
                                {"referral", "Referrals to the panel"},
                                {"panel", "Panel discussions"},
                                {"panel_action", "Panel actions"},
                                {"missing", "Missing episodes"},
                                {"return_interview", "Return interviews"}},
                               type)},
      {"agency_options",
       [&] {
         auto options = agencies;
         options.insert(options.begin(), {"", "All agencies"});
         return Options(options, filter.agency_id);
       }()},
      {"logged", request.query.Get("logged") == "1"},
      {"back_href", "/children/" + child.id},
  };
  AddChildFlags(context, child);
  std::optional<Error> refused;  // the addendum's problem, as an error summary
  if (problem != nullptr) {
    refused = Error{ErrorKind::kInvalid,
                    "validation_failed",
                    problem->message,
                    {{"addendum-" + problem->concern_id, problem->message}}};
    AddErrors(context, *refused, {});
  }
  std::string title = "Chronology: " + children::DisplayName(child);
  return FormPage(who, request, title, "concerns/chronology", context,
                  refused ? &*refused : nullptr);
}

}  // namespace harbour::web
