// Risk assessments (issue 3): starting one from the child's page with answers pre-filled from
// every agency's records, saving and resuming the draft, submitting it, and reading the result.
// The verbs are shared with the API (assessments_api.cc).
#include <algorithm>
#include <map>
#include <set>

#include "common/ids.h"
#include "common/text.h"
#include "web/assessments/handlers.h"
#include "web/assessments/views.h"
#include "web/core/errors.h"
#include "web/core/view_helpers.h"
#include "web/tools/tools.h"

namespace harbour::web {

namespace {

// The sightings behind the answers that came from the records.
std::vector<assessments::Sighting> EvidenceFor(const std::vector<assessments::Answer>& answers,
                                               const std::vector<assessments::Prefilled>& prefill) {
  std::vector<assessments::Sighting> out;
  for (const auto& p : prefill) {
    bool answered = std::ranges::any_of(
        answers, [&](const auto& a) { return a.indicator == p.answer.indicator; });
    if (answered) out.insert(out.end(), p.sources.begin(), p.sources.end());
  }
  return out;
}

}  // namespace

// --- verbs ------------------------------------------------------------------------------

Result<std::vector<assessments::Prefilled>> AssessmentsHandlers::DoPrefill(
    const children::Child& child, const assessments::ToolDefinition& tool) {
  Instant now = clock_.Now();
  // Two days' margin: the window is counted in London dates (which may be an hour off UTC at
  // either end), the query in UTC instants; Prefill applies the exact window.
  Instant since = now - std::chrono::days(tool.look_back.past_days + 2);
  auto sightings = assessments_.Sightings(child.id, since);
  if (!sightings) return std::unexpected(sightings.error());
  return assessments::Prefill(tool, *sightings, LondonDate(now));
}

Result<AssessmentsHandlers::SubmittedAssessment> AssessmentsHandlers::DoSubmitAssessment(
    const Principal& who, const Request& request, const children::Child& child,
    const storage::ToolPtr& tool, const storage::AssessmentsRepository::Stored* draft,
    const AssessmentInput& input, std::string_view purpose) {
  Instant now = clock_.Now();
  assessments::ChildFacts facts = assessments::FactsOf(child, LondonDate(now));
  auto outcome = assessments::Score(*tool, input.answers, facts, now, calendar_);
  Error problems{ErrorKind::kInvalid, "validation_failed", "Check the highlighted answers.", {}};
  if (!outcome) {
    if (outcome.error().kind != ErrorKind::kInvalid) return std::unexpected(outcome.error());
    problems.fields = outcome.error().fields;
  }
  std::optional<assessments::Judgement> judgement;
  if (outcome) {
    auto checked =
        assessments::ValidateJudgement(*tool, *outcome, input.judged_level, input.rationale);
    if (checked) judgement = *checked;
    if (!checked)
      problems.fields.insert(checked.error().fields.begin(), checked.error().fields.end());
  } else if (tool->FindLevel(Trim(input.judged_level)) == nullptr) {
    problems.fields["judged_level"] = "Choose the level you judge the risk to be";
  }
  if (!problems.fields.empty()) return std::unexpected(problems);

  auto prefill = DoPrefill(child, *tool);
  if (!prefill) return std::unexpected(prefill.error());
  assessments::Assessment a;
  a.id = draft != nullptr ? draft->assessment.id : NewId();
  a.child_id = child.id;
  a.tool_id = tool->id;
  a.tool_version = tool->version;
  a.status = assessments::Status::kSubmitted;
  a.answers = input.answers;
  a.facts = facts;
  a.outcome = *outcome;
  a.judged_level = judgement->level;
  a.rationale = judgement->rationale;
  a.plan = assessments::PlanFor(*tool, a.outcome, a.judged_level, now, calendar_);
  a.assessed_by = who.user.id;
  a.assessed_by_agency = who.agency.id;
  a.created_at = draft != nullptr ? draft->assessment.created_at : now;
  a.updated_at = now;
  a.submitted_at = now;
  a.assessed_by_name = who.user.display_name;
  a.agency_name = who.agency.name;
  std::vector<assessments::Sighting> evidence = EvidenceFor(a.answers, *prefill);
  std::vector<tasks::Task> new_tasks = assessments::TasksFor(a, [] { return NewId(); });
  bool lower = assessments::JudgedBelow(*tool, a.outcome, a.judged_level);

  auto saved = Write("submitting an assessment", [&](storage::Transaction& tx) -> Result<void> {
    if (draft == nullptr) {
      assessments_.InsertIn(tx, a, input.cleared, evidence);
    } else if (!assessments_.UpdateDraftIn(tx, a, input.cleared, evidence)) {
      return Conflict("already_submitted", "This assessment has already been submitted.");
    }
    for (const auto& t : new_tasks) tasks_.InsertIn(tx, t);
    children_.AddInvolvementIn(tx, child.id, who.agency.id, "assessment", who.user.id, now);
    std::string detail = "child " + child.id + "; " + tool->id + " v" +
                         std::to_string(tool->version) + "; computed " + a.outcome.level +
                         "; judged " + a.judged_level + "; " + std::to_string(new_tasks.size()) +
                         " tasks";
    AuditIn(tx, AuditEntry(who, request, "assessment.submit", "assessment", a.id, "allowed",
                           purpose, detail));
    if (lower) {
      const auto* computed = tool->FindLevel(a.outcome.level);
      const auto* judged = tool->FindLevel(a.judged_level);
      concerns_.RaiseAlertIn(tx, "judged_lower", child.id,
                             who.user.display_name + " judged " + judged->label +
                                 "; the tool computed " + computed->label + ".",
                             who.user.id, now);
      AuditIn(tx, AuditEntry(who, request, "alert.raise", "child", child.id, "allowed", {},
                             "judged level below the computed level"));
    }
    return {};
  });
  if (!saved) return std::unexpected(saved.error());
  return SubmittedAssessment{std::move(a), std::move(new_tasks)};
}

Result<std::vector<chronology::Entry>> AssessmentsHandlers::AssessmentEntries(
    const children::Child& child) {
  auto list = assessments_.ForChild(child.id);
  if (!list) return std::unexpected(list.error());
  std::vector<chronology::Entry> out;
  for (const auto& a : *list) {
    if (a.status != assessments::Status::kSubmitted) continue;
    auto tool = tools_.Load(a.tool_id, a.tool_version);
    if (!tool) return std::unexpected(tool.error());
    out.push_back(assessments::ChronologyEntry(
        a, **tool, {a.assessed_by_name, a.assessed_by_agency, a.agency_name}));
  }
  return out;
}

Result<std::vector<assessments::Assessment>> AssessmentsHandlers::DoListAssessments(
    const Principal& who, const Request& request, const children::Child& child,
    std::string_view purpose) {
  auto list = assessments_.ForChild(child.id);
  if (!list) return std::unexpected(list.error());
  if (!Audit(AuditEntry(who, request, "assessment.list", "child", child.id, "allowed", purpose,
                        std::to_string(list->size()) + " assessments"))) {
    return std::unexpected(kAuditUnavailable);
  }
  return list;
}

// --- pages ------------------------------------------------------------------------------

Response AssessmentsHandlers::ChildAssessments(Request& request, const Principal& who) {
  access::Decision decision;
  access::ChildContext child_context;
  auto child = AuthoriseChild(who, request, request.Param("id"), access::Action::kViewAssessments,
                              &decision, &child_context);
  if (!child) return ErrorPage(&who, request, child.error());
  auto list = DoListAssessments(who, request, *child, decision.purpose);
  if (!list) return ErrorPage(&who, request, list.error());
  mstch::array rows;
  for (const auto& a : *list) {
    auto tool = tools_.Load(a.tool_id, a.tool_version);
    if (!tool) return ErrorPage(&who, request, tool.error());
    rows.push_back(AssessmentRow(**tool, a, who.user.id));
  }
  bool can_assess = access::Decide(who.Subject(), access::Action::kAssess, child_context).allowed;
  mstch::map context{{"child_id", child->id},    {"child_name", children::DisplayName(*child)},
                     {"assessments", rows},      {"has_assessments", !rows.empty()},
                     {"can_assess", can_assess}, {"back_href", "/children/" + child->id}};
  AddChildFlags(context, *child);
  return Page(&who, request, "Risk assessments: " + children::DisplayName(*child),
              "assessments/list", context);
}

Response AssessmentsHandlers::StartAssessment(Request& request, const Principal& who) {
  access::Decision decision;
  auto child =
      AuthoriseChild(who, request, request.Param("id"), access::Action::kAssess, &decision);
  if (!child) return ErrorPage(&who, request, child.error());
  auto existing = assessments_.ForChild(child->id);
  if (!existing) return ErrorPage(&who, request, existing.error());
  if (const auto* draft = assessments::DraftToResume(*existing, who.user.id)) {
    return Response::Redirect("/children/" + child->id + "/assessments/" + draft->id);
  }
  auto tool = tools_.Active();
  if (!tool) return ErrorPage(&who, request, tool.error());
  Instant now = clock_.Now();
  assessments::Assessment a;
  a.id = NewId();
  a.child_id = child->id;
  a.tool_id = (*tool)->id;
  a.tool_version = (*tool)->version;
  a.assessed_by = who.user.id;
  a.assessed_by_agency = who.agency.id;
  a.created_at = now;
  a.updated_at = now;
  auto saved = Write("starting an assessment", [&](storage::Transaction& tx) -> Result<void> {
    assessments_.InsertIn(tx, a, {}, {});
    AuditIn(tx,
            AuditEntry(
                who, request, "assessment.start", "assessment", a.id, "allowed", decision.purpose,
                "child " + child->id + "; " + a.tool_id + " v" + std::to_string(a.tool_version)));
    return {};
  });
  if (!saved) return ErrorPage(&who, request, saved.error());
  return Response::Redirect("/children/" + child->id + "/assessments/" + a.id);
}

namespace {

// The assessment at this address, if it belongs to the child.
Result<storage::AssessmentsRepository::Stored> FindForChild(
    storage::AssessmentsRepository& repository, const Request& request,
    const children::Child& child) {
  std::string id = request.Param("assessment_id");
  if (!IsValidId(id)) return NotFound("There is no assessment at this address.");
  auto found = repository.Find(id);
  if (!found) return std::unexpected(found.error());
  if (!*found || (*found)->assessment.child_id != child.id) {
    return NotFound("There is no assessment at this address.");
  }
  return std::move(**found);
}

}  // namespace

Response AssessmentsHandlers::ViewAssessment(Request& request, const Principal& who) {
  access::Decision decision;
  auto child = AuthoriseChild(who, request, request.Param("id"), access::Action::kViewAssessments,
                              &decision);
  if (!child) return ErrorPage(&who, request, child.error());
  auto stored = FindForChild(assessments_, request, *child);
  if (!stored) return ErrorPage(&who, request, stored.error());
  const assessments::Assessment& a = stored->assessment;
  auto tool = tools_.Load(a.tool_id, a.tool_version);
  if (!tool) return ErrorPage(&who, request, tool.error());
  if (!Audit(AuditEntry(who, request, "assessment.view", "assessment", a.id, "allowed",
                        decision.purpose, "child " + child->id))) {
    return ErrorPage(&who, request, kAuditUnavailable);
  }
  bool editable = a.status == assessments::Status::kDraft && a.assessed_by == who.user.id;
  if (editable) {
    auto prefill = DoPrefill(*child, **tool);
    if (!prefill) return ErrorPage(&who, request, prefill.error());
    AssessmentForm form = FormFromDraft(**tool, *stored, *prefill);
    auto preview = assessments::Score(**tool, form.answers,
                                      assessments::FactsOf(*child, LondonDate(clock_.Now())),
                                      clock_.Now(), calendar_);
    return AssessmentFormPage(who, request, *child, **tool, a, form, nullptr,
                              request.query.Get("saved") == "1", preview ? &*preview : nullptr);
  }
  auto assessment_tasks = tasks_.ForSource("assessment", a.id);
  if (!assessment_tasks) return ErrorPage(&who, request, assessment_tasks.error());
  mstch::map context =
      AssessmentResult(**tool, *stored, *assessment_tasks, catalogue_, clock_.Now());
  context["child_id"] = child->id;
  context["child_name"] = children::DisplayName(*child);
  context["submitted_now"] = request.query.Get("submitted") == "1";
  AddChildFlags(context, *child);
  context["back_href"] = "/children/" + child->id + "/assessments";
  return Page(&who, request, "Risk assessment: " + children::DisplayName(*child),
              "assessments/assessment", context);
}

Response AssessmentsHandlers::SaveAssessment(Request& request, const Principal& who) {
  access::Decision decision;
  auto child =
      AuthoriseChild(who, request, request.Param("id"), access::Action::kAssess, &decision);
  if (!child) return ErrorPage(&who, request, child.error());
  auto stored = FindForChild(assessments_, request, *child);
  if (!stored) return ErrorPage(&who, request, stored.error());
  const assessments::Assessment& draft = stored->assessment;
  if (draft.status != assessments::Status::kDraft || draft.assessed_by != who.user.id) {
    AuditRefusal(AuditEntry(who, request, "assessment.save", "assessment", draft.id, "refused",
                            decision.purpose,
                            draft.status == assessments::Status::kDraft ? "not the assessor's draft"
                                                                        : "already submitted"));
    return ErrorPage(&who, request,
                     Error{ErrorKind::kConflict,
                           "not_your_draft",
                           "Only the practitioner who started a draft can change it, and a "
                           "submitted assessment cannot be changed.",
                           {}});
  }
  auto tool = tools_.Load(draft.tool_id, draft.tool_version);
  if (!tool) return ErrorPage(&who, request, tool.error());
  auto body = ParseUrlEncoded(request.body);
  if (!body) return ErrorPage(&who, request, body.error());
  auto prefill = DoPrefill(*child, **tool);
  if (!prefill) return ErrorPage(&who, request, prefill.error());
  AssessmentForm form = FormFromPost(**tool, *body, *prefill);
  Error problems = FormProblems(form);
  bool submitting = body->Get("intent") == "submit";
  if (submitting) {
    for (const auto& code : assessments::Undecided(*prefill, form.answers, form.cleared)) {
      problems.fields.emplace("answers." + code,
                              "Confirm or clear this answer suggested by the records");
    }
    if (!problems.fields.empty()) AddSubmitProblems(**tool, *child, form, problems);
  } else if (auto judgement = assessments::ValidateDraftJudgement(**tool, Trim(form.judged_level),
                                                                  form.rationale);
             !judgement) {
    problems.fields.insert(judgement.error().fields.begin(), judgement.error().fields.end());
  }

  if (problems.fields.empty() && submitting) {
    AssessmentInput input{form.answers, form.cleared, form.judged_level, form.rationale};
    auto submitted =
        DoSubmitAssessment(who, request, *child, *tool, &*stored, input, decision.purpose);
    if (submitted) {
      return Response::Redirect("/children/" + child->id + "/assessments/" + draft.id +
                                "?submitted=1");
    }
    if (submitted.error().kind != ErrorKind::kInvalid) {
      return ErrorPage(&who, request, submitted.error());
    }
    problems.fields = submitted.error().fields;
  } else if (problems.fields.empty()) {
    // Save the draft: the answers so far, checked the same way (dates, known indicators).
    auto checked = assessments::Score(**tool, form.answers,
                                      assessments::FactsOf(*child, LondonDate(clock_.Now())),
                                      clock_.Now(), calendar_);
    if (checked || checked.error().kind != ErrorKind::kInvalid) {
      assessments::Assessment updated = draft;
      updated.answers = form.answers;
      updated.judged_level = Trim(form.judged_level);
      updated.rationale = Trim(form.rationale);
      updated.updated_at = clock_.Now();
      auto saved =
          Write("saving a draft assessment", [&](storage::Transaction& tx) -> Result<void> {
            if (!assessments_.UpdateDraftIn(tx, updated, form.cleared,
                                            EvidenceFor(updated.answers, *prefill))) {
              return Conflict("already_submitted", "This assessment has already been submitted.");
            }
            AuditIn(tx, AuditEntry(who, request, "assessment.save", "assessment", draft.id,
                                   "allowed", decision.purpose, "child " + child->id));
            return {};
          });
      if (!saved) return ErrorPage(&who, request, saved.error());
      return Response::Redirect("/children/" + child->id + "/assessments/" + draft.id + "?saved=1");
    }
    problems.fields = checked.error().fields;
  }
  return AssessmentFormPage(who, request, *child, **tool, draft, form, &problems, false);
}

void AssessmentsHandlers::AddSubmitProblems(const assessments::ToolDefinition& tool,
                                            const children::Child& child,
                                            const AssessmentForm& form, Error& problems) {
  Instant now = clock_.Now();
  auto outcome = assessments::Score(tool, form.answers,
                                    assessments::FactsOf(child, LondonDate(now)), now, calendar_);
  Result<assessments::Judgement> judged =
      outcome
          ? assessments::ValidateJudgement(tool, *outcome, Trim(form.judged_level), form.rationale)
          : Result<assessments::Judgement>(std::unexpected(outcome.error()));
  if (!judged) problems.fields.insert(judged.error().fields.begin(), judged.error().fields.end());
}

Response AssessmentsHandlers::AssessmentFormPage(const Principal& who, const Request& request,
                                                 const children::Child& child,
                                                 const assessments::ToolDefinition& tool,
                                                 const assessments::Assessment& draft,
                                                 const AssessmentForm& form, const Error* problems,
                                                 bool saved, const assessments::Outcome* preview) {
  mstch::map context = AssessmentFormContext(tool, form, catalogue_, problems);
  if (preview != nullptr) {
    context["preview"] = LevelTag(tool, preview->level);
    context["preview_score"] = preview->score;
    context["has_preview"] = true;
  }
  context["child_id"] = child.id;
  context["child_name"] = children::DisplayName(child);
  AddChildFlags(context, child);
  context["assessment_id"] = draft.id;
  context["saved"] = saved;
  context["back_href"] = "/children/" + child.id;
  std::string title = "Risk assessment: " + children::DisplayName(child);
  return FormPage(who, request, title, "assessments/form", context, problems);
}

Result<mstch::map> AssessmentsHandlers::RiskPanel(const children::Child& child, Date today) {
  auto all = assessments_.ForChild(child.id);
  if (!all) return std::unexpected(all.error());
  std::vector<assessments::Assessment> history;
  std::vector<const assessments::ToolDefinition*> used;
  std::vector<storage::ToolPtr> keep;  // owns the definitions `used` points into
  for (auto& a : *all) {
    if (a.status != assessments::Status::kSubmitted) continue;
    auto tool = tools_.Load(a.tool_id, a.tool_version);
    if (!tool) return std::unexpected(tool.error());
    keep.push_back(*tool);
    used.push_back(keep.back().get());
    history.push_back(std::move(a));
  }
  auto decided = panel_.DecisionsFor(child.id);
  if (!decided) return std::unexpected(decided.error());
  return RiskSummary(history, used, panel::LatestDecision(*decided), today);
}

}  // namespace harbour::web
