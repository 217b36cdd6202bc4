#include "storage/profile_store.h"

#include <spdlog/spdlog.h>

#include <future>
#include <unordered_map>
#include <utility>

#include "storage/profile_reads.h"

namespace harbour::storage {
namespace {

using std::chrono::hours;

// A look more than this after the last one loads everything, as the log may have been pruned
// since (it keeps kLogKept, pruned at most once per kPruneEvery).
constexpr auto kLongestGap = hours(12);
constexpr auto kLogKept = hours(24);
constexpr auto kPruneEvery = hours(1);
// More children changed than this are loaded in full rather than one by one.
constexpr std::size_t kMostReloaded = 10000;

constexpr const char* kChildColumns =
    "SELECT id, date_of_birth, estimated_age, created_at, sex, ethnicity, disability, "
    "legal_status, placing_authority, school FROM children WHERE merged_into IS NULL";
constexpr const char* kConcernColumns =
    "SELECT child_id, observed_at, recorded_by_agency, category FROM concerns";
constexpr const char* kAssessmentColumns =
    "SELECT child_id, submitted_at, computed_level, judged_level, assessed_by_agency, "
    "next_review FROM assessments WHERE status = 'submitted' AND submitted_at IS NOT NULL";
constexpr const char* kReferralColumns =
    "SELECT child_id, submitted_at, referrer_agency FROM referrals";

void SetRecord(profile::IndexedChild& c, const soci::row& row) {
  c.id = GetText(row, 0);
  c.date_of_birth = GetOptionalDate(row, 1);
  c.estimated_age = IsNull(row, 2) ? std::nullopt : std::optional<int>(int(GetInt(row, 2)));
  c.created_at = GetInstant(row, 3);
  c.sex = GetText(row, 4);
  c.ethnicity = GetText(row, 5);
  c.disability = GetText(row, 6);
  c.legal_status = GetText(row, 7);
  c.placing_authority = GetText(row, 8);
  c.school = GetText(row, 9);
}

profile::IndexedEvent ConcernOf(const soci::row& row) {
  return {.at = GetInstant(row, 1),
          .kind = profile::EventKind::kConcern,
          .agency = GetText(row, 2),
          .category = GetText(row, 3)};
}

profile::IndexedAssessment AssessmentOf(const soci::row& row) {
  return {.submitted_at = GetInstant(row, 1),
          .tool_level = GetText(row, 2),
          .judged_level = GetText(row, 3),
          .agency = GetText(row, 4),
          .next_review = GetOptionalDate(row, 5)};
}

profile::IndexedEvent ReferralOf(const soci::row& row) {
  return {.at = GetInstant(row, 1),
          .kind = profile::EventKind::kReferral,
          .agency = GetText(row, 2),
          .category = {}};
}

// Adds each row of `query` (a child's rows when `child_id` is given, bound to :c, else all) to
// its child in `children` with `add`. Rows of children not there (a child made after the
// children were read) are left for the change log.
template <class Add>
void ForEachRow(soci::session& sql, const std::string& query, const std::string* child_id,
                std::unordered_map<std::string, profile::IndexedChild>& children, Add add) {
  auto each = [&](const soci::rowset<soci::row>& rows) {
    auto it = children.end();  // a child's rows often come together: look up each child once
    for (const auto& row : rows) {
      std::string id = GetText(row, 0);
      if (it == children.end() || it->first != id) it = children.find(id);
      if (it != children.end()) add(it->second, row);
    }
  };
  if (child_id == nullptr) {
    each(sql.prepare << query);
    return;
  }
  std::string id = *child_id;
  each((sql.prepare << query, soci::use(id, "c")));
}

// The concerns, submitted assessments and referrals of `children` (of `child_id` alone, when
// given).
void AddEvents(soci::session& sql, const std::string* child_id,
               std::unordered_map<std::string, profile::IndexedChild>& children) {
  auto with = [&](const char* query, const char* joiner) {
    return child_id == nullptr ? std::string(query) : std::string(query) + joiner + "child_id = :c";
  };
  ForEachRow(sql, with(kConcernColumns, " WHERE "), child_id, children,
             [](auto& c, const soci::row& row) { c.events.push_back(ConcernOf(row)); });
  ForEachRow(sql, with(kAssessmentColumns, " AND "), child_id, children,
             [](auto& c, const soci::row& row) {
               auto a = AssessmentOf(row);
               c.events.push_back({.at = a.submitted_at,
                                   .kind = profile::EventKind::kAssessment,
                                   .agency = a.agency,
                                   .category = {}});
               c.assessments.push_back(std::move(a));
             });
  ForEachRow(sql, with(kReferralColumns, " WHERE "), child_id, children,
             [](auto& c, const soci::row& row) { c.events.push_back(ReferralOf(row)); });
}

}  // namespace

void ProfileStore::LoadAll(soci::session& sql) {
  index_.Clear();
  std::unordered_map<std::string, profile::IndexedChild> children;
  long long count = 0;
  sql << "SELECT COUNT(*) FROM children", soci::into(count);
  children.reserve(std::size_t(count));
  soci::rowset<soci::row> rows = sql.prepare << kChildColumns;
  for (const auto& row : rows) {
    profile::IndexedChild c;
    SetRecord(c, row);
    std::string id = c.id;
    children.emplace(std::move(id), std::move(c));
  }
  AddEvents(sql, nullptr, children);
  for (const auto& [id, child] : children) index_.Put(child);
}

void ProfileStore::Reload(soci::session& sql, const std::set<std::string>& ids) {
  for (const auto& id : ids) {
    std::unordered_map<std::string, profile::IndexedChild> one;
    std::string child_id = id;
    soci::rowset<soci::row> rows =
        (sql.prepare << kChildColumns << " AND id = :id", soci::use(child_id));
    for (const auto& row : rows) SetRecord(one[id], row);
    if (one.empty()) {  // deleted, or merged into another child
      index_.Remove(id);
      continue;
    }
    AddEvents(sql, &id, one);
    index_.Put(one.begin()->second);
  }
}

void ProfileStore::MarkWatermark(soci::session& sql) {
  applied_.clear();
  if (db_.EngineKind() == Engine::kSqlite) {
    long long seq = 0;
    sql << "SELECT COALESCE(MAX(seq), 0) FROM profile_changes", soci::into(seq);
    watermark_ = seq;
    return;
  }
  std::string xmin;
  sql << "SELECT pg_snapshot_xmin(pg_current_snapshot())::text", soci::into(xmin);
  watermark_ = std::stoll(xmin);
}

// SQLite has one writer, which commits in sequence order: everything after the last sequence
// number read is new. On PostgreSQL a later sequence number may commit first, so the store reads
// by transaction: every transaction still running when it last looked (ids from that look's
// oldest running one, pg_snapshot_xmin) may have committed since, so their changes are read
// again, less those already applied. The oldest running id is read before the changes, so that
// nothing commits unseen between the two reads.
std::set<std::string> ProfileStore::ChangedSince(soci::session& sql) {
  std::set<std::string> ids;
  if (db_.EngineKind() == Engine::kSqlite) {
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT seq, child_id FROM profile_changes WHERE seq > :w ORDER BY seq",
         soci::use(watermark_));
    for (const auto& row : rows) {
      watermark_ = std::max<std::int64_t>(watermark_, GetInt(row, 0));
      ids.insert(GetText(row, 1));
    }
    return ids;
  }
  std::string xmin_text;
  sql << "SELECT pg_snapshot_xmin(pg_current_snapshot())::text", soci::into(xmin_text);
  std::int64_t xmin = std::stoll(xmin_text);
  std::set<std::int64_t> still_open;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT seq, child_id, xid FROM profile_changes WHERE xid >= :w",
       soci::use(watermark_));
  for (const auto& row : rows) {
    std::int64_t seq = GetInt(row, 0);
    if (!applied_.contains(seq)) ids.insert(GetText(row, 1));
    if (GetInt(row, 2) >= xmin) still_open.insert(seq);
  }
  applied_ = std::move(still_open);
  watermark_ = xmin;
  return ids;
}

void ProfileStore::PruneLog(soci::session& sql, std::chrono::system_clock::time_point now) {
  if (now - last_prune_ < kPruneEvery) return;
  last_prune_ = now;
  std::string before = FormatRfc3339(std::chrono::floor<std::chrono::seconds>(now - kLogKept));
  try {
    sql << "DELETE FROM profile_changes WHERE changed_at < :b", soci::use(before);
  } catch (const std::exception& e) {  // another writer holds the database: next hour
    spdlog::warn("profile: pruning the change log failed: {}", e.what());
  }
}

Result<void> ProfileStore::Refresh() {
  std::unique_lock lock(mu_);
  auto done = Guard("refreshing the profile's index", [&]() -> Result<void> {
    soci::session sql(db_.Pool());
    auto now = std::chrono::steady_clock::now();
    bool recent = loaded_ && now - last_look_ < kLongestGap;
    loaded_ = false;  // until this refresh has finished
    if (recent) {
      auto changed = ChangedSince(sql);
      if (changed.size() <= kMostReloaded) {
        Reload(sql, changed);
        last_ = {.full = false, .reloaded = changed.size()};
        loaded_ = true;
        last_look_ = now;
        PruneLog(sql, std::chrono::system_clock::now());
        return {};
      }
    }
    MarkWatermark(sql);
    LoadAll(sql);
    spdlog::info("profile: {} children loaded into memory in {} ms", index_.Size(),
                 std::chrono::duration_cast<std::chrono::milliseconds>(
                     std::chrono::steady_clock::now() - now)
                     .count());
    last_ = {.full = true, .reloaded = 0};
    loaded_ = true;
    last_look_ = now;
    return {};
  });
  return done;
}

ProfileStore::RefreshStats ProfileStore::LastRefresh() const {
  std::shared_lock lock(mu_);
  return last_;
}

Result<profile::AreaFacts> ProfileStore::Facts(const profile::Period& period) {
  if (auto fresh = Refresh(); !fresh) return std::unexpected(fresh.error());
  // The period's referrals, episodes, disruptions and actions do not depend on its children:
  // they are read on a second thread while this one finds the children. Each thread holds one
  // pooled connection at most and waits for nothing while it does, so a small pool only makes
  // them take turns.
  auto period_facts = std::async(std::launch::async, [&]() -> Result<profile::AreaFacts> {
    return Guard("reading the profile's facts", [&]() -> Result<profile::AreaFacts> {
      soci::session sql(db_.Pool());
      profile::AreaFacts read;
      ReadPeriodFacts(sql, period, read);
      return read;
    });
  });
  profile::AreaFacts facts;
  {
    std::shared_lock lock(mu_);
    facts.children = index_.Identified(period);
    facts.borrowed_text = index_.Text();
  }
  auto linked = Guard("reading the profile's facts", [&]() -> Result<void> {
    soci::session sql(db_.Pool());
    ReadChildLinks(sql, period, facts);
    return {};
  });
  auto read = period_facts.get();
  if (!linked) return std::unexpected(linked.error());
  if (!read) return std::unexpected(read.error());
  facts.last_day = read->last_day;
  facts.referrals = std::move(read->referrals);
  facts.episodes = std::move(read->episodes);
  facts.disruptions = std::move(read->disruptions);
  facts.actions = std::move(read->actions);
  return facts;
}

Result<std::vector<profile::MonthCount>> ProfileStore::Trend(
    const std::vector<profile::Period>& months) {
  if (auto fresh = Refresh(); !fresh) return std::unexpected(fresh.error());
  std::vector<profile::ChildIndex::PeriodCounts> counts;
  {
    std::shared_lock lock(mu_);
    counts = index_.Counts(months);
  }
  return Guard("reading the profile's trend", [&]() -> Result<std::vector<profile::MonthCount>> {
    soci::session sql(db_.Pool());
    std::vector<profile::MonthCount> out;
    for (std::size_t i = 0; i < months.size(); ++i) {
      out.push_back({.month = profile::PeriodCode(months[i]),
                     .children = counts[i].children,
                     .referrals = counts[i].referrals,
                     .episodes = EpisodesStarted(sql, months[i])});
    }
    return out;
  });
}

}  // namespace harbour::storage
