#include "agencies/agency.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/codes_testing.h"

namespace harbour::agencies {
namespace {

reference::Catalogue TestCatalogue() {
  return reference::Catalogue({}, {},
                              {{"police", "Police", "statutory"},
                               {"voluntary", "Voluntary or community organisation", "voluntary"}});
}

AgencyInput ValidInput() { return {" exa-pol1 ", "  Example Police  ", "statutory", "police"}; }

std::map<std::string, std::string> ErrorsFor(const AgencyInput& input) {
  auto result = ValidateAgency(input, TestCatalogue());
  EXPECT_FALSE(result.has_value());
  if (result.has_value()) return {};
  EXPECT_EQ(result.error().kind, ErrorKind::kInvalid);
  return result.error().fields;
}

TEST(ValidateAgency, AcceptsAndNormalisesAValidAgency) {
  auto agency = ValidateAgency(ValidInput(), TestCatalogue());
  ASSERT_TRUE(agency.has_value());
  EXPECT_EQ(agency->code, "EXA-POL1");
  EXPECT_EQ(agency->name, "Example Police");
  EXPECT_EQ(agency->sector, Sector::kStatutory);
  EXPECT_EQ(agency->type, "police");
  EXPECT_TRUE(agency->id.empty());
}

TEST(ValidateAgency, VoluntarySectorIsAnEqualPartner) {
  auto agency =
      ValidateAgency({"EXCHAR", "Example Charity", "voluntary", "voluntary"}, TestCatalogue());
  ASSERT_TRUE(agency.has_value());
  EXPECT_EQ(agency->sector, Sector::kVoluntary);
}

TEST(ValidateAgency, EmptyInputNamesEveryField) {
  auto errors = ErrorsFor(AgencyInput{});
  EXPECT_EQ(errors["code"], "Enter a short code for the agency");
  EXPECT_EQ(errors["name"], "Enter the agency's name");
  EXPECT_EQ(errors["sector"], "Select the agency's sector");
  EXPECT_EQ(errors["type"], "Select the type of agency");
  EXPECT_EQ(errors.size(), 4u);
}

TEST(ValidateAgency, CodeMustBe2To16LettersDigitsOrHyphens) {
  for (const char* code : {"A", "ABCDEFGHIJKLMNOPQ", "EX POL", "EX_POL", "ÉX"}) {
    AgencyInput input = ValidInput();
    input.code = code;
    EXPECT_EQ(ErrorsFor(input)["code"], "Code must be 2 to 16 letters, numbers or hyphens") << code;
  }
  for (const char* code : {"AB", "ABCDEFGHIJKLMNOP", "a-1"}) {
    AgencyInput input = ValidInput();
    input.code = code;
    EXPECT_TRUE(ValidateAgency(input, TestCatalogue()).has_value()) << code;
  }
}

TEST(ValidateAgency, NameOver200CharactersIsRejected) {
  AgencyInput input = ValidInput();
  input.name = std::string(201, 'n');
  EXPECT_EQ(ErrorsFor(input)["name"], "Name must be 200 characters or fewer");
}

TEST(ValidateAgency, NameWithControlCharactersIsRejected) {
  AgencyInput input = ValidInput();
  input.name = "Example\nPolice";
  EXPECT_THAT(ErrorsFor(input)["name"], ::testing::HasSubstr("must only include"));
}

TEST(ValidateAgency, UnknownSectorIsRejected) {
  AgencyInput input = ValidInput();
  input.sector = "public";
  EXPECT_EQ(ErrorsFor(input)["sector"], "Select the agency's sector");
}

TEST(ValidateAgency, TypeMustBeACatalogueAgencyType) {
  AgencyInput input = ValidInput();
  input.type = "army";
  EXPECT_EQ(ErrorsFor(input)["type"], "Select the type of agency");
}

TEST(Sector, CodesRoundTrip) {
  for (Sector s : {Sector::kStatutory, Sector::kVoluntary, Sector::kPrivate}) {
    EXPECT_EQ(SectorFromCode(ToCode(s)), s);
  }
  EXPECT_EQ(ToCode(Sector::kPrivate), "private");
  EXPECT_FALSE(SectorFromCode("Statutory").has_value());
}

TEST(AgenciesCodesTest, EveryEnumAnswersFromItsTable) {
  codes_testing::ExpectAnswersFromTable(kSectorCodes, SectorFromCode);
}

}  // namespace
}  // namespace harbour::agencies
