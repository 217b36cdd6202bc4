#include "storage/intelligence_repository.h"

#include <nlohmann/json.hpp>

#include "common/ids.h"

namespace harbour::storage {

namespace {

constexpr const char* kSelect =
    "SELECT id, submitted_by, submitted_by_agency, submitted_at, holding_agency, category, "
    "knowledge, immediate_danger, status, grade_source, grade_intelligence, grade_handling, "
    "handling_instructions, sanitised_text, outcome, graded_by, graded_at, legacy_source, "
    "legacy_intelligence, legacy_handling FROM intelligence_reports ";

std::optional<intelligence::Grade> GradeFromRow(const soci::row& row) {
  if (IsNull(row, 9) || IsNull(row, 10) || IsNull(row, 11)) return std::nullopt;
  auto source = intelligence::SourceFromCode(GetText(row, 9));
  auto assessment = intelligence::AssessmentFromCode(GetText(row, 10));
  auto handling = intelligence::HandlingFromCode(GetText(row, 11));
  if (!source || !assessment || !handling) return std::nullopt;
  intelligence::Grade grade;
  grade.source = *source;
  grade.assessment = *assessment;
  grade.handling = *handling;
  grade.handling_instructions = GetText(row, 12);
  return grade;
}

std::optional<intelligence::LegacyGrade> LegacyFromRow(const soci::row& row) {
  auto source = intelligence::LegacySourceFromCode(GetText(row, 17));
  auto intel = intelligence::LegacyIntelligenceFromCode(GetText(row, 18));
  auto handling = intelligence::LegacyHandlingFromCode(GetText(row, 19));
  if (!source || !intel || !handling) return std::nullopt;
  return intelligence::LegacyGrade{*source, *intel, *handling};
}

intelligence::Report FromRow(const soci::row& row) {
  intelligence::Report r;
  r.id = GetText(row, 0);
  r.submitted_by = GetText(row, 1);
  r.submitted_by_agency = GetText(row, 2);
  r.submitted_at = GetInstant(row, 3);
  r.holding_agency = GetText(row, 4);
  r.category = intelligence::CategoryFromCode(GetText(row, 5))
                   .value_or(intelligence::Category::kSexualExploitation);
  r.knowledge = intelligence::KnowledgeFromCode(GetText(row, 6))
                    .value_or(intelligence::Knowledge::kSecondHand);
  r.immediate_danger = GetInt(row, 7) != 0;
  r.status = intelligence::ReportStatusFromCode(GetText(row, 8))
                 .value_or(intelligence::ReportStatus::kSubmitted);
  r.grade = GradeFromRow(row);
  r.sanitised_text = GetText(row, 13);
  if (!IsNull(row, 14)) r.outcome = intelligence::OutcomeFromCode(GetText(row, 14));
  r.graded_by = GetText(row, 15);
  r.graded_at = GetOptionalInstant(row, 16);
  r.legacy_grade = LegacyFromRow(row);
  return r;
}

// Reads the allowed agencies of the C-graded reports among `reports`.
void AddAllowedAgencies(soci::session& sql, std::vector<intelligence::Report>& reports) {
  for (auto& r : reports) {
    if (!r.grade || r.grade->handling != intelligence::Handling::kC) continue;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT agency_id FROM intelligence_allowed_agencies WHERE report_id = "
                        ":r ORDER BY agency_id",
         soci::use(r.id));
    for (const auto& row : rows) r.grade->allowed_agencies.push_back(GetText(row, 0));
  }
}

std::vector<intelligence::Report> Select(soci::session& sql, const std::string& where,
                                         const std::string& a, const std::string& b, int limit) {
  std::vector<intelligence::Report> out;
  std::string query = std::string(kSelect) + where;
  soci::rowset<soci::row> rows =
      b.empty() ? (sql.prepare << query, soci::use(a), soci::use(limit))
                : (sql.prepare << query, soci::use(a), soci::use(b), soci::use(limit));
  for (const auto& row : rows) out.push_back(FromRow(row));
  AddAllowedAgencies(sql, out);
  return out;
}

std::string DetailsJson(const std::map<std::string, std::string>& details) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [k, v] : details) j[k] = v;
  return j.dump();
}

std::map<std::string, std::string> DetailsFromJson(const std::string& text) {
  std::map<std::string, std::string> out;
  auto j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return out;
  for (const auto& [k, v] : j.items()) {
    if (v.is_string()) out[k] = v.get<std::string>();
  }
  return out;
}

}  // namespace

access::ReportFacts FactsOf(const intelligence::Report& report) {
  access::ReportFacts facts;
  facts.submitted_by = report.submitted_by;
  facts.holding_agency = report.holding_agency;
  if (report.grade) {
    facts.handling = report.grade->handling == intelligence::Handling::kP
                         ? access::ReportHandling::kP
                         : access::ReportHandling::kC;
    facts.allowed_agencies.insert(report.grade->allowed_agencies.begin(),
                                  report.grade->allowed_agencies.end());
  }
  return facts;
}

void IntelligenceRepository::InsertIn(Transaction& tx, const intelligence::Report& r,
                                      const intelligence::Original& original,
                                      const intelligence::SourceDetails& source,
                                      const std::vector<intelligence::ReportSubject>& subjects) {
  std::string at = FormatRfc3339(r.submitted_at), category(intelligence::ToCode(r.category));
  std::string knowledge(intelligence::ToCode(r.knowledge)), status(intelligence::ToCode(r.status));
  int danger = r.immediate_danger ? 1 : 0;
  tx.Sql() << "INSERT INTO intelligence_reports (id, submitted_by, submitted_by_agency, "
              "submitted_at, holding_agency, category, knowledge, immediate_danger, status) "
              "VALUES (:id, :by, :agency, :at, :holding, :category, :knowledge, :danger, :status)",
      soci::use(r.id), soci::use(r.submitted_by), soci::use(r.submitted_by_agency), soci::use(at),
      soci::use(r.holding_agency), soci::use(category), soci::use(knowledge), soci::use(danger),
      soci::use(status);
  tx.Sql() << "INSERT INTO intelligence_originals (report_id, who, what, where_text, when_text, "
              "why, how) VALUES (:id, :who, :what, :where, :when, :why, :how)",
      soci::use(r.id), soci::use(original.who), soci::use(original.what), soci::use(original.where),
      soci::use(original.when), soci::use(original.why), soci::use(original.how);
  tx.Sql() << "INSERT INTO intelligence_sources (report_id, submitter_name, "
              "submitter_agency_name, submitter_contact, heard_from) VALUES (:id, :name, "
              ":agency, :contact, :heard)",
      soci::use(r.id), soci::use(source.submitter_name), soci::use(source.submitter_agency_name),
      soci::use(source.submitter_contact), soci::use(source.heard_from);
  for (const auto& s : subjects) {
    std::string details = DetailsJson(s.details);
    NullableText record(s.record_id);
    int position = s.position;
    tx.Sql() << "INSERT INTO intelligence_subjects (id, report_id, position, subject_type, "
                "record_id, details) VALUES (:id, :report, :position, :type, :record, :details)",
        soci::use(s.id), soci::use(r.id), soci::use(position), soci::use(s.type),
        soci::use(record.value, record.indicator), soci::use(details);
  }
}

bool IntelligenceRepository::GradeIn(Transaction& tx, std::string_view report_id,
                                     const intelligence::Grading& g, std::string_view by,
                                     Instant at) {
  std::string id(report_id), who(by), when = FormatRfc3339(at);
  std::string source(intelligence::ToCode(g.grade.source));
  std::string assessment(intelligence::ToCode(g.grade.assessment));
  std::string handling(intelligence::ToCode(g.grade.handling));
  std::string outcome(intelligence::ToCode(g.outcome));
  std::string graded(intelligence::ToCode(intelligence::ReportStatus::kGraded));
  std::string submitted(intelligence::ToCode(intelligence::ReportStatus::kSubmitted));
  soci::statement update =
      (tx.Sql().prepare << "UPDATE intelligence_reports SET status = :graded, grade_source = "
                           ":source, grade_intelligence = :intel, grade_handling = :handling, "
                           "handling_instructions = :instructions, sanitised_text = :text, "
                           "outcome = :outcome, graded_by = :by, graded_at = :at WHERE id = :id "
                           "AND status = :submitted",
       soci::use(graded), soci::use(source), soci::use(assessment), soci::use(handling),
       soci::use(g.grade.handling_instructions), soci::use(g.sanitised_text), soci::use(outcome),
       soci::use(who), soci::use(when), soci::use(id), soci::use(submitted));
  update.execute(true);
  if (update.get_affected_rows() != 1) return false;
  for (const std::string& agency : g.grade.allowed_agencies) {
    tx.Sql() << "INSERT INTO intelligence_allowed_agencies (report_id, agency_id) VALUES (:r, :a)",
        soci::use(id), soci::use(agency);
  }
  return true;
}

void IntelligenceRepository::SetLegacyGradeIn(Transaction& tx, std::string_view report_id,
                                              const intelligence::LegacyGrade& grade) {
  std::string id(report_id), source(intelligence::ToCode(grade.source));
  std::string intel(intelligence::ToCode(grade.intelligence));
  std::string handling(intelligence::ToCode(grade.handling));
  std::string imported(intelligence::ToCode(intelligence::ReportStatus::kImported));
  tx.Sql() << "UPDATE intelligence_reports SET status = :status, legacy_source = :s, "
              "legacy_intelligence = :i, legacy_handling = :h WHERE id = :id",
      soci::use(imported), soci::use(source), soci::use(intel), soci::use(handling), soci::use(id);
}

bool IntelligenceRepository::ResolveSubjectIn(Transaction& tx, std::string_view report_id,
                                              std::string_view subject_id,
                                              std::string_view record_id) {
  std::string report(report_id), subject(subject_id), record(record_id);
  soci::statement update =
      (tx.Sql().prepare << "UPDATE intelligence_subjects SET record_id = :record WHERE id = "
                           ":subject AND report_id = :report",
       soci::use(record), soci::use(subject), soci::use(report));
  update.execute(true);
  return update.get_affected_rows() == 1;
}

Result<std::optional<intelligence::Report>> IntelligenceRepository::Find(std::string_view id) {
  return Guard(
      "reading an intelligence report", [&]() -> Result<std::optional<intelligence::Report>> {
        soci::session sql(db_.Pool());
        std::string key(id);
        std::vector<intelligence::Report> found;
        soci::rowset<soci::row> rows = (sql.prepare << kSelect << "WHERE id = :id", soci::use(key));
        for (const auto& row : rows) found.push_back(FromRow(row));
        AddAllowedAgencies(sql, found);
        if (found.empty()) return std::optional<intelligence::Report>();
        return std::optional<intelligence::Report>(std::move(found.front()));
      });
}

Result<intelligence::Original> IntelligenceRepository::OriginalOf(std::string_view id) {
  return Guard("reading an intelligence report", [&]() -> Result<intelligence::Original> {
    soci::session sql(db_.Pool());
    std::string key(id);
    intelligence::Original o;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT who, what, where_text, when_text, why, how FROM "
                        "intelligence_originals WHERE report_id = :id",
         soci::use(key));
    for (const auto& row : rows) {
      o = {GetText(row, 0), GetText(row, 1), GetText(row, 2),
           GetText(row, 3), GetText(row, 4), GetText(row, 5)};
    }
    return o;
  });
}

Result<intelligence::SourceDetails> IntelligenceRepository::SourceOf(std::string_view id) {
  return Guard("reading an intelligence report", [&]() -> Result<intelligence::SourceDetails> {
    soci::session sql(db_.Pool());
    std::string key(id);
    intelligence::SourceDetails s;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT submitter_name, submitter_agency_name, submitter_contact, "
                        "heard_from FROM intelligence_sources WHERE report_id = :id",
         soci::use(key));
    for (const auto& row : rows) {
      s = {GetText(row, 0), GetText(row, 1), GetText(row, 2), GetText(row, 3)};
    }
    return s;
  });
}

Result<std::vector<intelligence::ReportSubject>> IntelligenceRepository::Subjects(
    std::string_view id) {
  return Guard("reading an intelligence report",
               [&]() -> Result<std::vector<intelligence::ReportSubject>> {
                 soci::session sql(db_.Pool());
                 std::string key(id);
                 std::vector<intelligence::ReportSubject> out;
                 soci::rowset<soci::row> rows =
                     (sql.prepare << "SELECT id, position, subject_type, record_id, details FROM "
                                     "intelligence_subjects WHERE report_id = :id ORDER BY "
                                     "position",
                      soci::use(key));
                 for (const auto& row : rows) {
                   intelligence::ReportSubject s;
                   s.id = GetText(row, 0);
                   s.position = static_cast<int>(GetInt(row, 1));
                   s.type = GetText(row, 2);
                   s.record_id = GetText(row, 3);
                   s.details = DetailsFromJson(GetText(row, 4));
                   out.push_back(std::move(s));
                 }
                 return out;
               });
}

Result<std::vector<intelligence::Report>> IntelligenceRepository::Queue(
    std::string_view holding_agency, int limit) {
  return Guard(
      "reading the intelligence queue", [&]() -> Result<std::vector<intelligence::Report>> {
        soci::session sql(db_.Pool());
        return Select(sql,
                      "WHERE holding_agency = :h AND status = :s ORDER BY immediate_danger DESC, "
                      "submitted_at, id LIMIT :n",
                      std::string(holding_agency),
                      std::string(intelligence::ToCode(intelligence::ReportStatus::kSubmitted)),
                      limit);
      });
}

Result<std::vector<intelligence::Report>> IntelligenceRepository::RecentlyGraded(
    std::string_view holding_agency, int limit) {
  return Guard(
      "reading the intelligence queue", [&]() -> Result<std::vector<intelligence::Report>> {
        soci::session sql(db_.Pool());
        return Select(
            sql, "WHERE holding_agency = :h AND status = :s ORDER BY graded_at DESC, id LIMIT :n",
            std::string(holding_agency),
            std::string(intelligence::ToCode(intelligence::ReportStatus::kGraded)), limit);
      });
}

Result<std::vector<intelligence::Report>> IntelligenceRepository::BySubmitter(
    std::string_view user_id, int limit) {
  return Guard("reading your submissions", [&]() -> Result<std::vector<intelligence::Report>> {
    soci::session sql(db_.Pool());
    return Select(sql, "WHERE submitted_by = :u ORDER BY submitted_at DESC, id LIMIT :n",
                  std::string(user_id), {}, limit);
  });
}

Result<std::vector<intelligence::Report>> IntelligenceRepository::AboutRecord(
    std::string_view subject_type, std::string_view record_id, int limit) {
  return Guard("reading intelligence reports", [&]() -> Result<std::vector<intelligence::Report>> {
    soci::session sql(db_.Pool());
    return Select(sql,
                  "WHERE id IN (SELECT report_id FROM intelligence_subjects WHERE subject_type = "
                  ":t AND record_id = :r) ORDER BY submitted_at DESC, id LIMIT :n",
                  std::string(subject_type), std::string(record_id), limit);
  });
}

Result<std::map<std::string, intelligence::Report>> IntelligenceRepository::FindMany(
    const std::vector<std::string>& report_ids) {
  return Guard("reading intelligence reports",
               [&]() -> Result<std::map<std::string, intelligence::Report>> {
                 soci::session sql(db_.Pool());
                 std::vector<intelligence::Report> found;
                 for (const std::string& id : report_ids) {
                   if (!IsValidId(id)) continue;
                   soci::rowset<soci::row> rows =
                       (sql.prepare << kSelect << "WHERE id = :id", soci::use(id));
                   for (const auto& row : rows) found.push_back(FromRow(row));
                 }
                 AddAllowedAgencies(sql, found);
                 std::map<std::string, intelligence::Report> out;
                 for (auto& r : found) out.emplace(r.id, std::move(r));
                 return out;
               });
}

Result<std::map<std::string, access::ReportFacts>> IntelligenceRepository::Facts(
    const std::vector<std::string>& report_ids) {
  auto reports = FindMany(report_ids);
  if (!reports) return std::unexpected(reports.error());
  std::map<std::string, access::ReportFacts> out;
  for (const auto& [id, report] : *reports) out.emplace(id, FactsOf(report));
  return out;
}

}  // namespace harbour::storage
