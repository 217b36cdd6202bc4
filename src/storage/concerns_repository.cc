#include "storage/concerns_repository.h"

#include <map>

#include "common/ids.h"

namespace harbour::storage {

namespace {

constexpr const char* kColumns =
    "k.id, k.child_id, k.observed_at, k.location, k.location_postcode, k.category, k.narrative, "
    "k.first_hand, k.immediate_danger, k.recorded_by, k.recorded_by_agency, k.recorded_at";

concerns::Concern FromRow(const soci::row& row) {
  concerns::Concern c;
  c.id = GetText(row, 0);
  c.child_id = GetText(row, 1);
  c.observed_at = GetInstant(row, 2);
  c.location = GetText(row, 3);
  c.location_postcode = GetText(row, 4);
  c.category = concerns::CategoryFromCode(GetText(row, 5)).value_or(concerns::Category::kOther);
  c.narrative = GetText(row, 6);
  c.first_hand = GetInt(row, 7) != 0;
  c.immediate_danger = GetInt(row, 8) != 0;
  c.recorded_by = GetText(row, 9);
  c.recorded_by_agency = GetText(row, 10);
  c.recorded_at = GetInstant(row, 11);
  return c;
}

void LoadIndicators(soci::session& sql, concerns::Concern& c) {
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT indicator_code FROM concern_indicators WHERE concern_id = :id "
                      "ORDER BY indicator_code",
       soci::use(c.id));
  for (const auto& row : rows) c.indicators.push_back(GetText(row, 0));
}

}  // namespace

void ConcernsRepository::InsertIn(Transaction& tx, const concerns::Concern& c) {
  soci::session& sql = tx.Sql();
  std::string observed = FormatRfc3339(c.observed_at), recorded = FormatRfc3339(c.recorded_at);
  std::string category(concerns::ToCode(c.category));
  int first_hand = c.first_hand ? 1 : 0, danger = c.immediate_danger ? 1 : 0;
  sql << "INSERT INTO concerns (id, child_id, observed_at, location, location_postcode, "
         "category, narrative, first_hand, immediate_danger, recorded_by, recorded_by_agency, "
         "recorded_at) VALUES (:id, :child, :obs, :loc, :pc, :cat, :nar, :fh, :danger, :by, "
         ":agency, :rec)",
      soci::use(c.id), soci::use(c.child_id), soci::use(observed), soci::use(c.location),
      soci::use(c.location_postcode), soci::use(category), soci::use(c.narrative),
      soci::use(first_hand), soci::use(danger), soci::use(c.recorded_by),
      soci::use(c.recorded_by_agency), soci::use(recorded);
  for (const auto& code : c.indicators) {
    sql << "INSERT INTO concern_indicators (concern_id, indicator_code) VALUES (:c, :i)",
        soci::use(c.id), soci::use(code);
  }
  if (!c.immediate_danger) return;
  std::string alert_id = NewId();
  sql << "INSERT INTO alerts (id, kind, child_id, concern_id, raised_by, raised_at) VALUES "
         "(:id, 'immediate_danger', :child, :concern, :by, :at)",
      soci::use(alert_id), soci::use(c.child_id), soci::use(c.id), soci::use(c.recorded_by),
      soci::use(recorded);
}

void ConcernsRepository::InsertAddendumIn(Transaction& tx, const concerns::Addendum& a) {
  std::string at = FormatRfc3339(a.recorded_at);
  tx.Sql() << "INSERT INTO concern_addenda (id, concern_id, text, recorded_by, "
              "recorded_by_agency, recorded_at) VALUES (:id, :c, :t, :by, :agency, :at)",
      soci::use(a.id), soci::use(a.concern_id), soci::use(a.text), soci::use(a.recorded_by),
      soci::use(a.recorded_by_agency), soci::use(at);
}

void ConcernsRepository::RaiseAlertIn(Transaction& tx, std::string_view kind,
                                      std::string_view child_id, std::string_view detail,
                                      std::string_view raised_by, Instant at) {
  std::string id = NewId(), k(kind), child(child_id), text(detail), by(raised_by);
  std::string when = FormatRfc3339(at);
  tx.Sql() << "INSERT INTO alerts (id, kind, child_id, raised_by, raised_at, detail) VALUES "
              "(:id, :kind, :child, :by, :at, :detail)",
      soci::use(id), soci::use(k), soci::use(child), soci::use(by), soci::use(when),
      soci::use(text);
}

Result<std::optional<concerns::Concern>> ConcernsRepository::Find(std::string_view id) {
  return Guard("reading a concern", [&]() -> Result<std::optional<concerns::Concern>> {
    soci::session sql(db_.Pool());
    std::string v(id);
    std::optional<concerns::Concern> found;
    {
      soci::rowset<soci::row> rows =
          (sql.prepare << "SELECT " << kColumns << " FROM concerns k WHERE k.id = :id",
           soci::use(v));
      for (const auto& row : rows) found = FromRow(row);
    }
    if (found) LoadIndicators(sql, *found);
    return found;
  });
}

Result<ConcernsRepository::ChronologyRecords> ConcernsRepository::ChronologyRecordsFor(
    std::string_view child_id) {
  return Guard("reading a chronology", [&]() -> Result<ChronologyRecords> {
    soci::session sql(db_.Pool());
    std::string c(child_id);
    ChronologyRecords out;
    std::map<std::string, std::size_t> concern_index;  // concern id -> index in out.concerns
    {
      soci::rowset<soci::row> rows =
          (sql.prepare << "SELECT " << kColumns
                       << ", a.name, u.display_name FROM concerns k JOIN agencies a ON a.id = "
                          "k.recorded_by_agency JOIN users u ON u.id = k.recorded_by WHERE "
                          "k.child_id = :c",
           soci::use(c));
      for (const auto& row : rows) {
        concerns::Concern concern = FromRow(row);
        chronology::Attribution by{GetText(row, 13), concern.recorded_by_agency, GetText(row, 12)};
        concern_index[concern.id] = out.concerns.size();
        out.concerns.push_back({std::move(concern), std::move(by)});
      }
    }
    {
      soci::rowset<soci::row> rows =
          (sql.prepare << "SELECT i.concern_id, i.indicator_code FROM concern_indicators i JOIN "
                          "concerns k ON k.id = i.concern_id WHERE k.child_id = :c ORDER BY "
                          "i.indicator_code",
           soci::use(c));
      for (const auto& row : rows) {
        auto it = concern_index.find(GetText(row, 0));
        if (it == concern_index.end()) continue;
        out.concerns[it->second].record.indicators.push_back(GetText(row, 1));
      }
    }
    {
      soci::rowset<soci::row> rows =
          (sql.prepare << "SELECT d.id, d.concern_id, d.text, d.recorded_by, d.recorded_by_agency, "
                          "d.recorded_at, a.name, u.display_name FROM concern_addenda d JOIN "
                          "concerns k ON k.id = d.concern_id JOIN agencies a ON a.id = "
                          "d.recorded_by_agency JOIN users u ON u.id = d.recorded_by WHERE "
                          "k.child_id = :c",
           soci::use(c));
      for (const auto& row : rows) {
        concerns::Addendum addendum{GetText(row, 0), GetText(row, 1), GetText(row, 2),
                                    GetText(row, 3), GetText(row, 4), GetInstant(row, 5)};
        chronology::Attribution by{GetText(row, 7), addendum.recorded_by_agency, GetText(row, 6)};
        out.addenda.push_back({std::move(addendum), std::move(by)});
      }
    }
    {
      soci::rowset<soci::row> rows =
          (sql.prepare << "SELECT u.display_name, c.created_by_agency, a.name FROM children c JOIN "
                          "agencies a ON a.id = c.created_by_agency JOIN users u ON u.id = "
                          "c.created_by WHERE c.id = :c",
           soci::use(c));
      for (const auto& row : rows) {
        out.record_created_by = {GetText(row, 0), GetText(row, 1), GetText(row, 2)};
      }
    }
    return out;
  });
}

namespace {

Result<std::vector<ConcernSummary>> RecentBy(Database& db, const char* column,
                                             std::string_view value, int limit) {
  return Guard("reading recent concerns", [&]() -> Result<std::vector<ConcernSummary>> {
    soci::session sql(db.Pool());
    std::string v(value);
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT " << kColumns
                     << ", ch.given_name, ch.family_name FROM concerns k JOIN children ch ON "
                        "ch.id = k.child_id WHERE k."
                     << column << " = :v ORDER BY k.recorded_at DESC LIMIT " << limit,
         soci::use(v));
    std::vector<ConcernSummary> out;
    for (const auto& row : rows) {
      out.push_back({FromRow(row), GetText(row, 12) + " " + GetText(row, 13)});
    }
    return out;
  });
}

}  // namespace

Result<std::vector<ConcernSummary>> ConcernsRepository::RecentByUser(std::string_view user_id,
                                                                     int limit) {
  return RecentBy(db_, "recorded_by", user_id, limit);
}

Result<std::vector<ConcernSummary>> ConcernsRepository::RecentByAgency(std::string_view agency_id,
                                                                       int limit) {
  return RecentBy(db_, "recorded_by_agency", agency_id, limit);
}

Result<std::vector<Alert>> ConcernsRepository::OpenAlerts(int limit) {
  return Guard("reading alerts", [&]() -> Result<std::vector<Alert>> {
    soci::session sql(db_.Pool());
    soci::rowset<soci::row> rows =
        sql.prepare
        << "SELECT al.id, al.kind, al.child_id, ch.given_name, ch.family_name, "
           "al.concern_id, u.display_name, a.name, al.raised_at, al.detail FROM alerts al "
           "JOIN children ch ON ch.id = al.child_id JOIN users u ON u.id = "
           "al.raised_by JOIN agencies a ON a.id = u.agency_id WHERE "
           "al.acknowledged_at IS NULL ORDER BY al.raised_at DESC LIMIT "
        << limit;
    std::vector<Alert> out;
    for (const auto& row : rows) {
      Alert al;
      al.id = GetText(row, 0);
      al.kind = GetText(row, 1);
      al.child_id = GetText(row, 2);
      al.child_name = GetText(row, 3) + " " + GetText(row, 4);
      al.concern_id = GetText(row, 5);
      al.raised_by_name = GetText(row, 6);
      al.agency_name = GetText(row, 7);
      al.raised_at = GetInstant(row, 8);
      al.detail = GetText(row, 9);
      out.push_back(std::move(al));
    }
    return out;
  });
}

}  // namespace harbour::storage
