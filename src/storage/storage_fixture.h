#pragma once
// For tests only: a fresh, migrated SQLite database in a temporary directory with two agencies
// and one practitioner (shared by the storage tests).
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>

#include "audit/chain.h"
#include "common/ids.h"
#include "storage/agencies_repository.h"
#include "storage/children_repository.h"
#include "storage/database.h"
#include "storage/identity_repository.h"
#include "storage/migrations.h"

namespace harbour::storage::testing {

namespace fs = std::filesystem;

class StorageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("harbour-storage-" + NewId());
    fs::create_directories(dir_);
    auto db = Database::Open("sqlite:///" + (dir_ / "test.db").string(), 2);
    ASSERT_TRUE(db.has_value()) << db.error().message;
    db_ = std::move(*db);
    auto applied = Migrate(*db_);
    ASSERT_TRUE(applied.has_value()) << applied.error().message;
    agency_ = {NewId(), "POL", "Test Police", agencies::Sector::kStatutory, "police"};
    other_ = {NewId(), "SCH", "Test School", agencies::Sector::kStatutory, "education"};
    AgenciesRepository agencies(*db_);
    ASSERT_TRUE(agencies.Insert(agency_, now_).has_value());
    ASSERT_TRUE(agencies.Insert(other_, now_).has_value());
    IdentityRepository identity(*db_);
    user_ = {NewId(), "tester", "Test User",  agency_.id, access::Role::kPractitioner,
             "x",     0,        std::nullopt, true};
    ASSERT_TRUE(identity.InsertUser(user_, now_).has_value());
  }
  void TearDown() override {
    db_.reset();
    fs::remove_all(dir_);
  }

  children::Child MakeChild(std::string given, std::string family, std::string nhs = "") {
    children::Child c;
    c.id = NewId();
    c.given_name = std::move(given);
    c.family_name = std::move(family);
    c.date_of_birth = Date{std::chrono::year(2012), std::chrono::month(3), std::chrono::day(4)};
    c.ethnicity = "not_known";
    c.nhs_number = std::move(nhs);
    c.created_by_agency = agency_.id;
    c.created_at = now_;
    c.updated_at = now_;
    return c;
  }

  void Insert(const children::Child& c) {
    Transaction tx(*db_);
    ChildrenRepository(*db_).InsertIn(tx, c, user_.id);
    tx.Commit();
  }

  audit::Entry Entry(std::string action) {
    audit::Entry e;
    e.at = now_;
    e.user_id = user_.id;
    e.username = user_.username;
    e.role = "practitioner";
    e.agency = "POL";
    e.action = std::move(action);
    e.record_type = "child";
    e.outcome = "allowed";
    return e;
  }

  fs::path dir_;
  std::unique_ptr<Database> db_;
  agencies::Agency agency_, other_;
  identity::User user_;
  Instant now_ = Instant{std::chrono::seconds{1'780'000'000}};
};

}  // namespace harbour::storage::testing
