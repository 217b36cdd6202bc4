#include "common/text.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include <memory>

namespace harbour {
namespace {

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// One transliterator per thread: ICU transliterators are not safe to share, and creating one
// is slow (milliseconds), so each thread builds its own on first use. Null if ICU's data is
// missing, in which case ToAsciiLatin leaves the text as it is.
icu::Transliterator* ThreadTransliterator() {
  thread_local std::unique_ptr<icu::Transliterator> transliterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> created(
        icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) created.reset();
    return created;
  }();
  return transliterator.get();
}

}  // namespace

bool IsValidUtf8(std::string_view text) {
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    unsigned char c = byte(i);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t length;
    unsigned char low = 0x80;  // bounds for the second byte (rule out overlongs, surrogates)
    unsigned char high = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      if (c == 0xE0) low = 0xA0;
      if (c == 0xED) high = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      if (c == 0xF0) low = 0x90;
      if (c == 0xF4) high = 0x8F;
    } else {
      return false;
    }
    if (i + length > n) return false;
    if (byte(i + 1) < low || byte(i + 1) > high) return false;
    for (std::size_t k = 2; k < length; ++k) {
      if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return false;
    }
    i += length;
  }
  return true;
}

std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string Trim(std::string_view text) {
  while (!text.empty() && IsAsciiSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsAsciiSpace(text.back())) text.remove_suffix(1);
  return std::string(text);
}

std::vector<std::string> NonEmptyLines(std::string_view text) {
  std::vector<std::string> lines;
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    std::string line = Trim(text.substr(0, end));
    if (!line.empty()) lines.push_back(std::move(line));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

std::string ToAsciiLatin(std::string_view text) {
  if (!IsValidUtf8(text)) return "";
  std::string ascii;
  if (icu::Transliterator* transliterator = ThreadTransliterator()) {
    icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    transliterator->transliterate(unicode);
    unicode.toUTF8String(ascii);
  } else {
    ascii.assign(text);
  }
  return ascii;
}

std::string NameKey(std::string_view name) {
  if (!IsValidUtf8(name)) return "";
  std::string ascii = ToAsciiLatin(name);
  // Keep ASCII letters (lower-cased) and digits; runs of whitespace become one space;
  // everything else (apostrophes, hyphens, leftover non-ASCII) is dropped.
  std::string key;
  key.reserve(ascii.size());
  bool pending_space = false;
  for (char c : ascii) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (IsAsciiSpace(c)) {
      pending_space = !key.empty();
    } else if (keep) {
      if (pending_space) key.push_back(' ');
      pending_space = false;
      key.push_back(c);
    }
  }
  return key;
}

std::string HexEncode(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (char c : bytes) {
    auto byte = static_cast<unsigned char>(c);
    out.push_back(kHex[byte >> 4]);
    out.push_back(kHex[byte & 0x0F]);
  }
  return out;
}

namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::size_t CharacterCount(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return count;
}

bool HasControlCharacters(std::string_view text, bool multi_line) {
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (multi_line && (c == '\n' || c == '\r' || c == '\t')) continue;
    if (byte < 0x20 || byte == 0x7F) return true;
  }
  return false;
}

Result<std::string> PercentDecode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out.push_back(text[i]);
      continue;
    }
    int high = i + 2 < text.size() ? HexValue(text[i + 1]) : -1;
    int low = high >= 0 ? HexValue(text[i + 2]) : -1;
    if (low < 0)
      return Fail(ErrorKind::kMalformed, "bad_encoding", "The request has a bad %-escape.");
    out.push_back(static_cast<char>(high * 16 + low));
    i += 2;
  }
  if (!IsValidUtf8(out))
    return Fail(ErrorKind::kMalformed, "bad_encoding", "The request is not UTF-8.");
  return out;
}

std::string PercentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out.push_back(c);
      continue;
    }
    auto byte = static_cast<unsigned char>(c);
    out.push_back('%');
    out.push_back(kHex[byte >> 4]);
    out.push_back(kHex[byte & 0x0F]);
  }
  return out;
}

std::expected<std::string, std::string> CheckedFreeText(std::string_view raw,
                                                        std::string_view missing,
                                                        std::string_view label,
                                                        std::size_t max_chars) {
  std::string text = Trim(raw);
  if (text.empty()) return std::unexpected(std::string(missing));
  if (!IsValidUtf8(text) || HasControlCharacters(text, true)) {
    return std::unexpected(std::string(label) +
                           " must only include letters, numbers, spaces and punctuation");
  }
  if (CharacterCount(text) > max_chars) {
    std::string limit = std::to_string(max_chars);
    if (limit.size() > 3) limit.insert(limit.size() - 3, ",");
    return std::unexpected(std::string(label) + " must be " + limit + " characters or fewer");
  }
  return text;
}

std::string OptionalText(std::string_view raw, const std::string& field, std::string_view label,
                         std::size_t max_chars, bool multi_line,
                         std::map<std::string, std::string>& problems) {
  std::string text = Trim(raw);
  if (text.empty()) return text;
  if (!multi_line && (!IsValidUtf8(text) || HasControlCharacters(text, false))) {
    problems[field] =
        std::string(label) + " must only include letters, numbers, spaces and punctuation";
  } else if (auto checked = CheckedFreeText(text, "", label, max_chars); !checked) {
    problems[field] = checked.error();
  }
  return text;
}

}  // namespace harbour
