// Scoring one person against records already held (the check before a child is added), and the
// saved model's JSON round trip and its refusals.
#include "matching/check.h"

#include <gtest/gtest.h>

#include "matching/model_json.h"

namespace harbour::matching {
namespace {

MatchRecord Person(std::string id, std::string given, std::string family, const std::string& dob,
                   std::string sex = "female") {
  MatchRecord r;
  r.id = std::move(id);
  r.given_name = std::move(given);
  r.family_name = std::move(family);
  r.date_of_birth = *ParseDate(dob);
  r.sex = std::move(sex);
  return r;
}

TEST(LikelyMatches, FindsTheNicknameAndTheSwappedDateButNotTheTwin) {
  auto variants = *NameVariants::Parse("katherine, kate, katie\n");
  std::vector<MatchRecord> held = {
      Person("twin", "Emily", "Smith", "2011-07-03"),
      Person("same", "Katherine", "SMITH", "2011-03-07"),  // day and month swapped
      Person("other", "Jordan", "Brightwater", "2010-01-01", "male"),
  };
  auto found = LikelyMatches(StartingModel(), variants,
                             Person("new", "Katie", "Smith", "2011-07-03"), held, 0.5);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(held[found[0].index].id, "same");
  EXPECT_EQ(found[0].levels[std::size_t(Field::kGivenName)], level::kGivenVariant);
  EXPECT_EQ(found[0].levels[std::size_t(Field::kDateOfBirth)], level::kDobDayMonthSwapped);
  auto reasons = ReasonsFor(found[0].explanation);
  ASSERT_FALSE(reasons.empty());
  EXPECT_NE(std::find(reasons.begin(), reasons.end(), "Family name: exact"), reasons.end());
}

TEST(LikelyMatches, PutsTheMostLikelyFirst) {
  auto variants = *NameVariants::Parse("");
  std::vector<MatchRecord> held = {Person("close", "Amy", "Lee", "2012-03-05"),
                                   Person("exact", "Amy", "Lee", "2012-03-04")};
  auto found = LikelyMatches(StartingModel(), variants, Person("new", "Amy", "Lee", "2012-03-04"),
                             held, 0.5);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(held[found[0].index].id, "exact");
  EXPECT_GT(found[0].explanation.probability, 0.99);
}

TEST(ModelJson, RoundTripsAModel) {
  Model model = StartingModel();
  model.prior = 0.0025;
  model.records = 1234;
  model.given_frequency = {{"amy", 0.01}, {"zofia", 0.0001}};
  model.family_frequency = {{"smith", 0.02}};
  auto back = ModelFromJson(ModelToJson(model));
  ASSERT_TRUE(back.has_value()) << back.error().message;
  EXPECT_DOUBLE_EQ(back->prior, 0.0025);
  EXPECT_EQ(back->records, 1234u);
  EXPECT_EQ(back->m, model.m);
  EXPECT_EQ(back->u, model.u);
  EXPECT_EQ(back->given_frequency, model.given_frequency);
  EXPECT_EQ(back->family_frequency, model.family_frequency);
}

TEST(ModelJson, RefusesWhatIsNotAModel) {
  for (const char* text : {"", "[]", "{\"version\":2}", "{\"version\":1,\"prior\":0}",
                           "{\"version\":1,\"prior\":0.1,\"fields\":[]}"}) {
    auto model = ModelFromJson(text);
    ASSERT_FALSE(model.has_value()) << text;
    EXPECT_EQ(model.error().kind, ErrorKind::kInvalid);
  }
  // A level count that is not the field's.
  std::string text = ModelToJson(StartingModel());
  auto at = text.find("\"m\":[0");
  ASSERT_NE(at, std::string::npos);
  text.insert(at + 5, "0.5,");
  EXPECT_FALSE(ModelFromJson(text).has_value());
}

}  // namespace
}  // namespace harbour::matching
