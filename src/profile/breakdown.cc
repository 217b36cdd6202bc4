#include "profile/breakdown.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
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

template <class Text>
bool Has(const std::vector<Text>& values, std::string_view value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

// A short text (a code or an id) as its length and its first and last eight bytes (zero-padded
// when shorter), which are all of it up to 16 bytes: most codes are compared as three numbers,
// without reading the text they are compared with.
struct TextKey {
  std::uint64_t head = 0;
  std::uint64_t tail = 0;
  std::size_t size = 0;

  explicit TextKey(std::string_view text) : size(text.size()) {
    if (size >= 8) {
      std::memcpy(&head, text.data(), 8);
      std::memcpy(&tail, text.data() + size - 8, 8);
    } else {
      for (std::size_t i = 0; i < size; ++i) head |= std::uint64_t(std::uint8_t(text[i])) << 8 * i;
    }
  }
  bool operator==(const TextKey&) const = default;
  // Whether the text is longer than the key holds.
  bool Partial() const { return size > 16; }
  std::uint64_t Hash() const {
    constexpr std::uint64_t kMix = 0x9E3779B97F4A7C15ULL;
    std::uint64_t h = ((((size + 1) * kMix) ^ head) * kMix ^ tail) * kMix;
    return h ^ (h >> 32);
  }
};

// Whether two texts longer than 16 bytes, of the same TextKey, have the same bytes between their
// first and last eight, compared eight at a time (the last eight may overlap the tail).
bool SameMiddle(std::string_view a, std::string_view b) {
  for (std::size_t at = 8; at < a.size() - 8; at += 8) {
    std::size_t from = std::min(at, a.size() - 16);
    std::uint64_t x = 0;
    std::uint64_t y = 0;
    std::memcpy(&x, a.data() + from, 8);
    std::memcpy(&y, b.data() + from, 8);
    if (x != y) return false;
  }
  return true;
}

// Texts numbered 0, 1, 2, ... and found by their TextKey: one hash and one comparison of
// numbers a lookup, where a linear search of a few tens of texts costs a comparison of texts for
// each. It holds only the numbers: the caller keeps the texts, and shows the text of a number by
// `text_of(number)` when a key is not all of it.
class TextNumbers {
 public:
  static constexpr std::uint32_t kNone = UINT32_MAX;

  // The number of `text`, or kNone.
  template <class TextOf>
  std::uint32_t Find(std::string_view text, TextOf text_of) const {
    if (slots_.empty()) return kNone;
    const TextKey key(text);
    for (std::size_t i = key.Hash() & Mask();; i = (i + 1) & Mask()) {
      const Slot& slot = slots_[i];
      if (slot.number == kNone) return kNone;
      if (slot.key == key && (!key.Partial() || SameMiddle(text_of(slot.number), text))) {
        return slot.number;
      }
    }
  }
  // Numbers `text`, which Find does not know, as `number`.
  void Insert(std::string_view text, std::uint32_t number) {
    if (2 * (size_ + 1) > slots_.size()) Grow();
    Place(Slot{.key = TextKey(text), .number = number});
    ++size_;
  }

 private:
  struct Slot {
    TextKey key{std::string_view()};
    std::uint32_t number = kNone;
  };
  std::size_t Mask() const { return slots_.size() - 1; }
  void Place(const Slot& slot) {
    std::size_t i = slot.key.Hash() & Mask();
    while (slots_[i].number != kNone) i = (i + 1) & Mask();
    slots_[i] = slot;
  }
  // Doubles the slots (at least 16), at most half of them in use.
  void Grow() {
    std::vector<Slot> old =
        std::exchange(slots_, std::vector<Slot>(std::max<std::size_t>(16, 2 * slots_.size())));
    for (const Slot& slot : old) {
      if (slot.number != kNone) Place(slot);
    }
  }
  std::vector<Slot> slots_;  // a power of two of them
  std::size_t size_ = 0;
};

// Texts numbered 0, 1, 2, ... as first met: the first agencies of the children, their legal
// statuses. It holds views: the texts must outlive it (the facts do).
class SeenTexts {
 public:
  // The number of `text`, which is numbered if it is new.
  std::uint32_t NumberOf(std::string_view text) {
    auto text_of = [this](std::uint32_t n) { return texts_[n]; };
    std::uint32_t n = numbers_.Find(text, text_of);
    if (n != TextNumbers::kNone) return n;
    n = std::uint32_t(texts_.size());
    texts_.push_back(text);
    numbers_.Insert(text, n);
    return n;
  }
  std::string_view Text(std::uint32_t n) const { return texts_[n]; }
  std::size_t Size() const { return texts_.size(); }

 private:
  std::vector<std::string_view> texts_;  // by number
  TextNumbers numbers_;
};

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
  // returns that row's number.
  std::size_t Count(std::string_view code, std::string_view child_id = {}) {
    std::size_t row = RowOf(code);
    ++breakdown_.rows[row].count;
    if (keep_children_ && !child_id.empty()) {
      breakdown_.rows[row].child_ids.emplace_back(child_id);
    }
    return row;
  }
  // Whether the row numbered `row` is the first row coded "not_recorded" (the one Count fills).
  bool IsNotRecorded(std::size_t row) const { return row == not_recorded_; }
  void CountTotal() { ++breakdown_.total; }
  // Notes that the agency `agency_id`, numbered `agency` (0, 1, 2, ... as first met), is
  // responsible for one counted record, filled in or not.
  void Complete(std::uint32_t agency, std::string_view agency_id, bool recorded) {
    if (completeness_.size() <= agency) completeness_.resize(agency + 1);
    auto& entry = completeness_[agency];
    if (entry.counted == 0) entry.agency_id = agency_id;
    ++entry.counted;
    if (recorded) ++entry.recorded;
  }
  Breakdown Done() && {
    // Codes seen but not in the specs go before "Not recorded", which stays last.
    auto not_recorded = std::find_if(breakdown_.rows.begin(), breakdown_.rows.end(),
                                     [](const BreakdownRow& r) { return r.code == kNotRecorded; });
    if (not_recorded != breakdown_.rows.end()) {
      std::rotate(not_recorded, not_recorded + 1, breakdown_.rows.end());
    }
    for (auto& entry : completeness_) {
      if (entry.counted > 0) breakdown_.completeness.push_back(std::move(entry));
    }
    std::sort(
        breakdown_.completeness.begin(), breakdown_.completeness.end(),
        [](const Completeness& a, const Completeness& b) { return a.agency_id < b.agency_id; });
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
    if (first != TextNumbers::kNone) return first;
    first = std::uint32_t(breakdown_.rows.size() - 1);
    index_.Insert(code, first);
    if (code == kNotRecorded) not_recorded_ = first;
    return first;
  }
  Breakdown breakdown_;
  bool keep_children_ = false;
  TextNumbers index_;  // each code's first row
  std::size_t not_recorded_ = SIZE_MAX;
  std::vector<Completeness> completeness_;  // by agency number
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

std::string_view OrNotRecorded(std::string_view code, std::string_view not_known = "not_known") {
  if (code.empty() || code == not_known) return kNotRecorded;
  return code;
}

// "very_high" as "Very high".
std::string Capitalised(const std::string& code) {
  std::string text = code;
  std::replace(text.begin(), text.end(), '_', ' ');
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = char(text[0] - 'a' + 'A');
  return text;
}

// The levels the children have (never ""), from the tool and as judged, each distinct level
// read once.
struct LevelsSeen {
  SeenTexts tool;
  SeenTexts judged;
};

LevelsSeen SeeLevels(const std::vector<ChildFacts>& children) {
  LevelsSeen seen;
  for (const auto& c : children) {
    if (!c.tool_level.empty()) seen.tool.NumberOf(c.tool_level);
    if (!c.judged_level.empty()) seen.judged.NumberOf(c.judged_level);
  }
  return seen;
}

// The levels seen: in the tools' order first, then any other alphabetically.
std::vector<RowSpec> LevelSpecs(const SeenTexts& levels, const Labels& labels) {
  std::set<std::string> seen;
  for (std::uint32_t n = 0; n < levels.Size(); ++n) seen.emplace(levels.Text(n));
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

// The Care of legal statuses, each distinct status read once.
class CareReader {
 public:
  Care Of(std::string_view legal_status) {
    std::uint32_t n = statuses_.NumberOf(legal_status);
    if (n == care_.size()) care_.push_back(CareOf(legal_status));
    return care_[n];
  }

 private:
  SeenTexts statuses_;      // views into the facts
  std::vector<Care> care_;  // by status number
};

// What a table of children is told of each child.
struct CountedChild {
  const ChildFacts& facts;
  std::uint32_t agency;  // the number of its first agency, 0, 1, 2, ... as first met
  Care care;
};

// A table of children. ChildTables counts all of them in one pass over the children, so that
// each child's facts are read from memory once rather than once per table: at 100,000 children
// reading the facts, not counting them, was most of the time.
class ChildTable {
 public:
  ChildTable() = default;
  ChildTable(const ChildTable&) = delete;
  ChildTable& operator=(const ChildTable&) = delete;
  virtual ~ChildTable() = default;
  virtual void Count(const CountedChild& child) = 0;
  virtual Breakdown Done() && = 0;
};

// Counts every child.
struct EveryChild {
  bool operator()(const CountedChild& /*child*/) const { return true; }
};

// One row per child from `code_of(child)` (a string_view into the child's facts or a constant),
// with each child's first agency's completeness; only the children `counts(child)` keeps.
template <class CodeOf, class Counts>
class SingleTable final : public ChildTable {
 public:
  SingleTable(bool keep, Breakdown header, const std::vector<RowSpec>& specs, CodeOf code_of,
              Counts counts)
      : counter_(std::move(header), specs, true, keep),
        code_of_(std::move(code_of)),
        counts_(std::move(counts)) {}
  void Count(const CountedChild& child) override {
    if (!counts_(child)) return;
    std::size_t row = counter_.Count(code_of_(child), child.facts.child_id);
    counter_.CountTotal();
    counter_.Complete(child.agency, child.facts.first_agency, !counter_.IsNotRecorded(row));
  }
  Breakdown Done() && override { return std::move(counter_).Done(); }

 private:
  Counter counter_;
  CodeOf code_of_;
  Counts counts_;
};

template <class CodeOf, class Counts = EveryChild>
std::unique_ptr<ChildTable> Single(bool keep, Breakdown header, const std::vector<RowSpec>& specs,
                                   CodeOf code_of, Counts counts = {}) {
  return std::make_unique<SingleTable<CodeOf, Counts>>(keep, std::move(header), specs,
                                                       std::move(code_of), std::move(counts));
}

// One row per value of `values_of(child)` (a child may be in several), "Not recorded" when none.
template <class ValuesOf>
class MultiTable final : public ChildTable {
 public:
  MultiTable(bool keep, Breakdown header, const std::vector<RowSpec>& specs, ValuesOf values_of)
      : counter_(NotExclusive(std::move(header)), specs, true, keep),
        values_of_(std::move(values_of)) {}
  void Count(const CountedChild& child) override {
    const std::vector<std::string_view>& values = values_of_(child);
    for (const auto& value : values) counter_.Count(value, child.facts.child_id);
    if (values.empty()) counter_.Count(kNotRecorded, child.facts.child_id);
    counter_.CountTotal();
    counter_.Complete(child.agency, child.facts.first_agency, !values.empty());
  }
  Breakdown Done() && override { return std::move(counter_).Done(); }

 private:
  static Breakdown NotExclusive(Breakdown header) {
    header.exclusive = false;
    return header;
  }
  Counter counter_;
  ValuesOf values_of_;
};

template <class ValuesOf>
std::unique_ptr<ChildTable> Multi(bool keep, Breakdown header, const std::vector<RowSpec>& specs,
                                  ValuesOf values_of) {
  return std::make_unique<MultiTable<ValuesOf>>(keep, std::move(header), specs,
                                                std::move(values_of));
}

// The tables of children, in the order the page shows them; "Children identified" first.
std::vector<std::unique_ptr<ChildTable>> MakeChildTables(const std::vector<ChildFacts>& children,
                                                         const Labels& labels, bool keep) {
  const LevelsSeen levels = SeeLevels(children);
  std::vector<std::unique_ptr<ChildTable>> tables;
  tables.push_back(Single(keep, Header("children", "Children identified", "children", "children"),
                          {{"children", "Children identified"}},
                          [](const CountedChild&) { return std::string_view("children"); }));
  tables.push_back(
      Single(keep,
             Header("risk_tool_level", "Risk level from the risk tool", "risk", "children", true,
                    "The level the tool computed on the child's latest submitted assessment."),
             LevelSpecs(levels.tool, labels),
             [](const CountedChild& c) { return OrNotRecorded(c.facts.tool_level); }));
  tables.push_back(Single(
      keep,
      Header("risk_judged_level", "Risk level judged by the practitioner", "risk", "children", true,
             "The practitioner's professional judgement on the same assessment."),
      LevelSpecs(levels.judged, labels),
      [](const CountedChild& c) { return OrNotRecorded(c.facts.judged_level); }));
  tables.push_back(Single(keep,
                          Header("panel_category", "Panel category", "risk", "children", true,
                                 "The category of the panel's latest decision about the child."),
                          SpecsOf(panel::kCategoryCodes), [](const CountedChild& c) {
                            return OrNotRecorded(c.facts.panel_category);
                          }));
  tables.push_back(Single(
      keep, Header("age_band", "Children identified by age band", "children", "children"),
      [] {
        auto specs = SpecsOf(kAgeBandCodes);
        specs.pop_back();  // the table's own "not_recorded" entry; the counter adds it last
        return specs;
      }(),
      [](const CountedChild& c) { return ToCode(AgeBandOf(c.facts.age)); }));
  tables.push_back(Single(keep, Header("sex", "Children identified by sex", "children", "children"),
                          {{"female", "Female"}, {"male", "Male"}},
                          [](const CountedChild& c) { return OrNotRecorded(c.facts.sex); }));
  std::vector<RowSpec> ethnicities;
  for (const auto& code : labels.ethnicity_order) {
    if (code != "not_known") ethnicities.push_back({code, LabelFrom(labels.ethnicity, code)});
  }
  tables.push_back(Single(keep,
                          Header("ethnicity", "Children identified by ethnicity", "children",
                                 "children", true, "The 19 categories of the 2021 census (ONS)."),
                          ethnicities,
                          [](const CountedChild& c) { return OrNotRecorded(c.facts.ethnicity); }));
  tables.push_back(Single(
      keep, Header("disability", "Children identified by disability", "children", "children"),
      {{"yes", "Disabled"}, {"no", "Not disabled"}},
      [](const CountedChild& c) { return OrNotRecorded(c.facts.disability); }));
  tables.push_back(
      Single(keep,
             Header("looked_after", "Looked-after children", "children", "children", true,
                    "Looked after under section 20, 31 or 38 of the Children Act 1989."),
             {{"looked_after", "Looked after"}, {"not_looked_after", "Not looked after"}},
             [](const CountedChild& c) -> std::string_view {
               switch (c.care) {
                 case Care::kLookedAfter:
                   return "looked_after";
                 case Care::kNotLookedAfter:
                   return "not_looked_after";
                 case Care::kNotRecorded:
                   break;
               }
               return kNotRecorded;
             }));
  tables.push_back(Single(
      keep,
      Header("placing_authority", "Looked-after children by placing authority", "children",
             "children", true,
             "Children placed here from another authority, among the looked-after children."),
      {{"placed_from_out_of_area", "Placed here by another authority"}},
      [](const CountedChild& c) -> std::string_view {
        return c.facts.placing_authority.empty() ? kNotRecorded : "placed_from_out_of_area";
      },
      [](const CountedChild& c) { return c.care == Care::kLookedAfter; }));
  tables.push_back(
      Single(keep,
             Header("school", "School or setting", "children", "children", true,
                    "Whether the record names a school or setting. Harbour does not yet hold an "
                    "education status (excluded, not in education, home educated)."),
             {{"school_recorded", "School or setting named"}},
             [](const CountedChild& c) -> std::string_view {
               return c.facts.school.empty() ? kNotRecorded : "school_recorded";
             }));
  tables.push_back(Multi(
      keep,
      Header("concern_category", "Children by type of concern", "exploitation", "children", false,
             "A child with concerns of several types is counted under each. \"Not recorded\": "
             "identified through an assessment or referral with no concern logged in the period."),
      SpecsOf(concerns::kCategoryCodes),
      [](const CountedChild& c) -> const std::vector<std::string_view>& {
        return c.facts.categories;
      }));
  tables.push_back(Multi(
      keep,
      Header("exploitation_model", "Children by model of exploitation", "exploitation", "children",
             false, "From the panel's latest decision; a child can fit several models."),
      SpecsOf(panel::kExploitationModelCodes),
      [](const CountedChild& c) -> const std::vector<std::string_view>& {
        return c.facts.models;
      }));
  tables.push_back(
      Multi(keep,
            Header("exploitation_element", "Children by element of exploitation", "exploitation",
                   "children", false,
                   "Online, gang and drug-market elements, from the panel's latest decision."),
            SpecsOf(panel::kElementCodes),
            [](const CountedChild& c) -> const std::vector<std::string_view>& {
              return c.facts.elements;
            }));
  std::vector<RowSpec> wards;
  wards.reserve(labels.wards.size());
  for (const auto& [code, name] : labels.wards) wards.push_back({code, name});
  tables.push_back(Multi(
      keep,
      Header("ward", "Children by ward", "locations", "children", false,
             "Wards of the places linked to each child (where they live, are seen or were found)."),
      wards,
      [](const CountedChild& c) -> const std::vector<std::string_view>& { return c.facts.wards; }));
  return tables;
}

std::vector<Breakdown> ChildTables(const std::vector<ChildFacts>& children, const Labels& labels,
                                   bool keep) {
  std::vector<std::unique_ptr<ChildTable>> tables = MakeChildTables(children, labels, keep);
  SeenTexts agencies;  // the first agencies
  CareReader care;
  for (const auto& facts : children) {
    const CountedChild child{.facts = facts,
                             .agency = agencies.NumberOf(facts.first_agency),
                             .care = care.Of(facts.legal_status)};
    for (auto& table : tables) table->Count(child);
  }
  std::vector<Breakdown> done;
  done.reserve(tables.size());
  for (auto& table : tables) done.push_back(std::move(*table).Done());
  // "Children identified" has no field to leave blank.
  done.front().rows.pop_back();
  done.front().completeness.clear();
  return done;
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
std::vector<Fact> OfChildren(const std::vector<Fact>& facts,
                             const std::set<std::string, std::less<>>& kept) {
  std::vector<Fact> out;
  for (const auto& f : facts) {
    if (kept.contains(f.child_id)) out.push_back(f);
  }
  return out;
}

template <class Fact>
std::vector<Fact> LinkedToChildren(const std::vector<Fact>& facts,
                                   const std::set<std::string, std::less<>>& kept) {
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
  if (!filters.Any()) return facts;
  AreaFacts out;
  out.text = facts.text;  // the children kept view it
  out.borrowed_text = facts.borrowed_text;
  std::set<std::string, std::less<>> kept;
  for (const auto& c : facts.children) {
    if (!Keeps(c, filters)) continue;
    out.children.push_back(c);
    kept.emplace(c.child_id);
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
