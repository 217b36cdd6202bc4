#include "profile/breakdown.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <set>
#include <string_view>
#include <utility>

#include "children/child.h"
#include "concerns/concern.h"
#include "disruption/activity.h"
#include "panel/meeting.h"
#include "profile/age_band.h"

namespace harbour::profile {
namespace {

using std::chrono::hours;

// Rows in a fixed order: each (code, label) gets a row even when nobody is in it.
struct RowSpec {
  std::string code;
  std::string label;
};

template <class Table>
std::vector<RowSpec> SpecsOf(const Table& table) {
  std::vector<RowSpec> specs;
  for (const auto& entry : table) {
    specs.push_back({std::string(entry.code), std::string(entry.label)});
  }
  return specs;
}

std::string LabelFrom(const std::map<std::string, std::string>& names, const std::string& code) {
  auto it = names.find(code);
  return it == names.end() ? code : it->second;
}

bool Has(const std::vector<std::string>& values, std::string_view value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

// A hash of a short text (a code or an id) that reads at most its first and last eight bytes:
// codes differ in their length or at one end, and a collision costs only a comparison.
std::uint64_t QuickHash(std::string_view text) {
  constexpr std::uint64_t kMix = 0x9E3779B97F4A7C15ULL;
  std::uint64_t h = (text.size() + 1) * kMix;
  if (text.size() >= 8) {
    std::uint64_t head = 0;
    std::uint64_t tail = 0;
    std::memcpy(&head, text.data(), 8);
    std::memcpy(&tail, text.data() + text.size() - 8, 8);
    h = ((h ^ head) * kMix ^ tail) * kMix;
  } else {
    for (char ch : text) h = (h ^ std::uint8_t(ch)) * 0x100000001B3ULL;
    h *= kMix;
  }
  return h ^ (h >> 32);
}

// Texts numbered 0, 1, 2, ... and found by QuickHash: one hash and about one comparison a
// lookup, where a linear search of a few tens of texts costs a comparison for each. It holds
// only the numbers: the caller keeps the texts and shows them by `text_of(number)`.
class TextNumbers {
 public:
  static constexpr std::uint32_t kNone = UINT32_MAX;

  // The number of `text`, or kNone.
  template <class TextOf>
  std::uint32_t Find(std::string_view text, TextOf text_of) const {
    if (slots_.empty()) return kNone;
    std::uint64_t hash = QuickHash(text);
    for (std::size_t i = hash & Mask();; i = (i + 1) & Mask()) {
      const Slot& slot = slots_[i];
      if (slot.number == kNone) return kNone;
      if (slot.hash == hash && std::string_view(text_of(slot.number)) == text) return slot.number;
    }
  }
  // Numbers `text`, which Find does not know, as `number`.
  void Insert(std::string_view text, std::uint32_t number) {
    if (2 * (size_ + 1) > slots_.size()) Grow();
    Place(QuickHash(text), number);
    ++size_;
  }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t number = kNone;
  };
  std::size_t Mask() const { return slots_.size() - 1; }
  void Place(std::uint64_t hash, std::uint32_t number) {
    std::size_t i = hash & Mask();
    while (slots_[i].number != kNone) i = (i + 1) & Mask();
    slots_[i] = {.hash = hash, .number = number};
  }
  // Doubles the slots (at least 16), at most half of them in use.
  void Grow() {
    std::vector<Slot> old = std::exchange(slots_, std::vector<Slot>(std::max<std::size_t>(
                                                      16, 2 * slots_.size())));
    for (const Slot& slot : old) {
      if (slot.number != kNone) Place(slot.hash, slot.number);
    }
  }
  std::vector<Slot> slots_;  // a power of two of them
  std::size_t size_ = 0;
};

// The agencies that recorded each counted child first, numbered in id order, so that each
// table's completeness by agency is kept in a vector rather than looked up by id per child.
struct FirstAgencies {
  std::vector<std::string> ids;      // by number, in id order
  std::vector<std::size_t> numbers;  // by the child's position in the facts
};

FirstAgencies NumberFirstAgencies(const std::vector<ChildFacts>& children) {
  std::vector<std::string_view> seen;  // into the facts, in the order first seen
  TextNumbers seen_numbers;
  auto seen_text = [&](std::uint32_t n) { return seen[n]; };
  std::vector<std::uint32_t> first_seen;  // by child: the index into `seen`
  first_seen.reserve(children.size());
  for (const auto& c : children) {
    std::uint32_t n = seen_numbers.Find(c.first_agency, seen_text);
    if (n == TextNumbers::kNone) {
      n = std::uint32_t(seen.size());
      seen.push_back(c.first_agency);
      seen_numbers.Insert(c.first_agency, n);
    }
    first_seen.push_back(n);
  }
  std::vector<std::size_t> order(seen.size());  // numbers in id order
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](auto a, auto b) { return seen[a] < seen[b]; });
  std::vector<std::size_t> number_of(seen.size());
  FirstAgencies agencies;
  for (std::size_t n = 0; n < order.size(); ++n) {
    number_of[order[n]] = n;
    agencies.ids.emplace_back(seen[order[n]]);
  }
  agencies.numbers.reserve(children.size());
  for (auto i : first_seen) agencies.numbers.push_back(number_of[i]);
  return agencies;
}

// A table being counted: rows by code, with "Not recorded" last.
class Counter {
 public:
  // `keep_children`: note who is behind each row (the coordinator's drill-down), else only count.
  Counter(Breakdown header, const std::vector<RowSpec>& specs, bool not_recorded_row = true,
          bool keep_children = false)
      : breakdown_(std::move(header)), keep_children_(keep_children) {
    breakdown_.rows.reserve(specs.size() + 1);
    for (const auto& spec : specs) Add(spec.code, spec.label);
    if (not_recorded_row) Add(std::string(kNotRecorded), std::string(kNotRecordedLabel));
  }
  // Counts one thing in the row `code` (added, labelled by its code, if the specs lacked it), and
  // returns that row's number. With keep_children, a non-empty `child_id` is kept by address:
  // it must outlive Done() (the facts do).
  std::size_t Count(std::string_view code, const std::string& child_id = {}) {
    std::size_t row = RowOf(code);
    ++breakdown_.rows[row].count;
    if (keep_children_ && !child_id.empty()) children_[row].push_back(&child_id);
    return row;
  }
  // Whether the row numbered `row` is the first row coded "not_recorded" (the one Count fills).
  bool IsNotRecorded(std::size_t row) const { return row == not_recorded_; }
  void CountTotal() { ++breakdown_.total; }
  // Notes that agency number `agency` of `agencies` is responsible for one counted record,
  // filled in or not.
  void Complete(const FirstAgencies& agencies, std::size_t agency, bool recorded) {
    if (completeness_.size() < agencies.ids.size()) completeness_.resize(agencies.ids.size());
    auto& entry = completeness_[agency];
    if (entry.counted == 0) entry.agency_id = agencies.ids[agency];
    ++entry.counted;
    if (recorded) ++entry.recorded;
  }
  Breakdown Done() && {
    KeepChildren();
    // Codes seen but not in the specs go before "Not recorded", which stays last.
    auto not_recorded = std::find_if(breakdown_.rows.begin(), breakdown_.rows.end(),
                                     [](const BreakdownRow& r) { return r.code == kNotRecorded; });
    if (not_recorded != breakdown_.rows.end()) {
      std::rotate(not_recorded, not_recorded + 1, breakdown_.rows.end());
    }
    for (auto& entry : completeness_) {  // in agency id order
      if (entry.counted > 0) breakdown_.completeness.push_back(std::move(entry));
    }
    return std::move(breakdown_);
  }

 private:
  // The first row of `code`, or TextNumbers::kNone.
  std::uint32_t Find(std::string_view code) const {
    return index_.Find(code, [this](std::uint32_t row) -> const std::string& {
      return breakdown_.rows[row].code;
    });
  }
  // The row of `code`, added if no row has it.
  std::size_t RowOf(std::string_view code) {
    std::uint32_t row = Find(code);
    return row != TextNumbers::kNone ? row : Add(std::string(code), std::string(code));
  }
  // Adds a row and returns the number of the code's first row (a code in two rows of the specs
  // is counted in the first).
  std::size_t Add(const std::string& code, const std::string& label) {
    std::uint32_t first = Find(code);
    breakdown_.rows.push_back(
        BreakdownRow{.code = code, .label = label, .count = 0, .child_ids = {}});
    children_.emplace_back();
    if (first != TextNumbers::kNone) return first;
    first = std::uint32_t(breakdown_.rows.size() - 1);
    index_.Insert(code, first);
    if (code == kNotRecorded) not_recorded_ = first;
    return first;
  }
  // Copies the ids kept by address into the rows, each reserved to its size.
  void KeepChildren() {
    for (std::size_t row = 0; row < children_.size(); ++row) {
      auto& ids = breakdown_.rows[row].child_ids;
      ids.reserve(ids.size() + children_[row].size());
      for (const std::string* id : children_[row]) ids.push_back(*id);
    }
    children_.clear();
  }
  Breakdown breakdown_;
  bool keep_children_ = false;
  TextNumbers index_;  // each code's first row
  std::size_t not_recorded_ = SIZE_MAX;
  std::vector<std::vector<const std::string*>> children_;  // by row, with keep_children
  std::vector<Completeness> completeness_;                 // by agency number
};

Breakdown Header(std::string id, std::string title, std::string section, std::string counting,
                 bool exclusive = true, std::string note = {}) {
  Breakdown b;
  b.id = std::move(id);
  b.title = std::move(title);
  b.section = std::move(section);
  b.counting = std::move(counting);
  b.exclusive = exclusive;
  b.note = std::move(note);
  return b;
}

std::string_view OrNotRecorded(const std::string& code, std::string_view not_known = "not_known") {
  if (code.empty() || code == not_known) return kNotRecorded;
  return code;
}

// The children a table counts: pointers into the facts, with their first agencies' numbers.
struct Counted {
  const std::vector<ChildFacts>& all;
  const FirstAgencies& agencies;
  std::vector<const ChildFacts*> children;

  std::size_t AgencyOf(const ChildFacts* child) const {
    return agencies.numbers[std::size_t(child - all.data())];
  }
};

// One row per child from `code_of(child)` (a string_view into the child's facts or a constant),
// with each child's first agency's completeness.
template <class CodeOf>
Breakdown ChildBreakdown(const Counted& counted, bool keep, Breakdown header,
                         const std::vector<RowSpec>& specs, CodeOf code_of) {
  Counter counter(std::move(header), specs, true, keep);
  for (const ChildFacts* child : counted.children) {
    std::size_t row = counter.Count(code_of(*child), child->child_id);
    counter.CountTotal();
    counter.Complete(counted.agencies, counted.AgencyOf(child), !counter.IsNotRecorded(row));
  }
  return std::move(counter).Done();
}

// One row per value of `values_of(child)` (a child may be in several), "Not recorded" when none.
template <class ValuesOf>
Breakdown MultiBreakdown(const Counted& counted, bool keep, Breakdown header,
                         const std::vector<RowSpec>& specs, ValuesOf values_of) {
  header.exclusive = false;
  Counter counter(std::move(header), specs, true, keep);
  for (const ChildFacts* child : counted.children) {
    const std::vector<std::string>& values = values_of(*child);
    for (const auto& value : values) counter.Count(value, child->child_id);
    if (values.empty()) counter.Count(kNotRecorded, child->child_id);
    counter.CountTotal();
    counter.Complete(counted.agencies, counted.AgencyOf(child), !values.empty());
  }
  return std::move(counter).Done();
}

// "very_high" as "Very high".
std::string Capitalised(const std::string& code) {
  std::string text = code;
  std::replace(text.begin(), text.end(), '_', ' ');
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = char(text[0] - 'a' + 'A');
  return text;
}

// The levels seen: in the tools' order first, then any other alphabetically.
std::vector<RowSpec> LevelSpecs(const std::vector<ChildFacts>& children, const Labels& labels,
                                bool judged) {
  std::set<std::string> seen;
  std::string_view last;  // neighbours often share a level: a set insert only on a change
  for (const auto& c : children) {
    const std::string& level = judged ? c.judged_level : c.tool_level;
    if (level.empty() || level == last) continue;
    seen.insert(level);
    last = level;
  }
  std::vector<RowSpec> specs;
  for (const auto& level : labels.levels) {
    if (seen.erase(level.code) > 0) specs.push_back({level.code, level.label});
  }
  for (const auto& level : seen) specs.push_back({level, Capitalised(level)});
  return specs;
}

// Whether a child is looked after, from the legal status on the record.
enum class Care : char { kNotRecorded, kLookedAfter, kNotLookedAfter };

Care CareOf(std::string_view legal_status) {
  auto status = children::LegalStatusFromCode(legal_status);
  if (!status) return Care::kNotRecorded;  // "" or a code no longer known
  return children::IsLookedAfter(*status) ? Care::kLookedAfter : Care::kNotLookedAfter;
}

// Each child's Care, by position in the facts: each distinct legal status is read once.
std::vector<Care> CareByChild(const std::vector<ChildFacts>& children) {
  std::vector<std::string_view> statuses;  // into the facts
  std::vector<Care> care_of_status;
  TextNumbers numbers;
  auto status_text = [&](std::uint32_t n) { return statuses[n]; };
  std::vector<Care> care;
  care.reserve(children.size());
  for (const auto& c : children) {
    std::uint32_t n = numbers.Find(c.legal_status, status_text);
    if (n == TextNumbers::kNone) {
      n = std::uint32_t(statuses.size());
      statuses.push_back(c.legal_status);
      care_of_status.push_back(CareOf(c.legal_status));
      numbers.Insert(c.legal_status, n);
    }
    care.push_back(care_of_status[n]);
  }
  return care;
}

std::vector<Breakdown> ChildTables(const std::vector<ChildFacts>& children, const Labels& labels,
                                   bool keep) {
  FirstAgencies agencies = NumberFirstAgencies(children);
  const std::vector<Care> care = CareByChild(children);
  Counted all{.all = children, .agencies = agencies, .children = {}};
  all.children.reserve(children.size());
  for (const auto& c : children) all.children.push_back(&c);
  std::vector<Breakdown> tables;
  tables.push_back(ChildBreakdown(all, keep,
                                  Header("children", "Children identified", "children", "children"),
                                  {{"children", "Children identified"}},
                                  [](const ChildFacts&) { return std::string_view("children"); }));
  // "Children identified" has no field to leave blank.
  tables.back().rows.pop_back();
  tables.back().completeness.clear();
  tables.push_back(ChildBreakdown(
      all, keep,
      Header("risk_tool_level", "Risk level from the risk tool", "risk", "children", true,
             "The level the tool computed on the child's latest submitted assessment."),
      LevelSpecs(children, labels, false),
      [](const ChildFacts& c) { return OrNotRecorded(c.tool_level); }));
  tables.push_back(ChildBreakdown(
      all, keep,
      Header("risk_judged_level", "Risk level judged by the practitioner", "risk", "children", true,
             "The practitioner's professional judgement on the same assessment."),
      LevelSpecs(children, labels, true),
      [](const ChildFacts& c) { return OrNotRecorded(c.judged_level); }));
  tables.push_back(
      ChildBreakdown(all, keep,
                     Header("panel_category", "Panel category", "risk", "children", true,
                            "The category of the panel's latest decision about the child."),
                     SpecsOf(panel::kCategoryCodes),
                     [](const ChildFacts& c) { return OrNotRecorded(c.panel_category); }));
  tables.push_back(ChildBreakdown(
      all, keep, Header("age_band", "Children identified by age band", "children", "children"),
      [] {
        auto specs = SpecsOf(kAgeBandCodes);
        specs.pop_back();  // the table's own "not_recorded" entry; the counter adds it last
        return specs;
      }(),
      [](const ChildFacts& c) { return ToCode(AgeBandOf(c.age)); }));
  tables.push_back(
      ChildBreakdown(all, keep, Header("sex", "Children identified by sex", "children", "children"),
                     {{"female", "Female"}, {"male", "Male"}},
                     [](const ChildFacts& c) { return OrNotRecorded(c.sex); }));
  std::vector<RowSpec> ethnicities;
  for (const auto& code : labels.ethnicity_order) {
    if (code != "not_known") ethnicities.push_back({code, LabelFrom(labels.ethnicity, code)});
  }
  tables.push_back(
      ChildBreakdown(all, keep,
                     Header("ethnicity", "Children identified by ethnicity", "children", "children",
                            true, "The 19 categories of the 2021 census (ONS)."),
                     ethnicities, [](const ChildFacts& c) { return OrNotRecorded(c.ethnicity); }));
  tables.push_back(ChildBreakdown(
      all, keep, Header("disability", "Children identified by disability", "children", "children"),
      {{"yes", "Disabled"}, {"no", "Not disabled"}},
      [](const ChildFacts& c) { return OrNotRecorded(c.disability); }));
  tables.push_back(ChildBreakdown(
      all, keep,
      Header("looked_after", "Looked-after children", "children", "children", true,
             "Looked after under section 20, 31 or 38 of the Children Act 1989."),
      {{"looked_after", "Looked after"}, {"not_looked_after", "Not looked after"}},
      [&](const ChildFacts& c) -> std::string_view {
        switch (care[std::size_t(&c - children.data())]) {
          case Care::kLookedAfter: return "looked_after";
          case Care::kNotLookedAfter: return "not_looked_after";
          case Care::kNotRecorded: break;
        }
        return kNotRecorded;
      }));
  Counted looked_after{.all = children, .agencies = agencies, .children = {}};
  for (const auto& c : children) {
    if (care[std::size_t(&c - children.data())] == Care::kLookedAfter) {
      looked_after.children.push_back(&c);
    }
  }
  tables.push_back(ChildBreakdown(
      looked_after, keep,
      Header("placing_authority", "Looked-after children by placing authority", "children",
             "children", true,
             "Children placed here from another authority, among the looked-after children."),
      {{"placed_from_out_of_area", "Placed here by another authority"}},
      [](const ChildFacts& c) -> std::string_view {
        return c.placing_authority.empty() ? kNotRecorded : "placed_from_out_of_area";
      }));
  tables.push_back(ChildBreakdown(
      all, keep,
      Header("school", "School or setting", "children", "children", true,
             "Whether the record names a school or setting. Harbour does not yet hold an "
             "education status (excluded, not in education, home educated)."),
      {{"school_recorded", "School or setting named"}},
      [](const ChildFacts& c) -> std::string_view {
        return c.school.empty() ? kNotRecorded : "school_recorded";
      }));
  tables.push_back(MultiBreakdown(
      all, keep,
      Header("concern_category", "Children by type of concern", "exploitation", "children", false,
             "A child with concerns of several types is counted under each. \"Not recorded\": "
             "identified through an assessment or referral with no concern logged in the period."),
      SpecsOf(concerns::kCategoryCodes),
      [](const ChildFacts& c) -> const std::vector<std::string>& { return c.categories; }));
  tables.push_back(MultiBreakdown(
      all, keep,
      Header("exploitation_model", "Children by model of exploitation", "exploitation", "children",
             false, "From the panel's latest decision; a child can fit several models."),
      SpecsOf(panel::kExploitationModelCodes),
      [](const ChildFacts& c) -> const std::vector<std::string>& { return c.models; }));
  tables.push_back(MultiBreakdown(
      all, keep,
      Header("exploitation_element", "Children by element of exploitation", "exploitation",
             "children", false,
             "Online, gang and drug-market elements, from the panel's latest decision."),
      SpecsOf(panel::kElementCodes),
      [](const ChildFacts& c) -> const std::vector<std::string>& { return c.elements; }));
  std::vector<RowSpec> wards;
  wards.reserve(labels.wards.size());
  for (const auto& [code, name] : labels.wards) wards.push_back({code, name});
  tables.push_back(MultiBreakdown(
      all, keep,
      Header("ward", "Children by ward", "locations", "children", false,
             "Wards of the places linked to each child (where they live, are seen or were found)."),
      wards, [](const ChildFacts& c) -> const std::vector<std::string>& { return c.wards; }));
  return tables;
}

bool Within(std::optional<Instant> at, std::optional<Instant> from, hours limit) {
  return at && from && *at <= *from + limit;
}

std::vector<Breakdown> MissingTables(const std::vector<EpisodeFacts>& episodes, bool keep) {
  constexpr hours k72Hours{72};
  Counter started(Header("missing_episodes", "Missing episodes that started in the period",
                         "missing", "episodes"),
                  {{"returned", "Returned or found"}, {"still_missing", "Not yet returned"}}, false,
                  keep);
  Counter offered(
      Header("return_interview_offered", "Return interviews offered", "missing", "returns", true,
             "Over the returns in the period: a return interview must be offered "
             "within 72 hours of the child's return."),
      {{"within_72_hours", "Offered within 72 hours"},
       {"later", "Offered after 72 hours"},
       {"not_offered", "Not offered"}},
      false, keep);
  Counter held(Header("return_interview_held", "Return interviews held", "missing", "returns", true,
                      "Over the returns in the period."),
               {{"within_72_hours", "Held within 72 hours"},
                {"later", "Held after 72 hours"},
                {"not_held", "Not held (refused, not done or not yet)"}},
               false, keep);
  for (const auto& e : episodes) {
    started.Count(e.returned_at ? "returned" : "still_missing", e.child_id);
    started.CountTotal();
    if (!e.returned_at) continue;
    offered.Count(Within(e.offered_at, e.returned_at, k72Hours) ? "within_72_hours"
                  : e.offered_at                                ? "later"
                                                                : "not_offered",
                  e.child_id);
    offered.CountTotal();
    held.Count(Within(e.held_at, e.returned_at, k72Hours) ? "within_72_hours"
               : e.held_at                                ? "later"
                                                          : "not_held",
               e.child_id);
    held.CountTotal();
  }
  return {std::move(started).Done(), std::move(offered).Done(), std::move(held).Done()};
}

// DOMAIN.md §9: a repeat referral is one for a child referred in the 12 months before.
bool IsRepeat(const ReferralFacts& r) {
  return r.previous_referral_at &&
         r.submitted_at - *r.previous_referral_at <= std::chrono::days{365};
}

std::string_view ScreeningBand(const ReferralFacts& r, const WorkingCalendar& calendar) {
  if (!r.decided_at) return r.decision == "withdrawn" ? "withdrawn" : "not_yet_decided";
  int days = calendar.WorkingDaysBetween(LondonDate(r.submitted_at), LondonDate(*r.decided_at));
  if (days <= 1) return "within_1_working_day";
  if (days <= 5) return "2_to_5_working_days";
  return "over_5_working_days";
}

std::vector<Breakdown> ReferralTables(const std::vector<ReferralFacts>& referrals, bool keep,
                                      const Labels& labels, const WorkingCalendar& calendar) {
  Counter screening(
      Header("screening_time", "Referral to screening decision", "referrals", "referrals", true,
             "Working days from the referral to the coordinator's decision to accept it for the "
             "panel or not; the standard is one working day."),
      {{"within_1_working_day", "Within 1 working day"},
       {"2_to_5_working_days", "2 to 5 working days"},
       {"over_5_working_days", "More than 5 working days"},
       {"not_yet_decided", "Not yet decided"},
       {"withdrawn", "Withdrawn before a decision"}},
      false, keep);
  std::vector<RowSpec> agencies;
  agencies.reserve(labels.agencies.size());
  for (const auto& [id, name] : labels.agencies) agencies.push_back({id, name});
  Counter source(
      Header("referral_agency", "Referrals by referring agency", "referrals", "referrals"),
      agencies, false, keep);
  Counter repeat(Header("repeat_referrals", "Repeat referrals", "referrals", "referrals", true,
                        "A repeat referral is one for a child referred in the 12 months before."),
                 {{"repeat", "Repeat referral"}, {"first", "First referral in 12 months"}}, false,
                 keep);
  for (const auto& r : referrals) {
    screening.Count(ScreeningBand(r, calendar), r.child_id);
    screening.CountTotal();
    source.Count(r.agency_id, r.child_id);
    source.CountTotal();
    repeat.Count(IsRepeat(r) ? "repeat" : "first", r.child_id);
    repeat.CountTotal();
  }
  Breakdown by_agency = std::move(source).Done();
  std::erase_if(by_agency.rows, [](const BreakdownRow& row) { return row.count == 0; });
  return {std::move(screening).Done(), std::move(by_agency), std::move(repeat).Done()};
}

Breakdown PanelTable(const std::vector<PanelDecisionFacts>& decisions, bool keep) {
  Counter outcomes(Header("panel_outcomes", "Panel decisions by category", "panel", "decisions",
                          true, "Decisions recorded at panel meetings in the period."),
                   SpecsOf(panel::kCategoryCodes), true, keep);
  for (const auto& d : decisions) {
    outcomes.Count(OrNotRecorded(d.category), d.child_id);
    outcomes.CountTotal();
  }
  return std::move(outcomes).Done();
}

Breakdown DisruptionTable(const std::vector<DisruptionFacts>& disruptions) {
  Counter measures(
      Header("disruption", "Disruption and prosecution by measure", "disruption", "measures", true,
             "Measures dated in the period; arrests, charges and convictions are "
             "the outcomes of prosecution."),
      SpecsOf(disruption::kMeasureCodes), false);
  for (const auto& d : disruptions) {
    measures.Count(d.measure);
    measures.CountTotal();
  }
  return std::move(measures).Done();
}

std::string_view AdultAgeBand(std::optional<int> age) {
  if (!age || *age < 0) return kNotRecorded;
  if (*age < 18) return "under_18";
  if (*age < 25) return "18_24";
  if (*age < 35) return "25_34";
  if (*age < 45) return "35_44";
  return "45_plus";
}

std::vector<Breakdown> PeopleTables(const std::vector<PersonFacts>& people, const Labels& labels) {
  std::string note = "People of concern linked to the children identified in the period.";
  Counter sex(Header("people_sex", "People of concern by sex", "people", "people", true, note),
              {{"female", "Female"}, {"male", "Male"}});
  Counter age(Header("people_age_band", "People of concern by age", "people", "people", true, note),
              {{"under_18", "Under 18"},
               {"18_24", "18 to 24"},
               {"25_34", "25 to 34"},
               {"35_44", "35 to 44"},
               {"45_plus", "45 and over"}});
  std::vector<RowSpec> ethnicities;
  for (const auto& code : labels.ethnicity_order) {
    if (code != "not_known") ethnicities.push_back({code, LabelFrom(labels.ethnicity, code)});
  }
  Counter ethnicity(
      Header("people_ethnicity", "People of concern by ethnicity", "people", "people", true, note),
      ethnicities);
  Counter group(Header("people_group", "People of concern acting alone or in a group", "people",
                       "people", true,
                       "In a group: linked to another person of concern as an associate or "
                       "co-offender."),
                {{"group", "In a group"}, {"lone", "Alone"}}, false);
  for (const auto& p : people) {
    sex.Count(OrNotRecorded(p.sex));
    age.Count(AdultAgeBand(p.age));
    ethnicity.Count(OrNotRecorded(p.ethnicity));
    group.Count(p.in_group ? "group" : "lone");
    for (Counter* c : {&sex, &age, &ethnicity, &group}) c->CountTotal();
  }
  return {std::move(sex).Done(), std::move(age).Done(), std::move(ethnicity).Done(),
          std::move(group).Done()};
}

// Reviews: the children whose latest assessment has a review date, overdue when that date had
// passed by the period's last day (a newer assessment would have been the latest). Actions: the
// panel's actions due before the period's end, overdue when not completed by their due time.
std::vector<Breakdown> TimelinessTables(const AreaFacts& facts) {
  struct {
    long reviews_due = 0, reviews_overdue = 0, actions_due = 0, actions_overdue = 0;
  } t;
  for (const auto& c : facts.children) {
    if (!c.next_review) continue;
    ++t.reviews_due;
    if (std::chrono::sys_days{*c.next_review} < std::chrono::sys_days{facts.last_day}) {
      ++t.reviews_overdue;
    }
  }
  for (const auto& a : facts.actions) {
    ++t.actions_due;
    if (!a.completed_at || *a.completed_at > a.due_at) ++t.actions_overdue;
  }
  Breakdown reviews =
      Header("reviews_overdue", "Risk assessment reviews", "timeliness", "children", true,
             "Children identified whose latest assessment's review date had "
             "passed by the end of the period with no newer assessment.");
  reviews.rows = {{"overdue", "Review overdue", t.reviews_overdue, {}},
                  {"on_time", "Review not yet due", t.reviews_due - t.reviews_overdue, {}}};
  reviews.total = t.reviews_due;
  Breakdown actions = Header("actions_overdue", "Panel actions", "timeliness", "actions", true,
                             "Panel actions due by the end of the period, and those not "
                             "completed by their due time.");
  actions.rows = {{"overdue", "Overdue", t.actions_overdue, {}},
                  {"on_time", "Completed on time", t.actions_due - t.actions_overdue, {}}};
  actions.total = t.actions_due;
  return {std::move(reviews), std::move(actions)};
}

template <class T>
void Append(std::vector<T>& to, std::vector<T> more) {
  for (auto& item : more) to.push_back(std::move(item));
}

template <class Fact>
std::vector<Fact> OfChildren(const std::vector<Fact>& facts, const std::set<std::string>& kept) {
  std::vector<Fact> out;
  for (const auto& f : facts) {
    if (kept.contains(f.child_id)) out.push_back(f);
  }
  return out;
}

template <class Fact>
std::vector<Fact> LinkedToChildren(const std::vector<Fact>& facts,
                                   const std::set<std::string>& kept) {
  std::vector<Fact> out;
  for (const auto& f : facts) {
    bool linked = std::any_of(f.child_ids.begin(), f.child_ids.end(),
                              [&](const std::string& id) { return kept.contains(id); });
    if (linked) out.push_back(f);
  }
  return out;
}

bool Keeps(const ChildFacts& c, const Filters& f) {
  if (!f.ward.empty() && !Has(c.wards, f.ward)) return false;
  if (!f.agency.empty() && !Has(c.agencies, f.agency)) return false;
  if (!f.category.empty() && !Has(c.categories, f.category)) return false;
  return true;
}

}  // namespace

AreaFacts Filtered(const AreaFacts& facts, const Filters& filters) {
  if (filters.ward.empty() && filters.agency.empty() && filters.category.empty()) return facts;
  AreaFacts out;
  std::set<std::string> kept;
  for (const auto& c : facts.children) {
    if (!Keeps(c, filters)) continue;
    out.children.push_back(c);
    kept.insert(c.child_id);
  }
  out.episodes = OfChildren(facts.episodes, kept);
  out.referrals = OfChildren(facts.referrals, kept);
  out.decisions = OfChildren(facts.decisions, kept);
  out.people = LinkedToChildren(facts.people, kept);
  out.actions = OfChildren(facts.actions, kept);
  out.last_day = facts.last_day;
  for (const auto& d : facts.disruptions) {
    if (filters.agency.empty() || d.agency_id == filters.agency) out.disruptions.push_back(d);
  }
  return out;
}

std::vector<Breakdown> Breakdowns(const AreaFacts& facts, const Labels& labels,
                                  const WorkingCalendar& calendar, bool keep_children) {
  std::vector<Breakdown> tables = ChildTables(facts.children, labels, keep_children);
  Append(tables, MissingTables(facts.episodes, keep_children));
  Append(tables, ReferralTables(facts.referrals, keep_children, labels, calendar));
  tables.push_back(PanelTable(facts.decisions, keep_children));
  tables.push_back(DisruptionTable(facts.disruptions));
  Append(tables, PeopleTables(facts.people, labels));
  Append(tables, TimelinessTables(facts));
  return tables;
}

const ToolLevel* FindLevel(const Labels& labels, std::string_view code) {
  for (const auto& level : labels.levels) {
    if (level.code == code) return &level;
  }
  return nullptr;
}

const Breakdown* Find(const std::vector<Breakdown>& breakdowns, std::string_view id) {
  for (const auto& b : breakdowns) {
    if (b.id == id) return &b;
  }
  return nullptr;
}

}  // namespace harbour::profile
