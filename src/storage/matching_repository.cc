#include "storage/matching_repository.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "common/codes.h"
#include "common/ids.h"
#include "common/text.h"
#include "storage/children_repository.h"

namespace harbour::storage {

namespace {

constexpr auto kReviewStatusCodes = MakeCodeTable<ReviewStatus>({
    {ReviewStatus::kPending, "pending", "Waiting for review"},
    {ReviewStatus::kUnsure, "unsure", "Unsure: left for later"},
    {ReviewStatus::kMerged, "merged", "Merged"},
    {ReviewStatus::kNotSame, "not_same", "Not the same child"},
});
static_assert(IsCompleteCodeTable<kReviewStatusCodes>());

constexpr const char* kRecordColumns =
    "SELECT c.id, c.created_by_agency, c.given_name, c.family_name, c.date_of_birth, c.sex, "
    "c.postcode FROM children c";
// The same columns of the children whose ids a subquery gives: the subquery is read first (SQLite
// takes a CROSS JOIN in the order written), each child then by its id.
constexpr const char* kRecordColumnsOf =
    "SELECT c.id, c.created_by_agency, c.given_name, c.family_name, c.date_of_birth, c.sex, "
    "c.postcode FROM (";

matching::MatchRecord RecordOf(const soci::row& row) {
  matching::MatchRecord r;
  r.id = GetText(row, 0);
  r.agency = GetText(row, 1);
  r.given_name = GetText(row, 2);
  r.family_name = GetText(row, 3);
  r.date_of_birth = GetOptionalDate(row, 4);
  std::string sex = GetText(row, 5);
  if (sex == "female" || sex == "male") r.sex = sex;
  r.postcode = GetText(row, 6);
  return r;
}

// A table whose rows belong to one child by a column: a merge points the absorbed child's rows
// at the survivor and notes each by its key. `guard` (SQL over the row `t`, :s the survivor)
// keeps back rows that would clash with one the survivor has.
struct MovedRows {
  const char* label;   // child_merge_rows.table_name
  const char* table;   // the SQL table
  const char* key;     // its key column
  const char* child;   // the column naming the child
  const char* filter;  // more of the WHERE clause, or ""
  const char* guard;   // a clash the survivor would have, or ""
};

constexpr std::array<MovedRows, 15> kMoved = {{
    {"concerns", "concerns", "id", "child_id", "", ""},
    {"assessments", "assessments", "id", "child_id", "", ""},
    {"referrals", "referrals", "id", "child_id", "", ""},
    {"child_flags", "child_flags", "id", "child_id", "", ""},
    {"panel_items", "panel_items", "id", "child_id", "",
     "EXISTS (SELECT 1 FROM panel_items o WHERE o.child_id = :s AND o.meeting_id = t.meeting_id)"},
    {"missing_episodes", "missing_episodes", "id", "child_id", "", ""},
    {"alerts", "alerts", "id", "child_id", "", ""},
    {"tasks", "tasks", "id", "child_id", "", ""},
    {"disruptions", "disruptions", "id", "child_id", "", ""},
    {"access_requests", "access_requests", "id", "child_id", "", ""},
    {"access_grants", "access_grants", "id", "child_id", "", ""},
    {"intelligence_subjects", "intelligence_subjects", "id", "record_id",
     " AND t.subject_type = 'child'", ""},
    {"record_links.from", "record_links", "id", "from_id", " AND t.from_type = 'child'",
     "EXISTS (SELECT 1 FROM record_links o WHERE o.link_type = t.link_type AND o.from_type = "
     "'child' AND o.from_id = :s AND o.to_type = t.to_type AND o.to_id = t.to_id)"},
    {"record_links.to", "record_links", "id", "to_id", " AND t.to_type = 'child'",
     "EXISTS (SELECT 1 FROM record_links o WHERE o.link_type = t.link_type AND o.to_type = "
     "'child' AND o.to_id = :s AND o.from_type = t.from_type AND o.from_id = t.from_id)"},
    {"children.merged_into", "children", "id", "merged_into", "", ""},
}};

const MovedRows* MovedByLabel(std::string_view label) {
  for (const auto& m : kMoved) {
    if (label == m.label) return &m;
  }
  return nullptr;
}

std::vector<std::string> Column(soci::session& sql, const std::string& query,
                                const std::string& bind) {
  std::vector<std::string> out;
  soci::rowset<soci::row> rows = (sql.prepare << query, soci::use(bind));
  for (const auto& row : rows) out.push_back(GetText(row, 0));
  return out;
}

void NoteRow(soci::session& sql, const std::string& merge_id, const std::string& label,
             const std::string& key, const std::string& change) {
  sql << "INSERT INTO child_merge_rows (merge_id, table_name, row_key, change) VALUES (:m, :t, "
         ":k, :c)",
      soci::use(merge_id), soci::use(label), soci::use(key), soci::use(change);
}

// Moves the absorbed child's rows of `m`; returns how many moved and how many stayed.
std::pair<std::size_t, std::size_t> MoveRows(soci::session& sql, const MovedRows& m,
                                             const ChildMerge& merge) {
  std::string base = std::string("SELECT t.") + m.key + " FROM " + m.table + " t WHERE t." +
                     m.child + " = :a" + m.filter;
  std::vector<std::string> keys, kept;
  if (*m.guard == '\0') {
    keys = Column(sql, base, merge.absorbed_id);
  } else {
    soci::rowset<soci::row> rows =
        (sql.prepare << base << " AND NOT " << m.guard, soci::use(merge.absorbed_id, "a"),
         soci::use(merge.survivor_id, "s"));
    for (const auto& row : rows) keys.push_back(GetText(row, 0));
    kept = Column(sql, base, merge.absorbed_id);
  }
  for (const auto& key : keys) {
    sql << "UPDATE " << m.table << " SET " << m.child << " = :s WHERE " << m.key << " = :k",
        soci::use(merge.survivor_id), soci::use(key);
    NoteRow(sql, merge.id, m.label, key, "moved");
  }
  return {keys.size(), kept.empty() ? 0 : kept.size() - keys.size()};
}

// The absorbed child's agencies the survivor lacks join the survivor's team.
std::size_t AddAgencies(soci::session& sql, const ChildMerge& merge) {
  std::vector<std::string> agencies;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT agency_id FROM child_agencies WHERE child_id = :a AND agency_id NOT "
                      "IN (SELECT agency_id FROM child_agencies WHERE child_id = :s)",
       soci::use(merge.absorbed_id, "a"), soci::use(merge.survivor_id, "s"));
  for (const auto& row : rows) agencies.push_back(GetText(row, 0));
  std::string at = FormatRfc3339(merge.merged_at);
  for (const auto& agency : agencies) {
    sql << "INSERT INTO child_agencies (child_id, agency_id, reason, added_by, added_at) VALUES "
           "(:c, :a, 'merge', :b, :t)",
        soci::use(merge.survivor_id), soci::use(agency), soci::use(merge.merged_by), soci::use(at);
    NoteRow(sql, merge.id, "child_agencies", agency, "added");
  }
  return agencies.size();
}

// The absorbed child's name and aliases become the survivor's aliases, with their search keys,
// so that a search by either name finds the one record.
std::size_t AddNames(soci::session& sql, const ChildMerge& merge) {
  std::string given, family;
  sql << "SELECT given_name, family_name FROM children WHERE id = :a", soci::into(given),
      soci::into(family), soci::use(merge.absorbed_id);
  std::vector<std::string> names = {Trim(given + " " + family)};
  for (auto& alias :
       Column(sql, "SELECT alias FROM child_aliases WHERE child_id = :a", merge.absorbed_id)) {
    names.push_back(std::move(alias));
  }
  std::string survivor_given, survivor_family;
  sql << "SELECT given_name, family_name FROM children WHERE id = :s", soci::into(survivor_given),
      soci::into(survivor_family), soci::use(merge.survivor_id);
  auto have = Column(sql, "SELECT alias FROM child_aliases WHERE child_id = :s", merge.survivor_id);
  have.push_back(Trim(survivor_given + " " + survivor_family));
  std::size_t added = 0;
  std::vector<std::string> new_aliases;
  for (const auto& name : names) {
    if (name.empty() || std::find(have.begin(), have.end(), name) != have.end()) continue;
    have.push_back(name);
    new_aliases.push_back(name);
    std::string key = NameKey(name);
    sql << "INSERT INTO child_aliases (child_id, alias, alias_key) VALUES (:c, :a, :k)",
        soci::use(merge.survivor_id), soci::use(name), soci::use(key);
    NoteRow(sql, merge.id, "child_aliases", name, "added");
    ++added;
  }
  auto keys =
      Column(sql, "SELECT name_key FROM child_name_keys WHERE child_id = :s", merge.survivor_id);
  for (const auto& key : ChildrenRepository::NameKeysFor("", "", new_aliases)) {
    if (std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
    keys.push_back(key);
    sql << "INSERT INTO child_name_keys (child_id, name_key) VALUES (:c, :k)",
        soci::use(merge.survivor_id), soci::use(key);
    NoteRow(sql, merge.id, "child_name_keys", key, "added");
    ++added;
  }
  return added;
}

ChildMerge MergeOf(const soci::row& row) {
  ChildMerge m;
  m.id = GetText(row, 0);
  m.survivor_id = GetText(row, 1);
  m.absorbed_id = GetText(row, 2);
  m.review_id = GetText(row, 3);
  m.merged_by = GetText(row, 4);
  m.merged_by_name = GetText(row, 5);
  m.merged_at = GetInstant(row, 6);
  m.reason = GetText(row, 7);
  m.undone_by = GetText(row, 8);
  m.undone_by_name = GetText(row, 9);
  m.undone_at = GetOptionalInstant(row, 10);
  m.undo_reason = GetText(row, 11);
  return m;
}

constexpr const char* kMergeColumns =
    "SELECT m.id, m.survivor_id, m.absorbed_id, m.review_id, m.merged_by, mu.display_name, "
    "m.merged_at, m.reason, m.undone_by, uu.display_name, m.undone_at, m.undo_reason FROM "
    "child_merges m JOIN users mu ON mu.id = m.merged_by LEFT JOIN users uu ON uu.id = "
    "m.undone_by";

MatchReview ReviewOf(const soci::row& row) {
  MatchReview r;
  r.id = GetText(row, 0);
  r.first_id = GetText(row, 1);
  r.second_id = GetText(row, 2);
  r.weight = double(GetInt(row, 3)) / 1000.0;
  r.status = ReviewStatusFromCode(GetText(row, 4)).value_or(ReviewStatus::kPending);
  r.found_at = GetInstant(row, 5);
  r.run_id = GetText(row, 6);
  r.decided_by = GetText(row, 7);
  r.decided_by_name = GetText(row, 8);
  r.decided_at = GetOptionalInstant(row, 9);
  r.reason = GetText(row, 10);
  return r;
}

constexpr const char* kReviewColumns =
    "SELECT r.id, r.first_id, r.second_id, r.weight_milli, r.status, r.found_at, r.run_id, "
    "r.decided_by, u.display_name, r.decided_at, r.reason FROM match_reviews r LEFT JOIN users u "
    "ON u.id = r.decided_by";

long long Milli(double weight) { return static_cast<long long>(std::llround(weight * 1000.0)); }

}  // namespace

std::string_view ToCode(ReviewStatus status) { return kReviewStatusCodes.Code(status); }

std::optional<ReviewStatus> ReviewStatusFromCode(std::string_view code) {
  return kReviewStatusCodes.FromCode(code);
}

Result<std::vector<matching::MatchRecord>> MatchingRepository::ChildrenToMatch() {
  return Guard("reading children to match", [&]() -> Result<std::vector<matching::MatchRecord>> {
    soci::session sql(db_.Pool());
    std::vector<matching::MatchRecord> out;
    soci::rowset<soci::row> rows = sql.prepare << kRecordColumns
                                               << " WHERE c.merged_into IS NULL ORDER BY c.id";
    for (const auto& row : rows) out.push_back(RecordOf(row));
    return out;
  });
}

Result<std::vector<matching::MatchRecord>> MatchingRepository::CandidatesFor(
    const matching::MatchRecord& person, int limit) {
  return Guard("finding likely matches", [&]() -> Result<std::vector<matching::MatchRecord>> {
    soci::session sql(db_.Pool());
    std::string given = NameKey(person.given_name), family = NameKey(person.family_name);
    // Values no child has stand in for what the person lacks, so that each block reads an
    // index and finds nothing.
    const std::string none = "\x01";
    auto or_none = [&](const std::string& v) { return v.empty() ? none : v; };
    std::string dob = none, swapped = none, from = "9999", to = "0000";
    if (person.date_of_birth) {
      const Date& d = *person.date_of_birth;
      dob = FormatDate(d);
      Date s{d.year(), std::chrono::month(unsigned(d.day())),
             std::chrono::day(unsigned(d.month()))};
      swapped = s.ok() ? FormatDate(s) : dob;
      int y = int(d.year());
      from = std::to_string(y - 1) + "-01-01";
      to = std::to_string(y + 1) + "-12-31";
    }
    std::string g1 = given.empty() ? none : given.substr(0, 1) + "%";
    std::string f1 = family.empty() ? none : family.substr(0, 1) + "%";
    std::string b_family = or_none(family), b_given = or_none(given);
    std::string b_given2 = b_given, b_family2 = b_family, b_family3 = b_family;
    std::string b_g1b = g1, b_from2 = from, b_to2 = to;
    std::vector<matching::MatchRecord> out;
    // The blocks, each on an index: the date of birth (or with day and month swapped); the
    // family name with the same given initial; the given name with the same family initial, born
    // within a year; the names swapped; a search key equal to the family name (a double-barrelled
    // name, an alias) with the same given initial, born within a year.
    soci::rowset<soci::row> rows =
        (sql.prepare << kRecordColumnsOf
                     << "SELECT id FROM children WHERE date_of_birth IN (:dob, :swapped) "
                        "UNION SELECT id FROM children WHERE family_key = :family AND given_key "
                        "LIKE :g1 "
                        "UNION SELECT id FROM children WHERE given_key = :given AND family_key "
                        "LIKE :f1 AND date_of_birth BETWEEN :from AND :to "
                        "UNION SELECT id FROM children WHERE family_key = :given2 AND given_key "
                        "= :family2 "
                        "UNION SELECT k.child_id FROM child_name_keys k JOIN children y ON y.id = "
                        "k.child_id WHERE k.name_key = :family3 AND y.given_key LIKE :g1b AND "
                        "y.date_of_birth BETWEEN :from2 AND :to2) m CROSS JOIN children c WHERE "
                        "c.id = m.id AND c.merged_into IS NULL ORDER BY c.id LIMIT "
                     << limit,
         soci::use(dob, "dob"), soci::use(swapped, "swapped"), soci::use(b_family, "family"),
         soci::use(g1, "g1"), soci::use(b_given, "given"), soci::use(f1, "f1"),
         soci::use(from, "from"), soci::use(to, "to"), soci::use(b_given2, "given2"),
         soci::use(b_family2, "family2"), soci::use(b_family3, "family3"), soci::use(b_g1b, "g1b"),
         soci::use(b_from2, "from2"), soci::use(b_to2, "to2"));
    for (const auto& row : rows) out.push_back(RecordOf(row));
    return out;
  });
}

Result<std::optional<matching::MatchRecord>> MatchingRepository::ChildRecord(
    std::string_view child_id) {
  return Guard("reading a child to match", [&]() -> Result<std::optional<matching::MatchRecord>> {
    soci::session sql(db_.Pool());
    std::string id(child_id);
    soci::rowset<soci::row> rows =
        (sql.prepare << kRecordColumns << " WHERE c.id = :id", soci::use(id));
    for (const auto& row : rows) return std::optional(RecordOf(row));
    return std::optional<matching::MatchRecord>();
  });
}

Result<ChildHoldings> MatchingRepository::Holdings(std::string_view child_id) {
  return Guard("counting a child's records", [&]() -> Result<ChildHoldings> {
    soci::session sql(db_.Pool());
    std::string id(child_id);
    ChildHoldings h;
    auto count = [&](const char* query, long long& into) {
      sql << query, soci::into(into), soci::use(id);
    };
    count("SELECT COUNT(*) FROM concerns WHERE child_id = :c", h.concerns);
    count("SELECT COUNT(*) FROM assessments WHERE child_id = :c", h.assessments);
    count("SELECT COUNT(*) FROM referrals WHERE child_id = :c", h.referrals);
    count("SELECT COUNT(*) FROM missing_episodes WHERE child_id = :c", h.missing_episodes);
    count("SELECT COUNT(*) FROM child_flags WHERE child_id = :c", h.flags);
    count(
        "SELECT COUNT(*) FROM intelligence_subjects WHERE subject_type = 'child' AND record_id = "
        ":c",
        h.intelligence);
    return h;
  });
}

void MatchingRepository::SaveRunIn(Transaction& tx, const MatchRun& run) {
  std::string started = FormatRfc3339(run.started_at), finished = FormatRfc3339(run.finished_at);
  tx.Sql() << "INSERT INTO match_runs (id, started_at, finished_at, records, pairs, queued, "
              "linked, model) VALUES (:id, :s, :f, :r, :p, :q, :l, :m)",
      soci::use(run.id), soci::use(started), soci::use(finished), soci::use(run.records),
      soci::use(run.pairs), soci::use(run.queued), soci::use(run.linked), soci::use(run.model_json);
}

Result<std::optional<MatchRun>> MatchingRepository::LastRun(bool with_model) {
  return Guard("reading the last match run", [&]() -> Result<std::optional<MatchRun>> {
    soci::session sql(db_.Pool());
    soci::rowset<soci::row> rows =
        sql.prepare << "SELECT id, started_at, finished_at, records, pairs, queued, linked"
                    << (with_model ? ", model" : "")
                    << " FROM match_runs ORDER BY finished_at DESC, id DESC LIMIT 1";
    for (const auto& row : rows) {
      MatchRun run{.id = GetText(row, 0),
                   .started_at = GetInstant(row, 1),
                   .finished_at = GetInstant(row, 2),
                   .records = GetInt(row, 3),
                   .pairs = GetInt(row, 4),
                   .queued = GetInt(row, 5),
                   .linked = GetInt(row, 6),
                   .model_json = with_model ? GetText(row, 7) : ""};
      return std::optional(std::move(run));
    }
    return std::optional<MatchRun>();
  });
}

Result<std::set<std::pair<std::string, std::string>>> MatchingRepository::NotSamePairs() {
  return Guard("reading pairs that are not the same child",
               [&]() -> Result<std::set<std::pair<std::string, std::string>>> {
                 soci::session sql(db_.Pool());
                 std::set<std::pair<std::string, std::string>> out;
                 soci::rowset<soci::row> rows =
                     sql.prepare
                     << "SELECT first_id, second_id FROM match_reviews WHERE status = 'not_same'";
                 for (const auto& row : rows) out.emplace(GetText(row, 0), GetText(row, 1));
                 return out;
               });
}

std::size_t MatchingRepository::QueueIn(Transaction& tx, const std::vector<FoundPair>& pairs,
                                        std::string_view run_id, Instant at) {
  soci::session& sql = tx.Sql();
  std::string run(run_id), found = FormatRfc3339(at);
  std::size_t added = 0;
  for (const auto& p : pairs) {
    long long milli = Milli(p.weight);
    std::string status;
    soci::indicator ind = soci::i_null;
    sql << "SELECT status FROM match_reviews WHERE first_id = :a AND second_id = :b",
        soci::into(status, ind), soci::use(p.first_id), soci::use(p.second_id);
    if (!sql.got_data()) {
      std::string id = NewId();
      sql << "INSERT INTO match_reviews (id, first_id, second_id, weight_milli, status, found_at, "
             "run_id) VALUES (:id, :a, :b, :w, 'pending', :f, :r)",
          soci::use(id), soci::use(p.first_id), soci::use(p.second_id), soci::use(milli),
          soci::use(found), soci::use(run);
      ++added;
      continue;
    }
    if (status != "pending" && status != "unsure") continue;
    sql << "UPDATE match_reviews SET weight_milli = :w, run_id = :r WHERE first_id = :a AND "
           "second_id = :b",
        soci::use(milli), soci::use(run), soci::use(p.first_id), soci::use(p.second_id);
  }
  return added;
}

Result<std::vector<MatchReview>> MatchingRepository::OpenReviews(int limit) {
  return Guard("reading the review queue", [&]() -> Result<std::vector<MatchReview>> {
    soci::session sql(db_.Pool());
    std::vector<MatchReview> out;
    soci::rowset<soci::row> rows =
        sql.prepare << kReviewColumns
                    << " JOIN children a ON a.id = r.first_id JOIN children b ON b.id = "
                       "r.second_id WHERE r.status IN ('pending', 'unsure') AND a.merged_into IS "
                       "NULL AND b.merged_into IS NULL ORDER BY r.status, r.weight_milli DESC, "
                       "r.id LIMIT "
                    << limit;
    for (const auto& row : rows) out.push_back(ReviewOf(row));
    return out;
  });
}

Result<long long> MatchingRepository::OpenReviewCount() {
  return Guard("counting the review queue", [&]() -> Result<long long> {
    soci::session sql(db_.Pool());
    long long n = 0;
    sql << "SELECT COUNT(*) FROM match_reviews r JOIN children a ON a.id = r.first_id JOIN "
           "children b ON b.id = r.second_id WHERE r.status IN ('pending', 'unsure') AND "
           "a.merged_into IS NULL AND b.merged_into IS NULL",
        soci::into(n);
    return n;
  });
}

Result<std::optional<MatchReview>> MatchingRepository::FindReview(std::string_view id) {
  return Guard("reading a review", [&]() -> Result<std::optional<MatchReview>> {
    soci::session sql(db_.Pool());
    std::string rid(id);
    soci::rowset<soci::row> rows =
        (sql.prepare << kReviewColumns << " WHERE r.id = :id", soci::use(rid));
    for (const auto& row : rows) return std::optional(ReviewOf(row));
    return std::optional<MatchReview>();
  });
}

void MatchingRepository::DecideIn(Transaction& tx, std::string_view review_id, ReviewStatus status,
                                  std::string_view by, std::string_view reason, Instant at) {
  std::string id(review_id), code(ToCode(status)), who(by), why(reason), when = FormatRfc3339(at);
  tx.Sql() << "UPDATE match_reviews SET status = :s, decided_by = :b, decided_at = :t, reason = "
              ":r WHERE id = :id",
      soci::use(code), soci::use(who), soci::use(when), soci::use(why), soci::use(id);
}

MergeSummary MatchingRepository::MergeIn(Transaction& tx, const ChildMerge& merge) {
  soci::session& sql = tx.Sql();
  std::string at = FormatRfc3339(merge.merged_at);
  NullableText review(merge.review_id);
  sql << "INSERT INTO child_merges (id, survivor_id, absorbed_id, review_id, merged_by, "
         "merged_at, reason) VALUES (:id, :s, :a, :r, :b, :t, :why)",
      soci::use(merge.id), soci::use(merge.survivor_id), soci::use(merge.absorbed_id),
      soci::use(review.value, review.indicator), soci::use(merge.merged_by), soci::use(at),
      soci::use(merge.reason);
  MergeSummary summary;
  for (const auto& m : kMoved) {
    auto [moved, left] = MoveRows(sql, m, merge);
    summary.moved += moved;
    summary.left += left;
  }
  summary.added += AddAgencies(sql, merge);
  summary.added += AddNames(sql, merge);
  sql << "UPDATE children SET merged_into = :s WHERE id = :a", soci::use(merge.survivor_id),
      soci::use(merge.absorbed_id);
  return summary;
}

void MatchingRepository::UnmergeIn(Transaction& tx, const ChildMerge& merge, std::string_view by,
                                   std::string_view reason, Instant at) {
  soci::session& sql = tx.Sql();
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT table_name, row_key, change FROM child_merge_rows WHERE merge_id = "
                      ":m",
       soci::use(merge.id));
  std::vector<std::array<std::string, 3>> changes;
  for (const auto& row : rows)
    changes.push_back({GetText(row, 0), GetText(row, 1), GetText(row, 2)});
  for (const auto& [label, key, change] : changes) {
    if (change == "moved") {
      const MovedRows* m = MovedByLabel(label);
      if (m == nullptr) continue;
      sql << "UPDATE " << m->table << " SET " << m->child << " = :a WHERE " << m->key
          << " = :k AND " << m->child << " = :s",
          soci::use(merge.absorbed_id), soci::use(key), soci::use(merge.survivor_id);
    } else if (label == "child_agencies") {
      // An agency that has recorded a concern on the survivor since (a concern the merge did
      // not move) stays on its team.
      sql << "DELETE FROM child_agencies WHERE child_id = :s AND agency_id = :k AND NOT EXISTS "
             "(SELECT 1 FROM concerns c WHERE c.child_id = :s2 AND c.recorded_by_agency = :k2 AND "
             "c.id NOT IN (SELECT row_key FROM child_merge_rows WHERE merge_id = :m AND "
             "table_name = 'concerns'))",
          soci::use(merge.survivor_id, "s"), soci::use(key, "k"),
          soci::use(merge.survivor_id, "s2"), soci::use(key, "k2"), soci::use(merge.id, "m");
    } else if (label == "child_aliases") {
      sql << "DELETE FROM child_aliases WHERE child_id = :s AND alias = :k",
          soci::use(merge.survivor_id), soci::use(key);
    } else if (label == "child_name_keys") {
      sql << "DELETE FROM child_name_keys WHERE child_id = :s AND name_key = :k",
          soci::use(merge.survivor_id), soci::use(key);
    }
  }
  sql << "UPDATE children SET merged_into = NULL WHERE id = :a", soci::use(merge.absorbed_id);
  std::string who(by), why(reason), when = FormatRfc3339(at);
  sql << "UPDATE child_merges SET undone_by = :b, undone_at = :t, undo_reason = :r WHERE id = :id",
      soci::use(who), soci::use(when), soci::use(why), soci::use(merge.id);
}

Result<std::optional<ChildMerge>> MatchingRepository::FindMerge(std::string_view id) {
  return Guard("reading a merge", [&]() -> Result<std::optional<ChildMerge>> {
    soci::session sql(db_.Pool());
    std::string mid(id);
    soci::rowset<soci::row> rows =
        (sql.prepare << kMergeColumns << " WHERE m.id = :id", soci::use(mid));
    for (const auto& row : rows) return std::optional(MergeOf(row));
    return std::optional<ChildMerge>();
  });
}

Result<std::vector<ChildMerge>> MatchingRepository::MergesOf(std::string_view child_id) {
  return Guard("reading a child's merges", [&]() -> Result<std::vector<ChildMerge>> {
    soci::session sql(db_.Pool());
    std::string a(child_id), b(child_id);
    std::vector<ChildMerge> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << kMergeColumns
                     << " WHERE m.survivor_id = :a OR m.absorbed_id = :b ORDER BY m.merged_at "
                        "DESC, m.id DESC",
         soci::use(a, "a"), soci::use(b, "b"));
    for (const auto& row : rows) out.push_back(MergeOf(row));
    return out;
  });
}

}  // namespace harbour::storage
