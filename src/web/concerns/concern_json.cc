#include "web/concerns/concern_json.h"

#include "web/parse/json_body.h"
#include "web/parse/json_members.h"

namespace harbour::web {

Result<concerns::ConcernInput> ParseConcernJson(std::string_view body) {
  auto object = ParseJsonObject(body);
  if (!object) return std::unexpected(object.error());
  JsonText r(*object);
  concerns::ConcernInput in;
  in.observed_at = r.Text("observed_at");
  in.location = r.Text("location");
  in.location_postcode = r.Text("location_postcode");
  in.category = r.Text("category");
  in.indicators = r.TextList("indicators");
  in.narrative = r.Text("narrative");
  in.first_hand = r.Boolean("first_hand");
  in.immediate_danger = r.Boolean("immediate_danger");
  if (auto errors = r.Errors(); !errors.empty()) return Invalid(std::move(errors));
  return in;
}

}  // namespace harbour::web
