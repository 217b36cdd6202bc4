#include "web/intelligence/intelligence_json.h"

#include <gtest/gtest.h>

namespace harbour::web {
namespace {

TEST(ParseSubmissionJson, ReadsTheReportAndItsSubjects) {
  auto in = ParseSubmissionJson(
      R"({"what":" A man collects a girl\nmost nights ","category":"sexual_exploitation",)"
      R"("knowledge":"first_hand","immediate_danger":false,"subjects":[)"
      R"({"type":"vehicle","details":{"registration":"AB12 CDE","colour":"silver"}},)"
      R"({"type":"child","record_id":"0123456789abcdef0123456789abcdef"}]})");
  ASSERT_TRUE(in.has_value()) << in.error().message;
  EXPECT_EQ(in->what, "A man collects a girl\nmost nights");
  EXPECT_EQ(in->immediate_danger, "no");
  ASSERT_EQ(in->subjects.size(), 2u);
  EXPECT_EQ(in->subjects[0].details.at("registration"), "AB12 CDE");
  EXPECT_EQ(in->subjects[1].record_id, "0123456789abcdef0123456789abcdef");
}

TEST(ParseSubmissionJson, NamesEveryShapeProblem) {
  auto in =
      ParseSubmissionJson(R"({"what":1,"grade":"1/A/P","immediate_danger":"yes","subjects":[3,)"
                          R"({"type":"person","details":{"name":7},"colour":"red"}]})");
  ASSERT_FALSE(in.has_value());
  const auto& f = in.error().fields;
  EXPECT_EQ(f.at("what"), "Must be a string");
  EXPECT_EQ(f.at("grade"), "Is not a field of this resource");
  EXPECT_TRUE(f.contains("immediate_danger"));
  EXPECT_TRUE(f.contains("subjects[0]"));
  EXPECT_TRUE(f.contains("subjects[1].name"));
  EXPECT_TRUE(f.contains("subjects[1].colour"));
  EXPECT_EQ(ParseSubmissionJson("[]").error().code, "not_an_object");
  EXPECT_EQ(ParseSubmissionJson("{").error().code, "malformed_json");
}

TEST(ParseGradingJson, ReadsTheGradeAndRefusesBadAgencies) {
  auto in = ParseGradingJson(
      R"({"source":"2","intelligence":"B","handling":"C","handling_instructions":"Police only",)"
      R"("allowed_agencies":["a1"],"sanitised_text":"A car.","outcome":"log_created"})");
  ASSERT_TRUE(in.has_value()) << in.error().message;
  EXPECT_EQ(in->grade.allowed_agencies, std::vector<std::string>{"a1"});
  EXPECT_EQ(in->outcome, "log_created");
  auto bad = ParseGradingJson(R"({"allowed_agencies":[1],"source":2})");
  ASSERT_FALSE(bad.has_value());
  EXPECT_TRUE(bad.error().fields.contains("allowed_agencies"));
  EXPECT_TRUE(bad.error().fields.contains("source"));
}

TEST(ParseLinkAndResolveJson, ReadOnlyTheirMembers) {
  auto link = ParseReportLinkJson(R"({"from":"a","to":"b","link_type":"driver"})");
  ASSERT_TRUE(link.has_value());
  EXPECT_EQ(link->link_type, "driver");
  EXPECT_TRUE(
      ParseReportLinkJson(R"({"from":"a","report":"b"})").error().fields.contains("report"));
  EXPECT_EQ(*ParseResolveJson(R"({"record_id":"r"})"), "r");
  EXPECT_FALSE(ParseResolveJson(R"({"record_id":5})").has_value());
}

}  // namespace
}  // namespace harbour::web
