#pragma once
// What the problem profile counts (issue 12; DOMAIN.md §9), as storage reads it for one period:
// codes, flags and times only. No name, date of birth, address or free text is ever a fact, so
// nothing built from these can publish one. A child's id is kept for the coordinator's
// drill-down and for pseudonyms; it is never published.
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/time.h"

namespace harbour::profile {

// Text that facts view, kept where it never moves: a deque does not move what it holds when it
// grows, so every view Keep gives stays valid for as long as the FactText lives. Not
// thread-safe.
class FactText {
 public:
  std::string_view Keep(std::string_view text) { return texts_.emplace_back(text); }

 private:
  std::deque<std::string> texts_;
};

// One child identified in the period: a concern observed, a risk assessment submitted or a
// referral made about them between the period's first and last day.
//
// Its text is views, not strings (issue 12's speed: a year has 94,000 children at 100,000, and
// copying each one's ids and codes into strings of its own was most of a profile's time). They
// point into the FactText of the AreaFacts the child belongs to, or into text that AreaFacts
// keeps alive (AreaFacts::borrowed_text); a ChildFacts made on its own must view text that
// outlives it, such as string literals.
struct ChildFacts {
  std::string_view child_id;
  std::optional<int> age;       // whole years on the period's last day, when a date or age is known
  std::string_view sex;         // children::Sex code; "not_known" counts as not recorded
  std::string_view ethnicity;   // ONS 2021 code; "not_known" or "" counts as not recorded
  std::string_view disability;  // children::Disability code
  std::string_view legal_status;       // children::LegalStatus code
  std::string_view placing_authority;  // the authority that placed the child here, "" when none
  std::string_view school;             // the school or setting named on the record, "" when none
  std::string_view tool_level;      // level of the latest submitted assessment by the period's end
  std::string_view judged_level;    // the practitioner's judged level on that assessment
  std::string_view tool_agency;     // the agency whose practitioner submitted that assessment
  std::optional<Date> next_review;  // that assessment's review date, when it has one
  std::string_view panel_category;  // "1", "2" or "3" from the latest panel decision
  std::vector<std::string_view> models;      // exploitation models of that decision
  std::vector<std::string_view> elements;    // online, gang, drug markets
  std::vector<std::string_view> categories;  // categories of the concerns in the period, distinct
  std::vector<std::string_view> agencies;    // agencies that recorded anything in the period
  std::string_view first_agency;             // the agency whose record came first in the period
  std::vector<std::string_view> wards;       // wards of the places linked to the child, distinct
};

// One missing episode that started in the period.
struct EpisodeFacts {
  std::string child_id;
  std::optional<Instant> returned_at;
  std::optional<Instant> offered_at;  // first offer of a return interview
  std::optional<Instant> held_at;     // the interview held, when one was
  std::string interview_status;       // missing::InterviewStatus code of the conclusion, or ""
};

// One referral submitted in the period.
struct ReferralFacts {
  std::string child_id;
  std::string agency_id;  // the referrer's agency
  Instant submitted_at{};
  Instant screening_due{};
  // The screening decision: the first move to "accepted" or "not_accepted" (a referral
  // withdrawn before one has no decision).
  std::optional<Instant> decided_at;
  std::string decision;  // "accepted", "not_accepted", "withdrawn", or "" while undecided
  // The child's referral before this one, if any (storage looks back as far as a year before
  // the period starts, which is as far as the repeat-referral rule looks).
  std::optional<Instant> previous_referral_at;
};

// One panel decision (an agenda item with its category recorded) made in the period.
struct PanelDecisionFacts {
  std::string child_id;
  std::string category;  // "1", "2", "3", or "" when the panel recorded none
  std::vector<std::string> models, elements;
};

// One disruption measure dated in the period.
struct DisruptionFacts {
  std::string measure;    // disruption::Measure code
  std::string agency_id;  // the agency that took it
};

// One person of concern linked to a child identified in the period.
struct PersonFacts {
  std::vector<std::string> child_ids;  // the children identified in the period it is linked to
  std::optional<int> age;  // on the period's last day: from the date of birth or age range
  std::string sex;         // "not_known" counts as not recorded
  std::string ethnicity;
  bool in_group = false;  // linked to another person of concern (associate, co-offender)
};

// One panel action (a task the panel set) due before the period's end.
struct ActionFacts {
  std::string child_id;
  Instant due_at{};
  std::optional<Instant> completed_at;
};

struct AreaFacts {
  std::vector<ChildFacts> children;
  std::vector<EpisodeFacts> episodes;
  std::vector<ReferralFacts> referrals;
  std::vector<PanelDecisionFacts> decisions;
  std::vector<DisruptionFacts> disruptions;
  std::vector<PersonFacts> people;
  std::vector<ActionFacts> actions;
  Date last_day{};  // the period's last day: reviews and actions are judged as they stood then
  // What the children's views point into: text the reads kept, shared by every copy of these
  // facts, and text borrowed from where the children came from (the in-memory index's
  // interned codes), kept alive with them.
  std::shared_ptr<FactText> text = std::make_shared<FactText>();
  std::shared_ptr<const void> borrowed_text;
};

// What an analyst or coordinator narrows the profile to; empty fields do not filter.
struct Filters {
  std::string ward;      // ONS ward code: children linked to a place in it
  std::string agency;    // agency id: children it recorded anything about in the period
  std::string category;  // concerns::Category code: children with such a concern in the period

  // Whether any filter narrows the profile.
  bool Any() const { return !ward.empty() || !agency.empty() || !category.empty(); }
};

// Children identified, referrals made and missing episodes started in one month of the trend.
struct MonthCount {
  std::string month;  // "2026-09"
  long children = 0;
  long referrals = 0;
  long episodes = 0;
};

}  // namespace harbour::profile
