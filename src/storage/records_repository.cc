#include "storage/records_repository.h"

#include <algorithm>
#include <map>
#include <utility>

#include "common/ids.h"

namespace harbour::storage {

namespace in = harbour::intelligence;

namespace {

std::optional<double> GetOptionalDouble(const soci::row& row, std::size_t column) {
  if (row.get_indicator(column) == soci::i_null) return std::nullopt;
  switch (row.get_properties(column).get_data_type()) {
    case soci::dt_double:
      return row.get<double>(column);
    case soci::dt_integer:
      return static_cast<double>(row.get<int>(column));
    case soci::dt_long_long:
      return static_cast<double>(row.get<long long>(column));
    case soci::dt_string:
      return std::stod(row.get<std::string>(column));
    default:
      return std::nullopt;
  }
}

std::optional<int> GetOptionalInt(const soci::row& row, std::size_t column) {
  if (IsNull(row, column)) return std::nullopt;
  return static_cast<int>(GetInt(row, column));
}

constexpr const char* kPersonColumns =
    "id, name, name_key, date_of_birth, age_from, age_to, sex, ethnicity, description, status";
constexpr const char* kVehicleColumns =
    "id, registration, registration_typed, verified, make, model, colour";
constexpr const char* kPlaceColumns =
    "id, name, name_key, place_type, address, postcode, postcode_typed, postcode_verified, "
    "latitude, longitude, ward_code";
constexpr const char* kPhoneColumns = "id, number, number_typed, verified, kind";
constexpr const char* kAccountColumns = "id, platform, handle, handle_key";

in::Person PersonFromRow(const soci::row& row) {
  in::Person p;
  p.id = GetText(row, 0);
  p.name = GetText(row, 1);
  p.name_key = GetText(row, 2);
  if (auto dob = ParseDate(GetText(row, 3))) p.date_of_birth = *dob;
  p.age_from = GetOptionalInt(row, 4);
  p.age_to = GetOptionalInt(row, 5);
  p.sex = GetText(row, 6);
  p.ethnicity = GetText(row, 7);
  p.description = GetText(row, 8);
  p.status = in::PersonStatusFromCode(GetText(row, 9)).value_or(in::PersonStatus::kSuspected);
  return p;
}

in::Vehicle VehicleFromRow(const soci::row& row) {
  in::Vehicle v;
  v.id = GetText(row, 0);
  v.registration = GetText(row, 1);
  v.registration_typed = GetText(row, 2);
  v.verified = GetInt(row, 3) != 0;
  v.make = GetText(row, 4);
  v.model = GetText(row, 5);
  v.colour = GetText(row, 6);
  in::FillVehicleDisplay(v);
  return v;
}

in::Place PlaceFromRow(const soci::row& row) {
  in::Place p;
  p.id = GetText(row, 0);
  p.name = GetText(row, 1);
  p.name_key = GetText(row, 2);
  p.type = in::PlaceTypeFromCode(GetText(row, 3)).value_or(in::PlaceType::kOther);
  p.address = GetText(row, 4);
  p.postcode = GetText(row, 5);
  p.postcode_typed = GetText(row, 6);
  p.postcode_verified = GetInt(row, 7) != 0;
  p.latitude = GetOptionalDouble(row, 8);
  p.longitude = GetOptionalDouble(row, 9);
  p.ward_code = GetText(row, 10);
  if (!p.postcode.empty() && !p.postcode_verified) {
    p.warnings.emplace_back(in::kUnverifiedPostcodeWarning);
  }
  return p;
}

in::Phone PhoneFromRow(const soci::row& row) {
  in::Phone p;
  p.id = GetText(row, 0);
  p.number = GetText(row, 1);
  p.number_typed = GetText(row, 2);
  p.verified = GetInt(row, 3) != 0;
  p.kind = GetText(row, 4);
  in::FillPhoneDisplay(p);
  return p;
}

in::Account AccountFromRow(const soci::row& row) {
  in::Account a;
  a.id = GetText(row, 0);
  a.platform = in::PlatformFromCode(GetText(row, 1)).value_or(in::Platform::kOther);
  a.handle = GetText(row, 2);
  a.handle_key = GetText(row, 3);
  return a;
}

// Reads at most one row of `table` by id with `columns`, mapped by `from_row`.
template <class T, class FromRow>
Result<std::optional<T>> FindById(Database& db, const char* what, const char* table,
                                  const char* columns, std::string_view id, FromRow from_row) {
  return Guard(what, [&]() -> Result<std::optional<T>> {
    soci::session sql(db.Pool());
    std::string key(id);
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT " << columns << " FROM " << table << " WHERE id = :id",
         soci::use(key));
    for (const auto& row : rows) return std::optional<T>(from_row(row));
    return std::optional<T>();
  });
}

const char* TableOf(in::RecordType type) {
  switch (type) {
    case in::RecordType::kChild:
      return "children";
    case in::RecordType::kPerson:
      return "people_of_concern";
    case in::RecordType::kVehicle:
      return "vehicles";
    case in::RecordType::kPlace:
      return "places";
    case in::RecordType::kPhone:
      return "phones";
    case in::RecordType::kAccount:
      return "online_accounts";
  }
  return "people_of_concern";
}

std::vector<std::string> PersonAliases(soci::session& sql, const std::string& id) {
  std::vector<std::string> aliases;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT alias FROM person_aliases WHERE person_id = :id ORDER BY alias",
       soci::use(id));
  for (const auto& row : rows) aliases.push_back(GetText(row, 0));
  return aliases;
}

}  // namespace

std::string RecordsRepository::InsertPersonIn(Transaction& tx, const in::Person& p,
                                              std::string_view by, std::string_view agency,
                                              Instant at) {
  soci::session& sql = tx.Sql();
  std::string id = NewId(), who(by), where(agency), when = FormatRfc3339(at);
  std::string key = p.name_key.empty() ? in::NameKey(p.name) : p.name_key;
  NullableText dob(p.date_of_birth ? FormatDate(*p.date_of_birth) : "");
  int from = p.age_from.value_or(0), to = p.age_to.value_or(0);
  soci::indicator from_ind = p.age_from ? soci::i_ok : soci::i_null;
  soci::indicator to_ind = p.age_to ? soci::i_ok : soci::i_null;
  std::string status(in::ToCode(p.status));
  sql << "INSERT INTO people_of_concern (id, name, name_key, date_of_birth, age_from, age_to, "
         "sex, ethnicity, description, status, created_by, created_by_agency, created_at, "
         "updated_at) VALUES (:id, :name, :key, :dob, :af, :at, :sex, :eth, :descr, :status, "
         ":by, :agency, :created, :updated)",
      soci::use(id), soci::use(p.name), soci::use(key), soci::use(dob.value, dob.indicator),
      soci::use(from, from_ind), soci::use(to, to_ind), soci::use(p.sex), soci::use(p.ethnicity),
      soci::use(p.description), soci::use(status), soci::use(who), soci::use(where),
      soci::use(when), soci::use(when);
  std::vector<std::string> seen;
  for (const std::string& alias : p.aliases) {
    std::string alias_key = in::NameKey(alias);
    if (alias_key.empty() || std::ranges::find(seen, alias_key) != seen.end()) continue;
    seen.push_back(alias_key);
    sql << "INSERT INTO person_aliases (person_id, alias, alias_key) VALUES (:id, :a, :k)",
        soci::use(id), soci::use(alias), soci::use(alias_key);
  }
  return id;
}

std::string RecordsRepository::InsertVehicleIn(Transaction& tx, const in::Vehicle& v,
                                               std::string_view by, std::string_view agency,
                                               Instant at) {
  std::string id = NewId(), who(by), where(agency), when = FormatRfc3339(at);
  int verified = v.verified ? 1 : 0;
  tx.Sql() << "INSERT INTO vehicles (id, registration, registration_typed, verified, make, "
              "model, colour, created_by, created_by_agency, created_at) VALUES (:id, :reg, "
              ":typed, :verified, :make, :model, :colour, :by, :agency, :at)",
      soci::use(id), soci::use(v.registration), soci::use(v.registration_typed),
      soci::use(verified), soci::use(v.make), soci::use(v.model), soci::use(v.colour),
      soci::use(who), soci::use(where), soci::use(when);
  return id;
}

std::string RecordsRepository::InsertPlaceIn(Transaction& tx, const in::Place& p,
                                             std::string_view by, std::string_view agency,
                                             Instant at) {
  std::string id = NewId(), who(by), where(agency), when = FormatRfc3339(at);
  std::string key = p.name_key.empty() ? in::NameKey(p.name) : p.name_key;
  std::string type(in::ToCode(p.type));
  int verified = p.postcode_verified ? 1 : 0;
  double lat = p.latitude.value_or(0), lon = p.longitude.value_or(0);
  soci::indicator lat_ind = p.latitude && p.longitude ? soci::i_ok : soci::i_null;
  soci::indicator lon_ind = lat_ind;
  NullableText ward(p.ward_code);
  tx.Sql() << "INSERT INTO places (id, name, name_key, place_type, address, postcode, "
              "postcode_typed, postcode_verified, latitude, longitude, ward_code, created_by, "
              "created_by_agency, created_at) VALUES (:id, :name, :key, :type, :addr, :pc, "
              ":typed, :verified, :lat, :lon, :ward, :by, :agency, :at)",
      soci::use(id), soci::use(p.name), soci::use(key), soci::use(type), soci::use(p.address),
      soci::use(p.postcode), soci::use(p.postcode_typed), soci::use(verified),
      soci::use(lat, lat_ind), soci::use(lon, lon_ind), soci::use(ward.value, ward.indicator),
      soci::use(who), soci::use(where), soci::use(when);
  return id;
}

std::string RecordsRepository::InsertPhoneIn(Transaction& tx, const in::Phone& p,
                                             std::string_view by, std::string_view agency,
                                             Instant at) {
  std::string id = NewId(), who(by), where(agency), when = FormatRfc3339(at);
  int verified = p.verified ? 1 : 0;
  tx.Sql() << "INSERT INTO phones (id, number, number_typed, verified, kind, created_by, "
              "created_by_agency, created_at) VALUES (:id, :num, :typed, :verified, :kind, :by, "
              ":agency, :at)",
      soci::use(id), soci::use(p.number), soci::use(p.number_typed), soci::use(verified),
      soci::use(p.kind), soci::use(who), soci::use(where), soci::use(when);
  return id;
}

std::string RecordsRepository::InsertAccountIn(Transaction& tx, const in::Account& a,
                                               std::string_view by, std::string_view agency,
                                               Instant at) {
  std::string id = NewId(), who(by), where(agency), when = FormatRfc3339(at);
  std::string platform(in::ToCode(a.platform));
  std::string key = a.handle_key.empty() ? in::HandleKey(a.handle) : a.handle_key;
  tx.Sql() << "INSERT INTO online_accounts (id, platform, handle, handle_key, created_by, "
              "created_by_agency, created_at) VALUES (:id, :platform, :handle, :key, :by, "
              ":agency, :at)",
      soci::use(id), soci::use(platform), soci::use(a.handle), soci::use(key), soci::use(who),
      soci::use(where), soci::use(when);
  return id;
}

Result<std::optional<in::Person>> RecordsRepository::FindPerson(std::string_view id) {
  return Guard("reading a person of concern", [&]() -> Result<std::optional<in::Person>> {
    soci::session sql(db_.Pool());
    std::string key(id);
    std::optional<in::Person> person;
    {
      soci::rowset<soci::row> rows =
          (sql.prepare << "SELECT " << kPersonColumns << " FROM people_of_concern WHERE id = :id",
           soci::use(key));
      for (const auto& row : rows) person = PersonFromRow(row);
    }
    if (person) person->aliases = PersonAliases(sql, person->id);
    return person;
  });
}

Result<std::optional<in::Vehicle>> RecordsRepository::FindVehicle(std::string_view id) {
  return FindById<in::Vehicle>(db_, "reading a vehicle", "vehicles", kVehicleColumns, id,
                               VehicleFromRow);
}

Result<std::optional<in::Place>> RecordsRepository::FindPlace(std::string_view id) {
  auto place =
      FindById<in::Place>(db_, "reading a place", "places", kPlaceColumns, id, PlaceFromRow);
  if (!place || !*place || (*place)->ward_code.empty()) return place;
  // The ward's name, when the wards table (migration 0007) knows the code. A missing table
  // or ward leaves the name empty: the code alone is still shown.
  try {
    soci::session sql(db_.Pool());
    std::string code = (*place)->ward_code;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT name FROM wards WHERE code = :c", soci::use(code));
    for (const auto& row : rows) (*place)->ward_name = GetText(row, 0);
  } catch (const std::exception&) {
    (*place)->ward_name.clear();
  }
  return place;
}

Result<std::optional<in::Phone>> RecordsRepository::FindPhone(std::string_view id) {
  return FindById<in::Phone>(db_, "reading a phone", "phones", kPhoneColumns, id, PhoneFromRow);
}

Result<std::optional<in::Account>> RecordsRepository::FindAccount(std::string_view id) {
  return FindById<in::Account>(db_, "reading an online account", "online_accounts", kAccountColumns,
                               id, AccountFromRow);
}

Result<bool> RecordsRepository::Exists(in::RecordType type, std::string_view id) {
  return Guard("checking a record exists", [&]() -> Result<bool> {
    soci::session sql(db_.Pool());
    std::string key(id);
    int count = 0;
    sql << "SELECT COUNT(*) FROM " << TableOf(type) << " WHERE id = :id", soci::use(key),
        soci::into(count);
    return count > 0;
  });
}

Result<std::string> RecordsRepository::LabelOf(in::RecordType type, std::string_view id) {
  switch (type) {
    case in::RecordType::kChild: {
      return Guard("reading a child's name", [&]() -> Result<std::string> {
        soci::session sql(db_.Pool());
        std::string key(id);
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT given_name, family_name FROM children WHERE id = :id",
             soci::use(key));
        for (const auto& row : rows) {
          std::string given = GetText(row, 0), family = GetText(row, 1);
          if (given.empty()) return family;
          if (family.empty()) return given;
          return given + " " + family;
        }
        return NotFound();
      });
    }
    case in::RecordType::kPerson: {
      auto p = FindPerson(id);
      if (!p) return std::unexpected(p.error());
      if (!*p) return NotFound();
      return in::PersonLabel(**p);
    }
    case in::RecordType::kVehicle: {
      auto v = FindVehicle(id);
      if (!v) return std::unexpected(v.error());
      if (!*v) return NotFound();
      return in::VehicleLabel(**v);
    }
    case in::RecordType::kPlace: {
      auto p =
          FindById<in::Place>(db_, "reading a place", "places", kPlaceColumns, id, PlaceFromRow);
      if (!p) return std::unexpected(p.error());
      if (!*p) return NotFound();
      return in::PlaceLabel(**p);
    }
    case in::RecordType::kPhone: {
      auto p = FindPhone(id);
      if (!p) return std::unexpected(p.error());
      if (!*p) return NotFound();
      return in::PhoneLabel(**p);
    }
    case in::RecordType::kAccount: {
      auto a = FindAccount(id);
      if (!a) return std::unexpected(a.error());
      if (!*a) return NotFound();
      return in::AccountLabel(**a);
    }
  }
  return NotFound();
}

Result<std::vector<in::Candidate>> RecordsRepository::Recent(in::RecordType type, int limit) {
  std::vector<in::Candidate> out;
  if (type == in::RecordType::kChild) return out;
  auto ids = Guard("listing records", [&]() -> Result<std::vector<std::string>> {
    soci::session sql(db_.Pool());
    std::vector<std::string> found;
    soci::rowset<soci::row> rows = sql.prepare << "SELECT id FROM " << TableOf(type)
                                               << " ORDER BY created_at DESC, id LIMIT "
                                               << std::to_string(std::max(limit, 0));
    for (const auto& row : rows) found.push_back(GetText(row, 0));
    return found;
  });
  if (!ids) return std::unexpected(ids.error());
  for (const std::string& id : *ids) {
    auto label = LabelOf(type, id);
    if (!label) return std::unexpected(label.error());
    out.push_back({type, id, *label, ""});
  }
  return out;
}

std::string RecordsRepository::LinkIn(Transaction& tx, const in::CanonicalLinkEnds& link,
                                      std::string_view report_id, std::string_view by,
                                      std::string_view agency, Instant at) {
  const std::string& a = link.from_id;
  const std::string& b = link.to_id;
  soci::session& sql = tx.Sql();
  std::string code(in::ToCode(link.type)), ft(in::ToCode(link.from_type)),
      tt(in::ToCode(link.to_type));
  std::string link_id;
  {
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT id FROM record_links WHERE link_type = :t AND from_type = :ft "
                        "AND from_id = :fi AND to_type = :tt AND to_id = :ti",
         soci::use(code), soci::use(ft), soci::use(a), soci::use(tt), soci::use(b));
    for (const auto& row : rows) link_id = GetText(row, 0);
  }
  std::string who(by), where(agency), when = FormatRfc3339(at), report(report_id);
  if (link_id.empty()) {
    link_id = NewId();
    sql << "INSERT INTO record_links (id, link_type, from_type, from_id, to_type, to_id, "
           "created_by, created_by_agency, created_at) VALUES (:id, :t, :ft, :fi, :tt, :ti, "
           ":by, :agency, :at)",
        soci::use(link_id), soci::use(code), soci::use(ft), soci::use(a), soci::use(tt),
        soci::use(b), soci::use(who), soci::use(where), soci::use(when);
  }
  int supported = 0;
  sql << "SELECT COUNT(*) FROM record_link_support WHERE link_id = :l AND report_id = :r",
      soci::use(link_id), soci::use(report), soci::into(supported);
  if (supported == 0) {
    sql << "INSERT INTO record_link_support (link_id, report_id, added_by, added_at) VALUES "
           "(:l, :r, :by, :at)",
        soci::use(link_id), soci::use(report), soci::use(who), soci::use(when);
  }
  return link_id;
}

Result<std::vector<LinkRow>> RecordsRepository::LinksOf(in::RecordType type, std::string_view id) {
  auto rows = Guard("reading a record's links", [&]() -> Result<std::vector<LinkRow>> {
    soci::session sql(db_.Pool());
    std::string t(in::ToCode(type)), key(id);
    std::vector<LinkRow> out;
    std::map<std::string, std::size_t> index;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT l.id, l.link_type, l.from_type, l.from_id, l.to_type, l.to_id, "
                        "s.report_id FROM record_links l LEFT JOIN record_link_support s ON "
                        "s.link_id = l.id WHERE (l.from_type = :t1 AND l.from_id = :i1) OR "
                        "(l.to_type = :t2 AND l.to_id = :i2) ORDER BY l.created_at, l.id, "
                        "s.added_at, s.report_id",
         soci::use(t), soci::use(key), soci::use(t), soci::use(key));
    for (const auto& row : rows) {
      std::string link_id = GetText(row, 0);
      auto found = index.find(link_id);
      if (found == index.end()) {
        auto link_type = in::LinkTypeFromCode(GetText(row, 1));
        const bool from_is_me = GetText(row, 2) == t && GetText(row, 3) == key;
        auto other_type = in::RecordTypeFromCode(GetText(row, from_is_me ? 4 : 2));
        if (!link_type || !other_type) continue;  // a hand-edited row
        LinkRow link;
        link.link_id = link_id;
        link.type = *link_type;
        link.other_type = *other_type;
        link.other_id = GetText(row, from_is_me ? 5 : 3);
        found = index.emplace(link_id, out.size()).first;
        out.push_back(std::move(link));
      }
      if (!IsNull(row, 6)) out[found->second].report_ids.push_back(GetText(row, 6));
    }
    return out;
  });
  if (!rows) return rows;
  for (LinkRow& link : *rows) {
    auto label = LabelOf(link.other_type, link.other_id);
    if (label) {
      link.other_label = *label;
    } else if (label.error().kind == ErrorKind::kNotFound) {
      link.other_label = std::string(in::Label(link.other_type)) + " (record not found)";
    } else {
      return std::unexpected(label.error());
    }
  }
  std::ranges::stable_sort(*rows, [](const LinkRow& x, const LinkRow& y) {
    if (x.type != y.type) return static_cast<int>(x.type) < static_cast<int>(y.type);
    return x.other_label < y.other_label;
  });
  return rows;
}

// ---- ExactLookup ---------------------------------------------------------------------------

namespace {

template <class FromRow>
void AddCandidates(soci::rowset<soci::row>& rows, in::RecordType type, std::string_view matched,
                   FromRow label_of, std::vector<in::Candidate>& out) {
  for (const auto& row : rows) {
    std::string id = GetText(row, 0);
    if (std::ranges::any_of(out, [&](const in::Candidate& c) { return c.id == id; })) continue;
    out.push_back({type, id, label_of(row), std::string(matched)});
  }
}

}  // namespace

Result<std::vector<in::Candidate>> ExactLookup::People(const in::Person& person) {
  return Guard("looking up people", [&]() -> Result<std::vector<in::Candidate>> {
    soci::session sql(db_.Pool());
    std::vector<std::string> keys;
    keys.push_back(person.name_key.empty() ? in::NameKey(person.name) : person.name_key);
    for (const auto& alias : person.aliases) keys.push_back(in::NameKey(alias));
    std::vector<in::Candidate> out;
    auto label = [](const soci::row& row) { return in::PersonLabel(PersonFromRow(row)); };
    std::string dob = person.date_of_birth ? FormatDate(*person.date_of_birth) : "";
    std::string p_cols;
    for (const char* c : {"p.id", "p.name", "p.name_key", "p.date_of_birth", "p.age_from",
                          "p.age_to", "p.sex", "p.ethnicity", "p.description", "p.status"}) {
      if (!p_cols.empty()) p_cols += ", ";
      p_cols += c;
    }
    const std::string dob_clause = dob.empty() ? "" : " AND p.date_of_birth = :dob";
    const std::string matched = dob.empty() ? "name" : "name and date of birth";
    const std::string alias_matched = dob.empty() ? "other name" : "other name and date of birth";
    for (std::string key : keys) {
      if (key.empty()) continue;
      // The person's name (or one of their other names) against the record's name.
      {
        std::string q = "SELECT " + p_cols + " FROM people_of_concern p WHERE p.name_key = :k" +
                        dob_clause + " ORDER BY p.name, p.id";
        const std::string& how = key == keys.front() ? matched : alias_matched;
        if (dob.empty()) {
          soci::rowset<soci::row> rows = (sql.prepare << q, soci::use(key));
          AddCandidates(rows, in::RecordType::kPerson, how, label, out);
        } else {
          soci::rowset<soci::row> rows = (sql.prepare << q, soci::use(key), soci::use(dob));
          AddCandidates(rows, in::RecordType::kPerson, how, label, out);
        }
      }
      // ... and against the record's other names.
      {
        std::string q = "SELECT " + p_cols +
                        " FROM people_of_concern p JOIN person_aliases a ON a.person_id = p.id "
                        "WHERE a.alias_key = :k" +
                        dob_clause + " ORDER BY p.name, p.id";
        if (dob.empty()) {
          soci::rowset<soci::row> rows = (sql.prepare << q, soci::use(key));
          AddCandidates(rows, in::RecordType::kPerson, alias_matched, label, out);
        } else {
          soci::rowset<soci::row> rows = (sql.prepare << q, soci::use(key), soci::use(dob));
          AddCandidates(rows, in::RecordType::kPerson, alias_matched, label, out);
        }
      }
    }
    return out;
  });
}

Result<std::vector<in::Candidate>> ExactLookup::Vehicles(const in::Vehicle& vehicle) {
  return Guard("looking up vehicles", [&]() -> Result<std::vector<in::Candidate>> {
    soci::session sql(db_.Pool());
    std::string reg = vehicle.registration.empty() ? in::RegistrationKey(vehicle.registration_typed)
                                                   : vehicle.registration;
    std::vector<in::Candidate> out;
    if (reg.empty()) return out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT " << kVehicleColumns
                     << " FROM vehicles WHERE registration = :r ORDER BY created_at, id",
         soci::use(reg));
    AddCandidates(
        rows, in::RecordType::kVehicle, "registration",
        [](const soci::row& row) { return in::VehicleLabel(VehicleFromRow(row)); }, out);
    return out;
  });
}

Result<std::vector<in::Candidate>> ExactLookup::Places(const in::Place& place) {
  return Guard("looking up places", [&]() -> Result<std::vector<in::Candidate>> {
    soci::session sql(db_.Pool());
    std::string key = place.name_key.empty() ? in::NameKey(place.name) : place.name_key;
    std::string postcode = place.postcode;
    std::vector<in::Candidate> out;
    if (key.empty() && postcode.empty()) return out;
    auto label = [](const soci::row& row) { return in::PlaceLabel(PlaceFromRow(row)); };
    if (postcode.empty()) {
      soci::rowset<soci::row> rows =
          (sql.prepare << "SELECT " << kPlaceColumns
                       << " FROM places WHERE name_key = :k ORDER BY created_at, id",
           soci::use(key));
      AddCandidates(rows, in::RecordType::kPlace, "name", label, out);
    } else if (key.empty()) {
      soci::rowset<soci::row> rows =
          (sql.prepare << "SELECT " << kPlaceColumns
                       << " FROM places WHERE postcode = :p ORDER BY created_at, id",
           soci::use(postcode));
      AddCandidates(rows, in::RecordType::kPlace, "postcode", label, out);
    } else {
      soci::rowset<soci::row> rows =
          (sql.prepare << "SELECT " << kPlaceColumns
                       << " FROM places WHERE postcode = :p AND name_key = :k ORDER BY "
                          "created_at, id",
           soci::use(postcode), soci::use(key));
      AddCandidates(rows, in::RecordType::kPlace, "postcode and name", label, out);
    }
    return out;
  });
}

Result<std::vector<in::Candidate>> ExactLookup::Phones(const in::Phone& phone) {
  return Guard("looking up phones", [&]() -> Result<std::vector<in::Candidate>> {
    soci::session sql(db_.Pool());
    std::string number = phone.number.empty() ? in::PhoneKey(phone.number_typed) : phone.number;
    std::vector<in::Candidate> out;
    if (number.empty()) return out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT " << kPhoneColumns
                     << " FROM phones WHERE number = :n ORDER BY created_at, id",
         soci::use(number));
    AddCandidates(
        rows, in::RecordType::kPhone, "number",
        [](const soci::row& row) { return in::PhoneLabel(PhoneFromRow(row)); }, out);
    return out;
  });
}

Result<std::vector<in::Candidate>> ExactLookup::Accounts(const in::Account& account) {
  return Guard("looking up online accounts", [&]() -> Result<std::vector<in::Candidate>> {
    soci::session sql(db_.Pool());
    std::string platform(in::ToCode(account.platform));
    std::string key =
        account.handle_key.empty() ? in::HandleKey(account.handle) : account.handle_key;
    std::vector<in::Candidate> out;
    if (key.empty()) return out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT " << kAccountColumns
                     << " FROM online_accounts WHERE platform = :p AND handle_key = :k ORDER BY "
                        "created_at, id",
         soci::use(platform), soci::use(key));
    AddCandidates(
        rows, in::RecordType::kAccount, "platform and handle",
        [](const soci::row& row) { return in::AccountLabel(AccountFromRow(row)); }, out);
    return out;
  });
}

}  // namespace harbour::storage
