// The child population file (profile::ParsePopulationCsv) on arbitrary bytes, with and without
// an area asked for: a refusal is kTooLarge, or kInvalid with at most kMaxPopulationProblems
// sentences keyed by where they are; an accepted population has unique, sorted cells of child
// bands, both sexes and known ethnicity codes with non-negative counts, its lookups add up to
// its total, and written back as CSV (one row per cell, at the band's youngest age) it parses
// to the same cells.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>

#include "fuzz_check.h"
#include "profile/age_band.h"
#include "profile/population.h"

namespace {

using namespace harbour;
using namespace harbour::profile;

const EthnicityCodes kCodes = {"asian_indian", "black_african", "white_british", "not_known"};
constexpr AgeBand kChildBands[] = {AgeBand::kUnder10, AgeBand::k10To13, AgeBand::k14To15,
                                   AgeBand::k16To17};

void CheckRejection(const Error& e) {
  if (e.kind == ErrorKind::kTooLarge) {
    FUZZ_CHECK(e.code == "population_too_large" && e.fields.empty());
    return;
  }
  FUZZ_CHECK(e.kind == ErrorKind::kInvalid && e.code == "invalid_population");
  FUZZ_CHECK(!e.fields.empty() && e.fields.size() <= kMaxPopulationProblems + 1);
  FUZZ_CHECK(e.message.starts_with("The population file has "));
  for (const auto& [field, message] : e.fields) {
    FUZZ_CHECK(field == "file" || field == "area_code" || field == "more" ||
               field.starts_with("line "));
    FUZZ_CHECK(!message.empty() && message.ends_with("."));
    if (field.starts_with("line ")) {
      // "line 7" or "line 7: population" -> "Line 7 ..." or "Line 7: ...".
      const std::string line = field.substr(5, field.find(':') - 5);
      FUZZ_CHECK(!line.empty() && line.find_first_not_of("0123456789") == std::string::npos);
      FUZZ_CHECK(message.starts_with("Line " + line + (field.contains(':') ? ":" : " ")));
    }
  }
}

// The youngest age of a child band, for writing a cell back as one row.
int YoungestAge(AgeBand band) {
  switch (band) {
    case AgeBand::kUnder10:
      return 0;
    case AgeBand::k10To13:
      return 10;
    case AgeBand::k14To15:
      return 14;
    default:
      return 16;
  }
}

void CheckPopulation(const Population& population, std::string_view asked_area) {
  long sum = 0;
  const PopulationCell* previous = nullptr;
  for (const PopulationCell& cell : population.cells) {
    FUZZ_CHECK(cell.count >= 0 && cell.count <= kMaxPopulationCount * 9);
    FUZZ_CHECK(AgeBandOf(YoungestAge(cell.band)) == cell.band);
    FUZZ_CHECK(cell.sex == "male" || cell.sex == "female");
    FUZZ_CHECK(kCodes.contains(cell.ethnicity));
    if (previous != nullptr) {
      FUZZ_CHECK(std::tie(previous->band, previous->sex, previous->ethnicity) <
                 std::tie(cell.band, cell.sex, cell.ethnicity));
    }
    previous = &cell;
    sum += cell.count;
  }
  FUZZ_CHECK(population.aged_18_and_over >= 0);
  FUZZ_CHECK(Total(population) == sum);
  FUZZ_CHECK(CountBySex(population, "male") + CountBySex(population, "female") == sum);
  long by_band = 0;
  for (AgeBand band : kChildBands) by_band += CountByBand(population, band);
  FUZZ_CHECK(by_band == sum);
  FUZZ_CHECK(CountByBand(population, AgeBand::k18AndOver) == 0);
  FUZZ_CHECK(CountByBand(population, AgeBand::kNotRecorded) == 0);
  long by_ethnicity = 0;
  for (const std::string& code : kCodes) by_ethnicity += CountByEthnicity(population, code);
  FUZZ_CHECK(by_ethnicity == sum);
  if (!asked_area.empty()) FUZZ_CHECK(!population.area_code.empty());

  // Written back, one row per cell, the cells read back the same (a cell holds at most 9 ages'
  // worth of kMaxPopulationCount, so large cells are written over several single years).
  std::string text = "sex,age,ethnicity,population\n";
  for (const PopulationCell& cell : population.cells) {
    long left = cell.count;
    int age = YoungestAge(cell.band);
    do {
      const long part = left < kMaxPopulationCount ? left : kMaxPopulationCount;
      text += cell.sex + "," + std::to_string(age++) + "," + cell.ethnicity + "," +
              std::to_string(part) + "\n";
      left -= part;
    } while (left > 0);
  }
  if (population.cells.empty()) return;
  auto again = ParsePopulationCsv(text, kCodes);
  FUZZ_CHECK(again.has_value() && again->cells.size() == population.cells.size());
  for (std::size_t i = 0; i < population.cells.size(); ++i) {
    const PopulationCell& a = population.cells[i];
    const PopulationCell& b = again->cells[i];
    FUZZ_CHECK(a.band == b.band && a.sex == b.sex && a.ethnicity == b.ethnicity &&
               a.count == b.count);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  for (std::string_view area : {std::string_view(), std::string_view("E06999999")}) {
    auto population = ParsePopulationCsv(input, kCodes, area);
    if (!population) {
      CheckRejection(population.error());
      continue;
    }
    CheckPopulation(*population, area);
  }
  return 0;
}
