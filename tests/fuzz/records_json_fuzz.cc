// The API's record and link bodies (ParseRecordJson for every record type, ParseRecordLinkJson) on
// arbitrary bytes, followed by what the server does next with an accepted body: the domain's
// ValidatePerson, ValidateVehicle, ValidatePlace, ValidatePhone and ValidateAccount. A rejection
// is malformed JSON, not an object, or names at least one field; accepted text is trimmed, within
// its limits and free of control characters. The domain fails only with field errors, and what
// it accepts keeps its rules: a registration, number or postcode is never dropped (kept as typed
// and marked unverified), ages and coordinates within their ranges, never both coordinate kinds.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/text.h"
#include "fuzz_check.h"
#include "intelligence/records.h"
#include "web/records/records_json.h"

namespace {

using namespace harbour;
namespace in = harbour::intelligence;

const Date kToday{std::chrono::year(2026), std::chrono::month(3), std::chrono::day(4)};

bool Clean(const std::string& text, std::size_t max, bool multi_line) {
  return text == Trim(text) && IsValidUtf8(text) && !HasControlCharacters(text, multi_line) &&
         CharacterCount(text) <= max;
}

void CheckRejection(const Error& e) {
  FUZZ_CHECK(e.code == "malformed_json" || e.code == "not_an_object" ||
             e.code == "validation_failed");
  if (e.code == "validation_failed") FUZZ_CHECK(!e.fields.empty());
}

void CheckDomainRefusal(const Error& e) {
  FUZZ_CHECK(e.kind == ErrorKind::kInvalid && !e.fields.empty());
}

void CheckRecord(in::RecordType type, std::string_view input) {
  auto parsed = web::ParseRecordJson(type, input);
  if (!parsed) return CheckRejection(parsed.error());
  switch (type) {
    case in::RecordType::kPerson: {
      const auto& p = parsed->person;
      FUZZ_CHECK(Clean(p.name, in::kMaxRecordName, false));
      FUZZ_CHECK(p.aliases.size() <= in::kMaxAliases);
      auto person = in::ValidatePerson(p, {"white_british"}, kToday);
      if (!person) return CheckDomainRefusal(person.error());
      FUZZ_CHECK(!person->name.empty() && !person->name_key.empty());
      FUZZ_CHECK(!(person->date_of_birth && (person->age_from || person->age_to)));
      if (person->age_from) FUZZ_CHECK(*person->age_from >= 10 && *person->age_from <= 100);
      if (person->age_to) FUZZ_CHECK(*person->age_to >= 10 && *person->age_to <= 100);
      if (person->age_from && person->age_to) FUZZ_CHECK(*person->age_from <= *person->age_to);
      break;
    }
    case in::RecordType::kVehicle: {
      auto vehicle = in::ValidateVehicle(parsed->vehicle);
      if (!vehicle) return CheckDomainRefusal(vehicle.error());
      FUZZ_CHECK(!vehicle->registration.empty());
      FUZZ_CHECK(vehicle->verified == vehicle->warning.empty());
      FUZZ_CHECK(in::RegistrationKey(vehicle->registration_typed) == vehicle->registration);
      break;
    }
    case in::RecordType::kPlace: {
      auto place = in::ValidatePlace(parsed->place);
      if (!place) return CheckDomainRefusal(place.error());
      FUZZ_CHECK(!(place->latitude && place->easting));
      FUZZ_CHECK(place->latitude.has_value() == place->longitude.has_value());
      if (place->latitude) FUZZ_CHECK(*place->latitude >= -90 && *place->latitude <= 90);
      if (!parsed->place.postcode.empty()) FUZZ_CHECK(!place->postcode.empty());
      break;
    }
    case in::RecordType::kPhone: {
      auto phone = in::ValidatePhone(parsed->phone);
      if (!phone) return CheckDomainRefusal(phone.error());
      FUZZ_CHECK(!phone->number.empty());
      FUZZ_CHECK(phone->verified == phone->warning.empty());
      break;
    }
    case in::RecordType::kAccount: {
      auto account = in::ValidateAccount(parsed->account);
      if (!account) return CheckDomainRefusal(account.error());
      FUZZ_CHECK(!account->handle_key.empty() && account->handle_key.front() != '@');
      break;
    }
    case in::RecordType::kChild:
      break;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  for (auto type : {in::RecordType::kPerson, in::RecordType::kVehicle, in::RecordType::kPlace,
                    in::RecordType::kPhone, in::RecordType::kAccount}) {
    CheckRecord(type, input);
  }
  auto link = web::ParseRecordLinkJson(input);
  if (!link) {
    CheckRejection(link.error());
  } else {
    FUZZ_CHECK(Clean(link->from_id, web::kMaxRecordCodeChars, false) &&
               Clean(link->report_id, web::kMaxRecordCodeChars, false));
  }
  return 0;
}
