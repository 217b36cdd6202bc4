#include "storage/profile_repository.h"

#include <algorithm>
#include <cassert>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "common/ids.h"
#include "profile/child_index.h"
#include "profile/pseudonym.h"
#include "storage/profile_reads.h"

namespace harbour::storage {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

// A period as stored text: instants from `from` (included) to `to` (excluded), and its dates.
struct Bounds {
  std::string from, to;
  std::string first_date, last_date;
  Date last{};
};

Bounds BoundsOf(const profile::Period& period) {
  auto [from, to] = profile::InstantsOf(period);
  return Bounds{.from = FormatRfc3339(from),
                .to = FormatRfc3339(to),
                .first_date = FormatDate(period.first),
                .last_date = FormatDate(period.last),
                .last = period.last};
}

// The children being counted, found by id, with the text their views may point into. They
// must be in id order, as both readers make them (ReadChildren and ChildIndex::Identified):
// checking that took a twentieth of a profile's time at 100,000 children, so only debug builds
// check it.
class ChildrenById {
 public:
  explicit ChildrenById(profile::AreaFacts& facts) : children_(facts.children), text_(*facts.text) {
    assert(std::is_sorted(children_.begin(), children_.end(),
                          [](const auto& a, const auto& b) { return a.child_id < b.child_id; }));
  }
  // The child's facts, or null when the child is not counted.
  profile::ChildFacts* Find(std::string_view id) const {
    auto it =
        std::lower_bound(children_.begin(), children_.end(), id,
                         [](const auto& c, std::string_view key) { return c.child_id < key; });
    return it != children_.end() && it->child_id == id ? &*it : nullptr;
  }
  bool Contains(std::string_view id) const { return Find(id) != nullptr; }
  std::vector<profile::ChildFacts>& All() const { return children_; }
  // `text`, kept where the children's views may point at it.
  std::string_view Keep(std::string_view text) const { return text_.Keep(text); }
  // `value` added to `values` (a child's views) unless it is empty or there already.
  void AddOnce(std::vector<std::string_view>& values, std::string_view value) const {
    if (value.empty()) return;
    if (std::find(values.begin(), values.end(), value) == values.end()) {
      values.push_back(Keep(value));
    }
  }

 private:
  std::vector<profile::ChildFacts>& children_;
  profile::FactText& text_;
};

// The children identified between :a1/:b1, :a2/:b2 and :a3/:b3 (the same bounds three times).
constexpr const char* kIdentified =
    "SELECT child_id FROM concerns WHERE observed_at >= :a1 AND observed_at < :b1 "
    "UNION SELECT child_id FROM assessments WHERE status = 'submitted' AND submitted_at >= :a2 "
    "AND submitted_at < :b2 "
    "UNION SELECT child_id FROM referrals WHERE submitted_at >= :a3 AND submitted_at < :b3";

std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    if (comma > start) out.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

void AddOnce(std::vector<std::string>& values, const std::string& value) {
  if (value.empty()) return;
  if (std::find(values.begin(), values.end(), value) == values.end()) values.push_back(value);
}

// What the period's events say about each child: who recorded, first, and concern categories.
struct Events {
  // The first event: the earliest second; at the same second a concern before an assessment
  // before a referral, then the smallest agency id (as profile::ChildIndex orders them).
  std::optional<std::tuple<Instant, int, std::string>> first;
  std::string first_agency;
  std::vector<std::string> agencies;
  std::vector<std::string> categories;
};

// `kind`: 0 a concern, 1 an assessment, 2 a referral.
void Note(Events& e, const std::string& at, int kind, const std::string& agency) {
  AddOnce(e.agencies, agency);
  auto key = std::make_tuple(ParseRfc3339(at).value_or(Instant{}), kind, agency);
  if (!e.first || key < *e.first) {
    e.first = std::move(key);
    e.first_agency = agency;
  }
}

// One row per child, category and agency (concerns) or per child and agency (assessments and
// referrals), with the earliest time: the database groups the period's events so that only a
// few rows a child cross into C++.
std::unordered_map<std::string, Events> ReadEvents(soci::session& sql, const Bounds& b) {
  std::unordered_map<std::string, Events> events;
  soci::rowset<soci::row> concerns =
      (sql.prepare << "SELECT child_id, MIN(observed_at), recorded_by_agency, category "
                      "FROM concerns WHERE observed_at >= :a AND observed_at < :b "
                      "GROUP BY child_id, recorded_by_agency, category",
       soci::use(b.from), soci::use(b.to));
  for (const auto& row : concerns) {
    Events& e = events[GetText(row, 0)];
    Note(e, GetText(row, 1), 0, GetText(row, 2));
    AddOnce(e.categories, GetText(row, 3));
  }
  soci::rowset<soci::row> others =
      (sql.prepare << "SELECT child_id, MIN(submitted_at), assessed_by_agency, 1 FROM assessments "
                      "WHERE status = 'submitted' AND submitted_at >= :a AND submitted_at < :b "
                      "GROUP BY child_id, assessed_by_agency "
                      "UNION ALL SELECT child_id, MIN(submitted_at), referrer_agency, 2 FROM "
                      "referrals WHERE submitted_at >= :a2 AND submitted_at < :b2 "
                      "GROUP BY child_id, referrer_agency",
       soci::use(b.from), soci::use(b.to), soci::use(b.from), soci::use(b.to));
  for (const auto& row : others) {
    Note(events[GetText(row, 0)], GetText(row, 1), int(GetInt(row, 3)), GetText(row, 2));
  }
  return events;
}

std::optional<int> AgeOn(const soci::row& row, std::size_t dob, std::size_t estimated,
                         std::size_t created, Date on) {
  std::optional<Date> date = GetOptionalDate(row, dob);
  std::optional<int> age;
  if (!IsNull(row, estimated)) age = int(GetInt(row, estimated));
  return profile::AgeOn(date, age, GetInstant(row, created), on);
}

std::vector<profile::ChildFacts> ReadChildren(soci::session& sql, const Bounds& b,
                                              std::unordered_map<std::string, Events>& events,
                                              profile::FactText& text) {
  std::vector<profile::ChildFacts> children;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT id, date_of_birth, estimated_age, created_at, sex, ethnicity, "
                      "disability, legal_status, placing_authority, school FROM children "
                      "WHERE merged_into IS NULL AND id IN ("
                   << kIdentified << ") ORDER BY id",
       soci::use(b.from, "a1"), soci::use(b.to, "b1"), soci::use(b.from, "a2"),
       soci::use(b.to, "b2"), soci::use(b.from, "a3"), soci::use(b.to, "b3"));
  for (const auto& row : rows) {
    profile::ChildFacts c;
    std::string id = GetText(row, 0);
    c.child_id = text.Keep(id);
    c.age = AgeOn(row, 1, 2, 3, b.last);
    c.sex = text.Keep(GetText(row, 4));
    c.ethnicity = text.Keep(GetText(row, 5));
    c.disability = text.Keep(GetText(row, 6));
    c.legal_status = text.Keep(GetText(row, 7));
    c.placing_authority = text.Keep(GetText(row, 8));
    c.school = text.Keep(GetText(row, 9));
    const Events& e = events[id];
    for (const auto& agency : e.agencies) c.agencies.push_back(text.Keep(agency));
    c.first_agency = text.Keep(e.first_agency);
    for (const auto& category : e.categories) c.categories.push_back(text.Keep(category));
    children.push_back(std::move(c));
  }
  return children;
}

// The latest submitted assessment of each identified child by the period's end: its levels,
// its agency and its review date.
void ReadAssessments(soci::session& sql, const Bounds& b, const ChildrenById& by_id) {
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT child_id, computed_level, judged_level, assessed_by_agency, "
                      "next_review FROM assessments WHERE status = 'submitted' AND "
                      "submitted_at < :b ORDER BY child_id, submitted_at",
       soci::use(b.to));
  for (const auto& row : rows) {  // the latest row of each child wins
    profile::ChildFacts* child = by_id.Find(GetText(row, 0));
    if (child == nullptr) continue;
    child->tool_level = by_id.Keep(GetText(row, 1));
    child->judged_level = by_id.Keep(GetText(row, 2));
    child->tool_agency = by_id.Keep(GetText(row, 3));
    child->next_review = GetOptionalDate(row, 4);
  }
}

void ReadPanel(soci::session& sql, const Bounds& b, const ChildrenById& by_id,
               std::vector<profile::PanelDecisionFacts>& decisions) {
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT child_id, category, models, elements, recorded_at FROM panel_items "
                      "WHERE recorded_at IS NOT NULL AND recorded_at < :b "
                      "ORDER BY child_id, recorded_at",
       soci::use(b.to));
  for (const auto& row : rows) {
    std::string child_id = GetText(row, 0);
    auto models = SplitList(GetText(row, 2)), elements = SplitList(GetText(row, 3));
    if (GetText(row, 4) >= b.from) {
      decisions.push_back({.child_id = child_id,
                           .category = GetText(row, 1),
                           .models = models,
                           .elements = elements});
    }
    profile::ChildFacts* child = by_id.Find(child_id);
    if (child == nullptr) continue;
    child->panel_category = by_id.Keep(GetText(row, 1));  // the latest row wins
    child->models.clear();
    for (const auto& model : models) child->models.push_back(by_id.Keep(model));
    child->elements.clear();
    for (const auto& element : elements) child->elements.push_back(by_id.Keep(element));
  }
}

// A referral's screening decision: its first move to "accepted", "not_accepted" or "withdrawn".
struct FirstDecision {
  long long seq = 0;
  std::string state, moved_at;
};

// Rows fetched at once by the bulk reads below. SOCI's row-by-row `rowset<row>` describes and
// converts every column of every row; reading whole columns into vectors took a fraction of that
// for the period's 10,000 referrals at 100,000 children.
constexpr std::size_t kBatch = 1000;

// The first decision of every referral decided since `since`, read in one pass rather than
// looked up referral by referral (which took four times as long).
std::unordered_map<std::string, FirstDecision> FirstDecisions(soci::session& sql,
                                                              const std::string& since) {
  std::unordered_map<std::string, FirstDecision> first;
  std::vector<std::string> ids(kBatch), states(kBatch), moved(kBatch);
  std::vector<long long> seqs(kBatch);
  soci::statement st =
      (sql.prepare << "SELECT referral_id, seq, to_state, moved_at FROM referral_transitions "
                      "WHERE to_state IN ('accepted', 'not_accepted', 'withdrawn') "
                      "AND moved_at >= :since",
       soci::use(since), soci::into(ids), soci::into(seqs), soci::into(states), soci::into(moved));
  st.execute();
  while (st.fetch()) {
    for (std::size_t i = 0; i < ids.size(); ++i) {
      auto [it, added] = first.try_emplace(std::move(ids[i]));
      if (!added && it->second.seq <= seqs[i]) continue;
      it->second = {.seq = seqs[i], .state = std::move(states[i]), .moved_at = std::move(moved[i])};
    }
    for (auto* column : {&ids, &states, &moved}) column->resize(kBatch);
    seqs.resize(kBatch);
  }
  return first;
}

// One referral as ReadReferrals reads it.
struct ReferralRow {
  std::string id, child_id, agency_id, submitted_at, screening_due;
};

// The referrals submitted from `from` to `to`, child by child, earliest first.
std::vector<ReferralRow> ReferralRows(soci::session& sql, const std::string& from,
                                      const std::string& to) {
  std::vector<ReferralRow> out;
  std::vector<std::string> ids(kBatch), children(kBatch), agencies(kBatch), submitted(kBatch),
      due(kBatch);
  soci::statement st =
      (sql.prepare << "SELECT id, child_id, referrer_agency, submitted_at, screening_due "
                      "FROM referrals WHERE submitted_at >= :a AND submitted_at < :b "
                      "ORDER BY child_id, submitted_at",
       soci::use(from), soci::use(to), soci::into(ids), soci::into(children), soci::into(agencies),
       soci::into(submitted), soci::into(due));
  st.execute();
  while (st.fetch()) {
    for (std::size_t i = 0; i < ids.size(); ++i) {
      out.push_back({std::move(ids[i]), std::move(children[i]), std::move(agencies[i]),
                     std::move(submitted[i]), std::move(due[i])});
    }
    for (auto* column : {&ids, &children, &agencies, &submitted, &due}) column->resize(kBatch);
  }
  return out;
}

Instant InstantOf(const std::string& text) {
  auto at = ParseRfc3339(text);
  return at ? *at : Instant{};  // as GetInstant reads
}

std::vector<profile::ReferralFacts> ReadReferrals(soci::session& sql, const Bounds& b) {
  // A year before the period too, to tell repeat referrals. No referral is decided before it
  // is submitted, so no decision of these is older than that either.
  Instant from = ParseRfc3339(b.from).value_or(Instant{});
  std::string year_before = FormatRfc3339(from - days{365});
  auto decisions = FirstDecisions(sql, year_before);
  std::vector<profile::ReferralFacts> referrals;
  const std::string* last_child = nullptr;  // rows come child by child, earliest first
  Instant last_at{};
  auto rows = ReferralRows(sql, year_before, b.to);
  for (const auto& row : rows) {
    profile::ReferralFacts r;
    r.child_id = row.child_id;
    r.agency_id = row.agency_id;
    r.submitted_at = InstantOf(row.submitted_at);
    r.screening_due = InstantOf(row.screening_due);
    if (auto d = decisions.find(row.id); d != decisions.end()) {
      r.decision = d->second.state;
      if (r.decision != "withdrawn") r.decided_at = InstantOf(d->second.moved_at);
    }
    if (last_child != nullptr && r.child_id == *last_child) r.previous_referral_at = last_at;
    last_child = &row.child_id;
    last_at = r.submitted_at;
    if (row.submitted_at >= b.from) referrals.push_back(std::move(r));
  }
  return referrals;
}

std::vector<profile::EpisodeFacts> ReadEpisodes(soci::session& sql, const Bounds& b) {
  soci::rowset<soci::row> rows =
      (sql.prepare
           << "SELECT e.child_id, e.returned_at, "
              "(SELECT MIN(i.offered_at) FROM return_interviews i WHERE i.episode_id = e.id), "
              "(SELECT MIN(i.held_at) FROM return_interviews i WHERE i.episode_id = e.id "
              "AND i.status = 'completed'), "
              "(SELECT i.status FROM return_interviews i WHERE i.concludes = e.id) "
              "FROM missing_episodes e WHERE e.started_at >= :a AND e.started_at < :b "
              "ORDER BY e.started_at",
       soci::use(b.from), soci::use(b.to));
  std::vector<profile::EpisodeFacts> episodes;
  for (const auto& row : rows) {
    profile::EpisodeFacts e;
    e.child_id = GetText(row, 0);
    e.returned_at = GetOptionalInstant(row, 1);
    e.offered_at = GetOptionalInstant(row, 2);
    e.held_at = GetOptionalInstant(row, 3);
    // An interview held was offered, whether or not the offer was recorded.
    if (e.held_at && (!e.offered_at || *e.held_at < *e.offered_at)) e.offered_at = e.held_at;
    e.interview_status = GetText(row, 4);
    episodes.push_back(std::move(e));
  }
  return episodes;
}

std::vector<profile::DisruptionFacts> ReadDisruptions(soci::session& sql, const Bounds& b) {
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT measure, by_agency FROM disruptions WHERE date >= :a AND date <= :b "
                      "ORDER BY date",
       soci::use(b.first_date), soci::use(b.last_date));
  std::vector<profile::DisruptionFacts> out;
  for (const auto& row : rows) out.push_back({GetText(row, 0), GetText(row, 1)});
  return out;
}

// The other end of each link between a child and a record of `type`, per identified child.
std::map<std::string, std::vector<std::string>> LinkedTo(soci::session& sql,
                                                         const std::string& type,
                                                         const ChildrenById& by_id) {
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT from_id, to_id FROM record_links WHERE from_type = 'child' AND "
                      "to_type = :t1 UNION SELECT to_id, from_id FROM record_links WHERE "
                      "to_type = 'child' AND from_type = :t2",
       soci::use(type), soci::use(type));
  std::map<std::string, std::vector<std::string>> children_of;
  for (const auto& row : rows) {
    std::string child = GetText(row, 0);
    if (by_id.Contains(child)) children_of[GetText(row, 1)].push_back(child);
  }
  return children_of;
}

std::optional<int> PersonAge(const soci::row& row, Date on) {
  if (!IsNull(row, 1)) {
    auto date = ParseDate(GetText(row, 1));
    if (date) return AgeInYears(*date, on);
  }
  if (IsNull(row, 2)) return std::nullopt;
  int from = int(GetInt(row, 2));
  if (IsNull(row, 3)) return from;
  return (from + int(GetInt(row, 3))) / 2;
}

std::vector<profile::PersonFacts> ReadPeople(soci::session& sql, const Bounds& b,
                                             const ChildrenById& by_id) {
  auto children_of = LinkedTo(sql, "person", by_id);
  std::set<std::string> grouped;
  soci::rowset<soci::row> pairs =
      (sql.prepare << "SELECT from_id, to_id FROM record_links WHERE from_type = 'person' AND "
                      "to_type = 'person' AND link_type IN ('associate', 'co_offender')");
  for (const auto& row : pairs) {
    grouped.insert(GetText(row, 0));
    grouped.insert(GetText(row, 1));
  }
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT id, date_of_birth, age_from, age_to, sex, ethnicity "
                      "FROM people_of_concern ORDER BY id");
  std::vector<profile::PersonFacts> people;
  for (const auto& row : rows) {
    auto linked = children_of.find(GetText(row, 0));
    if (linked == children_of.end()) continue;
    people.push_back({.child_ids = std::move(linked->second),
                      .age = PersonAge(row, b.last),
                      .sex = GetText(row, 4),
                      .ethnicity = GetText(row, 5),
                      .in_group = grouped.contains(GetText(row, 0))});
  }
  return people;
}

void ReadWards(soci::session& sql, const ChildrenById& by_id) {
  auto children_of = LinkedTo(sql, "place", by_id);
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT id, ward_code FROM places WHERE ward_code IS NOT NULL AND "
                      "ward_code <> ''");
  for (const auto& row : rows) {
    auto linked = children_of.find(GetText(row, 0));
    if (linked == children_of.end()) continue;
    for (const auto& child : linked->second)
      by_id.AddOnce(by_id.Find(child)->wards, GetText(row, 1));
  }
  for (auto& child : by_id.All()) {
    if (child.wards.size() > 1) std::sort(child.wards.begin(), child.wards.end());
  }
}

// The panel's actions due before the period's end, with when they were completed.
std::vector<profile::ActionFacts> ReadActions(soci::session& sql, const Bounds& b) {
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT child_id, due_at, completed_at FROM tasks WHERE source_type = "
                      "'panel' AND due_at < :b ORDER BY due_at",
       soci::use(b.to));
  std::vector<profile::ActionFacts> actions;
  for (const auto& row : rows) {
    actions.push_back({.child_id = GetText(row, 0),
                       .due_at = GetInstant(row, 1),
                       .completed_at = GetOptionalInstant(row, 2)});
  }
  return actions;
}

long CountOf(soci::session& sql, const std::string& query, const Bounds& b) {
  long long count = 0;
  sql << query, soci::use(b.from), soci::use(b.to), soci::into(count);
  return long(count);
}

}  // namespace

void ReadChildLinks(soci::session& sql, const profile::Period& period, profile::AreaFacts& facts) {
  Bounds b = BoundsOf(period);
  ChildrenById by_id(facts);
  ReadPanel(sql, b, by_id, facts.decisions);
  ReadWards(sql, by_id);
  facts.people = ReadPeople(sql, b, by_id);
}

void ReadPeriodFacts(soci::session& sql, const profile::Period& period, profile::AreaFacts& facts) {
  Bounds b = BoundsOf(period);
  facts.last_day = period.last;
  facts.referrals = ReadReferrals(sql, b);
  facts.episodes = ReadEpisodes(sql, b);
  facts.disruptions = ReadDisruptions(sql, b);
  facts.actions = ReadActions(sql, b);
}

void ReadOtherFacts(soci::session& sql, const profile::Period& period, profile::AreaFacts& facts) {
  ReadChildLinks(sql, period, facts);
  ReadPeriodFacts(sql, period, facts);
}

long EpisodesStarted(soci::session& sql, const profile::Period& period) {
  return CountOf(sql,
                 "SELECT COUNT(*) FROM missing_episodes WHERE started_at >= :a AND started_at < :b",
                 BoundsOf(period));
}

Result<profile::AreaFacts> ProfileRepository::Facts(const profile::Period& period) {
  return Guard("reading the profile's facts", [&]() -> Result<profile::AreaFacts> {
    soci::session sql(db_.Pool());
    Bounds b = BoundsOf(period);
    profile::AreaFacts facts;
    auto events = ReadEvents(sql, b);
    facts.children = ReadChildren(sql, b, events, *facts.text);
    ChildrenById by_id(facts);
    ReadAssessments(sql, b, by_id);
    ReadOtherFacts(sql, period, facts);
    return facts;
  });
}

Result<std::vector<profile::MonthCount>> ProfileRepository::Trend(
    const std::vector<profile::Period>& months) {
  return Guard("reading the profile's trend", [&]() -> Result<std::vector<profile::MonthCount>> {
    soci::session sql(db_.Pool());
    std::vector<profile::MonthCount> out;
    for (const auto& month : months) {
      Bounds b = BoundsOf(month);
      profile::MonthCount m;
      m.month = profile::PeriodCode(month);
      long long children = 0;
      sql << "SELECT COUNT(*) FROM (" << kIdentified << ") identified", soci::use(b.from, "a1"),
          soci::use(b.to, "b1"), soci::use(b.from, "a2"), soci::use(b.to, "b2"),
          soci::use(b.from, "a3"), soci::use(b.to, "b3"), soci::into(children);
      m.children = long(children);
      m.referrals = CountOf(
          sql, "SELECT COUNT(*) FROM referrals WHERE submitted_at >= :a AND submitted_at < :b", b);
      m.episodes = EpisodesStarted(sql, month);
      out.push_back(std::move(m));
    }
    return out;
  });
}

void ProfileRepository::ReplacePopulationIn(Transaction& tx, const profile::Population& population,
                                            Instant now, const std::string& imported_by,
                                            const std::string& source) {
  tx.Sql() << "DELETE FROM population";
  std::string at = FormatRfc3339(now);
  for (const auto& cell : population.cells) {
    std::string band(profile::ToCode(cell.band));
    long long count = cell.count;
    tx.Sql() << "INSERT INTO population (age_band, sex, ethnicity, count, imported_at, "
                "imported_by, source) VALUES (:b, :s, :e, :c, :at, :by, :src)",
        soci::use(band), soci::use(cell.sex), soci::use(cell.ethnicity), soci::use(count),
        soci::use(at), soci::use(imported_by), soci::use(source);
  }
}

namespace {

constexpr const char* kPseudonymKeySetting = "profile.pseudonym_key";

std::optional<std::string> StoredKey(soci::session& sql) {
  std::string name = kPseudonymKeySetting;
  std::optional<std::string> hex;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT value FROM settings WHERE name = :n", soci::use(name));
  for (const auto& row : rows) hex = GetText(row, 0);
  if (!hex || hex->size() != 2 * profile::kPseudonymKeyBytes) return std::nullopt;
  std::string key;
  for (std::size_t i = 0; i < hex->size(); i += 2) {
    key.push_back(static_cast<char>(std::stoi(hex->substr(i, 2), nullptr, 16)));
  }
  return key;
}

}  // namespace

Result<std::string> ProfileRepository::PseudonymKey() {
  return Guard("reading the pseudonym key", [&]() -> Result<std::string> {
    {
      soci::session sql(db_.Pool());
      if (auto key = StoredKey(sql)) return *key;
    }
    // 64 random hex digits (two record ids: libsodium's CSPRNG); the first writer wins.
    std::string hex = NewId() + NewId(), name = kPseudonymKeySetting, by = "harbour";
    std::string at = FormatRfc3339(
        std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()));
    {
      Transaction tx(db_);
      tx.Sql() << "INSERT INTO settings (name, value, updated_by, updated_at) VALUES (:n, :v, "
                  ":b, :at) ON CONFLICT (name) DO NOTHING",
          soci::use(name), soci::use(hex), soci::use(by), soci::use(at);
      tx.Commit();
    }
    soci::session sql(db_.Pool());
    if (auto key = StoredKey(sql)) return *key;
    return Fail(ErrorKind::kInternal, "pseudonym_key", "The pseudonym key could not be read.");
  });
}

Result<profile::Population> ProfileRepository::Population() {
  return Guard("reading the population", [&]() -> Result<profile::Population> {
    soci::session sql(db_.Pool());
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT age_band, sex, ethnicity, count FROM population "
                        "ORDER BY age_band, sex, ethnicity");
    profile::Population population;
    for (const auto& row : rows) {
      auto band = profile::AgeBandFromCode(GetText(row, 0));
      if (!band) continue;
      population.cells.push_back({.band = *band,
                                  .sex = GetText(row, 1),
                                  .ethnicity = GetText(row, 2),
                                  .count = long(GetInt(row, 3))});
    }
    return population;
  });
}

}  // namespace harbour::storage
