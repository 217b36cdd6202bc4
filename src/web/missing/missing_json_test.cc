#include "web/missing/missing_json.h"

#include <gtest/gtest.h>

namespace harbour::web {
namespace {

TEST(ParseEpisodeJson, ReadsAndTrimsEveryMember) {
  auto in = ParseEpisodeJson(
      R"({"kind":" missing ","started_at":"2026-03-03T22:10:00Z","returned_at":null,)"
      R"("reported_by":"Mum","where_found":"Bus\nstation","carer_name":"Pat"})");
  ASSERT_TRUE(in.has_value()) << in.error().message;
  EXPECT_EQ(in->kind, "missing");
  EXPECT_EQ(in->returned_at, "");
  EXPECT_EQ(in->where_found, "Bus\nstation");
  EXPECT_EQ(in->carer_name, "Pat");
}

TEST(ParseEpisodeJson, RefusesUnknownMembersWrongTypesAndControlCharacters) {
  auto in = ParseEpisodeJson(R"({"kind":1,"urgent":true,"reported_by":"a\nb"})");
  ASSERT_FALSE(in.has_value());
  EXPECT_EQ(in.error().fields.at("kind"), "Must be a string");
  EXPECT_EQ(in.error().fields.at("urgent"), "Is not a field of this resource");
  EXPECT_EQ(in.error().fields.at("reported_by"), "Must not contain control characters");
  EXPECT_EQ(ParseEpisodeJson("[1]").error().code, "not_an_object");
  EXPECT_EQ(ParseEpisodeJson("{").error().code, "malformed_json");
}

TEST(ParseReturnJson, ReadsTheReturn) {
  auto in = ParseReturnJson(R"({"returned_at":"2026-03-04T09:00:00Z","found_with":"Friends"})");
  ASSERT_TRUE(in.has_value());
  EXPECT_EQ(in->returned_at, "2026-03-04T09:00:00Z");
  EXPECT_EQ(in->found_with, "Friends");
  EXPECT_TRUE(ParseReturnJson(R"({"kind":"missing"})").error().fields.contains("kind"));
}

TEST(ParseInterviewJson, ReadsFindingsAndRaisedConcerns) {
  auto in = ParseInterviewJson(
      R"({"status":"completed","findings":{"reasons":"Friends","disclosures":"Told me"},)"
      R"("concerns":[{"finding":"disclosures","category":"missing","indicators":["ws.going_missing"]}]})");
  ASSERT_TRUE(in.has_value()) << in.error().message;
  EXPECT_EQ(in->findings[static_cast<std::size_t>(missing::Finding::kReasons)], "Friends");
  EXPECT_EQ(in->findings[static_cast<std::size_t>(missing::Finding::kDisclosures)], "Told me");
  ASSERT_EQ(in->concerns.size(), 1u);
  EXPECT_EQ(in->concerns[0].finding, "disclosures");
  EXPECT_EQ(in->concerns[0].indicators, std::vector<std::string>{"ws.going_missing"});
}

TEST(ParseInterviewJson, NamesProblemsInsideFindingsAndConcerns) {
  auto in = ParseInterviewJson(
      R"({"status":"completed","findings":{"secrets":"x","reasons":5},)"
      R"("concerns":[{"finding":"reasons","indicators":"ws.going_missing"},7,{"colour":"red"}]})");
  ASSERT_FALSE(in.has_value());
  const auto& f = in.error().fields;
  EXPECT_EQ(f.at("findings.secrets"), "Is not one of the interview's findings");
  EXPECT_EQ(f.at("findings.reasons"), "Must be a string");
  EXPECT_TRUE(f.contains("concerns[0].indicators"));
  EXPECT_EQ(f.at("concerns[1]"), "Must be an object");
  EXPECT_EQ(f.at("concerns[2].colour"), "Is not a field of a raised concern");
  EXPECT_TRUE(ParseInterviewJson(R"({"findings":[]})").error().fields.contains("findings"));
  EXPECT_TRUE(ParseInterviewJson(R"({"concerns":{}})").error().fields.contains("concerns"));
  std::string many = R"({"concerns":[)";
  for (int i = 0; i < 8; ++i) many += std::string(i ? "," : "") + R"({"finding":"reasons"})";
  EXPECT_EQ(ParseInterviewJson(many + "]}").error().fields.at("concerns"),
            "Raise at most 7 concerns");
}

}  // namespace
}  // namespace harbour::web
