#include "web/panel/panel_json.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace harbour::web {
namespace {

using Fields = std::map<std::string, std::string>;

TEST(PanelJsonTest, ParsesAMeetingAndTurnsOnlineIntoTheDomainsYes) {
  auto parsed = ParseMeetingJson(R"({"date": " 2026-12-03 ", "time": "14:00",
                                      "place": " Room 2, Harbourside Civic Centre ", "online": true})");
  ASSERT_TRUE(parsed.has_value()) << parsed.error().message;
  EXPECT_EQ(parsed->date, "2026-12-03");
  EXPECT_EQ(parsed->time, "14:00");
  EXPECT_EQ(parsed->place, "Room 2, Harbourside Civic Centre");
  EXPECT_EQ(parsed->online, "yes");
  auto in_person = ParseMeetingJson(R"({"date": "2026-12-03", "online": false, "place": null})");
  ASSERT_TRUE(in_person.has_value());
  EXPECT_EQ(in_person->online, "");
  EXPECT_EQ(in_person->place, "");
  // Values are the domain's question: it names every missing one.
  auto empty = ParseMeetingJson("{}");
  ASSERT_TRUE(empty.has_value());
  auto meeting = panel::ValidateMeeting(*empty, Instant{});
  ASSERT_FALSE(meeting.has_value());
  EXPECT_TRUE(meeting.error().fields.contains("date"));
  EXPECT_TRUE(meeting.error().fields.contains("time"));
  EXPECT_TRUE(meeting.error().fields.contains("place"));
}

TEST(PanelJsonTest, MeetingWrongTypesAndUnknownMembersAreNamed) {
  auto parsed = ParseMeetingJson(
      R"({"date": 20261203, "time": ["14:00"], "place": {}, "online": "yes", "room": "2"})");
  ASSERT_FALSE(parsed.has_value());
  EXPECT_EQ(parsed.error().kind, ErrorKind::kInvalid);
  EXPECT_EQ(parsed.error().code, "validation_failed");
  Fields expected = {{"date", "Must be a string"},
                     {"time", "Must be a string"},
                     {"place", "Must be a string"},
                     {"online", "Must be true or false"},
                     {"room", "Is not a field of this resource"}};
  EXPECT_EQ(parsed.error().fields, expected);
}

TEST(PanelJsonTest, LeavesALineBreakInThePlaceToTheDomain) {
  auto parsed =
      ParseMeetingJson(R"({"date": "2026-12-03", "time": "14:00", "place": "Room 2\nFloor 1"})");
  ASSERT_TRUE(parsed.has_value());
  auto meeting = panel::ValidateMeeting(*parsed, Instant{});
  ASSERT_FALSE(meeting.has_value());
  EXPECT_EQ(meeting.error().fields.at("place"), "The place must be one line");
  auto bell = ParseMeetingJson(R"({"place": "Room\u0007"})");
  ASSERT_FALSE(bell.has_value());
  EXPECT_EQ(bell.error().fields.at("place"), "Must not contain control characters");
  auto long_place =
      ParseMeetingJson(R"({"place": ")" + std::string(panel::kMaxPlace + 1, 'p') + R"("})");
  ASSERT_FALSE(long_place.has_value());
  EXPECT_EQ(long_place.error().fields.at("place"), "Must be 300 characters or fewer");
}

TEST(PanelJsonTest, MalformedJsonIsMalformedAndANonObjectIsInvalid) {
  for (std::string_view bad : {"", "{", R"({"user_id": )", "{\"plan\": \"\xC3\x28\"}"}) {
    for (const auto& code :
         {ParseMeetingJson(bad).error().code, ParseMemberJson(bad).error().code,
          ParseAttendanceJson(bad).error().code, ParseAgendaJson(bad).error().code,
          ParseDecisionJson(bad).error().code, ParseActionJson(bad).error().code}) {
      EXPECT_EQ(code, "malformed_json") << bad;
    }
  }
  EXPECT_EQ(ParseDecisionJson(R"({"models": )" + std::string(100, '[')).error().code,
            "malformed_json");
  EXPECT_EQ(ParseMemberJson("[]").error().code, "not_an_object");
  EXPECT_EQ(ParseDecisionJson("null").error().kind, ErrorKind::kInvalid);
}

TEST(PanelJsonTest, ParsesMemberAndAgenda) {
  auto member = ParseMemberJson(R"({"user_id": " 4f1c2a9e8b7d6c5a4f3e2d1c0b9a8f7e "})");
  ASSERT_TRUE(member.has_value());
  EXPECT_EQ(*member, "4f1c2a9e8b7d6c5a4f3e2d1c0b9a8f7e");
  EXPECT_EQ(ParseMemberJson(R"({"user_id": 7})").error().fields,
            (Fields{{"user_id", "Must be a string"}}));
  EXPECT_EQ(ParseMemberJson(R"({"username": "demo.panel"})").error().fields,
            (Fields{{"username", "Is not a field of this resource"}}));

  auto review = ParseAgendaJson(R"({"child_id": "c", "referral_id": ""})");
  ASSERT_TRUE(review.has_value());
  EXPECT_EQ(review->child_id, "c");
  EXPECT_EQ(review->referral_id, "");
  auto referral = ParseAgendaJson(R"({"child_id": "c", "referral_id": "r"})");
  ASSERT_TRUE(referral.has_value());
  EXPECT_EQ(referral->referral_id, "r");
  EXPECT_EQ(ParseAgendaJson(R"({"child_id": "c", "referral_id": false})").error().fields,
            (Fields{{"referral_id", "Must be a string"}}));
}

TEST(PanelJsonTest, ParsesAttendanceInUserIdOrder) {
  auto parsed = ParseAttendanceJson(
      R"({"attendance": {"bbbb": "present", "aaaa": " apologies ", "cccc": "maybe"}})");
  ASSERT_TRUE(parsed.has_value()) << parsed.error().message;
  ASSERT_EQ(parsed->size(), 3u);
  // nlohmann::json keeps object members sorted by key.
  EXPECT_EQ((*parsed)[0], (std::pair<std::string, std::string>{"aaaa", "apologies"}));
  EXPECT_EQ((*parsed)[1], (std::pair<std::string, std::string>{"bbbb", "present"}));
  EXPECT_EQ((*parsed)[2].second, "maybe") << "an unknown code is DoRecordAttendance's question";
}

TEST(PanelJsonTest, AttendanceProblemsAreKeyedByMember) {
  EXPECT_EQ(ParseAttendanceJson("{}").error().fields.count("attendance"), 1u);
  EXPECT_EQ(ParseAttendanceJson(R"({"attendance": {}})").error().fields,
            (Fields{{"attendance", "Give at least one member's attendance"}}));
  EXPECT_EQ(ParseAttendanceJson(R"({"attendance": ["present"]})").error().fields,
            (Fields{{"attendance", "Must be an object from user id to attendance"}}));
  auto bad = ParseAttendanceJson(
      R"({"attendance": {"aaaa": 1, "bbbb": null, "cccc": "pre\nsent", "dddd": "present"},
          "extra": 1})");
  ASSERT_FALSE(bad.has_value());
  Fields expected = {{"attendance.aaaa", "Must be a string"},
                     {"attendance.bbbb", "Must be a string"},
                     {"attendance.cccc", "Must not contain control characters"},
                     {"extra", "Is not a field of this resource"}};
  EXPECT_EQ(bad.error().fields, expected);
  auto odd_key = ParseAttendanceJson(R"({"attendance": {"a\u0001": "present"}})");
  ASSERT_FALSE(odd_key.has_value());
  EXPECT_EQ(odd_key.error().fields, (Fields{{"attendance", "Each key must be a user id"}}));
  std::string many = R"({"attendance": {)";
  for (std::size_t i = 0; i <= kMaxPanelListItems; ++i) {
    many += (i == 0 ? "\"" : ",\"") + std::to_string(i) + "\": \"present\"";
  }
  many += "}}";
  EXPECT_EQ(ParseAttendanceJson(many).error().fields,
            (Fields{{"attendance", "Must have 100 members or fewer"}}));
}

TEST(PanelJsonTest, ParsesADecision) {
  auto parsed = ParseDecisionJson(R"({
    "category": " 2 ",
    "models": ["peer", " organised "],
    "elements": [],
    "plan": "  Disruption visits.\nSchool support.  ",
    "next_review": "2027-01-07"
  })");
  ASSERT_TRUE(parsed.has_value()) << parsed.error().message;
  EXPECT_EQ(parsed->category, "2");
  EXPECT_EQ(parsed->models, (std::vector<std::string>{"peer", "organised"}));
  EXPECT_TRUE(parsed->elements.empty());
  EXPECT_EQ(parsed->plan, "Disruption visits.\nSchool support.");
  EXPECT_EQ(parsed->next_review, "2027-01-07");
  auto decision = panel::ValidateDecision(*parsed, Date{std::chrono::year{2026} / 12 / 3});
  ASSERT_TRUE(decision.has_value());
  EXPECT_EQ(decision->category, panel::Category::kSignificantRisk);
}

TEST(PanelJsonTest, DecisionWithoutModelsIsTheDomainsQuestion) {
  auto parsed = ParseDecisionJson(
      R"({"category": "1", "plan": "Plan", "next_review": "2026-12-01", "models": null})");
  ASSERT_TRUE(parsed.has_value());
  auto decision = panel::ValidateDecision(*parsed, Date{std::chrono::year{2026} / 12 / 3});
  ASSERT_FALSE(decision.has_value());
  EXPECT_TRUE(decision.error().fields.contains("models"));
  EXPECT_TRUE(decision.error().fields.contains("next_review")) << "before the meeting";
}

TEST(PanelJsonTest, DecisionWrongTypesAreKeyedByMemberAndItem) {
  auto parsed = ParseDecisionJson(R"({
    "category": 2,
    "models": "peer",
    "elements": ["online", 3, "gang\u0000"],
    "plan": ["x"],
    "next_review": {"date": "2027-01-07"},
    "actions": []
  })");
  ASSERT_FALSE(parsed.has_value());
  Fields expected = {{"category", "Must be a string"},
                     {"models", "Must be a list of codes"},
                     {"elements[1]", "Must be a string"},
                     {"elements[2]", "Must not contain control characters"},
                     {"plan", "Must be a string"},
                     {"next_review", "Must be a string"},
                     {"actions", "Is not a field of this resource"}};
  EXPECT_EQ(parsed.error().fields, expected);
  std::string many = R"({"models": [)";
  for (std::size_t i = 0; i <= kMaxPanelListItems; ++i)
    many += (i == 0 ? "" : ",") + std::string("\"peer\"");
  many += "]}";
  EXPECT_EQ(ParseDecisionJson(many).error().fields,
            (Fields{{"models", "Must have 100 items or fewer"}}));
  std::string long_plan(panel::kMaxPlan + 1, 'p');
  EXPECT_EQ(ParseDecisionJson(R"({"plan": ")" + long_plan + R"("})").error().fields,
            (Fields{{"plan", "Must be 20000 characters or fewer"}}));
}

TEST(PanelJsonTest, ParsesAnAction) {
  auto parsed = ParseActionJson(
      R"({"title": " Visit the family ", "owner": "4f1c2a9e8b7d6c5a4f3e2d1c0b9a8f7e", "due": "2026-12-10"})");
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(parsed->title, "Visit the family");
  EXPECT_EQ(parsed->owner, "4f1c2a9e8b7d6c5a4f3e2d1c0b9a8f7e");
  EXPECT_EQ(parsed->due, "2026-12-10");
  auto wrong = ParseActionJson(R"({"title": 1, "owner": null, "due": true, "priority": "high"})");
  ASSERT_FALSE(wrong.has_value());
  Fields expected = {{"title", "Must be a string"},
                     {"due", "Must be a string"},
                     {"priority", "Is not a field of this resource"}};
  EXPECT_EQ(wrong.error().fields, expected);
  // A line break in the title is the domain's message.
  auto two_lines = ParseActionJson(R"({"title": "Visit\nthe family"})");
  ASSERT_TRUE(two_lines.has_value());
  auto action = panel::ValidateAction(*two_lines, {}, Date{std::chrono::year{2026} / 12 / 3});
  ASSERT_FALSE(action.has_value());
  EXPECT_TRUE(action.error().fields.contains("title"));
  EXPECT_TRUE(action.error().fields.contains("owner"));
  EXPECT_TRUE(action.error().fields.contains("due"));
}

}  // namespace
}  // namespace harbour::web
