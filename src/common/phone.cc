#include "common/phone.h"

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <string>
#include <string_view>

#include "common/text.h"

namespace harbour {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

constexpr std::size_t kMaxPhoneBytes = 100;
constexpr std::size_t kMaxE164Size = 16;  // '+' and at most 15 digits

std::unexpected<Error> PhoneError() {
  std::string message =
      "Enter a UK phone number like 07700 900123, or an international one starting with +";
  return Invalid({{"phone", message}}, message);
}

// Ofcom's drama mobile range 07700 900000 to 900999 is reserved, so libphonenumber calls it
// unknown; it is a mobile range for every purpose here.
bool IsDramaMobile(const PhoneNumber& number) {
  return number.country_code() == 44 && number.national_number() / 1000 == 7700900;
}

PhoneType TypeOf(const PhoneNumberUtil& util, const PhoneNumber& number) {
  switch (util.GetNumberType(number)) {
    case PhoneNumberUtil::MOBILE:
      return PhoneType::kMobile;
    case PhoneNumberUtil::FIXED_LINE:
      return PhoneType::kFixedLine;
    default:
      return IsDramaMobile(number) ? PhoneType::kMobile : PhoneType::kOther;
  }
}

}  // namespace

std::string_view PhoneTypeName(PhoneType type) {
  switch (type) {
    case PhoneType::kMobile:
      return "mobile";
    case PhoneType::kFixedLine:
      return "fixed_line";
    case PhoneType::kOther:
      return "other";
  }
  return "other";
}

Result<Phone> NormalisePhone(std::string_view text, std::string_view default_region) {
  if (text.empty() || text.size() > kMaxPhoneBytes || !IsValidUtf8(text)) return PhoneError();
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  if (util.Parse(std::string(text), std::string(default_region), &number) !=
      PhoneNumberUtil::NO_PARSING_ERROR) {
    return PhoneError();
  }
  if (!util.IsPossibleNumber(number)) return PhoneError();
  Phone phone;
  util.Format(number, PhoneNumberUtil::E164, &phone.e164);
  // A national leading zero kept after an international prefix ("+44 0121...") gives an E.164
  // form that parses back to a different number; such input is ambiguous, so it is refused.
  PhoneNumber reparsed;
  std::string again;
  if (util.Parse(phone.e164, "ZZ", &reparsed) != PhoneNumberUtil::NO_PARSING_ERROR) {
    return PhoneError();
  }
  util.Format(reparsed, PhoneNumberUtil::E164, &again);
  if (again != phone.e164 || !util.IsPossibleNumber(reparsed)) return PhoneError();
  // E.164 allows at most 15 digits; libphonenumber's metadata accepts a few longer German ones.
  if (phone.e164.size() > kMaxE164Size) return PhoneError();
  util.Format(number, PhoneNumberUtil::NATIONAL, &phone.national);
  phone.type = TypeOf(util, number);
  phone.allocated = util.IsValidNumber(number);
  return phone;
}

}  // namespace harbour
