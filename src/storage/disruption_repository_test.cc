// Disruption measures, person status and business visits on a real SQLite file.
#include "storage/disruption_repository.h"

#include <gtest/gtest.h>

#include "common/ids.h"
#include "storage/storage_fixture.h"
#include "storage/tasks_repository.h"

namespace harbour::storage {
namespace {

using disruption::Measure;
using disruption::PersonStatus;
using disruption::SubjectType;
using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using testing::StorageTest;

Date D(int y, unsigned m, unsigned d) { return Date{year(y), month(m), day(d)}; }

class DisruptionRepositoryTest : public StorageTest {
 protected:
  std::string AddPerson(const std::string& name, const std::string& status = "suspected") {
    std::string id = NewId(), at = FormatRfc3339(now_);
    soci::session sql(db_->Pool());
    sql << "INSERT INTO people_of_concern (id, name, name_key, status, created_by, "
           "created_by_agency, created_at, updated_at) VALUES (:id, :n, :k, :s, :u, :a, :t, :t2)",
        soci::use(id), soci::use(name), soci::use(name), soci::use(status), soci::use(user_.id),
        soci::use(agency_.id), soci::use(at), soci::use(at);
    return id;
  }
  std::string AddPlace(const std::string& name, const std::string& type) {
    std::string id = NewId(), at = FormatRfc3339(now_);
    soci::session sql(db_->Pool());
    sql << "INSERT INTO places (id, name, name_key, place_type, created_by, created_by_agency, "
           "created_at) VALUES (:id, :n, :k, :t, :u, :a, :at)",
        soci::use(id), soci::use(name), soci::use(name), soci::use(type), soci::use(user_.id),
        soci::use(agency_.id), soci::use(at);
    return id;
  }
  std::string AddVehicle(const std::string& registration) {
    std::string id = NewId(), at = FormatRfc3339(now_);
    soci::session sql(db_->Pool());
    sql << "INSERT INTO vehicles (id, registration, registration_typed, verified, created_by, "
           "created_by_agency, created_at) VALUES (:id, :r, :r2, 1, :u, :a, :at)",
        soci::use(id), soci::use(registration), soci::use(registration), soci::use(user_.id),
        soci::use(agency_.id), soci::use(at);
    return id;
  }
  disruption::Disruption Measured(Measure m, SubjectType type, const std::string& subject,
                                  Date date, std::optional<Date> expiry = std::nullopt) {
    disruption::Disruption d;
    d.id = NewId();
    d.measure = m;
    d.subject_type = type;
    d.subject_id = subject;
    d.date = date;
    d.by_agency = agency_.id;
    d.officer = "PC Example";
    d.expiry = expiry;
    d.recorded_by = user_.id;
    d.recorded_by_agency = agency_.id;
    d.recorded_at = now_;
    return d;
  }
  std::optional<PersonStatus> Store(const disruption::Disruption& d) {
    Transaction tx(*db_);
    auto moved = DisruptionRepository(*db_).InsertIn(tx, d);
    tx.Commit();
    return moved;
  }
  disruption::Visit VisitOf(const std::string& place, Date date) {
    disruption::Visit v;
    v.id = NewId();
    v.place_id = place;
    v.date = date;
    v.visiting_agencies = {other_.id, agency_.id};
    v.awareness_pack_given = true;
    v.staff_spoken_to = "Receptionist";
    v.recorded_by = user_.id;
    v.recorded_by_agency = agency_.id;
    v.recorded_at = now_;
    return v;
  }
  void StoreVisit(const disruption::Visit& v) {
    Transaction tx(*db_);
    DisruptionRepository(*db_).InsertVisitIn(tx, v);
    tx.Commit();
  }
};

TEST_F(DisruptionRepositoryTest, SubjectsMustExist) {
  DisruptionRepository repo(*db_);
  auto person = AddPerson("Sam Sample");
  auto place = AddPlace("Harbour Hotel", "hotel");
  auto vehicle = AddVehicle("AB12CDE");
  EXPECT_TRUE(*repo.SubjectExists(SubjectType::kPerson, person));
  EXPECT_TRUE(*repo.SubjectExists(SubjectType::kPlace, place));
  EXPECT_TRUE(*repo.SubjectExists(SubjectType::kVehicle, vehicle));
  EXPECT_FALSE(*repo.SubjectExists(SubjectType::kPerson, place));
  EXPECT_FALSE(*repo.SubjectExists(SubjectType::kVehicle, NewId()));
  EXPECT_EQ(*repo.PlaceType(place), std::optional<std::string>("hotel"));
  EXPECT_EQ(*repo.SubjectLabel(SubjectType::kVehicle, vehicle),
            std::optional<std::string>("AB12CDE"));
  EXPECT_EQ(*repo.SubjectLabel(SubjectType::kPerson, person),
            std::optional<std::string>("Sam Sample"));
  EXPECT_FALSE(repo.SubjectLabel(SubjectType::kPlace, person)->has_value());
  EXPECT_FALSE(repo.PlaceType(NewId())->has_value());
}

TEST_F(DisruptionRepositoryTest, MeasuresRoundTripForTheirSubject) {
  auto vehicle = AddVehicle("AB12CDE");
  auto older = Measured(Measure::kVehicleFlagged, SubjectType::kVehicle, vehicle, D(2025, 1, 1),
                        D(2025, 7, 1));
  older.outcome = "Flag on PNC";
  auto newer = Measured(Measure::kLicensingReview, SubjectType::kVehicle, vehicle, D(2025, 6, 1));
  EXPECT_FALSE(Store(older).has_value());
  Store(newer);
  DisruptionRepository repo(*db_);
  auto list = repo.ForSubject(SubjectType::kVehicle, vehicle);
  ASSERT_TRUE(list.has_value()) << list.error().message;
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].id, newer.id);
  EXPECT_FALSE((*list)[0].expiry.has_value());
  const auto& o = (*list)[1];
  EXPECT_EQ(o.measure, Measure::kVehicleFlagged);
  EXPECT_EQ(o.date, D(2025, 1, 1));
  EXPECT_EQ(o.expiry, D(2025, 7, 1));
  EXPECT_EQ(o.outcome, "Flag on PNC");
  EXPECT_EQ(o.subject_label, "AB12CDE");
  EXPECT_EQ(o.by_agency_name, agency_.name);
  EXPECT_EQ(o.recorder_name, user_.display_name);
  EXPECT_TRUE(repo.ForSubject(SubjectType::kPerson, vehicle)->empty());
  auto found = repo.Find(older.id);
  ASSERT_TRUE(found.has_value() && found->has_value());
  EXPECT_EQ((*found)->officer, "PC Example");
  EXPECT_EQ(repo.Recent(10)->size(), 2u);
}

TEST_F(DisruptionRepositoryTest, ExpiryBetweenTwoDatesBothIncluded) {
  auto place = AddPlace("Night Owl Takeaway", "takeaway");
  auto soon =
      Measured(Measure::kClosureOrder, SubjectType::kPlace, place, D(2026, 1, 1), D(2026, 3, 20));
  auto edge =
      Measured(Measure::kClosureNotice, SubjectType::kPlace, place, D(2026, 1, 1), D(2026, 4, 9));
  auto later =
      Measured(Measure::kClosureNotice, SubjectType::kPlace, place, D(2026, 1, 1), D(2026, 4, 10));
  auto gone =
      Measured(Measure::kClosureNotice, SubjectType::kPlace, place, D(2026, 1, 1), D(2026, 3, 9));
  for (const auto& d : {later, edge, soon, gone}) Store(d);
  auto list = DisruptionRepository(*db_).WithExpiryBetween(D(2026, 3, 10), D(2026, 4, 9));
  ASSERT_TRUE(list.has_value());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].id, soon.id);
  EXPECT_EQ((*list)[1].id, edge.id);
  EXPECT_EQ((*list)[0].subject_label, "Night Owl Takeaway");
}

TEST_F(DisruptionRepositoryTest, ArrestChargeConvictionMoveThePersonsStatusForward) {
  DisruptionRepository repo(*db_);
  auto person = AddPerson("Sam Sample");
  EXPECT_EQ(Store(Measured(Measure::kLetterToPersonOfConcern, SubjectType::kPerson, person,
                           D(2026, 1, 1))),
            std::nullopt);
  EXPECT_EQ(**repo.PersonStatus(person), "suspected");
  EXPECT_EQ(Store(Measured(Measure::kArrest, SubjectType::kPerson, person, D(2026, 1, 2))),
            PersonStatus::kArrested);
  EXPECT_EQ(**repo.PersonStatus(person), "arrested");
  EXPECT_EQ(Store(Measured(Measure::kConviction, SubjectType::kPerson, person, D(2026, 1, 3))),
            PersonStatus::kConvicted);
  EXPECT_EQ(Store(Measured(Measure::kArrest, SubjectType::kPerson, person, D(2026, 1, 4))),
            std::nullopt);
  EXPECT_EQ(**repo.PersonStatus(person), "convicted");
  auto nfa = AddPerson("Alex Example", "no_further_action");
  Store(Measured(Measure::kCharge, SubjectType::kPerson, nfa, D(2026, 1, 2)));
  EXPECT_EQ(**repo.PersonStatus(nfa), "charged");
}

TEST_F(DisruptionRepositoryTest, ReminderTasksNeedNoChild) {
  auto person = AddPerson("Sam Sample");
  auto d = Measured(Measure::kSexualRiskOrder, SubjectType::kPerson, person, D(2026, 1, 1),
                    D(2028, 1, 1));
  auto task = disruption::ReminderTask(d, 28, now_);
  ASSERT_TRUE(task.has_value());
  task->id = NewId();
  {
    Transaction tx(*db_);
    DisruptionRepository(*db_).InsertIn(tx, d);
    TasksRepository(*db_).InsertIn(tx, *task);
    tx.Commit();
  }
  access::Subject me{user_.id, access::Role::kPractitioner, agency_.id};
  auto mine = TasksRepository(*db_).AssignedTo(me, 10);
  ASSERT_TRUE(mine.has_value()) << mine.error().message;
  ASSERT_EQ(mine->size(), 1u);
  EXPECT_EQ((*mine)[0].source_type, "disruption");
  EXPECT_EQ((*mine)[0].source_id, d.id);
  EXPECT_TRUE((*mine)[0].child_id.empty());
  EXPECT_TRUE((*mine)[0].child_name.empty());
  EXPECT_EQ((*mine)[0].due_at, disruption::ReminderDue(D(2028, 1, 1), 28));
}

TEST_F(DisruptionRepositoryTest, VisitsAndPremisesNotVisited) {
  DisruptionRepository repo(*db_);
  auto hotel = AddPlace("Harbour Hotel", "hotel");
  auto cab = AddPlace("Quay Cabs", "taxi_firm");
  AddPlace("Quayside Park", "park");  // not business premises
  auto old = VisitOf(hotel, D(2025, 3, 9));
  auto recent = VisitOf(cab, D(2025, 3, 10));
  StoreVisit(old);
  StoreVisit(recent);
  auto visits = repo.VisitsForPlace(hotel);
  ASSERT_TRUE(visits.has_value()) << visits.error().message;
  ASSERT_EQ(visits->size(), 1u);
  const auto& v = (*visits)[0];
  EXPECT_EQ(v.visiting_agencies, (std::vector<std::string>{other_.id, agency_.id}));
  EXPECT_EQ(v.agency_names, (std::vector<std::string>{other_.name, agency_.name}));
  EXPECT_TRUE(v.awareness_pack_given);
  EXPECT_EQ(v.place_name, "Harbour Hotel");
  EXPECT_EQ(v.staff_spoken_to, "Receptionist");
  EXPECT_EQ(repo.RecentVisits(5)->front().id, recent.id);
  ASSERT_TRUE(repo.FindVisit(old.id)->has_value());

  auto premises = repo.BusinessPremises();
  ASSERT_TRUE(premises.has_value());
  EXPECT_EQ(premises->size(), 2u);
  auto groups = repo.NotVisited(D(2026, 3, 10), 12);
  ASSERT_TRUE(groups.has_value());
  ASSERT_EQ(groups->size(), 1u);  // the taxi firm was visited exactly 12 months ago
  EXPECT_EQ((*groups)[0].place_type, "hotel");
  EXPECT_EQ((*groups)[0].premises[0].last_visit, D(2025, 3, 9));
}

}  // namespace
}  // namespace harbour::storage
