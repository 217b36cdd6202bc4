#include "web/panel/minutes_pdf.h"

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <stdexcept>

#include "common/text.h"

namespace harbour::web {
namespace {

// The Debian fonts (scripts/setup installs them), loaded once for every test.
const PdfFonts& Fonts() {
  static const std::shared_ptr<const PdfFonts> fonts = [] {
    auto loaded = PdfFonts::Load(DebianPdfFontFiles());
    if (!loaded) ADD_FAILURE() << loaded.error().message;
    return loaded ? *loaded : nullptr;
  }();
  if (!fonts) throw std::runtime_error("the Debian PDF fonts could not be loaded (scripts/setup)");
  return *fonts;
}

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

// The text of the PDF's lines, in drawing (visual) order. The page content is uncompressed and
// libharu writes the UTF-8 encoder's text as hex UTF-16BE strings ("<005A006F00EB> Tj"), one
// BT ... ET block per line.
std::vector<std::string> PdfLines(const std::string& pdf) {
  static const std::regex kBlock("\nBT\n([\\s\\S]*?)\nET(?=\n)");
  static const std::regex kShow("<([0-9A-Fa-f]*)> Tj");
  std::vector<std::string> lines;
  for (std::sregex_iterator b(pdf.begin(), pdf.end(), kBlock), end; b != end; ++b) {
    std::string block = (*b)[1];
    std::u16string units;
    for (std::sregex_iterator s(block.begin(), block.end(), kShow); s != end; ++s) {
      std::string hex = (*s)[1];
      for (std::size_t i = 0; i + 4 <= hex.size(); i += 4) {
        units.push_back(static_cast<char16_t>(std::stoul(hex.substr(i, 4), nullptr, 16)));
      }
    }
    if (units.empty()) continue;
    std::string utf8;
    icu::UnicodeString(units.data(), static_cast<int32_t>(units.size())).toUTF8String(utf8);
    lines.push_back(utf8);
  }
  return lines;
}

bool HasLine(const std::vector<std::string>& lines, const std::string& wanted) {
  return std::ranges::find(lines, wanted) != lines.end();
}

std::string Joined(const std::vector<std::string>& lines) {
  std::string all;
  for (const auto& line : lines) all += line + "\n";
  return all;
}

std::u32string Utf32(std::string_view utf8) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  std::u32string out;
  for (int32_t i = 0; i < s.length(); i += U16_LENGTH(s.char32At(i)))
    out += static_cast<char32_t>(s.char32At(i));
  return out;
}

std::string Utf8(const std::u32string& text) {
  icu::UnicodeString s;
  for (char32_t c : text) s.append(static_cast<UChar32>(c));
  std::string out;
  s.toUTF8String(out);
  return out;
}

// Arabic joined forms back to letters (NFKC), so a line can be compared with what was typed.
std::string Nfkc(const std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  std::string out;
  nfkc->normalize(icu::UnicodeString::fromUTF8(utf8), status).toUTF8String(out);
  return out;
}

// The defect: the minutes PDF used Helvetica with Windows-1252, so "Ń" (and every letter
// outside that code page) came out as "?". Every name Harbour can store must come out right.
TEST(MinutesPdf, EveryStoredNameComesOutRight) {
  const std::vector<std::string> names{
      "Zoë Ńowak-O'Brien",           // Polish, Irish apostrophe
      "Łucja Żółć",                  // Polish
      "Nguyễn Thị Ánh",              // Vietnamese: two accents on one letter
      "Şükrü Öztürk-Iğdır İnal",     // Turkish
      "Dvořák Šťastný Jiří Ůlehla",  // Czech
      "Siobhán Ó Súilleabháin",      // Irish
      "Ștefan Țurcanu",              // Romanian
      "Þórdís Guðmundsdóttir",       // Icelandic
      "Ǆemal Ǉubić ǅ",               // Latin Extended-B digraphs
      "Ελένη Παπαδοπούλου",          // Greek
      "Анна Іванова-Ґалич",          // Cyrillic (Ukrainian)
      "Արամ Պետրոսյան",              // Armenian
      "ნინო ბერიძე",                 // Georgian
      "李小龍",                      // Chinese
      "김민준",                      // Korean
      "さくら タナカ",               // Japanese kana
      "ሰላም ተስፋዬ",                    // Amharic (Ethiopic)
      "สมชาย ใจดี",                   // Thai
      "राम शर्मा",                    // Devanagari
  };
  panel::Minutes m = SampleMinutes(0);
  for (const std::string& name : names) {
    panel::MinutesItem item;
    item.position = static_cast<int>(m.items.size()) + 1;
    item.child_name = name;
    item.reason = "New referral";
    m.items.push_back(item);
  }
  const std::string hebrew = "שרה כהן";
  const std::string arabic = "محمد علي";
  for (const std::string& rtl : {hebrew, arabic}) {
    panel::MinutesItem item;
    item.position = static_cast<int>(m.items.size()) + 1;
    item.child_name = rtl;
    item.reason = "Review due";
    m.items.push_back(item);
  }

  // Every character has a glyph in one of the fonts.
  for (const auto& item : m.items) {
    for (char32_t c : Utf32(item.child_name)) {
      EXPECT_GE(Fonts().FontFor(c, true), 0)
          << item.child_name << " U+" << std::hex << static_cast<unsigned>(c);
    }
  }
  auto pdf = MinutesPdf(m, Fonts());
  ASSERT_TRUE(pdf.has_value()) << pdf.error().message;
  std::vector<std::string> lines = PdfLines(*pdf);
  for (std::size_t i = 0; i < names.size(); ++i) {
    EXPECT_TRUE(HasLine(lines, std::to_string(i + 1) + ". " + names[i] + " (New referral)"))
        << names[i] << " is not in:\n"
        << Joined(lines);
  }
  // Right-to-left names are drawn right to left, Arabic with its letters joined.
  std::u32string hebrew_visual = Utf32(hebrew);
  std::ranges::reverse(hebrew_visual);
  std::size_t at = names.size() + 1;
  EXPECT_TRUE(HasLine(lines, std::to_string(at) + ". " + Utf8(hebrew_visual) + " (Review due)"))
      << Joined(lines);
  std::u32string arabic_visual = Utf32(arabic);
  std::ranges::reverse(arabic_visual);
  std::string arabic_line = std::to_string(at + 1) + ". " + Utf8(arabic_visual) + " (Review due)";
  auto joined = std::ranges::find_if(lines, [&](const std::string& line) {
    return line != arabic_line && Nfkc(line) == arabic_line;
  });
  EXPECT_NE(joined, lines.end()) << "joined Arabic " << arabic_line << " in:\n" << Joined(lines);

  EXPECT_EQ(Joined(lines).find('?'), std::string::npos) << Joined(lines);
  EXPECT_EQ(Joined(lines).find("[U+"), std::string::npos) << Joined(lines);
  // The fonts are embedded, with a map back to Unicode for search and copy.
  EXPECT_NE(pdf->find("/FontFile2"), std::string::npos);
  EXPECT_NE(pdf->find("/ToUnicode"), std::string::npos);
  EXPECT_EQ(pdf->find("/BaseFont /Helvetica"), std::string::npos);
}

TEST(MinutesPdf, IsAPdfCarryingTheMinutesText) {
  auto pdf = MinutesPdf(SampleMinutes(2), Fonts());
  ASSERT_TRUE(pdf.has_value()) << pdf.error().message;
  EXPECT_TRUE(pdf->starts_with("%PDF-"));
  EXPECT_NE(pdf->find("%%EOF"), std::string::npos);
  std::vector<std::string> lines = PdfLines(*pdf);
  EXPECT_TRUE(HasLine(lines, "Minutes of the CSEP 2026-12-03 meeting")) << Joined(lines);
  EXPECT_TRUE(HasLine(lines, "2. Child Number2 (New referral)")) << Joined(lines);
  EXPECT_TRUE(HasLine(lines, "OFFICIAL-SENSITIVE"));
  EXPECT_TRUE(HasLine(lines, "Safe Futures: Present (Kim Test)"));
  // No note about characters that could not be shown.
  EXPECT_EQ(Joined(lines).find("Unicode code"), std::string::npos);
}

TEST(MinutesPdf, LongMinutesRunOntoMorePagesEachMarked) {
  auto pdf = MinutesPdf(SampleMinutes(40), Fonts());
  ASSERT_TRUE(pdf.has_value()) << pdf.error().message;
  std::vector<std::string> lines = PdfLines(*pdf);
  EXPECT_TRUE(HasLine(lines, "CSEP 2026-12-03 minutes, page 3"));
  EXPECT_GE(std::ranges::count(lines, std::string("OFFICIAL-SENSITIVE")), 3);
}

TEST(MinutesPdf, CharactersNoFontHasAreWrittenAsTheirCodeAndExplained) {
  panel::Minutes m = SampleMinutes(1);
  m.items[0].child_name = "Kai \xF0\x9F\x98\x80 Smith";  // an emoji, outside the BMP
  auto pdf = MinutesPdf(m, Fonts());
  ASSERT_TRUE(pdf.has_value()) << pdf.error().message;
  std::string text = Joined(PdfLines(*pdf));
  EXPECT_NE(text.find("1. Kai [U+1F600] Smith (New referral)"), std::string::npos) << text;
  EXPECT_NE(text.find("written as their Unicode code"), std::string::npos) << text;
  EXPECT_EQ(text.find('?'), std::string::npos) << text;
}

TEST(MinutesPdf, AFontGoneAfterStartUpIsAClearErrorNotQuestionMarks) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("harbour-font-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::path copy = dir / "DejaVuSans.ttf";
  fs::copy_file(DebianPdfFontFiles().regular, copy, fs::copy_options::overwrite_existing);
  PdfFontFiles files = DebianPdfFontFiles();
  files.regular = copy.string();
  auto fonts = PdfFonts::Load(files);
  ASSERT_TRUE(fonts.has_value()) << fonts.error().message;
  fs::remove_all(dir);
  auto pdf = MinutesPdf(SampleMinutes(1), **fonts);
  ASSERT_FALSE(pdf.has_value());
  EXPECT_EQ(pdf.error().kind, ErrorKind::kUnavailable);
  EXPECT_EQ(pdf.error().code, "pdf_font_missing");
  EXPECT_NE(pdf.error().message.find(copy.string()), std::string::npos) << pdf.error().message;
}

TEST(PdfFonts, AMissingOrBrokenFontFileIsRefusedByName) {
  PdfFontFiles files = DebianPdfFontFiles();
  files.bold = "/nonexistent/Harbour-Bold.ttf";
  auto missing = PdfFonts::Load(files);
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().kind, ErrorKind::kInvalid);
  EXPECT_EQ(missing.error().code, "pdf_font");
  EXPECT_NE(missing.error().message.find("/nonexistent/Harbour-Bold.ttf"), std::string::npos);

  auto not_a_font_path = std::filesystem::temp_directory_path() /
                         ("harbour-not-a-font-" + std::to_string(::getpid()) + ".ttf");
  std::ofstream(not_a_font_path) << "not a font";
  files = DebianPdfFontFiles();
  files.fallbacks = {not_a_font_path.string()};
  auto broken = PdfFonts::Load(files);
  std::filesystem::remove(not_a_font_path);
  ASSERT_FALSE(broken.has_value());
  EXPECT_EQ(broken.error().code, "pdf_font");
  EXPECT_NE(broken.error().message.find("is not a TrueType font"), std::string::npos)
      << broken.error().message;
}

TEST(PdfFonts, FindsEachCharacterInTheFirstFontThatHasIt) {
  EXPECT_EQ(Fonts().FontFor(U'Ń', false), 0);
  EXPECT_EQ(Fonts().FontFor(U'Ń', true), 1);
  EXPECT_GE(Fonts().FontFor(U'李', false), 2);  // a fallback
  EXPECT_EQ(Fonts().FontFor(U'\U0001F600', false), -1);
  EXPECT_GT(Fonts().Advance(0, U'W', 10), Fonts().Advance(0, U'i', 10));
}

TEST(WrapText, LongMultiByteTextStaysWithinTheLineAndNeverSplitsACharacter) {
  // No spaces at all, then decomposed accents ("e" + circumflex + tilde), then words.
  std::string word;
  for (int i = 0; i < 40; ++i) word += "Żółć";
  std::string decomposed;
  for (int i = 0; i < 30; ++i) decomposed += "Nguye\xCC\x82\xCC\x83n";
  std::string text =
      word + " " + decomposed + " Łucja Żółć Łucja Żółć Łucja Żółć 李小龍李小龍李小龍";
  const float width = 90;
  std::vector<std::string> lines = WrapText(Fonts(), text, false, 10, width);
  ASSERT_GT(lines.size(), 5U);
  std::string rejoined;
  for (const std::string& line : lines) {
    EXPECT_TRUE(IsValidUtf8(line)) << line;
    EXPECT_LE(TextWidth(Fonts(), line, false, 10), width) << line;
    EXPECT_FALSE(line.starts_with("\xCC\x82") || line.starts_with("\xCC\x83"))
        << "an accent was parted from its letter: " << line;
    EXPECT_FALSE(line.empty());
    rejoined += line;
  }
  std::string without_spaces = text;
  std::erase(without_spaces, ' ');
  std::erase(rejoined, ' ');
  EXPECT_EQ(rejoined, without_spaces);
  // Words are kept whole where they fit.
  EXPECT_EQ(WrapText(Fonts(), "Łucja Żółć Ńowak", false, 10, 1000),
            std::vector<std::string>{"Łucja Żółć Ńowak"});
  float one_word = TextWidth(Fonts(), "Łucja Żółć", false, 10);
  EXPECT_EQ(WrapText(Fonts(), "Łucja Żółć Ńowak", false, 10, one_word + 1),
            (std::vector<std::string>{"Łucja Żółć", "Ńowak"}));
}

}  // namespace
}  // namespace harbour::web
