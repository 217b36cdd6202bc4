#pragma once
// The problem profile's children in memory (issue 12's speed: a one-year profile at 100,000
// children and 1,000,000 concerns in at most 300 ms). It holds, for each child, the record's
// codes and every concern, submitted assessment and referral as a time, an agency and a
// category, so that a period's children are found and their facts built without reading the
// case tables. Pure: storage/profile_store.h fills it and keeps it up to date. Its const methods
// may run on several threads at once while no other method runs (the store's shared and unique
// locks).
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
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
  // Forgets the child (a child deleted); nothing when it was not held. Text() keeps its id.
  void Remove(const std::string& id);
  // Forgets every child (before a full reload); Text() keeps what it holds.
  void Clear();
  std::size_t Size() const { return children_.size(); }

  // The children identified in `period` (a concern observed, an assessment submitted or a
  // referral made in it), in id order, with what ProfileRepository::Facts reads of the record,
  // the period's events and the latest assessment submitted by the period's end. Panel, ward and
  // person facts are left for storage to add. The facts view the index's text: keep Text() with
  // them (AreaFacts::borrowed_text).
  std::vector<ChildFacts> Identified(const Period& period) const;
  // What Identified's facts view, shared: it lives as long as the index or any facts that keep
  // it, and what it holds never changes or moves (the index only adds to it; a child removed
  // leaves its id there).
  std::shared_ptr<const void> Text() const { return texts_; }
  // Children identified and referrals made in each of `periods`. A calendar month's are kept as
  // children are added, replaced and removed (the trend asks for 24 months on every profile);
  // other periods are counted from the children.
  struct PeriodCounts {
    long children = 0;
    long referrals = 0;
  };
  std::vector<PeriodCounts> Counts(const std::vector<Period>& periods) const;

 private:
  using Code = std::uint32_t;  // an interned id, code or name; 0 is ""
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
    Code sex, ethnicity, disability, legal_status, placing_authority, school;
    std::vector<Event> events;            // earliest first
    std::vector<Assessment> assessments;  // earliest first
  };

  using Entry = std::pair<const std::string_view, Child>;

  Code Intern(std::string_view text);
  // Adds the child's part of each month's counts (`sign` 1), or takes it away (-1).
  void CountMonths(const Child& child, int sign);
  // Counts `periods` from the children, into `out` at the same places.
  void CountFromChildren(const std::vector<Period>& periods, const std::vector<std::size_t>& places,
                         std::vector<PeriodCounts>& out) const;
  std::string_view TextOf(Code code) const { return views_[code]; }
  // The children in id order, as a vector: walking the map's tree node by node was a tenth of a
  // profile's time at 100,000 children.
  const std::vector<const Entry*>& InOrder() const;
  ChildFacts FactsOf(std::string_view id, const Child& child, const Period& period,
                     std::vector<Event>::const_iterator first,
                     std::vector<Event>::const_iterator end, std::int64_t to) const;

  // By id, viewing the interned id: facts come out in id order.
  std::map<std::string_view, Child> children_;
  // By Code. A deque, so that what it holds never moves and views of it stay valid.
  std::shared_ptr<std::deque<std::string>> texts_ = std::make_shared<std::deque<std::string>>(1);
  std::vector<std::string_view> views_{std::string_view()};  // of texts_, by Code
  std::unordered_map<std::string_view, Code> codes_{{std::string_view(), 0}};
  // Counts of each calendar month, by its number (year * 12 + month - 1), in London time.
  std::unordered_map<int, PeriodCounts> months_;
  // children_ in order, made again by the first reader after a child is added or removed (no
  // writer runs then; the mutex keeps two readers from making it at once).
  mutable std::mutex order_mu_;
  mutable std::vector<const Entry*> order_;
  mutable bool order_stale_ = true;
};

}  // namespace harbour::profile
