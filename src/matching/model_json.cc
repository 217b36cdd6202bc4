#include "matching/model_json.h"

#include <nlohmann/json.hpp>

namespace harbour::matching {
namespace {

using nlohmann::json;

Error Bad(const std::string& what) {
  return Error{ErrorKind::kInvalid, "invalid_model", "The saved model " + what + ".", {}};
}

bool IsProbability(const json& v) {
  return v.is_number() && v.get<double>() >= 0.0 && v.get<double>() <= 1.0;
}

// The probabilities of one field's levels, `levels` of them.
Result<std::vector<double>> LevelsOf(const json& list, std::size_t levels, const std::string& id) {
  if (!list.is_array() || list.size() != levels) {
    return std::unexpected(Bad("has the wrong number of levels for " + id));
  }
  std::vector<double> out;
  for (const auto& v : list) {
    if (!IsProbability(v)) return std::unexpected(Bad("has a probability outside 0..1 for " + id));
    out.push_back(v.get<double>());
  }
  return out;
}

Result<std::unordered_map<std::string, double>> FrequenciesOf(const json& object,
                                                              const char* name) {
  std::unordered_map<std::string, double> out;
  if (!object.contains(name)) return out;
  const json& f = object.at(name);
  if (!f.is_object()) return std::unexpected(Bad(std::string("has no object ") + name));
  for (const auto& [key, value] : f.items()) {
    if (!IsProbability(value)) return std::unexpected(Bad(std::string("has a bad ") + name));
    out.emplace(key, value.get<double>());
  }
  return out;
}

}  // namespace

std::string ModelToJson(const Model& model) {
  json fields = json::array();
  for (std::size_t f = 0; f < kFieldCount; ++f) {
    fields.push_back({{"id", Fields()[f].id}, {"m", model.m[f]}, {"u", model.u[f]}});
  }
  json out{{"version", 1},
           {"prior", model.prior},
           {"records", model.records},
           {"fields", fields},
           {"given_frequency", model.given_frequency},
           {"family_frequency", model.family_frequency}};
  return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<Model> ModelFromJson(std::string_view text) {
  json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!doc.is_object()) return std::unexpected(Bad("is not a JSON object"));
  if (doc.value("version", 0) != 1) return std::unexpected(Bad("is not version 1"));
  Model model;
  if (!doc.contains("prior") || !IsProbability(doc["prior"]) || doc["prior"].get<double>() <= 0 ||
      doc["prior"].get<double>() >= 1) {
    return std::unexpected(Bad("has no prior between 0 and 1"));
  }
  model.prior = doc["prior"].get<double>();
  if (doc.contains("records") && doc["records"].is_number_unsigned()) {
    model.records = doc["records"].get<std::size_t>();
  }
  const json& fields = doc.contains("fields") ? doc["fields"] : json();
  if (!fields.is_array() || fields.size() != kFieldCount) {
    return std::unexpected(Bad("does not have the six fields"));
  }
  for (std::size_t f = 0; f < kFieldCount; ++f) {
    const auto& spec = Fields()[f];
    const json& field = fields[f];
    if (!field.is_object() || field.value("id", "") != spec.id) {
      return std::unexpected(Bad("has its fields out of order"));
    }
    std::string id(spec.id);
    auto m = LevelsOf(field.value("m", json()), spec.levels.size(), id);
    if (!m) return std::unexpected(m.error());
    auto u = LevelsOf(field.value("u", json()), spec.levels.size(), id);
    if (!u) return std::unexpected(u.error());
    model.m[f] = std::move(*m);
    model.u[f] = std::move(*u);
  }
  auto given = FrequenciesOf(doc, "given_frequency");
  if (!given) return std::unexpected(given.error());
  auto family = FrequenciesOf(doc, "family_frequency");
  if (!family) return std::unexpected(family.error());
  model.given_frequency = std::move(*given);
  model.family_frequency = std::move(*family);
  return model;
}

}  // namespace harbour::matching
