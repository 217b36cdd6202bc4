#include "disruption/activity.h"

#include <gtest/gtest.h>

#include "common/codes_testing.h"
#include "common/ids.h"

namespace harbour::disruption {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

Date D(int y, unsigned m, unsigned d) { return Date{year(y), month(m), day(d)}; }

class DisruptionTest : public ::testing::Test {
 protected:
  DisruptionInput Input(std::string measure, std::string type) {
    DisruptionInput in;
    in.measure = std::move(measure);
    in.subject_type = std::move(type);
    in.subject_id = subject_;
    in.date = "2026-03-01";
    in.by_agency = agency_;
    in.officer = "PC Example 123";
    in.outcome = "Served in person";
    return in;
  }
  DisruptionContext Context() { return {D(2026, 3, 10), {agency_}, std::nullopt}; }

  std::string subject_ = NewId();
  std::string agency_ = NewId();
};

TEST_F(DisruptionTest, EveryMeasureHasACodeLabelAndSubject) {
  EXPECT_EQ(AllMeasures().size(), 18u);
  for (auto m : AllMeasures()) {
    EXPECT_EQ(MeasureFromCode(ToCode(m)), m);
    EXPECT_FALSE(Label(m).empty());
    EXPECT_FALSE(SubjectsOf(m).empty()) << ToCode(m);
  }
  EXPECT_FALSE(MeasureFromCode("caution").has_value());
}

TEST_F(DisruptionTest, MeasuresApplyToTheirSubjects) {
  EXPECT_TRUE(AppliesTo(Measure::kClosureOrder, SubjectType::kPlace));
  EXPECT_FALSE(AppliesTo(Measure::kClosureOrder, SubjectType::kPerson));
  EXPECT_TRUE(AppliesTo(Measure::kVehicleFlagged, SubjectType::kVehicle));
  EXPECT_FALSE(AppliesTo(Measure::kVehicleFlagged, SubjectType::kPlace));
  EXPECT_TRUE(AppliesTo(Measure::kChildAbductionWarningNotice, SubjectType::kPerson));
  EXPECT_FALSE(AppliesTo(Measure::kChildAbductionWarningNotice, SubjectType::kVehicle));
  EXPECT_TRUE(AppliesTo(Measure::kLicensingReview, SubjectType::kPlace));
  EXPECT_TRUE(AppliesTo(Measure::kLicensingReview, SubjectType::kVehicle));
  EXPECT_FALSE(AppliesTo(Measure::kLicensingReview, SubjectType::kPerson));
  EXPECT_TRUE(AppliesTo(Measure::kHotelGuestInformationNotice, SubjectType::kPlace));
  EXPECT_TRUE(AppliesTo(Measure::kArrest, SubjectType::kPerson));
}

TEST_F(DisruptionTest, ExpiryRules) {
  EXPECT_EQ(ExpiryOf(Measure::kArrest), ExpiryRule::kNever);
  EXPECT_EQ(ExpiryOf(Measure::kCharge), ExpiryRule::kNever);
  EXPECT_EQ(ExpiryOf(Measure::kConviction), ExpiryRule::kNever);
  EXPECT_EQ(ExpiryOf(Measure::kLetterToPersonOfConcern), ExpiryRule::kNever);
  EXPECT_EQ(ExpiryOf(Measure::kChildAbductionWarningNotice), ExpiryRule::kRequired);
  EXPECT_EQ(ExpiryOf(Measure::kVehicleFlagged), ExpiryRule::kRequired);
  EXPECT_EQ(ExpiryOf(Measure::kClosureOrder), ExpiryRule::kRequired);
  EXPECT_EQ(ExpiryOf(Measure::kSexualHarmPreventionOrder), ExpiryRule::kRequiredOrNone);
}

TEST_F(DisruptionTest, ValidMeasureIsNormalised) {
  auto in = Input(" sexual_risk_order ", "person");
  in.expiry = "2028-03-01";
  in.officer = "  DC Sample  ";
  auto d = ValidateDisruption(in, Context());
  ASSERT_TRUE(d.has_value()) << d.error().fields.begin()->second;
  EXPECT_EQ(d->measure, Measure::kSexualRiskOrder);
  EXPECT_EQ(d->subject_type, SubjectType::kPerson);
  EXPECT_EQ(d->date, D(2026, 3, 1));
  EXPECT_EQ(d->expiry, D(2028, 3, 1));
  EXPECT_EQ(d->officer, "DC Sample");
  EXPECT_EQ(Headline(*d), "Sexual risk order, 1 March 2026, expires 1 March 2028");
}

TEST_F(DisruptionTest, EveryProblemAtOnce) {
  DisruptionInput in;
  in.measure = "caution";
  in.subject_type = "boat";
  in.subject_id = "../x";
  in.date = "2026-13-01";
  in.by_agency = "nobody";
  in.outcome = std::string("bad\x01", 4);
  auto d = ValidateDisruption(in, Context());
  ASSERT_FALSE(d.has_value());
  EXPECT_EQ(d.error().kind, ErrorKind::kInvalid);
  for (auto field :
       {"measure", "subject_type", "subject_id", "date", "by_agency", "officer", "outcome"}) {
    EXPECT_TRUE(d.error().fields.contains(field)) << field;
  }
}

TEST_F(DisruptionTest, MeasureAgainstTheWrongSubjectIsRefused) {
  auto in = Input("closure_order", "person");
  in.expiry = "2026-06-01";
  auto d = ValidateDisruption(in, Context());
  ASSERT_FALSE(d.has_value());
  EXPECT_EQ(d.error().fields.at("subject_type"),
            "Closure order is recorded against a place, not a person");
  auto review = Input("licensing_review", "person");
  review.no_expiry = true;
  auto r = ValidateDisruption(review, Context());
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().fields.at("subject_type"),
            "Licensing review is recorded against a place or a vehicle, not a person");
}

TEST_F(DisruptionTest, DateNotInTheFuture) {
  auto in = Input("arrest", "person");
  in.date = "2026-03-11";
  auto d = ValidateDisruption(in, Context());
  ASSERT_FALSE(d.has_value());
  EXPECT_EQ(d.error().fields.at("date"), "The date must be today or in the past");
  in.date = "2026-03-10";
  EXPECT_TRUE(ValidateDisruption(in, Context()).has_value());
  in.date = "";
  EXPECT_EQ(ValidateDisruption(in, Context()).error().fields.at("date"),
            "Enter the date of the measure");
}

TEST_F(DisruptionTest, ExpiryMustFollowTheDate) {
  auto in = Input("vehicle_flagged", "vehicle");
  in.expiry = "2026-03-01";
  auto d = ValidateDisruption(in, Context());
  ASSERT_FALSE(d.has_value());
  EXPECT_EQ(d.error().fields.at("expiry"),
            "The expiry date must be after the date of the measure (1 March 2026)");
  in.expiry = "2026-02-30";
  EXPECT_EQ(ValidateDisruption(in, Context()).error().fields.at("expiry"),
            "The expiry date must be a real date, like 2027-03-27");
  in.expiry = "2026-03-02";
  EXPECT_TRUE(ValidateDisruption(in, Context()).has_value());
}

TEST_F(DisruptionTest, ExpiryRequiredWhenTheMeasureCarriesOne) {
  auto in = Input("vehicle_flagged", "vehicle");
  EXPECT_EQ(ValidateDisruption(in, Context()).error().fields.at("expiry"),
            "Enter the date the Vehicle flagged expires");
  in.no_expiry = true;
  EXPECT_EQ(ValidateDisruption(in, Context()).error().fields.at("expiry"),
            "Vehicle flagged always has an expiry date: enter it");
}

TEST_F(DisruptionTest, NoExpiryOnlyWhereTheLawAllowsIt) {
  auto in = Input("sexual_harm_prevention_order", "person");
  EXPECT_TRUE(ValidateDisruption(in, Context()).error().fields.contains("expiry"));
  in.no_expiry = true;
  auto d = ValidateDisruption(in, Context());
  ASSERT_TRUE(d.has_value());
  EXPECT_FALSE(d->expiry.has_value());
  in.expiry = "2031-03-01";
  EXPECT_EQ(ValidateDisruption(in, Context()).error().fields.at("expiry"),
            "Either enter an expiry date or choose \"no expiry\", not both");
  in.no_expiry = false;
  EXPECT_EQ(ValidateDisruption(in, Context())->expiry, D(2031, 3, 1));
}

TEST_F(DisruptionTest, ArrestChargeConvictionAndLetterNeverExpire) {
  for (auto code : {"arrest", "charge", "conviction", "letter_to_person_of_concern"}) {
    auto in = Input(code, "person");
    EXPECT_TRUE(ValidateDisruption(in, Context()).has_value()) << code;
    in.expiry = "2027-01-01";
    auto d = ValidateDisruption(in, Context());
    ASSERT_FALSE(d.has_value()) << code;
    EXPECT_NE(d.error().fields.at("expiry").find("does not expire"), std::string::npos);
    in.expiry.clear();
    in.no_expiry = true;
    EXPECT_FALSE(ValidateDisruption(in, Context()).has_value()) << code;
  }
}

TEST_F(DisruptionTest, CawnAgeRule) {
  Date on = D(2026, 3, 1);
  ChildFacts fifteen{D(2010, 3, 2), std::nullopt, false};
  EXPECT_FALSE(CawnRefusal(fifteen, on).has_value());
  ChildFacts sixteen{D(2010, 3, 1), std::nullopt, false};
  ASSERT_TRUE(CawnRefusal(sixteen, on).has_value());
  EXPECT_EQ(*CawnRefusal(sixteen, on),
            "The child is 16 and not in care: a child abduction warning notice protects a child "
            "under 16, or under 18 in care");
  ChildFacts sixteen_in_care{D(2010, 3, 1), std::nullopt, true};
  EXPECT_FALSE(CawnRefusal(sixteen_in_care, on).has_value());
  ChildFacts eighteen_in_care{D(2008, 3, 1), std::nullopt, true};
  EXPECT_EQ(*CawnRefusal(eighteen_in_care, on),
            "The child is 18: a child abduction warning notice protects a child in care only "
            "until they are 18");
  ChildFacts estimated{std::nullopt, 14, false};
  EXPECT_FALSE(CawnRefusal(estimated, on).has_value());
  ChildFacts unknown{};
  EXPECT_TRUE(CawnRefusal(unknown, on).has_value());
}

TEST_F(DisruptionTest, CawnForAChildTooOldIsRefusedOnTheChild) {
  auto in = Input("child_abduction_warning_notice", "person");
  in.expiry = "2028-03-01";
  in.child_id = NewId();
  auto context = Context();
  EXPECT_EQ(ValidateDisruption(in, context).error().fields.at("child_id"),
            "There is no such child");
  context.child = ChildFacts{D(2009, 1, 1), std::nullopt, false};
  auto refused = ValidateDisruption(in, context);
  ASSERT_FALSE(refused.has_value());
  EXPECT_NE(refused.error().fields.at("child_id").find("The child is 17"), std::string::npos);
  context.child->looked_after = true;
  auto d = ValidateDisruption(in, context);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->child_id, in.child_id);
  in.child_id.clear();
  EXPECT_TRUE(ValidateDisruption(in, Context()).has_value());  // the child is optional
}

TEST_F(DisruptionTest, ReminderFallsDueBeforeTheExpiryAt9amLondon) {
  // 28 days before 1 July 2026 is 3 June 2026, British Summer Time: 9am is 08:00 UTC.
  EXPECT_EQ(FormatRfc3339(ReminderDue(D(2026, 7, 1), 28)), "2026-06-03T08:00:00Z");
  // In winter 9am London is 09:00 UTC.
  EXPECT_EQ(FormatRfc3339(ReminderDue(D(2027, 1, 29), 28)), "2027-01-01T09:00:00Z");
  EXPECT_EQ(FormatRfc3339(ReminderDue(D(2027, 1, 29), 0)), "2027-01-29T09:00:00Z");
}

TEST_F(DisruptionTest, ReminderTaskForTheRecorder) {
  auto in = Input("sexual_risk_order", "person");
  in.expiry = "2028-03-01";
  auto d = ValidateDisruption(in, Context());
  ASSERT_TRUE(d.has_value());
  d->id = NewId();
  d->recorded_by = "user-1";
  Instant now = FromLondonLocal(D(2026, 3, 10), 12, 0);
  auto task = ReminderTask(*d, 28, now);
  ASSERT_TRUE(task.has_value());
  EXPECT_EQ(task->source_type, "disruption");
  EXPECT_EQ(task->source_id, d->id);
  EXPECT_EQ(task->assigned_user, "user-1");
  EXPECT_EQ(task->title, "Disruption expires on 1 March 2028: review or renew (Sexual risk order)");
  EXPECT_EQ(task->due_at, ReminderDue(D(2028, 3, 1), 28));
  // An expiry sooner than the reminder period: due straight away.
  d->expiry = D(2026, 3, 20);
  EXPECT_EQ(ReminderTask(*d, 28, now)->due_at, now);
  d->expiry.reset();
  EXPECT_FALSE(ReminderTask(*d, 28, now).has_value());
}

TEST_F(DisruptionTest, ExpiringWithinDaysSoonestFirst) {
  Disruption a, b, c, gone, none;
  a.id = "a";
  a.expiry = D(2026, 4, 9);  // the last day included
  b.id = "b";
  b.expiry = D(2026, 3, 10);  // today
  c.id = "c";
  c.expiry = D(2026, 4, 10);  // one day too late
  gone.id = "gone";
  gone.expiry = D(2026, 3, 9);
  none.id = "none";
  auto list = Expiring({a, b, c, gone, none}, D(2026, 3, 10), 30);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].id, "b");
  EXPECT_EQ(list[1].id, "a");
  auto window = ExpiringWindow(D(2026, 3, 10), 30);
  EXPECT_EQ(window.first, D(2026, 3, 10));
  EXPECT_EQ(window.last, D(2026, 4, 9));
}

TEST_F(DisruptionTest, StatusOnlyMovesForward) {
  using S = PersonStatus;
  EXPECT_EQ(NextStatus(S::kSuspected, Measure::kArrest), S::kArrested);
  EXPECT_EQ(NextStatus(S::kArrested, Measure::kCharge), S::kCharged);
  EXPECT_EQ(NextStatus(S::kSuspected, Measure::kConviction), S::kConvicted);
  EXPECT_EQ(NextStatus(S::kCharged, Measure::kArrest), S::kCharged);
  EXPECT_EQ(NextStatus(S::kConvicted, Measure::kArrest), S::kConvicted);
  EXPECT_EQ(NextStatus(S::kConvicted, Measure::kCharge), S::kConvicted);
  EXPECT_EQ(NextStatus(S::kNoFurtherAction, Measure::kArrest), S::kArrested);
  EXPECT_EQ(NextStatus(S::kNoFurtherAction, Measure::kSexualRiskOrder), S::kNoFurtherAction);
  EXPECT_EQ(NextStatus(S::kSuspected, Measure::kChildAbductionWarningNotice), S::kSuspected);
  for (auto s : {S::kSuspected, S::kArrested, S::kCharged, S::kConvicted, S::kNoFurtherAction}) {
    EXPECT_EQ(PersonStatusFromCode(ToCode(s)), s);
  }
}

class VisitTest : public ::testing::Test {
 protected:
  VisitInput Input() {
    VisitInput in;
    in.place_id = place_;
    in.date = "2026-03-01";
    in.visiting_agencies = {police_, council_, police_};
    in.awareness_pack_given = true;
    in.staff_spoken_to = "Night manager";
    return in;
  }
  VisitContext Context(std::string type = "hotel") {
    return {D(2026, 3, 10), {police_, council_}, std::move(type)};
  }
  std::string place_ = NewId(), police_ = NewId(), council_ = NewId();
};

TEST_F(VisitTest, ValidVisitKeepsEachAgencyOnce) {
  auto v = ValidateVisit(Input(), Context());
  ASSERT_TRUE(v.has_value());
  EXPECT_EQ(v->visiting_agencies, (std::vector<std::string>{police_, council_}));
  EXPECT_TRUE(v->awareness_pack_given);
  EXPECT_EQ(v->date, D(2026, 3, 1));
}

TEST_F(VisitTest, EveryProblemAtOnce) {
  VisitInput in;
  in.place_id = "nope";
  in.date = "tomorrow";
  in.follow_up = std::string(kMaxLongText + 1, 'x');
  auto v = ValidateVisit(in, Context());
  ASSERT_FALSE(v.has_value());
  for (auto field : {"place_id", "date", "visiting_agencies", "follow_up"}) {
    EXPECT_TRUE(v.error().fields.contains(field)) << field;
  }
  in = Input();
  in.visiting_agencies = {"someone"};
  EXPECT_EQ(ValidateVisit(in, Context()).error().fields.at("visiting_agencies"),
            "Select the visiting agencies from the list");
}

TEST_F(VisitTest, OnlyBusinessPremises) {
  auto v = ValidateVisit(Input(), Context("park"));
  ASSERT_FALSE(v.has_value());
  EXPECT_NE(v.error().fields.at("place_id").find("hotels"), std::string::npos);
  EXPECT_EQ(ValidateVisit(Input(), {D(2026, 3, 10), {police_}, std::nullopt})
                .error()
                .fields.at("place_id"),
            "There is no such place");
  for (auto type : BusinessPremisesTypes()) EXPECT_TRUE(IsBusinessPremises(type));
  EXPECT_FALSE(IsBusinessPremises("taxi_rank"));
}

TEST(NotVisited, MonthsBeforeClampsToTheMonthEnd) {
  EXPECT_EQ(MonthsBefore(D(2026, 3, 10), 12), D(2025, 3, 10));
  EXPECT_EQ(MonthsBefore(D(2025, 3, 31), 1), D(2025, 2, 28));
  EXPECT_EQ(MonthsBefore(D(2025, 2, 28), 12), D(2024, 2, 28));
}

TEST(NotVisited, GroupsByTypeAtTheTwelveMonthEdge) {
  Date today = D(2026, 3, 10);
  std::vector<PremisesVisit> premises{
      {"edge", "Edge Hotel", "hotel", D(2025, 3, 10)},  // exactly 12 months: visited
      {"old", "Old Hotel", "hotel", D(2025, 3, 9)},     // one day more: not visited
      {"never", "Never Hotel", "hotel", std::nullopt},  // never: first
      {"cab", "Cab Co", "taxi_firm", D(2024, 1, 1)},    // another group
      {"recent", "Recent Takeaway", "takeaway", D(2026, 1, 1)},
  };
  auto groups = NotVisitedSince(premises, today);
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0].place_type, "hotel");
  EXPECT_EQ(groups[0].label, "Hotel");
  ASSERT_EQ(groups[0].premises.size(), 2u);
  EXPECT_EQ(groups[0].premises[0].place_id, "never");
  EXPECT_EQ(groups[0].premises[1].place_id, "old");
  EXPECT_EQ(groups[1].place_type, "taxi_firm");
  EXPECT_EQ(groups[1].premises[0].place_id, "cab");
}

TEST(DisruptionCodesTest, EveryEnumAnswersFromItsTable) {
  codes_testing::ExpectAnswersFromTable(kMeasureCodes, MeasureFromCode);
  codes_testing::ExpectAnswersFromTable(kSubjectTypeCodes, SubjectTypeFromCode);
}

}  // namespace
}  // namespace harbour::disruption
