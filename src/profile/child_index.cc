#include "profile/child_index.h"

#include <algorithm>
#include <tuple>

namespace harbour::profile {
namespace {

std::int64_t SecondsOf(Instant at) { return at.time_since_epoch().count(); }

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

ChildIndex::Code ChildIndex::Intern(const std::string& text) {
  if (texts_.empty()) {
    texts_.emplace_back();
    codes_.emplace("", 0);
  }
  if (auto it = codes_.find(text); it != codes_.end()) return it->second;
  Code code(texts_.size());
  codes_.emplace(text, code);
  texts_.push_back(text);
  return code;
}

void ChildIndex::Put(const IndexedChild& child) {
  Child stored{.date_of_birth = child.date_of_birth,
               .estimated_age = child.estimated_age,
               .created_at = child.created_at,
               .sex = child.sex,
               .ethnicity = child.ethnicity,
               .disability = child.disability,
               .legal_status = child.legal_status,
               .placing_authority = child.placing_authority,
               .school = child.school,
               .events = {},
               .assessments = {}};
  stored.events.reserve(child.events.size());
  for (const auto& e : child.events) {
    stored.events.push_back({SecondsOf(e.at), Intern(e.agency), Intern(e.category), e.kind});
  }
  // Earliest first; at the same second, concerns before assessments before referrals (the
  // order the straight recount reads them in).
  std::sort(stored.events.begin(), stored.events.end(), [](const Event& a, const Event& b) {
    return std::tie(a.at, a.kind) < std::tie(b.at, b.kind);
  });
  for (const auto& a : child.assessments) {
    stored.assessments.push_back({SecondsOf(a.submitted_at), Intern(a.tool_level),
                                  Intern(a.judged_level), Intern(a.agency), a.next_review});
  }
  std::stable_sort(stored.assessments.begin(), stored.assessments.end(),
                   [](const Assessment& a, const Assessment& b) { return a.at < b.at; });
  children_.insert_or_assign(child.id, std::move(stored));
}

void ChildIndex::Remove(const std::string& id) { children_.erase(id); }

void ChildIndex::Clear() { children_.clear(); }

ChildFacts ChildIndex::FactsOf(const std::string& id, const Child& child, const Period& period,
                               std::vector<Event>::const_iterator first,
                               std::vector<Event>::const_iterator end, std::int64_t to) const {
  ChildFacts c;
  c.child_id = id;
  c.age = AgeOn(child.date_of_birth, child.estimated_age, child.created_at, period.last);
  c.sex = child.sex;
  c.ethnicity = child.ethnicity;
  c.disability = child.disability;
  c.legal_status = child.legal_status;
  c.placing_authority = child.placing_authority;
  c.school = child.school;
  c.first_agency = texts_[first->agency];  // events are earliest first
  // Each agency and category once, in order of first appearance (compared as codes: a child
  // has a few events in a period).
  for (auto e = first; e != end; ++e) {
    auto same_agency = [&](const Event& p) { return p.agency == e->agency; };
    if (e->agency != 0 && std::none_of(first, e, same_agency)) {
      c.agencies.push_back(texts_[e->agency]);
    }
    if (e->kind != EventKind::kConcern || e->category == 0) continue;
    auto same_category = [&](const Event& p) {
      return p.kind == EventKind::kConcern && p.category == e->category;
    };
    if (std::none_of(first, e, same_category)) c.categories.push_back(texts_[e->category]);
  }
  // The latest assessment submitted before the period ended.
  auto after = std::partition_point(child.assessments.begin(), child.assessments.end(),
                                    [to](const Assessment& a) { return a.at < to; });
  if (after != child.assessments.begin()) {
    const Assessment& latest = *std::prev(after);
    c.tool_level = texts_[latest.tool_level];
    c.judged_level = texts_[latest.judged_level];
    c.tool_agency = texts_[latest.agency];
    c.next_review = latest.next_review;
  }
  return c;
}

std::vector<ChildFacts> ChildIndex::Identified(const Period& period) const {
  auto [from_at, to_at] = InstantsOf(period);
  std::int64_t from = SecondsOf(from_at), to = SecondsOf(to_at);
  // Find the children first and build their facts into a vector of the right size: the facts
  // of 100,000 children are tens of megabytes, and growing the vector would copy and fault them in
  // several times over.
  struct Found {
    const std::pair<const std::string, Child>* child;
    std::vector<Event>::const_iterator first, end;
  };
  std::vector<Found> found;
  for (const auto& entry : children_) {
    const auto& events = entry.second.events;
    auto first = std::partition_point(events.begin(), events.end(),
                                      [from](const Event& e) { return e.at < from; });
    auto end =
        std::partition_point(first, events.end(), [to](const Event& e) { return e.at < to; });
    if (first != end) found.push_back({&entry, first, end});
  }
  std::vector<ChildFacts> out;
  out.reserve(found.size());
  for (const auto& f : found) {
    out.push_back(FactsOf(f.child->first, f.child->second, period, f.first, f.end, to));
  }
  return out;
}

std::vector<ChildIndex::PeriodCounts> ChildIndex::Counts(const std::vector<Period>& periods) const {
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
  bool disjoint = true;  // a trend's months: each event is in one span at most
  for (std::size_t i = 1; i < spans.size(); ++i)
    disjoint = disjoint && spans[i - 1].to <= spans[i].from;
  std::vector<PeriodCounts> out(periods.size());
  std::vector<std::size_t> seen_by(periods.size(), std::size_t(-1));  // the child last counted
  std::size_t child_number = 0;
  auto count = [&](const Event& e, const Span& span) {
    if (e.at < span.from || e.at >= span.to) return;
    PeriodCounts& c = out[span.period];
    if (seen_by[span.period] != child_number) ++c.children;
    seen_by[span.period] = child_number;
    if (e.kind == EventKind::kReferral) ++c.referrals;
  };
  for (const auto& [id, child] : children_) {
    ++child_number;
    std::size_t next = 0;  // disjoint spans: the first that has not ended by this event
    for (const auto& e : child.events) {
      if (!disjoint) {
        for (const auto& span : spans) count(e, span);
        continue;
      }
      while (next < spans.size() && spans[next].to <= e.at) ++next;  // events are earliest first
      if (next < spans.size()) count(e, spans[next]);
    }
  }
  return out;
}

}  // namespace harbour::profile
