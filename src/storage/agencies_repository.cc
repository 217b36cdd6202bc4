#include "storage/agencies_repository.h"

namespace harbour::storage {

namespace {

agencies::Agency FromRow(const soci::row& row) {
  agencies::Agency a;
  a.id = GetText(row, 0);
  a.code = GetText(row, 1);
  a.name = GetText(row, 2);
  a.sector = agencies::SectorFromCode(GetText(row, 3)).value_or(agencies::Sector::kStatutory);
  a.type = GetText(row, 4);
  return a;
}

Result<std::optional<agencies::Agency>> FindOne(Database& db, const char* column,
                                                std::string_view value) {
  return Guard("reading an agency", [&]() -> Result<std::optional<agencies::Agency>> {
    soci::session sql(db.Pool());
    std::string v(value);
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT id, code, name, sector, agency_type FROM agencies WHERE " << column
                     << " = :v",
         soci::use(v));
    for (const auto& row : rows) return std::optional(FromRow(row));
    return std::optional<agencies::Agency>{};
  });
}

}  // namespace

Result<void> AgenciesRepository::Insert(const agencies::Agency& agency, Instant at) {
  return Guard("adding an agency", [&]() -> Result<void> {
    soci::session sql(db_.Pool());
    std::string sector(agencies::ToCode(agency.sector)), when = FormatRfc3339(at);
    sql << "INSERT INTO agencies (id, code, name, sector, agency_type, created_at) "
           "VALUES (:id, :code, :name, :sector, :type, :at)",
        soci::use(agency.id), soci::use(agency.code), soci::use(agency.name), soci::use(sector),
        soci::use(agency.type), soci::use(when);
    return {};
  });
}

Result<std::optional<agencies::Agency>> AgenciesRepository::FindByCode(std::string_view code) {
  return FindOne(db_, "code", code);
}

Result<std::optional<agencies::Agency>> AgenciesRepository::FindById(std::string_view id) {
  return FindOne(db_, "id", id);
}

Result<std::vector<agencies::Agency>> AgenciesRepository::List() {
  return Guard("listing agencies", [&]() -> Result<std::vector<agencies::Agency>> {
    soci::session sql(db_.Pool());
    soci::rowset<soci::row> rows =
        sql.prepare << "SELECT id, code, name, sector, agency_type FROM agencies ORDER BY name";
    std::vector<agencies::Agency> out;
    for (const auto& row : rows) out.push_back(FromRow(row));
    return out;
  });
}

}  // namespace harbour::storage
