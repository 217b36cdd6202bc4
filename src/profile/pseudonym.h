#pragma once
// Pseudonymised rows for analysts (issue 12): one row per child identified in a period, with the
// child's codes and levels but no name, date of birth, address, free text or record id. Each child
// is named by a pseudonym: a keyed BLAKE2b hash (libsodium) of the analyst, their project and the
// child, so that it is stable within one analyst's project (rows of two periods can be joined)
// and differs between projects and between analysts (rows of two projects cannot be). Pure.
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "profile/breakdown.h"

namespace harbour::profile {

// Bytes of the partnership's pseudonym key (crypto_generichash_KEYBYTES).
inline constexpr std::size_t kPseudonymKeyBytes = 32;

// 1 to 60 characters of letters, digits, spaces, '-' and '_', trimmed: kInvalid under "project".
Result<std::string> ValidateProject(std::string_view project);

// 20 lower-case hex characters (80 bits) of BLAKE2b keyed with `key` (kPseudonymKeyBytes) over
// the analyst's user id, the project and the child's id. Throws std::invalid_argument for a key
// of another length (a caller's bug).
std::string Pseudonym(std::string_view key, std::string_view analyst_id, std::string_view project,
                      std::string_view child_id);

// The columns of a row, in order, and one row per child: codes and labels only.
std::vector<std::string> PseudonymisedHeader();
std::vector<std::vector<std::string>> PseudonymisedRows(const std::vector<ChildFacts>& children,
                                                        const Labels& labels, std::string_view key,
                                                        std::string_view analyst_id,
                                                        std::string_view project);

}  // namespace harbour::profile
