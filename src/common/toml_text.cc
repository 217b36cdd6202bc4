#include "common/toml_text.h"

#include "common/text.h"

namespace harbour {

namespace {

std::uint_least32_t LineOfFirstInvalidUtf8(std::string_view text) {
  std::uint_least32_t line = 1;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    std::string_view this_line =
        text.substr(start, end == std::string_view::npos ? end : end - start);
    if (!IsValidUtf8(this_line)) return line;
    if (end == std::string_view::npos) break;
    start = end + 1;
    ++line;
  }
  return line;
}

// The line where bracket nesting outside strings and comments first passes kMaxTomlNesting, or
// 0 when it never does. Follows TOML's four string forms and comments, so it is exact for
// valid files; used only to refuse input that would recurse deeply inside toml11.
std::uint_least32_t LineOfExcessiveNesting(std::string_view text) {
  int depth = 0;
  std::uint_least32_t line = 1;
  std::string_view closing;  // the delimiter that ends the current string, if in one
  bool comment = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') {
      ++line;
      comment = false;
      if (closing.size() == 1) closing = {};  // single-line strings end here (or are invalid)
      continue;
    }
    if (comment) continue;
    if (!closing.empty()) {
      if (c == '\\' && closing[0] == '"' && i + 1 < text.size() && text[i + 1] != '\n') {
        ++i;
      } else if (text.substr(i, closing.size()) == closing) {
        // A multi-line string may end with up to two extra quotes: """a""""" is `a""`.
        std::size_t run = closing.size();
        while (closing.size() == 3 && run < 5 && i + run < text.size() && text[i + run] == c) {
          ++run;
        }
        i += run - 1;
        closing = {};
      }
      continue;
    }
    if (c == '#') {
      comment = true;
    } else if (c == '"' || c == '\'') {
      std::string_view rest = text.substr(i);
      if (rest.starts_with("\"\"\"") || rest.starts_with("'''")) {
        closing = rest.substr(0, 3);
      } else {
        closing = rest.substr(0, 1);
      }
      i += closing.size() - 1;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxTomlNesting) return line;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return 0;
}

}  // namespace

// toml11 3.7 does not always put the failing line in exception::location() (a bad date
// reports line 1) but always quotes it in what(), as " 4 | date = 2026-02-30". Returns the
// first quoted line number, or `fallback`.
std::uint_least32_t LineInTomlMessage(std::string_view message, std::uint_least32_t fallback) {
  std::size_t pos = 0;
  while (pos < message.size()) {
    std::size_t end = message.find('\n', pos);
    std::string_view line = message.substr(pos, end == std::string_view::npos ? end : end - pos);
    pos = end == std::string_view::npos ? message.size() : end + 1;
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    std::uint_least32_t number = 0;
    std::size_t digits = 0;
    while (digits < line.size() && digits < 9 && line[digits] >= '0' && line[digits] <= '9') {
      number = number * 10 + static_cast<std::uint_least32_t>(line[digits] - '0');
      ++digits;
    }
    if (digits > 0 && line.substr(digits).starts_with(" |")) return number;
  }
  return fallback;
}

std::optional<TomlProblem> CheckTomlText(std::string_view text) {
  if (text.size() > kMaxTomlBytes) return TomlProblem{1, "the file is too large"};
  if (!IsValidUtf8(text))
    return TomlProblem{LineOfFirstInvalidUtf8(text), "the file is not valid UTF-8"};
  if (std::uint_least32_t line = LineOfExcessiveNesting(text); line != 0) {
    return TomlProblem{line, "brackets are nested too deeply"};
  }
  return std::nullopt;
}

}  // namespace harbour
