#include "assessments/engine.h"

#include <algorithm>
#include <map>
#include <set>

#include "common/text.h"

namespace harbour::assessments {
namespace {

using std::chrono::sys_days;

struct Counted {  // an answer after validation, with the recency that applies
  const ToolIndicator* indicator = nullptr;
  const Answer* answer = nullptr;
  std::optional<Recency> recency;  // nullopt: outside the look-back, does not count
  std::string when;                // "seen 12 days ago", for explanations
};

std::string Trim(std::string_view text) {
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!text.empty() && blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && blank(text.back())) text.remove_suffix(1);
  return std::string(text);
}

std::string PointsText(int points) {
  return std::to_string(points) + (points == 1 ? " point" : " points");
}

Date LondonToday(Instant now) { return LondonDate(now); }

long long DaysBefore(Date today, Date day) { return (sys_days{today} - sys_days{day}).count(); }

// Field errors for the answers, keyed as documented in engine.h.
std::map<std::string, std::string> CheckAnswers(const ToolDefinition& tool,
                                                const std::vector<Answer>& answers, Date today) {
  std::map<std::string, std::string> fields;
  std::set<std::string, std::less<>> seen;
  for (const Answer& answer : answers) {
    std::string key = "answers." + answer.indicator;
    const ToolIndicator* indicator = tool.FindIndicator(answer.indicator);
    if (indicator == nullptr) {
      fields[key] = "This indicator is not part of " + tool.name + " version " +
                    std::to_string(tool.version) + ".";
      continue;
    }
    if (!seen.insert(answer.indicator).second) {
      fields[key] = "This indicator is answered more than once.";
      continue;
    }
    if (answer.last_seen && (!answer.last_seen->ok() || *answer.last_seen > today)) {
      fields[key + ".last_seen"] = "The date last seen must be today or in the past.";
    }
    if (answer.earlier_seen) {
      if (!answer.last_seen) {
        fields[key + ".earlier_seen"] = "Give the date last seen as well as an earlier date.";
      } else if (!answer.earlier_seen->ok() || *answer.earlier_seen > *answer.last_seen) {
        fields[key + ".earlier_seen"] = "The earlier date must be before the date last seen.";
      }
    }
    if (!answer.amended_level.empty()) {
      if (tool.scheme != Scheme::kRag) {
        fields[key + ".amended_level"] = "Only a RAG tool lets you amend an indicator's level.";
      } else if (tool.FindLevel(answer.amended_level) == nullptr) {
        fields[key + ".amended_level"] = "Choose one of the tool's levels.";
      } else if (answer.amended_level != indicator->suggested &&
                 Trim(answer.amended_reason).empty()) {
        fields[key + ".amended_reason"] = "Give a reason for changing the suggested level.";
      }
    }
    if (!Trim(answer.amended_reason).empty()) {
      auto reason = CheckedFreeText(answer.amended_reason, "", "The reason", kMaxAmendedReason);
      if (!reason) fields[key + ".amended_reason"] = reason.error();
    }
  }
  return fields;
}

Counted Classify(const ToolDefinition& tool, const ToolIndicator& indicator, const Answer& answer,
                 Date today) {
  Counted counted{&indicator, &answer, answer.recency, ""};
  if (!answer.last_seen) {
    counted.when = std::string(ToCode(answer.recency));
    return counted;
  }
  const LookBack& look = tool.look_back;
  long long age = DaysBefore(today, *answer.last_seen);
  counted.when = "last seen " + std::to_string(age) + (age == 1 ? " day ago" : " days ago");
  if (age <= look.current_days) {
    counted.recency = Recency::kCurrent;
    if (answer.earlier_seen) {
      long long earlier = DaysBefore(today, *answer.earlier_seen);
      if (earlier > look.current_days && earlier <= look.past_days) {
        counted.recency = Recency::kBoth;
        counted.when += ", and " + std::to_string(earlier) + " days ago";
      }
    }
  } else if (age <= look.past_days) {
    counted.recency = Recency::kPast;
  } else {
    counted.recency = std::nullopt;
  }
  return counted;
}

std::string RecencyText(const ToolDefinition& tool, Recency recency) {
  const LookBack& look = tool.look_back;
  switch (recency) {
    case Recency::kCurrent:
      return "current (within the last " + std::to_string(look.current_days) + " days)";
    case Recency::kPast:
      return "past (" + std::to_string(look.current_days + 1) + " to " +
             std::to_string(look.past_days) + " days ago)";
    case Recency::kBoth:
      return "both current and past";
  }
  return "";
}

int PointsFor(const Points& points, Recency recency) {
  switch (recency) {
    case Recency::kCurrent:
      return points.current;
    case Recency::kPast:
      return points.past;
    case Recency::kBoth:
      return points.both;
  }
  return 0;
}

bool FloorApplies(const Floor& floor, const ChildFacts& child) {
  switch (floor.condition) {
    case Condition::kAgeUnder:
      return child.age && *child.age < floor.age;
    case Condition::kDisability:
      return child.disability == children::Disability::kYes;
    case Condition::kLookedAfter:
      return children::IsLookedAfter(child.legal_status);
    case Condition::kChildProtectionPlan:
      return child.legal_status == children::LegalStatus::kChildProtectionPlan;
    case Condition::kSenOrEhcp:
      return child.special_needs == children::SpecialNeeds::kSenSupport ||
             child.special_needs == children::SpecialNeeds::kEhcPlan;
  }
  return false;
}

// Tracks the level as rules push it up; levels only ever rise after the base is set.
class LevelTracker {
 public:
  LevelTracker(const ToolDefinition& tool, int base) : tool_(tool), index_(base) {}
  int Index() const { return index_; }
  // Raises to at least `code`; true if that changed the level.
  bool AtLeast(std::string_view code) {
    int wanted = tool_.LevelIndex(code);
    if (wanted <= index_) return false;
    index_ = wanted;
    return true;
  }
  bool Raise(int steps) {
    int top = static_cast<int>(tool_.levels.size()) - 1;
    int wanted = std::min(top, index_ + steps);
    if (wanted == index_) return false;
    index_ = wanted;
    return true;
  }

 private:
  const ToolDefinition& tool_;
  int index_;
};

std::string LabelOf(const ToolDefinition& tool, std::string_view code) {
  const Level* level = tool.FindLevel(code);
  return level ? level->label : std::string(code);
}

void AddActions(const std::vector<Action>& actions, std::string_view source, Instant now,
                Date today, const WorkingCalendar& calendar, std::vector<DueAction>& out) {
  for (const Action& action : actions) {
    DueAction due{std::string(source), action.text, action.who, today, now};
    if (action.due_hours) {
      due.due = now + std::chrono::hours{*action.due_hours};
      due.due_date = LondonToday(due.due);
    } else {
      // "0 working days" (today) asked on a weekend or bank holiday is the next working day.
      int days = action.due_working_days.value_or(0);
      if (days == 0 && !calendar.IsWorkingDay(today)) days = 1;
      due.due_date = calendar.AddWorkingDays(today, days);
      due.due = FromLondonLocal(due.due_date, 23, 59);
    }
    out.push_back(std::move(due));
  }
}

// The level's required actions, then the immediate ones when an immediate-action sign counted.
std::vector<DueAction> ActionsAt(const ToolDefinition& tool, const Level& level, bool immediate,
                                 Instant now, const WorkingCalendar& calendar) {
  std::vector<DueAction> out;
  Date today = LondonToday(now);
  AddActions(level.actions, level.code, now, today, calendar, out);
  if (immediate) AddActions(tool.immediate.actions, "immediate", now, today, calendar, out);
  return out;
}

}  // namespace

ChildFacts FactsOf(const children::Child& child, Date today) {
  ChildFacts facts;
  if (child.date_of_birth) {
    facts.age = AgeInYears(*child.date_of_birth, today);
  } else {
    facts.age = child.estimated_age;
  }
  facts.disability = child.disability;
  facts.legal_status = child.legal_status;
  facts.special_needs = child.special_needs;
  return facts;
}

Result<Outcome> Score(const ToolDefinition& tool, const std::vector<Answer>& answers,
                      const ChildFacts& child, Instant now, const WorkingCalendar& calendar) {
  if (tool.levels.empty())
    return Fail(ErrorKind::kInternal, "tool_invalid", "The tool has no levels.");
  Date today = LondonToday(now);
  if (auto fields = CheckAnswers(tool, answers, today); !fields.empty()) {
    return Invalid(std::move(fields));
  }

  Outcome outcome{tool.id, tool.version, tool.fingerprint, "", 0, false, {}, {}, today};
  std::vector<Counted> counted;
  std::set<std::string, std::less<>> present;  // indicators that count
  int rag_index = 0;
  for (const Answer& answer : answers) {
    Counted c = Classify(tool, *tool.FindIndicator(answer.indicator), answer, today);
    const ToolIndicator& indicator = *c.indicator;
    if (!c.recency) {
      outcome.contributions.push_back({indicator.code, 0, "", false,
                                       "not counted: " + c.when + ", beyond the " +
                                           std::to_string(tool.look_back.past_days) +
                                           "-day look-back"});
      continue;
    }
    present.insert(indicator.code);
    Contribution contribution{indicator.code, 0, "", true, ""};
    std::string recency = RecencyText(tool, *c.recency);
    if (tool.scheme == Scheme::kPoints) {
      contribution.points = PointsFor(indicator.points, *c.recency);
      outcome.score += contribution.points;
      contribution.why = PointsText(contribution.points) + ": " + recency;
      if (answer.last_seen) contribution.why += ", " + c.when;
    } else if (tool.scheme == Scheme::kRag) {
      const std::string& level =
          answer.amended_level.empty() ? indicator.suggested : answer.amended_level;
      contribution.level = level;
      rag_index = std::max(rag_index, tool.LevelIndex(level));
      contribution.why = level == indicator.suggested
                             ? "suggested level: " + LabelOf(tool, level)
                             : "amended from " + LabelOf(tool, indicator.suggested) + " to " +
                                   LabelOf(tool, level) + ": " + Trim(answer.amended_reason);
    } else {
      contribution.why = "present: " + recency;
    }
    outcome.contributions.push_back(std::move(contribution));
    counted.push_back(std::move(c));
  }
  bool any_present = !present.empty();

  // Points floors first: they feed the bands.
  for (const Floor& floor : tool.floors) {
    if (floor.add_points == 0 || !FloorApplies(floor, child)) continue;
    if (floor.only_with_indicators && !any_present) continue;
    outcome.score += floor.add_points;
    outcome.contributions.push_back({"floor", floor.add_points, "", true,
                                     PointsText(floor.add_points) + ": " + floor.description});
  }

  int base = 0;
  if (tool.scheme == Scheme::kPoints) {
    for (const Band& band : tool.bands) {
      if (outcome.score >= band.from) base = std::max(0, tool.LevelIndex(band.level));
    }
    outcome.contributions.push_back(
        {"band", 0, tool.levels[base].code, true,
         "total " + std::to_string(outcome.score) + " → " + tool.levels[base].label});
  } else if (tool.scheme == Scheme::kRag) {
    base = rag_index;
    outcome.contributions.push_back({"band", 0, tool.levels[base].code, true,
                                     any_present
                                         ? "highest indicator level: " + tool.levels[base].label
                                         : "no indicators present: " + tool.levels[base].label});
  }
  LevelTracker level(tool, base);

  for (const Counted& c : counted) {
    const ToolIndicator& indicator = *c.indicator;
    if (!indicator.at_least.empty() && level.AtLeast(indicator.at_least)) {
      outcome.contributions.push_back(
          {indicator.code, 0, indicator.at_least, true,
           "at least " + LabelOf(tool, indicator.at_least) + " when present"});
    }
    if (indicator.immediate_action && !outcome.immediate_action) {
      outcome.immediate_action = true;
      std::string why = "immediate action: " + indicator.code + " is present";
      if (!tool.immediate.at_least.empty()) {
        level.AtLeast(tool.immediate.at_least);
        why += " → at least " + LabelOf(tool, tool.immediate.at_least);
      }
      outcome.contributions.push_back({"immediate", 0, tool.immediate.at_least, true, why});
    }
  }
  for (const Rule& rule : tool.rules) {
    int hits = static_cast<int>(std::ranges::count_if(
        rule.any_of, [&](const std::string& code) { return present.contains(code); }));
    if (hits < rule.count) continue;
    bool changed = level.AtLeast(rule.at_least);
    outcome.contributions.push_back({"rule", 0, rule.at_least, changed,
                                     rule.description + " (" + std::to_string(hits) +
                                         " present) → at least " + LabelOf(tool, rule.at_least)});
  }
  for (const Floor& floor : tool.floors) {
    if (floor.add_points != 0 || !FloorApplies(floor, child)) continue;
    if (floor.only_with_indicators && !any_present) continue;
    bool changed = floor.raise > 0 ? level.Raise(floor.raise) : level.AtLeast(floor.at_least);
    std::string effect = floor.raise > 0 ? "raised " + std::to_string(floor.raise) +
                                               (floor.raise == 1 ? " level" : " levels")
                                         : "at least " + LabelOf(tool, floor.at_least);
    outcome.contributions.push_back({"floor", 0, tool.levels[level.Index()].code, changed,
                                     "floor: " + floor.description + " → " + effect});
  }

  const Level& final_level = tool.levels[level.Index()];
  outcome.level = final_level.code;
  outcome.actions = ActionsAt(tool, final_level, outcome.immediate_action, now, calendar);
  outcome.next_review = Date{sys_days{today} + std::chrono::days{final_level.review_days}};
  return outcome;
}

bool JudgedBelow(const ToolDefinition& tool, const Outcome& outcome,
                 std::string_view judged_level) {
  int judged = tool.LevelIndex(judged_level);
  return judged >= 0 && judged < tool.LevelIndex(outcome.level);
}

Plan PlanFor(const ToolDefinition& tool, const Outcome& outcome, std::string_view judged_level,
             Instant now, const WorkingCalendar& calendar) {
  int index = std::max(tool.LevelIndex(outcome.level), tool.LevelIndex(judged_level));
  if (index < 0) index = 0;
  const Level& level = tool.levels[static_cast<std::size_t>(index)];
  Plan plan;
  plan.level = level.code;
  plan.actions = ActionsAt(tool, level, outcome.immediate_action, now, calendar);
  plan.next_review = Date{sys_days{LondonToday(now)} + std::chrono::days{level.review_days}};
  return plan;
}

Result<void> ValidateDraftJudgement(const ToolDefinition& tool, std::string_view judged_level,
                                    std::string_view rationale) {
  std::map<std::string, std::string> fields;
  if (!judged_level.empty() && tool.FindLevel(judged_level) == nullptr) {
    fields["judged_level"] = "Choose one of the tool's levels.";
  }
  if (!Trim(rationale).empty()) {
    auto text = CheckedFreeText(rationale, "", "The rationale", kMaxRationale);
    if (!text) fields["rationale"] = text.error();
  }
  if (!fields.empty()) return Invalid(std::move(fields));
  return {};
}

Result<Judgement> ValidateJudgement(const ToolDefinition& tool, const Outcome& outcome,
                                    std::string_view judged_level, std::string_view rationale) {
  Judgement judgement{std::string(judged_level), Trim(rationale), false};
  if (judged_level.empty()) return Invalid({{"judged_level", "Choose your judged level."}});
  if (auto draft = ValidateDraftJudgement(tool, judged_level, rationale); !draft) {
    return std::unexpected(draft.error());
  }
  judgement.differs = judgement.level != outcome.level;
  if (judgement.differs && judgement.rationale.empty()) {
    return Invalid({{"rationale",
                     "Explain why your judged level differs from the computed level "
                     "of " +
                         LabelOf(tool, outcome.level) + "."}});
  }
  return judgement;
}

}  // namespace harbour::assessments
