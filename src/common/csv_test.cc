#include "common/csv.h"

#include <gtest/gtest.h>

namespace harbour {
namespace {

TEST(CsvCell, PlainTextIsWrittenAsItIs) {
  EXPECT_EQ(CsvCell("concern.create"), "concern.create");
  EXPECT_EQ(CsvCell(""), "");
  EXPECT_EQ(CsvCell("Zoë O'Brien"), "Zoë O'Brien");
  EXPECT_EQ(CsvCell("a-b"), "a-b") << "only a leading sign starts a formula";
}

TEST(CsvCell, AuditExportGuardsEveryCellAgainstFormulae) {
  // Regression (the audit export): a cell a spreadsheet would run as a formula is prefixed
  // with an apostrophe, whatever the field.
  EXPECT_EQ(CsvCell("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
  EXPECT_EQ(CsvCell("=1+2"), "'=1+2");
  EXPECT_EQ(CsvCell("+44 1632 960000"), "'+44 1632 960000");
  EXPECT_EQ(CsvCell("-2+3"), "'-2+3");
  EXPECT_EQ(CsvCell("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(CsvCell("\tcmd"), "'\tcmd");
  EXPECT_EQ(CsvCell("\r=1"), "\"'\r=1\"");
  EXPECT_EQ(CsvCell("'=1"), "'=1") << "an apostrophe already first needs nothing more";
}

TEST(CsvCell, QuotesCommasQuotesLineBreaksAndEdgeSpaces) {
  EXPECT_EQ(CsvCell("12 shown, 3 outside access"), "\"12 shown, 3 outside access\"");
  EXPECT_EQ(CsvCell("say \"no\""), "\"say \"\"no\"\"\"");
  EXPECT_EQ(CsvCell("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvCell(" padded "), "\" padded \"");
}

TEST(CsvCell, ReplacesInvalidUtf8) {
  EXPECT_EQ(CsvCell("a\xFF"
                    "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(CsvCell("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD") << "overlong";
  EXPECT_EQ(CsvCell("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD") << "surrogate";
  EXPECT_EQ(CsvCell("\xE2\x82"), "\xEF\xBF\xBD\xEF\xBF\xBD") << "truncated";
  EXPECT_EQ(CsvCell("\xF0\x9F\x99\x82"), "\xF0\x9F\x99\x82");
}

TEST(CsvRow, JoinsCellsWithCommasAndEndsInCrLf) {
  EXPECT_EQ(CsvRow({"seq", "action", "detail"}), "seq,action,detail\r\n");
  EXPECT_EQ(CsvRow({"1", "=cmd", "a,b"}), "1,'=cmd,\"a,b\"\r\n");
  EXPECT_EQ(CsvRow({"", ""}), ",\r\n");
  EXPECT_EQ(CsvRow({}), "\r\n");
}

}  // namespace
}  // namespace harbour
