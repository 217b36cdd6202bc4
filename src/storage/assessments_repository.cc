#include "storage/assessments_repository.h"

#include "storage/assessment_codec.h"

namespace harbour::storage {

namespace {

using nlohmann::json;

constexpr const char* kToolColumns =
    "tool_id, version, name, scheme, fingerprint, definition, registered_by, registered_at";

ToolVersionRecord ToolFromRow(const soci::row& row) {
  return ToolVersionRecord{GetText(row, 0), static_cast<int>(GetInt(row, 1)),
                           GetText(row, 2), GetText(row, 3),
                           GetText(row, 4), GetText(row, 5),
                           GetText(row, 6), GetInstant(row, 7)};
}

constexpr const char* kColumns =
    "s.id, s.child_id, s.tool_id, s.tool_version, s.status, s.answers, s.judged_level, "
    "s.rationale, s.outcome, s.assessed_by, s.assessed_by_agency, s.created_at, s.updated_at, "
    "s.submitted_at, u.display_name, g.name, s.plan";
constexpr const char* kFrom =
    " FROM assessments s JOIN users u ON u.id = s.assessed_by JOIN agencies g ON g.id = "
    "s.assessed_by_agency";

json ParseStoredJson(const std::string& text) {
  return json::parse(text, nullptr, /*allow_exceptions=*/false);
}

AssessmentsRepository::Stored FromRow(const soci::row& row) {
  AssessmentsRepository::Stored out;
  assessments::Assessment& a = out.assessment;
  a.id = GetText(row, 0);
  a.child_id = GetText(row, 1);
  a.tool_id = GetText(row, 2);
  a.tool_version = static_cast<int>(GetInt(row, 3));
  a.status = assessments::StatusFromCode(GetText(row, 4)).value_or(assessments::Status::kDraft);
  json answers = ParseStoredJson(GetText(row, 5));
  if (answers.is_object()) {
    a.answers = AnswersFromJson(answers.value("answers", json::array()));
    a.facts = FactsFromJson(answers.value("facts", json::object()));
    out.evidence = SightingsFromJson(answers.value("evidence", json::array()));
    for (const auto& code : answers.value("cleared", json::array())) {
      if (code.is_string()) out.cleared.push_back(code.get<std::string>());
    }
  }
  a.judged_level = GetText(row, 6);
  a.rationale = GetText(row, 7);
  if (std::string outcome = GetText(row, 8); !outcome.empty()) {
    a.outcome = OutcomeFromJson(ParseStoredJson(outcome));
  }
  a.assessed_by = GetText(row, 9);
  a.assessed_by_agency = GetText(row, 10);
  a.created_at = GetInstant(row, 11);
  a.updated_at = GetInstant(row, 12);
  a.submitted_at = GetOptionalInstant(row, 13);
  a.assessed_by_name = GetText(row, 14);
  a.agency_name = GetText(row, 15);
  if (std::string plan = GetText(row, 16); !plan.empty()) {
    a.plan = PlanFromJson(ParseStoredJson(plan));
  }
  return out;
}

// The values every write binds, in one place.
struct Bound {
  std::string status, answers, computed, judged, rationale, outcome, plan, updated;
  int score = 0, immediate = 0;
  NullableText next_review{""}, submitted{""};

  Bound(const assessments::Assessment& a, const std::vector<std::string>& cleared,
        const std::vector<assessments::Sighting>& evidence)
      : status(assessments::ToCode(a.status)),
        answers(json{{"answers", AnswersToJson(a.answers)},
                     {"cleared", cleared},
                     {"evidence", SightingsToJson(evidence)},
                     {"facts", FactsToJson(a.facts)}}
                    .dump()),
        judged(a.judged_level),
        rationale(a.rationale),
        updated(FormatRfc3339(a.updated_at)) {
    if (a.status != assessments::Status::kSubmitted) return;
    computed = a.outcome.level;
    score = a.outcome.score;
    immediate = a.outcome.immediate_action ? 1 : 0;
    outcome = OutcomeToJson(a.outcome).dump();
    plan = PlanToJson(a.plan).dump();
    next_review = NullableText(FormatDate(a.plan.next_review));
    submitted = NullableText(a.submitted_at ? FormatRfc3339(*a.submitted_at) : "");
  }
};

}  // namespace

// --- tools and settings ------------------------------------------------------------------

Result<std::vector<ToolVersionRecord>> AssessmentsRepository::ToolVersions() {
  return Guard("reading risk tools", [&]() -> Result<std::vector<ToolVersionRecord>> {
    soci::session sql(db_.Pool());
    std::vector<ToolVersionRecord> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT " << kToolColumns
                     << " FROM risk_tool_versions ORDER BY tool_id, version");
    for (const auto& row : rows) out.push_back(ToolFromRow(row));
    return out;
  });
}

Result<std::optional<ToolVersionRecord>> AssessmentsRepository::FindToolVersion(
    std::string_view tool_id, int version) {
  return Guard("reading a risk tool", [&]() -> Result<std::optional<ToolVersionRecord>> {
    soci::session sql(db_.Pool());
    std::string id(tool_id);
    std::optional<ToolVersionRecord> found;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT " << kToolColumns
                     << " FROM risk_tool_versions WHERE tool_id = :id AND version = :v",
         soci::use(id), soci::use(version));
    for (const auto& row : rows) found = ToolFromRow(row);
    return found;
  });
}

Result<std::optional<ToolVersionRecord>> AssessmentsRepository::LatestToolVersion(
    std::string_view tool_id) {
  return Guard("reading a risk tool", [&]() -> Result<std::optional<ToolVersionRecord>> {
    soci::session sql(db_.Pool());
    std::string id(tool_id);
    std::optional<ToolVersionRecord> found;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT " << kToolColumns
                     << " FROM risk_tool_versions WHERE tool_id = :id ORDER BY version DESC "
                        "LIMIT 1",
         soci::use(id));
    for (const auto& row : rows) found = ToolFromRow(row);
    return found;
  });
}

void AssessmentsRepository::InsertToolVersionIn(Transaction& tx, const ToolVersionRecord& r) {
  std::string at = FormatRfc3339(r.registered_at);
  tx.Sql() << "INSERT INTO risk_tool_versions (tool_id, version, name, scheme, fingerprint, "
              "definition, registered_by, registered_at) VALUES (:id, :v, :n, :s, :f, :d, :by, "
              ":at)",
      soci::use(r.tool_id), soci::use(r.version), soci::use(r.name), soci::use(r.scheme),
      soci::use(r.fingerprint), soci::use(r.definition), soci::use(r.registered_by), soci::use(at);
}

Result<std::optional<std::string>> AssessmentsRepository::Setting(std::string_view name) {
  return Guard("reading a setting", [&]() -> Result<std::optional<std::string>> {
    soci::session sql(db_.Pool());
    std::string n(name);
    std::optional<std::string> found;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT value FROM settings WHERE name = :n", soci::use(n));
    for (const auto& row : rows) found = GetText(row, 0);
    return found;
  });
}

void AssessmentsRepository::PutSettingIn(Transaction& tx, std::string_view name,
                                         std::string_view value, std::string_view by, Instant at) {
  std::string n(name), v(value), b(by), when = FormatRfc3339(at);
  // One statement, so two administrators choosing at once cannot collide (SQLite 3.24+, PG 9.5+).
  tx.Sql() << "INSERT INTO settings (name, value, updated_by, updated_at) VALUES (:n, :v, :b, "
              ":at) ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_by = "
              "excluded.updated_by, updated_at = excluded.updated_at",
      soci::use(n), soci::use(v), soci::use(b), soci::use(when);
}

// --- assessments ---------------------------------------------------------------------------

void AssessmentsRepository::InsertIn(Transaction& tx, const assessments::Assessment& a,
                                     const std::vector<std::string>& cleared,
                                     const std::vector<assessments::Sighting>& evidence) {
  Bound b(a, cleared, evidence);
  std::string created = FormatRfc3339(a.created_at);
  tx.Sql() << "INSERT INTO assessments (id, child_id, tool_id, tool_version, status, answers, "
              "computed_level, score, immediate_action, judged_level, rationale, outcome, plan, "
              "next_review, assessed_by, assessed_by_agency, created_at, updated_at, "
              "submitted_at) VALUES (:id, :child, :tool, :v, :status, :answers, :computed, "
              ":score, :imm, :judged, :rationale, :outcome, :plan, :review, :by, :agency, "
              ":created, :updated, :submitted)",
      soci::use(a.id), soci::use(a.child_id), soci::use(a.tool_id), soci::use(a.tool_version),
      soci::use(b.status), soci::use(b.answers), soci::use(b.computed), soci::use(b.score),
      soci::use(b.immediate), soci::use(b.judged), soci::use(b.rationale), soci::use(b.outcome),
      soci::use(b.plan), soci::use(b.next_review.value, b.next_review.indicator),
      soci::use(a.assessed_by), soci::use(a.assessed_by_agency), soci::use(created),
      soci::use(b.updated), soci::use(b.submitted.value, b.submitted.indicator);
}

bool AssessmentsRepository::UpdateDraftIn(Transaction& tx, const assessments::Assessment& a,
                                          const std::vector<std::string>& cleared,
                                          const std::vector<assessments::Sighting>& evidence) {
  Bound b(a, cleared, evidence);
  soci::statement update =
      (tx.Sql().prepare << "UPDATE assessments SET status = :status, answers = :answers, "
                           "computed_level = :computed, score = :score, immediate_action = "
                           ":imm, judged_level = :judged, rationale = :rationale, outcome = "
                           ":outcome, plan = :plan, next_review = :review, updated_at = :updated, "
                           "submitted_at = :submitted WHERE id = :id AND status = 'draft'",
       soci::use(b.status), soci::use(b.answers), soci::use(b.computed), soci::use(b.score),
       soci::use(b.immediate), soci::use(b.judged), soci::use(b.rationale), soci::use(b.outcome),
       soci::use(b.plan), soci::use(b.next_review.value, b.next_review.indicator),
       soci::use(b.updated), soci::use(b.submitted.value, b.submitted.indicator), soci::use(a.id));
  update.execute(true);
  return update.get_affected_rows() == 1;
}

Result<std::optional<AssessmentsRepository::Stored>> AssessmentsRepository::Find(
    std::string_view id) {
  return Guard("reading an assessment", [&]() -> Result<std::optional<Stored>> {
    soci::session sql(db_.Pool());
    std::string v(id);
    std::optional<Stored> found;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT " << kColumns << kFrom << " WHERE s.id = :id", soci::use(v));
    for (const auto& row : rows) found = FromRow(row);
    return found;
  });
}

Result<std::vector<assessments::Assessment>> AssessmentsRepository::ForChild(
    std::string_view child_id) {
  return Guard("reading assessments", [&]() -> Result<std::vector<assessments::Assessment>> {
    soci::session sql(db_.Pool());
    std::string c(child_id);
    std::vector<assessments::Assessment> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT " << kColumns << kFrom
                     << " WHERE s.child_id = :c ORDER BY COALESCE(s.submitted_at, s.updated_at) "
                        "DESC, s.id DESC",
         soci::use(c));
    for (const auto& row : rows) out.push_back(FromRow(row).assessment);
    return out;
  });
}

Result<std::vector<ReviewDue>> AssessmentsRepository::ReviewsDueBy(Date by, int limit) {
  return Guard("reading reviews due", [&]() -> Result<std::vector<ReviewDue>> {
    soci::session sql(db_.Pool());
    std::string date = FormatDate(by);
    std::vector<ReviewDue> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT s.id, s.child_id, c.given_name, c.family_name, s.tool_id, "
                        "s.tool_version, s.judged_level, s.next_review, u.display_name, g.name "
                        "FROM assessments s JOIN children c ON c.id = s.child_id JOIN users u "
                        "ON u.id = s.assessed_by JOIN agencies g ON g.id = s.assessed_by_agency "
                        "WHERE s.status = 'submitted' AND s.next_review <= :d AND NOT EXISTS "
                        "(SELECT 1 FROM assessments t WHERE t.child_id = s.child_id AND "
                        "t.status = 'submitted' AND (t.submitted_at > s.submitted_at OR "
                        "(t.submitted_at = s.submitted_at AND t.id > s.id))) "
                        "ORDER BY s.next_review, s.id LIMIT :n",
         soci::use(date), soci::use(limit));
    for (const auto& row : rows) {
      ReviewDue r;
      r.assessment_id = GetText(row, 0);
      r.child_id = GetText(row, 1);
      r.child_name = GetText(row, 2) + " " + GetText(row, 3);
      r.tool_id = GetText(row, 4);
      r.tool_version = static_cast<int>(GetInt(row, 5));
      r.level = GetText(row, 6);
      auto next = ParseDate(GetText(row, 7));
      r.next_review = next ? *next : by;
      r.assessed_by_name = GetText(row, 8);
      r.agency_name = GetText(row, 9);
      out.push_back(std::move(r));
    }
    return out;
  });
}

Result<std::vector<assessments::Sighting>> AssessmentsRepository::Sightings(
    std::string_view child_id, Instant since) {
  return Guard("reading indicator sightings", [&]() -> Result<std::vector<assessments::Sighting>> {
    soci::session sql(db_.Pool());
    std::string c(child_id), from = FormatRfc3339(since);
    std::vector<assessments::Sighting> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT i.indicator_code, k.observed_at, k.id, g.name, u.display_name "
                        "FROM concerns k JOIN concern_indicators i ON i.concern_id = k.id JOIN "
                        "agencies g ON g.id = k.recorded_by_agency JOIN users u ON u.id = "
                        "k.recorded_by WHERE k.child_id = :c AND k.observed_at >= :since",
         soci::use(c), soci::use(from));
    for (const auto& row : rows) {
      out.push_back(assessments::Sighting{GetText(row, 0), LondonDate(GetInstant(row, 1)),
                                          "concern", GetText(row, 2), GetText(row, 3),
                                          GetText(row, 4)});
    }
    return out;
  });
}

}  // namespace harbour::storage
