#include "audit/filter.h"

#include <gtest/gtest.h>

namespace harbour::audit {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using namespace std::chrono_literals;

constexpr std::string_view kChild = "0123456789abcdef0123456789abcdef";

Query Parsed(const FilterInput& input) {
  auto q = ParseQuery(input);
  EXPECT_TRUE(q.has_value()) << (q ? "" : q.error().message);
  return q ? *q : Query{};
}

std::map<std::string, std::string> Problems(const FilterInput& input) {
  auto q = ParseQuery(input);
  EXPECT_FALSE(q.has_value());
  if (q) return {};
  EXPECT_EQ(q.error().kind, ErrorKind::kInvalid);
  return q.error().fields;
}

TEST(AuditFilter, AnEmptyQueryIsTheWholeTrailFromTheNewest) {
  Query q = Parsed({});
  EXPECT_TRUE(q.filter.Empty());
  EXPECT_FALSE(q.page.before);
  EXPECT_FALSE(q.page.after);
  EXPECT_EQ(ToQueryString(q.filter), "");
  EXPECT_EQ(Describe(q.filter), "no filter");
}

TEST(AuditFilter, AuditFiltersByUserAgencyActionOutcomeAndDates) {
  FilterInput in;
  in.child = " 0123456789ABCDEF0123456789abcdef ";  // pasted in capitals
  in.user = "Demo.Practitioner";
  in.agency = "hpol";
  in.action = "concern.create";
  in.outcome = "refused";
  in.from_day = "1";
  in.from_month = "Mar";
  in.from_year = "2026";
  in.to = "2026-03-31";
  Query q = Parsed(in);
  EXPECT_EQ(q.filter.child_id, kChild);
  EXPECT_EQ(q.filter.username, "demo.practitioner");
  EXPECT_EQ(q.filter.agency, "HPOL");
  EXPECT_EQ(q.filter.action, "concern.create");
  EXPECT_TRUE(q.filter.refused_only);
  EXPECT_EQ(q.filter.from, (Date{year(2026), month(3), day(1)}));
  EXPECT_EQ(q.filter.to, (Date{year(2026), month(3), day(31)}));
  EXPECT_EQ(ToQueryString(q.filter),
            "child=0123456789abcdef0123456789abcdef&user=demo.practitioner&agency=HPOL&action="
            "concern.create&outcome=refused&from=2026-03-01&to=2026-03-31");
  EXPECT_EQ(Describe(q.filter),
            "child 0123456789abcdef0123456789abcdef; user demo.practitioner; agency HPOL; action "
            "concern.create; refusals only; from 2026-03-01; to 2026-03-31");
}

TEST(AuditFilter, DatesAreWholeDaysInLondon) {
  FilterInput in;
  in.from = "2026-03-01";  // GMT
  in.to = "2026-07-31";    // BST: the day ends at 23:00 UTC
  Query q = Parsed(in);
  EXPECT_EQ(FormatRfc3339(*q.filter.FromInstant()), "2026-03-01T00:00:00Z");
  EXPECT_EQ(FormatRfc3339(*q.filter.UntilInstant()), "2026-07-31T23:00:00Z");
  FilterInput summer;
  summer.from = "2026-06-01";
  summer.to = "2026-06-01";
  Query one = Parsed(summer);
  EXPECT_EQ(FormatRfc3339(*one.filter.FromInstant()), "2026-05-31T23:00:00Z");
  EXPECT_EQ(FormatRfc3339(*one.filter.UntilInstant()), "2026-06-01T23:00:00Z");
}

TEST(AuditFilter, TheIsoDateWinsOverTheBoxes) {
  FilterInput in;
  in.from = "2026-02-03";
  in.from_day = "x";
  EXPECT_EQ(Parsed(in).filter.from, (Date{year(2026), month(2), day(3)}));
}

TEST(AuditFilter, NamesEveryBadFieldWithGovUkWording) {
  FilterInput in;
  in.child = "not-an-id";
  in.user = "two words";
  in.agency = "TOO-LONG-FOR-A-CODE";
  in.action = "concern.delete";
  in.outcome = "allowed";
  in.from_day = "31";
  in.from_month = "2";
  in.from_year = "2026";
  in.to_day = "1";
  in.to_year = "2026";
  auto p = Problems(in);
  EXPECT_EQ(p.size(), 7u);
  EXPECT_TRUE(p["child"].starts_with("Enter a child record ID")) << p["child"];
  EXPECT_TRUE(p["user"].starts_with("Enter a username")) << p["user"];
  EXPECT_TRUE(p["agency"].starts_with("Enter an agency code")) << p["agency"];
  EXPECT_EQ(p["action"], "Choose an action from the list");
  EXPECT_TRUE(p["outcome"].starts_with("Select refusals only")) << p["outcome"];
  EXPECT_EQ(p["from"], "Date from must be a real date");
  EXPECT_EQ(p["to"], "Date to must include a month");
}

TEST(AuditFilter, RefusesAnIsoDateThatIsNotReal) {
  FilterInput in;
  in.to = "2026-02-30";
  EXPECT_EQ(Problems(in)["to"], "Date to must be a real date, for example 2026-03-27");
}

TEST(AuditFilter, RefusesADateRangeThatEndsBeforeItStarts) {
  FilterInput in;
  in.from = "2026-03-02";
  in.to = "2026-03-01";
  EXPECT_EQ(Problems(in)["to"], "Date to must be the same as or after date from");
  in.to = "2026-03-02";
  EXPECT_TRUE(ParseQuery(in).has_value()) << "one day is a range";
}

TEST(AuditFilter, AcceptsTheCliAndSystemUsersAndAgency) {
  FilterInput in;
  in.user = "cli:root";
  in.agency = "-";
  Query q = Parsed(in);
  EXPECT_EQ(q.filter.username, "cli:root");
  EXPECT_EQ(q.filter.agency, "-");
}

TEST(AuditFilter, RefusesNonAsciiAndOverlongValues) {
  FilterInput in;
  in.user = "zoë";
  in.agency = "HPÖL";
  auto p = Problems(in);
  EXPECT_TRUE(p.contains("user"));
  EXPECT_TRUE(p.contains("agency"));
  FilterInput longer;
  longer.user = std::string(101, 'a');
  EXPECT_TRUE(Problems(longer).contains("user"));
  longer.user = std::string(100, 'a');
  EXPECT_TRUE(ParseQuery(longer).has_value());
}

TEST(AuditFilter, PagingCursorsAreWholeNumbersOrIgnored) {
  FilterInput in;
  in.before = "120";
  in.after = "7";
  Query q = Parsed(in);
  EXPECT_EQ(q.page.before, 120);
  EXPECT_FALSE(q.page.after) << "before wins";
  for (const char* bad : {"0", "-3", "1e3", "12a", "", "9999999999999999999"}) {
    FilterInput junk;
    junk.before = bad;
    Query j = Parsed(junk);
    EXPECT_FALSE(j.page.before) << bad;
  }
  FilterInput newer;
  newer.after = "7";
  EXPECT_EQ(Parsed(newer).page.after, 7);
}

TEST(AuditFilter, QueryStringIsPercentEncodedAndRoundTrips) {
  FilterInput in;
  in.user = "cli:root";
  in.from = "2026-01-05";
  Query q = Parsed(in);
  EXPECT_EQ(ToQueryString(q.filter), "user=cli%3Aroot&from=2026-01-05");
}

}  // namespace
}  // namespace harbour::audit
