#include "storage/missing_repository.h"

#include <array>

namespace harbour::storage {

namespace {

constexpr const char* kSelectEpisode =
    "SELECT e.id, e.child_id, e.kind, e.started_at, e.returned_at, e.reported_by, "
    "e.police_reference, e.risk_grade, e.where_found, e.found_with, e.carer_name, e.recorded_by, "
    "e.recorded_by_agency, e.recorded_at, c.given_name, c.family_name, u.display_name, g.name "
    "FROM missing_episodes e JOIN children c ON c.id = e.child_id JOIN users u ON u.id = "
    "e.recorded_by JOIN agencies g ON g.id = e.recorded_by_agency ";

constexpr const char* kSelectInterview =
    "SELECT i.id, i.episode_id, i.status, i.offered_at, i.held_at, i.place, i.interviewer_name, "
    "i.interviewer_agency, i.reason, i.decision_by, i.reasons_for_going, i.where_and_with_whom, "
    "i.harm_or_threats, i.push_factors, i.pull_factors, i.exploitation_concerns, i.disclosures, "
    "i.recorded_by, i.recorded_by_agency, i.recorded_at, g.name, u.display_name, ra.name "
    "FROM return_interviews i JOIN users u ON u.id = i.recorded_by JOIN agencies ra ON ra.id = "
    "i.recorded_by_agency LEFT JOIN agencies g ON g.id = i.interviewer_agency ";

missing::MissingEpisode EpisodeFromRow(const soci::row& row) {
  missing::MissingEpisode e;
  e.id = GetText(row, 0);
  e.child_id = GetText(row, 1);
  e.kind = missing::KindFromCode(GetText(row, 2)).value_or(missing::Kind::kMissing);
  e.started_at = GetInstant(row, 3);
  e.returned_at = GetOptionalInstant(row, 4);
  e.reported_by = GetText(row, 5);
  e.police_reference = GetText(row, 6);
  e.risk_grade = missing::RiskGradeFromCode(GetText(row, 7));
  e.where_found = GetText(row, 8);
  e.found_with = GetText(row, 9);
  e.carer_name = GetText(row, 10);
  e.recorded_by = GetText(row, 11);
  e.recorded_by_agency = GetText(row, 12);
  e.recorded_at = GetInstant(row, 13);
  e.child_name = GetText(row, 14) + " " + GetText(row, 15);
  e.recorder_name = GetText(row, 16);
  e.agency_name = GetText(row, 17);
  return e;
}

missing::ReturnInterview InterviewFromRow(const soci::row& row) {
  missing::ReturnInterview r;
  r.id = GetText(row, 0);
  r.episode_id = GetText(row, 1);
  r.status = missing::InterviewStatusFromCode(GetText(row, 2))
                 .value_or(missing::InterviewStatus::kOffered);
  r.offered_at = GetOptionalInstant(row, 3);
  r.held_at = GetOptionalInstant(row, 4);
  r.place = GetText(row, 5);
  r.interviewer_name = GetText(row, 6);
  r.interviewer_agency = GetText(row, 7);
  r.reason = GetText(row, 8);
  r.decision_by = GetText(row, 9);
  for (std::size_t i = 0; i < missing::kFindingCount; ++i) r.findings[i] = GetText(row, 10 + i);
  r.recorded_by = GetText(row, 17);
  r.recorded_by_agency = GetText(row, 18);
  r.recorded_at = GetInstant(row, 19);
  r.interviewer_agency_name = GetText(row, 20);
  r.recorder_name = GetText(row, 21);
  r.recorder_agency_name = GetText(row, 22);
  return r;
}

std::string OptionalInstantText(const std::optional<Instant>& at) {
  return at ? FormatRfc3339(*at) : std::string();
}

// Fills each interview's concern_ids.
void LinkConcerns(soci::session& sql, std::vector<missing::ReturnInterview>& interviews) {
  for (auto& r : interviews) {
    std::string id = r.id;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT concern_id FROM return_interview_concerns WHERE interview_id = "
                        ":id ORDER BY concern_id",
         soci::use(id));
    for (const auto& row : rows) r.concern_ids.push_back(GetText(row, 0));
  }
}

}  // namespace

void MissingRepository::InsertEpisodeIn(Transaction& tx, const missing::MissingEpisode& e) {
  std::string kind(missing::ToCode(e.kind));
  std::string grade(e.risk_grade ? missing::ToCode(*e.risk_grade) : "");
  std::string started = FormatRfc3339(e.started_at), recorded = FormatRfc3339(e.recorded_at);
  NullableText returned(OptionalInstantText(e.returned_at));
  NullableText due(e.returned_at ? FormatRfc3339(missing::ReturnInterviewDue(*e.returned_at)) : "");
  NullableText return_by(e.returned_at ? e.recorded_by : "");
  NullableText return_at(e.returned_at ? recorded : "");
  tx.Sql() << "INSERT INTO missing_episodes (id, child_id, kind, started_at, returned_at, "
              "reported_by, police_reference, risk_grade, where_found, found_with, carer_name, "
              "recorded_by, recorded_by_agency, recorded_at, interview_due, return_recorded_by, "
              "return_recorded_at) VALUES (:id, :child, :kind, :started, :returned, :reporter, "
              ":ref, :grade, :where, :with, :carer, :by, :agency, :at, :due, :rby, :rat)",
      soci::use(e.id), soci::use(e.child_id), soci::use(kind), soci::use(started),
      soci::use(returned.value, returned.indicator), soci::use(e.reported_by),
      soci::use(e.police_reference), soci::use(grade), soci::use(e.where_found),
      soci::use(e.found_with), soci::use(e.carer_name), soci::use(e.recorded_by),
      soci::use(e.recorded_by_agency), soci::use(recorded), soci::use(due.value, due.indicator),
      soci::use(return_by.value, return_by.indicator),
      soci::use(return_at.value, return_at.indicator);
}

bool MissingRepository::RecordReturnIn(Transaction& tx, std::string_view episode_id,
                                       const missing::ReturnRecord& back, std::string_view by,
                                       Instant at) {
  std::string id(episode_id), who(by), when = FormatRfc3339(at);
  std::string returned = FormatRfc3339(back.returned_at);
  std::string due = FormatRfc3339(missing::ReturnInterviewDue(back.returned_at));
  std::string where = back.where_found, with = back.found_with;
  soci::statement update =
      (tx.Sql().prepare << "UPDATE missing_episodes SET returned_at = :r, where_found = :w, "
                           "found_with = :f, interview_due = :d, return_recorded_by = :by, "
                           "return_recorded_at = :at WHERE id = :id AND returned_at IS NULL",
       soci::use(returned), soci::use(where), soci::use(with), soci::use(due), soci::use(who),
       soci::use(when), soci::use(id));
  update.execute(true);
  return update.get_affected_rows() == 1;
}

void MissingRepository::InsertInterviewIn(Transaction& tx, const missing::ReturnInterview& r) {
  std::string status(missing::ToCode(r.status));
  NullableText concludes(missing::Concludes(r.status) ? r.episode_id : "");
  NullableText offered(OptionalInstantText(r.offered_at)), held(OptionalInstantText(r.held_at));
  NullableText agency(r.interviewer_agency);
  std::string recorded = FormatRfc3339(r.recorded_at);
  std::array<std::string, missing::kFindingCount> f;
  for (std::size_t i = 0; i < f.size(); ++i) f[i] = i < r.findings.size() ? r.findings[i] : "";
  tx.Sql() << "INSERT INTO return_interviews (id, episode_id, status, concludes, offered_at, "
              "held_at, place, interviewer_name, interviewer_agency, reason, decision_by, "
              "reasons_for_going, where_and_with_whom, harm_or_threats, push_factors, "
              "pull_factors, exploitation_concerns, disclosures, recorded_by, "
              "recorded_by_agency, recorded_at) VALUES (:id, :episode, :status, :concludes, "
              ":offered, :held, :place, :name, :agency, :reason, :decision, :f0, :f1, :f2, :f3, "
              ":f4, :f5, :f6, :by, :by_agency, :at)",
      soci::use(r.id), soci::use(r.episode_id), soci::use(status),
      soci::use(concludes.value, concludes.indicator), soci::use(offered.value, offered.indicator),
      soci::use(held.value, held.indicator), soci::use(r.place), soci::use(r.interviewer_name),
      soci::use(agency.value, agency.indicator), soci::use(r.reason), soci::use(r.decision_by),
      soci::use(f[0]), soci::use(f[1]), soci::use(f[2]), soci::use(f[3]), soci::use(f[4]),
      soci::use(f[5]), soci::use(f[6]), soci::use(r.recorded_by), soci::use(r.recorded_by_agency),
      soci::use(recorded);
  for (const auto& concern_id : r.concern_ids) {
    std::string interview = r.id, concern = concern_id;
    tx.Sql() << "INSERT INTO return_interview_concerns (interview_id, concern_id) VALUES (:i, :c)",
        soci::use(interview), soci::use(concern);
  }
}

std::vector<Instant> MissingRepository::StartsIn(Transaction& tx, std::string_view child_id) {
  std::string id(child_id);
  std::vector<Instant> out;
  soci::rowset<soci::row> rows =
      (tx.Sql().prepare << "SELECT started_at FROM missing_episodes WHERE child_id = :c",
       soci::use(id));
  for (const auto& row : rows) out.push_back(GetInstant(row, 0));
  return out;
}

bool MissingRepository::HasOpenStrategyTaskIn(Transaction& tx, std::string_view child_id) {
  std::string id(child_id);
  long long count = 0;
  tx.Sql() << "SELECT COUNT(*) FROM tasks WHERE child_id = :c AND source_type = 'missing' AND "
              "status = 'open'",
      soci::use(id), soci::into(count);
  return count > 0;
}

Result<std::optional<missing::MissingEpisode>> MissingRepository::FindEpisode(std::string_view id) {
  return Guard("reading a missing episode",
               [&]() -> Result<std::optional<missing::MissingEpisode>> {
                 soci::session sql(db_.Pool());
                 std::string v(id);
                 std::optional<missing::MissingEpisode> found;
                 soci::rowset<soci::row> rows =
                     (sql.prepare << kSelectEpisode << "WHERE e.id = :id", soci::use(v));
                 for (const auto& row : rows) found = EpisodeFromRow(row);
                 return found;
               });
}

Result<std::vector<missing::MissingEpisode>> MissingRepository::ForChild(
    std::string_view child_id) {
  return Guard("reading missing episodes", [&]() -> Result<std::vector<missing::MissingEpisode>> {
    soci::session sql(db_.Pool());
    std::string v(child_id);
    std::vector<missing::MissingEpisode> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << kSelectEpisode << "WHERE e.child_id = :c ORDER BY e.started_at DESC, e.id",
         soci::use(v));
    for (const auto& row : rows) out.push_back(EpisodeFromRow(row));
    return out;
  });
}

Result<std::vector<missing::ReturnInterview>> MissingRepository::Interviews(
    std::string_view episode_id) {
  return Guard("reading return interviews", [&]() -> Result<std::vector<missing::ReturnInterview>> {
    soci::session sql(db_.Pool());
    std::string v(episode_id);
    std::vector<missing::ReturnInterview> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << kSelectInterview << "WHERE i.episode_id = :e ORDER BY i.recorded_at, i.id",
         soci::use(v));
    for (const auto& row : rows) out.push_back(InterviewFromRow(row));
    LinkConcerns(sql, out);
    return out;
  });
}

Result<std::vector<missing::ReturnInterview>> MissingRepository::InterviewsForChild(
    std::string_view child_id) {
  return Guard("reading return interviews", [&]() -> Result<std::vector<missing::ReturnInterview>> {
    soci::session sql(db_.Pool());
    std::string v(child_id);
    std::vector<missing::ReturnInterview> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << kSelectInterview
                     << "JOIN missing_episodes e ON e.id = i.episode_id WHERE e.child_id = :c "
                        "ORDER BY i.recorded_at, i.id",
         soci::use(v));
    for (const auto& row : rows) out.push_back(InterviewFromRow(row));
    LinkConcerns(sql, out);
    return out;
  });
}

Result<std::vector<missing::MissingEpisode>> MissingRepository::AwaitingInterview(int limit) {
  return Guard(
      "reading return interviews due", [&]() -> Result<std::vector<missing::MissingEpisode>> {
        soci::session sql(db_.Pool());
        std::vector<missing::MissingEpisode> out;
        soci::rowset<soci::row> rows =
            (sql.prepare
                 << kSelectEpisode
                 << "WHERE e.returned_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
                    "return_interviews i WHERE i.concludes = e.id) ORDER BY e.interview_due, "
                    "e.id LIMIT :n",
             soci::use(limit));
        for (const auto& row : rows) out.push_back(EpisodeFromRow(row));
        return out;
      });
}

}  // namespace harbour::storage
