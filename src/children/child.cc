#include "children/child.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <map>
#include <utility>

#include "common/identifiers.h"
#include "common/text.h"

namespace harbour::children {
namespace {

constexpr std::size_t kMaxName = 100;
constexpr std::size_t kMaxFreeText = 200;
constexpr std::size_t kMaxAddress = 500;
constexpr std::size_t kMaxAliases = 20;
constexpr int kMaxAge = 25;

using Errors = std::map<std::string, std::string>;

// Trims `raw` and checks it is readable text of at most `max` characters. On failure records
// a message under `key` and returns "". `label` starts the message ("Given name").
std::string CheckedText(std::string_view raw, std::string_view key, std::string_view label,
                        std::size_t max, bool multi_line, Errors& errors) {
  std::string text = Trim(raw);
  if (!IsValidUtf8(text) || HasControlCharacters(text, multi_line)) {
    errors[std::string(key)] = std::string(label) +
                               " must only include letters, numbers, "
                               "spaces and punctuation";
    return "";
  }
  if (CharacterCount(text) > max) {
    errors[std::string(key)] =
        std::string(label) + " must be " + std::to_string(max) + " characters or fewer";
    return "";
  }
  return text;
}

std::string RequiredName(std::string_view raw, std::string_view key, std::string_view label,
                         std::string_view missing_message, Errors& errors) {
  std::string name = CheckedText(raw, key, label, kMaxName, false, errors);
  if (name.empty() && !errors.contains(std::string(key))) {
    errors[std::string(key)] = std::string(missing_message);
  }
  return name;
}

std::vector<std::string> CheckedAliases(std::string_view raw, Errors& errors) {
  if (!IsValidUtf8(raw)) {
    errors["aliases"] = "Other names must only include letters, numbers, spaces and punctuation";
    return {};
  }
  std::vector<std::string> aliases = NonEmptyLines(raw);
  if (aliases.size() > kMaxAliases) {
    errors["aliases"] = "Enter " + std::to_string(kMaxAliases) + " other names or fewer";
    return {};
  }
  for (const std::string& alias : aliases) {
    if (HasControlCharacters(alias, false)) {
      errors["aliases"] = "Other names must only include letters, numbers, spaces and punctuation";
      return {};
    }
    if (CharacterCount(alias) > kMaxName) {
      errors["aliases"] =
          "Each other name must be " + std::to_string(kMaxName) + " characters or fewer";
      return {};
    }
  }
  // The same name twice is one alias; the order given is kept.
  std::vector<std::string> unique;
  for (auto& alias : aliases) {
    if (std::find(unique.begin(), unique.end(), alias) == unique.end()) unique.push_back(alias);
  }
  return unique;
}

// `today` minus whole years; 29 February becomes 28 February in a non-leap year.
Date YearsBefore(Date today, int years) {
  Date earlier = today - std::chrono::years{years};
  if (!earlier.ok()) earlier = earlier.year() / earlier.month() / std::chrono::last;
  return earlier;
}

std::optional<Date> CheckedDateOfBirth(std::string_view raw, Date today, Errors& errors) {
  auto date = ParseDate(Trim(raw));
  if (!date) {
    errors["date_of_birth"] = "Date of birth must be a real date, like 2012-03-27";
    return std::nullopt;
  }
  const std::chrono::sys_days birth{*date};
  if (birth > std::chrono::sys_days{today}) {
    errors["date_of_birth"] = "Date of birth must be in the past";
    return std::nullopt;
  }
  if (birth < std::chrono::sys_days{YearsBefore(today, kMaxAge)}) {
    errors["date_of_birth"] = "Date of birth must be within the last 25 years";
    return std::nullopt;
  }
  return *date;
}

std::optional<int> CheckedEstimatedAge(std::string_view raw, Errors& errors) {
  const std::string text = Trim(raw);
  int age = -1;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), age);
  if (ec != std::errc() || end != text.data() + text.size() || age < 0 || age > kMaxAge ||
      text.size() > 2) {
    errors["estimated_age"] = "Estimated age must be a whole number from 0 to 25";
    return std::nullopt;
  }
  return age;
}

// An enumeration chosen from a list: empty input gives `fallback`, an unknown code records
// `message` under `key`.
template <class E, std::size_t N>
E CheckedChoice(const CodeTable<E, N>& table, std::string_view raw, std::string_view key,
                E fallback, std::string_view message, Errors& errors) {
  const std::string code = Trim(raw);
  if (code.empty()) return fallback;
  if (auto value = table.FromCode(code)) return *value;
  errors[std::string(key)] = std::string(message);
  return fallback;
}

// An optional identifier: "" when blank, otherwise normalised by `normalise`; on failure the
// message is `message` if given, else the normaliser's own.
template <class Normalise>
std::string CheckedIdentifier(std::string_view raw, std::string_view key, Normalise normalise,
                              std::string_view message, Errors& errors) {
  const std::string text = Trim(raw);
  if (text.empty()) return "";
  Result<std::string> normalised = normalise(text);
  if (normalised) return *normalised;
  errors[std::string(key)] = message.empty() ? normalised.error().message : std::string(message);
  return "";
}

}  // namespace

bool IsLookedAfter(LegalStatus v) {
  return v == LegalStatus::kLookedAfterS20 || v == LegalStatus::kLookedAfterS31 ||
         v == LegalStatus::kLookedAfterS38;
}

Result<Child> ValidateChild(const ChildInput& input, const reference::Catalogue& catalogue,
                            Date today) {
  Errors errors;
  Child child;
  child.given_name = RequiredName(input.given_name, "given_name", "Given name",
                                  "Enter the child's given name", errors);
  child.family_name = RequiredName(input.family_name, "family_name", "Family name",
                                   "Enter the child's family name", errors);
  child.aliases = CheckedAliases(input.aliases, errors);

  const bool has_date = !Trim(input.date_of_birth).empty();
  const bool has_age = !Trim(input.estimated_age).empty();
  if (has_date && has_age) {
    errors["estimated_age"] = "Enter a date of birth or an estimated age, not both";
  } else if (has_date) {
    child.date_of_birth = CheckedDateOfBirth(input.date_of_birth, today, errors);
  } else if (has_age) {
    child.estimated_age = CheckedEstimatedAge(input.estimated_age, errors);
  } else {
    errors["date_of_birth"] =
        "Enter the child's date of birth, or an estimated age if you do not know it";
  }

  if (Trim(input.sex).empty()) {
    errors["sex"] = "Select the child's sex";
  } else {
    child.sex = CheckedChoice(kSexCodes, input.sex, "sex", Sex::kNotKnown, "Select the child's sex",
                              errors);
  }
  child.gender = CheckedText(input.gender, "gender", "Gender", kMaxFreeText, false, errors);

  child.ethnicity = Trim(input.ethnicity);
  if (child.ethnicity.empty()) {
    child.ethnicity = "not_known";
  } else if (catalogue.FindEthnicity(child.ethnicity) == nullptr) {
    errors["ethnicity"] = "Select the child's ethnic group from the list";
  }
  child.first_language = CheckedText(input.first_language, "first_language", "First language",
                                     kMaxFreeText, false, errors);
  child.disability =
      CheckedChoice(kDisabilityCodes, input.disability, "disability", Disability::kNotKnown,
                    "Select whether the child has a disability", errors);
  child.special_needs = CheckedChoice(
      kSpecialNeedsCodes, input.special_needs, "special_needs", SpecialNeeds::kNotKnown,
      "Select the child's special educational needs, or 'Not known'", errors);

  child.address = CheckedText(input.address, "address", "Address", kMaxAddress, true, errors);
  child.postcode = CheckedIdentifier(input.postcode, "postcode", NormalisePostcode,
                                     "Enter a real postcode, like SW1A 1AA", errors);
  child.school =
      CheckedText(input.school, "school", "School or setting", kMaxFreeText, false, errors);
  child.nhs_number = CheckedIdentifier(
      input.nhs_number, "nhs_number", NormaliseNhsNumber,
      "Enter a real NHS number: it has 10 digits and the last is a check digit", errors);
  child.upn = CheckedIdentifier(input.upn, "upn", NormaliseUpn, "", errors);
  child.social_care_id = CheckedText(input.social_care_id, "social_care_id", "Social care ID",
                                     kMaxFreeText, false, errors);
  child.legal_status = CheckedChoice(kLegalStatusCodes, input.legal_status, "legal_status",
                                     LegalStatus::kNone, "Select the child's legal status", errors);
  child.placing_authority = CheckedText(input.placing_authority, "placing_authority",
                                        "Placing authority", kMaxFreeText, false, errors);
  child.allocated_worker = CheckedText(input.allocated_worker, "allocated_worker",
                                       "Allocated worker", kMaxFreeText, false, errors);

  if (!errors.empty()) return Invalid(std::move(errors));
  return child;
}

std::string DisplayName(const Child& child) {
  if (child.given_name.empty()) return child.family_name;
  if (child.family_name.empty()) return child.given_name;
  return child.given_name + " " + child.family_name;
}

std::string AgeText(const Child& child, Date today) {
  if (child.date_of_birth) return std::to_string(AgeInYears(*child.date_of_birth, today));
  if (child.estimated_age) return "about " + std::to_string(*child.estimated_age);
  return "not known";
}

chronology::Entry RecordCreatedEntry(const Child& child, chronology::Attribution by) {
  chronology::Entry e;
  e.type = chronology::EntryType::kRecord;
  e.at = child.created_at;
  e.id = child.id;
  e.by = std::move(by);
  e.headline = e.summary = "Child's record created";
  return e;
}

}  // namespace harbour::children
