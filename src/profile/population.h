#pragma once
// The area's child population by age band, sex and ethnicity: the denominators of rates.
#include <cstddef>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "profile/age_band.h"

namespace harbour::profile {

// The largest population file accepted, in bytes, and the most rows after the header; beyond
// either the parse fails with kTooLarge (code "population_too_large").
inline constexpr std::size_t kMaxPopulationFileBytes = 20 * 1024 * 1024;
inline constexpr std::size_t kMaxPopulationRows = 500000;
// The most problems one refusal lists (then the key "more" says that checking stopped).
inline constexpr std::size_t kMaxPopulationProblems = 20;
// The largest population of one row, and the oldest age (ONS writes 90 for "90 and over").
inline constexpr long kMaxPopulationCount = 100000000;
inline constexpr int kMaxPopulationAge = 90;

// The children of one age band, sex and ethnicity. `band` is never k18AndOver or kNotRecorded;
// `sex` is "male" or "female"; `ethnicity` is one of the codes the file was checked against.
struct PopulationCell {
  AgeBand band = AgeBand::kUnder10;
  std::string sex;
  std::string ethnicity;
  long count = 0;
};

// The child population (ages 0..17) of one area. `cells` are unique by (band, sex, ethnicity)
// and sorted by them (bands in declaration order, then sex and ethnicity as text); a
// combination the file has no row for has no cell (a count of 0 when looked up).
struct Population {
  std::string area_code;              // upper case; empty when the file has no area_code column
  std::vector<PopulationCell> cells;  // ages 0..17 only
  long aged_18_and_over = 0;          // the file's rows aged 18 and over, summed; not in cells
};

// The ethnicity codes a file may use (Harbour's ONS 2021 codes, config/reference/ethnicity.toml,
// read by the caller): lower-case snake_case.
using EthnicityCodes = std::set<std::string, std::less<>>;

// Parses population estimates laid out like the ONS mid-year estimates in long format: UTF-8
// CSV (RFC 4180: quoted cells may hold commas, line breaks and doubled quotes; a leading byte
// order mark and CRLF, LF or CR line ends are accepted), one header row, then one row per area,
// sex, single year of age and ethnicity. Columns are found by name in the header, in any order,
// names trimmed and compared without regard to case; other columns are ignored:
//   area_code   optional; letters and digits, at most 20 (an ONS GSS code such as E06000001)
//   sex         1 or 2 (ONS: 1 male, 2 female), M or F, male or female (any case)
//   age         a whole number of years, 0..90 (90 or "90+" is 90 and over)
//   ethnicity   one of `ethnicity_codes` (compared trimmed and lower-cased)
//   population  a whole number, 0..kMaxPopulationCount
// Cells are trimmed of ASCII spaces; rows whose cells are all blank are skipped. Single years
// are summed into age bands (AgeBandOf). Rows aged 18 and over are checked like any other but
// are summed into `aged_18_and_over`, not into cells: rates are per 10,000 children.
// A file may hold one area, or when `area_code` is given (compared without regard to case) the
// rows of every other area are skipped unchecked and the area must have at least one row (a
// file without an area_code column is then taken to be of that area).
//
// Lines are numbered from 1 (the header) as a text editor numbers them; a row is named by the
// line it starts on (the same as its spreadsheet row unless a quoted cell holds a line break).
// Failures: kTooLarge as above; otherwise kInvalid, code "invalid_population", `message` saying
// how many problems there are, and `fields` one sentence per problem keyed by where it is:
// "file" (empty, or a header and no rows), "area_code" (more than one area, or no row for the
// one asked for), "line N" (a row: not UTF-8, the wrong number of cells, a quote left open or
// followed by text, or the same area, sex, age and ethnicity as an earlier row) or "line N:
// column" (a bad or blank value, or a header problem: a required column missing or one named
// twice), e.g. "line 7: population" -> "Line 7: population must be a whole number of 0 or
// more." At most kMaxPopulationProblems are listed. Checking stops at invalid UTF-8 (the whole
// file is refused, naming the first line with it), at a quote left open, after a header problem
// and once the list is full.
Result<Population> ParsePopulationCsv(std::string_view text, const EthnicityCodes& ethnicity_codes,
                                      std::string_view area_code = {});

// Which cells a Count adds up: each member left unset matches every cell.
struct PopulationSlice {
  std::optional<AgeBand> band = std::nullopt;
  std::optional<std::string> sex = std::nullopt;        // "male" or "female"
  std::optional<std::string> ethnicity = std::nullopt;  // an ethnicity code
};

// The children in the cells `slice` matches.
long Count(const Population& population, const PopulationSlice& slice);
// Every child (ages 0..17): the denominator of a rate for the whole area.
long Total(const Population& population);
long CountBySex(const Population& population, std::string_view sex);
long CountByBand(const Population& population, AgeBand band);
long CountByEthnicity(const Population& population, std::string_view ethnicity);

}  // namespace harbour::profile
