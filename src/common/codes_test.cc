#include "common/codes.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/codes_testing.h"
#include "common/text.h"

namespace harbour {
namespace {

enum class Tide { kLow, kRising, kHigh, kFalling };
inline constexpr auto kTideCodes = MakeCodeTable<Tide>({
    {Tide::kLow, "low", "Low tide"},
    {Tide::kRising, "rising", "Rising"},
    {Tide::kHigh, "high", "High tide"},
    {Tide::kFalling, "falling", "Falling"},
});
static_assert(IsCompleteCodeTable<kTideCodes>());

constexpr std::string_view ToCode(Tide tide) { return kTideCodes.Code(tide); }
constexpr std::string_view Label(Tide tide) { return kTideCodes.LabelOf(tide); }

// An enumeration whose first value is not 0 (like panel::Category), with codes and no labels.
enum class Band { kOne = 1, kTwo = 2, kThree = 3 };
inline constexpr auto kBandCodes =
    MakeCodeTable<Band>({{Band::kOne, "1"}, {Band::kTwo, "2"}, {Band::kThree, "3"}});
static_assert(IsCompleteCodeTable<kBandCodes>());

// Tables the completeness check refuses.
inline constexpr auto kOutOfOrder = MakeCodeTable<Tide>({
    {Tide::kLow, "low"},
    {Tide::kHigh, "high"},
    {Tide::kRising, "rising"},
    {Tide::kFalling, "falling"},
});
inline constexpr auto kDuplicateCode = MakeCodeTable<Tide>({
    {Tide::kLow, "low"},
    {Tide::kRising, "rising"},
    {Tide::kHigh, "rising"},
    {Tide::kFalling, "falling"},
});
inline constexpr auto kGap = MakeCodeTable<Tide>({
    {Tide::kLow, "low"},
    {Tide::kRising, "rising"},
    {Tide::kFalling, "falling"},
});
inline constexpr auto kLastLeftOff = MakeCodeTable<Tide>({
    {Tide::kLow, "low"},
    {Tide::kRising, "rising"},
    {Tide::kHigh, "high"},
});
inline constexpr auto kFirstLeftOff = MakeCodeTable<Tide>({
    {Tide::kRising, "rising"},
    {Tide::kHigh, "high"},
    {Tide::kFalling, "falling"},
});
inline constexpr auto kEmptyCode = MakeCodeTable<Tide>({
    {Tide::kLow, "low"},
    {Tide::kRising, ""},
    {Tide::kHigh, "high"},
    {Tide::kFalling, "falling"},
});
inline constexpr auto kSomeLabels = MakeCodeTable<Tide>({
    {Tide::kLow, "low", "Low tide"},
    {Tide::kRising, "rising"},
    {Tide::kHigh, "high", "High tide"},
    {Tide::kFalling, "falling"},
});
inline constexpr auto kBandFirstLeftOff =
    MakeCodeTable<Band>({{Band::kTwo, "2"}, {Band::kThree, "3"}});

TEST(CodeTableTest, CodeAndLabelOfEachValue) {
  EXPECT_EQ(kTideCodes.Code(Tide::kRising), "rising");
  EXPECT_EQ(kTideCodes.LabelOf(Tide::kHigh), "High tide");
  EXPECT_EQ(kBandCodes.Code(Band::kThree), "3");
  EXPECT_EQ(kBandCodes.LabelOf(Band::kThree), "");
  static_assert(kTideCodes.Code(Tide::kFalling) == "falling", "usable in constant expressions");
}

TEST(CodeTableTest, FromCodeGivesTheValueBack) {
  EXPECT_EQ(kTideCodes.FromCode("low"), Tide::kLow);
  EXPECT_EQ(kTideCodes.FromCode("falling"), Tide::kFalling);
  EXPECT_EQ(kBandCodes.FromCode("2"), Band::kTwo);
}

TEST(CodeTableTest, FromCodeOfUnknownOrEmptyTextIsNullopt) {
  EXPECT_EQ(kTideCodes.FromCode(""), std::nullopt);
  EXPECT_EQ(kTideCodes.FromCode("ebb"), std::nullopt);
  EXPECT_EQ(kTideCodes.FromCode("Low tide"), std::nullopt) << "a label is not a code";
  EXPECT_EQ(kTideCodes.FromCode("LOW"), std::nullopt) << "codes are compared exactly";
  EXPECT_EQ(kTideCodes.FromCode(" low"), std::nullopt) << "callers trim";
  EXPECT_EQ(kBandCodes.FromCode("0"), std::nullopt);
}

TEST(CodeTableTest, AValueOutsideTheTableHasTheFallback) {
  const auto stray = static_cast<Tide>(9);
  EXPECT_EQ(kTideCodes.Code(stray), "");
  EXPECT_EQ(kTideCodes.LabelOf(stray), "");
  EXPECT_EQ(kTideCodes.Code(stray, "unknown"), "unknown");
  EXPECT_EQ(kTideCodes.LabelOf(stray, "Unknown"), "Unknown");
  EXPECT_EQ(kBandCodes.Code(static_cast<Band>(0)), "");
}

TEST(CodeTableTest, AnIncompleteTableStillAnswersForTheValuesItHas) {
  EXPECT_EQ(kOutOfOrder.Code(Tide::kHigh), "high");
  EXPECT_EQ(kOutOfOrder.Code(Tide::kRising), "rising");
  EXPECT_EQ(kGap.Code(Tide::kFalling), "falling");
  EXPECT_EQ(kGap.Code(Tide::kHigh), "");
  EXPECT_EQ(kDuplicateCode.FromCode("rising"), Tide::kRising) << "the first entry wins";
}

TEST(CodeTableTest, IteratesInTableOrder) {
  std::vector<std::string_view> codes;
  for (const auto& entry : kTideCodes) codes.push_back(entry.code);
  EXPECT_EQ(codes, (std::vector<std::string_view>{"low", "rising", "high", "falling"}));
  const auto values = kTideCodes.Values();
  EXPECT_EQ(values, (std::array{Tide::kLow, Tide::kRising, Tide::kHigh, Tide::kFalling}));
  EXPECT_EQ(kTideCodes.Size(), 4u);
  EXPECT_EQ(kTideCodes[2].code, "high");
}

TEST(CodeTableTest, FromCodesGivesEachValueOnceInTableOrder) {
  const std::vector<std::string> chosen = {" high", "low ", "high"};
  EXPECT_EQ(kTideCodes.FromCodes(chosen, Trim), (std::vector{Tide::kLow, Tide::kHigh}));
  EXPECT_EQ(kTideCodes.FromCodes(std::vector<std::string>{}), std::vector<Tide>{});
  EXPECT_EQ(kTideCodes.FromCodes(std::vector<std::string>{"low", "ebb"}), std::nullopt);
  EXPECT_EQ(kTideCodes.FromCodes(std::vector<std::string>{"low", " high"}), std::nullopt)
      << "without a projection codes are compared exactly";
}

TEST(CodeTableTest, CompletenessCheckAcceptsEveryEnumeratorOnceInOrder) {
  static_assert(IsCompleteCodeTable<kTideCodes>());
  static_assert(IsCompleteCodeTable<kBandCodes>(), "values may start above 0");
}

TEST(CodeTableTest, CompletenessCheckRejectsATableOutOfOrder) {
  static_assert(!IsCompleteCodeTable<kOutOfOrder>());
}

TEST(CodeTableTest, CompletenessCheckRejectsADuplicateCode) {
  static_assert(!IsCompleteCodeTable<kDuplicateCode>());
}

TEST(CodeTableTest, CompletenessCheckRejectsAGap) { static_assert(!IsCompleteCodeTable<kGap>()); }

TEST(CodeTableTest, CompletenessCheckRejectsAnEnumeratorLeftOffEitherEnd) {
  static_assert(!IsCompleteCodeTable<kLastLeftOff>(), "as when an enumerator is added last");
  static_assert(!IsCompleteCodeTable<kFirstLeftOff>());
  static_assert(!IsCompleteCodeTable<kBandFirstLeftOff>());
}

TEST(CodeTableTest, CompletenessCheckRejectsAnEmptyCodeAndSomeLabelsMissing) {
  static_assert(!IsCompleteCodeTable<kEmptyCode>());
  static_assert(!IsCompleteCodeTable<kSomeLabels>());
}

TEST(CodeTableTest, TheTestingHelperChecksAnEnumerationsOwnFunctions) {
  codes_testing::ExpectAnswersFromTable(
      kTideCodes, [](std::string_view code) { return kTideCodes.FromCode(code); });
  codes_testing::ExpectAnswersFromTable(kTideCodes);
}

}  // namespace
}  // namespace harbour
