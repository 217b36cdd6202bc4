#include "intelligence/records.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <map>
#include <utility>

#include "children/child.h"
#include "common/identifiers.h"
#include "common/phone.h"
#include "common/text.h"
#include "common/vehicle_registration.h"

namespace harbour::intelligence {
namespace {

using Errors = std::map<std::string, std::string>;

// Trimmed readable single- or multi-line text of at most `max` characters; on failure records
// a message under `key` and returns "".
std::string CheckedText(std::string_view raw, std::string_view key, std::string_view label,
                        std::size_t max, bool multi_line, Errors& errors) {
  if (!IsValidUtf8(raw)) {
    errors[std::string(key)] =
        std::string(label) + " must only include letters, numbers, spaces and punctuation";
    return "";
  }
  std::string text = Trim(raw);
  if (HasControlCharacters(text, multi_line)) {
    errors[std::string(key)] =
        std::string(label) + " must only include letters, numbers, spaces and punctuation";
    return "";
  }
  if (CharacterCount(text) > max) {
    errors[std::string(key)] =
        std::string(label) + " must be " + std::to_string(max) + " characters or fewer";
    return "";
  }
  return text;
}

std::string RequiredText(std::string_view raw, std::string_view key, std::string_view label,
                         std::size_t max, std::string_view missing, Errors& errors) {
  std::string text = CheckedText(raw, key, label, max, false, errors);
  if (text.empty() && !errors.contains(std::string(key))) errors[std::string(key)] = missing;
  return text;
}

std::optional<int> CheckedAge(std::string_view raw, std::string_view key, std::string_view label,
                              Errors& errors) {
  const std::string text = Trim(raw);
  int age = -1;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), age);
  if (text.empty() || text.size() > 3 || ec != std::errc() || end != text.data() + text.size() ||
      age < kMinPersonAge || age > kMaxPersonAge) {
    errors[std::string(key)] = std::string(label) + " must be a whole number from " +
                               std::to_string(kMinPersonAge) + " to " +
                               std::to_string(kMaxPersonAge);
    return std::nullopt;
  }
  return age;
}

// A decimal number, strictly: optional '-', digits, optional '.' and digits; nothing else.
std::optional<double> StrictNumber(std::string_view text) {
  if (text.empty() || text.size() > 32) return std::nullopt;
  std::size_t i = text.front() == '-' ? 1 : 0;
  bool digits = false;
  bool dot = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      digits = true;
    } else if (c == '.' && !dot) {
      dot = true;
    } else {
      return std::nullopt;
    }
  }
  if (!digits || text.back() == '.' || text.front() == '.' ||
      (text.size() > 1 && text[0] == '-' && text[1] == '.')) {
    return std::nullopt;
  }
  double value = 0;
  auto [end, ec] =
      std::from_chars(text.data(), text.data() + text.size(), value, std::chars_format::fixed);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

std::optional<double> CheckedCoordinate(std::string_view raw, std::string_view key,
                                        std::string_view label, double min, double max,
                                        Errors& errors) {
  const std::string text = Trim(raw);
  auto value = StrictNumber(text);
  if (!value) {
    errors[std::string(key)] = std::string(label) + " must be a number, like " +
                               (max > 1000 ? std::string("431250") : std::string("53.7457"));
    return std::nullopt;
  }
  if (*value < min || *value > max) {
    errors[std::string(key)] = std::string(label) + " must be between " +
                               std::to_string(static_cast<long long>(min)) + " and " +
                               std::to_string(static_cast<long long>(max));
    return std::nullopt;
  }
  return value;
}

std::string UpperNoSeparators(std::string_view typed) {
  std::string out;
  for (char c : typed) {
    if (c == ' ' || c == '-' || c == '\t') continue;
    out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  }
  return out;
}

std::string DigitsAndPlus(std::string_view typed) {
  std::string out;
  for (char c : typed) {
    if ((c >= '0' && c <= '9') || c == '+') out.push_back(c);
  }
  return out;
}

struct Pair {
  RecordType from;
  RecordType to;
};

std::vector<Pair> PairsOf(LinkType type) {
  using R = RecordType;
  switch (type) {
    case LinkType::kAssociate:
      return {{R::kChild, R::kPerson}, {R::kPerson, R::kPerson}};
    case LinkType::kBoyfriend:
    case LinkType::kSuspectedExploiter:
      return {{R::kChild, R::kPerson}};
    case LinkType::kRelative:
    case LinkType::kCoOffender:
      return {{R::kPerson, R::kPerson}};
    case LinkType::kDriver:
    case LinkType::kOwner:
      return {{R::kPerson, R::kVehicle}};
    case LinkType::kSeenIn:
      return {{R::kChild, R::kVehicle}, {R::kPerson, R::kVehicle}};
    case LinkType::kSeenAt:
    case LinkType::kLivesAt:
    case LinkType::kWorksAt:
      return {{R::kChild, R::kPlace}, {R::kPerson, R::kPlace}, {R::kVehicle, R::kPlace}};
    case LinkType::kUses:
      return {{R::kChild, R::kPhone},
              {R::kChild, R::kAccount},
              {R::kPerson, R::kPhone},
              {R::kPerson, R::kAccount}};
  }
  return {};
}

// Every value of `table`, in table order.
template <class E, std::size_t N>
std::vector<E> AllOf(const CodeTable<E, N>& table) {
  const auto values = table.Values();
  return std::vector<E>(values.begin(), values.end());
}

std::string LowerLabel(RecordType type) {
  std::string label(Label(type));
  if (!label.empty() && label[0] >= 'A' && label[0] <= 'Z')
    label[0] = static_cast<char>(label[0] - 'A' + 'a');
  return label;
}

}  // namespace

std::vector<PersonStatus> AllPersonStatuses() { return AllOf(kPersonStatusCodes); }
std::vector<PlaceType> AllPlaceTypes() { return AllOf(kPlaceTypeCodes); }
bool IsBusinessPremises(PlaceType type) {
  return type == PlaceType::kHotel || type == PlaceType::kBedAndBreakfast ||
         type == PlaceType::kTaxiFirm || type == PlaceType::kTakeaway ||
         type == PlaceType::kLicensedPremises;
}
std::vector<Platform> AllPlatforms() { return AllOf(kPlatformCodes); }
std::vector<LinkType> AllLinkTypes() { return AllOf(kLinkTypeCodes); }

std::string NameKey(std::string_view text) { return harbour::NameKey(text); }

// ---- People --------------------------------------------------------------------------------

Result<Person> ValidatePerson(const PersonInput& input,
                              const std::vector<std::string>& ethnicity_codes, Date today) {
  Errors errors;
  Person person;
  person.name =
      RequiredText(input.name, "name", "Name", kMaxRecordName, "Enter the person's name", errors);
  person.name_key = NameKey(person.name);
  if (!person.name.empty() && person.name_key.empty()) {
    errors["name"] = "Name must include at least one letter or number";
  }

  if (input.aliases.size() > kMaxAliases) {
    errors["aliases"] = "Enter " + std::to_string(kMaxAliases) + " other names or fewer";
  } else {
    std::vector<std::string> keys;
    for (const std::string& raw : input.aliases) {
      std::string alias = CheckedText(raw, "aliases", "Other names", kMaxRecordName, false, errors);
      if (errors.contains("aliases")) break;
      std::string key = NameKey(alias);
      if (alias.empty() || key.empty()) continue;
      if (key == person.name_key || std::ranges::find(keys, key) != keys.end()) continue;
      keys.push_back(std::move(key));
      person.aliases.push_back(std::move(alias));
    }
    if (errors.contains("aliases")) person.aliases.clear();
  }

  const bool has_date = !Trim(input.date_of_birth).empty();
  const bool has_range = !Trim(input.age_from).empty() || !Trim(input.age_to).empty();
  if (has_date && has_range) {
    errors["age_from"] = "Enter a date of birth or an age range, not both";
  } else if (has_date) {
    auto date = ParseDate(Trim(input.date_of_birth));
    if (!date) {
      errors["date_of_birth"] = "Date of birth must be a real date, like 1990-04-21";
    } else if (std::chrono::sys_days{*date} > std::chrono::sys_days{today}) {
      errors["date_of_birth"] = "Date of birth must be in the past";
    } else {
      const int age = AgeInYears(*date, today);
      if (age < kMinPersonAge || age > kMaxPersonAge) {
        errors["date_of_birth"] = "Date of birth must give an age from " +
                                  std::to_string(kMinPersonAge) + " to " +
                                  std::to_string(kMaxPersonAge);
      } else {
        person.date_of_birth = *date;
      }
    }
  } else if (has_range) {
    if (!Trim(input.age_from).empty()) {
      person.age_from = CheckedAge(input.age_from, "age_from", "Youngest age", errors);
    }
    if (!Trim(input.age_to).empty()) {
      person.age_to = CheckedAge(input.age_to, "age_to", "Oldest age", errors);
    }
    if (person.age_from && person.age_to && *person.age_from > *person.age_to) {
      errors["age_to"] = "Oldest age must be the same as or more than the youngest age";
    }
  }

  const std::string sex = Trim(input.sex);
  if (!sex.empty()) {
    if (children::SexFromCode(sex)) {
      person.sex = sex;
    } else {
      errors["sex"] = "Select the person's sex, or 'Not known'";
    }
  }
  const std::string ethnicity = Trim(input.ethnicity);
  if (!ethnicity.empty() && ethnicity != "not_known") {
    if (std::ranges::find(ethnicity_codes, ethnicity) != ethnicity_codes.end()) {
      person.ethnicity = ethnicity;
    } else {
      errors["ethnicity"] = "Select the person's ethnic group from the list";
    }
  }
  person.description =
      CheckedText(input.description, "description", "Description", kMaxDescription, true, errors);

  const std::string status = Trim(input.status);
  if (status.empty()) {
    errors["status"] = "Select the person's status";
  } else if (auto value = PersonStatusFromCode(status)) {
    person.status = *value;
  } else {
    errors["status"] =
        "Status must be suspected, arrested, charged, convicted or no further action";
  }

  if (!errors.empty()) return Invalid(std::move(errors));
  return person;
}

std::string PersonLabel(const Person& person) {
  if (person.date_of_birth) {
    return person.name + " (b. " + std::to_string(static_cast<int>(person.date_of_birth->year())) +
           ")";
  }
  if (person.age_from && person.age_to) {
    if (*person.age_from == *person.age_to) {
      return person.name + " (aged about " + std::to_string(*person.age_from) + ")";
    }
    return person.name + " (aged " + std::to_string(*person.age_from) + "-" +
           std::to_string(*person.age_to) + ")";
  }
  if (person.age_from) return person.name + " (aged " + std::to_string(*person.age_from) + "+)";
  if (person.age_to) return person.name + " (aged up to " + std::to_string(*person.age_to) + ")";
  return person.name;
}

// ---- Vehicles ------------------------------------------------------------------------------

std::string RegistrationKey(std::string_view typed) {
  if (auto reg = NormaliseRegistration(typed)) return reg->canonical;
  return UpperNoSeparators(Trim(typed));
}

void FillVehicleDisplay(Vehicle& vehicle) {
  if (vehicle.verified) {
    auto reg = NormaliseRegistration(vehicle.registration);
    vehicle.display = reg ? reg->display : vehicle.registration;
    vehicle.warning.clear();
  } else {
    vehicle.display = vehicle.registration;
    vehicle.warning = std::string(kUnverifiedRegistrationWarning);
  }
}

Result<Vehicle> ValidateVehicle(const VehicleInput& input) {
  Errors errors;
  Vehicle vehicle;
  vehicle.registration_typed =
      RequiredText(input.registration, "registration", "Registration", kMaxIdentifier,
                   "Enter the vehicle's registration", errors);
  if (!vehicle.registration_typed.empty()) {
    if (auto reg = NormaliseRegistration(vehicle.registration_typed)) {
      vehicle.registration = reg->canonical;
      vehicle.verified = true;
    } else {
      vehicle.registration = UpperNoSeparators(vehicle.registration_typed);
      vehicle.verified = false;
      if (vehicle.registration.empty()) {
        errors["registration"] = "Enter the vehicle's registration";
      }
    }
  }
  vehicle.make = CheckedText(input.make, "make", "Make", kMaxVehicleText, false, errors);
  vehicle.model = CheckedText(input.model, "model", "Model", kMaxVehicleText, false, errors);
  vehicle.colour = CheckedText(input.colour, "colour", "Colour", kMaxVehicleText, false, errors);
  if (!errors.empty()) return Invalid(std::move(errors));
  FillVehicleDisplay(vehicle);
  return vehicle;
}

std::string VehicleLabel(const Vehicle& vehicle) {
  std::string label = vehicle.display.empty() ? vehicle.registration : vehicle.display;
  if (!vehicle.verified) label += " (unverified)";
  for (const std::string* part : {&vehicle.colour, &vehicle.make, &vehicle.model}) {
    if (!part->empty()) label += " " + *part;
  }
  return label;
}

// ---- Phones --------------------------------------------------------------------------------

std::string PhoneKey(std::string_view typed) {
  if (auto phone = NormalisePhone(typed)) return phone->e164;
  return DigitsAndPlus(typed);
}

void FillPhoneDisplay(Phone& phone) {
  if (phone.verified) {
    auto parsed = NormalisePhone(phone.number);
    phone.display = parsed ? parsed->national : phone.number;
    phone.warning.clear();
  } else {
    phone.display = phone.number_typed.empty() ? phone.number : phone.number_typed;
    phone.warning = std::string(kUnverifiedPhoneWarning);
  }
}

Result<Phone> ValidatePhone(const PhoneInput& input) {
  Errors errors;
  Phone phone;
  phone.number_typed = RequiredText(input.number, "number", "Phone number", kMaxIdentifier,
                                    "Enter the phone number", errors);
  if (!phone.number_typed.empty()) {
    if (auto parsed = NormalisePhone(phone.number_typed)) {
      phone.number = parsed->e164;
      phone.kind = std::string(PhoneTypeName(parsed->type));
      phone.verified = true;
    } else {
      phone.number = DigitsAndPlus(phone.number_typed);
      phone.verified = false;
      if (phone.number.find_first_of("0123456789") == std::string::npos) {
        errors["number"] = "Phone number must include digits";
      }
    }
  }
  if (!errors.empty()) return Invalid(std::move(errors));
  FillPhoneDisplay(phone);
  return phone;
}

std::string PhoneLabel(const Phone& phone) {
  std::string label = phone.display.empty() ? phone.number : phone.display;
  if (!phone.verified) return label + " (unverified)";
  if (phone.kind == "mobile") return label + " (mobile)";
  if (phone.kind == "fixed_line") return label + " (landline)";
  return label;
}

// ---- Accounts ------------------------------------------------------------------------------

std::string HandleKey(std::string_view handle) {
  std::string text = Trim(handle);
  if (!text.empty() && text.front() == '@') text.erase(0, 1);
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

Result<Account> ValidateAccount(const AccountInput& input) {
  Errors errors;
  Account account;
  const std::string platform = Trim(input.platform);
  if (platform.empty()) {
    errors["platform"] = "Select the platform";
  } else if (auto value = PlatformFromCode(platform)) {
    account.platform = *value;
  } else {
    errors["platform"] = "Select the platform from the list";
  }
  account.handle = RequiredText(input.handle, "handle", "Handle", kMaxIdentifier,
                                "Enter the account's handle or user name", errors);
  if (!account.handle.empty()) {
    account.handle_key = HandleKey(account.handle);
    if (account.handle_key.empty()) {
      errors["handle"] = "Enter the account's handle or user name";
    } else if (account.handle_key.find_first_of(" \t") != std::string::npos &&
               account.platform != Platform::kFacebook && account.platform != Platform::kOther) {
      errors["handle"] = "Handle must not include spaces";
    }
  }
  if (!errors.empty()) return Invalid(std::move(errors));
  return account;
}

std::string AccountLabel(const Account& account) {
  std::string handle = account.handle;
  if (!handle.empty() && handle.front() != '@') handle = "@" + handle;
  return handle + " on " + std::string(Label(account.platform));
}

// ---- Places --------------------------------------------------------------------------------

std::string PostcodeKey(std::string_view typed) {
  if (auto postcode = NormalisePostcode(typed)) return *postcode;
  return Trim(typed);
}

Result<Place> ValidatePlace(const PlaceInput& input) {
  Errors errors;
  Place place;
  place.name = RequiredText(input.name, "name", "Name", kMaxRecordName,
                            "Enter the place's name, like the business name or the street", errors);
  place.name_key = NameKey(place.name);
  if (!place.name.empty() && place.name_key.empty()) {
    errors["name"] = "Name must include at least one letter or number";
  }
  const std::string type = Trim(input.type);
  if (type.empty()) {
    errors["type"] = "Select the type of place";
  } else if (auto value = PlaceTypeFromCode(type)) {
    place.type = *value;
  } else {
    errors["type"] = "Select the type of place from the list";
  }
  place.address = CheckedText(input.address, "address", "Address", kMaxAddress, true, errors);
  place.postcode_typed =
      CheckedText(input.postcode, "postcode", "Postcode", kMaxIdentifier, false, errors);
  if (!place.postcode_typed.empty()) {
    if (auto postcode = NormalisePostcode(place.postcode_typed)) {
      place.postcode = *postcode;
      place.postcode_verified = true;
    } else {
      place.postcode = place.postcode_typed;
      place.postcode_verified = false;
      place.warnings.emplace_back(kUnverifiedPostcodeWarning);
    }
  }

  const bool has_lat = !Trim(input.latitude).empty();
  const bool has_lon = !Trim(input.longitude).empty();
  const bool has_east = !Trim(input.easting).empty();
  const bool has_north = !Trim(input.northing).empty();
  if ((has_lat || has_lon) && (has_east || has_north)) {
    errors["latitude"] = "Enter latitude and longitude, or easting and northing, not both";
  } else if (has_lat || has_lon) {
    if (!has_lat) errors["latitude"] = "Enter the latitude as well as the longitude";
    if (!has_lon) errors["longitude"] = "Enter the longitude as well as the latitude";
    if (has_lat && has_lon) {
      place.latitude = CheckedCoordinate(input.latitude, "latitude", "Latitude", -90, 90, errors);
      place.longitude =
          CheckedCoordinate(input.longitude, "longitude", "Longitude", -180, 180, errors);
    }
  } else if (has_east || has_north) {
    if (!has_east) errors["easting"] = "Enter the easting as well as the northing";
    if (!has_north) errors["northing"] = "Enter the northing as well as the easting";
    if (has_east && has_north) {
      place.easting = CheckedCoordinate(input.easting, "easting", "Easting", 0, 700000, errors);
      place.northing =
          CheckedCoordinate(input.northing, "northing", "Northing", 0, 1300000, errors);
    }
  }
  if (!errors.empty()) return Invalid(std::move(errors));
  return place;
}

std::string PlaceLabel(const Place& place) {
  if (place.postcode.empty()) return place.name;
  return place.name + ", " + place.postcode;
}

// ---- Links ---------------------------------------------------------------------------------

std::string AllowedPairsText(LinkType type) {
  std::string text;
  for (const Pair& pair : PairsOf(type)) {
    if (!text.empty()) text += ", ";
    text += LowerLabel(pair.from) + " and " + LowerLabel(pair.to);
  }
  return text;
}

Result<LinkEnds> ValidateLink(LinkType type, RecordType from, RecordType to) {
  for (const Pair& pair : PairsOf(type)) {
    if (pair.from == from && pair.to == to) return LinkEnds{from, to, false};
    if (pair.from == to && pair.to == from) return LinkEnds{to, from, true};
  }
  return Invalid(
      {{"link_type", "\"" + std::string(Label(type)) + "\" links " + AllowedPairsText(type) +
                         ", not " + LowerLabel(from) + " and " + LowerLabel(to)}},
      "This link type does not fit these records.");
}

Result<CanonicalLinkEnds> CanonicalLink(LinkType type, RecordType from_type,
                                        std::string_view from_id, RecordType to_type,
                                        std::string_view to_id) {
  auto ends = ValidateLink(type, from_type, to_type);
  if (!ends) return std::unexpected(ends.error());
  std::string a(from_id), b(to_id);
  if (ends->swapped) std::swap(a, b);
  if (ends->from == ends->to) {
    if (a == b) return Invalid({{"to_id", "A record cannot be linked to itself"}});
    if (b < a) std::swap(a, b);
  }
  return CanonicalLinkEnds{type, ends->from, std::move(a), ends->to, std::move(b)};
}

}  // namespace harbour::intelligence
