#include "intelligence/records.h"

#include <gtest/gtest.h>

namespace harbour::intelligence {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

const Date kToday{year(2026), month(3), day(1)};
const std::vector<std::string> kEthnicities{"white_british", "asian_pakistani"};

PersonInput Dean() {
  PersonInput in;
  in.name = "  Dean   Marsh ";
  in.aliases = {"Deano", "deano", "", "D-Man"};
  in.date_of_birth = "1990-04-21";
  in.sex = "male";
  in.ethnicity = "white_british";
  in.status = "suspected";
  return in;
}

TEST(RecordCodesTest, RoundTrip) {
  for (RecordType t : {RecordType::kChild, RecordType::kPerson, RecordType::kVehicle,
                       RecordType::kPlace, RecordType::kPhone, RecordType::kAccount}) {
    EXPECT_EQ(RecordTypeFromCode(ToCode(t)), t);
    EXPECT_EQ(RecordTypeFromPathSegment(PathSegment(t)), t);
  }
  for (PersonStatus s : AllPersonStatuses()) EXPECT_EQ(PersonStatusFromCode(ToCode(s)), s);
  for (PlaceType p : AllPlaceTypes()) EXPECT_EQ(PlaceTypeFromCode(ToCode(p)), p);
  for (Platform p : AllPlatforms()) EXPECT_EQ(PlatformFromCode(ToCode(p)), p);
  for (LinkType l : AllLinkTypes()) EXPECT_EQ(LinkTypeFromCode(ToCode(l)), l);
  EXPECT_EQ(AllPlaceTypes().size(), 14U);
  EXPECT_EQ(ToCode(PlaceType::kHmo), "hmo");
  EXPECT_EQ(Label(PlaceType::kHmo), "House in multiple occupation");
  EXPECT_EQ(ToCode(PersonStatus::kNoFurtherAction), "no_further_action");
  EXPECT_EQ(Label(LinkType::kSuspectedExploiter), "Suspected exploiter");
  EXPECT_EQ(Label(LinkType::kSeenAt), "Seen at");
  EXPECT_FALSE(RecordTypeFromCode("Person"));
  EXPECT_FALSE(PlaceTypeFromCode("HOTEL"));
}

TEST(RecordCodesTest, BusinessPremises) {
  int count = 0;
  for (PlaceType p : AllPlaceTypes()) count += IsBusinessPremises(p) ? 1 : 0;
  EXPECT_EQ(count, 5);
  EXPECT_TRUE(IsBusinessPremises(PlaceType::kTaxiFirm));
  EXPECT_FALSE(IsBusinessPremises(PlaceType::kTaxiRank));
  EXPECT_FALSE(IsBusinessPremises(PlaceType::kPark));
}

TEST(NameKeyTest, FoldsCaseAccentsAndSpaces) {
  EXPECT_EQ(NameKey("  Dean   MARSH "), "dean marsh");
  EXPECT_EQ(NameKey("Déan Marsh"), "dean marsh");
}

TEST(ValidatePersonTest, NormalisesAndDeduplicatesAliases) {
  auto p = ValidatePerson(Dean(), kEthnicities, kToday);
  ASSERT_TRUE(p.has_value()) << p.error().message;
  EXPECT_EQ(p->name, "Dean   Marsh");
  EXPECT_EQ(p->name_key, "dean marsh");
  EXPECT_EQ(p->aliases, (std::vector<std::string>{"Deano", "D-Man"}));
  ASSERT_TRUE(p->date_of_birth);
  EXPECT_EQ(p->sex, "male");
  EXPECT_EQ(p->status, PersonStatus::kSuspected);
  EXPECT_EQ(PersonLabel(*p), "Dean   Marsh (b. 1990)");
}

TEST(ValidatePersonTest, AgeRange) {
  PersonInput in = Dean();
  in.date_of_birth.clear();
  in.age_from = "25";
  in.age_to = "30";
  auto p = ValidatePerson(in, kEthnicities, kToday);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->age_from, 25);
  EXPECT_EQ(p->age_to, 30);
  EXPECT_FALSE(p->date_of_birth);
  in.age_from = "31";
  auto bad = ValidatePerson(in, kEthnicities, kToday);
  ASSERT_FALSE(bad.has_value());
  EXPECT_TRUE(bad.error().fields.contains("age_to"));
}

TEST(ValidatePersonTest, EveryBadFieldAtOnce) {
  PersonInput in;
  in.name = " ";
  in.date_of_birth = "2030-01-01";
  in.sex = "other";
  in.ethnicity = "martian";
  in.status = "wanted";
  auto p = ValidatePerson(in, kEthnicities, kToday);
  ASSERT_FALSE(p.has_value());
  EXPECT_EQ(p.error().kind, ErrorKind::kInvalid);
  for (const char* field : {"name", "date_of_birth", "sex", "ethnicity", "status"}) {
    EXPECT_TRUE(p.error().fields.contains(field)) << field;
  }
}

TEST(ValidatePersonTest, RefusesBothDateAndRangeAndImplausibleAges) {
  PersonInput in = Dean();
  in.age_from = "20";
  EXPECT_TRUE(ValidatePerson(in, kEthnicities, kToday).error().fields.contains("age_from"));
  in = Dean();
  in.date_of_birth = "2020-01-01";  // aged 6
  EXPECT_TRUE(ValidatePerson(in, kEthnicities, kToday).error().fields.contains("date_of_birth"));
  in.date_of_birth = "1990-02-30";
  EXPECT_TRUE(ValidatePerson(in, kEthnicities, kToday).error().fields.contains("date_of_birth"));
  in.date_of_birth.clear();
  in.age_from = "9";
  EXPECT_TRUE(ValidatePerson(in, kEthnicities, kToday).error().fields.contains("age_from"));
  in.age_from = "1e1";
  EXPECT_TRUE(ValidatePerson(in, kEthnicities, kToday).error().fields.contains("age_from"));
  in.age_from = "";
  in.age_to = "101";
  EXPECT_TRUE(ValidatePerson(in, kEthnicities, kToday).error().fields.contains("age_to"));
  in = Dean();
  in.name = std::string(101, 'a');
  EXPECT_TRUE(ValidatePerson(in, kEthnicities, kToday).error().fields.contains("name"));
  in = Dean();
  in.name = "Dean\x01";
  EXPECT_TRUE(ValidatePerson(in, kEthnicities, kToday).error().fields.contains("name"));
  in = Dean();
  in.name = "\xff\xfe";
  EXPECT_TRUE(ValidatePerson(in, kEthnicities, kToday).error().fields.contains("name"));
}

TEST(ValidatePersonTest, DefaultsAndNotKnown) {
  PersonInput in;
  in.name = "Unknown male";
  in.status = "no_further_action";
  in.ethnicity = "not_known";
  auto p = ValidatePerson(in, kEthnicities, kToday);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->sex, "not_known");
  EXPECT_EQ(p->ethnicity, "not_known");
  EXPECT_EQ(PersonLabel(*p), "Unknown male");
}

TEST(ValidateVehicleTest, CanonicalWhenItParses) {
  auto v = ValidateVehicle({"ab12-cde", "Ford", "Focus", "silver"});
  ASSERT_TRUE(v.has_value());
  EXPECT_EQ(v->registration, "AB12CDE");
  EXPECT_EQ(v->registration_typed, "ab12-cde");
  EXPECT_TRUE(v->verified);
  EXPECT_EQ(v->display, "AB12 CDE");
  EXPECT_TRUE(v->warning.empty());
  EXPECT_EQ(VehicleLabel(*v), "AB12 CDE silver Ford Focus");
  EXPECT_EQ(RegistrationKey("AB12 CDE"), "AB12CDE");
}

TEST(ValidateVehicleTest, KeptAsTypedWhenNotUk) {
  auto v = ValidateVehicle({" wi 12345 x ", "", "", ""});
  ASSERT_TRUE(v.has_value());
  EXPECT_EQ(v->registration, "WI12345X");
  EXPECT_EQ(v->registration_typed, "wi 12345 x");
  EXPECT_FALSE(v->verified);
  EXPECT_EQ(v->warning, kUnverifiedRegistrationWarning);
  EXPECT_EQ(RegistrationKey("wi-12345-x"), "WI12345X");
}

TEST(ValidateVehicleTest, Refusals) {
  EXPECT_TRUE(ValidateVehicle({"  ", "", "", ""}).error().fields.contains("registration"));
  EXPECT_TRUE(ValidateVehicle({" - ", "", "", ""}).error().fields.contains("registration"));
  EXPECT_TRUE(
      ValidateVehicle({"AB12CDE", std::string(51, 'x'), "", ""}).error().fields.contains("make"));
}

TEST(ValidatePhoneTest, VerifiedAndKeptAsTyped) {
  auto p = ValidatePhone({"07700 900123"});
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->number, "+447700900123");
  EXPECT_TRUE(p->verified);
  EXPECT_EQ(p->kind, "mobile");
  EXPECT_EQ(PhoneKey("+44 7700 900123"), "+447700900123");

  auto odd = ValidatePhone({"+999 1234-5678"});
  ASSERT_TRUE(odd.has_value());
  EXPECT_EQ(odd->number, "+99912345678");
  EXPECT_EQ(odd->number_typed, "+999 1234-5678");
  EXPECT_FALSE(odd->verified);
  EXPECT_EQ(odd->warning, kUnverifiedPhoneWarning);

  EXPECT_TRUE(ValidatePhone({""}).error().fields.contains("number"));
  EXPECT_TRUE(ValidatePhone({"call me"}).error().fields.contains("number"));
}

TEST(ValidateAccountTest, HandleKey) {
  auto a = ValidateAccount({"snapchat", " @DM_90 "});
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->handle, "@DM_90");
  EXPECT_EQ(a->handle_key, "dm_90");
  EXPECT_EQ(AccountLabel(*a), "@DM_90 on Snapchat");
  auto bad = ValidateAccount({"myspace", "@"});
  ASSERT_FALSE(bad.has_value());
  EXPECT_TRUE(bad.error().fields.contains("platform"));
  EXPECT_TRUE(bad.error().fields.contains("handle"));
}

TEST(ValidatePlaceTest, PostcodeAndCoordinates) {
  PlaceInput in;
  in.name = "Seaview Hotel";
  in.type = "hotel";
  in.postcode = "hb1 2ab";
  in.latitude = "53.7457";
  in.longitude = "-0.3367";
  auto p = ValidatePlace(in);
  ASSERT_TRUE(p.has_value()) << p.error().message;
  EXPECT_EQ(p->type, PlaceType::kHotel);
  EXPECT_EQ(p->name_key, "seaview hotel");
  EXPECT_DOUBLE_EQ(*p->latitude, 53.7457);
  EXPECT_DOUBLE_EQ(*p->longitude, -0.3367);
  EXPECT_EQ(PlaceLabel(*p), p->name + ", " + p->postcode);
}

TEST(ValidatePlaceTest, UnverifiedPostcodeKept) {
  PlaceInput in;
  in.name = "Flat";
  in.type = "private_address";
  in.postcode = "D02 X285";
  auto p = ValidatePlace(in);
  ASSERT_TRUE(p.has_value());
  EXPECT_FALSE(p->postcode_verified);
  EXPECT_EQ(p->postcode, "D02 X285");
  ASSERT_EQ(p->warnings.size(), 1U);
  EXPECT_EQ(PostcodeKey(" D02 X285 "), "D02 X285");
}

TEST(ValidatePlaceTest, EastingNorthing) {
  PlaceInput in;
  in.name = "Park";
  in.type = "park";
  in.easting = "509000";
  in.northing = "429000";
  auto p = ValidatePlace(in);
  ASSERT_TRUE(p.has_value());
  EXPECT_DOUBLE_EQ(*p->easting, 509000);
  EXPECT_FALSE(p->latitude);
}

TEST(ValidatePlaceTest, Refusals) {
  PlaceInput in;
  in.type = "castle";
  in.latitude = "53";
  in.easting = "1";
  auto p = ValidatePlace(in);
  ASSERT_FALSE(p.has_value());
  EXPECT_TRUE(p.error().fields.contains("name"));
  EXPECT_TRUE(p.error().fields.contains("type"));
  EXPECT_TRUE(p.error().fields.contains("latitude"));

  for (const char* bad : {"1e2", "nan", "inf", "+53", "53.", ".5", "5 3", "0x10", "-", "91"}) {
    PlaceInput q;
    q.name = "X";
    q.type = "other";
    q.latitude = bad;
    q.longitude = "0";
    auto r = ValidatePlace(q);
    ASSERT_FALSE(r.has_value()) << bad;
    EXPECT_TRUE(r.error().fields.contains("latitude")) << bad;
  }
  PlaceInput half;
  half.name = "X";
  half.type = "other";
  half.northing = "1000";
  EXPECT_TRUE(ValidatePlace(half).error().fields.contains("easting"));
}

TEST(ValidateLinkTest, CanonicalOrderEitherWay) {
  auto ends = ValidateLink(LinkType::kSuspectedExploiter, RecordType::kPerson, RecordType::kChild);
  ASSERT_TRUE(ends.has_value());
  EXPECT_EQ(ends->from, RecordType::kChild);
  EXPECT_EQ(ends->to, RecordType::kPerson);
  EXPECT_TRUE(ends->swapped);
  auto seen = ValidateLink(LinkType::kSeenAt, RecordType::kVehicle, RecordType::kPlace);
  ASSERT_TRUE(seen.has_value());
  EXPECT_FALSE(seen->swapped);
  EXPECT_TRUE(ValidateLink(LinkType::kAssociate, RecordType::kPerson, RecordType::kPerson));
  EXPECT_TRUE(ValidateLink(LinkType::kUses, RecordType::kAccount, RecordType::kChild));
  EXPECT_TRUE(ValidateLink(LinkType::kSeenIn, RecordType::kVehicle, RecordType::kPerson));
}

TEST(ValidateLinkTest, RefusesPairsTheTypeDoesNotAllow) {
  auto bad = ValidateLink(LinkType::kDriver, RecordType::kChild, RecordType::kVehicle);
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().kind, ErrorKind::kInvalid);
  EXPECT_EQ(bad.error().fields.at("link_type"),
            "\"Driver\" links person and vehicle, not child and vehicle");
  EXPECT_FALSE(ValidateLink(LinkType::kBoyfriend, RecordType::kPerson, RecordType::kPerson));
  EXPECT_FALSE(ValidateLink(LinkType::kAssociate, RecordType::kChild, RecordType::kChild));
  EXPECT_FALSE(ValidateLink(LinkType::kUses, RecordType::kPhone, RecordType::kAccount));
  EXPECT_FALSE(ValidateLink(LinkType::kRelative, RecordType::kChild, RecordType::kPerson));
}

TEST(CanonicalLink, StoresEitherOrderOnceAndNeverARecordWithItself) {
  auto given = CanonicalLink(LinkType::kSuspectedExploiter, RecordType::kPerson, "dean",
                             RecordType::kChild, "ava");
  auto reversed = CanonicalLink(LinkType::kSuspectedExploiter, RecordType::kChild, "ava",
                                RecordType::kPerson, "dean");
  ASSERT_TRUE(given.has_value() && reversed.has_value());
  EXPECT_EQ(given->from_type, reversed->from_type);
  EXPECT_EQ(given->from_id, reversed->from_id);
  EXPECT_EQ(given->to_id, reversed->to_id);
  auto one =
      CanonicalLink(LinkType::kAssociate, RecordType::kPerson, "b", RecordType::kPerson, "a");
  ASSERT_TRUE(one.has_value());
  EXPECT_EQ(one->from_id, "a") << "a symmetric link keeps the smaller id first";
  EXPECT_EQ(one->to_id, "b");
  auto self =
      CanonicalLink(LinkType::kAssociate, RecordType::kPerson, "a", RecordType::kPerson, "a");
  ASSERT_FALSE(self.has_value());
  EXPECT_EQ(self.error().fields.at("to_id"), "A record cannot be linked to itself");
  auto pair =
      CanonicalLink(LinkType::kDriver, RecordType::kChild, "ava", RecordType::kVehicle, "car");
  ASSERT_FALSE(pair.has_value());
  EXPECT_TRUE(pair.error().fields.contains("link_type"));
}

}  // namespace
}  // namespace harbour::intelligence
