#pragma once
// A warning flag as the JSON API shows it, wherever it appears (the child's flags list and the
// active flags inside GET /api/v1/children/{id}). Pure.
#include <nlohmann/json.hpp>

#include "children/flag.h"

namespace harbour::web {

// {id, child_id, kind, label, start_date, end_date (null while active), panel_reference,
// active (on `today`), added_at}.
nlohmann::json FlagJson(const children::Flag& flag, Date today);

}  // namespace harbour::web
