#pragma once
// The problem profile's children in memory (issue 12's speed: a one-year profile at 100,000
// children and 1,000,000 concerns in at most 300 ms). It holds, for each child, the record's
// codes and every concern, submitted assessment and referral as a time, an agency and a
// category, so that a period's children are found and their facts built without reading the
// case tables. Pure: storage/profile_store.h fills it and keeps it up to date. Not thread-safe;
// the store guards it.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/time.h"
#include "profile/facts.h"
#include "profile/period.h"

namespace harbour::profile {

// A child's age in whole years on `on`: from the date of birth when known, else the estimated
// age recorded at `created` plus the years since.
std::optional<int> AgeOn(const std::optional<Date>& date_of_birth,
                         const std::optional<int>& estimated_age, Instant created, Date on);

// The first instant of `period` (its first day at 00:00 London time) and the first after it.
struct PeriodInstants {
  Instant from{}, to{};
};
PeriodInstants InstantsOf(const Period& period);

// What identifies a child in a period (facts.h ChildFacts).
enum class EventKind : std::uint8_t { kConcern, kAssessment, kReferral };

struct IndexedEvent {
  Instant at{};
  EventKind kind = EventKind::kConcern;
  std::string agency;    // the recording, assessing or referring agency
  std::string category;  // a concern's category; "" for assessments and referrals
};

// A submitted assessment.
struct IndexedAssessment {
  Instant submitted_at{};
  std::string tool_level, judged_level, agency;
  std::optional<Date> next_review;
};

// One child as the profile reads it: the record's codes, its events and its assessments.
struct IndexedChild {
  std::string id;
  std::optional<Date> date_of_birth;
  std::optional<int> estimated_age;
  Instant created_at{};
  std::string sex, ethnicity, disability, legal_status, placing_authority, school;
  std::vector<IndexedEvent> events;  // any order
  std::vector<IndexedAssessment> assessments;
};

class ChildIndex {
 public:
  // Adds `child`, or replaces what was held of it.
  void Put(const IndexedChild& child);
  // Forgets the child (a child deleted); nothing when it was not held.
  void Remove(const std::string& id);
  void Clear();
  std::size_t Size() const { return children_.size(); }

  // The children identified in `period` (a concern observed, an assessment submitted or a
  // referral made in it), in id order, with what ProfileRepository::Facts reads of the record,
  // the period's events and the latest assessment submitted by the period's end. Panel, ward and
  // person facts are left for storage to add.
  std::vector<ChildFacts> Identified(const Period& period) const;
  // Children identified and referrals made in each of `periods`.
  struct PeriodCounts {
    long children = 0;
    long referrals = 0;
  };
  std::vector<PeriodCounts> Counts(const std::vector<Period>& periods) const;

 private:
  using Code = std::uint32_t;  // an interned agency, category or level
  struct Event {
    std::int64_t at;  // seconds since the epoch
    Code agency, category;
    EventKind kind;
  };
  struct Assessment {
    std::int64_t at;
    Code tool_level, judged_level, agency;
    std::optional<Date> next_review;
  };
  struct Child {
    std::optional<Date> date_of_birth;
    std::optional<int> estimated_age;
    Instant created_at{};
    std::string sex, ethnicity, disability, legal_status, placing_authority, school;
    std::vector<Event> events;            // earliest first
    std::vector<Assessment> assessments;  // earliest first
  };

  Code Intern(const std::string& text);
  ChildFacts FactsOf(const std::string& id, const Child& child, const Period& period,
                     std::vector<Event>::const_iterator first,
                     std::vector<Event>::const_iterator end, std::int64_t to) const;

  std::map<std::string, Child> children_;  // by id: facts come out in id order
  std::vector<std::string> texts_;         // by Code; 0 is ""
  std::unordered_map<std::string, Code> codes_;
};

}  // namespace harbour::profile
