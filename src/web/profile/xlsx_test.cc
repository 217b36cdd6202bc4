#include "web/profile/xlsx.h"

#include <gtest/gtest.h>
#include <stdlib.h>  // setenv, unsetenv
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

namespace harbour::web {
namespace {

profile::ExportHeader Header(profile::Release release = profile::Release::kPublished) {
  return profile::ExportHeader{.period_code = "2024-Q2",
                               .period_label = "April to June 2024 (2024-Q2)",
                               .previous_label = "January to March 2024 (2024-Q1)",
                               .filters = "No filters",
                               .generated_at = "1 July 2024 09:00",
                               .release = release};
}

profile::ShownBreakdown SexTable(std::string agency_name) {
  profile::ShownBreakdown b;
  b.id = "sex";
  b.title = "Sex";
  b.counting = "children";
  profile::ShownRow female;
  female.code = "female";
  female.label = "Female";
  female.count = 23;
  female.previous = 0;
  female.percent = 79.3;
  profile::ShownRow male;
  male.code = "male";
  male.label = "Male";
  male.percent_suppressed = true;
  b.rows = {female, male};
  b.total = 29;
  b.previous_total = 0;
  profile::ShownCompleteness agency;
  agency.agency_id = "a1";
  agency.agency = std::move(agency_name);
  agency.counted = 7;
  agency.recorded = 7;
  agency.percent = 100.0;
  b.completeness = {agency};
  return b;
}

std::vector<profile::MonthCount> Trend() {
  return {{.month = "2024-05", .children = 29, .referrals = 3, .episodes = 0}};
}

bool IsZip(const std::string& bytes) { return bytes.rfind(std::string("PK\x03\x04", 4), 0) == 0; }

// TMPDIR pointed at an empty directory of the test's own while it lives.
class OwnTemporaryDirectory {
 public:
  OwnTemporaryDirectory() {
    const char* old = std::getenv("TMPDIR");
    if (old != nullptr) old_ = old;
    dir_ = std::filesystem::temp_directory_path() /
           ("harbour-xlsx-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    ::setenv("TMPDIR", dir_.c_str(), 1);
  }
  ~OwnTemporaryDirectory() {
    if (old_) {
      ::setenv("TMPDIR", old_->c_str(), 1);
    } else {
      ::unsetenv("TMPDIR");
    }
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  OwnTemporaryDirectory(const OwnTemporaryDirectory&) = delete;
  OwnTemporaryDirectory& operator=(const OwnTemporaryDirectory&) = delete;

  bool IsEmpty() const { return std::filesystem::is_empty(dir_); }

 private:
  std::filesystem::path dir_;
  std::optional<std::string> old_;
};

TEST(XlsxText, GuardsWhatASpreadsheetReadsAsAFormulaAsCsvCellDoes) {
  EXPECT_EQ(XlsxText("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
  EXPECT_EQ(XlsxText("+1"), "'+1");
  EXPECT_EQ(XlsxText("-1"), "'-1");
  EXPECT_EQ(XlsxText("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(XlsxText("\tx"), "'\tx");
  EXPECT_EQ(XlsxText("\rx"), "'\rx");
  EXPECT_EQ(XlsxText("Safe Futures = good"), "Safe Futures = good");
  EXPECT_EQ(XlsxText(""), "");
}

TEST(XlsxText, ReplacesInvalidUtf8) {
  EXPECT_EQ(XlsxText("Zo\xC3\xAB"), "Zo\xC3\xAB");
  EXPECT_EQ(XlsxText("a\xFF"
                     "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(XlsxText("\xC3"), "\xEF\xBF\xBD");
  EXPECT_EQ(XlsxText("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate
  EXPECT_EQ(XlsxText("\xF0\x9F\x98\x80!"), "\xF0\x9F\x98\x80!");
}

TEST(ProfileXlsx, IsAZipFileAndLeavesNoTemporaryFile) {
  OwnTemporaryDirectory tmp;
  auto xlsx = ProfileXlsx(Header(), {SexTable("Safe Futures")}, Trend());
  ASSERT_TRUE(xlsx) << xlsx.error().message;
  EXPECT_TRUE(IsZip(*xlsx));
  EXPECT_GT(xlsx->size(), 1000U);
  EXPECT_TRUE(tmp.IsEmpty());
}

TEST(ProfileXlsx, WritesFormulaLikeTextAndInvalidUtf8WithoutFailing) {
  auto header = Header(profile::Release::kInternal);
  header.filters = "=cmd|' /C calc'!A0 \xC3\x28";
  auto table = SexTable("=HYPERLINK(\"http://example.invalid\",\"x\") \xFF\xFE");
  table.note = "@note";
  table.rows[0].label = "-\x80";
  auto xlsx = ProfileXlsx(header, {table, table}, {});
  ASSERT_TRUE(xlsx) << xlsx.error().message;
  EXPECT_TRUE(IsZip(*xlsx));
}

TEST(ProfileXlsx, FailsCleanlyWhenNoTemporaryFileCanBeMade) {
  OwnTemporaryDirectory tmp;
  ::setenv("TMPDIR", "/nonexistent/harbour-xlsx-test", 1);
  auto xlsx = ProfileXlsx(Header(), {SexTable("Safe Futures")}, Trend());
  ASSERT_FALSE(xlsx);
  EXPECT_EQ(xlsx.error().kind, ErrorKind::kInternal);
  EXPECT_EQ(xlsx.error().code, "xlsx_failed");
}

TEST(ProfileXlsx, WritesAnEmptyProfile) {
  auto xlsx = ProfileXlsx(Header(), {}, {});
  ASSERT_TRUE(xlsx) << xlsx.error().message;
  EXPECT_TRUE(IsZip(*xlsx));
}

}  // namespace
}  // namespace harbour::web
