#include "profile/core_return.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "common/csv.h"
#include "profile/breakdown.h"
#include "profile/publish.h"

namespace harbour::profile {
namespace {

using nlohmann::json;

// The fuzz target's key (tests/fuzz/profile_return_fuzz.cc): seed bytes 1 to 32.
SecretKey FixedKey(unsigned char first = 1) {
  std::array<unsigned char, 32> seed{};
  for (std::size_t i = 0; i < seed.size(); ++i) seed[i] = static_cast<unsigned char>(first + i);
  return SecretKey::FromSeed(seed);
}

SigningKey NorthKey() { return {"north", "North Harbour Safeguarding Partnership", FixedKey(1)}; }
SigningKey SouthKey() { return {"south", "South Harbour Partnership", FixedKey(2)}; }

TrustedKeys Trusted() {
  return {{"north", NorthKey().key.Public()}, {"south", SouthKey().key.Public()}};
}

Period Quarter() { return *ParsePeriod("2026-Q3"); }
Instant October2() { return *ParseRfc3339("2026-10-02T09:00:00Z"); }

// `sex` views a literal; the id is kept in `text`.
ChildFacts Child(int n, std::string_view sex, FactText& text) {
  ChildFacts c;
  c.child_id = text.Keep("child-" + std::to_string(n));
  c.age = 12 + n % 6;
  c.sex = sex;
  c.ethnicity = n % 3 == 0 ? "white_british" : "asian_indian";
  c.tool_level = n % 2 == 0 ? "high" : "medium";
  c.categories = {"sexual_exploitation"};
  c.first_agency = "agency-1";
  c.agencies = {"agency-1"};
  c.wards = {"E05000001"};
  return c;
}

// An area of `girls` girls and `boys` boys, with a referral, an episode and a disruption.
AreaFacts Area(int girls, int boys) {
  AreaFacts facts;
  for (int i = 0; i < girls; ++i) facts.children.push_back(Child(i, "female", *facts.text));
  for (int i = 0; i < boys; ++i) facts.children.push_back(Child(100 + i, "male", *facts.text));
  facts.referrals.push_back(ReferralFacts{.child_id = "child-0",
                                          .agency_id = "agency-1",
                                          .submitted_at = *ParseRfc3339("2026-08-03T09:00:00Z"),
                                          .screening_due = *ParseRfc3339("2026-08-04T09:00:00Z"),
                                          .decided_at = std::nullopt,
                                          .decision = "",
                                          .previous_referral_at = std::nullopt});
  facts.episodes.push_back(EpisodeFacts{.child_id = "child-0"});
  facts.disruptions.push_back(DisruptionFacts{.measure = "arrest", .agency_id = "agency-1"});
  // Four children with a review date by the end of Q3, one of them passed.
  facts.last_day = *ParseDate("2026-09-30");
  for (int i = 0; i < 4 && i < int(facts.children.size()); ++i) {
    facts.children[i].next_review = *ParseDate(i == 0 ? "2026-09-01" : "2026-12-01");
  }
  return facts;
}

std::vector<Breakdown> Tables(const AreaFacts& facts) {
  return Breakdowns(facts, Labels{}, WorkingCalendar(std::set<Date>{}));
}

CoreReturn NorthReturn(int girls = 9, int boys = 7) {
  return BuildReturn(Tables(Area(girls, boys)), "north", "North Harbour Safeguarding Partnership",
                     Quarter(), October2());
}

std::string Signed(const CoreReturn& r, const SigningKey& key = NorthKey()) {
  auto text = SignReturn(r, key);
  EXPECT_TRUE(text) << text.error().message;
  return text ? *text : std::string();
}

const ReturnTable& TableOf(const CoreReturn& r, std::string_view id) {
  for (const auto& t : r.tables) {
    if (t.id == id) return t;
  }
  throw std::logic_error("no table " + std::string(id));
}

// The signed file's body, edited by `edit`, signed again by `key` as it is (unchecked).
std::string Edited(const std::function<void(json&)>& edit, const SecretKey& key = FixedKey(1)) {
  json file = json::parse(Signed(NorthReturn()));
  edit(file["return"]);
  auto text = SignReturnBody(file["return"].dump(), key);
  EXPECT_TRUE(text);
  return text ? *text : std::string();
}

Error Refusal(std::string_view text, std::string_view file = "north.json") {
  auto read = ReadReturn(text, Trusted(), file);
  EXPECT_FALSE(read);
  if (read) return Error{};
  EXPECT_EQ(read.error().kind, ErrorKind::kInvalid);
  EXPECT_EQ(read.error().code, "invalid_return");
  return read.error();
}

TEST(CoreDataSet, IsEveryBreakdownButAgenciesAndWards) {
  std::vector<std::string> expected;
  for (const Breakdown& b : Tables(Area(3, 2))) {
    if (b.id == "referral_agency" || b.id == "ward") continue;
    expected.push_back(b.id);
    const CoreTable* core = FindCoreTable(b.id);
    ASSERT_NE(core, nullptr) << b.id << " is a new breakdown: is it in the core data set?";
    EXPECT_EQ(core->exclusive, b.exclusive) << b.id;
  }
  std::vector<std::string> ids;
  for (const CoreTable& t : CoreDataSet()) ids.emplace_back(t.id);
  EXPECT_EQ(ids, expected);
  EXPECT_EQ(FindCoreTable("ward"), nullptr);
  EXPECT_EQ(FindCoreTable("referral_agency"), nullptr);
}

TEST(BuildReturn, CopiesCodesAndExactCountsOnly) {
  CoreReturn r = NorthReturn(9, 2);
  EXPECT_EQ(r.tables.size(), CoreDataSet().size());
  const ReturnTable& sex = TableOf(r, "sex");
  EXPECT_TRUE(sex.exclusive);
  EXPECT_EQ(sex.total, 11);
  EXPECT_EQ(sex.rows, (std::vector<ReturnRow>{{"female", 9}, {"male", 2}, {"not_recorded", 0}}));
  EXPECT_EQ(TableOf(r, "reviews_overdue").total, 4);
  EXPECT_FALSE(TableOf(r, "concern_category").exclusive);
  std::string text = Signed(r);
  EXPECT_EQ(text.find("child-"), std::string::npos);
  EXPECT_EQ(text.find("agency-1"), std::string::npos);
  EXPECT_EQ(text.find("E05000001"), std::string::npos);
  EXPECT_EQ(text.find("Female"), std::string::npos);  // codes, not labels
}

TEST(SignReturn, WritesTheEnvelope) {
  json file = json::parse(Signed(NorthReturn()));
  ASSERT_TRUE(file.is_object());
  EXPECT_EQ(file.size(), 2U);
  const json& signature = file["signature"];
  EXPECT_EQ(signature["algorithm"], "ed25519");
  EXPECT_EQ(signature["key_id"], KeyId(NorthKey().key.Public()));
  EXPECT_EQ(signature["public_key"], EncodePublicKey(NorthKey().key.Public()));
  auto value = FromBase64(signature["value"].get<std::string>());
  ASSERT_TRUE(value);
  // The signature is of the body's canonical text: sorted keys, no spaces.
  std::string canonical = file["return"].dump();
  EXPECT_TRUE(
      canonical.starts_with("{\"generated_at\":\"2026-10-02T09:00:00Z\",\"partnership_code\""));
  EXPECT_TRUE(Verify(NorthKey().key.Public(), canonical, *value));
  EXPECT_EQ(file["return"]["period"],
            (json{{"code", "2026-Q3"}, {"first_day", "2026-07-01"}, {"last_day", "2026-09-30"}}));
}

TEST(SignReturn, RefusesWhatTheAggregatorWouldRefuse) {
  CoreReturn r = NorthReturn();
  auto wrong_key = SignReturn(r, SouthKey());
  ASSERT_FALSE(wrong_key);
  EXPECT_EQ(wrong_key.error().message,
            "the return: return.partnership_code: is north, but the key is the key of south");
  r.tables[5].rows[0].count = -1;
  auto negative = SignReturn(r, NorthKey());
  ASSERT_FALSE(negative);
  EXPECT_TRUE(negative.error().fields.contains("return.tables[5].rows[0].count"));
  r = NorthReturn();
  r.tables.pop_back();
  EXPECT_FALSE(SignReturn(r, NorthKey()));
  r = NorthReturn();
  r.generated_at = *ParseRfc3339("2026-09-30T12:00:00Z");
  auto early = SignReturn(r, NorthKey());
  ASSERT_FALSE(early);
  EXPECT_TRUE(early.error().fields.contains("return.generated_at"));
}

TEST(ReadReturn, ReadsBackWhatWasSigned) {
  CoreReturn r = NorthReturn();
  auto read = ReadReturn(Signed(r), Trusted(), "north.json");
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_EQ(read->schema_version, 1);
  EXPECT_EQ(read->partnership_code, "north");
  EXPECT_EQ(read->partnership_name, "North Harbour Safeguarding Partnership");
  EXPECT_EQ(PeriodCode(read->period), "2026-Q3");
  EXPECT_EQ(read->period.kind, PeriodKind::kQuarter);
  EXPECT_EQ(read->generated_at, October2());
  EXPECT_EQ(read->tables, r.tables);
}

TEST(ReadReturn, ReadsTheTablesInAnyOrderAndCompactText) {
  json file = json::parse(Signed(NorthReturn()));
  std::string compact = file.dump();
  auto read = ReadReturn(compact, Trusted(), "north.json");
  ASSERT_TRUE(read) << read.error().message;
  auto reordered = ReadReturn(
      Edited([](json& body) { std::reverse(body["tables"].begin(), body["tables"].end()); }),
      Trusted(), "north.json");
  ASSERT_TRUE(reordered) << reordered.error().message;
  EXPECT_EQ(reordered->tables, NorthReturn().tables);
}

TEST(ReadReturn, RefusesATamperedCountNamingTheSignature) {
  json file = json::parse(Signed(NorthReturn()));
  file["return"]["tables"][5]["rows"][0]["count"] = 8;
  Error e = Refusal(file.dump(2));
  EXPECT_EQ(e.message,
            "north.json: signature: does not match the return (the file was changed after it "
            "was signed, or signed by another key)");
  EXPECT_EQ(e.fields.size(), 1U);
}

TEST(ReadReturn, RefusesAnyOtherChangeAfterSigning) {
  for (const auto& edit : std::vector<std::function<void(json&)>>{
           [](json& f) { f["return"]["partnership_name"] = "South"; },
           [](json& f) { f["return"]["tables"].erase(f["return"]["tables"].begin()); },
           [](json& f) { f["return"]["extra"] = 1; },
           [](json& f) { f["signature"]["value"] = Base64(std::string(64, 'x')); }}) {
    json file = json::parse(Signed(NorthReturn()));
    edit(file);
    EXPECT_TRUE(Refusal(file.dump()).fields.contains("signature"));
  }
}

TEST(ReadReturn, RefusesAReturnSignedWithAnotherKey) {
  // Someone re-signs an edited return with their own key and embeds that key.
  Error e = Refusal(Edited([](json& body) { body["tables"][0]["total"] = 1; }, FixedKey(9)));
  ASSERT_TRUE(e.fields.contains("signature.public_key"));
  EXPECT_EQ(e.fields["signature.public_key"], "is the key " + KeyId(FixedKey(9).Public()) +
                                                  ", not the key trusted for north (" +
                                                  KeyId(FixedKey(1).Public()) + ")");
  // South's return signed with south's key but trusted under another key.
  TrustedKeys swapped = {{"south", NorthKey().key.Public()}};
  auto read = ReadReturn(
      Signed(BuildReturn(Tables(Area(4, 4)), "south", "South", Quarter(), October2()), SouthKey()),
      swapped, "south.json");
  ASSERT_FALSE(read);
  EXPECT_TRUE(read.error().message.starts_with("south.json: signature.public_key: is the key"));
}

TEST(ReadReturn, RefusesAnUnknownPartnership) {
  CoreReturn r = NorthReturn();
  r.partnership_code = "east";
  Error e = Refusal(Signed(r, SigningKey{"east", "East", FixedKey(5)}), "east.json");
  EXPECT_EQ(e.message,
            "east.json: return.partnership_code: no key is trusted for the partnership east (the "
            "trusted-keys file has no line for it)");
}

TEST(ReadReturn, RefusesAKeyIdThatIsNotThePublicKeys) {
  json file = json::parse(Signed(NorthReturn()));
  file["signature"]["key_id"] = "0000000000000000";
  EXPECT_EQ(Refusal(file.dump()).message, "north.json: signature.key_id: must be " +
                                              KeyId(FixedKey(1).Public()) +
                                              ", the public key's id");
}

TEST(ReadReturn, NamesTheFieldOfASchemaError) {
  Error e = Refusal(Edited([](json& body) { body["tables"][3]["rows"][2]["count"] = -1; }));
  EXPECT_EQ(e.message,
            "north.json: return.tables[3].rows[2].count: must be a whole number of 0 or more");
  auto field = [](const std::function<void(json&)>& edit) {
    Error error = Refusal(Edited(edit));
    EXPECT_FALSE(error.fields.empty());
    return error.fields.empty() ? std::string() : error.message.substr(12);
  };
  const std::string sex = "return.tables[5]";  // the sex table
  EXPECT_EQ(field([](json& b) { b["tables"][5]["rows"][0]["count"] = 2.5; }),
            sex + ".rows[0].count: must be a whole number of 0 or more");
  EXPECT_EQ(field([](json& b) { b["tables"][5]["rows"][0]["count"] = "9"; }),
            sex + ".rows[0].count: must be a whole number of 0 or more");
  EXPECT_EQ(field([](json& b) { b["tables"][5]["rows"][0]["count"] = 1'000'000'001; }),
            sex + ".rows[0].count: must be at most 1000000000");
  EXPECT_EQ(field([](json& b) { b["tables"][5]["rows"][0]["count"] = 8; }),
            sex + ".total: is 16, but the rows add up to 15 (each one counted is in one row)");
  EXPECT_EQ(field([](json& b) { b["tables"][5]["rows"][1]["code"] = "female"; }),
            sex + ".rows[1].code: \"female\" is a row already");
  EXPECT_EQ(field([](json& b) { b["tables"][5]["rows"][1]["code"] = "Male"; }),
            sex + ".rows[1].code: must be a code of 1 to 64 lower-case letters, digits and '_'");
  EXPECT_EQ(field([](json& b) { b["tables"][5]["rows"][1]["label"] = "Male"; }),
            sex + ".rows[1].label: is not a field of a version 1 return");
  EXPECT_EQ(field([](json& b) { b["tables"][5]["exclusive"] = false; }),
            sex + ".exclusive: must be true for the table sex");
  EXPECT_EQ(field([](json& b) { b["tables"][5]["id"] = "ward"; }),
            sex + ".id: \"ward\" is not a core data set table");
  EXPECT_EQ(field([](json& b) { b["tables"][6]["id"] = "sex"; }),
            "return.tables[6].id: the table sex is in the return already");
  EXPECT_EQ(field([](json& b) { b["tables"].erase(b["tables"].begin() + 6); }),
            "return.tables: lacks core data set tables: ethnicity");
  EXPECT_EQ(field([](json& b) { b["tables"][5].erase("rows"); }), sex + ".rows: is missing");
  EXPECT_EQ(field([](json& b) { b["tables"][5]["rows"] = json::object(); }),
            sex + ".rows: must be a list");
  EXPECT_EQ(field([](json& b) { b["tables"][5]["rows"][0] = 3; }),
            sex + ".rows[0]: must be an object");
  EXPECT_EQ(
      field([](json& b) { b["tables"] = json::array(); }),
      "return.tables: lacks core data set tables: " + [] {
        std::string all;
        for (const auto& t : CoreDataSet()) all += (all.empty() ? "" : ", ") + std::string(t.id);
        return all;
      }());
}

TEST(ReadReturn, NamesTheFieldsOfTheHeader) {
  auto field = [](const std::function<void(json&)>& edit) {
    Error error = Refusal(Edited(edit));
    return error.fields.empty() ? std::string() : error.message.substr(12);
  };
  EXPECT_EQ(field([](json& b) { b["period"]["code"] = "2026-07-01..2026-09-30"; }),
            "return.period.code: must be a month (2026-09), a quarter (2026-Q3), a year (2026) "
            "or a financial year (2026-27)");
  EXPECT_EQ(field([](json& b) { b["period"]["first_day"] = "2026-07-02"; }),
            "return.period.first_day: must be 2026-07-01, the first day of 2026-Q3");
  EXPECT_EQ(field([](json& b) { b["period"]["last_day"] = "30/09/2026"; }),
            "return.period.last_day: must be 2026-09-30, the last day of 2026-Q3");
  EXPECT_EQ(field([](json& b) { b["generated_at"] = "2026-09-30T10:00:00Z"; }),
            "return.generated_at: is before the period ended (2026-09-30): a return covers a "
            "period that is over");
  EXPECT_EQ(field([](json& b) { b["generated_at"] = "yesterday"; }),
            "return.generated_at: must be a time such as 2026-10-01T09:00:00Z");
  EXPECT_EQ(field([](json& b) { b["partnership_name"] = ""; }),
            "return.partnership_name: must not be empty");
  EXPECT_EQ(field([](json& b) { b["partnership_name"] = 7; }),
            "return.partnership_name: must be text");
  EXPECT_EQ(field([](json& b) { b["comment"] = "hello"; }),
            "return.comment: is not a field of a version 1 return");
  EXPECT_EQ(field([](json& b) { b.erase("period"); }), "return.period: is missing");
}

TEST(ReadReturn, ListsEveryProblem) {
  Error e = Refusal(Edited([](json& body) {
    body["tables"][3]["rows"][0]["count"] = -1;
    body["tables"][4]["rows"][0]["count"] = "x";
    body["partnership_name"] = "";
  }));
  EXPECT_EQ(e.fields.size(), 3U);
  EXPECT_TRUE(e.fields.contains("return.tables[3].rows[0].count"));
  EXPECT_TRUE(e.fields.contains("return.tables[4].rows[0].count"));
  EXPECT_TRUE(e.fields.contains("return.partnership_name"));
  Error many = Refusal(Edited([](json& body) {
    for (auto& table : body["tables"]) table["rows"][0]["count"] = -1;
  }));
  EXPECT_EQ(many.fields.size(), kMaxReturnProblems + 1);
  EXPECT_TRUE(many.fields.at("more").starts_with("and "));
}

TEST(ReadReturn, ChecksTheVersionBeforeTheSignature) {
  Error e = Refusal(Edited([](json& body) { body["schema_version"] = 2; }));
  EXPECT_EQ(e.message,
            "north.json: return.schema_version: must be 1: this Harbour reads version 1 returns");
}

TEST(ReadReturn, RefusesTextThatIsNotAReturnFile) {
  EXPECT_EQ(Refusal("").message, "north.json: file: is not JSON text");
  EXPECT_EQ(Refusal("{\"return\": ").message, "north.json: file: is not JSON text");
  EXPECT_EQ(Refusal("[1, 2]").message,
            "north.json: file: must be a JSON object with \"return\" and \"signature\"");
  EXPECT_EQ(Refusal(std::string(kMaxReturnBytes + 1, ' ')).message,
            "north.json: file: is larger than a return can be (1024 KiB)");
  EXPECT_EQ(Refusal(std::string(20, '[') + std::string(20, ']')).message,
            "north.json: file: nests deeper than a return does");
  EXPECT_EQ(Refusal("{\"a\": 1, \"a\": 2}").message,
            "north.json: file: has the key \"a\" twice in one object");
  EXPECT_EQ(Refusal("{\"return\": {}}").message, "north.json: signature: is missing");
  Error e = Refusal("{\"return\": {}, \"signature\": {\"algorithm\": \"rsa\"}, \"x\": 1}");
  EXPECT_TRUE(e.fields.contains("x"));
  EXPECT_EQ(e.fields["signature.algorithm"], "must be \"ed25519\"");
  EXPECT_EQ(e.fields["signature.value"], "is missing");
}

TEST(ReadReturn, RefusesAKeyRepeatedToHideAValue) {
  // A reader that takes the first of two equal keys would see 999; Harbour refuses the file.
  std::string text = Signed(NorthReturn());
  std::string::size_type at = text.find("\"count\": ");
  ASSERT_NE(at, std::string::npos);
  text.insert(at, "\"count\": 999, ");
  EXPECT_EQ(Refusal(text).message, "north.json: file: has the key \"count\" twice in one object");
}

ReceivedReturn Received(const std::string& file, const CoreReturn& r) {
  return ReceivedReturn{file, r};
}

TEST(Combine, SumsTheReturnsAndSuppressionAppliesAgain) {
  CoreReturn north = NorthReturn(4, 3);
  CoreReturn south = BuildReturn(Tables(Area(4, 5)), "south", "South", Quarter(), October2());
  Labels labels;
  labels.ethnicity = {
      {"white_british", "White: English, Welsh, Scottish, Northern Irish or British"}};
  labels.ethnicity_order = {"white_british", "asian_indian", "not_known"};
  auto combined = Combine({Received("north.json", north), Received("south.json", south)}, labels);
  ASSERT_TRUE(combined) << combined.error().message;
  EXPECT_EQ(PeriodCode(combined->period), "2026-Q3");
  ASSERT_EQ(combined->partnerships.size(), 2U);
  EXPECT_EQ(combined->partnerships[1], (std::pair<std::string, std::string>{"south", "South"}));
  EXPECT_EQ(combined->tables.size(), CoreDataSet().size());
  const Breakdown* sex = Find(combined->tables, "sex");
  ASSERT_NE(sex, nullptr);
  EXPECT_EQ(sex->title, "Children identified by sex");
  EXPECT_EQ(sex->total, 16);
  ASSERT_EQ(sex->rows.size(), 3U);
  EXPECT_EQ(sex->rows[0].label, "Female");
  EXPECT_EQ(sex->rows[0].count, 8);
  EXPECT_EQ(sex->rows[1].count, 8);
  EXPECT_EQ(sex->rows[2].code, kNotRecorded);
  // Each partnership's 4 girls would be "c"; the region's 8 are shown.
  std::vector<ShownBreakdown> shown = ShowAll(combined->tables, {}, labels, Release::kPublished);
  const ShownBreakdown& shown_sex = shown[5];
  ASSERT_EQ(shown_sex.id, "sex");
  EXPECT_EQ(shown_sex.rows[0].count, 8);
  EXPECT_EQ(shown_sex.total, 16);
  // The one episode of each return makes 2: suppressed, and so is the other row of its table.
  const Breakdown* episodes = Find(combined->tables, "missing_episodes");
  ASSERT_NE(episodes, nullptr);
  EXPECT_EQ(episodes->total, 2);
  for (const ShownBreakdown& b : shown) {
    if (b.id != "missing_episodes") continue;
    EXPECT_FALSE(b.total.has_value());
    for (const ShownRow& row : b.rows) {
      if (row.code == "still_missing") EXPECT_FALSE(row.count.has_value());
    }
  }
}

TEST(Combine, LabelsRowsAsTheProfileDoes) {
  CoreReturn north = NorthReturn(3, 3);
  CoreReturn south = BuildReturn(Tables(Area(2, 2)), "south", "South", Quarter(), October2());
  for (auto& t : south.tables) {
    if (t.id == "risk_tool_level") t.rows.insert(t.rows.begin(), ReturnRow{"very_high", 0});
  }
  Labels labels;
  labels.ethnicity = {{"asian_indian", "Asian, Asian British or Asian Welsh: Indian"}};
  labels.ethnicity_order = {"asian_indian", "white_british"};
  labels.levels = {{"very_high", "Very high risk", 0}};
  auto combined = Combine({Received("n", north), Received("s", south)}, labels);
  ASSERT_TRUE(combined);
  const Breakdown* levels = Find(combined->tables, "risk_tool_level");
  ASSERT_NE(levels, nullptr);
  // The rows in the order the returns first give them, "Not recorded" last; a level the labels
  // name by its name, others in the profile's words for the code.
  std::vector<std::string> rows, expected;
  for (const auto& r : levels->rows) rows.push_back(r.code + "=" + r.label);
  for (const auto& r : TableOf(north, "risk_tool_level").rows) {
    if (r.code != kNotRecorded)
      expected.push_back(r.code + "=" + (r.code == "high" ? "High" : "Medium"));
  }
  expected.emplace_back("very_high=Very high risk");
  expected.emplace_back("not_recorded=Not recorded");
  EXPECT_EQ(rows, expected);
  const Breakdown* ethnicity = Find(combined->tables, "ethnicity");
  ASSERT_NE(ethnicity, nullptr);
  EXPECT_EQ(ethnicity->rows[0].label, "Asian, Asian British or Asian Welsh: Indian");
  EXPECT_EQ(ethnicity->rows[1].label, "white_british");  // a code the labels lack
  EXPECT_EQ(ethnicity->rows.back().code, kNotRecorded);
}

TEST(Combine, RefusesReturnsOfAnotherPeriodNamingTheFile) {
  CoreReturn south =
      BuildReturn(Tables(Area(4, 5)), "south", "South", *ParsePeriod("2026-Q2"), October2());
  auto combined =
      Combine({Received("north.json", NorthReturn()), Received("south.json", south)}, Labels{});
  ASSERT_FALSE(combined);
  EXPECT_EQ(combined.error().message,
            "south.json: return.period: is 2026-Q2, but north.json is for 2026-Q3: the returns "
            "combined must all be for one period");
  EXPECT_TRUE(combined.error().fields.contains("south.json"));
  CoreReturn month = south;
  month.period = *ParsePeriod("2026-09");
  EXPECT_FALSE(Combine({Received("a", NorthReturn()), Received("b", month)}, Labels{}));
}

TEST(Combine, RefusesAPartnershipTwiceAndNothingAtAll) {
  auto twice =
      Combine({Received("north.json", NorthReturn()), Received("north-again.json", NorthReturn())},
              Labels{});
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().message,
            "north-again.json: return.partnership_code: the return of north is north.json "
            "already: each partnership's return is combined once");
  EXPECT_FALSE(Combine({}, Labels{}));
}

TEST(CombinedOutput, JsonAndCsv) {
  CoreReturn north = NorthReturn(4, 3);
  north.partnership_name = "=HYPERLINK(\"x\")";
  CoreReturn south = BuildReturn(Tables(Area(4, 5)), "south", "South", Quarter(), October2());
  auto combined = Combine({Received("n", north), Received("s", south)}, Labels{});
  ASSERT_TRUE(combined);
  auto shown = ShowAll(combined->tables, {}, Labels{}, Release::kPublished);
  Instant now = *ParseRfc3339("2026-12-07T10:00:00Z");
  json out = json::parse(CombinedJson(*combined, shown, now));
  EXPECT_EQ(out["kind"], "harbour-combined-returns");
  EXPECT_EQ(out["period"]["code"], "2026-Q3");
  EXPECT_EQ(out["release"], "published");
  EXPECT_EQ(out["partnerships"].size(), 2U);
  EXPECT_EQ(out["tables"].size(), CoreDataSet().size());
  const json& episodes = out["tables"][14];
  EXPECT_EQ(episodes["id"], "missing_episodes");
  EXPECT_EQ(episodes["total"], "c");
  EXPECT_EQ(out["tables"][5]["rows"][0]["count"], 8);
  std::string csv = CombinedCsv(*combined, shown, now);
  EXPECT_TRUE(csv.starts_with(kCsvByteOrderMark));
  EXPECT_NE(csv.find("'=HYPERLINK"), std::string::npos);
  EXPECT_NE(csv.find("female,Female,8,50.0%\r\n"), std::string::npos);
  EXPECT_NE(csv.find("total,Total,c,\r\n"), std::string::npos);
}

// The fuzz target's seed: a valid return signed with its key, as this helper writes it
// (HARBOUR_WRITE_FUZZ_SEED=1 rewrites the committed file).
TEST(FuzzSeed, TheCorpusHoldsAValidReturn) {
  namespace fs = std::filesystem;
  const fs::path path =
      fs::path(HARBOUR_TEST_SOURCE_DIR) / "tests/fuzz/corpus/profile_return_fuzz/valid-return.json";
  if (std::getenv("HARBOUR_WRITE_FUZZ_SEED") != nullptr) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << Signed(NorthReturn());
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << path << " is missing: run with HARBOUR_WRITE_FUZZ_SEED=1";
  std::stringstream committed;
  committed << in.rdbuf();
  auto read = ReadReturn(committed.str(), {{"north", FixedKey(1).Public()}}, "seed");
  EXPECT_TRUE(read) << read.error().message << ": run with HARBOUR_WRITE_FUZZ_SEED=1";
}

}  // namespace
}  // namespace harbour::profile
