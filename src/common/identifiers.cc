#include "common/identifiers.h"

#include <optional>

namespace harbour {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
char ToUpper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }
bool IsOneOf(char c, std::string_view set) { return set.find(c) != std::string_view::npos; }

// NHS modulus 11: weights 10 down to 2 over the first nine digits; 11 - (sum mod 11), where
// 11 means 0 and 10 means no valid number has these nine digits.
std::optional<int> NhsCheckDigit(std::string_view nine_digits) {
  int sum = 0;
  for (int i = 0; i < 9; ++i) sum += (nine_digits[i] - '0') * (10 - i);
  int check = 11 - sum % 11;
  if (check == 11) return 0;
  if (check == 10) return std::nullopt;
  return check;
}

// The DfE check alphabet: 0 -> A ... 22 -> Z, without I, O and S.
constexpr std::string_view kUpnAlphabet = "ABCDEFGHJKLMNPQRTUVWXYZ";

// Check letter for characters 2-13 of a UPN (`body`, 12 characters): each character times its
// position (2-13), summed, mod 23. A final letter (temporary UPN) counts as its index in
// kUpnAlphabet.
char UpnCheckLetter(std::string_view body) {
  int sum = 0;
  for (int i = 0; i < 12; ++i) {
    char c = body[i];
    int value = IsDigit(c) ? c - '0' : static_cast<int>(kUpnAlphabet.find(c));
    sum += value * (i + 2);
  }
  return kUpnAlphabet[sum % 23];
}

std::string WithoutSeparators(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c != ' ' && c != '-' && c != '\t') out.push_back(c);
  }
  return out;
}

std::unexpected<Error> NhsError(std::string message) {
  return Invalid({{"nhs_number", message}}, message);
}
std::unexpected<Error> UpnError(std::string message) {
  return Invalid({{"upn", message}}, message);
}
std::unexpected<Error> PostcodeError() {
  std::string message = "Enter a real postcode, like SW1A 1AA";
  return Invalid({{"postcode", message}}, message);
}

// Royal Mail rules for the outward code (without the trailing district letter checks of the
// inward code). `outward` is upper case, 2 to 4 characters.
bool IsValidOutward(std::string_view outward) {
  constexpr std::string_view kFirstLetters = "ABCDEFGHIJKLMNOPRSTUWYZ";   // not Q, V, X
  constexpr std::string_view kSecondLetters = "ABCDEFGHKLMNOPQRSTUVWXY";  // not I, J, Z
  constexpr std::string_view kThirdLetters = "ABCDEFGHJKPSTUW";           // A9A
  constexpr std::string_view kFourthLetters = "ABEHMNPRVWXY";             // AA9A
  if (outward.size() < 2 || !IsOneOf(outward[0], kFirstLetters)) return false;
  std::string_view rest = outward.substr(1);
  // A9, A99, A9A
  if (IsDigit(rest[0])) {
    if (rest.size() == 1) return true;
    if (rest.size() != 2) return false;
    return IsDigit(rest[1]) || IsOneOf(rest[1], kThirdLetters);
  }
  // AA9, AA99, AA9A
  if (!IsOneOf(rest[0], kSecondLetters) || rest.size() < 2 || !IsDigit(rest[1])) return false;
  if (rest.size() == 2) return true;
  if (rest.size() != 3) return false;
  return IsDigit(rest[2]) || IsOneOf(rest[2], kFourthLetters);
}

bool IsValidInward(std::string_view inward) {
  constexpr std::string_view kInwardLetters = "ABDEFGHJLNPQRSTUWXYZ";  // not C, I, K, M, O, V
  return inward.size() == 3 && IsDigit(inward[0]) && IsOneOf(inward[1], kInwardLetters) &&
         IsOneOf(inward[2], kInwardLetters);
}

}  // namespace

Result<std::string> NormaliseNhsNumber(std::string_view text) {
  std::string digits = WithoutSeparators(text);
  if (digits.empty()) return NhsError("Enter an NHS number");
  for (char c : digits) {
    if (!IsDigit(c)) return NhsError("NHS number must only include numbers 0 to 9");
  }
  if (digits.size() != 10) return NhsError("NHS number must be 10 digits");
  std::optional<int> check = NhsCheckDigit(digits);
  if (!check || *check != digits[9] - '0') {
    return NhsError("NHS number is not valid: check the digits");
  }
  return digits;
}

std::string FormatNhsNumber(std::string_view ten_digits) {
  if (ten_digits.size() != 10) return std::string(ten_digits);
  return std::string(ten_digits.substr(0, 3)) + " " + std::string(ten_digits.substr(3, 3)) + " " +
         std::string(ten_digits.substr(6));
}

std::string SyntheticNhsNumber(std::uint64_t n) {
  // 999 + six digits; about one in eleven bodies has no valid check digit, so step on.
  for (std::uint64_t i = 0;; ++i) {
    std::string body = std::to_string((n + i) % 1'000'000);
    body = "999" + std::string(6 - body.size(), '0') + body;
    if (std::optional<int> check = NhsCheckDigit(body)) {
      return body + static_cast<char>('0' + *check);
    }
  }
}

Result<std::string> NormaliseUpn(std::string_view text) {
  std::string upn = WithoutSeparators(text);
  if (upn.empty()) return UpnError("Enter a unique pupil number");
  for (char& c : upn) c = ToUpper(c);
  if (upn.size() != 13) return UpnError("Unique pupil number must be 13 characters");
  bool shape_ok = IsUpper(upn[0]);
  for (std::size_t i = 1; i < 12; ++i) shape_ok = shape_ok && IsDigit(upn[i]);
  shape_ok = shape_ok && (IsDigit(upn[12]) || IsOneOf(upn[12], kUpnAlphabet));
  if (!shape_ok) {
    return UpnError("Unique pupil number must be a letter, 11 numbers, then a number or a letter");
  }
  if (UpnCheckLetter(std::string_view(upn).substr(1)) != upn[0]) {
    return UpnError("Unique pupil number is not valid: check the characters");
  }
  return upn;
}

std::string SyntheticUpn(std::uint64_t n) {
  // Local authority number 999 is not allocated, so these can never be real pupils' UPNs.
  std::string serial = std::to_string(n % 1'000'000'000);
  std::string body = "999" + std::string(9 - serial.size(), '0') + serial;
  return UpnCheckLetter(body) + body;
}

Result<std::string> NormalisePostcode(std::string_view text) {
  std::string compact;
  for (char c : text) {
    if (c == ' ' || c == '\t') continue;
    compact.push_back(ToUpper(c));
  }
  if (compact.size() < 5 || compact.size() > 7) return PostcodeError();
  std::string_view view(compact);
  std::string_view outward = view.substr(0, view.size() - 3);
  std::string_view inward = view.substr(view.size() - 3);
  bool giro = outward == "GIR" && inward == "0AA";
  if (!giro && (!IsValidOutward(outward) || !IsValidInward(inward))) return PostcodeError();
  return std::string(outward) + " " + std::string(inward);
}

std::string OutwardCode(std::string_view canonical_postcode) {
  std::size_t space = canonical_postcode.find(' ');
  return std::string(canonical_postcode.substr(0, space));
}

}  // namespace harbour
