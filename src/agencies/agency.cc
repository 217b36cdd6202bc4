#include "agencies/agency.h"

#include <algorithm>
#include <map>
#include <utility>

#include "common/text.h"

namespace harbour::agencies {
namespace {

constexpr std::size_t kMinCode = 2;
constexpr std::size_t kMaxCode = 16;
constexpr std::size_t kMaxName = 200;

char ToUpperAscii(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

bool IsCodeCharacter(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

}  // namespace

Result<Agency> ValidateAgency(const AgencyInput& input, const reference::Catalogue& catalogue) {
  std::map<std::string, std::string> errors;
  Agency agency;

  agency.code = Trim(input.code);
  std::ranges::transform(agency.code, agency.code.begin(), ToUpperAscii);
  if (agency.code.empty()) {
    errors["code"] = "Enter a short code for the agency";
  } else if (agency.code.size() < kMinCode || agency.code.size() > kMaxCode ||
             !std::ranges::all_of(agency.code, IsCodeCharacter)) {
    errors["code"] = "Code must be 2 to 16 letters, numbers or hyphens";
  }

  agency.name = Trim(input.name);
  if (agency.name.empty()) {
    errors["name"] = "Enter the agency's name";
  } else if (!IsValidUtf8(agency.name) || HasControlCharacters(agency.name)) {
    errors["name"] = "Name must only include letters, numbers, spaces and punctuation";
  } else if (CharacterCount(agency.name) > kMaxName) {
    errors["name"] = "Name must be 200 characters or fewer";
  }

  if (auto sector = SectorFromCode(Trim(input.sector))) {
    agency.sector = *sector;
  } else {
    errors["sector"] = "Select the agency's sector";
  }

  agency.type = Trim(input.type);
  if (catalogue.FindAgencyType(agency.type) == nullptr) {
    errors["type"] = "Select the type of agency";
  }

  if (!errors.empty()) return Invalid(std::move(errors));
  return agency;
}

}  // namespace harbour::agencies
