#include "assessments/assessment.h"

#include <algorithm>
#include <map>

namespace harbour::assessments {

namespace {

using std::chrono::sys_days;

long long DaysBefore(Date today, Date day) { return (sys_days{today} - sys_days{day}).count(); }

}  // namespace

std::vector<Prefilled> Prefill(const ToolDefinition& tool, const std::vector<Sighting>& sightings,
                               Date today) {
  std::map<std::string, std::vector<Sighting>> by_indicator;
  for (const Sighting& s : sightings) {
    long long age = DaysBefore(today, s.seen);
    if (age < 0 || age > tool.look_back.past_days) continue;
    if (tool.FindIndicator(s.indicator) == nullptr) continue;
    by_indicator[s.indicator].push_back(s);
  }
  std::vector<Prefilled> out;
  for (const Section& section : tool.sections) {
    for (const ToolIndicator& indicator : section.indicators) {
      auto it = by_indicator.find(indicator.code);
      if (it == by_indicator.end()) continue;
      std::vector<Sighting>& seen = it->second;
      std::ranges::stable_sort(seen, [](const Sighting& a, const Sighting& b) {
        return sys_days{a.seen} > sys_days{b.seen};
      });
      Prefilled p;
      p.answer.indicator = indicator.code;
      p.answer.last_seen = seen.front().seen;
      if (DaysBefore(today, seen.front().seen) <= tool.look_back.current_days) {
        p.answer.recency = Recency::kCurrent;
        auto earlier = std::ranges::find_if(seen, [&](const Sighting& s) {
          return DaysBefore(today, s.seen) > tool.look_back.current_days;
        });
        if (earlier != seen.end()) p.answer.earlier_seen = earlier->seen;
      } else {
        p.answer.recency = Recency::kPast;
      }
      p.sources = std::move(seen);
      out.push_back(std::move(p));
    }
  }
  return out;
}

ReviewState ReviewStateOf(std::optional<Date> next_review, Date today) {
  if (!next_review) return ReviewState::kNone;
  long long days_left = -DaysBefore(today, *next_review);
  if (days_left < 0) return ReviewState::kOverdue;
  if (days_left <= kDueSoonDays) return ReviewState::kDueSoon;
  return ReviewState::kScheduled;
}

std::vector<std::string> Undecided(const std::vector<Prefilled>& prefill,
                                   const std::vector<Answer>& answers,
                                   const std::vector<std::string>& cleared) {
  std::vector<std::string> out;
  for (const Prefilled& p : prefill) {
    const std::string& code = p.answer.indicator;
    bool confirmed = std::ranges::find(answers, code, &Answer::indicator) != answers.end();
    bool was_cleared = std::ranges::find(cleared, code) != cleared.end();
    if (!confirmed && !was_cleared) out.push_back(code);
  }
  return out;
}

const Assessment* DraftToResume(const std::vector<Assessment>& assessments,
                                std::string_view assessor_id) {
  for (const Assessment& a : assessments) {
    if (a.status == Status::kDraft && a.assessed_by == assessor_id) return &a;
  }
  return nullptr;
}

std::vector<tasks::Task> TasksFor(const Assessment& a, const std::function<std::string()>& new_id) {
  std::vector<tasks::Task> out;
  Instant created = a.submitted_at.value_or(a.updated_at);
  for (const DueAction& action : a.plan.actions) {
    tasks::Assignment to = tasks::AssignAction(action.who, a.assessed_by, a.assessed_by_agency);
    tasks::Task t;
    t.id = new_id();
    t.child_id = a.child_id;
    t.source_type = "assessment";
    t.source_id = a.id;
    t.title = action.text;
    t.who = action.who;
    t.assigned_user = std::move(to.user);
    t.assigned_role = std::move(to.role);
    t.assigned_agency = std::move(to.agency);
    t.due_at = action.due;
    t.created_by = a.assessed_by;
    t.created_at = created;
    out.push_back(std::move(t));
  }
  return out;
}

Result<Registration> CheckRegistration(const ToolDefinition& tool,
                                       const std::optional<std::string>& registered_fingerprint,
                                       std::optional<int> latest_version) {
  const std::string name = tool.id + " version " + std::to_string(tool.version);
  if (registered_fingerprint) {
    if (*registered_fingerprint == tool.fingerprint) return Registration::kAlreadyRegistered;
    return Fail(ErrorKind::kConflict, "tool_version_taken",
                name + " is already registered with different content.",
                {{"version", "A changed tool needs a new version: set version to " +
                                 std::to_string(latest_version.value_or(tool.version) + 1)}});
  }
  if (latest_version && tool.version < *latest_version) {
    return Fail(
        ErrorKind::kConflict, "tool_version_old",
        name + " is older than the registered version " + std::to_string(*latest_version) + ".",
        {{"version", "Set version to " + std::to_string(*latest_version + 1)}});
  }
  return Registration::kNewVersion;
}

chronology::Entry ChronologyEntry(const Assessment& assessment, const ToolDefinition& tool,
                                  chronology::Attribution by) {
  const auto* judged = tool.FindLevel(assessment.judged_level);
  const auto* computed = tool.FindLevel(assessment.outcome.level);
  chronology::Entry e;
  e.type = chronology::EntryType::kAssessment;
  e.at = assessment.submitted_at.value_or(assessment.updated_at);
  e.id = assessment.id;
  e.by = std::move(by);
  e.headline = "Risk assessment: " + (judged ? judged->label : assessment.judged_level);
  if (assessment.judged_level != assessment.outcome.level) {
    e.headline += " (the tool: " + (computed ? computed->label : assessment.outcome.level) + ")";
  }
  e.summary =
      e.headline + " with " + tool.name + " version " + std::to_string(assessment.tool_version);
  e.detail = assessment.rationale;
  return e;
}

}  // namespace harbour::assessments
