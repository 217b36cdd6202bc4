#pragma once
// Synthetic demo data: a fictional area ("Harbourside") with agencies of every sector and
// type, one user per role, and children with two years of concerns. Nothing here describes
// a real person: names are drawn from common-name lists, NHS numbers from the 999 test range.
// Deterministic for a given seed and as-of date.
#include <cstdint>
#include <string>
#include <vector>

#include "common/error.h"
#include "common/time.h"
#include "common/working_days.h"
#include "reference/catalogue.h"
#include "storage/database.h"

namespace harbour::cli {

struct DemoOptions {
  int children = 300;
  long long concerns = -1;  // total; -1 means about 4 per child
  std::uint64_t seed = 1;
  Date as_of{};  // the "today" the two years end on
};

struct DemoLogin {
  std::string username;
  std::string role;
  std::string agency;
};

inline constexpr std::string_view kDemoPassword = "harbour-demo-password";

// The users demo-data creates (for `make run` to print).
std::vector<DemoLogin> DemoLogins();

struct DemoSummary {
  int agencies = 0;
  int users = 0;
  int children = 0;
  long long concerns = 0;
  long long assessments = 0;
};

// Loads the demo area into an empty, migrated database; kConflict if it is already there.
// About 40% of children with concerns get one to three risk assessments with the default tool
// (when `harbour migrate` has registered it), their latest one's tasks, and review dates some of
// which have passed.
Result<DemoSummary> LoadDemoData(storage::Database& db, const reference::Catalogue& catalogue,
                                 const WorkingCalendar& calendar, const DemoOptions& options);

}  // namespace harbour::cli
