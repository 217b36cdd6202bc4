#pragma once
// A trained model as JSON (issue 13): what `harbour people match --db` saves with each run, and
// what the check before a child is added and the review queue score with. Pure.
#include <string>
#include <string_view>

#include "common/error.h"
#include "matching/model.h"

namespace harbour::matching {

// {"version":1,"prior":p,"records":n,"fields":[{"id":"given_name","m":[...],"u":[...]},...],
//  "given_frequency":{"name":share,...},"family_frequency":{...}}; m and u by level, [0] unused.
std::string ModelToJson(const Model& model);

// The model `text` holds. kInvalid when it is not such a document: a field missing or out of
// order, a level count that is not the field's, or a probability outside [0, 1].
Result<Model> ModelFromJson(std::string_view text);

}  // namespace harbour::matching
