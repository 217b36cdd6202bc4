// Storage on a real SQLite file: migrations, the audit chain, children, concerns and access
// contexts. (PostgreSQL is exercised by tests/integration, which starts a server.)
#include <gtest/gtest.h>

#include <filesystem>

#include "common/identifiers.h"
#include "common/ids.h"
#include "storage/access_repository.h"
#include "storage/agencies_repository.h"
#include "storage/audit_repository.h"
#include "storage/children_repository.h"
#include "storage/concerns_repository.h"
#include "storage/identity_repository.h"
#include "storage/migrations.h"
#include "storage/storage_fixture.h"

namespace harbour::storage {
namespace {

namespace fs = std::filesystem;

using testing::StorageTest;

TEST_F(StorageTest, MigrationsAreRecordedAndIdempotent) {
  auto status = CheckMigrations(*db_);
  ASSERT_TRUE(status.has_value());
  EXPECT_TRUE(status->pending.empty());
  EXPECT_EQ(status->applied.size(), EmbeddedMigrations().size());
  auto again = Migrate(*db_);
  ASSERT_TRUE(again.has_value());
  EXPECT_TRUE(again->empty());
}

TEST_F(StorageTest, RefusesADatabaseWhoseAppliedMigrationDiffers) {
  {
    soci::session sql(db_->Pool());
    sql << "UPDATE schema_migrations SET checksum = 'tampered' WHERE version = 1";
  }
  auto status = CheckMigrations(*db_);
  ASSERT_FALSE(status.has_value());
  EXPECT_EQ(status.error().code, "migration_changed");
  EXPECT_FALSE(Migrate(*db_).has_value());
}

TEST_F(StorageTest, RefusesADatabaseFromANewerBuild) {
  {
    soci::session sql(db_->Pool());
    sql << "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES "
           "(9999, '9999_future', 'x', '2030-01-01T00:00:00Z')";
  }
  auto status = CheckMigrations(*db_);
  ASSERT_FALSE(status.has_value());
  EXPECT_EQ(status.error().code, "unknown_migration");
}

TEST(SplitStatements, KeepsOnlyTheEnginesTaggedStatements) {
  std::string_view sql =
      "-- a comment\nCREATE TABLE a (x TEXT);\n-- why\n-- @sqlite\nCREATE INDEX i ON a (x);\n"
      "-- @postgresql\nCREATE INDEX i ON a (x text_pattern_ops);\n-- trailing comment only\n";
  auto sqlite = SplitStatements(sql, Engine::kSqlite);
  ASSERT_EQ(sqlite.size(), 2u);
  EXPECT_NE(sqlite[1].find("CREATE INDEX i ON a (x)"), std::string::npos);
  auto postgres = SplitStatements(sql, Engine::kPostgres);
  ASSERT_EQ(postgres.size(), 2u);
  EXPECT_NE(postgres[1].find("text_pattern_ops"), std::string::npos);
}

TEST(ParseDatabaseUrl, SqliteAndPostgresForms) {
  auto relative = ParseDatabaseUrl("sqlite:///var/harbour.db");
  ASSERT_TRUE(relative.has_value());
  EXPECT_EQ(relative->path, "var/harbour.db");
  auto absolute = ParseDatabaseUrl("sqlite:////tmp/h.db");
  ASSERT_TRUE(absolute.has_value());
  EXPECT_EQ(absolute->path, "/tmp/h.db");
  auto pg =
      ParseDatabaseUrl("postgresql://harbour:s%27cret@127.0.0.1:5433/harbour?sslmode=disable");
  ASSERT_TRUE(pg.has_value());
  EXPECT_EQ(pg->engine, Engine::kPostgres);
  EXPECT_EQ(pg->connect,
            "host='127.0.0.1' port='5433' user='harbour' password='s\\'cret' dbname='harbour' "
            "sslmode='disable'");
  EXPECT_FALSE(ParseDatabaseUrl("mysql://x").has_value());
  EXPECT_FALSE(ParseDatabaseUrl("sqlite:///").has_value());
  EXPECT_FALSE(ParseDatabaseUrl("postgresql://h/db?bad key=1").has_value());
}

TEST_F(StorageTest, AuditChainVerifiesAndDetectsTampering) {
  AuditRepository audit(*db_);
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(audit.Append(Entry("child.view")).has_value());
  std::int64_t checked = 0;
  auto intact = audit.VerifyAll(&checked);
  ASSERT_TRUE(intact.has_value());
  EXPECT_FALSE(intact->has_value());
  EXPECT_EQ(checked, 5);
  {
    soci::session sql(db_->Pool());
    sql << "UPDATE audit_log SET detail = 'changed' WHERE seq = 3";
  }
  auto broken = audit.VerifyAll();
  ASSERT_TRUE(broken.has_value());
  ASSERT_TRUE(broken->has_value());
  EXPECT_EQ((*broken)->seq, 3);
}

TEST_F(StorageTest, AuditDetectsADeletedEntry) {
  AuditRepository audit(*db_);
  for (int i = 0; i < 4; ++i) ASSERT_TRUE(audit.Append(Entry("child.view")).has_value());
  {
    soci::session sql(db_->Pool());
    sql << "DELETE FROM audit_log WHERE seq = 2";
  }
  auto broken = audit.VerifyAll();
  ASSERT_TRUE(broken.has_value());
  ASSERT_TRUE(broken->has_value());
}

TEST_F(StorageTest, ChildRoundTripsWithAliasesAndInvolvement) {
  auto child = MakeChild("Zoë", "O'Brien", SyntheticNhsNumber(5));
  child.aliases = {"Zo", "Zed"};
  Insert(child);
  ChildrenRepository repo(*db_);
  auto found = repo.Find(child.id);
  ASSERT_TRUE(found.has_value() && found->has_value());
  EXPECT_EQ((*found)->given_name, "Zoë");
  EXPECT_EQ((*found)->aliases, (std::vector<std::string>{"Zed", "Zo"}));
  EXPECT_EQ((*found)->nhs_number, child.nhs_number);
  auto context = repo.Context(child.id, user_.id, now_);
  ASSERT_TRUE(context.has_value());
  EXPECT_EQ(context->involved_agencies, std::set<std::string>{agency_.id});
  EXPECT_TRUE(context->granted_users.empty());
}

TEST_F(StorageTest, DuplicateNhsNumberIsAConflict) {
  Insert(MakeChild("A", "One", SyntheticNhsNumber(9)));
  auto second = Guard("insert", [&]() -> Result<void> {
    Insert(MakeChild("B", "Two", SyntheticNhsNumber(9)));
    return {};
  });
  ASSERT_FALSE(second.has_value());
  EXPECT_EQ(second.error().kind, ErrorKind::kConflict);
}

TEST_F(StorageTest, SearchMatchesNamePrefixesAliasesDatesAndNhsNumbers) {
  auto a = MakeChild("Amelia", "Smith", SyntheticNhsNumber(1));
  auto b = MakeChild("Oliver", "Smithson");
  b.aliases = {"Olly Jones"};
  auto c = MakeChild("Grace", "Taylor");
  c.date_of_birth = Date{std::chrono::year(2011), std::chrono::month(1), std::chrono::day(2)};
  for (const auto& child : {a, b, c}) Insert(child);
  ChildrenRepository repo(*db_);
  auto names = [&](std::string_view q) {
    std::vector<std::string> out;
    auto found = repo.Search(children::ParseSearchQuery(q), user_.id, now_, 50);
    EXPECT_TRUE(found.has_value());
    std::vector<std::string> ids;
    for (const auto& candidate : *found) {
      EXPECT_EQ(candidate.context.involved_agencies, std::set<std::string>{agency_.id});
      ids.push_back(candidate.child_id);
    }
    auto children = repo.FindMany(ids);
    EXPECT_TRUE(children.has_value());
    for (const auto& child : *children) out.push_back(child.given_name);
    std::sort(out.begin(), out.end());
    return out;
  };
  EXPECT_EQ(names("smi"), (std::vector<std::string>{"Amelia", "Oliver"}));
  EXPECT_EQ(names("amelia smith"), (std::vector<std::string>{"Amelia"}));
  EXPECT_EQ(names("olly"), (std::vector<std::string>{"Oliver"}));
  EXPECT_EQ(names("2/1/2011"), (std::vector<std::string>{"Grace"}));
  EXPECT_EQ(names(a.nhs_number), (std::vector<std::string>{"Amelia"}));
  EXPECT_TRUE(names("nobody").empty());
}

// Given names of the children a search finds, sorted.
std::vector<std::string> GivenNamesFound(ChildrenRepository& repo, const std::string& user_id,
                                         Instant now, std::string_view q) {
  auto found = repo.Search(children::ParseSearchQuery(q), user_id, now, 50);
  EXPECT_TRUE(found.has_value()) << q;
  if (!found) return {};
  std::vector<std::string> ids;
  for (const auto& candidate : *found) ids.push_back(candidate.child_id);
  auto children = repo.FindMany(ids);
  EXPECT_TRUE(children.has_value());
  std::vector<std::string> out;
  for (const auto& child : *children) out.push_back(child.given_name);
  std::sort(out.begin(), out.end());
  return out;
}

TEST_F(StorageTest, Issue11SearchFindsEachPartOfHyphenatedAndApostropheNames) {
  auto zoe = MakeChild("Zo\u00eb", "\u0143owak-O'Brien", SyntheticNhsNumber(11));
  auto other = MakeChild("Brian", "Nowakowski");
  auto known_as = MakeChild("Amelia", "Smith");
  known_as.aliases = {"Millie D\u2019Arcy"};
  for (const auto& child : {zoe, other, known_as}) Insert(child);
  ChildrenRepository repo(*db_);
  auto names = [&](std::string_view q) { return GivenNamesFound(repo, user_.id, now_, q); };
  const std::vector<std::string> just_zoe{"Zo\u00eb"};
  for (std::string_view q :
       {"O'Brien", "O\u2019Brien", "OBrien", "Brien", "obri", "Nowak-O'Brien", "nowak obrien",
        "NowakOBrien", "Zoe O'Brien", "zo\u00eb brien", "\u0143owak zoe"}) {
    EXPECT_EQ(names(q), just_zoe) << q;
  }
  EXPECT_EQ(names("Nowak"), (std::vector<std::string>{"Brian", "Zo\u00eb"}));
  EXPECT_EQ(names("\u0143owak"), (std::vector<std::string>{"Brian", "Zo\u00eb"}));
  EXPECT_EQ(names("bri"), (std::vector<std::string>{"Brian", "Zo\u00eb"}));
  EXPECT_EQ(names("brian nowak"), (std::vector<std::string>{"Brian"}));
  EXPECT_TRUE(names("zoe nowakowski").empty());
  // Aliases match on any word, alongside the child's own name.
  EXPECT_EQ(names("millie smith"), (std::vector<std::string>{"Amelia"}));
  EXPECT_EQ(names("Arcy"), (std::vector<std::string>{"Amelia"}));
  EXPECT_EQ(names("darcy"), (std::vector<std::string>{"Amelia"}));
  // Other routes are unchanged.
  EXPECT_EQ(names(zoe.nhs_number), just_zoe);
  EXPECT_EQ(names("4/3/2012").size(), 3u);
}

TEST_F(StorageTest, Migration0012ComputesTheNameKeysOfExistingChildren) {
  auto zoe = MakeChild("Zo\u00eb", "\u0143owak-O'Brien");
  zoe.aliases = {"Zed"};
  Insert(zoe);
  Insert(MakeChild("Amelia", "Smith"));
  {
    // The database as it was before 0012: children, and no name keys.
    soci::session sql(db_->Pool());
    sql << "DROP TABLE child_name_keys";
    sql << "DROP INDEX children_search_order";
    sql << "DELETE FROM schema_migrations WHERE version = 12";
  }
  auto applied = Migrate(*db_);
  ASSERT_TRUE(applied.has_value()) << applied.error().message;
  EXPECT_EQ(*applied, std::vector<int>{12});
  std::vector<std::string> keys;
  {
    soci::session sql(db_->Pool());
    soci::rowset<std::string> rows =
        (sql.prepare << "SELECT name_key FROM child_name_keys WHERE child_id = :id ORDER BY "
                        "name_key",
         soci::use(zoe.id));
    for (const auto& key : rows) keys.push_back(key);
  }
  EXPECT_EQ(keys,
            (std::vector<std::string>{"brien", "nowak", "nowakobrien", "obrien", "zed", "zoe"}));
  ChildrenRepository repo(*db_);
  EXPECT_EQ(GivenNamesFound(repo, user_.id, now_, "Brien"), std::vector<std::string>{"Zo\u00eb"});
  EXPECT_EQ(GivenNamesFound(repo, user_.id, now_, "smith"), std::vector<std::string>{"Amelia"});
}

TEST_F(StorageTest, ConcernsBuildTheChronologyAndInvolveTheAgency) {
  auto child = MakeChild("Ruby", "Hall");
  Insert(child);
  concerns::Concern concern;
  concern.id = NewId();
  concern.child_id = child.id;
  concern.observed_at = now_ - std::chrono::hours(2);
  concern.category = concerns::Category::kSexualExploitation;
  concern.indicators = {"ws.going_missing", "ws.unexplained_gifts"};
  concern.narrative = "Seen getting into a car.";
  concern.recorded_by = user_.id;
  concern.recorded_by_agency = other_.id;
  concern.recorded_at = now_;
  concern.immediate_danger = true;
  {
    Transaction tx(*db_);
    ConcernsRepository(*db_).InsertIn(tx, concern);
    ChildrenRepository(*db_).AddInvolvementIn(tx, child.id, other_.id, "concern", user_.id, now_);
    tx.Commit();
  }
  ConcernsRepository concerns(*db_);
  auto records = concerns.ChronologyRecordsFor(child.id);
  ASSERT_TRUE(records.has_value());
  ASSERT_EQ(records->concerns.size(), 1u);
  EXPECT_TRUE(records->addenda.empty());
  const auto& [recorded, by] = records->concerns.front();
  EXPECT_EQ(recorded.indicators, concern.indicators);
  EXPECT_EQ(by.agency_id, other_.id);
  EXPECT_EQ(by.agency_name, "Test School");
  EXPECT_EQ(by.name, user_.display_name);
  EXPECT_TRUE(recorded.immediate_danger);
  EXPECT_FALSE(records->record_created_by.name.empty());
  auto alerts = concerns.OpenAlerts(10);
  ASSERT_TRUE(alerts.has_value());
  ASSERT_EQ(alerts->size(), 1u);
  EXPECT_EQ(alerts->front().child_id, child.id);
  auto context = ChildrenRepository(*db_).Context(child.id, user_.id, now_);
  ASSERT_TRUE(context.has_value());
  EXPECT_EQ(context->involved_agencies, (std::set<std::string>{agency_.id, other_.id}));
}

TEST_F(StorageTest, GrantsAreScopedToTheUserAndExpire) {
  auto child = MakeChild("Leo", "Wood");
  Insert(child);
  AccessRepository access(*db_);
  AccessRequest request{NewId(), "leo wood", "", "", user_.id, "", "", "joint visit", "open", now_};
  {
    Transaction tx(*db_);
    access.InsertRequestIn(tx, request);
    tx.Commit();
  }
  auto open = access.OpenRequests(10);
  ASSERT_TRUE(open.has_value());
  ASSERT_EQ(open->size(), 1u);
  {
    Transaction tx(*db_);
    access.GrantIn(tx, open->front(), child.id, user_.id, now_, now_ + std::chrono::days(1));
    tx.Commit();
  }
  ChildrenRepository children(*db_);
  auto during = children.Context(child.id, user_.id, now_ + std::chrono::hours(1));
  ASSERT_TRUE(during.has_value());
  EXPECT_EQ(during->granted_users, std::set<std::string>{user_.id});
  auto after = children.Context(child.id, user_.id, now_ + std::chrono::days(2));
  ASSERT_TRUE(after.has_value());
  EXPECT_TRUE(after->granted_users.empty());
  EXPECT_TRUE(access.OpenRequests(10)->empty());
  auto decided = access.FindRequest(request.id);
  ASSERT_TRUE(decided.has_value() && decided->has_value());
  EXPECT_EQ((*decided)->status, "granted");
  EXPECT_EQ((*decided)->child_name, "Leo Wood");
}

}  // namespace
}  // namespace harbour::storage
