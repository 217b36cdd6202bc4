#include "common/vehicle_registration.h"

#include <gtest/gtest.h>

#include <string>

namespace harbour {
namespace {

struct Golden {
  const char* typed;
  const char* canonical;
  const char* display;
  RegistrationFormat format;
};

TEST(VehicleRegistrationTest, GoldenFormats) {
  const Golden cases[] = {
      {"AB12 CDE", "AB12CDE", "AB12 CDE", RegistrationFormat::kCurrent},
      {"ab12cde", "AB12CDE", "AB12 CDE", RegistrationFormat::kCurrent},
      {" yx-51-abz ", "YX51ABZ", "YX51 ABZ", RegistrationFormat::kCurrent},
      {"A123 BCD", "A123BCD", "A123 BCD", RegistrationFormat::kPrefix},
      {"p1abc", "P1ABC", "P1 ABC", RegistrationFormat::kPrefix},
      {"Q123 ABC", "Q123ABC", "Q123 ABC", RegistrationFormat::kPrefix},
      {"ABC 123D", "ABC123D", "ABC 123D", RegistrationFormat::kSuffix},
      {"abc1d", "ABC1D", "ABC 1D", RegistrationFormat::kSuffix},
      {"ABC 123", "ABC123", "ABC 123", RegistrationFormat::kDateless},
      {"A 1", "A1", "A 1", RegistrationFormat::kDateless},
      {"1234 AB", "1234AB", "1234 AB", RegistrationFormat::kDateless},
      {"9 XYZ", "9XYZ", "9 XYZ", RegistrationFormat::kDateless},
      {"ABZ 1234", "ABZ1234", "ABZ 1234", RegistrationFormat::kNorthernIreland},
      {"kia 77", "KIA77", "KIA 77", RegistrationFormat::kNorthernIreland},
  };
  for (const Golden& c : cases) {
    auto reg = NormaliseRegistration(c.typed);
    ASSERT_TRUE(reg.has_value()) << c.typed;
    EXPECT_EQ(reg->canonical, c.canonical) << c.typed;
    EXPECT_EQ(reg->display, c.display) << c.typed;
    EXPECT_EQ(reg->format, c.format) << c.typed;
    EXPECT_EQ(NormaliseRegistration(reg->canonical)->canonical, reg->canonical);
    EXPECT_EQ(NormaliseRegistration(reg->display)->canonical, reg->canonical);
  }
}

TEST(VehicleRegistrationTest, RejectsWhatIsNotAMark) {
  const char* bad[] = {
      "",         "   ",      "A",        "12",        "AB12CDEF",  // empty, short, long
      "IB12CDE",  "AQ12CDE",  "AZ12CDE",  "AB12CQE",   "AB12ICE",   // current letters
      "I123ABC",  "O123ABC",  "U1ABC",    "Z1ABC",                  // prefix year letter
      "ABC123I",  "ABC123Q",  "ABC1Z",                              // suffix year letter
      "A0123",    "A012BCD",  "ABC012D",  "0123AB",    "ABZ0123",   // leading zero
      "ABCD123",  "A12345",   "12345A",   "1ABCD",     "AB1C2",     // shapes
      "AB12 CDÉ", "AB12.CDE", "AB_12CDE", "AB12\nCDE",
  };
  for (const char* text : bad) {
    auto reg = NormaliseRegistration(text);
    ASSERT_FALSE(reg.has_value()) << text;
    EXPECT_EQ(reg.error().kind, ErrorKind::kInvalid);
    EXPECT_EQ(reg.error().fields.at("registration"), "Enter a UK registration like AB12 CDE");
  }
}

TEST(VehicleRegistrationTest, FormatNames) {
  EXPECT_EQ(RegistrationFormatName(RegistrationFormat::kCurrent), "current");
  EXPECT_EQ(RegistrationFormatName(RegistrationFormat::kPrefix), "prefix");
  EXPECT_EQ(RegistrationFormatName(RegistrationFormat::kSuffix), "suffix");
  EXPECT_EQ(RegistrationFormatName(RegistrationFormat::kDateless), "dateless");
  EXPECT_EQ(RegistrationFormatName(RegistrationFormat::kNorthernIreland), "northern_ireland");
}

TEST(VehicleRegistrationTest, MatchIgnoresSpacesHyphensAndCase) {
  EXPECT_TRUE(RegistrationsMatch("AB12 CDE", "ab12cde"));
  EXPECT_TRUE(RegistrationsMatch("AB-12-CDE", " AB12CDE "));
  // Unverified marks (foreign plates) still match their own typing.
  EXPECT_TRUE(RegistrationsMatch("B 1234 XY", "b1234xy"));
  EXPECT_FALSE(RegistrationsMatch("AB12 CDE", "AB12 CDF"));
  EXPECT_FALSE(RegistrationsMatch("", ""));
  EXPECT_FALSE(RegistrationsMatch(" ", "-"));
}

}  // namespace
}  // namespace harbour
