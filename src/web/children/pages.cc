// Child search, new child, child record and access requests (pages), and the verbs the
// API shares with them.
#include <algorithm>

#include "common/ids.h"
#include "common/text.h"
#include "matching/check.h"
#include "web/children/handlers.h"
#include "web/core/errors.h"
#include "web/core/view_helpers.h"

namespace harbour::web {

namespace {

constexpr int kSearchCandidates = 200;  // matches examined per search (more: "truncated")
constexpr std::size_t kSearchShown = 50;

const std::vector<std::string> kChildFieldOrder = {"given_name",
                                                   "family_name",
                                                   "aliases",
                                                   "date_of_birth",
                                                   "estimated_age",
                                                   "sex",
                                                   "gender",
                                                   "ethnicity",
                                                   "first_language",
                                                   "disability",
                                                   "special_needs",
                                                   "address",
                                                   "postcode",
                                                   "school",
                                                   "nhs_number",
                                                   "upn",
                                                   "social_care_id",
                                                   "legal_status",
                                                   "placing_authority",
                                                   "allocated_worker"};

// The three GOV.UK date boxes become "YYYY-MM-DD"; errors are reported under date_of_birth.
Result<std::string> DateOfBirthFromForm(const FormData& form) {
  std::string day = Trim(form.Get("dob_day")), month = Trim(form.Get("dob_month"));
  std::string year = Trim(form.Get("dob_year"));
  if (day.empty() && month.empty() && year.empty()) return std::string();
  auto date = DateFromParts(day, month, year, "Date of birth");
  if (!date) {
    return Invalid(
        {{"date_of_birth", date.error().fields.empty() ? date.error().message
                                                       : date.error().fields.begin()->second}});
  }
  return FormatDate(*date);
}

children::ChildInput ChildInputFromForm(const FormData& f, std::string date_of_birth) {
  children::ChildInput in;
  in.given_name = f.Get("given_name");
  in.family_name = f.Get("family_name");
  in.aliases = f.Get("aliases");
  in.date_of_birth = std::move(date_of_birth);
  in.estimated_age = f.Get("estimated_age");
  in.sex = f.Get("sex");
  in.gender = f.Get("gender");
  in.ethnicity = f.Get("ethnicity");
  in.first_language = f.Get("first_language");
  in.disability = f.Get("disability");
  in.special_needs = f.Get("special_needs");
  in.address = f.Get("address");
  in.postcode = f.Get("postcode");
  in.school = f.Get("school");
  in.nhs_number = f.Get("nhs_number");
  in.upn = f.Get("upn");
  in.social_care_id = f.Get("social_care_id");
  in.legal_status = f.Get("legal_status");
  in.placing_authority = f.Get("placing_authority");
  in.allocated_worker = f.Get("allocated_worker");
  return in;
}

}  // namespace

// --- verbs --------------------------------------------------------------------------------

Result<ChildrenHandlers::SearchOutcome> ChildrenHandlers::DoSearch(const Principal& who,
                                                                   const Request& request,
                                                                   std::string_view text) {
  auto decision = access::Decide(who.Subject(), access::Action::kSearchChildren);
  if (!decision.allowed) {
    AuditRefusal(
        AuditEntry(who, request, "child.search", "child", "", "refused", {}, decision.reason));
    return Fail(ErrorKind::kForbidden, "forbidden", "Your role does not include child search.");
  }
  auto query = children::ParseSearchQuery(text);
  SearchOutcome outcome;
  if (query.Empty()) return outcome;
  auto candidates = children_.Search(query, who.user.id, clock_.Now(), kSearchCandidates);
  if (!candidates) return std::unexpected(candidates.error());
  outcome.truncated = candidates->size() >= static_cast<std::size_t>(kSearchCandidates);
  std::vector<std::string> visible;
  for (const auto& candidate : *candidates) {
    if (!access::CanSeeChild(who.Subject(), candidate.context)) {
      ++outcome.hidden;
      continue;
    }
    if (visible.size() < kSearchShown) visible.push_back(candidate.child_id);
  }
  auto children = children_.FindMany(visible);
  if (!children) return std::unexpected(children.error());
  outcome.visible = std::move(*children);
  std::string detail = std::to_string(outcome.visible.size()) + " shown, " +
                       std::to_string(outcome.hidden) + " outside access";
  if (!Audit(AuditEntry(who, request, "child.search", "child", "", "allowed", decision.purpose,
                        detail))) {
    return Fail(ErrorKind::kUnavailable, "audit_unavailable",
                "The service cannot record this search. Try again later.");
  }
  return outcome;
}

Result<children::Child> ChildrenHandlers::DoCreateChild(const Principal& who,
                                                        const Request& request,
                                                        const children::ChildInput& input,
                                                        DuplicateCheck* check,
                                                        bool stop_for_matches) {
  auto decision = access::Decide(who.Subject(), access::Action::kCreateChild);
  if (!decision.allowed) {
    AuditRefusal(
        AuditEntry(who, request, "child.create", "child", "", "refused", {}, decision.reason));
    return Fail(ErrorKind::kForbidden, "forbidden", "Your role cannot create child records.");
  }
  Instant now = clock_.Now();
  auto child = children::ValidateChild(input, catalogue_, DateOf(now));
  if (!child) return std::unexpected(child.error());
  auto likely = matching_area_.LikelyChildren(who, request, *child);
  if (!likely) return std::unexpected(likely.error());
  bool confirmed = input.confirmed_different == "yes";
  if (stop_for_matches && !likely->Empty() && !confirmed) {
    if (check != nullptr) *check = std::move(*likely);
    return Fail(ErrorKind::kConflict, "possible_duplicate",
                "This child may already have a record. Check the likely matches, then use the "
                "existing record or confirm that this is a different child.");
  }
  child->id = NewId();
  child->created_by_agency = who.agency.id;
  child->created_at = now;
  child->updated_at = now;
  // The near-certain matches nobody has compared with this child go to the coordinator's queue.
  std::vector<storage::FoundPair> queued;
  for (const auto& m : likely->near_certain) {
    if (m.visible && (stop_for_matches || confirmed)) continue;
    queued.push_back({std::min(m.child_id, child->id), std::max(m.child_id, child->id), m.weight});
  }
  // What the user confirmed against, and what was queued, for the audit trail.
  std::string detail;
  if (confirmed && !likely->Empty()) {
    detail = "confirmed a different child from " + std::to_string(likely->visible.size()) +
             " likely matches shown and " + std::to_string(likely->hidden) + " outside access" +
             (likely->NearCertain() ? " (near certain)" : "");
    for (const auto& l : likely->visible) detail += " " + l.child.id;
  }
  if (!queued.empty()) {
    detail += std::string(detail.empty() ? "" : "; ") + std::to_string(queued.size()) +
              " near-certain matches queued for review";
  }
  auto saved = Write("creating a child", [&](storage::Transaction& tx) -> Result<void> {
    children_.InsertIn(tx, *child, who.user.id);
    matching_.QueueIn(tx, queued, "", now);
    AuditIn(tx, AuditEntry(who, request, "child.create", "child", child->id, "allowed",
                           decision.purpose, detail));
    return {};
  });
  if (!saved) {
    if (saved.error().code == "already_exists" && !child->nhs_number.empty()) {
      return Fail(ErrorKind::kConflict, "duplicate_nhs_number",
                  "A child with this NHS number already has a record. Search for them instead.",
                  {{"nhs_number", "A child with this NHS number already has a record"}});
    }
    return std::unexpected(saved.error());
  }
  return child;
}

// --- pages ----------------------------------------------------------------------------

Response ChildrenHandlers::SearchChildren(Request& request, const Principal& who) {
  return SearchPage(request, who, request.query.Get("q"), {}, 200);
}

Response ChildrenHandlers::SearchPage(Request& request, const Principal& who, const std::string& q,
                                      mstch::map context, unsigned status) {
  context.emplace("q", q);
  context.emplace("searched", !Trim(q).empty());
  if (!Trim(q).empty()) {
    auto outcome = DoSearch(who, request, q);
    if (!outcome) return ErrorPage(&who, request, outcome.error());
    mstch::array results;
    Date today = DateOf(clock_.Now());
    std::vector<std::string> ids;
    for (const auto& child : outcome->visible) ids.push_back(child.id);
    auto flags = flags_.OpenFor(ids);
    if (!flags) return ErrorPage(&who, request, flags.error());
    Date london = LondonDate(clock_.Now());
    for (const auto& child : outcome->visible) {
      mstch::map row = ChildSummary(child, today);
      mstch::array tags;
      for (const auto& f : (*flags)[child.id]) {
        if (!children::IsActive(f, london)) continue;
        tags.push_back(
            mstch::map{{"label", Str(children::Label(f.kind))},
                       {"danger", f.kind == children::FlagKind::kAtRiskOfSexualExploitation}});
      }
      row["flags"] = tags;
      results.push_back(row);
    }
    context["results"] = results;
    context["has_results"] = !results.empty();
    context["result_count"] = static_cast<int>(outcome->visible.size());
    context["hidden"] = static_cast<int>(outcome->hidden);
    context["has_hidden"] = outcome->hidden > 0;
    context["hidden_one"] = outcome->hidden == 1;
    context["truncated"] = outcome->truncated;
  }
  return Page(&who, request, status == 200 ? "Find a child" : "Error: Find a child",
              "children/search", context, status);
}

Response ChildrenHandlers::NewChildForm(Request& request, const Principal& who) {
  mstch::map context;
  context["ethnicity_options"] = Options(
      [&] {
        std::vector<std::pair<std::string, std::string>> v;
        for (const auto& e : catalogue_.Ethnicities()) v.emplace_back(e.code, e.label);
        return v;
      }(),
      "not_known");
  context["q"] = request.query.Get("q");
  FormData defaults;
  defaults.Add("disability", "not_known");
  defaults.Add("special_needs", "not_known");
  defaults.Add("legal_status", "none");
  AddChoiceFlags(context, defaults, {"disability", "special_needs", "legal_status"});
  return Page(&who, request, "Add a child", "children/new", context);
}

Response ChildrenHandlers::CreateChild(Request& request, const Principal& who) {
  auto form = ParseUrlEncoded(request.body);
  if (!form) return ErrorPage(&who, request, form.error());
  auto dob = DateOfBirthFromForm(*form);
  DuplicateCheck check;
  auto input = ChildInputFromForm(*form, dob ? *dob : "");
  input.confirmed_different = form->Get("confirmed_different");
  Result<children::Child> created = dob ? DoCreateChild(who, request, input, &check, true)
                                        : Result<children::Child>(std::unexpected(dob.error()));
  if (created) {
    std::string next = form->Get("then") == "concern" ? "/concerns/new" : "?created=1";
    return Response::Redirect("/children/" + created->id + next);
  }
  const Error& error = created.error();
  if (error.kind != ErrorKind::kInvalid && error.kind != ErrorKind::kConflict) {
    return ErrorPage(&who, request, error);
  }
  // Show the form again with every value the user typed and each field's message. A date
  // error from the boxes is merged with the record's other errors.
  Error shown = error;
  if (!dob) {
    auto rest =
        children::ValidateChild(ChildInputFromForm(*form, ""), catalogue_, DateOf(clock_.Now()));
    if (!rest) {
      for (const auto& [field, message] : rest.error().fields) {
        if (field != "date_of_birth") shown.fields.emplace(field, message);
      }
    }
  }
  bool duplicate = error.code == "possible_duplicate";
  return NewChildFormAgain(request, who, *form, shown, duplicate ? &check : nullptr);
}

Response ChildrenHandlers::NewChildFormAgain(Request& request, const Principal& who,
                                             const FormData& form, const Error& shown,
                                             const DuplicateCheck* check) {
  mstch::map context;
  AddValues(context, form);
  AddChoiceFlags(context, form, {"sex", "disability", "special_needs", "legal_status"});
  std::vector<std::pair<std::string, std::string>> ethnicities;
  for (const auto& e : catalogue_.Ethnicities()) ethnicities.emplace_back(e.code, e.label);
  context["ethnicity_options"] = Options(ethnicities, form.Get("ethnicity"));
  if (check == nullptr) {
    AddErrors(context, shown, kChildFieldOrder);
    return FormPage(who, request, "Add a child", "children/new", context, &shown);
  }
  // Not an error of the form: the likely matches, shown above it (200, nothing created).
  Date today = LondonDate(clock_.Now());
  bool then_concern = form.Get("then") == "concern";
  mstch::array matches;
  for (const auto& l : check->visible) {
    mstch::map row = ChildSummary(l.child, today);
    mstch::array reasons;
    for (const auto& r : l.reasons) reasons.push_back(r);
    row["reasons"] = reasons;
    row["likelihood"] = l.probability >= matching::kNearCertainMatch
                            ? std::string("Very likely the same child")
                            : std::string("Possibly the same child");
    row["use_href"] = "/children/" + l.child.id + (then_concern ? "/concerns/new" : "");
    matches.push_back(row);
  }
  std::string search = Trim(form.Get("given_name") + " " + form.Get("family_name"));
  context.insert({{"duplicate_check", true},
                  {"matches", matches},
                  {"has_matches", !matches.empty()},
                  {"hidden", std::to_string(check->hidden)},
                  {"has_hidden", check->hidden > 0},
                  {"hidden_one", check->hidden == 1},
                  {"hidden_near_certain", check->hidden_near_certain},
                  {"access_terms", search}});
  return Page(&who, request, "Add a child: check for an existing record", "children/new", context);
}

Response ChildrenHandlers::ViewChild(Request& request, const Principal& who) {
  return ChildPage(request, who, nullptr, nullptr);
}

Response ChildrenHandlers::ChildPage(Request& request, const Principal& who,
                                     const Error* flag_problem, const FormData* flag_form) {
  access::Decision decision;
  access::ChildContext child_context;
  auto child = AuthoriseChild(who, request, request.Param("id"), access::Action::kViewChild,
                              &decision, &child_context);
  if (!child) return ErrorPage(&who, request, child.error());
  // A merged record's page is the record it was merged into (which the access policy decides
  // again); the merge can be undone from there.
  if (!child->merged_into.empty()) {
    return Response::Redirect("/children/" + child->merged_into + "?merged_from=" + child->id);
  }
  // Further actions on this child follow the same policy, with the context already read.
  auto can = [&](access::Action action) {
    return access::Decide(who.Subject(), action, child_context).allowed;
  };
  auto involved = children_.Involved(child->id);
  if (!involved) return ErrorPage(&who, request, involved.error());
  // The page includes the risk panel (current level, review date, history) when the viewer
  // may read assessments; the entry says so.
  bool risk_panel = can(access::Action::kViewAssessments);
  if (!Audit(AuditEntry(who, request, "child.view", "child", child->id, "allowed", decision.purpose,
                        decision.reason + (risk_panel ? "; with risk panel" : "")))) {
    return ErrorPage(&who, request,
                     Error{ErrorKind::kUnavailable,
                           "audit_unavailable",
                           "The service cannot record this view. Try again.",
                           {}});
  }
  Date today = LondonDate(clock_.Now());
  mstch::map context = ChildSummary(*child, today);
  const children::Child& c = *child;
  auto ethnicity = catalogue_.FindEthnicity(c.ethnicity);
  mstch::array aliases;
  for (const auto& a : c.aliases) aliases.push_back(a);
  context.insert({
      {"aliases", aliases},
      {"has_aliases", !aliases.empty()},
      {"sex", Str(children::Label(c.sex))},
      {"gender", c.gender},
      {"ethnicity", Str(ethnicity ? ethnicity->label : "Not known")},
      {"first_language", c.first_language},
      {"disability", Str(children::Label(c.disability))},
      {"special_needs", Str(children::Label(c.special_needs))},
      {"address", c.address},
      {"school", c.school},
      {"upn", c.upn},
      {"social_care_id", c.social_care_id},
      {"placing_authority", c.placing_authority},
      {"allocated_worker", c.allocated_worker},
      {"looked_after", children::IsLookedAfter(c.legal_status)},
      {"estimated", !c.date_of_birth.has_value()},
  });
  mstch::array team;
  for (const auto& a : *involved) {
    std::string reason = a.reason == "created"      ? "Created the record"
                         : a.reason == "concern"    ? "Recorded a concern"
                         : a.reason == "assessment" ? "Assessed the risk"
                         : a.reason == "referral"   ? "Referred to the panel"
                         : a.reason == "missing"    ? "Recorded a missing episode"
                                                    : "Added to the team";
    team.push_back(mstch::map{{"name", a.agency_name},
                              {"reason", reason},
                              {"since", FormatLongDate(DateOf(a.added_at))}});
  }
  context["team"] = team;
  auto agencies = agencies_.List();
  if (!agencies) return ErrorPage(&who, request, agencies.error());
  std::vector<std::pair<std::string, std::string>> others;
  for (const auto& a : *agencies) {
    bool on_team = std::any_of(involved->begin(), involved->end(),
                               [&](const auto& i) { return i.agency_id == a.id; });
    if (!on_team) others.emplace_back(a.id, a.name);
  }
  context["other_agencies"] = Options(others, "");
  context["has_other_agencies"] = !others.empty() && can(access::Action::kAddToTeam);
  context["team_added"] = request.query.Get("team") == "added";
  context["can_log_concern"] = can(access::Action::kLogConcern);
  context["can_assess"] = can(access::Action::kAssess);
  context["can_refer"] = can(access::Action::kRefer);
  context["can_manage_flags"] = can(access::Action::kManageFlags);
  context["child_id"] = c.id;
  context["flag_added"] = request.query.Get("flag") == "added";
  context["flag_ended"] = request.query.Get("flag") == "ended";
  {
    auto flags = flags_.ForChild(c.id);
    if (!flags) return ErrorPage(&who, request, flags.error());
    context["all_flags"] = FlagRows(*flags, today, /*active_only=*/false);
    context["has_flags"] = !flags->empty();
    context["flag_today"] = FormatDate(today);
    // The banner from the same rows: one read of the flags per page.
    mstch::array active = FlagRows(*flags, LondonDate(clock_.Now()), /*active_only=*/true);
    context["has_child_flags"] = !active.empty();
    context["child_flags"] = std::move(active);
  }
  if (flag_form != nullptr) {
    context["flag_kind"] = flag_form->Get("kind");
    context["flag_start"] = flag_form->Get("start");
    context["flag_panel_reference"] = flag_form->Get("panel_reference");
    context["flag_kind_cse_risk"] = flag_form->Get("kind") == "cse_risk";
    context["flag_kind_potential_perpetrator"] = flag_form->Get("kind") == "potential_perpetrator";
  }
  if (flag_problem != nullptr) {
    mstch::array errors;
    for (const auto& [field, message] : flag_problem->fields) {
      context["flag_" + field + "_error"] = message;
      errors.push_back(mstch::map{{"message", message},
                                  {"href", field == "end" ? "#flag-history" : "#flag_" + field}});
    }
    context["has_errors"] = true;
    context["errors"] = errors;
  }
  context["created"] = request.query.Get("created") == "1";
  context["merged"] =
      request.query.Get("merged") == "1" || !request.query.Get("merged_from").empty();
  context["unmerged"] = request.query.Get("unmerged") == "1";
  {
    auto merges = matching_area_.MergeRows(who, c);
    if (!merges) return ErrorPage(&who, request, merges.error());
    context["has_merges"] = !merges->empty();
    context["merges"] = std::move(*merges);
  }
  context["can_submit_intelligence"] = can(access::Action::kSubmitIntelligence);
  // Linked people, vehicles and places: only roles that may see records, and each link only
  // through a supporting report the viewer may see (its own audit entry names them).
  if (can(access::Action::kViewRecords)) {
    auto linked = records_area_.LinkedRows(who, intelligence::RecordType::kChild, c.id);
    if (!linked) return ErrorPage(&who, request, linked.error());
    if (!linked->rows.empty()) {
      std::string ids;
      for (const auto& id : linked->report_ids) ids += (ids.empty() ? "" : " ") + id;
      if (!Audit(AuditEntry(who, request, "intelligence.view", "child", c.id, "allowed",
                            decision.purpose, "linked records from intelligence " + ids))) {
        return ErrorPage(&who, request, kAuditUnavailable);
      }
    }
    context["show_linked"] = true;
    context["has_links"] = !linked->rows.empty();
    context["links"] = std::move(linked->rows);
  }
  if (risk_panel) {
    auto risk = assessments_area_.RiskPanel(*child, today);
    if (!risk) return ErrorPage(&who, request, risk.error());
    context["risk"] = *risk;
  }
  return FormPage(who, request, children::DisplayName(c), "children/child", context, flag_problem);
}

Result<children::Flag> ChildrenHandlers::DoAddFlag(const Principal& who, const Request& request,
                                                   const children::Child& child,
                                                   const children::FlagInput& input,
                                                   std::string_view purpose) {
  auto existing = flags_.ForChild(child.id);
  if (!existing) return std::unexpected(existing.error());
  Instant now = clock_.Now();
  Date today = LondonDate(now);
  std::vector<children::Flag> active;
  for (const auto& f : *existing) {
    if (children::IsActive(f, today)) active.push_back(f);
  }
  auto flag = children::ValidateFlag(input, today, active);
  if (!flag) return flag;
  flag->id = NewId();
  flag->child_id = child.id;
  flag->added_by = who.user.id;
  flag->added_at = now;
  auto saved = Write("adding a flag", [&](storage::Transaction& tx) -> Result<void> {
    flags_.InsertIn(tx, *flag);
    AuditIn(tx, AuditEntry(who, request, "flag.add", "child", child.id, "allowed", purpose,
                           std::string(children::ToCode(flag->kind)) + " from " +
                               FormatDate(flag->start)));
    return {};
  });
  if (!saved) return std::unexpected(saved.error());
  return flag;
}

Result<children::Flag> ChildrenHandlers::DoEndFlag(const Principal& who, const Request& request,
                                                   const children::Child& child,
                                                   std::string_view flag_id, std::string_view end,
                                                   std::string_view purpose) {
  auto flags = flags_.ForChild(child.id);
  if (!flags) return std::unexpected(flags.error());
  auto it = std::ranges::find(*flags, flag_id, &children::Flag::id);
  if (it == flags->end()) return NotFound("There is no such flag on this child's record.");
  children::Flag flag = *it;
  if (flag.end) {
    return Conflict("flag_ended",
                    "This flag has already been ended (on " + FormatDate(*flag.end) + ").");
  }
  Instant now = clock_.Now();
  auto date = children::ValidateFlagEnd(flag, end, LondonDate(now));
  if (!date) return std::unexpected(date.error());
  auto saved = Write("ending a flag", [&](storage::Transaction& tx) -> Result<void> {
    if (!flags_.EndIn(tx, flag.id, *date, who.user.id, now)) {
      return Conflict("flag_ended", "This flag has already been ended.");
    }
    AuditIn(tx, AuditEntry(who, request, "flag.end", "child", child.id, "allowed", purpose,
                           std::string(children::ToCode(flag.kind)) + " on " + FormatDate(*date)));
    return {};
  });
  if (!saved) return std::unexpected(saved.error());
  flag.end = *date;
  return flag;
}

Response ChildrenHandlers::AddFlag(Request& request, const Principal& who) {
  access::Decision decision;
  auto child =
      AuthoriseChild(who, request, request.Param("id"), access::Action::kManageFlags, &decision);
  if (!child) return ErrorPage(&who, request, child.error());
  auto form = ParseUrlEncoded(request.body);
  if (!form) return ErrorPage(&who, request, form.error());
  auto flag = DoAddFlag(who, request, *child,
                        {form->Get("kind"), form->Get("start"), form->Get("panel_reference")},
                        decision.purpose);
  if (!flag && flag.error().kind == ErrorKind::kInvalid) {
    return ChildPage(request, who, &flag.error(), &*form);
  }
  if (!flag) return ErrorPage(&who, request, flag.error());
  return Response::Redirect("/children/" + child->id + "?flag=added");
}

Response ChildrenHandlers::EndFlag(Request& request, const Principal& who) {
  access::Decision decision;
  auto child =
      AuthoriseChild(who, request, request.Param("id"), access::Action::kManageFlags, &decision);
  if (!child) return ErrorPage(&who, request, child.error());
  auto form = ParseUrlEncoded(request.body);
  if (!form) return ErrorPage(&who, request, form.error());
  auto ended =
      DoEndFlag(who, request, *child, request.Param("flag_id"), form->Get("end"), decision.purpose);
  if (!ended && ended.error().kind == ErrorKind::kInvalid) {
    return ChildPage(request, who, &ended.error(), nullptr);
  }
  if (!ended) return ErrorPage(&who, request, ended.error());
  return Response::Redirect("/children/" + child->id + "?flag=ended");
}

Response ChildrenHandlers::AddToTeam(Request& request, const Principal& who) {
  access::Decision decision;
  auto child =
      AuthoriseChild(who, request, request.Param("id"), access::Action::kAddToTeam, &decision);
  if (!child) return ErrorPage(&who, request, child.error());
  auto form = ParseUrlEncoded(request.body);
  if (!form) return ErrorPage(&who, request, form.error());
  std::string agency_id = form->Get("agency");
  auto agency = IsValidId(agency_id) ? agencies_.FindById(agency_id)
                                     : Result<std::optional<agencies::Agency>>(std::nullopt);
  if (!agency) return ErrorPage(&who, request, agency.error());
  if (!agency->has_value()) {
    return ErrorPage(&who, request,
                     Error{ErrorKind::kInvalid,
                           "validation_failed",
                           "Choose an agency from the list, then add it to the team.",
                           {}});
  }
  Instant now = clock_.Now();
  auto saved = Write("adding to the team", [&](storage::Transaction& tx) -> Result<void> {
    children_.AddInvolvementIn(tx, child->id, agency_id, "team", who.user.id, now);
    AuditIn(tx, AuditEntry(who, request, "team.add", "child", child->id, "allowed",
                           decision.purpose, "agency " + (*agency)->code));
    return {};
  });
  if (!saved) return ErrorPage(&who, request, saved.error());
  return Response::Redirect("/children/" + child->id + "?team=added");
}

Response ChildrenHandlers::RequestAccess(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kRequestAccess);
  if (!decision.allowed) {
    return Refuse(who, request, decision, access::Action::kRequestAccess,
                  "Your role cannot ask for access to children's records.");
  }
  auto form = ParseUrlEncoded(request.body);
  if (!form) return ErrorPage(&who, request, form.error());
  std::string terms = Trim(form->Get("q"));
  std::string reason = Trim(form->Get("reason"));
  if (terms.empty() || CharacterCount(terms) > 200) {
    return ErrorPage(&who, request,
                     Error{ErrorKind::kInvalid,
                           "validation_failed",
                           "Search again, then ask for access from the search results.",
                           {}});
  }
  if (CharacterCount(reason) > 2000 || HasControlCharacters(reason, true)) {
    // Show the search again with the request form open and the reason as typed.
    mstch::map context{{"reason", form->Get("reason")}, {"request_open", true}};
    AddErrors(context,
              Error{ErrorKind::kInvalid,
                    "validation_failed",
                    "",
                    {{"reason",
                      "Give the reason in 2,000 characters or fewer, using only "
                      "letters, numbers, spaces and punctuation"}}},
              {"reason"});
    return SearchPage(request, who, terms, std::move(context), 422);
  }
  if (reason.empty()) reason = "(no reason given)";
  storage::AccessRequest ar{NewId(), terms, "",     "",     who.user.id,
                            "",      "",    reason, "open", clock_.Now()};
  auto saved = Write("requesting access", [&](storage::Transaction& tx) -> Result<void> {
    access_.InsertRequestIn(tx, ar);
    AuditIn(tx, AuditEntry(who, request, "access.request", "access_request", ar.id, "allowed",
                           decision.purpose));
    return {};
  });
  if (!saved) return ErrorPage(&who, request, saved.error());
  return Page(&who, request, "Access requested", "children/access-requested",
              mstch::map{{"q", terms}});
}

Response ChildrenHandlers::AccessRequests(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kGrantAccess);
  if (!decision.allowed) {
    return Refuse(who, request, decision, access::Action::kGrantAccess,
                  "Only the exploitation coordinator decides access requests.");
  }
  auto open = access_.OpenRequests(100);
  if (!open) return ErrorPage(&who, request, open.error());
  Date today = DateOf(clock_.Now());
  mstch::array rows;
  for (const auto& r : *open) {
    // The coordinator sees every record; the matches let them pick the child meant.
    auto outcome = DoSearch(who, request, r.search_terms);
    if (!outcome) return ErrorPage(&who, request, outcome.error());
    mstch::array matches;
    for (std::size_t i = 0; i < outcome->visible.size() && i < 10; ++i) {
      mstch::map match = ChildSummary(outcome->visible[i], today);
      match["request_id"] = r.id;
      matches.push_back(std::move(match));
    }
    rows.push_back(mstch::map{{"id", r.id},
                              {"search_terms", r.search_terms},
                              {"user_name", r.user_name},
                              {"agency_name", r.agency_name},
                              {"reason", r.reason},
                              {"requested_at", FormatLondonDateTime(r.requested_at)},
                              {"matches", matches},
                              {"has_matches", !matches.empty()}});
  }
  if (!Audit(AuditEntry(who, request, "access.list", "access_request", "", "allowed",
                        decision.purpose))) {
    return ErrorPage(&who, request, kAuditUnavailable);
  }
  return Page(&who, request, "Access requests", "children/access-requests",
              mstch::map{{"requests", rows}, {"has_requests", !rows.empty()}});
}

Response ChildrenHandlers::DecideAccessRequest(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kGrantAccess);
  if (!decision.allowed) {
    return Refuse(who, request, decision, access::Action::kGrantAccess,
                  "Only the exploitation coordinator decides access requests.");
  }
  auto form = ParseUrlEncoded(request.body);
  if (!form) return ErrorPage(&who, request, form.error());
  std::string id = request.Param("id");
  if (!IsValidId(id)) return NotFoundPage(&who, request);
  auto found = access_.FindRequest(id);
  if (!found) return ErrorPage(&who, request, found.error());
  if (!found->has_value() || (*found)->status != "open") return NotFoundPage(&who, request);
  bool grant = form->Get("decision") == "grant";
  std::string child_id = form->Get("child_id");
  if (grant) {
    auto child = IsValidId(child_id) ? children_.Find(child_id)
                                     : Result<std::optional<children::Child>>(std::nullopt);
    if (!child) return ErrorPage(&who, request, child.error());
    if (!child->has_value()) {
      return ErrorPage(&who, request,
                       Error{ErrorKind::kInvalid,
                             "validation_failed",
                             "Choose the record to open to the practitioner, then grant access.",
                             {}});
    }
  }
  Instant now = clock_.Now();
  auto saved = Write("deciding access", [&](storage::Transaction& tx) -> Result<void> {
    if (grant) {
      access_.GrantIn(tx, **found, child_id, who.user.id, now, now + access::kGrantDuration);
    } else {
      access_.RefuseIn(tx, **found, who.user.id, now);
    }
    AuditIn(tx, AuditEntry(who, request, grant ? "access.grant" : "access.refuse",
                           grant ? "child" : "access_request", grant ? child_id : id, "allowed",
                           decision.purpose, "request " + id + " for user " + (*found)->user_id));
    return {};
  });
  if (!saved) return ErrorPage(&who, request, saved.error());
  return Response::Redirect("/access-requests");
}

}  // namespace harbour::web
