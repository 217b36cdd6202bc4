#include "storage/database.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <spdlog/spdlog.h>

#include "common/ids.h"
#include "common/text.h"

namespace harbour::storage {

namespace {

// libpq keyword=value quoting: values in single quotes, with \ and ' escaped.
std::string Quote(std::string_view value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\\' || c == '\'') out.push_back('\\');
    out.push_back(c);
  }
  return out + "'";
}

// postgresql://[user[:password]@][host][:port][/dbname][?key=value&...] to libpq's keyword
// form (SOCI 4.0 does not accept URIs). Percent-escapes are decoded.
Result<std::string> PostgresConnectString(std::string_view url) {
  auto bad = [] {
    return Fail(ErrorKind::kInvalid, "bad_database_url",
                "A PostgreSQL URL looks like postgresql://user:password@host:5432/dbname.");
  };
  std::string_view rest = url.substr(url.find("://") + 3);
  std::string query;
  if (auto q = rest.find('?'); q != std::string_view::npos) {
    query = std::string(rest.substr(q + 1));
    rest = rest.substr(0, q);
  }
  std::string_view dbname;
  if (auto slash = rest.find('/'); slash != std::string_view::npos) {
    dbname = rest.substr(slash + 1);
    rest = rest.substr(0, slash);
  }
  std::string_view userinfo, hostport = rest;
  if (auto at = rest.rfind('@'); at != std::string_view::npos) {
    userinfo = rest.substr(0, at);
    hostport = rest.substr(at + 1);
  }
  std::vector<std::pair<std::string, std::string>> parts;
  auto add = [&](std::string key, std::string_view raw) -> bool {
    if (raw.empty()) return true;
    auto decoded = PercentDecode(raw);
    if (!decoded) return false;
    parts.emplace_back(std::move(key), *decoded);
    return true;
  };
  std::string_view user = userinfo, password;
  if (auto colon = userinfo.find(':'); colon != std::string_view::npos) {
    user = userinfo.substr(0, colon);
    password = userinfo.substr(colon + 1);
  }
  std::string_view host = hostport, port;
  if (auto colon = hostport.rfind(':');
      colon != std::string_view::npos && !hostport.ends_with("]")) {
    host = hostport.substr(0, colon);
    port = hostport.substr(colon + 1);
  }
  if (host.starts_with("[") && host.ends_with("]")) host = host.substr(1, host.size() - 2);
  if (!add("host", host) || !add("port", port) || !add("user", user) ||
      !add("password", password) || !add("dbname", dbname)) {
    return bad();
  }
  std::size_t pos = 0;
  while (pos < query.size()) {
    std::size_t amp = query.find('&', pos);
    std::string_view pair = std::string_view(query).substr(
        pos, amp == std::string::npos ? std::string::npos : amp - pos);
    pos = amp == std::string::npos ? query.size() : amp + 1;
    auto eq = pair.find('=');
    if (eq == std::string_view::npos) return bad();
    auto key = PercentDecode(pair.substr(0, eq));
    auto value = PercentDecode(pair.substr(eq + 1));
    if (!key || !value) return bad();
    parts.emplace_back(*key, *value);
  }
  std::string out;
  for (const auto& [key, value] : parts) {
    bool plain_key =
        !key.empty() && key.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") == std::string::npos;
    if (!plain_key) return bad();
    if (!out.empty()) out += ' ';
    out += key + "=" + Quote(value);
  }
  return out;
}

}  // namespace

Result<DatabaseUrl> ParseDatabaseUrl(std::string_view url) {
  constexpr std::string_view kSqlite = "sqlite:///";
  if (url.starts_with(kSqlite)) {
    std::string path(url.substr(kSqlite.size()));
    if (path.empty()) {
      return Fail(ErrorKind::kInvalid, "bad_database_url", "The SQLite URL has no file path.");
    }
    // SOCI's sqlite3 connect string is "db=PATH ..."; quote the path for spaces.
    return DatabaseUrl{Engine::kSqlite, path, "db=\"" + path + "\" timeout=10"};
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    auto connect = PostgresConnectString(url);
    if (!connect) return std::unexpected(connect.error());
    return DatabaseUrl{Engine::kPostgres, "", *connect};
  }
  return Fail(ErrorKind::kInvalid, "bad_database_url",
              "A database URL starts with sqlite:/// or postgresql://.");
}

Database::Database(Engine engine, std::size_t size)
    : engine_(engine), pool_(std::make_unique<soci::connection_pool>(size)) {}

Database::~Database() = default;

namespace {

void ConfigureSqlite(soci::session& sql) {
  sql << "PRAGMA journal_mode = WAL";
  sql << "PRAGMA synchronous = NORMAL";
  sql << "PRAGMA foreign_keys = ON";
  sql << "PRAGMA busy_timeout = 10000";
  sql << "PRAGMA case_sensitive_like = ON";
  // A 32 MiB page cache per connection. (Memory-mapped I/O was tried and measured slower:
  // every audited request grows the file, and each growth remaps every connection's map.)
  sql << "PRAGMA cache_size = -32768";
}

}  // namespace

Result<std::unique_ptr<Database>> Database::Open(std::string_view url, std::size_t pool_size) {
  auto parsed = ParseDatabaseUrl(url);
  if (!parsed) return std::unexpected(parsed.error());
  std::unique_ptr<Database> db(new Database(parsed->engine, pool_size));
  try {
    for (std::size_t i = 0; i < pool_size; ++i) {
      soci::session& sql = db->pool_->at(i);
      if (parsed->engine == Engine::kSqlite) {
        sql.open(*soci::factory_sqlite3(), parsed->connect);
        ConfigureSqlite(sql);
      } else {
        sql.open(*soci::factory_postgresql(), parsed->connect);
        sql << "SET TIME ZONE 'UTC'";
        sql << "SET client_min_messages TO WARNING";
      }
    }
  } catch (const std::exception& e) {
    return Fail(ErrorKind::kUnavailable, "database_unavailable",
                std::string("The database cannot be opened: ") + e.what());
  }
  return db;
}

bool Database::Ping() {
  try {
    soci::session sql(*pool_);
    int one = 0;
    sql << "SELECT 1", soci::into(one);
    return one == 1;
  } catch (const std::exception& e) {
    spdlog::warn("database ping failed: {}", e.what());
    return false;
  }
}

Transaction::Transaction(Database& db)
    : writer_(db.EngineKind() == Engine::kSqlite ? std::unique_lock(db.WriterMutex())
                                                 : std::unique_lock<std::mutex>()),
      session_(db.Pool()),
      engine_(db.EngineKind()) {
  if (engine_ == Engine::kSqlite) {
    session_ << "BEGIN IMMEDIATE";
  } else {
    session_ << "BEGIN";
  }
}

Transaction::~Transaction() {
  if (!open_) return;
  try {
    session_ << "ROLLBACK";
  } catch (const std::exception& e) {
    spdlog::warn("rollback failed: {}", e.what());
  }
}

void Transaction::Commit() {
  session_ << "COMMIT";
  open_ = false;
}

Error DatabaseError(std::string_view what, const std::exception& e) {
  std::string text = e.what();
  auto contains = [&](std::string_view s) { return text.find(s) != std::string::npos; };
  if (contains("UNIQUE constraint") || contains("duplicate key") || contains("unique constraint")) {
    return Error{ErrorKind::kConflict,
                 "already_exists",
                 std::string(what) + ": a record with the same unique value already exists.",
                 {}};
  }
  if (contains("FOREIGN KEY") || contains("foreign key")) {
    return Error{ErrorKind::kConflict,
                 "missing_reference",
                 std::string(what) + ": a referenced record does not exist.",
                 {}};
  }
  if (contains("connection") || contains("Connection") || contains("server closed") ||
      contains("database is locked") || contains("could not connect")) {
    spdlog::error("{}: database unavailable: {}", what, text);
    return Error{ErrorKind::kUnavailable,
                 "database_unavailable",
                 "The database is unavailable. Try again in a moment.",
                 {}};
  }
  std::string error_id = NewId().substr(0, 12);
  spdlog::error("{}: database error {}: {}", what, error_id, text);
  return Error{
      ErrorKind::kInternal, "internal_error", "Something went wrong (error " + error_id + ").", {}};
}

long long GetInt(const soci::row& row, std::size_t column) {
  if (row.get_indicator(column) == soci::i_null) return 0;
  switch (row.get_properties(column).get_data_type()) {
    case soci::dt_integer:
      return row.get<int>(column);
    case soci::dt_long_long:
      return row.get<long long>(column);
    case soci::dt_unsigned_long_long:
      return static_cast<long long>(row.get<unsigned long long>(column));
    case soci::dt_double:
      return static_cast<long long>(row.get<double>(column));
    case soci::dt_string:
      return std::stoll(row.get<std::string>(column));
    default:
      throw std::runtime_error("GetInt: unexpected column type");
  }
}

std::string GetText(const soci::row& row, std::size_t column) {
  if (row.get_indicator(column) == soci::i_null) return {};
  switch (row.get_properties(column).get_data_type()) {
    case soci::dt_string:
      return row.get<std::string>(column);
    case soci::dt_integer:
      return std::to_string(row.get<int>(column));
    case soci::dt_long_long:
      return std::to_string(row.get<long long>(column));
    default:
      throw std::runtime_error("GetText: unexpected column type");
  }
}

bool IsNull(const soci::row& row, std::size_t column) {
  return row.get_indicator(column) == soci::i_null;
}

Instant GetInstant(const soci::row& row, std::size_t column) {
  auto parsed = ParseRfc3339(GetText(row, column));
  return parsed ? *parsed : Instant{};
}

std::optional<Instant> GetOptionalInstant(const soci::row& row, std::size_t column) {
  if (IsNull(row, column)) return std::nullopt;
  return GetInstant(row, column);
}

std::optional<Date> GetOptionalDate(const soci::row& row, std::size_t column) {
  if (IsNull(row, column)) return std::nullopt;
  auto date = ParseDate(GetText(row, column));
  return date ? std::optional<Date>(*date) : std::nullopt;
}

}  // namespace harbour::storage
