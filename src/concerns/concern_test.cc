#include "concerns/concern.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/codes_testing.h"

namespace harbour::concerns {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;
using namespace std::chrono_literals;

const Instant kNow = std::chrono::sys_days{std::chrono::year{2026} / 3 / 1} + 14h;

reference::Catalogue TestCatalogue() {
  using reference::IndicatorGroup;
  return reference::Catalogue(
      {
          {"ws.missing_school", IndicatorGroup::kWarningSign, "Missing school", "g", false},
          {"ws.unexplained_gifts", IndicatorGroup::kWarningSign, "Unexplained gifts", "g", false},
          {"ws.old_sign", IndicatorGroup::kWarningSign, "An old sign", "g", true},
          {"vu.in_care", IndicatorGroup::kVulnerability, "Looked after", "g", false},
          {"cf.deprivation", IndicatorGroup::kCommunity, "Deprivation", "g", false},
      },
      {}, {});
}

ConcernInput ValidInput() {
  ConcernInput input;
  input.observed_at = "2026-03-01T09:30:00Z";
  input.location = "Outside the example shopping centre";
  input.location_postcode = "sw1a 1aa";
  input.category = "sexual_exploitation";
  input.indicators = {"ws.unexplained_gifts", "vu.in_care", "ws.unexplained_gifts", ""};
  input.narrative = "  Seen getting into a car with an adult not known to staff.  ";
  input.first_hand = "yes";
  input.immediate_danger = "";
  return input;
}

std::map<std::string, std::string> ErrorsFor(const ConcernInput& input) {
  auto result = ValidateConcern(input, TestCatalogue(), kNow);
  EXPECT_FALSE(result.has_value());
  if (result.has_value()) return {};
  EXPECT_EQ(result.error().kind, ErrorKind::kInvalid);
  return result.error().fields;
}

TEST(ValidateConcern, AcceptsAndNormalisesAValidConcern) {
  auto concern = ValidateConcern(ValidInput(), TestCatalogue(), kNow);
  ASSERT_TRUE(concern.has_value()) << concern.error().fields.begin()->second;
  EXPECT_EQ(FormatRfc3339(concern->observed_at), "2026-03-01T09:30:00Z");
  EXPECT_EQ(concern->location, "Outside the example shopping centre");
  EXPECT_EQ(concern->location_postcode, "SW1A 1AA");
  EXPECT_EQ(concern->category, Category::kSexualExploitation);
  EXPECT_EQ(concern->indicators, (std::vector<std::string>{"vu.in_care", "ws.unexplained_gifts"}));
  EXPECT_EQ(concern->narrative, "Seen getting into a car with an adult not known to staff.");
  EXPECT_TRUE(concern->first_hand);
  EXPECT_FALSE(concern->immediate_danger);
  EXPECT_TRUE(concern->id.empty());
  EXPECT_TRUE(concern->child_id.empty());
}

TEST(ValidateConcern, OffsetTimesAreConvertedToUtc) {
  ConcernInput input = ValidInput();
  input.observed_at = "2026-03-01T10:30:00+01:00";
  auto concern = ValidateConcern(input, TestCatalogue(), kNow);
  ASSERT_TRUE(concern.has_value());
  EXPECT_EQ(FormatRfc3339(concern->observed_at), "2026-03-01T09:30:00Z");
}

TEST(ValidateConcern, SecondHandAndImmediateDanger) {
  ConcernInput input = ValidInput();
  input.first_hand = "no";
  input.immediate_danger = "yes";
  auto concern = ValidateConcern(input, TestCatalogue(), kNow);
  ASSERT_TRUE(concern.has_value());
  EXPECT_FALSE(concern->first_hand);
  EXPECT_TRUE(concern->immediate_danger);
  input.immediate_danger = "no";
  EXPECT_FALSE(ValidateConcern(input, TestCatalogue(), kNow)->immediate_danger);
}

TEST(ValidateConcern, OptionalFieldsMayBeEmpty) {
  ConcernInput input = ValidInput();
  input.location.clear();
  input.location_postcode.clear();
  input.indicators.clear();
  auto concern = ValidateConcern(input, TestCatalogue(), kNow);
  ASSERT_TRUE(concern.has_value());
  EXPECT_EQ(concern->location_postcode, "");
  EXPECT_TRUE(concern->indicators.empty());
}

TEST(ValidateConcern, EmptyInputNamesEveryRequiredField) {
  auto errors = ErrorsFor(ConcernInput{});
  EXPECT_EQ(errors["observed_at"], "Enter the date and time this was seen or heard");
  EXPECT_EQ(errors["category"], "Select the type of concern");
  EXPECT_EQ(errors["narrative"], "Enter what you saw or heard");
  EXPECT_EQ(errors["first_hand"], "Select yes if you saw or heard this yourself");
  EXPECT_EQ(errors.size(), 4u);
}

TEST(ValidateConcern, MalformedObservedAtIsRejected) {
  for (const char* text : {"2026-03-01", "2026-03-01T09:30:00", "01/03/2026 09:30", "soon"}) {
    ConcernInput input = ValidInput();
    input.observed_at = text;
    EXPECT_EQ(ErrorsFor(input)["observed_at"], "Enter a real date and time") << text;
  }
}

TEST(ValidateConcern, ObservedAtInTheFutureIsRejectedBeyondFiveMinutes) {
  ConcernInput input = ValidInput();
  input.observed_at = "2026-03-01T14:05:00Z";  // 5 minutes after now: clock skew allowed
  EXPECT_TRUE(ValidateConcern(input, TestCatalogue(), kNow).has_value());
  input.observed_at = "2026-03-01T14:05:01Z";
  EXPECT_EQ(ErrorsFor(input)["observed_at"], "Date and time must be in the past");
}

TEST(ValidateConcern, UnknownCategoryIsRejected) {
  ConcernInput input = ValidInput();
  input.category = "gangs";
  EXPECT_EQ(ErrorsFor(input)["category"], "Select the type of concern");
}

TEST(ValidateConcern, UnknownIndicatorIsRejected) {
  ConcernInput input = ValidInput();
  input.indicators = {"ws.missing_school", "ws.no_such_thing"};
  EXPECT_EQ(ErrorsFor(input)["indicators"], "Select indicators from the list");
}

TEST(ValidateConcern, RetiredIndicatorIsRejected) {
  ConcernInput input = ValidInput();
  input.indicators = {"ws.old_sign"};
  EXPECT_EQ(ErrorsFor(input)["indicators"], "'An old sign' is no longer used: untick it");
}

TEST(ValidateConcern, CommunityFactorIsNotAboutAChild) {
  ConcernInput input = ValidInput();
  input.indicators = {"cf.deprivation"};
  EXPECT_THAT(ErrorsFor(input)["indicators"], HasSubstr("describes an area"));
}

TEST(ValidateConcern, NarrativeLimitCountsCharacters) {
  ConcernInput input = ValidInput();
  input.narrative.clear();
  for (std::size_t i = 0; i < kMaxNarrative; ++i) input.narrative += "\xC3\xA9";  // "é"
  EXPECT_TRUE(ValidateConcern(input, TestCatalogue(), kNow).has_value());
  input.narrative += "x";
  EXPECT_EQ(ErrorsFor(input)["narrative"],
            "What you saw or heard must be 20,000 characters or fewer");
}

TEST(ValidateConcern, WhitespaceNarrativeIsMissing) {
  ConcernInput input = ValidInput();
  input.narrative = " \n\t ";
  EXPECT_EQ(ErrorsFor(input)["narrative"], "Enter what you saw or heard");
}

TEST(ValidateConcern, InvalidUtf8NarrativeIsRejected) {
  ConcernInput input = ValidInput();
  input.narrative = "Seen \xFF there";
  EXPECT_THAT(ErrorsFor(input)["narrative"], HasSubstr("must only include"));
}

TEST(ValidateConcern, BadLocationPostcodeIsRejected) {
  ConcernInput input = ValidInput();
  input.location_postcode = "ZZ";
  EXPECT_EQ(ErrorsFor(input)["location_postcode"], "Enter a real postcode, like SW1A 1AA");
}

TEST(ValidateConcern, LongLocationIsRejected) {
  ConcernInput input = ValidInput();
  input.location = std::string(201, 'x');
  EXPECT_EQ(ErrorsFor(input)["location"], "Location must be 200 characters or fewer");
}

TEST(ValidateConcern, FirstHandMustBeYesOrNo) {
  ConcernInput input = ValidInput();
  input.first_hand = "maybe";
  EXPECT_EQ(ErrorsFor(input)["first_hand"], "Select yes if you saw or heard this yourself");
  input.first_hand = " Yes ";
  EXPECT_TRUE(ValidateConcern(input, TestCatalogue(), kNow).has_value());
}

TEST(ValidateConcern, ImmediateDangerMustBeYesNoOrEmpty) {
  ConcernInput input = ValidInput();
  input.immediate_danger = "on";
  EXPECT_EQ(ErrorsFor(input)["immediate_danger"], "Select yes if the child is in immediate danger");
}

TEST(ValidateAddendumText, TrimsAndAcceptsText) {
  auto text = ValidateAddendumText("  Correction: the car was blue.\n");
  ASSERT_TRUE(text.has_value());
  EXPECT_EQ(*text, "Correction: the car was blue.");
}

TEST(ValidateAddendumText, RejectsEmptyAndOverlongText) {
  auto empty = ValidateAddendumText("   ");
  ASSERT_FALSE(empty.has_value());
  EXPECT_EQ(empty.error().kind, ErrorKind::kInvalid);
  EXPECT_EQ(empty.error().fields.at("text"), "Enter the addendum");
  auto long_text = ValidateAddendumText(std::string(kMaxNarrative + 1, 'a'));
  ASSERT_FALSE(long_text.has_value());
  EXPECT_EQ(long_text.error().fields.at("text"), "Addendum must be 20,000 characters or fewer");
  EXPECT_TRUE(ValidateAddendumText(std::string(kMaxNarrative, 'a')).has_value());
}

TEST(Category, CodesAndLabelsRoundTrip) {
  for (Category c : {Category::kSexualExploitation, Category::kCriminalExploitation,
                     Category::kMissing, Category::kOnlineHarm, Category::kOther}) {
    EXPECT_EQ(CategoryFromCode(ToCode(c)), c);
    EXPECT_FALSE(Label(c).empty());
  }
  EXPECT_EQ(ToCode(Category::kSexualExploitation), "sexual_exploitation");
  EXPECT_EQ(Label(Category::kSexualExploitation), "Sexual exploitation");
  EXPECT_FALSE(CategoryFromCode("Sexual exploitation").has_value());
}

TEST(Summary, CountsIndicatorsAndQuotesAShortNarrative) {
  Concern concern;
  concern.category = Category::kSexualExploitation;
  concern.indicators = {"a", "b", "c"};
  concern.narrative = "Seen getting into a car.";
  EXPECT_EQ(Summary(concern), "Sexual exploitation: 3 indicators. Seen getting into a car.");
  concern.indicators = {"a"};
  EXPECT_THAT(Summary(concern), StartsWith("Sexual exploitation: 1 indicator. "));
  concern.indicators.clear();
  concern.category = Category::kMissing;
  EXPECT_THAT(Summary(concern), StartsWith("Missing: no indicators. "));
}

TEST(Summary, ShortensALongNarrativeOnOneLineAtAWordBoundary) {
  Concern concern;
  concern.category = Category::kOther;
  concern.narrative = "First line\nsecond line";
  for (int i = 0; i < 40; ++i) concern.narrative += " word";
  std::string summary = Summary(concern);
  EXPECT_THAT(summary, StartsWith("Other: no indicators. First line second line word"));
  EXPECT_THAT(summary, ::testing::EndsWith("word\xE2\x80\xA6"));
  EXPECT_EQ(summary.find('\n'), std::string::npos);
  const std::string prefix = "Other: no indicators. ";
  EXPECT_LE(summary.size() - prefix.size(), 120u + 3u);
}

TEST(Summary, NeverSplitsAMultiByteCharacter) {
  Concern concern;
  concern.narrative.clear();
  for (int i = 0; i < 200; ++i) concern.narrative += "\xC3\xA9";
  std::string summary = Summary(concern);
  EXPECT_THAT(summary, ::testing::EndsWith("\xC3\xA9\xE2\x80\xA6"));
}

}  // namespace
}  // namespace harbour::concerns

namespace harbour::concerns {
namespace {

TEST(Headline, IsTheCategoryAndIndicatorCountWithoutTheNarrative) {
  Concern concern;
  concern.category = Category::kMissing;
  concern.indicators = {"ws.going_missing"};
  concern.narrative = "Not seen since Friday.";
  EXPECT_EQ(Headline(concern), "Missing: 1 indicator");
  EXPECT_EQ(Summary(concern), "Missing: 1 indicator. Not seen since Friday.");
}

TEST(ConcernChronology, ShowsWhereTheConcernWasSeenAndCreditsTheRecorder) {
  Concern concern;
  concern.id = "k1";
  concern.category = Category::kSexualExploitation;
  concern.observed_at = Instant{std::chrono::seconds{100}};
  concern.recorded_at = Instant{std::chrono::seconds{200}};
  concern.location = "Bus station";
  concern.location_postcode = "HX1 2AB";
  concern.narrative = "Seen getting into a car.";
  concern.immediate_danger = true;
  auto e = ChronologyEntry(concern, {"Sam Patel", "school", "Harbourside Academy"});
  EXPECT_EQ(e.type, chronology::EntryType::kConcern);
  EXPECT_EQ(e.at, concern.observed_at);  // when it was seen, not when it was typed
  EXPECT_EQ(e.location, "Bus station, HX1 2AB");
  EXPECT_EQ(chronology::Byline(e.by), "Sam Patel, Harbourside Academy");
  EXPECT_EQ(e.detail, "Seen getting into a car.");
  EXPECT_TRUE(e.immediate_danger);
  concern.location.clear();
  EXPECT_EQ(WhereSeen(concern), "HX1 2AB");
  concern.location_postcode.clear();
  EXPECT_EQ(WhereSeen(concern), "");
}

TEST(ConcernChronology, AnAddendumPointsAtItsConcern) {
  Addendum addendum{"d1", "k1", "Also seen on Tuesday.", "u1", "police", {}};
  auto e = ChronologyEntry(addendum, {"Alex Kay", "police", "Police"});
  EXPECT_EQ(e.type, chronology::EntryType::kAddendum);
  EXPECT_EQ(e.related_id, "k1");
  EXPECT_EQ(e.detail, "Also seen on Tuesday.");
  EXPECT_EQ(e.by.agency_id, "police");
}

TEST(ConcernsCodesTest, EveryEnumAnswersFromItsTable) {
  codes_testing::ExpectAnswersFromTable(kCategoryCodes, CategoryFromCode);
}

}  // namespace
}  // namespace harbour::concerns
