// The audit trail's storage on a real SQLite file: the child each entry names (sealed), the
// child inferred for entries sealed before it existed (migration 10), and the auditor's
// filters and pages. (PostgreSQL is exercised by tests/integration.)
#include "storage/audit_repository.h"

#include <gtest/gtest.h>

#include <map>

#include "storage/storage_fixture.h"

namespace harbour::storage {
namespace {

using testing::StorageTest;

class AuditTrailTest : public StorageTest {
 protected:
  audit::Entry About(std::string action, std::string record_type, std::string record_id,
                     std::string child_id = "", std::string detail = "") {
    audit::Entry e = Entry(std::move(action));
    e.record_type = std::move(record_type);
    e.record_id = std::move(record_id);
    e.child_id = std::move(child_id);
    e.detail = std::move(detail);
    return e;
  }

  std::vector<std::int64_t> Seqs(const audit::Filter& filter, const audit::PageCursor& cursor = {},
                                 int size = 100, TrailPage* out = nullptr) {
    auto page = AuditRepository(*db_).Page(filter, cursor, size);
    EXPECT_TRUE(page.has_value()) << (page ? "" : page.error().message);
    std::vector<std::int64_t> seqs;
    if (!page) return seqs;
    for (const auto& e : page->entries) seqs.push_back(e.entry.seq);
    if (out != nullptr) *out = *page;
    return seqs;
  }

  // Puts the database back as the release before migration 10 left it: no child columns, no
  // filter indexes, migration 10 not applied.
  void UndoMigration10() {
    soci::session sql(db_->Pool());
    for (const char* index :
         {"audit_log_child", "audit_log_inferred_child", "audit_log_username", "audit_log_agency",
          "audit_log_action", "audit_log_outcome", "audit_log_at"}) {
      sql << "DROP INDEX " << index;
    }
    sql << "ALTER TABLE audit_log DROP COLUMN child_id";
    sql << "ALTER TABLE audit_log DROP COLUMN inferred_child_id";
    sql << "DELETE FROM schema_migrations WHERE version = 10";
  }

  // Appends `entry` as the release before migration 10 did: sealed without a child, into the
  // columns it had.
  void AppendOld(audit::Entry entry, std::optional<audit::Entry>& previous) {
    entry.child_id.clear();
    audit::Seal(entry, previous);
    soci::session sql(db_->Pool());
    long long seq = entry.seq;
    std::string at = FormatRfc3339(entry.at);
    sql << "INSERT INTO audit_log (seq, at, user_id, username, role, agency, action, record_type, "
           "record_id, purpose, outcome, detail, request_id, prev_hash, hash) VALUES (:s, :at, "
           ":u, :n, :r, :a, :act, :rt, :ri, :p, :o, :d, :q, :ph, :h)",
        soci::use(seq), soci::use(at), soci::use(entry.user_id), soci::use(entry.username),
        soci::use(entry.role), soci::use(entry.agency), soci::use(entry.action),
        soci::use(entry.record_type), soci::use(entry.record_id), soci::use(entry.purpose),
        soci::use(entry.outcome), soci::use(entry.detail), soci::use(entry.request_id),
        soci::use(entry.prev_hash), soci::use(entry.hash);
    previous = entry;
  }

  // seq -> "child_id|inferred_child_id|hash|detail"
  std::map<long long, std::string> Stored() {
    soci::session sql(db_->Pool());
    std::map<long long, std::string> out;
    soci::rowset<soci::row> rows =
        sql.prepare << "SELECT seq, child_id, inferred_child_id, hash, detail FROM audit_log";
    for (const auto& row : rows) {
      out[GetInt(row, 0)] =
          GetText(row, 1) + "|" + GetText(row, 2) + "|" + GetText(row, 3) + "|" + GetText(row, 4);
    }
    return out;
  }

  void Exec(const std::string& statement) {
    soci::session sql(db_->Pool());
    sql << statement;
  }
};

TEST_F(AuditTrailTest, AuditEntriesNameTheirChild_TheChildIsStoredAndSealed) {
  AuditRepository audit(*db_);
  ASSERT_TRUE(audit.Append(About("concern.create", "concern", "k1", "c1")).has_value());
  auto recent = audit.Recent(1);
  ASSERT_TRUE(recent.has_value());
  ASSERT_EQ(recent->size(), 1u);
  EXPECT_EQ(recent->front().child_id, "c1");
  EXPECT_EQ(recent->front().hash, audit::ComputeHash(recent->front()));
  ASSERT_FALSE(audit.VerifyAll()->has_value());
  Exec("UPDATE audit_log SET child_id = 'c2' WHERE seq = 1");
  auto broken = audit.VerifyAll();
  ASSERT_TRUE(broken.has_value());
  ASSERT_TRUE(broken->has_value()) << "changing the sealed child breaks the chain";
  EXPECT_EQ((*broken)->reason, "hash mismatch");
}

TEST_F(AuditTrailTest, AuditEntriesNameTheirChild_SeveralAreAppendedInOneGo) {
  AuditRepository audit(*db_);
  std::vector<audit::Entry> entries{About("panel.view", "panel_meeting", "m1", "c1"),
                                    About("panel.view", "panel_meeting", "m1", "c2")};
  ASSERT_TRUE(audit.Append(entries).has_value());
  EXPECT_EQ(Seqs(audit::Filter{.child_id = "c2"}), (std::vector<std::int64_t>{2}));
  EXPECT_FALSE(audit.VerifyAll()->has_value());
}

TEST_F(AuditTrailTest, OldAuditEntriesGetTheirChildInASeparateColumnAndStillVerify) {
  // Records as an earlier release left them, about two children.
  auto child = MakeChild("Robin", "Oldfield");
  auto other = MakeChild("Sam", "Otherfield");
  Insert(child);
  Insert(other);
  const std::string c = child.id, o = other.id, u = user_.id, a = agency_.id;
  const std::string at = FormatRfc3339(now_);
  const std::string concern = NewId(), referral = NewId(), task = NewId(), episode = NewId(),
                    meeting = NewId(), stranger = NewId();
  Exec(
      "INSERT INTO concerns (id, child_id, observed_at, category, narrative, first_hand, "
      "recorded_by, recorded_by_agency, recorded_at) VALUES ('" +
      concern + "', '" + c + "', '" + at + "', 'other', 'Seen.', 1, '" + u + "', '" + a + "', '" +
      at + "')");
  Exec(
      "INSERT INTO referrals (id, child_id, referred_by, referrer_agency, reason, sharing, state, "
      "submitted_at, screening_due, updated_at) VALUES ('" +
      referral + "', '" + c + "', '" + u + "', '" + a + "', 'Why.', 'consent', 'submitted', '" +
      at + "', '" + at + "', '" + at + "')");
  Exec(
      "INSERT INTO tasks (id, child_id, source_type, source_id, title, who, due_at, status, "
      "created_by, created_at) VALUES ('" +
      task + "', '" + o + "', 'assessment', 'x', 'Do it', 'practitioner', '" + at + "', 'open', '" +
      u + "', '" + at + "')");
  Exec(
      "INSERT INTO missing_episodes (id, child_id, kind, started_at, reported_by, recorded_by, "
      "recorded_by_agency, recorded_at) VALUES ('" +
      episode + "', '" + c + "', 'missing', '" + at + "', 'carer', '" + u + "', '" + a + "', '" +
      at + "')");
  UndoMigration10();

  // Entries sealed by that release.
  std::optional<audit::Entry> previous;
  AppendOld(About("child.view", "child", c), previous);                                  // 1
  AppendOld(About("concern.create", "concern", concern, "", "child " + c), previous);    // 2
  AppendOld(About("concern.addendum", "concern", concern, "", "addendum x"), previous);  // 3
  AppendOld(About("referral.move", "referral", referral, "", "submitted -> screening"),
            previous);                                                       // 4
  AppendOld(About("task.complete", "task", task), previous);                 // 5
  AppendOld(About("missing.return", "missing_episode", episode), previous);  // 6
  AppendOld(About("panel.agenda", "panel_meeting", meeting, "", "child " + o + " (review)"),
            previous);                               // 7
  AppendOld(About("sign-in", "user", u), previous);  // 8
  AppendOld(About("panel.agenda", "panel_meeting", meeting, "", "child " + stranger),
            previous);                                               // 9
  AppendOld(About("concern.create", "concern", NewId()), previous);  // 10: a concern not stored
  {
    soci::session sql(db_->Pool());
    long long count = 0;
    sql << "SELECT count(*) FROM audit_log", soci::into(count);
    ASSERT_EQ(count, 10);
  }

  // The migration infers each entry's child into its own column and rewrites nothing sealed.
  auto applied = Migrate(*db_);
  ASSERT_TRUE(applied.has_value()) << applied.error().message;
  EXPECT_EQ(*applied, (std::vector<int>{10}));
  auto stored = Stored();
  const std::map<long long, std::string> inferred = {{1, c}, {2, c}, {3, c},  {4, c},  {5, o},
                                                     {6, c}, {7, o}, {8, ""}, {9, ""}, {10, ""}};
  for (const auto& [seq, child_id] : inferred) {
    const std::string& row = stored.at(seq);
    EXPECT_TRUE(row.starts_with("|" + child_id + "|")) << "entry " << seq << ": " << row;
  }
  AuditRepository audit(*db_);
  std::int64_t checked = 0;
  auto intact = audit.VerifyAll(&checked);
  ASSERT_TRUE(intact.has_value());
  EXPECT_FALSE(intact->has_value()) << "the old chain still verifies after the migration";
  EXPECT_EQ(checked, 10);

  // New entries carry their child sealed; the chain goes on; the filter reads both columns.
  ASSERT_TRUE(audit.Append(About("assessment.submit", "assessment", NewId(), c)).has_value());
  ASSERT_TRUE(audit.Append(About("child.view", "child", o, o)).has_value());
  EXPECT_FALSE(audit.VerifyAll()->has_value());
  EXPECT_EQ(Seqs(audit::Filter{.child_id = c}), (std::vector<std::int64_t>{11, 6, 4, 3, 2, 1}));
  EXPECT_EQ(Seqs(audit::Filter{.child_id = o}), (std::vector<std::int64_t>{12, 7, 5}));
  TrailPage page;
  Seqs(audit::Filter{.child_id = c}, {}, 100, &page);
  EXPECT_EQ(page.entries.back().inferred_child_id, c);
  EXPECT_EQ(page.entries.back().entry.child_id, "");
  EXPECT_EQ(page.entries.front().inferred_child_id, "");
  EXPECT_EQ(page.entries.front().entry.child_id, c);
  // Tampering with the inferred column is not a chain break (it is not sealed), but the
  // sealed child is.
  Exec("UPDATE audit_log SET inferred_child_id = 'x' WHERE seq = 1");
  EXPECT_FALSE(audit.VerifyAll()->has_value());
}

TEST_F(AuditTrailTest, AuditFiltersNarrowByEachColumn) {
  AuditRepository audit(*db_);
  auto at = [&](int day) { return now_ + std::chrono::days(day); };
  std::vector<audit::Entry> entries;
  for (int i = 0; i < 6; ++i) {
    audit::Entry e = About(i % 2 == 0 ? "concern.create" : "child.view", "child", "c1", "c1");
    e.at = at(i);
    e.username = i < 3 ? "alex" : "sam";
    e.agency = i < 4 ? "POL" : "SCH";
    e.outcome = i == 5 ? "refused" : "allowed";
    ASSERT_TRUE(audit.Append(e).has_value());
  }
  EXPECT_EQ(Seqs({}), (std::vector<std::int64_t>{6, 5, 4, 3, 2, 1}));
  EXPECT_EQ(Seqs({.username = "sam"}), (std::vector<std::int64_t>{6, 5, 4}));
  EXPECT_EQ(Seqs({.agency = "SCH"}), (std::vector<std::int64_t>{6, 5}));
  EXPECT_EQ(Seqs({.action = "concern.create"}), (std::vector<std::int64_t>{5, 3, 1}));
  EXPECT_EQ(Seqs({.refused_only = true}), (std::vector<std::int64_t>{6}));
  audit::Filter dated;
  dated.from = LondonDate(at(1));
  dated.to = LondonDate(at(3));
  EXPECT_EQ(Seqs(dated), (std::vector<std::int64_t>{4, 3, 2}));
  audit::Filter both{.username = "alex", .action = "child.view"};
  EXPECT_EQ(Seqs(both), (std::vector<std::int64_t>{2}));
  EXPECT_EQ(Seqs({.child_id = "c2"}), (std::vector<std::int64_t>{}));
}

TEST_F(AuditTrailTest, AuditPagesGoBackAndForthNewestFirst) {
  AuditRepository audit(*db_);
  for (int i = 0; i < 7; ++i) {
    ASSERT_TRUE(audit.Append(About("child.view", "child", "c1", i == 3 ? "c2" : "c1")).has_value());
  }
  // Pages of three among the six entries about c1: 7 6 5 | 3 2 1 ... seq 4 is about c2.
  audit::Filter c1{.child_id = "c1"};
  TrailPage first;
  EXPECT_EQ(Seqs(c1, {}, 3, &first), (std::vector<std::int64_t>{7, 6, 5}));
  EXPECT_FALSE(first.has_newer);
  EXPECT_TRUE(first.has_older);
  TrailPage second;
  EXPECT_EQ(Seqs(c1, {.before = 5}, 3, &second), (std::vector<std::int64_t>{3, 2, 1}));
  EXPECT_TRUE(second.has_newer);
  EXPECT_FALSE(second.has_older);
  TrailPage back;
  EXPECT_EQ(Seqs(c1, {.after = 3}, 3, &back), (std::vector<std::int64_t>{7, 6, 5}));
  EXPECT_FALSE(back.has_newer);
  EXPECT_TRUE(back.has_older);
  // A newer page that would not be full is the newest page.
  TrailPage partial;
  EXPECT_EQ(Seqs(c1, {.after = 5}, 3, &partial), (std::vector<std::int64_t>{7, 6, 5}));
  EXPECT_FALSE(partial.has_newer);
  // Two full pages back from the oldest.
  TrailPage middle;
  EXPECT_EQ(Seqs({}, {.after = 1}, 3, &middle), (std::vector<std::int64_t>{4, 3, 2}));
  EXPECT_TRUE(middle.has_newer);
  EXPECT_TRUE(middle.has_older);
  EXPECT_EQ(Seqs(c1, {.before = 1}, 3), (std::vector<std::int64_t>{}));
}

TEST_F(AuditTrailTest, MatchingIsTheExportNewestFirstWithALimit) {
  AuditRepository audit(*db_);
  for (int i = 0; i < 4; ++i) ASSERT_TRUE(audit.Append(About("child.view", "child", "c1", "c1")));
  bool more = false;
  auto rows = audit.Matching({.child_id = "c1"}, 3, &more);
  ASSERT_TRUE(rows.has_value());
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ(rows->front().entry.seq, 4);
  EXPECT_TRUE(more);
  rows = audit.Matching({.child_id = "c1"}, 4, &more);
  ASSERT_TRUE(rows.has_value());
  EXPECT_EQ(rows->size(), 4u);
  EXPECT_FALSE(more);
}

}  // namespace
}  // namespace harbour::storage
