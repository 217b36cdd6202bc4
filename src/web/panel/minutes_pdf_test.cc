#include "web/panel/minutes_pdf.h"

#include <gtest/gtest.h>

namespace harbour::web {
namespace {

panel::Minutes SampleMinutes(int items) {
  panel::Minutes m;
  m.panel = "CSEP";
  m.reference = "CSEP 2026-12-03";
  m.when = "3 December 2026 14:00";
  m.where = "Room 2, Civic Centre";
  m.attendance = {{"a1", "Safe Futures", panel::Attendance::kPresent, {"Kim Test"}}};
  for (int i = 1; i <= items; ++i) {
    panel::MinutesItem item;
    item.position = i;
    item.child_name = "Child Number" + std::to_string(i);
    item.reason = "New referral";
    item.discussed = true;
    item.category = "Category 2: significant risk";
    item.models = "Peer exploitation";
    item.plan = std::string(600, 'p') + " a long plan that must wrap across several lines";
    item.next_review = "14 January 2027";
    item.actions = {{"Visit the hotel", "Kim Test (Safe Futures)", "10 December 2026", "Open"}};
    m.items.push_back(item);
  }
  m.produced = "Produced by a test";
  return m;
}

TEST(MinutesPdf, IsAPdfCarryingTheMinutesText) {
  auto pdf = MinutesPdf(SampleMinutes(2));
  ASSERT_TRUE(pdf.has_value());
  EXPECT_TRUE(pdf->starts_with("%PDF-"));
  EXPECT_NE(pdf->find("%%EOF"), std::string::npos);
  // Uncompressed, so the text is in the content streams.
  EXPECT_NE(pdf->find("Minutes of the CSEP 2026-12-03 meeting"), std::string::npos);
  EXPECT_NE(pdf->find("Child Number2"), std::string::npos);
  EXPECT_NE(pdf->find("OFFICIAL-SENSITIVE"), std::string::npos);
}

TEST(MinutesPdf, LongMinutesRunOntoMorePagesEachMarked) {
  auto pdf = MinutesPdf(SampleMinutes(40));
  ASSERT_TRUE(pdf.has_value());
  EXPECT_NE(pdf->find("CSEP 2026-12-03 minutes, page 3"), std::string::npos);
  std::size_t marks = 0;
  for (auto at = pdf->find("OFFICIAL-SENSITIVE"); at != std::string::npos;
       at = pdf->find("OFFICIAL-SENSITIVE", at + 1)) {
    ++marks;
  }
  EXPECT_GE(marks, 3U);
}

TEST(ToWinAnsi, MapsLatinAndTypographyAndReplacesTheRest) {
  EXPECT_EQ(ToWinAnsi("Zo\xC3\xAB"), "Zo\xEB");                      // ë
  EXPECT_EQ(ToWinAnsi("\xE2\x80\x9Cok\xE2\x80\x9D"), "\x93ok\x94");  // curly quotes
  EXPECT_EQ(ToWinAnsi("\xE2\x82\xAC"
                      "5"),
            "\x80"
            "5");                             // euro
  EXPECT_EQ(ToWinAnsi("\xE5\xAD\x90"), "?");  // CJK
  EXPECT_EQ(ToWinAnsi("\xFF\xC3"), "??");     // invalid, truncated
  EXPECT_EQ(ToWinAnsi("a\tb"), "a b");
}

}  // namespace
}  // namespace harbour::web
