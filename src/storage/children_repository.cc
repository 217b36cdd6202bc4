#include "storage/children_repository.h"

#include <algorithm>
#include <map>
#include <set>

#include "common/text.h"

namespace harbour::storage {

namespace {

constexpr const char* kColumns =
    "c.id, c.given_name, c.family_name, c.date_of_birth, c.estimated_age, c.sex, c.gender, "
    "c.ethnicity, c.first_language, c.disability, c.special_needs, c.address, c.postcode, "
    "c.school, c.nhs_number, c.upn, c.social_care_id, c.legal_status, c.placing_authority, "
    "c.allocated_worker, c.created_by_agency, c.created_at, c.updated_at, c.merged_into";

children::Child FromRow(const soci::row& row) {
  children::Child c;
  c.id = GetText(row, 0);
  c.given_name = GetText(row, 1);
  c.family_name = GetText(row, 2);
  if (!IsNull(row, 3)) {
    if (auto dob = ParseDate(GetText(row, 3))) c.date_of_birth = *dob;
  }
  if (!IsNull(row, 4)) c.estimated_age = static_cast<int>(GetInt(row, 4));
  c.sex = children::SexFromCode(GetText(row, 5)).value_or(children::Sex::kNotKnown);
  c.gender = GetText(row, 6);
  c.ethnicity = GetText(row, 7);
  c.first_language = GetText(row, 8);
  c.disability =
      children::DisabilityFromCode(GetText(row, 9)).value_or(children::Disability::kNotKnown);
  c.special_needs =
      children::SpecialNeedsFromCode(GetText(row, 10)).value_or(children::SpecialNeeds::kNotKnown);
  c.address = GetText(row, 11);
  c.postcode = GetText(row, 12);
  c.school = GetText(row, 13);
  c.nhs_number = GetText(row, 14);
  c.upn = GetText(row, 15);
  c.social_care_id = GetText(row, 16);
  c.legal_status =
      children::LegalStatusFromCode(GetText(row, 17)).value_or(children::LegalStatus::kNone);
  c.placing_authority = GetText(row, 18);
  c.allocated_worker = GetText(row, 19);
  c.created_by_agency = GetText(row, 20);
  c.created_at = GetInstant(row, 21);
  c.updated_at = GetInstant(row, 22);
  c.merged_into = GetText(row, 23);
  return c;
}

void LoadAliases(soci::session& sql, children::Child& child) {
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT alias FROM child_aliases WHERE child_id = :id ORDER BY alias",
       soci::use(child.id));
  for (const auto& row : rows) child.aliases.push_back(GetText(row, 0));
}

// Candidate ids for a name search, at most `limit`, in name order: the children with, for
// every word, a name key (child_name_keys) that starts with it. The longest word leads the
// index scan, as it usually matches the fewest keys; each other word is checked among the
// candidate's own keys (the primary key). Each placeholder is used once (SOCI's PostgreSQL
// backend binds a repeated name only once).
std::string NameQuery(std::vector<std::string> words, std::vector<std::string>& binds, int limit) {
  std::stable_sort(words.begin(), words.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  auto next = [&](const std::string& word) {
    binds.push_back(word + "%");
    return ":k" + std::to_string(binds.size() - 1);
  };
  std::string sql =
      "SELECT c.id FROM (SELECT DISTINCT k.child_id AS id FROM child_name_keys k WHERE "
      "k.name_key LIKE " +
      next(words[0]);
  for (std::size_t i = 1; i < words.size(); ++i) {
    std::string alias = "k" + std::to_string(i);
    sql += " AND EXISTS (SELECT 1 FROM child_name_keys " + alias + " WHERE " + alias +
           ".child_id = k.child_id AND " + alias + ".name_key LIKE " + next(words[i]) + ")";
  }
  // CROSS JOIN keeps SQLite from walking the whole name index in order to avoid the sort.
  return sql +
         ") m CROSS JOIN children c WHERE c.id = m.id AND c.merged_into IS NULL ORDER BY "
         "c.family_key, c.given_key, "
         "c.id LIMIT " +
         std::to_string(limit);
}

// The keys a child is found by (children::FoldName of each name), without repeats.
std::vector<std::string> NameKeysOf(std::string_view given_name, std::string_view family_name,
                                    const std::vector<std::string>& aliases) {
  std::vector<std::string> keys;
  auto add = [&](std::string_view name) {
    for (auto& key : children::FoldName(name).keys) {
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(std::move(key));
    }
  };
  add(given_name);
  add(family_name);
  for (const auto& alias : aliases) add(alias);
  return keys;
}

// Inserts (child id, key) rows, a few hundred to a statement: a rebuild of 100,000 children
// makes half a million rows, and one round trip each would be slow on PostgreSQL.
void InsertNameKeys(soci::session& sql,
                    const std::vector<std::pair<std::string, std::string>>& rows) {
  constexpr std::size_t kRowsPerStatement = 250;
  for (std::size_t first = 0; first < rows.size(); first += kRowsPerStatement) {
    std::size_t last = std::min(rows.size(), first + kRowsPerStatement);
    std::string text = "INSERT INTO child_name_keys (child_id, name_key) VALUES ";
    for (std::size_t i = first; i < last; ++i) {
      std::string n = std::to_string(i - first);
      text += (i == first ? "(:c" : ", (:c") + n + ", :k" + n + ")";
    }
    text += " ON CONFLICT (child_id, name_key) DO NOTHING";
    soci::statement st = (sql.prepare << text);
    for (std::size_t i = first; i < last; ++i) {
      std::string n = std::to_string(i - first);
      st.exchange(soci::use(rows[i].first, "c" + n));
      st.exchange(soci::use(rows[i].second, "k" + n));
    }
    st.define_and_bind();
    st.execute(true);
  }
}

}  // namespace

void ChildrenRepository::InsertIn(Transaction& tx, const children::Child& c,
                                  std::string_view created_by) {
  soci::session& sql = tx.Sql();
  std::string given_key = NameKey(c.given_name), family_key = NameKey(c.family_name);
  NullableText dob(c.date_of_birth ? FormatDate(*c.date_of_birth) : "");
  int age = c.estimated_age.value_or(0);
  soci::indicator age_ind = c.estimated_age ? soci::i_ok : soci::i_null;
  std::string sex(children::ToCode(c.sex)), disability(children::ToCode(c.disability));
  std::string sen(children::ToCode(c.special_needs)), legal(children::ToCode(c.legal_status));
  NullableText nhs(c.nhs_number), upn(c.upn);
  std::string by(created_by), created = FormatRfc3339(c.created_at);
  std::string updated = FormatRfc3339(c.updated_at);
  sql << "INSERT INTO children (id, given_name, family_name, given_key, family_key, "
         "date_of_birth, estimated_age, sex, gender, ethnicity, first_language, disability, "
         "special_needs, address, postcode, school, nhs_number, upn, social_care_id, "
         "legal_status, placing_authority, allocated_worker, created_by, created_by_agency, "
         "created_at, updated_at) VALUES (:id, :gn, :fn, :gk, :fk, :dob, :age, :sex, :gender, "
         ":eth, :lang, :dis, :sen, :addr, :pc, :school, :nhs, :upn, :scid, :legal, :pa, :aw, "
         ":by, :agency, :created, :updated)",
      soci::use(c.id), soci::use(c.given_name), soci::use(c.family_name), soci::use(given_key),
      soci::use(family_key), soci::use(dob.value, dob.indicator), soci::use(age, age_ind),
      soci::use(sex), soci::use(c.gender), soci::use(c.ethnicity), soci::use(c.first_language),
      soci::use(disability), soci::use(sen), soci::use(c.address), soci::use(c.postcode),
      soci::use(c.school), soci::use(nhs.value, nhs.indicator), soci::use(upn.value, upn.indicator),
      soci::use(c.social_care_id), soci::use(legal), soci::use(c.placing_authority),
      soci::use(c.allocated_worker), soci::use(by), soci::use(c.created_by_agency),
      soci::use(created), soci::use(updated);
  for (const auto& alias : c.aliases) {
    std::string key = NameKey(alias);
    sql << "INSERT INTO child_aliases (child_id, alias, alias_key) VALUES (:c, :a, :k) "
           "ON CONFLICT (child_id, alias) DO NOTHING",
        soci::use(c.id), soci::use(alias), soci::use(key);
  }
  std::vector<std::pair<std::string, std::string>> keys;
  for (auto& key : NameKeysOf(c.given_name, c.family_name, c.aliases)) {
    keys.emplace_back(c.id, std::move(key));
  }
  InsertNameKeys(sql, keys);
  AddInvolvementIn(tx, c.id, c.created_by_agency, "created", created_by, c.created_at);
}

std::vector<std::string> ChildrenRepository::NameKeysFor(std::string_view given_name,
                                                         std::string_view family_name,
                                                         const std::vector<std::string>& aliases) {
  return NameKeysOf(given_name, family_name, aliases);
}

void ChildrenRepository::RebuildNameKeysIn(Transaction& tx) {
  soci::session& sql = tx.Sql();
  sql << "DELETE FROM child_name_keys";
  constexpr int kPage = 1000;
  std::string after;  // ids are 32 hex characters, so "" sorts first
  while (true) {
    std::vector<std::string> ids;
    std::map<std::string, std::pair<std::string, std::string>> names;
    {
      soci::rowset<soci::row> rows =
          (sql.prepare << "SELECT id, given_name, family_name FROM children WHERE id > :after "
                          "ORDER BY id LIMIT "
                       << kPage,
           soci::use(after));
      for (const auto& row : rows) {
        ids.push_back(GetText(row, 0));
        names[ids.back()] = {GetText(row, 1), GetText(row, 2)};
      }
    }
    if (ids.empty()) break;
    std::map<std::string, std::vector<std::string>> aliases;
    {
      std::string first = ids.front(), last = ids.back();
      soci::rowset<soci::row> rows =
          (sql.prepare << "SELECT child_id, alias FROM child_aliases WHERE child_id >= :first "
                          "AND child_id <= :last",
           soci::use(first), soci::use(last));
      for (const auto& row : rows) aliases[GetText(row, 0)].push_back(GetText(row, 1));
    }
    std::vector<std::pair<std::string, std::string>> keys;
    for (const auto& id : ids) {
      const auto& [given, family] = names[id];
      for (auto& key : NameKeysOf(given, family, aliases[id]))
        keys.emplace_back(id, std::move(key));
    }
    InsertNameKeys(sql, keys);
    after = ids.back();
  }
}

void ChildrenRepository::AddInvolvementIn(Transaction& tx, std::string_view child_id,
                                          std::string_view agency_id, std::string_view reason,
                                          std::string_view added_by, Instant at) {
  std::string c(child_id), a(agency_id), r(reason), by(added_by), when = FormatRfc3339(at);
  tx.Sql() << "INSERT INTO child_agencies (child_id, agency_id, reason, added_by, added_at) "
              "VALUES (:c, :a, :r, :b, :t) ON CONFLICT (child_id, agency_id) DO NOTHING",
      soci::use(c), soci::use(a), soci::use(r), soci::use(by), soci::use(when);
}

Result<std::optional<children::Child>> ChildrenRepository::Find(std::string_view id) {
  return Guard("reading a child", [&]() -> Result<std::optional<children::Child>> {
    soci::session sql(db_.Pool());
    std::string v(id);
    std::optional<children::Child> found;
    {
      soci::rowset<soci::row> rows =
          (sql.prepare << "SELECT " << kColumns << " FROM children c WHERE c.id = :id",
           soci::use(v));
      for (const auto& row : rows) found = FromRow(row);
    }
    if (found) LoadAliases(sql, *found);
    return found;
  });
}

Result<access::ChildContext> ChildrenRepository::Context(std::string_view child_id,
                                                         std::string_view user_id, Instant now) {
  return Guard("reading who is involved", [&]() -> Result<access::ChildContext> {
    soci::session sql(db_.Pool());
    std::string c(child_id), u(user_id), at = FormatRfc3339(now);
    access::ChildContext context;
    soci::rowset<soci::row> agencies =
        (sql.prepare << "SELECT agency_id FROM child_agencies WHERE child_id = :c", soci::use(c));
    for (const auto& row : agencies) context.involved_agencies.insert(GetText(row, 0));
    soci::rowset<soci::row> grants =
        (sql.prepare << "SELECT user_id FROM access_grants WHERE child_id = :c AND user_id = :u "
                        "AND (expires_at IS NULL OR expires_at > :now)",
         soci::use(c), soci::use(u), soci::use(at));
    for (const auto& row : grants) context.granted_users.insert(GetText(row, 0));
    return context;
  });
}

Result<std::vector<InvolvedAgency>> ChildrenRepository::Involved(std::string_view child_id) {
  return Guard("reading the team around the child", [&]() -> Result<std::vector<InvolvedAgency>> {
    soci::session sql(db_.Pool());
    std::string c(child_id);
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT ca.agency_id, a.name, ca.reason, ca.added_at FROM child_agencies "
                        "ca JOIN agencies a ON a.id = ca.agency_id WHERE ca.child_id = :c "
                        "ORDER BY ca.added_at",
         soci::use(c));
    std::vector<InvolvedAgency> out;
    for (const auto& row : rows) {
      out.push_back({GetText(row, 0), GetText(row, 1), GetText(row, 2), GetInstant(row, 3)});
    }
    return out;
  });
}

namespace {

// "'id1','id2'": ids come from the database or IsValidId, so they are 32 hex characters.
std::string IdList(const std::vector<std::string>& ids) {
  std::string in;
  for (const auto& id : ids) {
    if (!in.empty()) in += ",";
    in += "'" + id + "'";
  }
  return in;
}

}  // namespace

Result<std::vector<SearchCandidate>> ChildrenRepository::Search(const children::SearchQuery& query,
                                                                std::string_view user_id,
                                                                Instant now, int limit) {
  return Guard("searching children", [&]() -> Result<std::vector<SearchCandidate>> {
    if (query.Empty()) return std::vector<SearchCandidate>{};
    soci::session sql(db_.Pool());
    std::vector<std::string> binds;
    std::string select;
    std::string order = " ORDER BY c.family_key, c.given_key, c.id LIMIT " + std::to_string(limit);
    if (query.nhs_number) {
      // A merged child's NHS number finds the record it was merged into.
      select =
          "SELECT COALESCE(c.merged_into, c.id) FROM children c WHERE c.nhs_number = :k0" + order;
      binds.push_back(*query.nhs_number);
    } else if (query.date_of_birth) {
      select = "SELECT c.id FROM children c WHERE c.date_of_birth = :k0 AND c.merged_into IS NULL" +
               order;
      binds.push_back(FormatDate(*query.date_of_birth));
    } else {
      select = NameQuery(query.name_keys, binds, limit);
    }
    std::vector<SearchCandidate> out;
    std::vector<std::string> ids;
    {
      std::string id;
      soci::statement st = (sql.prepare << select);
      for (std::size_t i = 0; i < binds.size(); ++i) {
        st.exchange(soci::use(binds[i], "k" + std::to_string(i)));
      }
      st.exchange(soci::into(id));
      st.define_and_bind();
      st.execute();
      std::set<std::string> seen;
      while (st.fetch()) {
        if (!seen.insert(id).second) continue;
        if (static_cast<int>(ids.size()) >= limit) break;
        ids.push_back(id);
        out.push_back({id, {}});
      }
    }
    if (out.empty()) return out;
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < out.size(); ++i) index[out[i].child_id] = i;
    std::string in = IdList(ids);
    soci::rowset<soci::row> agencies =
        sql.prepare << "SELECT child_id, agency_id FROM child_agencies WHERE child_id IN (" << in
                    << ")";
    for (const auto& row : agencies) {
      out[index[GetText(row, 0)]].context.involved_agencies.insert(GetText(row, 1));
    }
    std::string u(user_id), at = FormatRfc3339(now);
    soci::rowset<soci::row> grants =
        (sql.prepare << "SELECT child_id, user_id FROM access_grants WHERE user_id = :u AND "
                        "(expires_at IS NULL OR expires_at > :now) AND child_id IN ("
                     << in << ")",
         soci::use(u), soci::use(at));
    for (const auto& row : grants) {
      out[index[GetText(row, 0)]].context.granted_users.insert(GetText(row, 1));
    }
    return out;
  });
}

Result<std::vector<children::Child>> ChildrenRepository::FindMany(
    const std::vector<std::string>& ids) {
  return Guard("reading children", [&]() -> Result<std::vector<children::Child>> {
    std::vector<children::Child> out;
    if (ids.empty()) return out;
    soci::session sql(db_.Pool());
    std::map<std::string, children::Child> found;
    soci::rowset<soci::row> rows = sql.prepare << "SELECT " << kColumns
                                               << " FROM children c WHERE c.id IN (" << IdList(ids)
                                               << ")";
    for (const auto& row : rows) {
      children::Child child = FromRow(row);
      found.emplace(child.id, std::move(child));
    }
    for (const auto& id : ids) {
      auto it = found.find(id);
      if (it != found.end()) out.push_back(std::move(it->second));
    }
    return out;
  });
}

Result<std::vector<children::Child>> ChildrenRepository::RecentForUser(std::string_view user_id,
                                                                       int limit) {
  return Guard("reading recent children", [&]() -> Result<std::vector<children::Child>> {
    soci::session sql(db_.Pool());
    std::string u(user_id);
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT " << kColumns
                     << ", r.last_at FROM children c JOIN (SELECT child_id, MAX(at) AS last_at "
                        "FROM (SELECT child_id, recorded_at AS at FROM concerns WHERE "
                        "recorded_by = :u1 UNION ALL SELECT id AS child_id, created_at AS at FROM "
                        "children WHERE created_by = :u2) x GROUP BY child_id) r ON r.child_id = "
                        "c.id WHERE c.merged_into IS NULL ORDER BY r.last_at DESC LIMIT "
                     << limit,
         soci::use(u, "u1"), soci::use(u, "u2"));
    std::vector<children::Child> out;
    for (const auto& row : rows) out.push_back(FromRow(row));
    return out;
  });
}

Result<long long> ChildrenRepository::Count() {
  return Guard("counting children", [&]() -> Result<long long> {
    soci::session sql(db_.Pool());
    long long n = 0;
    sql << "SELECT COUNT(*) FROM children", soci::into(n);
    return n;
  });
}

}  // namespace harbour::storage
