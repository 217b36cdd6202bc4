#include "web/disruption/disruption_json.h"

#include <gtest/gtest.h>

namespace harbour::web {
namespace {

TEST(ParseDisruptionJson, ReadsAndTrimsEveryMember) {
  auto in = ParseDisruptionJson(
      R"({"measure":" sexual_harm_prevention_order ","subject_type":"person","subject_id":"p1",)"
      R"("date":"2026-03-01","by_agency":"a1","officer":"DC Sample","outcome":"Made\nat court",)"
      R"("expiry":null,"no_expiry":true,"child_id":"","notes":"n"})");
  ASSERT_TRUE(in.has_value()) << in.error().message;
  EXPECT_EQ(in->measure, "sexual_harm_prevention_order");
  EXPECT_EQ(in->outcome, "Made\nat court");
  EXPECT_EQ(in->expiry, "");
  EXPECT_TRUE(in->no_expiry);
  EXPECT_EQ(in->notes, "n");
}

TEST(ParseDisruptionJson, NamesUnknownMembersAndWrongTypes) {
  auto in = ParseDisruptionJson(R"({"measure":3,"no_expiry":"yes","grade":"A","officer":"a\nb"})");
  ASSERT_FALSE(in.has_value());
  EXPECT_EQ(in.error().kind, ErrorKind::kInvalid);
  EXPECT_EQ(in.error().fields.at("measure"), "Must be a string");
  EXPECT_EQ(in.error().fields.at("no_expiry"), "Must be true or false");
  EXPECT_EQ(in.error().fields.at("grade"), "Is not a field of this resource");
  EXPECT_EQ(in.error().fields.at("officer"), "Must not contain control characters");
  EXPECT_EQ(ParseDisruptionJson("[]").error().code, "not_an_object");
  EXPECT_EQ(ParseDisruptionJson("{\"a\":").error().code, "malformed_json");
}

TEST(ParseVisitJson, ReadsTheVisit) {
  auto in = ParseVisitJson(
      R"({"place_id":"p","date":"2026-03-01","visiting_agencies":[" a1 ","a2"],)"
      R"("awareness_pack_given":true,"staff_spoken_to":"Manager","follow_up":"Revisit"})");
  ASSERT_TRUE(in.has_value()) << in.error().message;
  EXPECT_EQ(in->visiting_agencies, (std::vector<std::string>{"a1", "a2"}));
  EXPECT_TRUE(in->awareness_pack_given);
  EXPECT_EQ(in->follow_up, "Revisit");
}

TEST(ParseVisitJson, RefusesBadAgencyListsAndFlags) {
  auto in = ParseVisitJson(R"({"visiting_agencies":"a1","awareness_pack_given":1,"x":null})");
  ASSERT_FALSE(in.has_value());
  EXPECT_TRUE(in.error().fields.contains("visiting_agencies"));
  EXPECT_EQ(in.error().fields.at("awareness_pack_given"), "Must be true or false");
  EXPECT_EQ(in.error().fields.at("x"), "Is not a field of this resource");
  EXPECT_EQ(ParseVisitJson(R"({"visiting_agencies":[1]})").error().fields.at("visiting_agencies"),
            "Must be a list of agency ids (strings)");
}

}  // namespace
}  // namespace harbour::web
