#include "profile/child_index.h"

#include <algorithm>
#include <tuple>

namespace harbour::profile {
namespace {

std::int64_t SecondsOf(Instant at) { return at.time_since_epoch().count(); }

// The number of the calendar month (year * 12 + month - 1) that `at` falls in, in London.
int MonthNumberOf(std::int64_t at) {
  std::chrono::year_month_day day{LondonDate(Instant{std::chrono::seconds{at}})};
  return int(day.year()) * 12 + int(unsigned(day.month())) - 1;
}

// The number of the calendar month `period` is, if it is exactly one.
std::optional<int> MonthNumberOf(const Period& period) {
  std::chrono::year_month_day first{period.first}, last{period.last};
  std::chrono::year_month_day_last month_end{first.year() / first.month() / std::chrono::last};
  if (first.day() != std::chrono::day{1} || last != std::chrono::year_month_day{month_end}) {
    return std::nullopt;
  }
  return int(first.year()) * 12 + int(unsigned(first.month())) - 1;
}

}  // namespace

std::optional<int> AgeOn(const std::optional<Date>& date_of_birth,
                         const std::optional<int>& estimated_age, Instant created, Date on) {
  if (date_of_birth) return AgeInYears(*date_of_birth, on);
  if (!estimated_age) return std::nullopt;
  // An estimated age was true when the record was made: add the years since.
  int years = int(on.year()) - int(DateOf(created).year());
  return *estimated_age + std::max(0, years);
}

PeriodInstants InstantsOf(const Period& period) {
  Date after{std::chrono::sys_days{period.last} + std::chrono::days{1}};
  return {.from = FromLondonLocal(period.first, 0, 0), .to = FromLondonLocal(after, 0, 0)};
}

ChildIndex::Code ChildIndex::Intern(std::string_view text) {
  if (auto it = codes_.find(text); it != codes_.end()) return it->second;
  Code code(texts_->size());
  std::string_view kept = texts_->emplace_back(text);
  views_.push_back(kept);
  codes_.emplace(kept, code);
  return code;
}

const std::vector<const ChildIndex::Entry*>& ChildIndex::InOrder() const {
  std::lock_guard lock(order_mu_);
  if (!order_stale_) return order_;
  order_.clear();
  order_.reserve(children_.size());
  for (const auto& entry : children_) order_.push_back(&entry);
  order_stale_ = false;
  return order_;
}

void ChildIndex::Put(const IndexedChild& child) {
  Child stored{.date_of_birth = child.date_of_birth,
               .estimated_age = child.estimated_age,
               .created_at = child.created_at,
               .sex = Intern(child.sex),
               .ethnicity = Intern(child.ethnicity),
               .disability = Intern(child.disability),
               .legal_status = Intern(child.legal_status),
               .placing_authority = Intern(child.placing_authority),
               .school = Intern(child.school),
               .events = {},
               .assessments = {}};
  stored.events.reserve(child.events.size());
  for (const auto& e : child.events) {
    stored.events.push_back({SecondsOf(e.at), Intern(e.agency), Intern(e.category), e.kind});
  }
  // Earliest first; at the same second, concerns before assessments before referrals, then
  // the smallest agency id (the straight recount's order too, so that both name the same first
  // agency whatever order the rows come in).
  std::sort(stored.events.begin(), stored.events.end(), [this](const Event& a, const Event& b) {
    if (a.at != b.at || a.kind != b.kind) return std::tie(a.at, a.kind) < std::tie(b.at, b.kind);
    return TextOf(a.agency) < TextOf(b.agency);
  });
  for (const auto& a : child.assessments) {
    stored.assessments.push_back({SecondsOf(a.submitted_at), Intern(a.tool_level),
                                  Intern(a.judged_level), Intern(a.agency), a.next_review});
  }
  std::stable_sort(stored.assessments.begin(), stored.assessments.end(),
                   [](const Assessment& a, const Assessment& b) { return a.at < b.at; });
  CountMonths(stored, 1);
  std::string_view id = TextOf(Intern(child.id));
  auto held = children_.find(id);
  if (held == children_.end()) {
    children_.emplace(id, std::move(stored));
    order_stale_ = true;
    return;
  }
  CountMonths(held->second, -1);
  held->second = std::move(stored);  // a child replaced keeps its node, and its place
}

void ChildIndex::Remove(const std::string& id) {
  auto held = children_.find(id);
  if (held == children_.end()) return;
  CountMonths(held->second, -1);
  children_.erase(held);
  order_stale_ = true;
}

void ChildIndex::Clear() {
  children_.clear();
  months_.clear();
  order_stale_ = true;
}

void ChildIndex::CountMonths(const Child& child, int sign) {
  int last_month = -1;  // events are earliest first: a child's events of a month come together
  for (const auto& e : child.events) {
    int month = MonthNumberOf(e.at);
    PeriodCounts& counts = months_[month];
    if (month != last_month) counts.children += sign;
    if (e.kind == EventKind::kReferral) counts.referrals += sign;
    last_month = month;
  }
}

ChildFacts ChildIndex::FactsOf(std::string_view id, const Child& child, const Period& period,
                               std::vector<Event>::const_iterator first,
                               std::vector<Event>::const_iterator end, std::int64_t to) const {
  ChildFacts c;
  c.child_id = id;
  c.age = AgeOn(child.date_of_birth, child.estimated_age, child.created_at, period.last);
  c.sex = TextOf(child.sex);
  c.ethnicity = TextOf(child.ethnicity);
  c.disability = TextOf(child.disability);
  c.legal_status = TextOf(child.legal_status);
  c.placing_authority = TextOf(child.placing_authority);
  c.school = TextOf(child.school);
  c.first_agency = TextOf(first->agency);  // events are earliest first
  // Each agency and category once, in order of first appearance (compared as codes: a child
  // has a few events in a period).
  for (auto e = first; e != end; ++e) {
    auto same_agency = [&](const Event& p) { return p.agency == e->agency; };
    if (e->agency != 0 && std::none_of(first, e, same_agency)) {
      c.agencies.push_back(TextOf(e->agency));
    }
    if (e->kind != EventKind::kConcern || e->category == 0) continue;
    auto same_category = [&](const Event& p) {
      return p.kind == EventKind::kConcern && p.category == e->category;
    };
    if (std::none_of(first, e, same_category)) c.categories.push_back(TextOf(e->category));
  }
  // The latest assessment submitted before the period ended.
  auto after = std::partition_point(child.assessments.begin(), child.assessments.end(),
                                    [to](const Assessment& a) { return a.at < to; });
  if (after != child.assessments.begin()) {
    const Assessment& latest = *std::prev(after);
    c.tool_level = TextOf(latest.tool_level);
    c.judged_level = TextOf(latest.judged_level);
    c.tool_agency = TextOf(latest.agency);
    c.next_review = latest.next_review;
  }
  return c;
}

std::vector<ChildFacts> ChildIndex::Identified(const Period& period) const {
  auto [from_at, to_at] = InstantsOf(period);
  std::int64_t from = SecondsOf(from_at), to = SecondsOf(to_at);
  const auto& children = InOrder();
  // Room for every child, so that the vector never grows (the facts of 100,000 children are
  // tens of megabytes, copied and faulted in again at each growth), and each child's events
  // read once: finding the children first and building their facts after read every child's
  // events twice, from memory rather than cache the second time. Pages never written are never
  // faulted in.
  std::vector<ChildFacts> out;
  out.reserve(children.size());
  // The children's nodes and events are all over memory, and waiting for each in turn was most
  // of the walk's time: the processor is asked to start loading the child a few ahead, and the
  // events and assessments of one nearer, whose child it was asked for earlier. (Written here,
  // not in a function of their own: GCC 12 drops a call whose only effect is a prefetch.)
  constexpr std::size_t kNodeAhead = 32, kEventsAhead = 16;
  for (std::size_t i = 0; i < children.size(); ++i) {
    if (i + kNodeAhead < children.size()) {
      const Child& ahead = children[i + kNodeAhead]->second;  // its lines, not only the first
      __builtin_prefetch(&ahead);
      __builtin_prefetch(&ahead.events);
      __builtin_prefetch(&ahead.assessments);
    }
    if (i + kEventsAhead < children.size()) {
      const Child& ahead = children[i + kEventsAhead]->second;
      __builtin_prefetch(ahead.events.data());
      __builtin_prefetch(ahead.assessments.data());
    }
    const Entry* entry = children[i];
    const auto& events = entry->second.events;
    auto first = std::partition_point(events.begin(), events.end(),
                                      [from](const Event& e) { return e.at < from; });
    auto end =
        std::partition_point(first, events.end(), [to](const Event& e) { return e.at < to; });
    if (first != end) out.push_back(FactsOf(entry->first, entry->second, period, first, end, to));
  }
  return out;
}

std::vector<ChildIndex::PeriodCounts> ChildIndex::Counts(const std::vector<Period>& periods) const {
  std::vector<PeriodCounts> out(periods.size());
  std::vector<Period> others;  // not a calendar month
  std::vector<std::size_t> places;
  for (std::size_t i = 0; i < periods.size(); ++i) {
    auto month = MonthNumberOf(periods[i]);
    if (!month) {
      others.push_back(periods[i]);
      places.push_back(i);
      continue;
    }
    if (auto it = months_.find(*month); it != months_.end()) out[i] = it->second;
  }
  if (!others.empty()) CountFromChildren(others, places, out);
  return out;
}

void ChildIndex::CountFromChildren(const std::vector<Period>& periods,
                                   const std::vector<std::size_t>& places,
                                   std::vector<PeriodCounts>& out) const {
  struct Span {
    std::int64_t from, to;
    std::size_t period;  // index into `periods`
  };
  std::vector<Span> spans;
  for (std::size_t i = 0; i < periods.size(); ++i) {
    auto [from, to] = InstantsOf(periods[i]);
    spans.push_back({SecondsOf(from), SecondsOf(to), i});
  }
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
    return std::tie(a.from, a.to) < std::tie(b.from, b.to);
  });
  bool disjoint = true;  // each event is in one span at most
  for (std::size_t i = 1; i < spans.size(); ++i)
    disjoint = disjoint && spans[i - 1].to <= spans[i].from;
  std::vector<std::size_t> seen_by(periods.size(), std::size_t(-1));  // the child last counted
  std::size_t child_number = 0;
  auto count = [&](const Event& e, const Span& span) {
    if (e.at < span.from || e.at >= span.to) return;
    PeriodCounts& c = out[places[span.period]];
    if (seen_by[span.period] != child_number) ++c.children;
    seen_by[span.period] = child_number;
    if (e.kind == EventKind::kReferral) ++c.referrals;
  };
  for (const Entry* entry : InOrder()) {
    ++child_number;
    std::size_t next = 0;  // disjoint spans: the first that has not ended by this event
    for (const auto& e : entry->second.events) {
      if (!disjoint) {
        for (const auto& span : spans) count(e, span);
        continue;
      }
      while (next < spans.size() && spans[next].to <= e.at) ++next;  // events are earliest first
      if (next < spans.size()) count(e, spans[next]);
    }
  }
}

}  // namespace harbour::profile
