#pragma once
// The Fellegi-Sunter model (issue 13; docs/matching.md, "The model"), as Splink uses it: for each
// field and level, m (how often the same person's two records are at that level) and u (how often
// two different people's are), and the prior probability that two records drawn at random are the
// same person. A pair's match weight is log2 of the prior odds plus, for each field, log2(m / u)
// of its level; a name's exact agreement is weighed by how common the name is (term frequency).
// Every score comes with its waterfall. Pure; a trained Model is immutable and thread-safe.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "matching/compare.h"

namespace harbour::matching {

struct Model {
  double prior = 1e-4;  // the probability two records drawn at random are the same person
  std::array<std::vector<double>, kFieldCount> m, u;  // by field, then level; [0] unused
  // The share of records with each folded given and family name, for exact agreement.
  std::unordered_map<std::string, double> given_frequency, family_frequency;
  std::size_t records = 0;  // how many the model was trained on
};

// One bar of the waterfall.
struct Contribution {
  std::string label;  // "Prior", "Given name", "Given name: how common"
  std::string level;  // the level's label, or "" for the prior
  // The field the bar is about (its level or its frequency adjustment); none for the prior.
  std::optional<Field> field;
  double weight = 0;  // log2 Bayes factor (the prior: its log2 odds)
};

struct Explanation {
  std::vector<Contribution> bars;  // the prior, each field, each frequency adjustment
  double weight = 0;               // their sum: the pair's match weight
  double probability = 0;          // 2^weight / (1 + 2^weight)
};

double ProbabilityOf(double weight);
double WeightOf(double probability);

// The pair's match weight at `levels`; `either` is one of the two records compared (an exact
// name, whose frequency is weighed, is the same in both). With `with_prior` false, the evidence
// alone (the prior left out).
double MatchWeight(const Model& model, const Levels& levels, const PreparedRecord& either,
                   bool with_prior = true);
Explanation Explain(const Model& model, const Levels& levels, const PreparedRecord& either);

// What the pair's given names and dates of birth say together, frequencies left out: the
// evidence about the person rather than the household. Siblings share a family name, an address
// and often a phone, which together outweigh everything else, but their given names and dates
// of birth disagree; clustering never links a pair whose person evidence is at or below its
// conflict weight, however much the rest agrees.
double PersonEvidence(const Model& model, const Levels& levels);

// A model with reasonable m and u before training (used as EM's start, and by tests).
Model StartingModel();

}  // namespace harbour::matching
