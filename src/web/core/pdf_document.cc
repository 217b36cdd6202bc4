#include "web/core/pdf_document.h"

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_fontdef.h>
#include <hpdf_streams.h>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/ushape.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <utility>

namespace harbour::web {

namespace {

constexpr HPDF_REAL kMargin = 56;  // points (about 2 cm)
constexpr HPDF_REAL kBodySize = 10;
constexpr HPDF_REAL kLeading = 1.35F;
constexpr std::int16_t kNoGlyph = std::numeric_limits<std::int16_t>::min();
constexpr char32_t kPlaneSize = 0x10000;  // libharu 2.3 reads only the BMP of a font's cmap

// Slots of the fonts: the regular and bold faces, then the fallbacks.
constexpr int kRegular = 0;
constexpr int kBold = 1;
constexpr int kFirstFallback = 2;

// libharu reports errors through a callback; the first one is kept and checked at the end.
struct ErrorSink {
  HPDF_STATUS code = HPDF_OK;
  HPDF_STATUS detail = HPDF_OK;
};

void OnError(HPDF_STATUS error, HPDF_STATUS detail, void* user_data) {
  auto* sink = static_cast<ErrorSink*>(user_data);
  if (sink->code == HPDF_OK) {
    sink->code = error;
    sink->detail = detail;
  }
}

using DocPtr = std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, decltype(&HPDF_Free)>;

DocPtr NewDoc(ErrorSink& sink) { return DocPtr(HPDF_New(OnError, &sink), &HPDF_Free); }

std::string Hex(unsigned value, int digits) {
  std::array<char, 16> buf{};
  std::snprintf(buf.data(), buf.size(), "%0*X", digits, value);
  return buf.data();
}

// Loads the TrueType font (or a collection's first font) at `path` into `doc`, embedded.
// Returns its name in the document, or nullptr (the error is in the doc's sink).
const char* LoadFontFile(HPDF_Doc doc, const std::string& path) {
  std::string lower = path;
  std::ranges::transform(lower, lower.begin(), [](unsigned char c) { return std::tolower(c); });
  if (lower.ends_with(".ttc")) return HPDF_LoadTTFontFromFile2(doc, path.c_str(), 0, HPDF_TRUE);
  return HPDF_LoadTTFontFromFile(doc, path.c_str(), HPDF_TRUE);
}

std::uint32_t BigEndian(const std::string& bytes, std::size_t at, int size) {
  std::uint32_t value = 0;
  for (int i = 0; i < size; ++i) value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
  return value;
}

// Checks that `path` is a TrueType font (or collection) whose table directory lies inside the
// file, before libharu reads it: libharu 2.3 crashes on some files that are not fonts.
// Returns "" or the problem, as the end of a sentence about the file.
std::string SfntProblem(const std::string& path) {
  std::error_code ec;
  if (path.empty() || !std::filesystem::is_regular_file(path, ec)) return "cannot be read";
  auto file_size = std::filesystem::file_size(path, ec);
  std::ifstream in(path, std::ios::binary);
  if (ec || !in) return "cannot be read";
  auto read = [&](std::uint64_t at, std::size_t n) {
    std::string bytes(n, '\0');
    if (at + n > file_size || !in.seekg(static_cast<std::streamoff>(at)) ||
        !in.read(bytes.data(), static_cast<std::streamsize>(n))) {
      bytes.clear();
    }
    return bytes;
  };
  std::string head = read(0, 12);
  if (head.empty()) return "is not a TrueType font";
  std::uint64_t offset = 0;
  if (head.starts_with("ttcf")) {
    std::string first = read(12, 4);  // the offset of the collection's first font
    if (first.empty()) return "is not a TrueType font collection";
    offset = BigEndian(first, 0, 4);
    head = read(offset, 12);
    if (head.empty()) return "is not a TrueType font collection";
  }
  if (head.starts_with("OTTO")) {
    return "is an OpenType font with PostScript (CFF) outlines, which libharu cannot embed; "
           "use a TrueType (.ttf) font";
  }
  if (BigEndian(head, 0, 4) != 0x00010000 && !head.starts_with("true")) {
    return "is not a TrueType font";
  }
  std::uint32_t tables = BigEndian(head, 4, 2);
  std::string directory = read(offset + 12, static_cast<std::size_t>(tables) * 16);
  if (tables == 0 || directory.empty()) return "is not a complete TrueType font";
  std::vector<std::string> needed{"cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp"};
  for (std::uint32_t t = 0; t < tables; ++t) {
    std::string tag = directory.substr(t * 16, 4);
    std::uint64_t start = BigEndian(directory, t * 16 + 8, 4);
    std::uint64_t length = BigEndian(directory, t * 16 + 12, 4);
    if (start + length > file_size) return "is not a complete TrueType font";
    std::erase(needed, tag);
  }
  if (!needed.empty()) return "is not a TrueType font with outlines (no " + needed[0] + " table)";
  return "";
}

// Every BMP character's advance (1/1000 em) in the font at `path`, kNoGlyph where it has none.
Result<std::vector<std::int16_t>> ProbeFont(const std::string& path) {
  if (std::string problem = SfntProblem(path); !problem.empty()) {
    return Fail(ErrorKind::kInvalid, "pdf_font", "The PDF font " + path + " " + problem + ".");
  }
  ErrorSink sink;
  DocPtr doc = NewDoc(sink);
  if (!doc) return Fail(ErrorKind::kInternal, "pdf_failed", "libharu could not start.");
  const char* name = LoadFontFile(doc.get(), path);
  HPDF_FontDef def = name != nullptr ? HPDF_GetFontDef(doc.get(), name) : nullptr;
  if (def == nullptr || sink.code != HPDF_OK) {
    return Fail(ErrorKind::kInvalid, "pdf_font",
                "The PDF font " + path +
                    " is not a TrueType font that can be embedded (libharu error 0x" +
                    Hex(sink.code, 4) + ").");
  }
  std::vector<std::int16_t> widths(kPlaneSize, kNoGlyph);
  for (char32_t cp = 0x20; cp < kPlaneSize; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    auto unicode = static_cast<HPDF_UINT16>(cp);
    if (HPDF_TTFontDef_GetGlyphid(def, unicode) != 0) {
      widths[cp] = HPDF_TTFontDef_GetCharWidth(def, unicode);
    }
  }
  return widths;
}

// The scripts libharu prints without the font's shaping (no conjuncts, reordering or joining):
// readable, but not as a typesetter would set them.
bool PrintedUnshaped(char32_t cp) {
  UErrorCode status = U_ZERO_ERROR;
  switch (uscript_getScript(static_cast<UChar32>(cp), &status)) {
    case USCRIPT_DEVANAGARI:
    case USCRIPT_BENGALI:
    case USCRIPT_GURMUKHI:
    case USCRIPT_GUJARATI:
    case USCRIPT_ORIYA:
    case USCRIPT_TAMIL:
    case USCRIPT_TELUGU:
    case USCRIPT_KANNADA:
    case USCRIPT_MALAYALAM:
    case USCRIPT_SINHALA:
    case USCRIPT_TIBETAN:
    case USCRIPT_MYANMAR:
    case USCRIPT_KHMER:
    case USCRIPT_JAVANESE:
    case USCRIPT_BALINESE:
    case USCRIPT_SUNDANESE:
    case USCRIPT_SYRIAC:
    case USCRIPT_MONGOLIAN:
    case USCRIPT_NKO:
    case USCRIPT_ADLAM:
    case USCRIPT_MANDAIC:
      return true;
    default:
      return false;
  }
}

bool IsArabic(char32_t cp) {
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(static_cast<UChar32>(cp), &status) == USCRIPT_ARABIC;
}

std::string ToUtf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

// One paragraph ready to lay out: every character is in the BMP and drawn by a known font, so
// UTF-16 offsets are character offsets.
struct Prepared {
  icu::UnicodeString text;
  std::vector<int> font;     // per character: the slot that draws it
  std::vector<float> width;  // per character, in points
  bool substituted = false;  // a character was written as [U+XXXX]
  bool unshaped = false;     // a script printed without shaping
};

}  // namespace

// --- fonts -------------------------------------------------------------------------------------

PdfFontFiles DebianPdfFontFiles() {
  constexpr std::string_view kNoto = "/usr/share/fonts/truetype/noto/";
  PdfFontFiles files;
  files.regular = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
  files.bold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
  // Noto Sans for what DejaVu Sans lacks (more Latin, and the scripts of living languages),
  // then Chinese, Japanese and Korean.
  static constexpr std::array<std::string_view, 63> kNotoFonts{
      "NotoSans",           "NotoSansArmenian",
      "NotoSansGeorgian",   "NotoSansHebrew",
      "NotoSansArabic",     "NotoSansSyriac",
      "NotoSansThaana",     "NotoSansNKo",
      "NotoSansDevanagari", "NotoSansBengali",
      "NotoSansGurmukhi",   "NotoSansGujarati",
      "NotoSansOriya",      "NotoSansTamil",
      "NotoSansTelugu",     "NotoSansKannada",
      "NotoSansMalayalam",  "NotoSansSinhala",
      "NotoSansThai",       "NotoSansLao",
      "NotoSansMyanmar",    "NotoSansKhmer",
      "NotoSerifTibetan",   "NotoSansEthiopic",
      "NotoSansCherokee",   "NotoSansCanadianAboriginal",
      "NotoSansMongolian",  "NotoSansTifinagh",
      "NotoSansAdlam",      "NotoSansVai",
      "NotoSansYi",         "NotoSansJavanese",
      "NotoSansSundanese",  "NotoSansBalinese",
      "NotoSansOlChiki",    "NotoSansMeeteiMayek",
      "NotoSansLisu",       "NotoSansTaiViet",
      "NotoSansCham",       "NotoSansNewTaiLue",
      "NotoSansTaiLe",      "NotoSansTaiTham",
      "NotoSansBuginese",   "NotoSansBatak",
      "NotoSansRejang",     "NotoSansLepcha",
      "NotoSansLimbu",      "NotoSansSylotiNagri",
      "NotoSansSaurashtra", "NotoSansKayahLi",
      "NotoSansTagalog",    "NotoSansHanunoo",
      "NotoSansBuhid",      "NotoSansTagbanwa",
      "NotoSansBamum",      "NotoSansPhagsPa",
      "NotoSansSamaritan",  "NotoSansMandaic",
      "NotoSansCoptic",     "NotoSansGlagolitic",
      "NotoSansRunic",      "NotoSansOgham",
      "NotoSansSymbols",
  };
  for (std::string_view name : kNotoFonts) {
    files.fallbacks.push_back(std::string(kNoto) + std::string(name) + "-Regular.ttf");
  }
  files.fallbacks.push_back("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");
  return files;
}

Result<std::shared_ptr<const PdfFonts>> PdfFonts::Load(const PdfFontFiles& files) {
  std::shared_ptr<PdfFonts> fonts(new PdfFonts());
  fonts->files_ = files;
  std::vector<std::string> paths{files.regular, files.bold};
  paths.insert(paths.end(), files.fallbacks.begin(), files.fallbacks.end());
  for (const std::string& path : paths) {
    auto widths = ProbeFont(path);
    if (!widths) return std::unexpected(widths.error());
    fonts->widths_.push_back(std::move(*widths));
  }
  return fonts;
}

int PdfFonts::FontFor(char32_t cp, bool bold) const {
  if (cp >= kPlaneSize) return -1;
  int face = bold ? kBold : kRegular;
  if (widths_[face][cp] != kNoGlyph) return face;
  for (std::size_t slot = kFirstFallback; slot < widths_.size(); ++slot) {
    if (widths_[slot][cp] != kNoGlyph) return static_cast<int>(slot);
  }
  return -1;
}

bool PdfFonts::HasGlyph(int slot, char32_t cp) const {
  return slot >= 0 && static_cast<std::size_t>(slot) < widths_.size() && cp < kPlaneSize &&
         widths_[slot][cp] != kNoGlyph;
}

float PdfFonts::Advance(int slot, char32_t cp, float size) const {
  if (!HasGlyph(slot, cp)) return 0;
  std::int16_t w = widths_[slot][cp];
  return w == kNoGlyph ? 0 : static_cast<float>(w) * size / 1000;
}

const std::string& PdfFonts::Path(int slot) const {
  if (slot == kRegular) return files_.regular;
  if (slot == kBold) return files_.bold;
  return files_.fallbacks[slot - kFirstFallback];
}

// --- text layout -------------------------------------------------------------------------------

namespace {

// Joins Arabic letters (their presentation forms), then gives every character a font: a
// character no font has becomes "[U+XXXX]", invisible formatting characters are dropped.
Prepared Prepare(const PdfFonts& fonts, std::string_view utf8, bool bold, float size) {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  bool arabic = false;
  for (int32_t i = 0; i < text.length();) {
    UChar32 c = text.char32At(i);
    if (IsArabic(c)) arabic = true;
    i += U16_LENGTH(c);
  }
  if (arabic) {
    UErrorCode status = U_ZERO_ERROR;
    std::u16string shaped(static_cast<std::size_t>(text.length()) * 2 + 16, u'\0');
    int32_t n = u_shapeArabic(text.getBuffer(), text.length(), shaped.data(),
                              static_cast<int32_t>(shaped.size()),
                              U_SHAPE_LETTERS_SHAPE | U_SHAPE_TEXT_DIRECTION_LOGICAL, &status);
    if (U_SUCCESS(status)) text = icu::UnicodeString(shaped.data(), n);
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);

  Prepared out;
  int previous_font = -1;
  auto add = [&](char32_t cp, int font) {
    out.text.append(static_cast<UChar32>(cp));
    out.font.push_back(font);
    out.width.push_back(fonts.Advance(font, cp, size));
    previous_font = font;
  };
  for (int32_t i = 0; i < text.length();) {
    UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    if (c < 0x20 || (c >= 0x7F && c < 0xA0)) c = ' ';
    if (u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) continue;
    if (PrintedUnshaped(static_cast<char32_t>(c))) out.unshaped = true;
    int font = fonts.FontFor(static_cast<char32_t>(c), bold);
    // A combining mark stays in its letter's font when that font has it.
    if (u_getCombiningClass(c) != 0 && fonts.HasGlyph(previous_font, static_cast<char32_t>(c))) {
      font = previous_font;
    }
    if (font >= 0) {
      add(static_cast<char32_t>(c), font);
      continue;
    }
    // A joined Arabic form no font has: its plain letter, unjoined.
    if (nfkc != nullptr && c >= 0xFB50 && c <= 0xFEFF) {
      UErrorCode s = U_ZERO_ERROR;
      icu::UnicodeString plain = nfkc->normalize(icu::UnicodeString(c), s);
      bool all = U_SUCCESS(s) && plain.length() > 0;
      for (int32_t k = 0; all && k < plain.length(); ++k) {
        all = fonts.FontFor(plain.charAt(k), bold) >= 0;
      }
      if (all) {
        for (int32_t k = 0; k < plain.length(); ++k) {
          add(plain.charAt(k), fonts.FontFor(plain.charAt(k), bold));
        }
        continue;
      }
    }
    out.substituted = true;
    std::string code = "[U+" + Hex(static_cast<unsigned>(c), 4) + "]";
    int face = bold ? kBold : kRegular;
    for (char ch : code) add(static_cast<unsigned char>(ch), face);
  }
  return out;
}

bool IsSpace(char16_t c) { return c == u' ' || c == 0x3000 || c == 0xA0; }

// Line i of a paragraph: [begin, end) in character offsets, trailing spaces excluded.
struct Span {
  int32_t begin;
  int32_t end;
};

std::vector<Span> BreakLines(const Prepared& p, float width) {
  const int32_t n = p.text.length();
  std::vector<float> prefix(static_cast<std::size_t>(n) + 1, 0);
  for (int32_t i = 0; i < n; ++i) prefix[i + 1] = prefix[i] + p.width[i];
  auto trimmed_end = [&](int32_t begin, int32_t end) {
    while (end > begin && IsSpace(p.text.charAt(end - 1))) --end;
    return end;
  };
  auto fits = [&](int32_t begin, int32_t end) {
    return prefix[trimmed_end(begin, end)] - prefix[begin] <= width;
  };

  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> lines(
      icu::BreakIterator::createLineInstance(icu::Locale::getRoot(), status));
  std::unique_ptr<icu::BreakIterator> graphemes(
      icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
  std::vector<int32_t> opportunities;  // ascending, ending with n
  std::vector<int32_t> grapheme_ends;
  if (U_SUCCESS(status)) {
    lines->setText(p.text);
    for (int32_t b = lines->next(); b != icu::BreakIterator::DONE; b = lines->next()) {
      opportunities.push_back(b);
    }
    graphemes->setText(p.text);
    for (int32_t b = graphemes->next(); b != icu::BreakIterator::DONE; b = graphemes->next()) {
      grapheme_ends.push_back(b);
    }
  }
  if (opportunities.empty() || opportunities.back() != n) opportunities.push_back(n);
  if (grapheme_ends.empty() || grapheme_ends.back() != n) {
    grapheme_ends.clear();
    for (int32_t i = 1; i <= n; ++i) grapheme_ends.push_back(i);
  }

  std::vector<Span> out;
  int32_t begin = 0;
  std::size_t next = 0;
  while (begin < n) {
    while (begin < n && IsSpace(p.text.charAt(begin))) ++begin;  // never start with a space
    if (begin >= n) break;
    while (next < opportunities.size() && opportunities[next] <= begin) ++next;
    int32_t end = -1;
    while (next < opportunities.size() && fits(begin, opportunities[next])) {
      end = opportunities[next++];
    }
    if (end < 0) {
      // Even the first word is too wide: as many whole graphemes as fit, at least one.
      auto g = std::ranges::upper_bound(grapheme_ends, begin);
      end = *g;
      for (++g; g != grapheme_ends.end() && fits(begin, *g); ++g) end = *g;
    }
    out.push_back({begin, trimmed_end(begin, end)});
    begin = end;
  }
  if (out.empty()) out.push_back({0, 0});
  return out;
}

// A run of characters in one font, in visual order, and where it starts on the line.
struct Run {
  int font;
  std::string utf8;
  float x;
};

// The line's characters in visual order (ICU bidi in a left-to-right paragraph, mirroring
// brackets in right-to-left text), cut into runs of one font.
std::vector<Run> VisualRuns(const Prepared& p, Span span) {
  icu::UnicodeString line = p.text.tempSubStringBetween(span.begin, span.end);
  const int32_t n = line.length();
  std::vector<int32_t> order(static_cast<std::size_t>(n));
  std::vector<bool> mirrored(static_cast<std::size_t>(n), false);
  for (int32_t i = 0; i < n; ++i) order[i] = i;
  bool rtl = false;
  for (int32_t i = 0; i < n && !rtl; ++i) {
    auto dir = u_charDirection(line.charAt(i));
    rtl = dir == U_RIGHT_TO_LEFT || dir == U_RIGHT_TO_LEFT_ARABIC;
  }
  if (rtl) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UBiDi, decltype(&ubidi_close)> bidi(ubidi_open(), &ubidi_close);
    ubidi_setPara(bidi.get(), line.getBuffer(), n, UBIDI_LTR, nullptr, &status);
    std::vector<int32_t> visual(static_cast<std::size_t>(n));
    if (U_SUCCESS(status)) ubidi_getVisualMap(bidi.get(), visual.data(), &status);
    if (U_SUCCESS(status)) {
      order = visual;
      for (int32_t i = 0; i < n; ++i) mirrored[i] = (ubidi_getLevelAt(bidi.get(), i) & 1) != 0;
    }
  }
  std::vector<Run> runs;
  float x = 0;
  for (int32_t v = 0; v < n; ++v) {
    int32_t logical = order[v];
    if (logical < 0 || logical >= n) continue;
    int32_t at = span.begin + logical;
    UChar32 c = line.charAt(logical);
    if (mirrored[logical]) c = u_charMirror(c);
    int font = p.font[at];
    if (runs.empty() || runs.back().font != font) runs.push_back({font, "", x});
    icu::UnicodeString(c).toUTF8String(runs.back().utf8);
    x += p.width[at];
  }
  return runs;
}

// The document's fonts, loaded from the files when first used. Not thread-safe (one per
// document).
class DocFonts {
 public:
  DocFonts(HPDF_Doc doc, const PdfFonts& fonts) : doc_(doc), fonts_(fonts) {}

  // The font in `slot`, or nullptr with Problem() set.
  HPDF_Font Get(int slot) {
    auto found = loaded_.find(slot);
    if (found != loaded_.end()) return found->second;
    const std::string& path = fonts_.Path(slot);
    HPDF_Font font = nullptr;
    auto same = by_path_.find(path);
    if (same != by_path_.end()) {
      font = same->second;
    } else {
      const char* name = SfntProblem(path).empty() ? LoadFontFile(doc_, path) : nullptr;
      if (name != nullptr) font = HPDF_GetFont(doc_, name, "UTF-8");
      if (font == nullptr) {
        HPDF_ResetError(doc_);
        if (error_.empty()) {
          error_ = "The PDF font " + path +
                   " cannot be loaded; it was there when Harbour started. Use the HTML export.";
        }
        return nullptr;
      }
      by_path_[path] = font;
      names_.emplace_back(name);
    }
    loaded_[slot] = font;
    return font;
  }

  const std::vector<std::string>& Names() const { return names_; }
  const std::string& Problem() const { return error_; }

 private:
  HPDF_Doc doc_;
  const PdfFonts& fonts_;
  std::map<int, HPDF_Font> loaded_;
  std::map<std::string, HPDF_Font> by_path_;
  std::vector<std::string> names_;
  std::string error_;
};

std::int16_t ReadInt16(HPDF_Stream stream) {
  std::array<HPDF_BYTE, 2> b{};
  HPDF_UINT n = 2;
  if (HPDF_Stream_Read(stream, b.data(), &n) != HPDF_OK || n != 2) return 0;
  return static_cast<std::int16_t>((b[0] << 8) | b[1]);
}

// libharu 2.3 embeds only the glyphs used and the direct parts of composite glyphs, not the
// parts' own parts: DejaVu Sans draws "ễ" from "e" and a composite "circumflex and tilde", and
// without this the accents were missing. Marks every part, at any depth, as used.
void IncludeComponentGlyphs(HPDF_FontDef def) {
  auto* attr = static_cast<HPDF_TTFontDefAttr>(def->attr);
  if (attr == nullptr || attr->glyph_tbl.flgs == nullptr || attr->stream == nullptr) return;
  constexpr std::uint16_t kArgsAreWords = 1, kScale = 8, kMoreComponents = 32, kXyScale = 64,
                          kTwoByTwo = 128;
  for (bool changed = true; changed;) {
    changed = false;
    for (HPDF_UINT16 gid = 0; gid < attr->num_glyphs; ++gid) {
      if (attr->glyph_tbl.flgs[gid] == 0) continue;
      HPDF_UINT32 offset = attr->glyph_tbl.offsets[gid];
      if (attr->glyph_tbl.offsets[gid + 1] == offset) continue;  // empty glyph
      if (attr->header.index_to_loc_format == 0) offset *= 2;
      offset += attr->glyph_tbl.base_offset;
      if (HPDF_Stream_Seek(attr->stream, static_cast<HPDF_INT>(offset), HPDF_SEEK_SET) != HPDF_OK ||
          ReadInt16(attr->stream) >= 0) {
        continue;  // a simple glyph
      }
      HPDF_Stream_Seek(attr->stream, 8, HPDF_SEEK_CUR);  // the bounding box
      std::uint16_t flags = 0;
      do {
        flags = static_cast<std::uint16_t>(ReadInt16(attr->stream));
        auto part = static_cast<std::uint16_t>(ReadInt16(attr->stream));
        HPDF_INT skip = (flags & kArgsAreWords) ? 4 : 2;
        if (flags & kScale) {
          skip += 2;
        } else if (flags & kXyScale) {
          skip += 4;
        } else if (flags & kTwoByTwo) {
          skip += 8;
        }
        if (HPDF_Stream_Seek(attr->stream, skip, HPDF_SEEK_CUR) != HPDF_OK) break;
        if (part < attr->num_glyphs && attr->glyph_tbl.flgs[part] == 0) {
          attr->glyph_tbl.flgs[part] = 1;
          changed = true;
        }
      } while (flags & kMoreComponents);
    }
  }
}

// --- the document ------------------------------------------------------------------------------

constexpr HPDF_REAL kFootSize = 8;
constexpr HPDF_REAL kCellPadding = 3;
constexpr HPDF_REAL kRuleWidth = 0.5F;

}  // namespace

// Writes flowing text, tables and charts down A4 pages, starting a new page when the next line
// would not fit.
struct PdfDocument::Impl {
  Impl(const PdfFonts& fonts_in, PdfPageMarks marks_in)
      : doc(NewDoc(sink)),
        fonts(fonts_in),
        loaded(doc.get(), fonts_in),
        marks(std::move(marks_in)) {}

  ErrorSink sink;  // before `doc`: the document reports into it
  DocPtr doc;
  const PdfFonts& fonts;
  DocFonts loaded;
  PdfPageMarks marks;
  HPDF_Page page = nullptr;
  HPDF_REAL y = 0;
  int pages = 0;
  bool substituted = false;
  bool unshaped = false;

  HPDF_REAL Width() const { return HPDF_Page_GetWidth(page) - 2 * kMargin; }

  void NewPage() {
    page = HPDF_AddPage(doc.get());
    HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
    ++pages;
    HPDF_REAL height = HPDF_Page_GetHeight(page);
    Line(marks.marking, true, kFootSize, kMargin, height - kMargin / 2);
    Line(marks.footer + ", page " + std::to_string(pages), false, kFootSize, kMargin, kMargin / 2);
    y = height - kMargin;
  }

  // Starts a new page unless `points` more fit above the bottom margin.
  void Need(HPDF_REAL points) {
    if (y - points < kMargin) NewPage();
  }

  // One line that is not wrapped, starting at `x` with its baseline at `y_at`.
  void Line(std::string_view text, bool bold, HPDF_REAL size, HPDF_REAL x, HPDF_REAL y_at) {
    Prepared p = Prepare(fonts, text, bold, size);
    Note(p);
    Draw(p, {0, p.text.length()}, size, x, y_at);
  }

  void Note(const Prepared& p) {
    substituted = substituted || p.substituted;
    unshaped = unshaped || p.unshaped;
  }

  void Draw(const Prepared& p, Span span, HPDF_REAL size, HPDF_REAL x, HPDF_REAL y_at) {
    std::vector<Run> runs = VisualRuns(p, span);
    if (runs.empty()) return;
    HPDF_Page_BeginText(page);
    for (const Run& run : runs) {
      HPDF_Font font = loaded.Get(run.font);
      if (font == nullptr) continue;
      HPDF_Page_SetFontAndSize(page, font, size);
      HPDF_Page_TextOut(page, x + run.x, y_at, run.utf8.c_str());
    }
    HPDF_Page_EndText(page);
  }

  // Each line of `text` (split at '\n') wrapped to the page's width.
  void Wrapped(std::string_view text, bool bold, HPDF_REAL size, HPDF_REAL indent) {
    HPDF_REAL width = Width() - indent;
    std::size_t start = 0;
    while (start <= text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      Prepared p = Prepare(fonts, text.substr(start, end - start), bold, size);
      Note(p);
      for (Span span : BreakLines(p, width)) {
        Need(size * kLeading);
        y -= size * kLeading;
        Draw(p, span, size, kMargin + indent, y);
      }
      start = end + 1;
    }
  }

  void Rule(HPDF_REAL at) {
    HPDF_Page_SetLineWidth(page, kRuleWidth);
    HPDF_Page_MoveTo(page, kMargin, at);
    HPDF_Page_LineTo(page, kMargin + Width(), at);
    HPDF_Page_Stroke(page);
  }

  // One cell's text laid out in a column: its prepared lines.
  struct Cell {
    Prepared text;
    std::vector<Span> lines;
  };

  std::vector<Cell> LayOutRow(const std::vector<std::string>& cells,
                              const std::vector<HPDF_REAL>& widths, bool bold) {
    std::vector<Cell> out;
    for (std::size_t c = 0; c < widths.size(); ++c) {
      std::string_view text = c < cells.size() ? std::string_view(cells[c]) : "";
      Cell cell{Prepare(fonts, text, bold, kBodySize), {}};
      Note(cell.text);
      cell.lines = BreakLines(cell.text, widths[c] - 2 * kCellPadding);
      out.push_back(std::move(cell));
    }
    return out;
  }

  static HPDF_REAL RowHeight(const std::vector<Cell>& row) {
    std::size_t lines = 1;
    for (const Cell& c : row) lines = std::max(lines, c.lines.size());
    return static_cast<HPDF_REAL>(lines) * kBodySize * kLeading + 2 * kCellPadding;
  }

  void DrawRow(const std::vector<Cell>& row, const std::vector<HPDF_REAL>& widths,
               const std::vector<PdfColumn>& columns) {
    HPDF_REAL x = kMargin;
    for (std::size_t c = 0; c < row.size(); ++c) {
      HPDF_REAL line_y = y - kCellPadding;
      for (Span span : row[c].lines) {
        line_y -= kBodySize * kLeading;
        HPDF_REAL offset = kCellPadding;
        if (columns[c].figures) {
          HPDF_REAL used = 0;
          for (int32_t i = span.begin; i < span.end; ++i) used += row[c].text.width[i];
          offset = widths[c] - kCellPadding - used;
        }
        Draw(row[c].text, span, kBodySize, x + offset, line_y + kBodySize * 0.25F);
      }
      x += widths[c];
    }
    y -= RowHeight(row);
    Rule(y);
  }

  void Headings(const std::vector<Cell>& headings, const std::vector<HPDF_REAL>& widths,
                const std::vector<PdfColumn>& columns) {
    Need(RowHeight(headings));
    DrawRow(headings, widths, columns);
  }

  void Table(const std::vector<PdfColumn>& columns,
             const std::vector<std::vector<std::string>>& rows) {
    if (columns.empty()) return;
    float shares = 0;
    for (const PdfColumn& c : columns) shares += std::max(c.share, 0.01F);
    std::vector<HPDF_REAL> widths;
    std::vector<std::string> heading_text;
    widths.reserve(columns.size());
    heading_text.reserve(columns.size());
    for (const PdfColumn& c : columns) {
      widths.push_back(Width() * std::max(c.share, 0.01F) / shares);
      heading_text.push_back(c.heading);
    }
    std::vector<Cell> headings = LayOutRow(heading_text, widths, true);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      std::vector<Cell> row = LayOutRow(rows[i], widths, false);
      if (i == 0) {  // the headings and the first row are kept together
        Need(RowHeight(headings) + RowHeight(row));
        DrawRow(headings, widths, columns);
      } else if (y - RowHeight(row) < kMargin) {
        NewPage();
        DrawRow(headings, widths, columns);
      }
      DrawRow(row, widths, columns);
    }
    if (rows.empty()) {
      Need(RowHeight(headings));
      DrawRow(headings, widths, columns);
    }
  }

  void BarChart(const std::vector<PdfBar>& bars, HPDF_REAL height) {
    if (bars.empty()) return;
    const HPDF_REAL label_room = kFootSize * kLeading * 2;
    Need(height + label_room);
    long top = 1;
    for (const PdfBar& b : bars) top = std::max(top, b.value.value_or(0));
    const HPDF_REAL axis_x = kMargin + TextWidth(fonts, std::to_string(top), false, kFootSize) + 4;
    const HPDF_REAL base = y - height;
    const HPDF_REAL slot = (kMargin + Width() - axis_x) / static_cast<HPDF_REAL>(bars.size());
    Line(std::to_string(top), false, kFootSize, kMargin, y - kFootSize);
    Line("0", false, kFootSize, kMargin, base);
    HPDF_Page_SetLineWidth(page, kRuleWidth);
    HPDF_Page_MoveTo(page, axis_x, y);
    HPDF_Page_LineTo(page, axis_x, base);
    HPDF_Page_LineTo(page, kMargin + Width(), base);
    HPDF_Page_Stroke(page);
    HPDF_Page_SetRGBFill(page, 0.11F, 0.44F, 0.72F);  // GOV.UK blue (#1d70b8)
    for (std::size_t i = 0; i < bars.size(); ++i) {
      HPDF_REAL x = axis_x + slot * static_cast<HPDF_REAL>(i);
      if (bars[i].value) {
        HPDF_REAL h = height * static_cast<HPDF_REAL>(*bars[i].value) / static_cast<HPDF_REAL>(top);
        HPDF_Page_Rectangle(page, x + slot * 0.15F, base, slot * 0.7F, h);
        HPDF_Page_Fill(page);
      }
    }
    HPDF_Page_SetRGBFill(page, 0, 0, 0);
    for (std::size_t i = 0; i < bars.size(); ++i) {
      HPDF_REAL x = axis_x + slot * static_cast<HPDF_REAL>(i);
      if (!bars[i].value) Line("c", false, kFootSize, x + slot * 0.35F, base + 2);
      if (!bars[i].label.empty()) {
        Line(bars[i].label, false, kFootSize, x + slot * 0.1F, base - kFootSize * kLeading);
      }
    }
    y = base - label_room;
  }
};

PdfDocument::PdfDocument(const PdfFonts& fonts, std::string_view title, PdfPageMarks marks)
    : impl_(std::make_unique<Impl>(fonts, std::move(marks))) {
  HPDF_Doc doc = impl_->doc.get();
  if (doc == nullptr) return;
  // The fonts are compressed; the page text is not, so that tests can read it.
  HPDF_SetCompressionMode(doc, HPDF_COMP_METADATA);
  HPDF_UseUTFEncodings(doc);
  HPDF_SetCurrentEncoder(doc, "UTF-8");
  // With the UTF-8 encoder current, libharu writes the title as UTF-16 (outside the BMP: spaces).
  HPDF_SetInfoAttr(doc, HPDF_INFO_TITLE, std::string(title).c_str());
  HPDF_SetInfoAttr(doc, HPDF_INFO_CREATOR, "Harbour");
  impl_->NewPage();
}

PdfDocument::~PdfDocument() = default;

void PdfDocument::Heading(std::string_view text, float size) {
  if (!impl_->doc) return;
  Space(size * 0.6F);
  impl_->Wrapped(text, true, size, 0);
}

void PdfDocument::Field(std::string_view label, std::string_view text, float indent) {
  if (text.empty()) return;
  Paragraph(std::string(label) + ": " + std::string(text), indent);
}

void PdfDocument::Paragraph(std::string_view text, float indent) {
  if (!impl_->doc) return;
  impl_->Wrapped(text, false, kBodySize, indent);
}

void PdfDocument::Space(float points) { impl_->y -= points; }

void PdfDocument::Table(const std::vector<PdfColumn>& columns,
                        const std::vector<std::vector<std::string>>& rows) {
  if (!impl_->doc) return;
  impl_->Table(columns, rows);
}

void PdfDocument::BarChart(const std::vector<PdfBar>& bars, float height) {
  if (!impl_->doc) return;
  impl_->BarChart(bars, height);
}

bool PdfDocument::Substituted() const { return impl_->substituted; }
bool PdfDocument::Unshaped() const { return impl_->unshaped; }

Result<std::string> PdfDocument::Finish() {
  HPDF_Doc doc = impl_->doc.get();
  if (doc == nullptr) return Fail(ErrorKind::kInternal, "pdf_failed", "The PDF could not be made.");
  if (!impl_->loaded.Problem().empty()) {
    return Fail(ErrorKind::kUnavailable, "pdf_font_missing", impl_->loaded.Problem());
  }
  for (const std::string& name : impl_->loaded.Names()) {
    if (HPDF_FontDef def = HPDF_GetFontDef(doc, name.c_str())) IncludeComponentGlyphs(def);
  }
  if (HPDF_SaveToStream(doc) != HPDF_OK || impl_->sink.code != HPDF_OK) {
    return Fail(ErrorKind::kInternal, "pdf_failed",
                "The PDF could not be made (libharu error 0x" + Hex(impl_->sink.code, 4) + ").");
  }
  HPDF_UINT32 size = HPDF_GetStreamSize(doc);
  std::string bytes(size, '\0');
  HPDF_UINT32 read = size;
  if (HPDF_ReadFromStream(doc, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &read) != HPDF_OK &&
      read != size) {
    return Fail(ErrorKind::kInternal, "pdf_failed", "The PDF could not be read back.");
  }
  bytes.resize(read);
  return bytes;
}

std::vector<std::string> WrapText(const PdfFonts& fonts, std::string_view text, bool bold,
                                  float size, float width) {
  Prepared p = Prepare(fonts, text, bold, size);
  std::vector<std::string> lines;
  for (Span span : BreakLines(p, width)) {
    lines.push_back(ToUtf8(p.text.tempSubStringBetween(span.begin, span.end)));
  }
  return lines;
}

float TextWidth(const PdfFonts& fonts, std::string_view text, bool bold, float size) {
  Prepared p = Prepare(fonts, text, bold, size);
  float total = 0;
  for (float w : p.width) total += w;
  return total;
}

}  // namespace harbour::web
