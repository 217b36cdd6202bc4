#include "storage/disruption_repository.h"

#include <utility>

namespace harbour::storage {

namespace {

constexpr const char* kSelect =
    "SELECT d.id, d.measure, d.subject_type, d.subject_id, d.child_id, d.date, d.by_agency, "
    "d.officer, d.outcome, d.expiry, d.notes, d.recorded_by, d.recorded_by_agency, "
    "d.recorded_at, p.name, pl.name, v.registration, g.name, u.display_name "
    "FROM disruptions d "
    "LEFT JOIN people_of_concern p ON d.subject_type = 'person' AND p.id = d.subject_id "
    "LEFT JOIN places pl ON d.subject_type = 'place' AND pl.id = d.subject_id "
    "LEFT JOIN vehicles v ON d.subject_type = 'vehicle' AND v.id = d.subject_id "
    "JOIN agencies g ON g.id = d.by_agency JOIN users u ON u.id = d.recorded_by ";

constexpr const char* kSelectVisit =
    "SELECT b.id, b.place_id, b.date, b.awareness_pack_given, b.staff_spoken_to, "
    "b.concerns_raised, b.follow_up, b.recorded_by, b.recorded_by_agency, b.recorded_at, "
    "p.name, p.place_type, u.display_name FROM business_visits b JOIN places p ON p.id = "
    "b.place_id JOIN users u ON u.id = b.recorded_by ";

Date GetDate(const soci::row& row, std::size_t column) {
  return ParseDate(GetText(row, column)).value_or(Date{});
}

disruption::Disruption FromRow(const soci::row& row) {
  disruption::Disruption d;
  d.id = GetText(row, 0);
  d.measure = disruption::MeasureFromCode(GetText(row, 1)).value_or(disruption::Measure::kArrest);
  d.subject_type =
      disruption::SubjectTypeFromCode(GetText(row, 2)).value_or(disruption::SubjectType::kPerson);
  d.subject_id = GetText(row, 3);
  d.child_id = GetText(row, 4);
  d.date = GetDate(row, 5);
  d.by_agency = GetText(row, 6);
  d.officer = GetText(row, 7);
  d.outcome = GetText(row, 8);
  d.expiry = GetOptionalDate(row, 9);
  d.notes = GetText(row, 10);
  d.recorded_by = GetText(row, 11);
  d.recorded_by_agency = GetText(row, 12);
  d.recorded_at = GetInstant(row, 13);
  for (std::size_t column : {14u, 15u, 16u}) {
    if (!IsNull(row, column)) d.subject_label = GetText(row, column);
  }
  d.by_agency_name = GetText(row, 17);
  d.recorder_name = GetText(row, 18);
  return d;
}

disruption::Visit VisitFromRow(const soci::row& row) {
  disruption::Visit v;
  v.id = GetText(row, 0);
  v.place_id = GetText(row, 1);
  v.date = GetDate(row, 2);
  v.awareness_pack_given = GetInt(row, 3) != 0;
  v.staff_spoken_to = GetText(row, 4);
  v.concerns_raised = GetText(row, 5);
  v.follow_up = GetText(row, 6);
  v.recorded_by = GetText(row, 7);
  v.recorded_by_agency = GetText(row, 8);
  v.recorded_at = GetInstant(row, 9);
  v.place_name = GetText(row, 10);
  v.place_type = GetText(row, 11);
  v.recorder_name = GetText(row, 12);
  return v;
}

// Fills each visit's visiting agencies and their names, in the order recorded.
void LoadAgencies(soci::session& sql, std::vector<disruption::Visit>& visits) {
  for (auto& v : visits) {
    std::string id = v.id;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT a.agency_id, g.name FROM business_visit_agencies a JOIN agencies "
                        "g ON g.id = a.agency_id WHERE a.visit_id = :id ORDER BY a.position",
         soci::use(id));
    for (const auto& row : rows) {
      v.visiting_agencies.push_back(GetText(row, 0));
      v.agency_names.push_back(GetText(row, 1));
    }
  }
}

std::vector<disruption::Disruption> ReadAll(soci::rowset<soci::row>& rows) {
  std::vector<disruption::Disruption> out;
  for (const auto& row : rows) out.push_back(FromRow(row));
  return out;
}

}  // namespace

Result<bool> DisruptionRepository::SubjectExists(disruption::SubjectType type,
                                                 std::string_view id) {
  return Guard("checking a disruption subject", [&]() -> Result<bool> {
    soci::session sql(db_.Pool());
    std::string v(id);
    long long count = 0;
    switch (type) {
      case disruption::SubjectType::kPerson:
        sql << "SELECT COUNT(*) FROM people_of_concern WHERE id = :id", soci::use(v),
            soci::into(count);
        break;
      case disruption::SubjectType::kPlace:
        sql << "SELECT COUNT(*) FROM places WHERE id = :id", soci::use(v), soci::into(count);
        break;
      case disruption::SubjectType::kVehicle:
        sql << "SELECT COUNT(*) FROM vehicles WHERE id = :id", soci::use(v), soci::into(count);
        break;
    }
    return count > 0;
  });
}

Result<std::optional<std::string>> DisruptionRepository::SubjectLabel(disruption::SubjectType type,
                                                                      std::string_view id) {
  return Guard("reading a disruption subject", [&]() -> Result<std::optional<std::string>> {
    soci::session sql(db_.Pool());
    std::string v(id);
    const char* query = "SELECT name FROM people_of_concern WHERE id = :id";
    if (type == disruption::SubjectType::kPlace) query = "SELECT name FROM places WHERE id = :id";
    if (type == disruption::SubjectType::kVehicle) {
      query = "SELECT registration FROM vehicles WHERE id = :id";
    }
    std::optional<std::string> found;
    soci::rowset<soci::row> rows = (sql.prepare << query, soci::use(v));
    for (const auto& row : rows) found = GetText(row, 0);
    return found;
  });
}

Result<std::optional<std::string>> DisruptionRepository::PlaceType(std::string_view place_id) {
  return Guard("reading a place", [&]() -> Result<std::optional<std::string>> {
    soci::session sql(db_.Pool());
    std::string v(place_id);
    std::optional<std::string> found;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT place_type FROM places WHERE id = :id", soci::use(v));
    for (const auto& row : rows) found = GetText(row, 0);
    return found;
  });
}

Result<std::optional<std::string>> DisruptionRepository::PersonStatus(std::string_view person_id) {
  return Guard("reading a person's status", [&]() -> Result<std::optional<std::string>> {
    soci::session sql(db_.Pool());
    std::string v(person_id);
    std::optional<std::string> found;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT status FROM people_of_concern WHERE id = :id", soci::use(v));
    for (const auto& row : rows) found = GetText(row, 0);
    return found;
  });
}

std::optional<disruption::PersonStatus> DisruptionRepository::InsertIn(
    Transaction& tx, const disruption::Disruption& d) {
  std::string measure(disruption::ToCode(d.measure));
  std::string type(disruption::ToCode(d.subject_type));
  std::string date = FormatDate(d.date), recorded = FormatRfc3339(d.recorded_at);
  NullableText child(d.child_id);
  NullableText expiry(d.expiry ? FormatDate(*d.expiry) : "");
  tx.Sql() << "INSERT INTO disruptions (id, measure, subject_type, subject_id, child_id, date, "
              "by_agency, officer, outcome, expiry, notes, recorded_by, recorded_by_agency, "
              "recorded_at) VALUES (:id, :m, :t, :s, :c, :d, :a, :o, :out, :e, :n, :by, :ba, :at)",
      soci::use(d.id), soci::use(measure), soci::use(type), soci::use(d.subject_id),
      soci::use(child.value, child.indicator), soci::use(date), soci::use(d.by_agency),
      soci::use(d.officer), soci::use(d.outcome), soci::use(expiry.value, expiry.indicator),
      soci::use(d.notes), soci::use(d.recorded_by), soci::use(d.recorded_by_agency),
      soci::use(recorded);
  if (d.subject_type != disruption::SubjectType::kPerson ||
      !disruption::IsJusticeOutcome(d.measure)) {
    return std::nullopt;
  }
  std::string person = d.subject_id;
  std::optional<std::string> stored;
  soci::rowset<soci::row> rows =
      (tx.Sql().prepare << "SELECT status FROM people_of_concern WHERE id = :id",
       soci::use(person));
  for (const auto& row : rows) stored = GetText(row, 0);
  if (!stored) return std::nullopt;
  auto current =
      disruption::PersonStatusFromCode(*stored).value_or(disruption::PersonStatus::kSuspected);
  auto next = disruption::NextStatus(current, d.measure);
  if (next == current) return std::nullopt;
  std::string code(disruption::ToCode(next));
  tx.Sql() << "UPDATE people_of_concern SET status = :s, updated_at = :at WHERE id = :id",
      soci::use(code), soci::use(recorded), soci::use(person);
  return next;
}

Result<std::optional<disruption::Disruption>> DisruptionRepository::Find(std::string_view id) {
  return Guard(
      "reading a disruption measure", [&]() -> Result<std::optional<disruption::Disruption>> {
        soci::session sql(db_.Pool());
        std::string v(id);
        std::optional<disruption::Disruption> found;
        soci::rowset<soci::row> rows = (sql.prepare << kSelect << "WHERE d.id = :id", soci::use(v));
        for (const auto& row : rows) found = FromRow(row);
        return found;
      });
}

Result<std::vector<disruption::Disruption>> DisruptionRepository::ForSubject(
    disruption::SubjectType type, std::string_view id) {
  return Guard("reading disruption measures", [&]() -> Result<std::vector<disruption::Disruption>> {
    soci::session sql(db_.Pool());
    std::string t(disruption::ToCode(type)), v(id);
    soci::rowset<soci::row> rows =
        (sql.prepare << kSelect
                     << "WHERE d.subject_type = :t AND d.subject_id = :id ORDER BY d.date DESC, "
                        "d.recorded_at DESC, d.id",
         soci::use(t), soci::use(v));
    return ReadAll(rows);
  });
}

Result<std::vector<disruption::Disruption>> DisruptionRepository::WithExpiryBetween(Date first_day,
                                                                                    Date last_day) {
  return Guard("reading expiring disruption measures",
               [&]() -> Result<std::vector<disruption::Disruption>> {
                 soci::session sql(db_.Pool());
                 std::string first = FormatDate(first_day);
                 std::string last = FormatDate(last_day);
                 soci::rowset<soci::row> rows =
                     (sql.prepare << kSelect
                                  << "WHERE d.expiry IS NOT NULL AND d.expiry >= :f AND d.expiry "
                                     "<= :l ORDER BY d.expiry, d.id",
                      soci::use(first), soci::use(last));
                 return ReadAll(rows);
               });
}

Result<std::vector<disruption::Disruption>> DisruptionRepository::Recent(int limit) {
  return Guard("reading disruption measures", [&]() -> Result<std::vector<disruption::Disruption>> {
    soci::session sql(db_.Pool());
    soci::rowset<soci::row> rows =
        (sql.prepare << kSelect << "ORDER BY d.recorded_at DESC, d.id LIMIT :n", soci::use(limit));
    return ReadAll(rows);
  });
}

void DisruptionRepository::InsertVisitIn(Transaction& tx, const disruption::Visit& v) {
  std::string date = FormatDate(v.date), recorded = FormatRfc3339(v.recorded_at);
  int pack = v.awareness_pack_given ? 1 : 0;
  tx.Sql() << "INSERT INTO business_visits (id, place_id, date, awareness_pack_given, "
              "staff_spoken_to, concerns_raised, follow_up, recorded_by, recorded_by_agency, "
              "recorded_at) VALUES (:id, :p, :d, :pack, :s, :c, :f, :by, :ba, :at)",
      soci::use(v.id), soci::use(v.place_id), soci::use(date), soci::use(pack),
      soci::use(v.staff_spoken_to), soci::use(v.concerns_raised), soci::use(v.follow_up),
      soci::use(v.recorded_by), soci::use(v.recorded_by_agency), soci::use(recorded);
  int position = 0;
  for (const auto& agency : v.visiting_agencies) {
    std::string id = v.id, a = agency;
    tx.Sql() << "INSERT INTO business_visit_agencies (visit_id, agency_id, position) VALUES "
                "(:v, :a, :p)",
        soci::use(id), soci::use(a), soci::use(position);
    ++position;
  }
}

Result<std::optional<disruption::Visit>> DisruptionRepository::FindVisit(std::string_view id) {
  return Guard("reading a business visit", [&]() -> Result<std::optional<disruption::Visit>> {
    soci::session sql(db_.Pool());
    std::string v(id);
    std::vector<disruption::Visit> found;
    {
      soci::rowset<soci::row> rows =
          (sql.prepare << kSelectVisit << "WHERE b.id = :id", soci::use(v));
      for (const auto& row : rows) found.push_back(VisitFromRow(row));
    }
    if (found.empty()) return std::optional<disruption::Visit>();
    LoadAgencies(sql, found);
    return std::optional<disruption::Visit>(std::move(found.front()));
  });
}

Result<std::vector<disruption::Visit>> DisruptionRepository::VisitsForPlace(
    std::string_view place_id) {
  return Guard("reading business visits", [&]() -> Result<std::vector<disruption::Visit>> {
    soci::session sql(db_.Pool());
    std::string v(place_id);
    std::vector<disruption::Visit> out;
    {
      soci::rowset<soci::row> rows =
          (sql.prepare << kSelectVisit
                       << "WHERE b.place_id = :p ORDER BY b.date DESC, b.recorded_at DESC, b.id",
           soci::use(v));
      for (const auto& row : rows) out.push_back(VisitFromRow(row));
    }
    LoadAgencies(sql, out);
    return out;
  });
}

Result<std::vector<disruption::Visit>> DisruptionRepository::RecentVisits(int limit) {
  return Guard("reading business visits", [&]() -> Result<std::vector<disruption::Visit>> {
    soci::session sql(db_.Pool());
    std::vector<disruption::Visit> out;
    {
      soci::rowset<soci::row> rows =
          (sql.prepare << kSelectVisit << "ORDER BY b.date DESC, b.recorded_at DESC, b.id LIMIT :n",
           soci::use(limit));
      for (const auto& row : rows) out.push_back(VisitFromRow(row));
    }
    LoadAgencies(sql, out);
    return out;
  });
}

Result<std::vector<disruption::PremisesVisit>> DisruptionRepository::BusinessPremises() {
  return Guard("reading business premises",
               [&]() -> Result<std::vector<disruption::PremisesVisit>> {
                 soci::session sql(db_.Pool());
                 std::vector<disruption::PremisesVisit> out;
                 soci::rowset<soci::row> rows =
                     (sql.prepare
                      << "SELECT p.id, p.name, p.place_type, MAX(b.date) FROM places p LEFT JOIN "
                         "business_visits b ON b.place_id = p.id WHERE p.place_type IN ('hotel', "
                         "'bed_and_breakfast', 'taxi_firm', 'takeaway', 'licensed_premises') "
                         "GROUP BY p.id, p.name, p.place_type ORDER BY p.name, p.id");
                 for (const auto& row : rows) {
                   disruption::PremisesVisit p;
                   p.place_id = GetText(row, 0);
                   p.name = GetText(row, 1);
                   p.place_type = GetText(row, 2);
                   p.last_visit = GetOptionalDate(row, 3);
                   out.push_back(std::move(p));
                 }
                 return out;
               });
}

Result<std::vector<disruption::PremisesGroup>> DisruptionRepository::NotVisited(Date today,
                                                                                int months) {
  auto premises = BusinessPremises();
  if (!premises) return std::unexpected(premises.error());
  return disruption::NotVisitedSince(*premises, today, months);
}

}  // namespace harbour::storage
