// Missing episodes and return interviews (issue 4; DOMAIN.md §5): the child's episodes with the
// form that records one, an episode's page with its return and its return interview (whose
// findings can raise concerns), and the "return interviews due" list. The verbs are shared with
// the API (missing_api.cc).
#include <algorithm>

#include "common/ids.h"
#include "common/text.h"
#include "web/core/errors.h"
#include "web/core/view_helpers.h"
#include "web/missing/handlers.h"

namespace harbour::web {

namespace {

constexpr int kDueShown = 500;

const std::vector<std::string> kEpisodeFieldOrder = {
    "kind",       "started_at",  "returned_at", "reported_by", "police_reference",
    "risk_grade", "where_found", "found_with",  "carer_name"};
const std::vector<std::string> kInterviewFieldOrder = {"status",
                                                       "offered_at",
                                                       "held_at",
                                                       "place",
                                                       "interviewer_name",
                                                       "interviewer_agency",
                                                       "reason",
                                                       "decision_by",
                                                       "concern_finding",
                                                       "concern_category",
                                                       "concern_indicators"};

// Date boxes and a 24-hour time in Europe/London ("<prefix>_day", "_month", "_year", "_time")
// as an RFC 3339 instant; "" when every box is blank; the message for the person otherwise.
std::expected<std::string, std::string> InstantFromBoxes(const FormData& form,
                                                         const std::string& prefix,
                                                         std::string_view label) {
  std::string day = Trim(form.Get(prefix + "_day")), month = Trim(form.Get(prefix + "_month"));
  std::string year = Trim(form.Get(prefix + "_year")), time = Trim(form.Get(prefix + "_time"));
  if (day.empty() && month.empty() && year.empty() && time.empty()) return std::string();
  auto date = DateFromParts(day, month, year, label);
  if (!date) {
    return std::unexpected(date.error().fields.empty() ? date.error().message
                                                       : date.error().fields.begin()->second);
  }
  if (time.empty()) return std::unexpected("Enter the time as hours and minutes, like 22:10");
  auto clock = ParseClockTime(time);
  if (!clock) return std::unexpected("Enter the time as hours and minutes, like 22:10");
  return FormatRfc3339(FromLondonLocal(*date, clock->first, clock->second));
}

// Reads the date-and-time boxes of `prefix` into `out`, noting a problem under `field`.
void Boxes(const FormData& form, const std::string& prefix, std::string_view label,
           const std::string& field, std::string& out, std::map<std::string, std::string>& bad) {
  auto at = InstantFromBoxes(form, prefix, label);
  if (at) {
    out = *at;
  } else {
    bad[field] = at.error();
  }
}

// Merges the date boxes' problems into a validation error (theirs replace the domain's "enter
// the date" for the same field). `extra` is kept even when the domain found nothing else.
Error WithBoxProblems(Error error, const std::map<std::string, std::string>& bad) {
  for (const auto& [field, message] : bad) error.fields[field] = message;
  return error;
}

mstch::array FindingRows(const missing::ReturnInterview& r) {
  mstch::array rows;
  for (missing::Finding f : missing::AllFindings()) {
    const std::string& text = r.findings[static_cast<std::size_t>(f)];
    if (text.empty()) continue;
    rows.push_back(mstch::map{{"label", Str(missing::Label(f))}, {"text", text}});
  }
  return rows;
}

const std::vector<std::pair<std::string, std::string>>& CategoryOptions() {
  static const std::vector<std::pair<std::string, std::string>> options = [] {
    std::vector<std::pair<std::string, std::string>> out;
    for (auto c : {concerns::Category::kSexualExploitation,
                   concerns::Category::kCriminalExploitation, concerns::Category::kMissing,
                   concerns::Category::kOnlineHarm, concerns::Category::kOther}) {
      out.emplace_back(std::string(concerns::ToCode(c)), std::string(concerns::Label(c)));
    }
    return out;
  }();
  return options;
}

}  // namespace

// --- the form's input ----------------------------------------------------------------------

namespace {

missing::EpisodeInput EpisodeInputFromForm(const FormData& f,
                                           std::map<std::string, std::string>& bad) {
  missing::EpisodeInput in;
  in.kind = f.Get("kind");
  Boxes(f, "started", "The date the child went missing", "started_at", in.started_at, bad);
  Boxes(f, "returned", "The date the child returned", "returned_at", in.returned_at, bad);
  in.reported_by = f.Get("reported_by");
  in.police_reference = f.Get("police_reference");
  in.risk_grade = f.Get("risk_grade");
  in.where_found = f.Get("where_found");
  in.found_with = f.Get("found_with");
  in.carer_name = f.Get("carer_name");
  return in;
}

missing::InterviewInput InterviewInputFromForm(const FormData& f,
                                               std::map<std::string, std::string>& bad) {
  missing::InterviewInput in;
  in.status = f.Get("status");
  Boxes(f, "offered", "The date the interview was offered", "offered_at", in.offered_at, bad);
  Boxes(f, "held", "The date the interview was held", "held_at", in.held_at, bad);
  in.place = f.Get("place");
  in.interviewer_name = f.Get("interviewer_name");
  in.interviewer_agency = f.Get("interviewer_agency");
  in.reason = f.Get("reason");
  in.decision_by = f.Get("decision_by");
  for (missing::Finding finding : missing::AllFindings()) {
    in.findings[static_cast<std::size_t>(finding)] =
        f.Get("finding_" + std::string(missing::ToCode(finding)));
  }
  if (!Trim(f.Get("concern_finding")).empty()) {
    in.concerns.push_back(
        {f.Get("concern_finding"), f.Get("concern_category"), f.GetAll("concern_indicators")});
  }
  return in;
}

// The interview's field names as the form has them: "findings.reasons" -> "finding_reasons",
// "concerns[0].category" -> "concern_category".
Error FormFieldNames(const Error& error) {
  Error out = error;
  out.fields.clear();
  for (const auto& [field, message] : error.fields) {
    std::string name = field;
    if (name.starts_with("findings.")) name = "finding_" + name.substr(9);
    if (name.starts_with("concerns[")) {
      auto dot = name.find("].");
      name = dot == std::string::npos ? "concern_finding" : "concern_" + name.substr(dot + 2);
    }
    out.fields.emplace(name, message);
  }
  return out;
}

}  // namespace

// --- verbs ------------------------------------------------------------------------------

Result<MissingHandlers::EpisodeAccess> MissingHandlers::FindEpisodeFor(const Principal& who,
                                                                       const Request& request,
                                                                       std::string_view episode_id,
                                                                       std::string_view child_id,
                                                                       access::Action action) {
  const Error not_found{ErrorKind::kNotFound, "not_found", "There is no missing episode here.", {}};
  if (!IsValidId(episode_id)) return std::unexpected(not_found);
  auto found = missing_.FindEpisode(episode_id);
  if (!found) return std::unexpected(found.error());
  if (!*found || (!child_id.empty() && (*found)->child_id != child_id)) {
    if (!child_id.empty()) {  // the child first: an unknown child is its own 404
      access::Decision decision;
      auto child = AuthoriseChild(who, request, child_id, action, &decision);
      if (!child) return std::unexpected(child.error());
    }
    return std::unexpected(not_found);
  }
  EpisodeAccess out;
  auto child = AuthoriseChild(who, request, (*found)->child_id, action, &out.decision);
  if (!child) {  // hidden: the same answer as an episode that does not exist (refusal audited)
    if (child.error().kind == ErrorKind::kNotFound) return std::unexpected(not_found);
    return std::unexpected(child.error());
  }
  out.child = std::move(*child);
  out.episode = std::move(**found);
  return out;
}

Result<missing::MissingEpisode> MissingHandlers::DoRecordEpisode(
    const Principal& who, const Request& request, const children::Child& child,
    const missing::EpisodeInput& input, std::string_view purpose, bool* strategy_task) {
  Instant now = clock_.Now();
  auto episode = missing::ValidateEpisode(input, now);
  if (!episode) return episode;
  episode->id = NewId();
  episode->child_id = child.id;
  episode->recorded_by = who.user.id;
  episode->recorded_by_agency = who.agency.id;
  episode->recorded_at = now;
  episode->child_name = children::DisplayName(child);
  episode->recorder_name = who.user.display_name;
  episode->agency_name = who.agency.name;
  bool task_added = false;
  auto saved = Write("recording a missing episode", [&](storage::Transaction& tx) -> Result<void> {
    missing_.InsertEpisodeIn(tx, *episode);
    children_.AddInvolvementIn(tx, child.id, who.agency.id, "missing", who.user.id, now);
    AuditIn(tx,
            AuditEntry(who, request, "missing.create", "missing_episode", episode->id, "allowed",
                       purpose,
                       "child " + child.id + "; " + std::string(missing::ToCode(episode->kind)) +
                           (episode->returned_at ? "; returned" : "; still missing")));
    auto task = missing::StrategyTaskFor(missing_.StartsIn(tx, child.id),
                                         missing_.HasOpenStrategyTaskIn(tx, child.id), repeat_,
                                         child.id, episode->id, now);
    if (task) {
      task->id = NewId();
      task->created_by = who.user.id;
      tasks_.InsertIn(tx, *task);
      AuditIn(tx, AuditEntry(who, request, "task.create", "task", task->id, "allowed", purpose,
                             "repeat-missing rule: " + task->title));
      task_added = true;
    }
    return {};
  });
  if (!saved) return std::unexpected(saved.error());
  if (strategy_task != nullptr) *strategy_task = task_added;
  return episode;
}

Result<missing::ReturnRecord> MissingHandlers::DoRecordReturn(
    const Principal& who, const Request& request, const missing::MissingEpisode& episode,
    const missing::ReturnInput& input, std::string_view purpose) {
  Instant now = clock_.Now();
  auto back = missing::ValidateReturn(episode, input, now);
  if (!back) {
    if (back.error().kind == ErrorKind::kConflict) {
      AuditRefusal(AuditEntry(who, request, "missing.return", "missing_episode", episode.id,
                              "refused", {}, back.error().code));
    }
    return back;
  }
  auto saved = Write("recording a return", [&](storage::Transaction& tx) -> Result<void> {
    if (!missing_.RecordReturnIn(tx, episode.id, *back, who.user.id, now)) {
      return Conflict(
          "already_returned",
          "The child's return was recorded by someone else. Reload the page to see it.");
    }
    children_.AddInvolvementIn(tx, episode.child_id, who.agency.id, "missing", who.user.id, now);
    AuditIn(tx, AuditEntry(who, request, "missing.return", "missing_episode", episode.id, "allowed",
                           purpose, "returned " + FormatRfc3339(back->returned_at)));
    return {};
  });
  if (!saved) return std::unexpected(saved.error());
  return back;
}

Result<missing::ReturnInterview> MissingHandlers::DoRecordInterview(
    const Principal& who, const Request& request, const children::Child& child,
    const missing::MissingEpisode& episode, const missing::InterviewInput& input,
    std::string_view purpose) {
  auto agencies = agencies_.List();
  if (!agencies) return std::unexpected(agencies.error());
  auto earlier = missing_.Interviews(episode.id);
  if (!earlier) return std::unexpected(earlier.error());
  missing::InterviewContext context;
  context.episode = &episode;
  context.allocated_worker = child.allocated_worker;
  for (const auto& a : *agencies) context.known_agencies.push_back(a.code);
  context.concluded =
      std::ranges::any_of(*earlier, [](const auto& r) { return missing::Concludes(r.status); });
  Instant now = clock_.Now();
  auto valid = missing::ValidateInterview(input, context, catalogue_, now);
  if (!valid) {
    AuditRefusal(AuditEntry(who, request, "interview.record", "missing_episode", episode.id,
                            "refused", {}, valid.error().code));
    return std::unexpected(valid.error());
  }
  missing::ReturnInterview interview = std::move(valid->interview);
  interview.id = NewId();
  interview.recorded_by = who.user.id;
  interview.recorded_by_agency = who.agency.id;
  interview.recorded_at = now;
  interview.recorder_name = who.user.display_name;
  std::string interviewer_agency_id;
  for (const auto& a : *agencies) {
    if (a.code == valid->interviewer_agency_code) {
      interviewer_agency_id = a.id;
      interview.interviewer_agency_name = a.name;
    }
  }
  interview.interviewer_agency = interviewer_agency_id;
  std::vector<concerns::Concern> raised = std::move(valid->concerns);
  for (auto& c : raised) {
    c.id = NewId();
    c.child_id = child.id;
    c.recorded_by = who.user.id;
    c.recorded_by_agency = interviewer_agency_id.empty() ? who.agency.id : interviewer_agency_id;
    c.recorded_at = now;
    interview.concern_ids.push_back(c.id);
  }
  auto saved = Write("recording a return interview", [&](storage::Transaction& tx) -> Result<void> {
    for (const auto& c : raised) {
      concerns_.InsertIn(tx, c);
      children_.AddInvolvementIn(tx, child.id, c.recorded_by_agency, "concern", who.user.id, now);
      AuditIn(tx, AuditEntry(who, request, "concern.create", "concern", c.id, "allowed", purpose,
                             "child " + child.id + "; from return interview " + interview.id));
    }
    missing_.InsertInterviewIn(tx, interview);
    children_.AddInvolvementIn(tx, child.id, who.agency.id, "missing", who.user.id, now);
    AuditIn(tx, AuditEntry(who, request, "interview.record", "return_interview", interview.id,
                           "allowed", purpose,
                           "episode " + episode.id + "; " +
                               std::string(missing::ToCode(interview.status)) + "; " +
                               std::to_string(raised.size()) + " concerns raised"));
    return {};
  });
  if (!saved) {
    if (saved.error().kind == ErrorKind::kConflict) {
      return Conflict("interview_concluded",
                      "The return interview's outcome was recorded by someone else. Reload the "
                      "page to see it.");
    }
    return std::unexpected(saved.error());
  }
  return interview;
}

Result<std::vector<chronology::Entry>> MissingHandlers::MissingEntries(
    const children::Child& child) {
  auto episodes = missing_.ForChild(child.id);
  if (!episodes) return std::unexpected(episodes.error());
  auto interviews = missing_.InterviewsForChild(child.id);
  if (!interviews) return std::unexpected(interviews.error());
  std::vector<chronology::Entry> out;
  for (const auto& e : *episodes) {
    out.push_back(
        missing::ChronologyEntry(e, {e.recorder_name, e.recorded_by_agency, e.agency_name}));
  }
  for (const auto& r : *interviews) {
    out.push_back(missing::ChronologyEntry(r, missing::CreditOf(r)));
  }
  return out;
}

// --- pages ------------------------------------------------------------------------------

namespace {

mstch::map EpisodeRow(const missing::MissingEpisode& e, const missing::ReturnInterview* conclusion,
                      Instant now) {
  auto clock = missing::ClockOf(e, conclusion, now);
  return mstch::map{
      {"id", e.id},
      {"child_id", e.child_id},
      {"child_name", e.child_name},
      {"kind", Str(missing::Label(e.kind))},
      {"started", FormatLondonDateTime(e.started_at)},
      {"returned", Str(e.returned_at ? FormatLondonDateTime(*e.returned_at) : "")},
      {"still_missing", !e.returned_at.has_value()},
      {"risk_grade", Str(e.risk_grade ? missing::Label(*e.risk_grade) : "Not graded")},
      {"reported_by", e.reported_by},
      {"police_reference", e.police_reference},
      {"where_found", e.where_found},
      {"found_with", e.found_with},
      {"carer_name", e.carer_name},
      {"recorded_by", e.recorder_name},
      {"agency", e.agency_name},
      {"clock", clock.text},
      {"clock_state", Str(missing::ToCode(clock.state))},
      {"due", Str(clock.due ? FormatLondonDateTime(*clock.due) : "")},
      {"due_at", Str(clock.due ? FormatRfc3339(*clock.due) : "")},
      {"overdue", clock.state == missing::ClockState::kOverdue},
      {"open",
       clock.state == missing::ClockState::kDue || clock.state == missing::ClockState::kOverdue},
  };
}

const missing::ReturnInterview* ConclusionOf(const std::vector<missing::ReturnInterview>& all,
                                             std::string_view episode_id) {
  for (const auto& r : all) {
    if (r.episode_id == episode_id && missing::Concludes(r.status)) return &r;
  }
  return nullptr;
}

}  // namespace

Response MissingHandlers::MissingEpisodes(Request& request, const Principal& who) {
  auto child = AuthoriseChild(who, request, request.Param("id"), access::Action::kViewChronology);
  if (!child) return ErrorPage(&who, request, child.error());
  return MissingListPage(who, request, *child, nullptr, nullptr);
}

Response MissingHandlers::MissingListPage(const Principal& who, const Request& request,
                                          const children::Child& child, const FormData* form,
                                          const Error* problems) {
  auto episodes = missing_.ForChild(child.id);
  if (!episodes) return ErrorPage(&who, request, episodes.error());
  auto interviews = missing_.InterviewsForChild(child.id);
  if (!interviews) return ErrorPage(&who, request, interviews.error());
  if (!Audit(AuditEntry(who, request, "missing.list", "child", child.id, "allowed", {},
                        std::to_string(episodes->size()) + " episodes"))) {
    return ErrorPage(&who, request, kAuditUnavailable);
  }
  Instant now = clock_.Now();
  auto relation = children_.Context(child.id, who.user.id, now);
  if (!relation) return ErrorPage(&who, request, relation.error());
  const bool can_record =
      access::Decide(who.Subject(), access::Action::kRecordMissing, *relation).allowed;
  mstch::array rows;
  for (const auto& e : *episodes) {
    rows.push_back(EpisodeRow(e, ConclusionOf(*interviews, e.id), now));
  }
  std::vector<std::pair<std::string, std::string>> grades = {{"", "Not graded (yet)"}};
  for (auto g : {missing::RiskGrade::kNoApparentRisk, missing::RiskGrade::kLow,
                 missing::RiskGrade::kMedium, missing::RiskGrade::kHigh}) {
    grades.emplace_back(std::string(missing::ToCode(g)), std::string(missing::Label(g)));
  }
  mstch::map context{
      {"child_id", child.id},
      {"child_name", children::DisplayName(child)},
      {"episodes", rows},
      {"has_episodes", !rows.empty()},
      {"can_record", can_record},
      {"grade_options", Options(grades, form != nullptr ? form->Get("risk_grade") : "")},
      {"recorded", request.query.Get("recorded") == "1"},
      {"strategy_task", request.query.Get("task") == "1"},
      {"threshold", repeat_.threshold},
      {"window_days", repeat_.window_days},
      {"back_href", "/children/" + child.id},
  };
  AddChildFlags(context, child);
  if (form != nullptr) {
    AddValues(context, *form);
    AddChoiceFlags(context, *form, {"kind"});
  }
  if (problems != nullptr) AddErrors(context, *problems, kEpisodeFieldOrder);
  std::string title = "Missing episodes: " + children::DisplayName(child);
  return FormPage(who, request, title, "missing/episodes", context, problems);
}

Response MissingHandlers::RecordMissingEpisode(Request& request, const Principal& who) {
  access::Decision decision;
  auto child =
      AuthoriseChild(who, request, request.Param("id"), access::Action::kRecordMissing, &decision);
  if (!child) return ErrorPage(&who, request, child.error());
  auto form = ParseUrlEncoded(request.body);
  if (!form) return ErrorPage(&who, request, form.error());
  std::map<std::string, std::string> bad;
  missing::EpisodeInput input = EpisodeInputFromForm(*form, bad);
  bool task = false;
  auto episode = DoRecordEpisode(who, request, *child, input, decision.purpose, &task);
  if (episode && bad.empty()) {
    return Response::Redirect("/children/" + child->id + "/missing/" + episode->id + "?recorded=1" +
                              (task ? "&task=1" : ""));
  }
  if (!episode && episode.error().kind != ErrorKind::kInvalid) {
    return ErrorPage(&who, request, episode.error());
  }
  Error shown =
      episode ? Error{ErrorKind::kInvalid, "validation_failed", "Check the highlighted fields.", {}}
              : episode.error();
  if (bad.contains("returned_at")) {  // the domain saw no return: its where/with messages mislead
    shown.fields.erase("where_found");
    shown.fields.erase("found_with");
  }
  shown = WithBoxProblems(shown, bad);
  return MissingListPage(who, request, *child, &*form, &shown);
}

Response MissingHandlers::ViewMissingEpisode(Request& request, const Principal& who) {
  auto found = FindEpisodeFor(who, request, request.Param("episode_id"), request.Param("id"),
                              access::Action::kViewChronology);
  if (!found) return ErrorPage(&who, request, found.error());
  return EpisodePage(who, request, found->child, found->episode, "", nullptr, nullptr, 200);
}

Response MissingHandlers::EpisodePage(const Principal& who, const Request& request,
                                      const children::Child& child,
                                      const missing::MissingEpisode& episode,
                                      std::string_view which, const FormData* form,
                                      const Error* problems, unsigned status) {
  auto interviews = missing_.Interviews(episode.id);
  if (!interviews) return ErrorPage(&who, request, interviews.error());
  auto agencies = agencies_.List();
  if (!agencies) return ErrorPage(&who, request, agencies.error());
  if (!Audit(AuditEntry(who, request, "missing.view", "missing_episode", episode.id, "allowed", {},
                        "child " + child.id))) {
    return ErrorPage(&who, request, kAuditUnavailable);
  }
  Instant now = clock_.Now();
  const missing::ReturnInterview* conclusion = ConclusionOf(*interviews, episode.id);
  mstch::map context = EpisodeRow(episode, conclusion, now);
  mstch::array interview_rows;
  for (const auto& r : *interviews) {
    mstch::array concern_links;
    for (const auto& id : r.concern_ids) concern_links.push_back(mstch::map{{"id", id}});
    interview_rows.push_back(mstch::map{
        {"status", Str(missing::Label(r.status))},
        {"offered", Str(r.offered_at ? FormatLondonDateTime(*r.offered_at) : "")},
        {"held", Str(r.held_at ? FormatLondonDateTime(*r.held_at) : "")},
        {"place", r.place},
        {"interviewer", r.interviewer_name},
        {"interviewer_agency", r.interviewer_agency_name},
        {"reason", r.reason},
        {"decision_by", r.decision_by},
        {"findings", FindingRows(r)},
        {"concerns", concern_links},
        {"has_concerns", !concern_links.empty()},
        {"recorded_by", r.recorder_name},
        {"recorded_at", FormatLondonDateTime(r.recorded_at)},
    });
  }
  const bool interview_form = which == "interview";
  const bool return_form = which == "return";
  std::vector<std::pair<std::string, std::string>> agency_options = {{"", "Choose an agency"}};
  for (const auto& a : *agencies) agency_options.emplace_back(a.code, a.name);
  std::vector<std::pair<std::string, std::string>> finding_options = {
      {"", "Do not raise a concern"}};
  mstch::array finding_fields;
  for (missing::Finding f : missing::AllFindings()) {
    std::string code(missing::ToCode(f));
    finding_options.emplace_back(code, std::string(missing::Label(f)));
    std::string name = "finding_" + code;
    finding_fields.push_back(
        mstch::map{{"name", name},
                   {"label", Str(missing::Label(f))},
                   {"value", Str(interview_form && form != nullptr ? form->Get(name) : "")}});
  }
  std::vector<std::pair<std::string, std::string>> indicators;
  for (const auto& i : catalogue_.Indicators()) {
    if (!i.retired && i.group != reference::IndicatorGroup::kCommunity) {
      indicators.emplace_back(i.code, i.label);
    }
  }
  auto typed = [&](const char* name) {
    return Str(interview_form && form != nullptr ? form->Get(name) : "");
  };
  context.insert({
      {"child_id", child.id},
      {"child_name", children::DisplayName(child)},
      {"allocated_worker", child.allocated_worker},
      {"interviews", interview_rows},
      {"has_interviews", !interview_rows.empty()},
      {"concluded", conclusion != nullptr},
      {"can_interview", episode.returned_at.has_value() && conclusion == nullptr},
      {"agency_options",
       Options(agency_options,
               interview_form && form != nullptr ? form->Get("interviewer_agency") : "")},
      {"finding_fields", finding_fields},
      {"concern_finding_options",
       Options(finding_options,
               interview_form && form != nullptr ? form->Get("concern_finding") : "")},
      {"concern_category_options",
       Options(CategoryOptions(),
               interview_form && form != nullptr ? form->Get("concern_category") : "missing")},
      {"concern_indicator_options",
       CheckedOptions(indicators, interview_form && form != nullptr
                                      ? form->GetAll("concern_indicators")
                                      : std::vector<std::string>{})},
      {"interview_place", typed("place")},
      {"interviewer_name", typed("interviewer_name")},
      {"interview_reason", typed("reason")},
      {"decision_by", typed("decision_by")},
      {"recorded", request.query.Get("recorded") == "1"},
      {"strategy_task", request.query.Get("task") == "1"},
      {"returned_saved", request.query.Get("returned") == "1"},
      {"interview_saved", request.query.Get("interviewed") == "1"},
      {"threshold", repeat_.threshold},
      {"window_days", repeat_.window_days},
      {"back_href", "/children/" + child.id + "/missing"},
  });
  AddChildFlags(context, child);
  if (form != nullptr) {
    for (const auto& [name, value] : form->Pairs()) {
      if (name == "_csrf") continue;
      // Box values under their own names (returned_day, held_time...), kept as typed.
      if (name.ends_with("_day") || name.ends_with("_month") || name.ends_with("_year") ||
          name.ends_with("_time")) {
        context[name] = value;
      } else if (return_form && (name == "where_found" || name == "found_with")) {
        context["return_" + name] = value;
      }
    }
    if (interview_form) AddChoiceFlags(context, *form, {"status"});
  }
  if (problems != nullptr) {
    AddErrors(context, interview_form ? FormFieldNames(*problems) : *problems,
              interview_form
                  ? kInterviewFieldOrder
                  : std::vector<std::string>{"returned_at", "where_found", "found_with"});
  }
  std::string title =
      std::string(missing::Label(episode.kind)) + ": " + children::DisplayName(child);
  return Page(&who, request, problems != nullptr ? "Error: " + title : title, "missing/episode",
              context, status);
}

Response MissingHandlers::RecordMissingReturn(Request& request, const Principal& who) {
  auto found = FindEpisodeFor(who, request, request.Param("episode_id"), request.Param("id"),
                              access::Action::kRecordMissing);
  if (!found) return ErrorPage(&who, request, found.error());
  auto form = ParseUrlEncoded(request.body);
  if (!form) return ErrorPage(&who, request, form.error());
  std::map<std::string, std::string> bad;
  missing::ReturnInput input;
  Boxes(*form, "returned", "The date the child returned", "returned_at", input.returned_at, bad);
  input.where_found = form->Get("where_found");
  input.found_with = form->Get("found_with");
  Result<missing::ReturnRecord> back =
      bad.empty()
          ? DoRecordReturn(who, request, found->episode, input, found->decision.purpose)
          : Result<missing::ReturnRecord>(std::unexpected(Error{
                ErrorKind::kInvalid, "validation_failed", "Check the highlighted fields.", bad}));
  if (back) {
    return Response::Redirect("/children/" + found->child.id + "/missing/" + found->episode.id +
                              "?returned=1");
  }
  const Error& e = back.error();
  if (e.kind != ErrorKind::kInvalid && e.kind != ErrorKind::kConflict) {
    return ErrorPage(&who, request, e);
  }
  Error shown = e.kind == ErrorKind::kConflict
                    ? Error{ErrorKind::kConflict, e.code, e.message, {{"returned_at", e.message}}}
                    : e;
  return EpisodePage(who, request, found->child, found->episode, "return", &*form, &shown,
                     e.kind == ErrorKind::kConflict ? 409 : 422);
}

Response MissingHandlers::RecordReturnInterview(Request& request, const Principal& who) {
  auto found = FindEpisodeFor(who, request, request.Param("episode_id"), request.Param("id"),
                              access::Action::kRecordMissing);
  if (!found) return ErrorPage(&who, request, found.error());
  auto form = ParseUrlEncoded(request.body);
  if (!form) return ErrorPage(&who, request, form.error());
  std::map<std::string, std::string> bad;
  missing::InterviewInput input = InterviewInputFromForm(*form, bad);
  auto interview =
      DoRecordInterview(who, request, found->child, found->episode, input, found->decision.purpose);
  if (interview && bad.empty()) {
    return Response::Redirect("/children/" + found->child.id + "/missing/" + found->episode.id +
                              "?interviewed=1");
  }
  if (!interview && interview.error().kind != ErrorKind::kInvalid &&
      interview.error().kind != ErrorKind::kConflict) {
    return ErrorPage(&who, request, interview.error());
  }
  Error shown =
      interview
          ? Error{ErrorKind::kInvalid, "validation_failed", "Check the highlighted fields.", {}}
          : interview.error();
  unsigned status = shown.kind == ErrorKind::kConflict ? 409 : 422;
  if (shown.kind == ErrorKind::kConflict) shown.fields["status"] = shown.message;
  shown = WithBoxProblems(shown, bad);
  return EpisodePage(who, request, found->child, found->episode, "interview", &*form, &shown,
                     status);
}

Response MissingHandlers::ReturnInterviewsDue(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kListReturnInterviews);
  if (!decision.allowed) {
    return Refuse(who, request, decision, access::Action::kListReturnInterviews,
                  "Practitioners, safeguarding leads and coordinators see return interviews due.");
  }
  auto due = missing_.AwaitingInterview(kDueShown);
  if (!due) return ErrorPage(&who, request, due.error());
  Instant now = clock_.Now();
  mstch::array rows;
  int overdue = 0;
  for (const auto& e : *due) {
    auto context = children_.Context(e.child_id, who.user.id, now);
    if (!context) return ErrorPage(&who, request, context.error());
    if (!access::CanSeeChild(who.Subject(), *context)) continue;
    mstch::map row = EpisodeRow(e, nullptr, now);
    if (missing::ClockOf(e, nullptr, now).state == missing::ClockState::kOverdue) ++overdue;
    rows.push_back(row);
  }
  if (!Audit(AuditEntry(who, request, "return_interviews.list", "area", "", "allowed",
                        decision.purpose, std::to_string(rows.size()) + " listed"))) {
    return ErrorPage(&who, request, kAuditUnavailable);
  }
  return Page(&who, request, "Return interviews due", "missing/return-interviews",
              mstch::map{{"episodes", rows},
                         {"has_episodes", !rows.empty()},
                         {"overdue_count", overdue},
                         {"back_href", "/"}});
}

}  // namespace harbour::web
