#pragma once
// PDF documents (libharu 2.3) for every area that prints: A4, wrapped text, tables and bar
// charts, a protective marking at the top and a footer with the page number on every page, in
// embedded TrueType fonts so that every name prints as typed. Each character is set in the
// first font that has it (the regular or bold face, then the fallbacks); Arabic is joined and
// right-to-left text reordered (ICU). A character that no font has (or outside the Basic
// Multilingual Plane, which libharu 2.3 cannot address) is printed as its code, "[U+1F600]",
// and the document can say so (Substituted()). Used by the panel's minutes and the profile's
// board report; docs/panel.md says what is covered.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"

namespace harbour::web {

// Font files: TrueType (.ttf), or the first font of a collection (.ttc).
struct PdfFontFiles {
  std::string regular;
  std::string bold;
  std::vector<std::string> fallbacks;  // tried in order for characters the face lacks
};

// The Debian paths: DejaVu Sans (fonts-dejavu-core), Noto Sans for other scripts
// (fonts-noto-core) and WenQuanYi Micro Hei for Chinese, Japanese and Korean
// (fonts-wqy-microhei). The defaults of [pdf] in harbour.toml.
PdfFontFiles DebianPdfFontFiles();

// The fonts, checked once (at start-up) and immutable afterwards: thread-safe to share. Each
// document loads the files again (libharu keeps a font inside its document), so a file that
// disappears later fails that export, not the server.
class PdfFonts {
 public:
  // kInvalid ("pdf_font") naming the file when one cannot be read or is not a TrueType font
  // libharu can embed.
  static Result<std::shared_ptr<const PdfFonts>> Load(const PdfFontFiles& files);

  const PdfFontFiles& Files() const { return files_; }
  // The slot of the font that draws `cp` in the given weight: 0 the regular face, 1 the bold
  // face, 2 + i the fallback i; -1 when none has it (or `cp` is outside the BMP).
  int FontFor(char32_t cp, bool bold) const;
  bool HasGlyph(int slot, char32_t cp) const;
  // The advance of `cp` in the font in `slot` at `size`, in points (0 without a glyph).
  float Advance(int slot, char32_t cp, float size) const;
  const std::string& Path(int slot) const;

 private:
  PdfFonts() = default;
  PdfFontFiles files_;
  // Per slot, every BMP character's advance in 1/1000 em, or a marker for "no glyph".
  std::vector<std::vector<std::int16_t>> widths_;
};

// How text is laid out, exposed for tests: `text` (one paragraph, no line breaks) broken into
// lines no wider than `width` points at `size` in the given weight, at line-break opportunities
// (ICU), a word wider than the line at grapheme boundaries (never inside a character or between
// a letter and its accents). Spaces at a break are dropped.
std::vector<std::string> WrapText(const PdfFonts& fonts, std::string_view text, bool bold,
                                  float size, float width);
// The width in points of `text` as WrapText measures it (each character's advance in the font
// that draws it).
float TextWidth(const PdfFonts& fonts, std::string_view text, bool bold, float size);

// What every page carries: `marking` in bold at the top (the Government Security
// Classification, "OFFICIAL" or "OFFICIAL-SENSITIVE"), and "`footer`, page N" at the foot.
struct PdfPageMarks {
  std::string marking;
  std::string footer;
};

// A column of a PdfDocument table: its heading, its share of the text width (the shares of a
// table's columns are scaled to fill it) and whether its cells are figures (set right-aligned).
struct PdfColumn {
  std::string heading;
  float share = 1;
  bool figures = false;
};

// One bar of a PdfDocument bar chart: its label under the axis ("" for none) and its value;
// nullopt for a value not published ("c"), drawn as no bar with a "c" at the axis.
struct PdfBar {
  std::string label;
  std::optional<long> value;
};

// A document being written, top to bottom, a new page started whenever the next line, table
// row or chart would not fit. Not thread-safe: one per request. The text is drawn uncompressed
// (so that tests can read it); the fonts are compressed.
class PdfDocument {
 public:
  // `title` is the document's information title.
  PdfDocument(const PdfFonts& fonts, std::string_view title, PdfPageMarks marks);
  ~PdfDocument();
  PdfDocument(const PdfDocument&) = delete;
  PdfDocument& operator=(const PdfDocument&) = delete;

  void Heading(std::string_view text, float size);
  // A "Label: text" paragraph; nothing when `text` is empty.
  void Field(std::string_view label, std::string_view text, float indent = 0);
  // Text wrapped to the page, each '\n' starting a new line.
  void Paragraph(std::string_view text, float indent = 0);
  void Space(float points);
  // A table: the headings in bold over a rule, then each row, every cell wrapped within its
  // column, rules between rows. A row that does not fit starts a new page, where the headings
  // are repeated. A row shorter than `columns` leaves the rest empty; extra cells are dropped.
  void Table(const std::vector<PdfColumn>& columns,
             const std::vector<std::vector<std::string>>& rows);
  // A bar chart `height` points high across the text width, bars scaled to the largest value,
  // which is printed at the top of the axis. Its numbers belong in a table beside it.
  void BarChart(const std::vector<PdfBar>& bars, float height);

  // True once a character was written as its code, or a script printed without shaping.
  bool Substituted() const;
  bool Unshaped() const;

  // The document's bytes. kUnavailable ("pdf_font_missing", naming the file) when a font file
  // can no longer be loaded, kInternal ("pdf_failed") when libharu reports another error. Call
  // once, last.
  Result<std::string> Finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace harbour::web
