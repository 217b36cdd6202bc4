#include "missing/episode.h"

#include <algorithm>
#include <map>
#include <utility>

#include "common/text.h"

namespace harbour::missing {

namespace {

using Errors = std::map<std::string, std::string>;

constexpr auto kClockSkew = std::chrono::minutes{5};

// Optional single-line text and free text (line breaks allowed): common/text.h's OptionalText.
std::string ShortText(std::string_view raw, std::string_view field, std::string_view label,
                      std::size_t max, Errors& errors) {
  return OptionalText(raw, std::string(field), label, max, /*multi_line=*/false, errors);
}

std::string LongText(std::string_view raw, std::string_view field, std::string_view label,
                     Errors& errors) {
  return OptionalText(raw, std::string(field), label, kMaxLongText, /*multi_line=*/true, errors);
}

// Required free text: `missing` when blank.
std::string RequiredText(std::string_view raw, std::string_view field, std::string_view missing,
                         std::string_view label, Errors& errors) {
  auto checked = CheckedFreeText(raw, missing, label, kMaxLongText);
  if (!checked) {
    errors[std::string(field)] = checked.error();
    return Trim(raw);
  }
  return *checked;
}

// An RFC 3339 instant, not in the future. nullopt when blank (reported as `missing` if given)
// or bad.
std::optional<Instant> CheckedInstant(std::string_view raw, std::string_view field,
                                      std::string_view missing, std::string_view past_message,
                                      Instant now, Errors& errors) {
  std::string text = Trim(raw);
  if (text.empty()) {
    if (!missing.empty()) errors[std::string(field)] = std::string(missing);
    return std::nullopt;
  }
  auto at = ParseRfc3339(text);
  if (!at) {
    errors[std::string(field)] = "Enter a real date and time";
    return std::nullopt;
  }
  if (*at > now + kClockSkew) {
    errors[std::string(field)] = std::string(past_message);
    return std::nullopt;
  }
  return *at;
}

std::string AfterStartMessage(Instant started) {
  return "The return must be after the child went missing (went missing " +
         FormatLondonDateTime(started) + ")";
}

std::string Hours(long long n) { return std::to_string(n) + (n == 1 ? " hour" : " hours"); }

}  // namespace

// --- clocks and the repeat rule ------------------------------------------------------------

Instant ReturnInterviewDue(Instant returned_at) { return returned_at + kReturnInterviewWithin; }

int EpisodesInWindow(std::vector<Instant> starts, const RepeatRule& rule) {
  if (starts.empty()) return 0;
  std::ranges::sort(starts);
  const Instant newest = starts.back();
  const Instant earliest = newest - std::chrono::days{rule.window_days};
  return static_cast<int>(std::ranges::count_if(starts, [&](Instant s) { return s >= earliest; }));
}

bool MeetsRepeatRule(std::vector<Instant> starts, const RepeatRule& rule) {
  if (rule.threshold <= 0) return true;
  if (static_cast<int>(starts.size()) < rule.threshold) return false;
  return EpisodesInWindow(std::move(starts), rule) >= rule.threshold;
}

std::string StrategyTaskTitle(int episodes, int window_days) {
  return "Consider a strategy discussion: " + std::to_string(episodes) + " missing episodes in " +
         std::to_string(window_days) + " days";
}

std::optional<tasks::Task> StrategyTaskFor(std::vector<Instant> starts, bool open_task,
                                           const RepeatRule& rule, std::string_view child_id,
                                           std::string_view episode_id, Instant now) {
  if (open_task || !MeetsRepeatRule(starts, rule)) return std::nullopt;
  tasks::Task t;
  t.child_id = std::string(child_id);
  t.source_type = "missing";
  t.source_id = std::string(episode_id);
  t.title = StrategyTaskTitle(EpisodesInWindow(std::move(starts), rule), rule.window_days);
  t.who = std::string(access::ToCode(access::Role::kCoordinator));
  t.assigned_role = t.who;
  t.due_at = now + kStrategyDiscussionWithin;
  t.created_at = now;
  return t;
}

// --- codes ------------------------------------------------------------------------------------

bool Concludes(InterviewStatus status) { return status != InterviewStatus::kOffered; }

const std::vector<Finding>& AllFindings() {
  static const std::vector<Finding> all = [] {
    const auto values = kFindingCodes.Values();
    return std::vector<Finding>(values.begin(), values.end());
  }();
  return all;
}

// --- episodes -----------------------------------------------------------------------------

Result<MissingEpisode> ValidateEpisode(const EpisodeInput& input, Instant now) {
  Errors errors;
  MissingEpisode e;
  if (auto kind = KindFromCode(Trim(input.kind))) {
    e.kind = *kind;
  } else {
    errors["kind"] = "Select whether the child was missing or away without authorisation";
  }
  auto started = CheckedInstant(input.started_at, "started_at",
                                "Enter the date and time the child went missing",
                                "The time the child went missing must be in the past", now, errors);
  if (started) e.started_at = *started;
  auto returned = CheckedInstant(input.returned_at, "returned_at", "",
                                 "The time the child returned must be in the past", now, errors);
  if (returned && started && *returned <= *started) {
    errors["returned_at"] = AfterStartMessage(*started);
  } else if (returned) {
    e.returned_at = *returned;
  }
  e.reported_by = Trim(input.reported_by);
  if (e.reported_by.empty()) {
    errors["reported_by"] = "Enter who reported the child missing";
  } else {
    e.reported_by =
        ShortText(input.reported_by, "reported_by", "Who reported it", kMaxShortText, errors);
  }
  e.police_reference = ShortText(input.police_reference, "police_reference", "The police reference",
                                 kMaxShortText, errors);
  if (std::string grade = Trim(input.risk_grade); !grade.empty()) {
    if (auto g = RiskGradeFromCode(grade)) {
      e.risk_grade = *g;
    } else {
      errors["risk_grade"] = "Select the police risk grade: no apparent risk, low, medium or high";
    }
  }
  e.where_found = LongText(input.where_found, "where_found", "Where the child was found", errors);
  e.found_with = LongText(input.found_with, "found_with", "Who the child was with", errors);
  if (!e.returned_at && errors.find("returned_at") == errors.end()) {
    if (!e.where_found.empty()) {
      errors["where_found"] = "Enter when the child returned, or leave where they were found blank";
    }
    if (!e.found_with.empty()) {
      errors["found_with"] = "Enter when the child returned, or leave who they were with blank";
    }
  }
  e.carer_name =
      ShortText(input.carer_name, "carer_name", "The carer's name", kMaxShortText, errors);
  if (!errors.empty()) return Invalid(std::move(errors));
  return e;
}

Result<ReturnRecord> ValidateReturn(const MissingEpisode& episode, const ReturnInput& input,
                                    Instant now) {
  if (episode.returned_at) {
    return Conflict("already_returned", "The child's return was already recorded (returned " +
                                            FormatLondonDateTime(*episode.returned_at) + ").");
  }
  Errors errors;
  ReturnRecord r;
  auto returned =
      CheckedInstant(input.returned_at, "returned_at", "Enter the date and time the child returned",
                     "The time the child returned must be in the past", now, errors);
  if (returned && *returned <= episode.started_at) {
    errors["returned_at"] = AfterStartMessage(episode.started_at);
  } else if (returned) {
    r.returned_at = *returned;
  }
  r.where_found = LongText(input.where_found, "where_found", "Where the child was found", errors);
  r.found_with = LongText(input.found_with, "found_with", "Who the child was with", errors);
  if (!errors.empty()) return Invalid(std::move(errors));
  return r;
}

// --- return interviews --------------------------------------------------------------------

bool SamePerson(std::string_view name, std::string_view other) {
  std::string a = NameKey(Trim(name)), b = NameKey(Trim(other));
  return !a.empty() && a == b;
}

Result<ValidInterview> ValidateInterview(const InterviewInput& input,
                                         const InterviewContext& context,
                                         const reference::Catalogue& catalogue, Instant now) {
  if (context.episode == nullptr || !context.episode->returned_at) {
    return Conflict("not_returned",
                    "Record the child's return before the return interview: the 72-hour clock "
                    "starts when they come back.");
  }
  if (context.concluded) {
    return Conflict("interview_concluded",
                    "The return interview's outcome is already recorded for this episode.");
  }
  const MissingEpisode& episode = *context.episode;
  const Instant returned = *episode.returned_at;
  Errors errors;
  ValidInterview out;
  ReturnInterview& r = out.interview;
  r.episode_id = episode.id;

  auto status = InterviewStatusFromCode(Trim(input.status));
  if (status) {
    r.status = *status;
  } else {
    errors["status"] = "Select what happened: offered, completed, refused or not done";
  }
  const bool completed = status == InterviewStatus::kCompleted;
  const bool offered = status == InterviewStatus::kOffered;
  const bool refused = status == InterviewStatus::kRefused;
  const bool not_done = status == InterviewStatus::kNotDone;

  auto after_return = [&](std::optional<Instant> at, std::string_view field,
                          std::string_view what) -> std::optional<Instant> {
    if (at && *at < returned) {
      errors[std::string(field)] = std::string(what) +
                                   " must be after the child returned (returned " +
                                   FormatLondonDateTime(returned) + ")";
      return std::nullopt;
    }
    return at;
  };
  r.offered_at = after_return(
      CheckedInstant(input.offered_at, "offered_at",
                     offered || refused ? "Enter when the interview was offered" : "",
                     "The time the interview was offered must be in the past", now, errors),
      "offered_at", "The offer");
  r.held_at = after_return(
      CheckedInstant(input.held_at, "held_at", completed ? "Enter when the interview was held" : "",
                     "The time the interview was held must be in the past", now, errors),
      "held_at", "The interview");
  if (r.held_at && !completed && status) {
    errors["held_at"] = "Enter when the interview was held only for a completed interview";
  }

  r.place = ShortText(input.place, "place", "The place", kMaxShortText, errors);
  if (completed && r.place.empty() && !errors.contains("place")) {
    errors["place"] = "Enter where the interview was held";
  }
  r.interviewer_name = ShortText(input.interviewer_name, "interviewer_name",
                                 "The interviewer's name", kMaxShortText, errors);
  if (completed && r.interviewer_name.empty() && !errors.contains("interviewer_name")) {
    errors["interviewer_name"] = "Enter the name of the person who held the interview";
  }
  if (!r.interviewer_name.empty() && !errors.contains("interviewer_name")) {
    if (SamePerson(r.interviewer_name, context.allocated_worker)) {
      errors["interviewer_name"] =
          "The interviewer must be independent of the child's care: " + r.interviewer_name +
          " is the child's allocated worker. Ask someone independent to hold the interview";
    } else if (SamePerson(r.interviewer_name, episode.carer_name)) {
      errors["interviewer_name"] =
          "The interviewer must be independent of the child's care: " + r.interviewer_name +
          " is the child's carer. Ask someone independent to hold the interview";
    }
  }
  std::string agency = Trim(input.interviewer_agency);
  if (!agency.empty()) {
    if (std::ranges::find(context.known_agencies, agency) == context.known_agencies.end()) {
      errors["interviewer_agency"] = "Select the interviewer's agency from the list";
    } else {
      out.interviewer_agency_code = agency;
    }
  } else if (completed) {
    errors["interviewer_agency"] = "Select the interviewer's agency";
  }

  if (refused) {
    r.reason = RequiredText(input.reason, "reason", "Give the reason the child gave for refusing",
                            "The reason", errors);
  } else if (not_done) {
    r.reason = RequiredText(input.reason, "reason", "Give the reason the interview was not done",
                            "The reason", errors);
    r.decision_by = Trim(input.decision_by);
    if (r.decision_by.empty()) {
      errors["decision_by"] = "Enter who decided not to hold the interview";
    } else {
      r.decision_by =
          ShortText(input.decision_by, "decision_by", "Who decided", kMaxShortText, errors);
    }
  } else {
    r.reason = LongText(input.reason, "reason", "The reason", errors);
  }

  for (std::size_t i = 0; i < kFindingCount; ++i) {
    const std::string raw = i < input.findings.size() ? input.findings[i] : "";
    const std::string field = "findings." + std::string(kFindingCodes[i].code);
    r.findings[i] = LongText(raw, field, kFindingCodes[i].label, errors);
    if (!r.findings[i].empty() && status && !completed) {
      errors[field] = "Record findings only for a completed interview";
    }
  }

  for (std::size_t k = 0; k < input.concerns.size(); ++k) {
    const ConcernRequest& c = input.concerns[k];
    const std::string prefix = "concerns[" + std::to_string(k) + "].";
    auto finding = FindingFromCode(Trim(c.finding));
    if (!finding) {
      errors[prefix + "finding"] = "Select the finding that raises the concern";
      continue;
    }
    if (status && !completed) {
      errors[prefix + "finding"] = "Raise a concern from the findings of a completed interview";
      continue;
    }
    const std::string& text = r.findings[static_cast<std::size_t>(*finding)];
    if (text.empty()) {
      errors[prefix + "finding"] = "Write the finding '" + std::string(Label(*finding)) +
                                   "' before raising a concern from it";
      continue;
    }
    concerns::ConcernInput concern_input;
    concern_input.observed_at = FormatRfc3339(r.held_at.value_or(now));
    concern_input.category = c.category;
    concern_input.indicators = c.indicators;
    concern_input.narrative =
        "From the return interview (" + std::string(Label(*finding)) + "): " + text;
    concern_input.first_hand = "yes";
    auto concern = concerns::ValidateConcern(concern_input, catalogue, now);
    if (!concern) {
      for (const auto& [field, message] : concern.error().fields) {
        if (field == "category" || field == "indicators") errors[prefix + field] = message;
      }
      if (!concern.error().fields.contains("category") &&
          !concern.error().fields.contains("indicators")) {
        errors[prefix + "finding"] = "The finding is too long to raise as a concern";
      }
      continue;
    }
    out.concerns.push_back(std::move(*concern));
  }
  if (!errors.empty()) return Invalid(std::move(errors));
  return out;
}

// --- display ------------------------------------------------------------------------------

InterviewClock ClockOf(const MissingEpisode& episode, const ReturnInterview* conclusion,
                       Instant now) {
  InterviewClock clock;
  if (!episode.returned_at) {
    clock.state = ClockState::kStillMissing;
    clock.text = "Still missing: the clock starts at the return";
    return clock;
  }
  const Instant due = ReturnInterviewDue(*episode.returned_at);
  clock.due = due;
  if (conclusion != nullptr && Concludes(conclusion->status)) {
    switch (conclusion->status) {
      case InterviewStatus::kCompleted: {
        Instant held = conclusion->held_at.value_or(conclusion->recorded_at);
        if (held <= due) {
          clock.state = ClockState::kCompletedInTime;
          clock.text = "Completed in time";
        } else {
          auto late =
              std::chrono::duration_cast<std::chrono::hours>(held - due + std::chrono::minutes{59});
          clock.state = ClockState::kCompletedLate;
          clock.text = "Completed late (" + Hours(late.count()) + " after the deadline)";
        }
        return clock;
      }
      case InterviewStatus::kRefused:
        clock.state = ClockState::kRefused;
        clock.text = "Refused by the child";
        return clock;
      case InterviewStatus::kNotDone:
        clock.state = ClockState::kNotDone;
        clock.text = "Not done: decision recorded";
        return clock;
      case InterviewStatus::kOffered:
        break;
    }
  }
  if (now <= due) {
    auto left = std::chrono::duration_cast<std::chrono::minutes>(due - now).count();
    clock.state = ClockState::kDue;
    clock.text = left < 60 ? "Due in less than an hour" : "Due in " + Hours(left / 60);
  } else {
    auto over = std::chrono::duration_cast<std::chrono::minutes>(now - due).count();
    clock.state = ClockState::kOverdue;
    clock.text = over < 60 ? "Overdue" : "Overdue by " + Hours(over / 60);
  }
  return clock;
}

std::string Headline(const MissingEpisode& episode) {
  std::string out =
      std::string(Label(episode.kind)) + " from " + FormatLondonDateTime(episode.started_at);
  out += episode.returned_at ? " to " + FormatLondonDateTime(*episode.returned_at)
                             : " (not yet returned)";
  if (episode.risk_grade) out += "; police risk: " + std::string(Label(*episode.risk_grade));
  return out;
}

std::string Headline(const ReturnInterview& interview) {
  std::string out = "Return interview: " + std::string(Label(interview.status));
  if (!interview.interviewer_name.empty()) out += " (" + interview.interviewer_name + ")";
  return out;
}

std::string FindingsText(const ReturnInterview& interview) {
  std::string out;
  for (std::size_t i = 0; i < kFindingCount && i < interview.findings.size(); ++i) {
    if (interview.findings[i].empty()) continue;
    if (!out.empty()) out += "\n";
    out += std::string(kFindingCodes[i].label) + ": " + interview.findings[i];
  }
  if (!interview.reason.empty()) {
    if (!out.empty()) out += "\n";
    out += "Reason: " + interview.reason;
  }
  if (!interview.decision_by.empty()) out += "\nDecided by: " + interview.decision_by;
  return out;
}

chronology::Entry ChronologyEntry(const MissingEpisode& episode, chronology::Attribution by) {
  chronology::Entry e;
  e.type = chronology::EntryType::kMissing;
  e.at = episode.started_at;
  e.id = episode.id;
  e.by = std::move(by);
  e.headline = e.summary = Headline(episode);
  e.detail = "Reported by " + episode.reported_by + ".";
  if (!episode.police_reference.empty()) {
    e.detail += " Police reference " + episode.police_reference + ".";
  }
  if (!episode.where_found.empty()) e.detail += "\nFound: " + episode.where_found;
  if (!episode.found_with.empty()) e.detail += "\nWith: " + episode.found_with;
  return e;
}

chronology::Attribution CreditOf(const ReturnInterview& interview) {
  if (interview.interviewer_agency.empty()) {
    return {interview.recorder_name, interview.recorded_by_agency, interview.recorder_agency_name};
  }
  return {interview.recorder_name, interview.interviewer_agency, interview.interviewer_agency_name};
}

chronology::Entry ChronologyEntry(const ReturnInterview& interview, chronology::Attribution by) {
  chronology::Entry e;
  e.type = chronology::EntryType::kReturnInterview;
  e.at = interview.held_at ? *interview.held_at
                           : (interview.offered_at ? *interview.offered_at : interview.recorded_at);
  e.id = interview.id;
  e.by = std::move(by);
  e.headline = e.summary = Headline(interview);
  e.detail = FindingsText(interview);
  std::size_t raised = interview.concern_ids.size();
  if (raised > 0) {
    e.detail += std::string(e.detail.empty() ? "" : "\n") + "Raised " + std::to_string(raised) +
                (raised == 1 ? " concern" : " concerns") + " from its findings.";
  }
  return e;
}

}  // namespace harbour::missing
