#pragma once
// The body of POST /api/v1/children. Pure; fuzzed by tests/fuzz/child_json_fuzz.cc.
#include <string_view>

#include "children/child.h"
#include "common/error.h"

namespace harbour::web {

// The child's fields as text for children::ValidateChild, which checks them as it checks the
// form: given_name, family_name, aliases (a list of strings), date_of_birth, estimated_age (a
// whole number), sex, gender, ethnicity, first_language, disability, special_needs, address,
// postcode, school, nhs_number, upn, social_care_id, legal_status, placing_authority,
// allocated_worker. kMalformed "malformed_json"; kInvalid "not_an_object", or one field per
// member of the wrong type or not of the resource.
Result<children::ChildInput> ParseChildJson(std::string_view body);

}  // namespace harbour::web
