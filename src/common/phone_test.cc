#include "common/phone.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace harbour {
namespace {

constexpr const char* kMessage =
    "Enter a UK phone number like 07700 900123, or an international one starting with +";

TEST(PhoneTest, AcceptsUkNumbersInEveryCommonForm) {
  for (const char* typed : {"07700 900123", "+44 7700 900123", "0044 7700 900123", "07700-900-123",
                            "+44 (0)7700 900123", "  07700900123 "}) {
    auto phone = NormalisePhone(typed);
    ASSERT_TRUE(phone.has_value()) << typed;
    EXPECT_EQ(phone->e164, "+447700900123") << typed;
    EXPECT_EQ(phone->national, "07700 900123") << typed;
    // Ofcom's drama range: reserved, so not allocated, but still a mobile.
    EXPECT_EQ(phone->type, PhoneType::kMobile) << typed;
    EXPECT_FALSE(phone->allocated) << typed;
  }
}

TEST(PhoneTest, LondonDramaNumberIsAFixedLine) {
  for (const char* typed : {"(020) 7946 0123", "020 7946 0123", "+442079460123"}) {
    auto phone = NormalisePhone(typed);
    ASSERT_TRUE(phone.has_value()) << typed;
    EXPECT_EQ(phone->e164, "+442079460123");
    EXPECT_EQ(phone->national, "020 7946 0123");
    EXPECT_EQ(phone->type, PhoneType::kFixedLine);
  }
}

TEST(PhoneTest, OtherTypesAndRegions) {
  auto freephone = NormalisePhone("0808 157 0000");
  ASSERT_TRUE(freephone.has_value());
  EXPECT_EQ(freephone->e164, "+448081570000");
  EXPECT_EQ(freephone->type, PhoneType::kOther);
  // Without "+", the default region decides the country code.
  auto irish = NormalisePhone("01 555 0123", "IE");
  ASSERT_TRUE(irish.has_value());
  EXPECT_TRUE(irish->e164.starts_with("+353"));
  auto with_extension = NormalisePhone("020 7946 0123 ext 5");
  ASSERT_TRUE(with_extension.has_value());
  EXPECT_EQ(with_extension->e164, "+442079460123");
  EXPECT_EQ(with_extension->national, "020 7946 0123 x5");
}

TEST(PhoneTest, RejectsImpossibleAndUnparseableInput) {
  const std::string too_long(101, '1');
  for (const std::string& typed :
       {std::string(""), std::string("   "), std::string("abc"), std::string("12"),
        std::string("999"), std::string("07700 900123 999999"), std::string("+44 00122001223"),
        std::string("+999 1234 5678"), std::string("\xff\xfe"), too_long}) {
    auto phone = NormalisePhone(typed);
    ASSERT_FALSE(phone.has_value()) << typed;
    EXPECT_EQ(phone.error().kind, ErrorKind::kInvalid);
    EXPECT_EQ(phone.error().fields.at("phone"), kMessage);
  }
  // An unknown default region only matters for numbers without "+".
  EXPECT_FALSE(NormalisePhone("07700 900123", "XX").has_value());
  EXPECT_TRUE(NormalisePhone("+44 7700 900123", "XX").has_value());
}

TEST(PhoneTest, TypeNames) {
  EXPECT_EQ(PhoneTypeName(PhoneType::kMobile), "mobile");
  EXPECT_EQ(PhoneTypeName(PhoneType::kFixedLine), "fixed_line");
  EXPECT_EQ(PhoneTypeName(PhoneType::kOther), "other");
}

TEST(PhoneTest, SafeFromManyThreads) {
  std::vector<std::thread> threads;
  std::vector<int> ok(4, 0);
  threads.reserve(ok.size());
  for (int& count : ok) {
    threads.emplace_back([&count] {
      for (int i = 0; i < 200; ++i) {
        std::string typed = "07700 900" + std::to_string(100 + i);
        count += NormalisePhone(typed).has_value() ? 1 : 0;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int count : ok) EXPECT_EQ(count, 200);
}

}  // namespace
}  // namespace harbour
