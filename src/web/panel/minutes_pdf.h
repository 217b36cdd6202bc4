#pragma once
// The panel's minutes as a PDF document (libharu 2.3): A4, wrapped text, "OFFICIAL-SENSITIVE"
// and page numbers on every page, in embedded TrueType fonts so that every name prints as typed.
// Each character is set in the first font that has it (the regular or bold face, then the
// fallbacks); Arabic is joined and right-to-left text reordered (ICU). A character that no font
// has (or outside the Basic Multilingual Plane, which libharu 2.3 cannot address) is printed as
// its code, "[U+1F600]", and the document says so. docs/panel.md says what is covered.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "panel/minutes.h"

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

// The document's bytes; kUnavailable ("pdf_font_missing", naming the file) when a font file
// can no longer be loaded, kInternal ("pdf_failed") when libharu reports another error.
Result<std::string> MinutesPdf(const panel::Minutes& minutes, const PdfFonts& fonts);

// How the minutes' text is laid out, exposed for tests: `text` (one paragraph, no line
// breaks) broken into lines no wider than `width` points at `size` in the given weight, at
// line-break opportunities (ICU), a word wider than the line at grapheme boundaries (never
// inside a character or between a letter and its accents). Spaces at a break are dropped.
std::vector<std::string> WrapText(const PdfFonts& fonts, std::string_view text, bool bold,
                                  float size, float width);
// The width in points of `text` as WrapText measures it (each character's advance in the font
// that draws it).
float TextWidth(const PdfFonts& fonts, std::string_view text, bool bold, float size);

}  // namespace harbour::web
