#include "common/vehicle_registration.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace harbour {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLetter(char c) { return c >= 'A' && c <= 'Z'; }
bool IsOneOf(char c, std::string_view set) { return set.find(c) != std::string_view::npos; }

// Spaces and hyphens removed, ASCII letters upper-cased; other bytes kept so they fail later.
std::string Squeeze(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == ' ' || c == '-' || c == '\t') continue;
    out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  }
  return out;
}

// Length of the run of letters (or digits) starting at `from`.
std::size_t LetterRun(std::string_view s, std::size_t from) {
  std::size_t n = 0;
  while (from + n < s.size() && IsLetter(s[from + n])) ++n;
  return n;
}
std::size_t DigitRun(std::string_view s, std::size_t from) {
  std::size_t n = 0;
  while (from + n < s.size() && IsDigit(s[from + n])) ++n;
  return n;
}

bool NoneOf(std::string_view letters, std::string_view banned) {
  for (char c : letters) {
    if (IsOneOf(c, banned)) return false;
  }
  return true;
}

Registration Make(std::string_view s, std::size_t space_at, RegistrationFormat format) {
  std::string display(s.substr(0, space_at));
  display += ' ';
  display += s.substr(space_at);
  return Registration{std::string(s), display, format};
}

std::optional<Registration> Classify(std::string_view s) {
  std::size_t letters = LetterRun(s, 0);
  if (letters > 0) {
    std::size_t digits = DigitRun(s, letters);
    std::size_t tail = LetterRun(s, letters + digits);
    if (letters + digits + tail != s.size() || digits == 0) return std::nullopt;
    std::string_view number = s.substr(letters, digits);
    if (letters == 2 && digits == 2 && tail == 3) {
      if (NoneOf(s.substr(0, 2), "IQZ") && NoneOf(s.substr(4), "IQ")) {
        return Make(s, 4, RegistrationFormat::kCurrent);
      }
      return std::nullopt;
    }
    if (number[0] == '0') return std::nullopt;
    if (letters == 1 && digits <= 3 && tail == 3) {
      if (NoneOf(s.substr(0, 1), "IOUZ")) return Make(s, 1 + digits, RegistrationFormat::kPrefix);
      return std::nullopt;
    }
    if (letters == 3 && digits <= 3 && tail == 1) {
      if (NoneOf(s.substr(s.size() - 1), "IOQUZ")) return Make(s, 3, RegistrationFormat::kSuffix);
      return std::nullopt;
    }
    if (tail != 0 || letters > 3 || digits > 4) return std::nullopt;
    if (letters == 3 && !NoneOf(s.substr(1, 2), "IZ")) {
      return Make(s, 3, RegistrationFormat::kNorthernIreland);
    }
    return Make(s, letters, RegistrationFormat::kDateless);
  }
  std::size_t digits = DigitRun(s, 0);
  std::size_t tail = LetterRun(s, digits);
  if (digits == 0 || digits > 4 || tail == 0 || tail > 3 || digits + tail != s.size()) {
    return std::nullopt;
  }
  if (s[0] == '0') return std::nullopt;
  return Make(s, digits, RegistrationFormat::kDateless);
}

}  // namespace

std::string_view RegistrationFormatName(RegistrationFormat format) {
  switch (format) {
    case RegistrationFormat::kCurrent:
      return "current";
    case RegistrationFormat::kPrefix:
      return "prefix";
    case RegistrationFormat::kSuffix:
      return "suffix";
    case RegistrationFormat::kDateless:
      return "dateless";
    case RegistrationFormat::kNorthernIreland:
      return "northern_ireland";
  }
  return "dateless";
}

Result<Registration> NormaliseRegistration(std::string_view text) {
  std::string squeezed = Squeeze(text);
  std::optional<Registration> parsed;
  if (squeezed.size() >= 2 && squeezed.size() <= 7) parsed = Classify(squeezed);
  if (!parsed) {
    std::string message = "Enter a UK registration like AB12 CDE";
    return Invalid({{"registration", message}}, message);
  }
  return *parsed;
}

bool RegistrationsMatch(std::string_view a, std::string_view b) {
  std::string left = Squeeze(a);
  return !left.empty() && left == Squeeze(b);
}

}  // namespace harbour
