#pragma once
// JSON forms of an assessment's parts, as stored in the assessments table and returned by the
// API: answers, evidence (pre-fill sightings), child facts and outcomes. Writing then reading
// gives back the same values. Readers are for Harbour's own stored JSON: they skip what they do
// not recognise rather than fail (outside input is validated in web/ before it gets here).
#include <nlohmann/json.hpp>
#include <vector>

#include "assessments/assessment.h"

namespace harbour::storage {

nlohmann::json AnswersToJson(const std::vector<assessments::Answer>& answers);
std::vector<assessments::Answer> AnswersFromJson(const nlohmann::json& json);

nlohmann::json SightingsToJson(const std::vector<assessments::Sighting>& sightings);
std::vector<assessments::Sighting> SightingsFromJson(const nlohmann::json& json);

nlohmann::json FactsToJson(const assessments::ChildFacts& facts);
assessments::ChildFacts FactsFromJson(const nlohmann::json& json);

// Contributions, actions (with due instants), level, score, immediate action, next review and
// the tool's id, version and fingerprint.
nlohmann::json OutcomeToJson(const assessments::Outcome& outcome);
assessments::Outcome OutcomeFromJson(const nlohmann::json& json);

// The plan: the level that set the actions and review, the actions, the next review date.
nlohmann::json PlanToJson(const assessments::Plan& plan);
assessments::Plan PlanFromJson(const nlohmann::json& json);

}  // namespace harbour::storage
