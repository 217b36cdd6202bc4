#include "web/panel/minutes_pdf.h"

#include <hpdf.h>

#include <array>
#include <memory>
#include <utility>

namespace harbour::web {

namespace {

constexpr HPDF_REAL kMargin = 56;  // points (about 2 cm)
constexpr HPDF_REAL kBodySize = 10;
constexpr HPDF_REAL kLeading = 1.35F;

// libharu reports errors through a callback; the first one is kept and checked at the end.
struct ErrorSink {
  HPDF_STATUS code = HPDF_OK;
};

void OnError(HPDF_STATUS error, HPDF_STATUS /*detail*/, void* user_data) {
  auto* sink = static_cast<ErrorSink*>(user_data);
  if (sink->code == HPDF_OK) sink->code = error;
}

// Decodes one UTF-8 sequence at `i`; returns the code point (or 0xFFFD) and advances `i`.
char32_t NextCodePoint(std::string_view s, std::size_t& i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char lead = byte(i);
  int extra = lead < 0x80           ? 0
              : (lead >> 5) == 0x6  ? 1
              : (lead >> 4) == 0xE  ? 2
              : (lead >> 3) == 0x1E ? 3
                                    : -1;
  if (extra < 0) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = extra == 0 ? lead : lead & (0x3F >> extra);
  for (int k = 1; k <= extra; ++k) {
    if (i + k >= s.size() || (byte(i + k) & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  i += extra + 1;
  return cp;
}

char WinAnsiFor(char32_t cp) {
  if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF)) return static_cast<char>(cp);
  static constexpr std::array<std::pair<char32_t, unsigned char>, 12> kMapped{{
      {0x20AC, 0x80},  // euro
      {0x2018, 0x91},
      {0x2019, 0x92},
      {0x201C, 0x93},
      {0x201D, 0x94},
      {0x2022, 0x95},  // bullet
      {0x2013, 0x96},  // en dash
      {0x2014, 0x97},  // em dash
      {0x2026, 0x85},  // ellipsis
      {0x0152, 0x8C},
      {0x0153, 0x9C},
      {0x2122, 0x99},
  }};
  for (const auto& [from, to] : kMapped) {
    if (from == cp) return static_cast<char>(to);
  }
  return '?';
}

// Writes flowing text down A4 pages, starting a new page when the next line would not fit.
class Writer {
 public:
  Writer(HPDF_Doc doc, std::string reference) : doc_(doc), reference_(std::move(reference)) {
    regular_ = HPDF_GetFont(doc_, "Helvetica", "WinAnsiEncoding");
    bold_ = HPDF_GetFont(doc_, "Helvetica-Bold", "WinAnsiEncoding");
    NewPage();
  }

  void Heading(std::string_view text, HPDF_REAL size) {
    Space(size * 0.6F);
    Wrapped(text, bold_, size, 0);
  }

  // A "Label: text" line; the text wraps under itself.
  void Field(std::string_view label, std::string_view text, HPDF_REAL indent = 0) {
    if (text.empty()) return;
    Wrapped(std::string(label) + ": " + std::string(text), regular_, kBodySize, indent);
  }

  void Paragraph(std::string_view text, HPDF_REAL indent = 0) {
    Wrapped(text, regular_, kBodySize, indent);
  }

  void Space(HPDF_REAL points) { y_ -= points; }

 private:
  void NewPage() {
    page_ = HPDF_AddPage(doc_);
    HPDF_Page_SetSize(page_, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
    ++pages_;
    HPDF_REAL height = HPDF_Page_GetHeight(page_);
    Line(bold_, 8, kMargin, height - kMargin / 2, "OFFICIAL-SENSITIVE");
    Line(regular_, 8, kMargin, kMargin / 2,
         ToWinAnsi(reference_ + " minutes, page " + std::to_string(pages_)));
    y_ = height - kMargin;
  }

  void Line(HPDF_Font font, HPDF_REAL size, HPDF_REAL x, HPDF_REAL y, const std::string& text) {
    HPDF_Page_BeginText(page_);
    HPDF_Page_SetFontAndSize(page_, font, size);
    HPDF_Page_TextOut(page_, x, y, text.c_str());
    HPDF_Page_EndText(page_);
  }

  // Each line of `text` (split at '\n') wrapped at word boundaries to the page's width.
  void Wrapped(std::string_view text, HPDF_Font font, HPDF_REAL size, HPDF_REAL indent) {
    std::string encoded = ToWinAnsi(text);
    HPDF_REAL width = HPDF_Page_GetWidth(page_) - 2 * kMargin - indent;
    std::size_t start = 0;
    while (start <= encoded.size()) {
      std::size_t end = encoded.find('\n', start);
      if (end == std::string::npos) end = encoded.size();
      WrapOne(encoded.substr(start, end - start), font, size, indent, width);
      start = end + 1;
    }
  }

  void WrapOne(std::string line, HPDF_Font font, HPDF_REAL size, HPDF_REAL indent,
               HPDF_REAL width) {
    HPDF_Page_SetFontAndSize(page_, font, size);
    do {
      if (y_ - size * kLeading < kMargin) NewPage();
      HPDF_Page_SetFontAndSize(page_, font, size);
      HPDF_UINT fits = HPDF_Page_MeasureText(page_, line.c_str(), width, HPDF_TRUE, nullptr);
      if (fits == 0) fits = HPDF_Page_MeasureText(page_, line.c_str(), width, HPDF_FALSE, nullptr);
      if (fits == 0) fits = 1;  // a single character wider than the page: print it anyway
      fits = std::min<HPDF_UINT>(fits, static_cast<HPDF_UINT>(line.size()));
      y_ -= size * kLeading;
      Line(font, size, kMargin + indent, y_, line.substr(0, fits));
      line.erase(0, fits);
      while (!line.empty() && line.front() == ' ') line.erase(0, 1);
    } while (!line.empty());
  }

  HPDF_Doc doc_;
  std::string reference_;
  HPDF_Font regular_ = nullptr;
  HPDF_Font bold_ = nullptr;
  HPDF_Page page_ = nullptr;
  HPDF_REAL y_ = 0;
  int pages_ = 0;
};

void WriteMinutes(Writer& w, const panel::Minutes& m) {
  w.Heading("Minutes of the " + m.reference + " meeting", 16);
  w.Field("When", m.when);
  w.Field("Where", m.where);
  w.Heading("Attendance", 12);
  for (const auto& a : m.attendance) {
    std::string names;
    for (const auto& n : a.names) names += (names.empty() ? "" : ", ") + n;
    w.Paragraph(a.agency_name + ": " + std::string(panel::Label(a.attendance)) + " (" + names +
                ")");
  }
  w.Heading("Children discussed", 12);
  if (m.items.empty()) w.Paragraph("No child was on the agenda.");
  for (const auto& item : m.items) {
    w.Heading(std::to_string(item.position) + ". " + item.child_name + " (" + item.reason + ")",
              11);
    if (!item.discussed) {
      w.Paragraph("Not discussed.");
      continue;
    }
    w.Field("Category", item.category);
    w.Field("Exploitation model", item.models);
    w.Field("Also", item.elements);
    w.Field("Plan", item.plan);
    w.Field("Next review", item.next_review);
    for (const auto& a : item.actions) {
      w.Paragraph("Action: " + a.title + " - " + a.owner + ", due " + a.due + ". " + a.status, 12);
    }
  }
  w.Space(12);
  w.Paragraph(m.produced);
}

}  // namespace

std::string ToWinAnsi(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) {
    char32_t cp = NextCodePoint(utf8, i);
    char c = WinAnsiFor(cp);
    if (c == '\0' || (static_cast<unsigned char>(c) < 0x20 && c != '\n')) c = ' ';
    out.push_back(c);
  }
  return out;
}

Result<std::string> MinutesPdf(const panel::Minutes& minutes) {
  ErrorSink sink;
  std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, decltype(&HPDF_Free)> doc(
      HPDF_New(OnError, &sink), &HPDF_Free);
  if (!doc) return Fail(ErrorKind::kInternal, "pdf_failed", "The PDF could not be made.");
  // Uncompressed: minutes are a few pages, and the text stays searchable by simple tools.
  HPDF_SetCompressionMode(doc.get(), HPDF_COMP_NONE);
  HPDF_SetInfoAttr(doc.get(), HPDF_INFO_TITLE,
                   ToWinAnsi("Minutes of the " + minutes.reference + " meeting").c_str());
  HPDF_SetInfoAttr(doc.get(), HPDF_INFO_CREATOR, "Harbour");
  Writer writer(doc.get(), minutes.reference);
  WriteMinutes(writer, minutes);
  if (HPDF_SaveToStream(doc.get()) != HPDF_OK || sink.code != HPDF_OK) {
    return Fail(ErrorKind::kInternal, "pdf_failed", "The PDF could not be made.");
  }
  HPDF_UINT32 size = HPDF_GetStreamSize(doc.get());
  std::string bytes(size, '\0');
  HPDF_UINT32 read = size;
  if (HPDF_ReadFromStream(doc.get(), reinterpret_cast<HPDF_BYTE*>(bytes.data()), &read) !=
          HPDF_OK &&
      read != size) {
    return Fail(ErrorKind::kInternal, "pdf_failed", "The PDF could not be read back.");
  }
  bytes.resize(read);
  return bytes;
}

}  // namespace harbour::web
