// Partner intelligence (issue 5; DOMAIN.md §4): the submission form any practitioner can use,
// "My intelligence" where the submitter sees the outcome (never the grade or the sanitised
// text), the intelligence officer's queue, and a report's page — which shows each viewer exactly
// the version access::DecideReportView allows, and lets the holding unit's officers grade it,
// sanitise it, match its subjects to records and link them. The verbs are shared with the API
// (intelligence_api.cc).
#include <algorithm>

#include "common/ids.h"
#include "common/text.h"
#include "web/core/errors.h"
#include "web/core/view_helpers.h"
#include "web/intelligence/handlers.h"

namespace harbour::web {

namespace {

constexpr int kQueueShown = 200;
constexpr int kMineShown = 100;

const std::vector<std::string> kSubmissionFieldOrder = {
    "what",    "who",      "where",     "when",       "why",
    "how",     "category", "knowledge", "heard_from", "immediate_danger",
    "subjects"};
const std::vector<std::string> kGradingFieldOrder = {
    "source",           "intelligence",   "handling", "handling_instructions",
    "allowed_agencies", "sanitised_text", "outcome"};

// The form's fixed subject slots: one of each kind, named "<type>_<detail>".
const std::vector<std::string> kFormSubjectTypes = {"person", "vehicle", "place", "phone",
                                                    "account"};

intelligence::SubmissionInput SubmissionFromForm(const FormData& f) {
  intelligence::SubmissionInput in{f.Get("who"),
                                   f.Get("what"),
                                   f.Get("where"),
                                   f.Get("when"),
                                   f.Get("why"),
                                   f.Get("how"),
                                   f.Get("category"),
                                   f.Get("knowledge"),
                                   f.Get("heard_from"),
                                   f.Get("immediate_danger"),
                                   {}};
  for (const std::string& child : f.GetAll("child_id")) {
    if (!Trim(child).empty()) in.subjects.push_back({"child", child, {}});
  }
  for (const std::string& type : kFormSubjectTypes) {
    intelligence::SubjectInput subject{type, "", {}};
    for (const std::string& detail : intelligence::DetailNames(type)) {
      std::string value = f.Get(type + "_" + detail);
      if (!Trim(value).empty()) subject.details[detail] = value;
    }
    if (!subject.details.empty()) in.subjects.push_back(std::move(subject));
  }
  return in;
}

// The domain's subject fields ("subjects[2].registration") as the form names them
// ("vehicle_registration"), given which slot each subject came from.
Error FormFieldNames(const Error& error, const intelligence::SubmissionInput& in) {
  Error out = error;
  out.fields.clear();
  for (const auto& [field, message] : error.fields) {
    if (!field.starts_with("subjects[")) {
      out.fields[field] = message;
      continue;
    }
    std::size_t close = field.find(']');
    std::size_t index = std::stoul(field.substr(9, close - 9));
    std::string rest = close + 1 < field.size() ? field.substr(close + 2) : "";
    const std::string& type = index < in.subjects.size() ? in.subjects[index].type : "subjects";
    std::string name = type == "child" ? "child_id" : rest.empty() ? type : type + "_" + rest;
    out.fields[name] = message;
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> CategoryChoices() {
  std::vector<std::pair<std::string, std::string>> out{{"", "Choose a category"}};
  for (auto c : intelligence::kAllCategories) {
    out.emplace_back(std::string(intelligence::ToCode(c)), std::string(intelligence::Label(c)));
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> OutcomeChoices() {
  std::vector<std::pair<std::string, std::string>> out{{"", "Choose the outcome"}};
  for (auto o : intelligence::kAllOutcomes) {
    out.emplace_back(std::string(intelligence::ToCode(o)), std::string(intelligence::Label(o)));
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> PlaceTypeChoices() {
  std::vector<std::pair<std::string, std::string>> out{{"", "Choose a type"}};
  for (auto t : intelligence::AllPlaceTypes()) {
    out.emplace_back(std::string(intelligence::ToCode(t)), std::string(intelligence::Label(t)));
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> PlatformChoices() {
  std::vector<std::pair<std::string, std::string>> out{{"", "Choose a platform"}};
  for (auto p : intelligence::AllPlatforms()) {
    out.emplace_back(std::string(intelligence::ToCode(p)), std::string(intelligence::Label(p)));
  }
  return out;
}

std::string StatusLabel(const intelligence::Report& r) {
  if (r.status == intelligence::ReportStatus::kSubmitted) return "With the intelligence unit";
  if (r.status == intelligence::ReportStatus::kImported) return "Imported legacy record";
  return r.outcome ? std::string(intelligence::Label(*r.outcome)) : "Graded";
}

// One line per detail a new subject was given ("Registration: AB12 CDE (unverified)").
mstch::array DetailRows(const intelligence::ReportSubject& s) {
  mstch::array rows;
  auto unverified = intelligence::UnverifiedDetails(s.type, s.details);
  for (const auto& [name, value] : s.details) {
    std::string label = name;
    std::ranges::replace(label, '_', ' ');
    if (!label.empty()) label[0] = static_cast<char>(std::toupper(label[0]));
    rows.push_back(mstch::map{{"label", label},
                              {"value", value},
                              {"unverified", unverified.contains(name)},
                              {"why", unverified.contains(name) ? unverified.at(name) : ""}});
  }
  return rows;
}

}  // namespace

// --- verbs ------------------------------------------------------------------------------

Result<agencies::Agency> IntelligenceHandlers::IntelligenceUnit() {
  auto all = agencies_.List();
  if (!all) return std::unexpected(all.error());
  std::vector<agencies::Agency> police;
  for (const auto& a : *all) {
    if (!unit_code_.empty() ? a.code == unit_code_ : a.type == "police") {
      police.push_back(a);
    }
  }
  if (police.empty()) {
    return Fail(ErrorKind::kUnavailable, "no_intelligence_unit",
                "No intelligence unit is set up to receive intelligence. Ask an administrator "
                "to add the police agency, or set [intelligence] unit in harbour.toml.");
  }
  std::ranges::sort(police, {}, &agencies::Agency::code);
  return police.front();
}

Result<intelligence::Report> IntelligenceHandlers::DoSubmitIntelligence(
    const Principal& who, const Request& request, const intelligence::SubmissionInput& input,
    std::string_view purpose) {
  auto submission = intelligence::ValidateSubmission(input);
  if (!submission) return std::unexpected(submission.error());
  // A child must be one the submitter can see; other records only for those who see records.
  std::map<std::string, std::string> problems;
  bool sees_records = access::Decide(who.Subject(), access::Action::kViewRecords).allowed;
  for (const auto& s : submission->subjects) {
    std::string field = "subjects[" + std::to_string(s.position) + "].record_id";
    if (s.type == "child") {
      auto child = AuthoriseChild(who, request, s.record_id, access::Action::kViewChild);
      if (!child) {
        if (child.error().kind == ErrorKind::kUnavailable) return std::unexpected(child.error());
        problems[field] = "Choose a child you work with; describe any other child in the text";
      }
      continue;
    }
    if (s.record_id.empty()) continue;
    auto type = intelligence::RecordTypeFromCode(s.type);
    auto exists = sees_records && type ? records_.Exists(*type, s.record_id) : Result<bool>(false);
    if (!exists) return std::unexpected(exists.error());
    if (!*exists) {
      problems[field] = "There is no such record you can choose; enter the details instead";
    }
  }
  if (!problems.empty()) return Invalid(problems, "There is a problem with the intelligence.");
  auto unit = IntelligenceUnit();
  if (!unit) return std::unexpected(unit.error());

  Instant now = clock_.Now();
  intelligence::Report report;
  report.id = NewId();
  report.submitted_by = who.user.id;
  report.submitted_by_agency = who.agency.id;
  report.submitted_at = now;
  report.holding_agency = unit->id;
  report.category = submission->category;
  report.knowledge = submission->knowledge;
  report.immediate_danger = submission->immediate_danger;
  intelligence::SourceDetails source{who.user.display_name, who.agency.name, who.user.username,
                                     submission->heard_from};
  for (auto& s : submission->subjects) s.id = NewId();
  auto saved = Write("submitting intelligence", [&](storage::Transaction& tx) -> Result<void> {
    intelligence_.InsertIn(tx, report, submission->original, source, submission->subjects);
    AuditIn(tx, PerChild(AuditEntry(who, request, "intelligence.submit", "intelligence", report.id,
                                    "allowed", purpose,
                                    std::string(intelligence::ToCode(report.category)) + "; " +
                                        std::to_string(submission->subjects.size()) +
                                        " subjects; held by " + unit->code +
                                        (report.immediate_danger ? "; immediate danger" : "")),
                         ChildSubjects(submission->subjects)));
    return {};
  });
  if (!saved) return std::unexpected(saved.error());
  return report;
}

std::vector<std::string> IntelligenceHandlers::ChildSubjects(
    const std::vector<intelligence::ReportSubject>& subjects) {
  std::vector<std::string> out;
  for (const auto& s : subjects) {
    if (s.type == "child" && !s.record_id.empty()) out.push_back(s.record_id);
  }
  return out;
}

Result<IntelligenceHandlers::ReportAccess> IntelligenceHandlers::FindReportFor(
    const Principal& who, const Request& request, std::string_view id) {
  const Error not_found{
      ErrorKind::kNotFound, "not_found", "There is no intelligence report here.", {}};
  if (!IsValidId(id)) return std::unexpected(not_found);
  auto found = intelligence_.Find(id);
  if (!found) return std::unexpected(found.error());
  if (!*found) return std::unexpected(not_found);
  auto subjects = intelligence_.Subjects(id);
  if (!subjects) return std::unexpected(subjects.error());
  std::vector<std::string> children = ChildSubjects(*subjects);
  access::ReportView view = access::DecideReportView(who.Subject(), storage::FactsOf(**found));
  if (view.view == access::IntelligenceView::kNone) {
    if (!Audit(PerChild(AuditEntry(who, request, "intelligence.view", "intelligence", id, "refused",
                                   {}, view.reason),
                        children))) {
      return std::unexpected(kAuditUnavailable);
    }
    return std::unexpected(not_found);
  }
  return ReportAccess{std::move(**found), view, std::move(children)};
}

std::string_view IntelligenceHandlers::ReportPurpose(const ReportAccess& access) {
  switch (access.view.view) {
    case access::IntelligenceView::kOwnSubmission:
      return "own submission";
    case access::IntelligenceView::kSanitised:
      return "coordination";
    default:
      return "intelligence";
  }
}

Result<intelligence::Report> IntelligenceHandlers::DoGradeIntelligence(
    const Principal& who, const Request& request, const ReportAccess& found,
    const intelligence::GradingInput& input) {
  if (found.view.view != access::IntelligenceView::kOriginalWithSource ||
      !access::Decide(who.Subject(), access::Action::kGradeIntelligence).allowed) {
    AuditRefusal(
        PerChild(AuditEntry(who, request, "intelligence.grade", "intelligence", found.report.id,
                            "refused", {}, "not the holding intelligence unit"),
                 found.children));
    return Fail(ErrorKind::kForbidden, "forbidden",
                "Only the holding intelligence unit's officers grade this report.");
  }
  if (found.report.status != intelligence::ReportStatus::kSubmitted) {
    return Conflict("already_graded", "This report has already been graded.");
  }
  auto source = intelligence_.SourceOf(found.report.id);
  if (!source) return std::unexpected(source.error());
  auto grading =
      intelligence::ValidateGrading(input, {source->submitter_name, source->submitter_agency_name,
                                            source->heard_from, source->submitter_contact});
  if (!grading) return std::unexpected(grading.error());
  std::map<std::string, std::string> problems;
  for (const std::string& agency : grading->grade.allowed_agencies) {
    auto a = agencies_.FindById(agency);
    if (!a) return std::unexpected(a.error());
    if (!*a) problems["allowed_agencies"] = "Each allowed agency must be a known agency.";
  }
  if (!problems.empty()) return Invalid(problems, "There is a problem with the grade.");
  Instant now = clock_.Now();
  auto graded = Write("grading intelligence", [&](storage::Transaction& tx) -> Result<void> {
    if (!intelligence_.GradeIn(tx, found.report.id, *grading, who.user.id, now)) {
      return Conflict("already_graded", "This report has already been graded.");
    }
    feedback::Message m = intelligence::FeedbackFor(grading->outcome, found.report.submitted_by,
                                                    found.report.id, now);
    m.id = NewId();
    messages_.InsertIn(tx, m);
    AuditIn(tx, PerChild(AuditEntry(who, request, "intelligence.grade", "intelligence",
                                    found.report.id, "allowed", "intelligence",
                                    intelligence::GradeCode(grading->grade) + "; outcome " +
                                        std::string(intelligence::ToCode(grading->outcome))),
                         found.children));
    return {};
  });
  if (!graded) return std::unexpected(graded.error());
  auto reread = intelligence_.Find(found.report.id);
  if (!reread) return std::unexpected(reread.error());
  if (!*reread) return NotFound("There is no intelligence report here.");
  return std::move(**reread);
}

Result<IntelligenceHandlers::ReportAccess> IntelligenceHandlers::FindHoldingReportFor(
    const Principal& who, const Request& request, std::string_view id, std::string_view what) {
  auto found = FindReportFor(who, request, id);
  if (!found) return found;
  if (found->view.view == access::IntelligenceView::kOriginalWithSource &&
      access::Decide(who.Subject(), access::Action::kManageRecords).allowed) {
    return found;
  }
  if (!Audit(
          PerChild(AuditEntry(who, request, "intelligence.manage", "intelligence", found->report.id,
                              "refused", {}, "not the holding intelligence unit"),
                   found->children))) {
    return std::unexpected(kAuditUnavailable);
  }
  return Fail(ErrorKind::kForbidden, "forbidden",
              "Only the holding intelligence unit " + std::string(what) + ".");
}

Result<std::string> IntelligenceHandlers::DoResolveSubject(const Principal& who,
                                                           const Request& request,
                                                           const ReportAccess& found,
                                                           std::string_view subject_id,
                                                           std::string_view record_id) {
  auto subjects = intelligence_.Subjects(found.report.id);
  if (!subjects) return std::unexpected(subjects.error());
  auto it = std::ranges::find(*subjects, subject_id, &intelligence::ReportSubject::id);
  if (it == subjects->end()) return NotFound("There is no such subject on this report.");
  auto type = intelligence::RecordTypeFromCode(it->type);
  if (!type || it->type == "child") {
    return Invalid({{"record_id", "A child subject is already a record"}},
                   "There is a problem with the subject.");
  }
  auto exists = records_.Exists(*type, record_id);
  if (!exists) return std::unexpected(exists.error());
  if (!*exists || !IsValidId(record_id)) {
    return Invalid({{"record_id", "Choose a record of the same kind"}},
                   "There is a problem with the subject.");
  }
  auto saved = Write("matching a subject", [&](storage::Transaction& tx) -> Result<void> {
    intelligence_.ResolveSubjectIn(tx, found.report.id, subject_id, record_id);
    AuditIn(tx, PerChild(AuditEntry(who, request, "intelligence.resolve", "intelligence",
                                    found.report.id, "allowed", "intelligence",
                                    it->type + " " + std::string(record_id)),
                         found.children));
    return {};
  });
  if (!saved) return std::unexpected(saved.error());
  return std::string(record_id);
}

Result<NewRecord> IntelligenceHandlers::DoCreateSubjectRecord(const Principal& who,
                                                              const Request& request,
                                                              const ReportAccess& found,
                                                              std::string_view subject_id,
                                                              const FormData& form) {
  auto subjects = intelligence_.Subjects(found.report.id);
  if (!subjects) return std::unexpected(subjects.error());
  auto it = std::ranges::find(*subjects, subject_id, &intelligence::ReportSubject::id);
  if (it == subjects->end()) return NotFound("There is no such subject on this report.");
  if (!it->record_id.empty()) {
    return Conflict("already_resolved", "This subject is already matched to a record.");
  }
  auto type = intelligence::RecordTypeFromCode(it->type);
  if (!type || *type == intelligence::RecordType::kChild) {
    return NotFound("There is no such subject on this report.");
  }
  // The record's own creation (lookup first, validation, audit), with the subject matched to it
  // in the same transaction.
  return records_area_.CreateRecord(
      who, request, RecordBodyFromForm(*type, form),
      [&](storage::Transaction& tx, const std::string& id) {
        intelligence_.ResolveSubjectIn(tx, found.report.id, subject_id, id);
        AuditIn(tx, PerChild(AuditEntry(who, request, "intelligence.resolve", "intelligence",
                                        found.report.id, "allowed", "intelligence",
                                        it->type + " " + id + " (new)"),
                             found.children));
      });
}

Result<std::string> IntelligenceHandlers::DoLinkSubjects(
    const Principal& who, const Request& request, const ReportAccess& found,
    std::string_view from_subject, std::string_view to_subject, std::string_view link_type) {
  auto subjects = intelligence_.Subjects(found.report.id);
  if (!subjects) return std::unexpected(subjects.error());
  std::map<std::string, std::string> problems;
  auto end = [&](std::string_view id, const char* field) -> const intelligence::ReportSubject* {
    auto it = std::ranges::find(*subjects, id, &intelligence::ReportSubject::id);
    if (it == subjects->end() || it->record_id.empty()) {
      problems[field] = "Choose a subject that is matched to a record";
      return nullptr;
    }
    return &*it;
  };
  const auto* from = end(from_subject, "from");
  const auto* to = end(to_subject, "to");
  auto type = intelligence::LinkTypeFromCode(link_type);
  if (!type) problems["link_type"] = "Choose how they are linked";
  if (from != nullptr && to != nullptr && from == to)
    problems["to"] = "Choose two different subjects";
  if (!problems.empty()) return Invalid(problems, "There is a problem with the link.");
  auto from_type = intelligence::RecordTypeFromCode(from->type),
       to_type = intelligence::RecordTypeFromCode(to->type);
  if (!from_type || !to_type) return NotFound("There is no such subject on this report.");
  auto ends =
      intelligence::CanonicalLink(*type, *from_type, from->record_id, *to_type, to->record_id);
  if (!ends) return std::unexpected(ends.error());
  Instant now = clock_.Now();
  return Write("linking records", [&](storage::Transaction& tx) -> Result<std::string> {
    auto link = records_.LinkIn(tx, *ends, found.report.id, who.user.id, who.agency.id, now);
    std::vector<std::string> linked_children;
    if (ends->from_type == intelligence::RecordType::kChild)
      linked_children.push_back(ends->from_id);
    if (ends->to_type == intelligence::RecordType::kChild) linked_children.push_back(ends->to_id);
    AuditIn(tx, PerChild(AuditEntry(who, request, "records.link", "link", link, "allowed",
                                    "intelligence",
                                    std::string(link_type) + " " + from->type + " " +
                                        from->record_id + " - " + to->type + " " + to->record_id +
                                        "; supported by intelligence " + found.report.id),
                         linked_children));
    return link;
  });
}

// --- pages ------------------------------------------------------------------------------

Response IntelligenceHandlers::NewIntelligenceForm(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kSubmitIntelligence);
  if (!decision.allowed) {
    return Refuse(who, request, decision, access::Action::kSubmitIntelligence,
                  "Your role does not submit intelligence.");
  }
  FormData form;
  std::string child = request.query.Get("child");
  if (!child.empty()) form.Add("child_id", child);
  return IntelligenceFormPage(who, request, form, nullptr);
}

Response IntelligenceHandlers::IntelligenceFormPage(const Principal& who, const Request& request,
                                                    const FormData& form, const Error* problems) {
  mstch::map context{
      {"category_options", Options(CategoryChoices(), form.Get("category"))},
      {"place_type_options", Options(PlaceTypeChoices(), form.Get("place_place_type"))},
      {"platform_options", Options(PlatformChoices(), form.Get("account_platform"))}};
  mstch::array children;
  for (const std::string& id : form.GetAll("child_id")) {
    if (!IsValidId(id)) continue;
    auto child = children_.Find(id);
    if (!child || !*child) continue;
    children.push_back(mstch::map{{"id", id}, {"name", children::DisplayName(**child)}});
  }
  context["children"] = children;
  context["has_children"] = !children.empty();
  AddValues(context, form);
  AddChoiceFlags(context, form, {"knowledge", "immediate_danger"});
  if (problems != nullptr) AddErrors(context, *problems, kSubmissionFieldOrder);
  std::string title = "Submit intelligence";
  return FormPage(who, request, title, "intelligence/new", context, problems);
}

Response IntelligenceHandlers::SubmitIntelligence(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kSubmitIntelligence);
  if (!decision.allowed) {
    return Refuse(who, request, decision, access::Action::kSubmitIntelligence,
                  "Your role does not submit intelligence.");
  }
  auto form = ParseUrlEncoded(request.body);
  if (!form) return ErrorPage(&who, request, form.error());
  auto input = SubmissionFromForm(*form);
  auto report = DoSubmitIntelligence(who, request, input, decision.purpose);
  if (report) return Response::Redirect("/intelligence/reports/" + report->id + "?made=1");
  if (report.error().kind != ErrorKind::kInvalid) return ErrorPage(&who, request, report.error());
  Error named = FormFieldNames(report.error(), input);
  return IntelligenceFormPage(who, request, *form, &named);
}

Response IntelligenceHandlers::MyIntelligence(Request& request, const Principal& who) {
  auto mine = intelligence_.BySubmitter(who.user.id, kMineShown);
  if (!mine) return ErrorPage(&who, request, mine.error());
  mstch::array rows;
  Instant now = clock_.Now();
  for (const auto& r : *mine) {
    auto messages = messages_.About(who.user.id, "intelligence", r.id);
    if (!messages) return ErrorPage(&who, request, messages.error());
    mstch::array told;
    for (const auto& m : *messages) {
      told.push_back(mstch::map{{"title", m.title},
                                {"body", m.body},
                                {"next_steps", m.next_steps},
                                {"contact", m.contact},
                                {"at_text", FormatLondonDateTime(m.at)},
                                {"unread", !m.read_at.has_value()}});
    }
    rows.push_back(mstch::map{{"id", r.id},
                              {"submitted", FormatLondonDateTime(r.submitted_at)},
                              {"category", Str(intelligence::Label(r.category))},
                              {"status", StatusLabel(r)},
                              {"waiting", r.status == intelligence::ReportStatus::kSubmitted},
                              {"messages", told},
                              {"has_messages", !told.empty()}});
    if (!messages->empty()) (void)messages_.MarkRead(who.user.id, "intelligence", r.id, now);
  }
  if (!Audit(AuditEntry(who, request, "intelligence.mine", "user", who.user.id, "allowed",
                        "own submission", std::to_string(mine->size()) + " reports"))) {
    return ErrorPage(&who, request, kAuditUnavailable);
  }
  return Page(
      &who, request, "My intelligence", "intelligence/mine",
      mstch::map{{"reports", rows},
                 {"has_reports", !rows.empty()},
                 {"can_submit",
                  access::Decide(who.Subject(), access::Action::kSubmitIntelligence).allowed}});
}

Response IntelligenceHandlers::IntelligenceQueue(Request& request, const Principal& who) {
  auto decision = access::Decide(who.Subject(), access::Action::kGradeIntelligence);
  if (!decision.allowed) {
    return Refuse(who, request, decision, access::Action::kGradeIntelligence,
                  "Only intelligence officers see the intelligence queue.");
  }
  auto waiting = intelligence_.Queue(who.agency.id, kQueueShown);
  if (!waiting) return ErrorPage(&who, request, waiting.error());
  auto graded = intelligence_.RecentlyGraded(who.agency.id, 50);
  if (!graded) return ErrorPage(&who, request, graded.error());
  auto rows = [&](const std::vector<intelligence::Report>& reports) {
    mstch::array out;
    for (const auto& r : reports) {
      out.push_back(mstch::map{{"id", r.id},
                               {"submitted", FormatLondonDateTime(r.submitted_at)},
                               {"category", Str(intelligence::Label(r.category))},
                               {"danger", r.immediate_danger},
                               {"grade", intelligence::GradeCode(r)},
                               {"status", StatusLabel(r)}});
    }
    return out;
  };
  if (!Audit(AuditEntry(who, request, "intelligence.queue", "agency", who.agency.id, "allowed",
                        decision.purpose,
                        std::to_string(waiting->size()) + " waiting, " +
                            std::to_string(graded->size()) + " recently graded"))) {
    return ErrorPage(&who, request, kAuditUnavailable);
  }
  return Page(&who, request, "Intelligence queue", "intelligence/queue",
              mstch::map{{"waiting", rows(*waiting)},
                         {"has_waiting", !waiting->empty()},
                         {"graded", rows(*graded)},
                         {"has_graded", !graded->empty()}});
}

Response IntelligenceHandlers::ViewIntelligenceReport(Request& request, const Principal& who) {
  auto found = FindReportFor(who, request, request.Param("id"));
  if (!found) return ErrorPage(&who, request, found.error());
  return ReportPage(who, request, *found, {}, nullptr, nullptr, 200);
}

Response IntelligenceHandlers::ReportPage(const Principal& who, const Request& request,
                                          const ReportAccess& found, std::string_view which,
                                          const FormData* form, const Error* problems,
                                          unsigned status, const NewRecord* offered) {
  using access::IntelligenceView;
  const auto& r = found.report;
  IntelligenceView view = found.view.view;
  bool holding = view == IntelligenceView::kOriginalWithSource;
  mstch::map context{{"report_id", r.id},
                     {"submitted", FormatLondonDateTime(r.submitted_at)},
                     {"category", Str(intelligence::Label(r.category))},
                     {"status", StatusLabel(r)},
                     {"danger", r.immediate_danger},
                     {"made", request.query.Get("made") == "1"},
                     {"own", view == IntelligenceView::kOwnSubmission},
                     {"sanitised_view", view == IntelligenceView::kSanitised},
                     {"original_view", view >= IntelligenceView::kOriginal},
                     {"holding", holding},
                     {"graded", r.status != intelligence::ReportStatus::kSubmitted},
                     {"view_code", Str(access::ToCode(view))}};
  if (view >= IntelligenceView::kSanitised && view != IntelligenceView::kOwnSubmission) {
    context["grade"] = intelligence::GradeCode(r);
    context["sanitised_text"] = r.sanitised_text;
    if (r.grade) {
      context["source_label"] = Str(intelligence::Label(r.grade->source));
      context["assessment_label"] = Str(intelligence::Label(r.grade->assessment));
      context["handling_label"] = Str(intelligence::Label(r.grade->handling));
      context["handling_instructions"] = r.grade->handling_instructions;
    }
  }
  if (view == IntelligenceView::kOwnSubmission || view >= IntelligenceView::kOriginal) {
    auto original = intelligence_.OriginalOf(r.id);
    if (!original) return ErrorPage(&who, request, original.error());
    context.insert({{"who", original->who},
                    {"what", original->what},
                    {"where", original->where},
                    {"when", original->when},
                    {"why", original->why},
                    {"how", original->how},
                    {"knowledge", Str(intelligence::Label(r.knowledge))}});
    if (r.outcome) context["outcome"] = Str(intelligence::Label(*r.outcome));
  }
  if (holding) {
    auto source = intelligence_.SourceOf(r.id);
    if (!source) return ErrorPage(&who, request, source.error());
    context.insert({{"submitter_name", source->submitter_name},
                    {"submitter_agency", source->submitter_agency_name},
                    {"submitter_contact", source->submitter_contact},
                    {"heard_from", source->heard_from}});
  }
  // Subjects: the submitter sees what they named; the holding unit matches them to records.
  mstch::array subject_rows;
  std::vector<std::pair<std::string, std::string>> link_choices;  // resolved subjects
  if (view == IntelligenceView::kOwnSubmission || view >= IntelligenceView::kOriginal) {
    auto subjects = intelligence_.Subjects(r.id);
    if (!subjects) return ErrorPage(&who, request, subjects.error());
    for (auto& s : *subjects) {
      mstch::map row{{"id", s.id},
                     {"kind", Str(intelligence::SubjectTypeLabel(s.type))},
                     {"type", s.type},
                     {"details", DetailRows(s)},
                     {"resolved", !s.record_id.empty()},
                     {"record_id", s.record_id}};
      auto type = intelligence::RecordTypeFromCode(s.type);
      if (!s.record_id.empty() && type) {
        auto label = records_.LabelOf(*type, s.record_id);
        std::string text = label ? *label : s.record_id;
        row["label"] = text;
        if (holding && *type != intelligence::RecordType::kChild) {
          row["href"] =
              "/records/" + std::string(intelligence::PathSegment(*type)) + "/" + s.record_id;
        }
        link_choices.emplace_back(
            s.id, std::string(intelligence::SubjectTypeLabel(s.type)) + ": " + text);
      }
      if (holding && s.record_id.empty()) {
        bool this_one = which == "create:" + s.id;
        // The creation form starts from what the submitter typed; after a refusal, from what
        // the officer typed.
        for (const auto& [name, value] : s.details) row["f_" + name] = value;
        if (this_one && form != nullptr) {
          for (const auto& key :
               {"name", "aliases", "date_of_birth", "age_from", "age_to", "description",
                "registration", "make", "model", "colour", "address", "postcode", "easting",
                "northing", "latitude", "longitude", "number", "handle"}) {
            row["f_" + std::string(key)] = form->Get(key);
          }
        }
        std::vector<std::pair<std::string, std::string>> statuses;
        for (auto st : intelligence::AllPersonStatuses()) {
          statuses.emplace_back(std::string(intelligence::ToCode(st)),
                                std::string(intelligence::Label(st)));
        }
        row["status_options"] =
            Options(statuses, this_one && form ? form->Get("status") : "suspected");
        row["is_" + s.type] = true;
        row["place_type_options"] = Options(PlaceTypeChoices(), this_one && form ? form->Get("type")
                                                                : s.details.contains("place_type")
                                                                    ? s.details.at("place_type")
                                                                    : "");
        row["platform_options"] =
            Options(PlatformChoices(), this_one && form                 ? form->Get("platform")
                                       : s.details.contains("platform") ? s.details.at("platform")
                                                                        : "");
        if (this_one && problems != nullptr) {
          mstch::array errors;
          for (const auto& [field, message] : problems->fields) {
            errors.push_back(mstch::map{{"field", field}, {"message", message}});
          }
          row["subject_errors"] = errors;
          row["has_subject_errors"] = !errors.empty();
        }
        if (this_one && offered != nullptr && !offered->candidates.empty()) {
          mstch::array candidates;
          for (const auto& c : offered->candidates) {
            candidates.push_back(mstch::map{{"id", c.id},
                                            {"label", c.label},
                                            {"matched_on", c.matched_on},
                                            {"subject_id", s.id},
                                            {"report_id", r.id}});
          }
          row["candidates"] = candidates;
          row["has_candidates"] = true;
        }
        row["open"] = this_one;
      }
      subject_rows.push_back(row);
    }
  }
  context["subjects"] = subject_rows;
  context["has_subjects"] = !subject_rows.empty();
  if (holding) {
    std::vector<std::pair<std::string, std::string>> types{{"", "Choose a link"}};
    for (auto t : intelligence::AllLinkTypes()) {
      types.emplace_back(std::string(intelligence::ToCode(t)), std::string(intelligence::Label(t)));
    }
    bool link_form = which == "link" && form != nullptr;
    context["link_types"] = Options(types, link_form ? form->Get("link_type") : "");
    context["from_choices"] = Options(link_choices, link_form ? form->Get("from") : "");
    context["to_choices"] = Options(link_choices, link_form ? form->Get("to") : "");
    context["can_link"] = link_choices.size() >= 2;
    context["linked"] = request.query.Get("linked") == "1";
    std::vector<std::pair<std::string, std::string>> agency_choices;
    auto agencies = agencies_.List();
    if (!agencies) return ErrorPage(&who, request, agencies.error());
    for (const auto& a : *agencies) agency_choices.emplace_back(a.id, a.name);
    bool grade_form = which == "grade" && form != nullptr;
    context["agency_options"] = CheckedOptions(
        agency_choices, grade_form ? form->GetAll("allowed_agencies") : std::vector<std::string>{});
    context["outcome_options"] = Options(OutcomeChoices(), grade_form ? form->Get("outcome") : "");
    if (grade_form) {
      context["typed_sanitised_text"] = form->Get("sanitised_text");
      context["typed_handling_instructions"] = form->Get("handling_instructions");
      // The grade's codes are upper case ("B", "P"), which AddChoiceFlags skips.
      for (const char* field : {"source", "intelligence", "handling"}) {
        std::string value = form->Get(field);
        if (value.size() == 1 && std::isalnum(static_cast<unsigned char>(value[0]))) {
          context[std::string(field) + "_" + value] = true;
        }
      }
    }
    // The links this report supports.
    auto links = VisibleLinksOfReport(r.id);
    if (!links) return ErrorPage(&who, request, links.error());
    context["report_links"] = *links;
    context["has_report_links"] = !links->empty();
  }
  if (problems != nullptr && (which == "grade" || which == "link")) {
    AddErrors(context, *problems,
              which == "grade" ? kGradingFieldOrder
                               : std::vector<std::string>{"from", "to", "link_type"});
  }
  if (!Audit(PerChild(AuditEntry(who, request, "intelligence.view", "intelligence", r.id, "allowed",
                                 ReportPurpose(found),
                                 std::string(access::ToCode(view)) + "; " + found.view.reason),
                      found.children))) {
    return ErrorPage(&who, request, kAuditUnavailable);
  }
  if (view == IntelligenceView::kOwnSubmission) {
    (void)messages_.MarkRead(who.user.id, "intelligence", r.id, clock_.Now());
    auto messages = messages_.About(who.user.id, "intelligence", r.id);
    if (!messages) return ErrorPage(&who, request, messages.error());
    mstch::array told;
    for (const auto& m : *messages) {
      told.push_back(mstch::map{{"title", m.title},
                                {"body", m.body},
                                {"next_steps", m.next_steps},
                                {"contact", m.contact},
                                {"at_text", FormatLondonDateTime(m.at)}});
    }
    context["messages"] = told;
    context["has_messages"] = !told.empty();
  }
  std::string title = "Intelligence report " + r.id.substr(0, 8);
  return Page(&who, request, problems != nullptr ? "Error: " + title : title, "intelligence/report",
              context, status);
}

Result<mstch::array> IntelligenceHandlers::VisibleLinksOfReport(std::string_view report_id) {
  auto subjects = intelligence_.Subjects(report_id);
  if (!subjects) return std::unexpected(subjects.error());
  mstch::array rows;
  std::set<std::string> seen;
  for (const auto& s : *subjects) {
    auto type = intelligence::RecordTypeFromCode(s.type);
    if (s.record_id.empty() || !type) continue;
    auto links = records_.LinksOf(*type, s.record_id);
    if (!links) return std::unexpected(links.error());
    auto label = records_.LabelOf(*type, s.record_id);
    for (const auto& l : *links) {
      if (std::ranges::find(l.report_ids, report_id) == l.report_ids.end()) continue;
      if (!seen.insert(l.link_id).second) continue;
      rows.push_back(mstch::map{{"from", label ? *label : s.record_id},
                                {"type", Str(intelligence::Label(l.type))},
                                {"to", l.other_label}});
    }
  }
  return rows;
}

Response IntelligenceHandlers::GradeIntelligence(Request& request, const Principal& who) {
  auto found = FindReportFor(who, request, request.Param("id"));
  if (!found) return ErrorPage(&who, request, found.error());
  auto form = ParseUrlEncoded(request.body);
  if (!form) return ErrorPage(&who, request, form.error());
  intelligence::GradingInput input{
      {form->Get("source"), form->Get("intelligence"), form->Get("handling"),
       form->Get("handling_instructions"), form->GetAll("allowed_agencies")},
      form->Get("sanitised_text"),
      form->Get("outcome")};
  auto graded = DoGradeIntelligence(who, request, *found, input);
  if (graded) return Response::Redirect("/intelligence/reports/" + found->report.id + "?graded=1");
  auto kind = graded.error().kind;
  if (kind != ErrorKind::kInvalid && kind != ErrorKind::kConflict) {
    return ErrorPage(&who, request, graded.error());
  }
  return ReportPage(who, request, *found, "grade", &*form, &graded.error(),
                    kind == ErrorKind::kConflict ? 409 : 422);
}

Response IntelligenceHandlers::UseRecordForSubject(Request& request, const Principal& who) {
  auto found = FindHoldingReportFor(who, request, request.Param("id"), "matches subjects");
  if (!found) return ErrorPage(&who, request, found.error());
  auto form = ParseUrlEncoded(request.body);
  if (!form) return ErrorPage(&who, request, form.error());
  auto used =
      DoResolveSubject(who, request, *found, request.Param("subject"), form->Get("record_id"));
  if (!used) return ErrorPage(&who, request, used.error());
  return Response::Redirect("/intelligence/reports/" + found->report.id + "#subjects");
}

Response IntelligenceHandlers::CreateRecordForSubject(Request& request, const Principal& who) {
  auto found = FindHoldingReportFor(who, request, request.Param("id"), "creates records");
  if (!found) return ErrorPage(&who, request, found.error());
  auto form = ParseUrlEncoded(request.body);
  if (!form) return ErrorPage(&who, request, form.error());
  std::string subject = request.Param("subject");
  auto created = DoCreateSubjectRecord(who, request, *found, subject, *form);
  if (created && !created->id.empty()) {
    return Response::Redirect("/intelligence/reports/" + found->report.id + "#subjects");
  }
  if (created) {  // exact matches offered first
    return ReportPage(who, request, *found, "create:" + subject, &*form, nullptr, 200, &*created);
  }
  if (created.error().kind != ErrorKind::kInvalid) {
    return ErrorPage(&who, request, created.error());
  }
  return ReportPage(who, request, *found, "create:" + subject, &*form, &created.error(),
                    StatusFor(created.error().kind));
}

Response IntelligenceHandlers::LinkReportSubjects(Request& request, const Principal& who) {
  auto found = FindHoldingReportFor(who, request, request.Param("id"), "links records");
  if (!found) return ErrorPage(&who, request, found.error());
  auto form = ParseUrlEncoded(request.body);
  if (!form) return ErrorPage(&who, request, form.error());
  auto linked = DoLinkSubjects(who, request, *found, form->Get("from"), form->Get("to"),
                               form->Get("link_type"));
  if (linked) {
    return Response::Redirect("/intelligence/reports/" + found->report.id + "?linked=1#links");
  }
  if (linked.error().kind != ErrorKind::kInvalid) return ErrorPage(&who, request, linked.error());
  return ReportPage(who, request, *found, "link", &*form, &linked.error(),
                    StatusFor(linked.error().kind));
}

}  // namespace harbour::web
