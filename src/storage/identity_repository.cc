#include "storage/identity_repository.h"

namespace harbour::storage {

namespace {

constexpr const char* kUserColumns =
    "id, username, display_name, agency_id, role, password_hash, failed_sign_ins, "
    "locked_until, active";

identity::User UserFromRow(const soci::row& row) {
  identity::User u;
  u.id = GetText(row, 0);
  u.username = GetText(row, 1);
  u.display_name = GetText(row, 2);
  u.agency_id = GetText(row, 3);
  u.role = access::RoleFromCode(GetText(row, 4)).value_or(access::Role::kPractitioner);
  u.password_hash = GetText(row, 5);
  u.failed_sign_ins = static_cast<int>(GetInt(row, 6));
  u.locked_until = GetOptionalInstant(row, 7);
  u.active = GetInt(row, 8) != 0;
  return u;
}

Result<std::optional<identity::User>> FindUser(Database& db, const char* column,
                                               std::string_view value) {
  return Guard("reading a user", [&]() -> Result<std::optional<identity::User>> {
    soci::session sql(db.Pool());
    std::string v(value);
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT " << kUserColumns << " FROM users WHERE " << column << " = :v",
         soci::use(v));
    for (const auto& row : rows) return std::optional(UserFromRow(row));
    return std::optional<identity::User>{};
  });
}

}  // namespace

Result<void> IdentityRepository::InsertUser(const identity::User& user, Instant at) {
  return Guard("adding a user", [&]() -> Result<void> {
    soci::session sql(db_.Pool());
    std::string role(access::ToCode(user.role)), when = FormatRfc3339(at);
    int active = user.active ? 1 : 0;
    sql << "INSERT INTO users (id, username, display_name, agency_id, role, password_hash, "
           "failed_sign_ins, active, created_at) VALUES (:id, :u, :n, :a, :r, :p, 0, :act, :at)",
        soci::use(user.id), soci::use(user.username), soci::use(user.display_name),
        soci::use(user.agency_id), soci::use(role), soci::use(user.password_hash),
        soci::use(active), soci::use(when);
    return {};
  });
}

Result<std::optional<identity::User>> IdentityRepository::FindUserByUsername(
    std::string_view username) {
  return FindUser(db_, "username", username);
}

Result<std::optional<identity::User>> IdentityRepository::FindUserById(std::string_view id) {
  return FindUser(db_, "id", id);
}

Result<std::vector<identity::User>> IdentityRepository::ListUsers() {
  return Guard("listing users", [&]() -> Result<std::vector<identity::User>> {
    soci::session sql(db_.Pool());
    soci::rowset<soci::row> rows = sql.prepare << "SELECT " << kUserColumns
                                               << " FROM users ORDER BY username";
    std::vector<identity::User> out;
    for (const auto& row : rows) out.push_back(UserFromRow(row));
    return out;
  });
}

Result<void> IdentityRepository::SaveSignInState(const identity::User& user) {
  return Guard("saving sign-in state", [&]() -> Result<void> {
    soci::session sql(db_.Pool());
    NullableText locked(user.locked_until ? FormatRfc3339(*user.locked_until) : "");
    sql << "UPDATE users SET failed_sign_ins = :f, locked_until = :l WHERE id = :id",
        soci::use(user.failed_sign_ins), soci::use(locked.value, locked.indicator),
        soci::use(user.id);
    return {};
  });
}

Result<void> IdentityRepository::InsertSession(const identity::Session& session) {
  return Guard("starting a session", [&]() -> Result<void> {
    soci::session sql(db_.Pool());
    std::string created = FormatRfc3339(session.created_at);
    std::string seen = FormatRfc3339(session.last_seen_at);
    sql << "INSERT INTO sessions (id_digest, user_id, csrf_token, created_at, last_seen_at) "
           "VALUES (:d, :u, :c, :cr, :s)",
        soci::use(session.id_digest), soci::use(session.user_id), soci::use(session.csrf_token),
        soci::use(created), soci::use(seen);
    return {};
  });
}

Result<std::optional<identity::Session>> IdentityRepository::FindSession(
    std::string_view id_digest) {
  return Guard("reading a session", [&]() -> Result<std::optional<identity::Session>> {
    soci::session sql(db_.Pool());
    std::string d(id_digest);
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT id_digest, user_id, csrf_token, created_at, last_seen_at "
                        "FROM sessions WHERE id_digest = :d",
         soci::use(d));
    for (const auto& row : rows) {
      identity::Session s;
      s.id_digest = GetText(row, 0);
      s.user_id = GetText(row, 1);
      s.csrf_token = GetText(row, 2);
      s.created_at = GetInstant(row, 3);
      s.last_seen_at = GetInstant(row, 4);
      return std::optional(s);
    }
    return std::optional<identity::Session>{};
  });
}

Result<void> IdentityRepository::TouchSession(std::string_view id_digest, Instant at) {
  return Guard("refreshing a session", [&]() -> Result<void> {
    soci::session sql(db_.Pool());
    std::string d(id_digest), when = FormatRfc3339(at);
    sql << "UPDATE sessions SET last_seen_at = :s WHERE id_digest = :d", soci::use(when),
        soci::use(d);
    return {};
  });
}

Result<void> IdentityRepository::DeleteSession(std::string_view id_digest) {
  return Guard("ending a session", [&]() -> Result<void> {
    soci::session sql(db_.Pool());
    std::string d(id_digest);
    sql << "DELETE FROM sessions WHERE id_digest = :d", soci::use(d);
    return {};
  });
}

Result<void> IdentityRepository::InsertToken(const identity::ApiToken& token) {
  return Guard("creating an API token", [&]() -> Result<void> {
    soci::session sql(db_.Pool());
    std::string created = FormatRfc3339(token.created_at);
    NullableText expires(token.expires_at ? FormatRfc3339(*token.expires_at) : "");
    sql << "INSERT INTO api_tokens (id, user_id, token_digest, created_at, expires_at, revoked) "
           "VALUES (:id, :u, :d, :c, :e, 0)",
        soci::use(token.id), soci::use(token.user_id), soci::use(token.token_digest),
        soci::use(created), soci::use(expires.value, expires.indicator);
    return {};
  });
}

Result<std::optional<identity::ApiToken>> IdentityRepository::FindToken(
    std::string_view token_digest) {
  return Guard("reading an API token", [&]() -> Result<std::optional<identity::ApiToken>> {
    soci::session sql(db_.Pool());
    std::string d(token_digest);
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT id, user_id, token_digest, created_at, expires_at, revoked "
                        "FROM api_tokens WHERE token_digest = :d",
         soci::use(d));
    for (const auto& row : rows) {
      identity::ApiToken t;
      t.id = GetText(row, 0);
      t.user_id = GetText(row, 1);
      t.token_digest = GetText(row, 2);
      t.created_at = GetInstant(row, 3);
      t.expires_at = GetOptionalInstant(row, 4);
      t.revoked = GetInt(row, 5) != 0;
      return std::optional(t);
    }
    return std::optional<identity::ApiToken>{};
  });
}

}  // namespace harbour::storage
