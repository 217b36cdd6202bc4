#include "storage/records_repository.h"

#include <optional>

#include "storage/storage_fixture.h"

namespace harbour::storage::testing {
namespace {

namespace in = harbour::intelligence;

const Date kToday{std::chrono::year(2026), std::chrono::month(3), std::chrono::day(1)};

class RecordsRepositoryTest : public StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    repo_.emplace(*db_);
    lookup_.emplace(*db_);
    child_ = MakeChild("Ada", "Quay");
    Insert(child_);
  }

  std::string Report() {
    std::string id = NewId(), at = FormatRfc3339(now_);
    Transaction tx(*db_);
    tx.Sql() << "INSERT INTO intelligence_reports (id, submitted_by, submitted_by_agency, "
                "submitted_at, holding_agency, category, knowledge, immediate_danger, status) "
                "VALUES (:id, :u, :a, :at, :h, 'cse', 'first_hand', 0, 'submitted')",
        soci::use(id), soci::use(user_.id), soci::use(agency_.id), soci::use(at),
        soci::use(agency_.id);
    tx.Commit();
    return id;
  }

  in::Person PersonOf(std::string name, std::vector<std::string> aliases, std::string dob) {
    in::PersonInput input;
    input.name = std::move(name);
    input.aliases = std::move(aliases);
    input.date_of_birth = std::move(dob);
    input.status = "suspected";
    auto p = in::ValidatePerson(input, {}, kToday);
    EXPECT_TRUE(p.has_value());
    return *p;
  }

  template <class Insert>
  std::string Save(Insert insert) {
    Transaction tx(*db_);
    std::string id = insert(tx);
    tx.Commit();
    return id;
  }

  std::string SavePerson(const in::Person& p) {
    return Save(
        [&](Transaction& tx) { return Repo().InsertPersonIn(tx, p, user_.id, agency_.id, now_); });
  }
  std::string SaveVehicle(std::string reg) {
    auto v = in::ValidateVehicle({std::move(reg), "Ford", "Focus", "silver"});
    EXPECT_TRUE(v.has_value());
    return Save([&](Transaction& tx) {
      return Repo().InsertVehicleIn(tx, *v, user_.id, agency_.id, now_);
    });
  }
  std::string SavePlace(std::string name, std::string postcode) {
    in::PlaceInput input;
    input.name = std::move(name);
    input.type = "hotel";
    input.postcode = std::move(postcode);
    auto p = in::ValidatePlace(input);
    EXPECT_TRUE(p.has_value());
    p->latitude = 53.7457;
    p->longitude = -0.3367;
    p->ward_code = "E05000001";
    return Save(
        [&](Transaction& tx) { return Repo().InsertPlaceIn(tx, *p, user_.id, agency_.id, now_); });
  }

  RecordsRepository& Repo() { return *repo_; }
  ExactLookup& Lookup() { return *lookup_; }
  std::optional<RecordsRepository> repo_;
  std::optional<ExactLookup> lookup_;
  children::Child child_;
};

TEST_F(RecordsRepositoryTest, PersonRoundTripAndLabel) {
  std::string id = SavePerson(PersonOf("Dean Marsh", {"Deano", "D-Man"}, "1990-04-21"));
  auto p = Repo().FindPerson(id);
  ASSERT_TRUE(p.has_value());
  ASSERT_TRUE(p->has_value());
  EXPECT_EQ((*p)->name, "Dean Marsh");
  EXPECT_EQ((*p)->aliases, (std::vector<std::string>{"D-Man", "Deano"}));
  EXPECT_EQ(*Repo().LabelOf(in::RecordType::kPerson, id), "Dean Marsh (b. 1990)");
  EXPECT_FALSE(Repo().FindPerson("nope")->has_value());
  EXPECT_EQ(Repo().LabelOf(in::RecordType::kPerson, "nope").error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(*Repo().LabelOf(in::RecordType::kChild, child_.id), "Ada Quay");
  EXPECT_TRUE(*Repo().Exists(in::RecordType::kChild, child_.id));
  EXPECT_FALSE(*Repo().Exists(in::RecordType::kVehicle, child_.id));
}

TEST_F(RecordsRepositoryTest, LookupPeopleByNameOrAliasAndDateOfBirth) {
  std::string dean = SavePerson(PersonOf("Dean Marsh", {"Deano"}, "1990-04-21"));
  SavePerson(PersonOf("Dean Marsh", {}, "1985-01-01"));

  auto by_name = Lookup().People(PersonOf("  dean  MARSH", {}, "1990-04-21"));
  ASSERT_TRUE(by_name.has_value());
  ASSERT_EQ(by_name->size(), 1U);
  EXPECT_EQ(by_name->front().id, dean);
  EXPECT_EQ(by_name->front().matched_on, "name and date of birth");

  auto by_alias = Lookup().People(PersonOf("Deano", {}, "1990-04-21"));
  ASSERT_EQ(by_alias->size(), 1U);
  EXPECT_EQ(by_alias->front().id, dean);

  auto new_alias = Lookup().People(PersonOf("D Smith", {"Déano"}, "1990-04-21"));
  ASSERT_EQ(new_alias->size(), 1U);
  EXPECT_EQ(new_alias->front().id, dean);

  EXPECT_TRUE(Lookup().People(PersonOf("Dean Marsh", {}, "1990-04-22"))->empty());
  EXPECT_EQ(Lookup().People(PersonOf("Dean Marsh", {}, ""))->size(), 2U) << "no date: name only";
}

TEST_F(RecordsRepositoryTest, LookupVehiclesByRegistration) {
  std::string focus = SaveVehicle("AB12 CDE");
  std::string foreign = SaveVehicle("WI 12345 X");
  auto v = Repo().FindVehicle(focus);
  ASSERT_TRUE(v->has_value());
  EXPECT_EQ((*v)->display, "AB12 CDE");
  EXPECT_EQ(*Repo().LabelOf(in::RecordType::kVehicle, focus), "AB12 CDE silver Ford Focus");

  for (const char* typed : {"AB12CDE", "ab12 cde", "AB12-CDE"}) {
    auto found = Lookup().Vehicles(*in::ValidateVehicle({typed, "", "", ""}));
    ASSERT_EQ(found->size(), 1U) << typed;
    EXPECT_EQ(found->front().id, focus);
  }
  auto same_typed = Lookup().Vehicles(*in::ValidateVehicle({"wi12345x", "", "", ""}));
  ASSERT_EQ(same_typed->size(), 1U);
  EXPECT_EQ(same_typed->front().id, foreign);
  auto f = Repo().FindVehicle(foreign);
  EXPECT_FALSE((*f)->verified);
  EXPECT_FALSE((*f)->warning.empty());
  EXPECT_TRUE(Lookup().Vehicles(*in::ValidateVehicle({"WI12345", "", "", ""}))->empty());
}

TEST_F(RecordsRepositoryTest, LookupPlacesByPostcodeAndName) {
  std::string hotel = SavePlace("Seaview Hotel", "hb1 2ab");
  SavePlace("Seaview Hotel", "HB9 9ZZ");
  in::PlaceInput input;
  input.name = "seaview  hotel";
  input.type = "hotel";
  input.postcode = "HB12AB";
  auto found = Lookup().Places(*in::ValidatePlace(input));
  ASSERT_EQ(found->size(), 1U);
  EXPECT_EQ(found->front().id, hotel);
  EXPECT_EQ(found->front().matched_on, "postcode and name");
  input.name = "Other Hotel";
  EXPECT_TRUE(Lookup().Places(*in::ValidatePlace(input))->empty());

  auto place = Repo().FindPlace(hotel);
  ASSERT_TRUE(place->has_value());
  EXPECT_NEAR(*(*place)->latitude, 53.7457, 1e-4);
  EXPECT_EQ((*place)->ward_code, "E05000001");
  EXPECT_TRUE((*place)->postcode_verified);
}

TEST_F(RecordsRepositoryTest, PhonesAndAccounts) {
  auto phone = in::ValidatePhone({"07700 900123"});
  std::string phone_id = Save([&](Transaction& tx) {
    return Repo().InsertPhoneIn(tx, *phone, user_.id, agency_.id, now_);
  });
  auto odd = in::ValidatePhone({"+999 1234-5678"});
  std::string odd_id = Save(
      [&](Transaction& tx) { return Repo().InsertPhoneIn(tx, *odd, user_.id, agency_.id, now_); });
  EXPECT_EQ(Lookup().Phones(*in::ValidatePhone({"+44 7700 900 123"}))->front().id, phone_id);
  EXPECT_EQ(Lookup().Phones(*in::ValidatePhone({"+999 12345678"}))->front().id, odd_id);
  EXPECT_FALSE((*Repo().FindPhone(odd_id))->verified);

  auto account = in::ValidateAccount({"snapchat", "@DM_90"});
  std::string account_id = Save([&](Transaction& tx) {
    return Repo().InsertAccountIn(tx, *account, user_.id, agency_.id, now_);
  });
  EXPECT_EQ(Lookup().Accounts(*in::ValidateAccount({"snapchat", "dm_90"}))->front().id, account_id);
  EXPECT_TRUE(Lookup().Accounts(*in::ValidateAccount({"instagram", "dm_90"}))->empty());
  EXPECT_EQ(*Repo().LabelOf(in::RecordType::kAccount, account_id), "@DM_90 on Snapchat");
}

TEST_F(RecordsRepositoryTest, LinksAreStoredOnceWithTheirSupport) {
  std::string dean = SavePerson(PersonOf("Dean Marsh", {}, "1990-04-21"));
  std::string car = SaveVehicle("AB12CDE");
  std::string r1 = Report(), r2 = Report();
  auto ends = [](in::LinkType type, in::RecordType ft, const std::string& f, in::RecordType tt,
                 const std::string& t) { return *in::CanonicalLink(type, ft, f, tt, t); };
  std::string link;
  {
    Transaction tx(*db_);
    auto a = Repo().LinkIn(tx,
                           ends(in::LinkType::kSuspectedExploiter, in::RecordType::kPerson, dean,
                                in::RecordType::kChild, child_.id),
                           r1, user_.id, agency_.id, now_);
    auto again = Repo().LinkIn(tx,
                               ends(in::LinkType::kSuspectedExploiter, in::RecordType::kChild,
                                    child_.id, in::RecordType::kPerson, dean),
                               r1, user_.id, agency_.id, now_);
    EXPECT_EQ(a, again);
    auto second = Repo().LinkIn(tx,
                                ends(in::LinkType::kSuspectedExploiter, in::RecordType::kChild,
                                     child_.id, in::RecordType::kPerson, dean),
                                r2, user_.id, agency_.id, now_);
    EXPECT_EQ(second, a);
    auto driver = Repo().LinkIn(
        tx,
        ends(in::LinkType::kDriver, in::RecordType::kVehicle, car, in::RecordType::kPerson, dean),
        r1, user_.id, agency_.id, now_);
    EXPECT_NE(driver, a);
    link = a;
    tx.Commit();
  }
  auto of_child = Repo().LinksOf(in::RecordType::kChild, child_.id);
  ASSERT_TRUE(of_child.has_value());
  ASSERT_EQ(of_child->size(), 1U);
  EXPECT_EQ(of_child->front().link_id, link);
  EXPECT_EQ(of_child->front().other_type, in::RecordType::kPerson);
  EXPECT_EQ(of_child->front().other_id, dean);
  EXPECT_EQ(of_child->front().other_label, "Dean Marsh (b. 1990)");
  EXPECT_EQ(of_child->front().report_ids.size(), 2U);

  auto of_dean = Repo().LinksOf(in::RecordType::kPerson, dean);
  ASSERT_EQ(of_dean->size(), 2U);
  EXPECT_EQ((*of_dean)[0].type, in::LinkType::kSuspectedExploiter);
  EXPECT_EQ((*of_dean)[0].other_label, "Ada Quay");
  EXPECT_EQ((*of_dean)[1].type, in::LinkType::kDriver);
  EXPECT_EQ((*of_dean)[1].other_id, car);
  EXPECT_EQ((*of_dean)[1].report_ids, std::vector<std::string>{r1});
}

TEST_F(RecordsRepositoryTest, SymmetricPersonLinksAreOneLink) {
  std::string a = SavePerson(PersonOf("A Person", {}, ""));
  std::string b = SavePerson(PersonOf("B Person", {}, ""));
  std::string r = Report();
  Transaction tx(*db_);
  auto one = Repo().LinkIn(tx,
                           *in::CanonicalLink(in::LinkType::kAssociate, in::RecordType::kPerson, a,
                                              in::RecordType::kPerson, b),
                           r, user_.id, agency_.id, now_);
  auto two = Repo().LinkIn(tx,
                           *in::CanonicalLink(in::LinkType::kAssociate, in::RecordType::kPerson, b,
                                              in::RecordType::kPerson, a),
                           r, user_.id, agency_.id, now_);
  EXPECT_EQ(one, two);
  tx.Commit();
  EXPECT_EQ(Repo().LinksOf(in::RecordType::kPerson, b)->front().other_id, a);
}

}  // namespace
}  // namespace harbour::storage::testing
