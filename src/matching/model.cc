#include "matching/model.h"

#include <algorithm>
#include <cmath>

namespace harbour::matching {
namespace {

// Bayes factors are kept within 2^-30..2^30 so that one rare level cannot outweigh everything.
constexpr double kMostEvidence = 30;

double Log2Ratio(double m, double u) {
  if (m <= 0 || u <= 0) return m > 0 ? kMostEvidence : -kMostEvidence;
  return std::clamp(std::log2(m / u), -kMostEvidence, kMostEvidence);
}

bool ExactName(Field field, std::uint8_t level) {
  return (field == Field::kGivenName && level == level::kGivenExact) ||
         (field == Field::kFamilyName && level == level::kFamilyExact);
}

// How much more (or less) an exact agreement on this name says than one on the average name:
// log2(u / share of records with the name), the u of the exact level being the average share.
double FrequencyAdjustment(const Model& model, Field field, const PreparedRecord& a) {
  const auto& frequencies =
      field == Field::kGivenName ? model.given_frequency : model.family_frequency;
  const std::string& name = field == Field::kGivenName ? a.given.whole : a.family.whole;
  auto it = frequencies.find(name);
  if (it == frequencies.end() || model.records == 0) return 0;
  double share = std::max(it->second, 1.0 / double(model.records));
  double u = model.u[std::size_t(field)][1];
  return Log2Ratio(u, share);
}

// The field's weight at `level`, and its frequency adjustment (0 unless an exact name).
std::pair<double, double> FieldWeight(const Model& model, Field field, std::uint8_t level,
                                      const PreparedRecord& a) {
  if (level == level::kMissing) return {0, 0};
  std::size_t f = std::size_t(field);
  double weight = Log2Ratio(model.m[f][level], model.u[f][level]);
  double adjustment = ExactName(field, level) ? FrequencyAdjustment(model, field, a) : 0;
  return {weight, adjustment};
}

}  // namespace

double ProbabilityOf(double weight) { return 1.0 / (1.0 + std::exp2(-weight)); }

double WeightOf(double probability) { return std::log2(probability / (1.0 - probability)); }

double MatchWeight(const Model& model, const Levels& levels, const PreparedRecord& either,
                   bool with_prior) {
  double weight = with_prior ? WeightOf(model.prior) : 0.0;
  for (std::size_t f = 0; f < kFieldCount; ++f) {
    auto [w, adjustment] = FieldWeight(model, Field(f), levels[f], either);
    weight += w + adjustment;
  }
  return weight;
}

Explanation Explain(const Model& model, const Levels& levels, const PreparedRecord& either) {
  Explanation e;
  e.bars.push_back(
      {.label = "Prior", .level = "", .field = std::nullopt, .weight = WeightOf(model.prior)});
  const auto& fields = Fields();
  for (std::size_t f = 0; f < kFieldCount; ++f) {
    auto [w, adjustment] = FieldWeight(model, Field(f), levels[f], either);
    e.bars.push_back({.label = std::string(fields[f].label),
                      .level = std::string(fields[f].levels[levels[f]]),
                      .field = Field(f),
                      .weight = w});
    if (adjustment != 0) {
      e.bars.push_back({.label = std::string(fields[f].label) + ": how common",
                        .level = adjustment > 0 ? "rarer than most" : "more common than most",
                        .field = Field(f),
                        .weight = adjustment});
    }
  }
  for (const auto& bar : e.bars) e.weight += bar.weight;
  e.probability = ProbabilityOf(e.weight);
  return e;
}

double PersonEvidence(const Model& model, const Levels& levels) {
  double evidence = 0;
  for (Field field : {Field::kGivenName, Field::kDateOfBirth}) {
    std::size_t f = std::size_t(field);
    if (levels[f] != level::kMissing)
      evidence += Log2Ratio(model.m[f][levels[f]], model.u[f][levels[f]]);
  }
  return evidence;
}

Model StartingModel() {
  Model model;
  // m: most of the same person's records agree; u: most different people's do not.
  model.m = {std::vector<double>{0, 0.78, 0.01, 0.04, 0.06, 0.02, 0.03, 0.02, 0.01, 0.02, 0.01},
             std::vector<double>{0, 0.85, 0.01, 0.03, 0.05, 0.03, 0.03},
             std::vector<double>{0, 0.85, 0.03, 0.05, 0.03, 0.04},
             std::vector<double>{0, 0.97, 0.03},
             std::vector<double>{0, 0.70, 0.08, 0.07, 0.15},
             std::vector<double>{0, 0.90, 0.10}};
  model.u = {
      std::vector<double>{0, 0.01, 0.0001, 0.001, 0.002, 0.001, 0.01, 0.05, 0.005, 0.02, 0.9009},
      std::vector<double>{0, 0.01, 0.0001, 0.002, 0.005, 0.03, 0.9529},
      std::vector<double>{0, 0.0003, 0.0001, 0.003, 0.0003, 0.9963},
      std::vector<double>{0, 0.5, 0.5},
      std::vector<double>{0, 0.001, 0.01, 0.08, 0.909},
      std::vector<double>{0, 0.0001, 0.9999}};
  return model;
}

}  // namespace harbour::matching
