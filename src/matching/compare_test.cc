// Each field's comparison levels: names exact, swapped, first word, variant, close, similar,
// initial; dates exact, day and month swapped, one digit, year off by one; postcodes by unit,
// sector and outward code; phones in E.164; missing values.
#include "matching/compare.h"

#include <gtest/gtest.h>

namespace harbour::matching {
namespace {

const NameVariants& Variants() {
  static const NameVariants kVariants =
      *NameVariants::Parse("katherine, kate, katie\nmohammed, muhammad\n");
  return kVariants;
}

PreparedRecord Person(std::string given, std::string family, const std::string& dob = "",
                      std::string postcode = "", std::string phone = "", std::string sex = "") {
  MatchRecord r{.id = "x",
                .agency = "",
                .given_name = std::move(given),
                .family_name = std::move(family),
                .date_of_birth = std::nullopt,
                .sex = std::move(sex),
                .postcode = std::move(postcode),
                .phone = std::move(phone)};
  if (!dob.empty()) r.date_of_birth = *ParseDate(dob);
  return Prepare(r, Variants());
}

std::uint8_t Level(const PreparedRecord& a, const PreparedRecord& b, Field f) {
  return Compare(a, b, Variants())[std::size_t(f)];
}

TEST(Compare, GivenNameLevels) {
  using namespace level;
  auto given = [](const std::string& a, const std::string& b) {
    return Level(Person(a, "smith"), Person(b, "smith"), Field::kGivenName);
  };
  EXPECT_EQ(given("Katie", "KATIE"), kGivenExact);
  EXPECT_EQ(given("Małgorzata", "Malgorzata"), kGivenExact);
  EXPECT_EQ(given("Mary Jane", "Mary"), kGivenWordInCommon);
  EXPECT_EQ(given("Mohammed Ali", "Ali"), kGivenWordInCommon);
  EXPECT_EQ(given("Femi", "Oluwafemi"), kGivenShortened);
  EXPECT_EQ(given("Alex", "Alexander"), kGivenShortened);
  EXPECT_EQ(given("Ciaran", "Kieran"), kGivenSoundsAlike);
  EXPECT_EQ(given("Kate", "Katherine"), kGivenVariant);
  EXPECT_EQ(given("Mohammed", "Muhammad"), kGivenVariant);
  EXPECT_EQ(given("Jonathon", "Jonathan"), kGivenClose);
  EXPECT_EQ(given("Katie", "K"), kGivenInitial);
  EXPECT_EQ(given("Katie", "J"), kGivenDifferent);
  EXPECT_EQ(given("Amelia", "Oliver"), kGivenDifferent);
  EXPECT_EQ(given("", "Oliver"), kMissing);
}

TEST(Compare, SwappedNamesAreTheirOwnLevel) {
  auto a = Person("Wei", "Zhang"), b = Person("Zhang", "Wei");
  EXPECT_EQ(Level(a, b, Field::kGivenName), level::kGivenSwapped);
  EXPECT_EQ(Level(a, b, Field::kFamilyName), level::kFamilySwapped);
  auto same = Person("Wei", "Wei");  // the same word twice is not a swap
  EXPECT_EQ(Level(same, same, Field::kGivenName), level::kGivenExact);
}

TEST(Compare, FamilyNameLevels) {
  using namespace level;
  auto family = [](const std::string& a, const std::string& b) {
    return Level(Person("amy", a), Person("amy", b), Field::kFamilyName);
  };
  EXPECT_EQ(family("O'Brien", "OBRIEN"), kFamilyExact);
  EXPECT_EQ(family("Smith-Jones", "Jones"), kFamilyPart);
  EXPECT_EQ(family("Smith Jones", "Smith"), kFamilyPart);
  EXPECT_EQ(family("Kowalski", "Kowalsky"), kFamilyClose);
  EXPECT_EQ(family("Smith", "Smyth"), kFamilySimilar);
  EXPECT_EQ(family("Smith", "Brightwater"), kFamilyDifferent);
}

TEST(Compare, DateOfBirthLevels) {
  using namespace level;
  auto dob = [](const std::string& a, const std::string& b) {
    return Level(Person("amy", "lee", a), Person("amy", "lee", b), Field::kDateOfBirth);
  };
  EXPECT_EQ(dob("2011-07-03", "2011-07-03"), kDobExact);
  EXPECT_EQ(dob("2011-07-03", "2011-03-07"), kDobDayMonthSwapped);
  EXPECT_EQ(dob("2011-07-03", "2011-07-08"), kDobOneDigit);
  EXPECT_EQ(dob("2011-07-03", "2012-07-03"), kDobOneDigit) << "2011 / 2012 is also one digit";
  EXPECT_EQ(dob("2009-07-03", "2010-07-03"), kDobYearOffByOne);
  EXPECT_EQ(dob("2011-07-03", "2014-01-20"), kDobDifferent);
  EXPECT_EQ(dob("", "2014-01-20"), kMissing);
}

TEST(Compare, PostcodeSexAndPhone) {
  using namespace level;
  auto postcode = [](const std::string& a, const std::string& b) {
    return Level(Person("a", "b", "", a), Person("a", "b", "", b), Field::kPostcode);
  };
  EXPECT_EQ(postcode("hb4 7qt", "HB47QT"), kPostcodeExact);
  EXPECT_EQ(postcode("HB4 7QT", "HB4 7AA"), kPostcodeSector);
  EXPECT_EQ(postcode("HB4 7QT", "HB4 2AA"), kPostcodeOutward);
  EXPECT_EQ(postcode("HB4 7QT", "HB11 2AA"), kPostcodeDifferent);
  EXPECT_EQ(postcode("HB4 7QT", "not a postcode"), kMissing);
  auto phone = [](const std::string& a, const std::string& b) {
    return Level(Person("a", "b", "", "", a), Person("a", "b", "", "", b), Field::kPhone);
  };
  EXPECT_EQ(phone("07700 900123", "+44 7700 900123"), kSame);
  EXPECT_EQ(phone("07700 900123", "07700 900124"), kDifferent);
  EXPECT_EQ(phone("07700 900123", "not a number"), kMissing);
  auto sex = [](const std::string& a, const std::string& b) {
    return Level(Person("a", "b", "", "", "", a), Person("a", "b", "", "", "", b), Field::kSex);
  };
  EXPECT_EQ(sex("female", "female"), kSame);
  EXPECT_EQ(sex("female", "male"), kDifferent);
  EXPECT_EQ(sex("", "male"), kMissing);
}

TEST(SplitPostcode, ReadsUnitSectorAndOutward) {
  auto p = SplitPostcode(" ec1a 1bb ");
  EXPECT_EQ(p.unit, "EC1A 1BB");
  EXPECT_EQ(p.sector, "EC1A 1");
  EXPECT_EQ(p.outward, "EC1A");
  EXPECT_TRUE(SplitPostcode("12345").unit.empty());
  EXPECT_TRUE(SplitPostcode("").unit.empty());
}

}  // namespace
}  // namespace harbour::matching
