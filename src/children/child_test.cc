#include "children/child.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "children/flag.h"
#include "common/codes_testing.h"
#include "common/identifiers.h"

namespace harbour::children {
namespace {

using ::testing::HasSubstr;
using namespace std::chrono_literals;

constexpr Date kToday{std::chrono::year{2026}, std::chrono::March, std::chrono::day{1}};

reference::Catalogue TestCatalogue() {
  return reference::Catalogue(
      {},
      {{"white_british", "White: English, Welsh, Scottish, Northern Irish or British", "White"},
       {"not_known", "Not known", ""}},
      {});
}

// A complete, valid submission for a synthetic child.
ChildInput ValidInput() {
  ChildInput input;
  input.given_name = "  Test ";
  input.family_name = "Child-Example";
  input.aliases = "Tee\n\n  T. Example  \n";
  input.date_of_birth = "2012-03-27";
  input.sex = "female";
  input.gender = "Girl";
  input.ethnicity = "white_british";
  input.first_language = "English";
  input.disability = "no";
  input.special_needs = "sen_support";
  input.address = "1 Example Street\nExampletown";
  input.postcode = "sw1a1aa";
  input.school = "Example Academy";
  input.nhs_number = SyntheticNhsNumber(42);
  input.upn = SyntheticUpn(42);
  input.social_care_id = "SC-000001";
  input.legal_status = "looked_after_s20";
  input.placing_authority = "Exampleshire";
  input.allocated_worker = "A. Worker";
  return input;
}

// Validates and expects failure; returns the field -> message map.
std::map<std::string, std::string> ErrorsFor(const ChildInput& input, Date today = kToday) {
  auto result = ValidateChild(input, TestCatalogue(), today);
  EXPECT_FALSE(result.has_value());
  if (result.has_value()) return {};
  EXPECT_EQ(result.error().kind, ErrorKind::kInvalid);
  return result.error().fields;
}

TEST(ValidateChild, AcceptsAndNormalisesAValidChild) {
  auto child = ValidateChild(ValidInput(), TestCatalogue(), kToday);
  ASSERT_TRUE(child.has_value()) << child.error().fields.begin()->second;
  EXPECT_EQ(child->given_name, "Test");
  EXPECT_EQ(child->family_name, "Child-Example");
  EXPECT_EQ(child->aliases, (std::vector<std::string>{"Tee", "T. Example"}));
  EXPECT_EQ(child->date_of_birth.transform(FormatDate), "2012-03-27");
  EXPECT_FALSE(child->estimated_age.has_value());
  EXPECT_EQ(child->sex, Sex::kFemale);
  EXPECT_EQ(child->ethnicity, "white_british");
  EXPECT_EQ(child->disability, Disability::kNo);
  EXPECT_EQ(child->special_needs, SpecialNeeds::kSenSupport);
  EXPECT_EQ(child->address, "1 Example Street\nExampletown");
  EXPECT_EQ(child->postcode, "SW1A 1AA");
  EXPECT_EQ(child->nhs_number, SyntheticNhsNumber(42));
  EXPECT_EQ(child->upn, SyntheticUpn(42));
  EXPECT_EQ(child->legal_status, LegalStatus::kLookedAfterS20);
  EXPECT_EQ(child->placing_authority, "Exampleshire");
  EXPECT_TRUE(child->id.empty());
}

TEST(ValidateChild, MinimalChildGetsNotKnownDefaults) {
  ChildInput input;
  input.given_name = "Test";
  input.family_name = "Example";
  input.estimated_age = "14";
  input.sex = "not_known";
  auto child = ValidateChild(input, TestCatalogue(), kToday);
  ASSERT_TRUE(child.has_value());
  EXPECT_EQ(child->estimated_age, 14);
  EXPECT_FALSE(child->date_of_birth.has_value());
  EXPECT_EQ(child->sex, Sex::kNotKnown);
  EXPECT_EQ(child->ethnicity, "not_known");
  EXPECT_EQ(child->disability, Disability::kNotKnown);
  EXPECT_EQ(child->special_needs, SpecialNeeds::kNotKnown);
  EXPECT_EQ(child->legal_status, LegalStatus::kNone);
  EXPECT_EQ(child->postcode, "");
  EXPECT_EQ(child->nhs_number, "");
  EXPECT_EQ(child->upn, "");
  EXPECT_TRUE(child->aliases.empty());
}

TEST(ValidateChild, ErrorsAreKeyedByInputMemberNames) {
  ChildInput input;  // everything empty
  auto errors = ErrorsFor(input);
  EXPECT_EQ(errors["given_name"], "Enter the child's given name");
  EXPECT_EQ(errors["family_name"], "Enter the child's family name");
  EXPECT_THAT(errors["date_of_birth"], HasSubstr("Enter the child's date of birth"));
  EXPECT_EQ(errors["sex"], "Select the child's sex");
  EXPECT_EQ(errors.size(), 4u);
}

TEST(ValidateChild, WhitespaceOnlyNameIsMissing) {
  ChildInput input = ValidInput();
  input.family_name = " \t ";
  EXPECT_EQ(ErrorsFor(input)["family_name"], "Enter the child's family name");
}

TEST(ValidateChild, NameOverOneHundredCharactersIsRejected) {
  ChildInput input = ValidInput();
  input.given_name = std::string(101, 'a');
  EXPECT_EQ(ErrorsFor(input)["given_name"], "Given name must be 100 characters or fewer");
}

TEST(ValidateChild, NameLengthCountsCharactersNotBytes) {
  ChildInput input = ValidInput();
  input.given_name.clear();
  for (int i = 0; i < 100; ++i) input.given_name += "\xC3\xAB";  // 100 x "ë", 200 bytes
  auto child = ValidateChild(input, TestCatalogue(), kToday);
  EXPECT_TRUE(child.has_value());
}

TEST(ValidateChild, InvalidUtf8NameIsRejected) {
  ChildInput input = ValidInput();
  input.given_name = "Te\xC3";
  EXPECT_THAT(ErrorsFor(input)["given_name"], HasSubstr("must only include"));
}

TEST(ValidateChild, NameWithLineBreakIsRejected) {
  ChildInput input = ValidInput();
  input.family_name = "Child\nExample";
  EXPECT_THAT(ErrorsFor(input)["family_name"], HasSubstr("must only include"));
}

TEST(ValidateChild, FutureDateOfBirthIsRejected) {
  ChildInput input = ValidInput();
  input.date_of_birth = "2026-03-02";
  EXPECT_EQ(ErrorsFor(input)["date_of_birth"], "Date of birth must be in the past");
}

TEST(ValidateChild, BornTodayIsAccepted) {
  ChildInput input = ValidInput();
  input.date_of_birth = "2026-03-01";
  EXPECT_TRUE(ValidateChild(input, TestCatalogue(), kToday).has_value());
}

TEST(ValidateChild, DateOfBirthMoreThan25YearsAgoIsRejected) {
  ChildInput input = ValidInput();
  input.date_of_birth = "2001-02-28";
  EXPECT_EQ(ErrorsFor(input)["date_of_birth"], "Date of birth must be within the last 25 years");
  input.date_of_birth = "2001-03-01";  // exactly 25 years
  EXPECT_TRUE(ValidateChild(input, TestCatalogue(), kToday).has_value());
}

TEST(ValidateChild, TwentyFiveYearLimitFromALeapDay) {
  ChildInput input = ValidInput();
  const Date leap_day{std::chrono::year{2028}, std::chrono::February, std::chrono::day{29}};
  input.date_of_birth = "2003-02-28";
  EXPECT_TRUE(ValidateChild(input, TestCatalogue(), leap_day).has_value());
  input.date_of_birth = "2003-02-27";
  EXPECT_THAT(ErrorsFor(input, leap_day)["date_of_birth"], HasSubstr("25 years"));
}

TEST(ValidateChild, MalformedOrImpossibleDateOfBirthIsRejected) {
  for (const char* text : {"27/03/2012", "2012-3-27", "2012-02-30", "yesterday", "2012-03-27x"}) {
    ChildInput input = ValidInput();
    input.date_of_birth = text;
    EXPECT_THAT(ErrorsFor(input)["date_of_birth"], HasSubstr("must be a real date")) << text;
  }
}

TEST(ValidateChild, DateOfBirthAndEstimatedAgeTogetherAreRejected) {
  ChildInput input = ValidInput();
  input.estimated_age = "14";
  EXPECT_EQ(ErrorsFor(input)["estimated_age"],
            "Enter a date of birth or an estimated age, not both");
}

TEST(ValidateChild, EstimatedAgeMustBeAWholeNumberFrom0To25) {
  for (const char* text : {"26", "-1", "14.5", "fourteen", "1 4", "007"}) {
    ChildInput input = ValidInput();
    input.date_of_birth.clear();
    input.estimated_age = text;
    EXPECT_EQ(ErrorsFor(input)["estimated_age"],
              "Estimated age must be a whole number from 0 to 25")
        << text;
  }
  for (const char* text : {"0", "25", " 9 "}) {
    ChildInput input = ValidInput();
    input.date_of_birth.clear();
    input.estimated_age = text;
    EXPECT_TRUE(ValidateChild(input, TestCatalogue(), kToday).has_value()) << text;
  }
}

TEST(ValidateChild, UnknownSexCodeIsRejected) {
  ChildInput input = ValidInput();
  input.sex = "f";
  EXPECT_EQ(ErrorsFor(input)["sex"], "Select the child's sex");
}

TEST(ValidateChild, EthnicityMustBeACatalogueCode) {
  ChildInput input = ValidInput();
  input.ethnicity = "british";
  EXPECT_EQ(ErrorsFor(input)["ethnicity"], "Select the child's ethnic group from the list");
}

TEST(ValidateChild, UnknownDisabilitySpecialNeedsAndLegalStatusAreRejected) {
  ChildInput input = ValidInput();
  input.disability = "maybe";
  input.special_needs = "statement";
  input.legal_status = "looked_after";
  auto errors = ErrorsFor(input);
  EXPECT_EQ(errors["disability"], "Select whether the child has a disability");
  EXPECT_THAT(errors["special_needs"], HasSubstr("special educational needs"));
  EXPECT_EQ(errors["legal_status"], "Select the child's legal status");
}

TEST(ValidateChild, BadNhsCheckDigitIsRejected) {
  ChildInput input = ValidInput();
  std::string nhs = SyntheticNhsNumber(42);
  nhs.back() = nhs.back() == '9' ? '0' : static_cast<char>(nhs.back() + 1);
  input.nhs_number = nhs;
  EXPECT_EQ(ErrorsFor(input)["nhs_number"],
            "Enter a real NHS number: it has 10 digits and the last is a check digit");
}

TEST(ValidateChild, NhsNumberWithSpacesIsNormalised) {
  ChildInput input = ValidInput();
  input.nhs_number = FormatNhsNumber(SyntheticNhsNumber(7));
  auto child = ValidateChild(input, TestCatalogue(), kToday);
  ASSERT_TRUE(child.has_value());
  EXPECT_EQ(child->nhs_number, SyntheticNhsNumber(7));
}

TEST(ValidateChild, BadUpnIsRejectedWithTheIdentifierMessage) {
  ChildInput input = ValidInput();
  input.upn = "A12345";
  EXPECT_THAT(ErrorsFor(input)["upn"], HasSubstr("13 characters"));
}

TEST(ValidateChild, BadPostcodeIsRejected) {
  ChildInput input = ValidInput();
  input.postcode = "NOT A POSTCODE";
  EXPECT_EQ(ErrorsFor(input)["postcode"], "Enter a real postcode, like SW1A 1AA");
}

TEST(ValidateChild, FreeTextIsLimitedTo200CharactersAndAddressTo500) {
  ChildInput input = ValidInput();
  input.school = std::string(201, 'x');
  input.address = std::string(500, 'x');
  auto errors = ErrorsFor(input);
  EXPECT_EQ(errors["school"], "School or setting must be 200 characters or fewer");
  EXPECT_FALSE(errors.contains("address"));
  input.address = std::string(501, 'x');
  EXPECT_EQ(ErrorsFor(input)["address"], "Address must be 500 characters or fewer");
}

TEST(ValidateChild, AtMostTwentyAliases) {
  ChildInput input = ValidInput();
  input.aliases.clear();
  for (int i = 0; i < 20; ++i) input.aliases += "Alias " + std::to_string(i) + "\n";
  EXPECT_TRUE(ValidateChild(input, TestCatalogue(), kToday).has_value());
  input.aliases += "One too many";
  EXPECT_EQ(ErrorsFor(input)["aliases"], "Enter 20 other names or fewer");
}

TEST(ValidateChild, LongAliasIsRejected) {
  ChildInput input = ValidInput();
  input.aliases = std::string(101, 'a');
  EXPECT_THAT(ErrorsFor(input)["aliases"], HasSubstr("100 characters or fewer"));
}

TEST(Codes, RoundTripEveryValue) {
  for (Sex v : {Sex::kFemale, Sex::kMale, Sex::kNotKnown}) EXPECT_EQ(SexFromCode(ToCode(v)), v);
  for (LegalStatus v :
       {LegalStatus::kNone, LegalStatus::kLookedAfterS20, LegalStatus::kLookedAfterS31,
        LegalStatus::kLookedAfterS38, LegalStatus::kChildInNeed, LegalStatus::kChildProtectionPlan,
        LegalStatus::kCareLeaver}) {
    EXPECT_EQ(LegalStatusFromCode(ToCode(v)), v);
    EXPECT_FALSE(Label(v).empty());
  }
  for (Disability v : {Disability::kNo, Disability::kYes, Disability::kNotKnown}) {
    EXPECT_EQ(DisabilityFromCode(ToCode(v)), v);
  }
  for (SpecialNeeds v : {SpecialNeeds::kNone, SpecialNeeds::kSenSupport, SpecialNeeds::kEhcPlan,
                         SpecialNeeds::kNotKnown}) {
    EXPECT_EQ(SpecialNeedsFromCode(ToCode(v)), v);
  }
  EXPECT_EQ(ToCode(LegalStatus::kLookedAfterS20), "looked_after_s20");
  EXPECT_EQ(Label(LegalStatus::kLookedAfterS20), "Looked after (section 20)");
  EXPECT_FALSE(SexFromCode("Female").has_value());
  EXPECT_FALSE(LegalStatusFromCode("").has_value());
}

TEST(IsLookedAfter, OnlyTheThreeLookedAfterStatuses) {
  EXPECT_TRUE(IsLookedAfter(LegalStatus::kLookedAfterS20));
  EXPECT_TRUE(IsLookedAfter(LegalStatus::kLookedAfterS31));
  EXPECT_TRUE(IsLookedAfter(LegalStatus::kLookedAfterS38));
  EXPECT_FALSE(IsLookedAfter(LegalStatus::kCareLeaver));
  EXPECT_FALSE(IsLookedAfter(LegalStatus::kChildInNeed));
  EXPECT_FALSE(IsLookedAfter(LegalStatus::kNone));
}

TEST(DisplayName, JoinsGivenAndFamilyNames) {
  Child child;
  child.given_name = "Test";
  child.family_name = "Example";
  EXPECT_EQ(DisplayName(child), "Test Example");
}

TEST(AgeText, WholeYearsFromDateOfBirthOrAnEstimate) {
  Child child;
  child.date_of_birth = Date{std::chrono::year{2012}, std::chrono::March, std::chrono::day{2}};
  EXPECT_EQ(AgeText(child, kToday), "13");  // birthday tomorrow
  child.date_of_birth = Date{std::chrono::year{2012}, std::chrono::March, std::chrono::day{1}};
  EXPECT_EQ(AgeText(child, kToday), "14");
  child.date_of_birth.reset();
  child.estimated_age = 14;
  EXPECT_EQ(AgeText(child, kToday), "about 14");
}

}  // namespace
}  // namespace harbour::children

namespace harbour::children {
namespace {

// Regression: the API echoed a repeated alias twice although storage keeps it once.
TEST(ValidateChildAliases, RepeatedAliasIsKeptOnceInTheOrderGiven) {
  ChildInput input;
  input.given_name = "Ada";
  input.family_name = "Example";
  input.estimated_age = "14";
  input.sex = "female";
  input.aliases = "Tee\nAddy\nTee\n";
  auto catalogue = reference::Catalogue({}, {{"not_known", "Not known", ""}}, {});
  auto child =
      ValidateChild(input, catalogue,
                    Date{std::chrono::year(2026), std::chrono::month(11), std::chrono::day(23)});
  ASSERT_TRUE(child.has_value()) << child.error().message;
  EXPECT_EQ(child->aliases, (std::vector<std::string>{"Tee", "Addy"}));
}

TEST(RecordCreatedEntry, IsWhenTheRecordWasCreatedAndByWhom) {
  Child child;
  child.id = "c1";
  child.created_at = Instant{std::chrono::seconds{42}};
  auto e = RecordCreatedEntry(child, {"Sam Patel", "csc", "Children's Social Care"});
  EXPECT_EQ(e.type, chronology::EntryType::kRecord);
  EXPECT_EQ(e.at, child.created_at);
  EXPECT_EQ(e.id, "c1");
  EXPECT_EQ(e.headline, "Child's record created");
  EXPECT_EQ(e.by.agency_name, "Children's Social Care");
}

TEST(ChildrenCodesTest, EveryEnumAnswersFromItsTable) {
  codes_testing::ExpectAnswersFromTable(kSexCodes, SexFromCode);
  codes_testing::ExpectAnswersFromTable(kLegalStatusCodes, LegalStatusFromCode);
  codes_testing::ExpectAnswersFromTable(kDisabilityCodes, DisabilityFromCode);
  codes_testing::ExpectAnswersFromTable(kSpecialNeedsCodes, SpecialNeedsFromCode);
  codes_testing::ExpectAnswersFromTable(kFlagKindCodes, FlagKindFromCode);
}

}  // namespace
}  // namespace harbour::children
