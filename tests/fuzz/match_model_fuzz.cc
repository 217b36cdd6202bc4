// The saved model of a match run (matching::ModelFromJson) on arbitrary bytes: a refusal is
// kInvalid "invalid_model"; an accepted model has a prior strictly between 0 and 1, every m and u
// in [0, 1] with each field's level count, and writes back (ModelToJson) to a document that reads
// as the same model.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "matching/model_json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace harbour;
  using namespace harbour::matching;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto model = ModelFromJson(text);
  if (!model) {
    FUZZ_CHECK(model.error().kind == ErrorKind::kInvalid);
    FUZZ_CHECK(model.error().code == "invalid_model");
    return 0;
  }
  FUZZ_CHECK(model->prior > 0 && model->prior < 1);
  for (std::size_t f = 0; f < kFieldCount; ++f) {
    FUZZ_CHECK(model->m[f].size() == Fields()[f].levels.size());
    FUZZ_CHECK(model->u[f].size() == Fields()[f].levels.size());
    for (std::size_t l = 0; l < model->m[f].size(); ++l) {
      FUZZ_CHECK(model->m[f][l] >= 0 && model->m[f][l] <= 1);
      FUZZ_CHECK(model->u[f][l] >= 0 && model->u[f][l] <= 1);
    }
  }
  auto again = ModelFromJson(ModelToJson(*model));
  FUZZ_CHECK(again.has_value());
  FUZZ_CHECK(again->prior == model->prior && again->m == model->m && again->u == model->u);
  FUZZ_CHECK(again->records == model->records);
  FUZZ_CHECK(again->given_frequency.size() == model->given_frequency.size());
  FUZZ_CHECK(again->family_frequency.size() == model->family_frequency.size());
  return 0;
}
