#pragma once
// Partner agencies: every sector is an equal partner (DESIGN.md §1). Pure.
#include <optional>
#include <string>
#include <string_view>

#include "common/codes.h"
#include "common/error.h"
#include "reference/catalogue.h"

namespace harbour::agencies {

enum class Sector { kStatutory, kVoluntary, kPrivate };
inline constexpr auto kSectorCodes = MakeCodeTable<Sector>({
    {Sector::kStatutory, "statutory"},
    {Sector::kVoluntary, "voluntary"},
    {Sector::kPrivate, "private"},
});
static_assert(IsCompleteCodeTable<kSectorCodes>());
constexpr std::string_view ToCode(Sector s) { return kSectorCodes.Code(s); }
constexpr std::optional<Sector> SectorFromCode(std::string_view code) {
  return kSectorCodes.FromCode(code);
}

struct Agency {
  std::string id;
  std::string code;  // short upper-case code, 2-16 of [A-Z0-9-], unique
  std::string name;
  Sector sector = Sector::kStatutory;
  std::string type;  // agency-type code from the catalogue ("police", "health", ...)
};

struct AgencyInput {
  std::string code, name, sector, type;
};
// kInvalid keyed by AgencyInput member names. Upper-cases the code.
Result<Agency> ValidateAgency(const AgencyInput& input, const reference::Catalogue& catalogue);

}  // namespace harbour::agencies
