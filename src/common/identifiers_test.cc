#include "common/identifiers.h"

#include <gtest/gtest.h>

#include <set>

namespace harbour {
namespace {

std::string MessageOf(const Result<std::string>& result) {
  return result.has_value() ? "ok" : result.error().message;
}

TEST(NhsNumberTest, AcceptsValidNumbersWithSeparators) {
  EXPECT_EQ(NormaliseNhsNumber("9434765919").value(), "9434765919");
  EXPECT_EQ(NormaliseNhsNumber("943 476 5919").value(), "9434765919");
  EXPECT_EQ(NormaliseNhsNumber(" 943-476-5919 ").value(), "9434765919");
  // 999000005: the weighted sum is a multiple of 11, so the check digit is 0.
  EXPECT_EQ(NormaliseNhsNumber("999 000 0050").value(), "9990000050");
}

TEST(NhsNumberTest, SaysWhatIsWrong) {
  EXPECT_EQ(MessageOf(NormaliseNhsNumber("")), "Enter an NHS number");
  EXPECT_EQ(MessageOf(NormaliseNhsNumber("943476591")), "NHS number must be 10 digits");
  EXPECT_EQ(MessageOf(NormaliseNhsNumber("94347659190")), "NHS number must be 10 digits");
  EXPECT_EQ(MessageOf(NormaliseNhsNumber("943476591X")),
            "NHS number must only include numbers 0 to 9");
  EXPECT_EQ(MessageOf(NormaliseNhsNumber("9434765918")),
            "NHS number is not valid: check the digits");
  // 999000000 has check value 10, so no tenth digit makes it valid.
  for (char last = '0'; last <= '9'; ++last) {
    EXPECT_FALSE(NormaliseNhsNumber(std::string("999000000") + last).has_value()) << last;
  }
  auto error = NormaliseNhsNumber("123").error();
  EXPECT_EQ(error.kind, ErrorKind::kInvalid);
  EXPECT_EQ(error.fields.at("nhs_number"), "NHS number must be 10 digits");
}

TEST(NhsNumberTest, DetectsSingleDigitTyposAndAdjacentSwaps) {
  std::string valid = "9434765919";
  for (std::size_t i = 0; i < valid.size(); ++i) {
    std::string typo = valid;
    typo[i] = typo[i] == '0' ? '1' : static_cast<char>(typo[i] - 1);
    EXPECT_FALSE(NormaliseNhsNumber(typo).has_value()) << typo;
  }
  EXPECT_FALSE(NormaliseNhsNumber("4934765919").has_value());
}

TEST(NhsNumberTest, FormatsForDisplay) { EXPECT_EQ(FormatNhsNumber("9434765919"), "943 476 5919"); }

TEST(NhsNumberTest, SyntheticNumbersAreValidAndInThe999Range) {
  std::set<std::string> seen;
  for (std::uint64_t n = 0; n < 2000; ++n) {
    std::string number = SyntheticNhsNumber(n);
    ASSERT_EQ(number.size(), 10u);
    EXPECT_EQ(number.substr(0, 3), "999");
    EXPECT_TRUE(NormaliseNhsNumber(number).has_value()) << number;
    seen.insert(number);
  }
  EXPECT_GT(seen.size(), 1700u);  // steps past bodies with check value 10 collide a little
  EXPECT_EQ(SyntheticNhsNumber(0), "9990000018");  // 999000000 has no check digit: skip on
  EXPECT_EQ(SyntheticNhsNumber(42), SyntheticNhsNumber(1'000'042));
}

TEST(UpnTest, AcceptsPermanentAndTemporaryUpns) {
  // Check letters from the DfE algorithm (weights 2-13 over characters 2-13, mod 23).
  EXPECT_EQ(NormaliseUpn("B801200005001").value(), "B801200005001");
  EXPECT_EQ(NormaliseUpn("p207000016049").value(), "P207000016049");
  EXPECT_EQ(NormaliseUpn(" B 801 2000 05001 ").value(), "B801200005001");
  // Temporary: final letter counts as its index in ABCDEFGHJKLMNPQRTUVWXYZ.
  EXPECT_EQ(NormaliseUpn("N99900000000A").value(), "N99900000000A");
  EXPECT_EQ(NormaliseUpn("Y20700001604Z").value(), "Y20700001604Z");
}

TEST(UpnTest, RejectsWrongCheckLettersAndShapes) {
  EXPECT_EQ(MessageOf(NormaliseUpn("A801200005001")),
            "Unique pupil number is not valid: check the characters");
  EXPECT_EQ(MessageOf(NormaliseUpn("Q207000016049")),
            "Unique pupil number is not valid: check the characters");
  EXPECT_EQ(MessageOf(NormaliseUpn("")), "Enter a unique pupil number");
  EXPECT_EQ(MessageOf(NormaliseUpn("B80120000500")), "Unique pupil number must be 13 characters");
  std::string shape = "Unique pupil number must be a letter, 11 numbers, then a number or a letter";
  EXPECT_EQ(MessageOf(NormaliseUpn("X80120000A001")), shape);
  EXPECT_EQ(MessageOf(NormaliseUpn("1801200005001")), shape);
  // I, O and S are never used as the final letter.
  EXPECT_EQ(MessageOf(NormaliseUpn("A99900000000I")), shape);
  EXPECT_EQ(MessageOf(NormaliseUpn("A99900000000S")), shape);
}

TEST(UpnTest, SyntheticUpnsAreValidAndUseUnallocatedAuthority999) {
  for (std::uint64_t n = 0; n < 2000; n += 7) {
    std::string upn = SyntheticUpn(n);
    ASSERT_EQ(upn.size(), 13u);
    EXPECT_EQ(upn.substr(1, 3), "999");
    EXPECT_TRUE(NormaliseUpn(upn).has_value()) << upn;
  }
  EXPECT_NE(SyntheticUpn(1), SyntheticUpn(2));
}

TEST(PostcodeTest, NormalisesEveryStandardShape) {
  EXPECT_EQ(NormalisePostcode("M1 1AE").value(), "M1 1AE");          // A9 9AA
  EXPECT_EQ(NormalisePostcode("b338th").value(), "B33 8TH");         // A99 9AA
  EXPECT_EQ(NormalisePostcode("W1A 0AX").value(), "W1A 0AX");        // A9A 9AA
  EXPECT_EQ(NormalisePostcode("cr2 6xh").value(), "CR2 6XH");        // AA9 9AA
  EXPECT_EQ(NormalisePostcode("DN55 1PT").value(), "DN55 1PT");      // AA99 9AA
  EXPECT_EQ(NormalisePostcode(" sw1a   1aa ").value(), "SW1A 1AA");  // AA9A 9AA
  EXPECT_EQ(NormalisePostcode("EC1A1BB").value(), "EC1A 1BB");
  EXPECT_EQ(NormalisePostcode("gir0aa").value(), "GIR 0AA");
}

TEST(PostcodeTest, RejectsWrongShapesAndLetters) {
  for (std::string_view bad :
       {"", "SW1A", "SW1A 1A", "SW1A 1AAA", "1W1A 1AA", "SW1A AAA", "SW1A 11A", "SWAA 1AA",
        "QA1 1AA",   // Q never first
        "AI1 1AA",   // I never second
        "W1I 1AA",   // I never third in A9A
        "EC1C 1AA",  // C never fourth in AA9A
        "SW1A 1AC",  // C never in the inward code
        "SW1A-1AA", "SW1A 1ÅA", "GIR 0AB"}) {
    auto result = NormalisePostcode(bad);
    ASSERT_FALSE(result.has_value()) << bad;
    EXPECT_EQ(result.error().fields.at("postcode"), "Enter a real postcode, like SW1A 1AA");
  }
}

TEST(PostcodeTest, OutwardCodeIsBeforeTheSpace) {
  EXPECT_EQ(OutwardCode("SW1A 1AA"), "SW1A");
  EXPECT_EQ(OutwardCode("M1 1AE"), "M1");
  EXPECT_EQ(OutwardCode(NormalisePostcode("dn551pt").value()), "DN55");
}

}  // namespace
}  // namespace harbour
