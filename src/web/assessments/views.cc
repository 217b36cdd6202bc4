#include "web/assessments/views.h"

#include <algorithm>

#include "access/policy.h"
#include "common/text.h"
#include "web/tools/tools.h"

namespace harbour::web {

namespace {

using assessments::Answer;
using assessments::ToolDefinition;

const assessments::Prefilled* FindPrefill(const std::vector<assessments::Prefilled>& prefill,
                                          std::string_view code) {
  for (const auto& p : prefill) {
    if (p.answer.indicator == code) return &p;
  }
  return nullptr;
}

std::string DateText(const std::optional<Date>& date) { return date ? FormatDate(*date) : ""; }

// Reads a typed date into `out`; a problem is recorded under `field`.
void ReadDate(const std::string& text, std::optional<Date>& out, const std::string& field,
              std::map<std::string, std::string>& problems) {
  if (text.empty()) return;
  auto date = ParseDate(text);
  if (!date) {
    problems[field] = "Enter the date as a real date, for example 2026-03-27";
    return;
  }
  out = *date;
}

// Turns the question states into answers and cleared codes, in the tool's order.
void Collect(const ToolDefinition& tool, AssessmentForm& form) {
  form.answers.clear();
  form.cleared.clear();
  for (const auto& section : tool.sections) {
    for (const auto& indicator : section.indicators) {
      const QuestionState& q = form.questions[indicator.code];
      if (q.prefilled && q.decision == "no") form.cleared.push_back(indicator.code);
      bool present = q.prefilled ? q.decision == "yes" : q.present;
      if (!present) continue;
      Answer a;
      a.indicator = indicator.code;
      std::string base = "answers." + indicator.code;
      ReadDate(q.last_seen, a.last_seen, base + ".last_seen", form.problems);
      ReadDate(q.earlier_seen, a.earlier_seen, base + ".earlier_seen", form.problems);
      a.amended_level = Trim(q.amended_level);
      a.amended_reason = Trim(q.amended_reason);
      form.answers.push_back(std::move(a));
    }
  }
}

void ApplyPrefill(QuestionState& q, const assessments::Prefilled& p) {
  q.prefilled = true;
  q.sources = p.sources;
  q.last_seen = DateText(p.answer.last_seen);
  q.earlier_seen = DateText(p.answer.earlier_seen);
}

mstch::array ActionRows(const std::vector<assessments::DueAction>& actions,
                        const reference::Catalogue& catalogue) {
  mstch::array rows;
  for (const auto& a : actions) {
    rows.push_back(mstch::map{{"text", a.text},
                              {"who", tasks::WhoLabel(a.who, catalogue)},
                              {"due", FormatLondonDateTime(a.due)},
                              {"due_date", FormatLongDate(a.due_date)}});
  }
  return rows;
}

}  // namespace

std::string QuestionId(std::string_view code) {
  std::string id = "q-";
  for (char c : code) id += c == '.' ? '-' : c;
  return id;
}

AssessmentForm FormFromDraft(const ToolDefinition& tool,
                             const storage::AssessmentsRepository::Stored& draft,
                             const std::vector<assessments::Prefilled>& prefill) {
  AssessmentForm form;
  for (const auto& section : tool.sections) {
    for (const auto& indicator : section.indicators) {
      QuestionState& q = form.questions[indicator.code];
      const auto* p = FindPrefill(prefill, indicator.code);
      if (p != nullptr) ApplyPrefill(q, *p);
      auto saved = std::ranges::find(draft.assessment.answers, indicator.code, &Answer::indicator);
      bool cleared = std::ranges::find(draft.cleared, indicator.code) != draft.cleared.end();
      if (saved != draft.assessment.answers.end()) {
        if (q.prefilled) q.decision = "yes";
        q.present = true;
        q.last_seen = DateText(saved->last_seen);
        q.earlier_seen = DateText(saved->earlier_seen);
        q.amended_level = saved->amended_level;
        q.amended_reason = saved->amended_reason;
      } else if (cleared && q.prefilled) {
        q.decision = "no";
      }
    }
  }
  form.judged_level = draft.assessment.judged_level;
  form.rationale = draft.assessment.rationale;
  Collect(tool, form);
  return form;
}

AssessmentForm FormFromPost(const ToolDefinition& tool, const FormData& body,
                            const std::vector<assessments::Prefilled>& prefill) {
  AssessmentForm form;
  std::vector<std::string> ticked = body.GetAll("present");
  for (const auto& section : tool.sections) {
    for (const auto& indicator : section.indicators) {
      const std::string& code = indicator.code;
      QuestionState& q = form.questions[code];
      const auto* p = FindPrefill(prefill, code);
      if (p != nullptr) {
        q.prefilled = true;
        q.sources = p->sources;
        std::string decision = body.Get("confirm." + code);
        q.decision = decision == "yes" || decision == "no" ? decision : "";
      }
      q.present = std::ranges::find(ticked, code) != ticked.end();
      q.last_seen = Trim(body.Get("last_seen." + code));
      q.earlier_seen = Trim(body.Get("earlier_seen." + code));
      q.amended_level = body.Get("amended_level." + code);
      q.amended_reason = body.Get("amended_reason." + code);
    }
  }
  form.judged_level = body.Get("judged_level");
  form.rationale = body.Get("rationale");
  Collect(tool, form);
  return form;
}

Error FormProblems(const AssessmentForm& form) {
  return Error{ErrorKind::kInvalid, "validation_failed", "Check the highlighted answers.",
               form.problems};
}

mstch::map AssessmentFormContext(const ToolDefinition& tool, const AssessmentForm& form,
                                 const reference::Catalogue& catalogue, const Error* problems) {
  auto field_problem = [&](const std::string& field) -> std::string {
    if (problems == nullptr) return "";
    auto it = problems->fields.find(field);
    return it == problems->fields.end() ? "" : it->second;
  };
  mstch::array errors;
  std::set<std::string> linked;
  mstch::array sections;
  for (const auto& section : tool.sections) {
    mstch::array questions;
    for (const auto& indicator : section.indicators) {
      const QuestionState& q = form.questions.at(indicator.code);
      std::string id = QuestionId(indicator.code), base = "answers." + indicator.code;
      mstch::array sources;
      for (const auto& s : q.sources) {
        sources.push_back(mstch::map{{"date", FormatLongDate(s.seen)},
                                     {"agency", s.agency_name},
                                     {"recorded_by", s.recorded_by},
                                     {"record_type", s.record_type},
                                     {"record_id", s.record_id}});
      }
      mstch::array level_options;
      if (tool.scheme == assessments::Scheme::kRag) {
        const auto* suggested = tool.FindLevel(indicator.suggested);
        level_options.push_back(mstch::map{
            {"value", Str("")},
            {"label",
             "As suggested (" + (suggested ? suggested->label : indicator.suggested) + ")"},
            {"selected", q.amended_level.empty()}});
        for (const auto& level : tool.levels) {
          level_options.push_back(mstch::map{{"value", level.code},
                                             {"label", level.label},
                                             {"selected", q.amended_level == level.code}});
        }
      }
      std::string error;
      for (const std::string& field : {base, base + ".last_seen", base + ".earlier_seen",
                                       base + ".amended_level", base + ".amended_reason"}) {
        std::string message = field_problem(field);
        if (message.empty()) continue;
        if (!error.empty()) error += " ";
        error += message;
      }
      if (!error.empty() && linked.insert(id).second) {
        const auto* known = catalogue.FindIndicator(indicator.code);
        errors.push_back(
            mstch::map{{"message", (known ? known->label : indicator.code) + ": " + error},
                       {"href", "#" + id}});
      }
      questions.push_back(mstch::map{
          {"code", indicator.code},
          {"id", id},
          {"question", indicator.question},
          {"guidance", indicator.guidance},
          {"prefilled", q.prefilled},
          {"confirmed", q.decision == "yes"},
          {"cleared", q.decision == "no"},
          {"present", q.present},
          {"sources", sources},
          {"last_seen", q.last_seen},
          {"earlier_seen", q.earlier_seen},
          {"amended_reason", q.amended_reason},
          {"level_options", level_options},
          {"error", error},
          {"immediate_action", indicator.immediate_action},
      });
    }
    sections.push_back(
        mstch::map{{"code", section.code}, {"title", section.title}, {"questions", questions}});
  }
  for (const std::string field : {"judged_level", "rationale"}) {
    std::string message = field_problem(field);
    if (!message.empty()) errors.push_back(mstch::map{{"message", message}, {"href", "#" + field}});
  }
  mstch::array levels;
  for (const auto& level : tool.levels) {
    levels.push_back(mstch::map{{"value", level.code},
                                {"label", level.label},
                                {"colour", level.colour},
                                {"selected", Trim(form.judged_level) == level.code}});
  }
  std::size_t prefilled = std::ranges::count_if(
      form.questions, [](const auto& entry) { return entry.second.prefilled; });
  mstch::map context{
      {"tool_id", tool.id},
      {"tool_name", tool.name},
      {"tool_version", tool.version},
      {"tool_description", tool.description},
      {"points", tool.scheme == assessments::Scheme::kPoints},
      {"rag", tool.scheme == assessments::Scheme::kRag},
      {"current_days", tool.look_back.current_days},
      {"past_days", tool.look_back.past_days},
      {"sections", sections},
      {"levels", levels},
      {"rationale", form.rationale},
      {"prefilled_count", static_cast<int>(prefilled)},
      {"judged_level_error", field_problem("judged_level")},
      {"rationale_error", field_problem("rationale")},
  };
  if (problems != nullptr) {
    if (errors.empty()) {
      errors.push_back(mstch::map{{"message", problems->message}, {"href", Str("#main-content")}});
    }
    context["has_errors"] = true;
    context["errors"] = errors;
  }
  return context;
}

mstch::map AssessmentResult(const ToolDefinition& tool,
                            const storage::AssessmentsRepository::Stored& stored,
                            const std::vector<tasks::Task>& task_list,
                            const reference::Catalogue& catalogue, Instant now) {
  const assessments::Assessment& a = stored.assessment;
  const assessments::Outcome& o = a.outcome;
  mstch::array contributions;
  for (const auto& c : o.contributions) {
    const auto* indicator = catalogue.FindIndicator(c.source);
    contributions.push_back(
        mstch::map{{"source", indicator ? indicator->label : c.source},
                   {"points_value", c.points},
                   {"has_points", c.points != 0},
                   {"level", c.level.empty() ? mstch::node(std::string())
                                             : mstch::node(LevelTag(tool, c.level))},
                   {"counted", c.counted},
                   {"why", c.why}});
  }
  mstch::array answers;
  for (const auto& ans : a.answers) {
    const auto* question = tool.FindIndicator(ans.indicator);
    mstch::array sources;
    for (const auto& s : stored.evidence) {
      if (s.indicator != ans.indicator) continue;
      sources.push_back(mstch::map{{"date", FormatLongDate(s.seen)},
                                   {"agency", s.agency_name},
                                   {"recorded_by", s.recorded_by}});
    }
    answers.push_back(
        mstch::map{{"question", question ? question->question : ans.indicator},
                   {"last_seen", Str(ans.last_seen ? FormatLongDate(*ans.last_seen) : "")},
                   {"amended_level", ans.amended_level.empty()
                                         ? mstch::node(std::string())
                                         : mstch::node(LevelTag(tool, ans.amended_level))},
                   {"amended_reason", ans.amended_reason},
                   {"sources", sources},
                   {"has_sources", !sources.empty()}});
  }
  mstch::array task_rows;
  for (const auto& t : task_list) {
    auto timeliness = tasks::TimelinessOf(t, now);
    task_rows.push_back(mstch::map{{"title", t.title},
                                   {"who", tasks::WhoLabel(t.who, catalogue)},
                                   {"due", FormatLondonDateTime(t.due_at)},
                                   {"state", Str(tasks::ToCode(timeliness))},
                                   {"overdue", timeliness == tasks::Timeliness::kOverdue},
                                   {"done", timeliness == tasks::Timeliness::kDone},
                                   {"outcome", t.outcome}});
  }
  bool differs = a.judged_level != o.level;
  bool raised = !a.plan.level.empty() && a.plan.level != o.level;
  return mstch::map{
      {"submitted", a.status == assessments::Status::kSubmitted},
      {"tool_id", tool.id},
      {"tool_name", tool.name},
      {"tool_version", tool.version},
      {"points", tool.scheme == assessments::Scheme::kPoints},
      {"score", o.score},
      {"computed", LevelTag(tool, o.level)},
      {"judged", LevelTag(tool, a.judged_level)},
      {"differs", differs},
      {"rationale", a.rationale},
      {"immediate_action", o.immediate_action},
      {"contributions", contributions},
      {"answers", answers},
      {"has_answers", !answers.empty()},
      {"tasks", task_rows},
      {"has_tasks", !task_rows.empty()},
      {"actions", ActionRows(a.plan.actions, catalogue)},
      {"plan_raised", raised},
      {"plan", LevelTag(tool, a.plan.level)},
      {"next_review", FormatLongDate(a.plan.next_review)},
      {"assessed_by", a.assessed_by_name},
      {"agency", a.agency_name},
      {"submitted_at", Str(a.submitted_at ? FormatLondonDateTime(*a.submitted_at) : "")},
      {"updated_at", FormatLondonDateTime(a.updated_at)},
  };
}

mstch::map AssessmentRow(const ToolDefinition& tool, const assessments::Assessment& a,
                         std::string_view viewer_id) {
  bool draft = a.status == assessments::Status::kDraft;
  return mstch::map{
      {"id", a.id},
      {"draft", draft},
      {"mine", a.assessed_by == viewer_id},
      {"tool_name", tool.name},
      {"tool_version", tool.version},
      {"judged", draft ? mstch::node(std::string()) : mstch::node(LevelTag(tool, a.judged_level))},
      {"differs", !draft && a.judged_level != a.outcome.level},
      {"computed",
       draft ? mstch::node(std::string()) : mstch::node(LevelTag(tool, a.outcome.level))},
      {"when", Str(a.submitted_at ? FormatLongDate(LondonDate(*a.submitted_at))
                                  : FormatLongDate(LondonDate(a.updated_at)))},
      {"next_review", Str(draft ? "" : FormatLongDate(a.plan.next_review))},
      {"assessed_by", a.assessed_by_name},
      {"agency", a.agency_name},
  };
}

mstch::map RiskSummary(const std::vector<assessments::Assessment>& history,
                       const std::vector<const ToolDefinition*>& tools,
                       const panel::AgendaItem* panel_decision, Date today) {
  mstch::map out{{"has_assessment", !history.empty()}, {"has_panel_category", false}};
  if (panel_decision != nullptr && panel_decision->decision) {
    const panel::Decision& d = *panel_decision->decision;
    out["has_panel_category"] = true;
    out["panel_category"] = Str(panel::Label(d.category));
    out["panel_category_code"] = Str(panel::ToCode(d.category));
    out["panel_decided_on"] = FormatLongDate(LondonDate(d.recorded_at));
    out["panel_next_review"] = FormatLongDate(d.next_review);
  }
  if (history.empty()) {
    out["review_state"] = Str("none");
    return out;
  }
  const assessments::Assessment& latest = history.front();
  const ToolDefinition& latest_tool = *tools.front();
  auto state = assessments::ReviewStateOf(latest.plan.next_review, today);
  out["current"] = LevelTag(latest_tool, latest.judged_level);
  out["tool_level"] = LevelTag(latest_tool, latest.outcome.level);
  out["tool_name"] = latest_tool.name;
  out["assessed_on"] = FormatLongDate(LondonDate(latest.submitted_at.value_or(latest.updated_at)));
  out["next_review"] = FormatLongDate(latest.plan.next_review);
  out["review_state"] = Str(assessments::ToCode(state));
  out["overdue"] = state == assessments::ReviewState::kOverdue;
  out["due_soon"] = state == assessments::ReviewState::kDueSoon;
  // The chart: one point per assessment, oldest left; height is the level's rank in its tool
  // (0 = lowest), scaled so every tool's highest level is at the top.
  constexpr int kWidth = 300, kHeight = 80, kPad = 10;
  std::size_t n = std::min<std::size_t>(history.size(), 12);
  mstch::array points;
  std::string line;
  for (std::size_t i = 0; i < n; ++i) {
    const assessments::Assessment& a = history[n - 1 - i];
    const ToolDefinition& tool = *tools[n - 1 - i];
    int rank = std::max(0, tool.LevelIndex(a.judged_level));
    int top = std::max<int>(1, static_cast<int>(tool.levels.size()) - 1);
    int x = n == 1 ? kWidth / 2
                   : kPad + static_cast<int>(i) * (kWidth - 2 * kPad) / static_cast<int>(n - 1);
    int y = kHeight - kPad - rank * (kHeight - 2 * kPad) / top;
    line += (line.empty() ? "" : " ") + std::to_string(x) + "," + std::to_string(y);
    const auto* level = tool.FindLevel(a.judged_level);
    points.push_back(
        mstch::map{{"x", x},
                   {"y", y},
                   {"colour", Str(level ? level->colour : "grey")},
                   {"label", FormatLongDate(LondonDate(a.submitted_at.value_or(a.updated_at))) +
                                 ": " + (level ? level->label : a.judged_level)}});
  }
  out["chart_points"] = points;
  out["chart_line"] = line;
  out["chart_width"] = kWidth;
  out["chart_height"] = kHeight;
  out["has_history"] = n > 1;
  return out;
}

}  // namespace harbour::web
