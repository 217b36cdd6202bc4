#include "web/records/records_json.h"

#include <gtest/gtest.h>

namespace harbour::web {
namespace {

namespace in = harbour::intelligence;

TEST(RecordsJsonTest, Person) {
  auto body = ParseRecordJson(in::RecordType::kPerson,
                              R"({"name":" Dean Marsh ","aliases":["Deano"," D "],)"
                              R"("age_from":25,"age_to":30,"status":"suspected","confirm":true})");
  ASSERT_TRUE(body.has_value()) << body.error().message;
  EXPECT_EQ(body->person.name, "Dean Marsh");
  EXPECT_EQ(body->person.aliases, (std::vector<std::string>{"Deano", "D"}));
  EXPECT_EQ(body->person.age_from, "25");
  EXPECT_EQ(body->person.age_to, "30");
  EXPECT_TRUE(body->confirm);
}

TEST(RecordsJsonTest, RefusesWrongTypesAndUnknownMembers) {
  auto body = ParseRecordJson(in::RecordType::kPerson,
                              R"({"name":1,"aliases":"Deano","age_from":25.5,"confirm":"yes",)"
                              R"("colour":"red"})");
  ASSERT_FALSE(body.has_value());
  EXPECT_EQ(body.error().kind, ErrorKind::kInvalid);
  for (const char* f : {"name", "aliases", "age_from", "confirm", "colour"}) {
    EXPECT_TRUE(body.error().fields.contains(f)) << f;
  }
  EXPECT_EQ(ParseRecordJson(in::RecordType::kPerson, "{").error().code, "malformed_json");
  EXPECT_EQ(ParseRecordJson(in::RecordType::kPerson, "[]").error().code, "not_an_object");
  EXPECT_FALSE(ParseRecordJson(in::RecordType::kChild, "{}").has_value());
}

TEST(RecordsJsonTest, PlaceNumbers) {
  auto body =
      ParseRecordJson(in::RecordType::kPlace,
                      R"({"name":"Park","type":"park","easting":408461,"northing":302517.5})");
  ASSERT_TRUE(body.has_value());
  EXPECT_EQ(body->place.easting, "408461");
  EXPECT_EQ(body->place.northing, "302517.5");
  auto strings = ParseRecordJson(in::RecordType::kPlace, R"({"latitude":"52.6"})");
  ASSERT_FALSE(strings.has_value());
  EXPECT_TRUE(strings.error().fields.contains("latitude"));
}

TEST(RecordsJsonTest, Link) {
  auto link = ParseRecordLinkJson(R"({"link_type":"uses","from_type":"person","from_id":"a",)"
                                  R"("to_type":"phone","to_id":"b","report_id":"c"})");
  ASSERT_TRUE(link.has_value());
  EXPECT_EQ(link->report_id, "c");
  auto bad = ParseRecordLinkJson(R"({"link_type":2,"from":"a"})");
  ASSERT_FALSE(bad.has_value());
  EXPECT_TRUE(bad.error().fields.contains("link_type"));
  EXPECT_TRUE(bad.error().fields.contains("from"));
}

}  // namespace
}  // namespace harbour::web
