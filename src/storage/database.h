#pragma once
// The database: a pool of SOCI sessions on SQLite (embedded, the default) or PostgreSQL, and
// the few places where the two engines differ. Thread-safe: each thread leases a session.
#include <soci/soci.h>

#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "common/error.h"
#include "common/time.h"

namespace harbour::storage {

enum class Engine { kSqlite, kPostgres };

struct DatabaseUrl {
  Engine engine = Engine::kSqlite;
  std::string path;     // SQLite file path (engine kSqlite)
  std::string connect;  // the SOCI connection string
};

// "sqlite:///relative/path.db" or "sqlite:////absolute/path.db" (as SQLAlchemy), or a libpq
// URI "postgresql://user:secret@127.0.0.1:5432/harbour". kInvalid otherwise.
Result<DatabaseUrl> ParseDatabaseUrl(std::string_view url);

class Database {
 public:
  // Opens `pool_size` connections; kUnavailable when the database cannot be reached. SQLite
  // connections get WAL, foreign keys, a busy timeout and case-sensitive LIKE (search keys
  // are lower-case ASCII, so LIKE 'abc%' can use the index).
  static Result<std::unique_ptr<Database>> Open(std::string_view url, std::size_t pool_size = 4);
  ~Database();

  Engine EngineKind() const { return engine_; }
  soci::connection_pool& Pool() { return *pool_; }
  // SQLite allows one writer; threads of this process queue here rather than in SQLite's
  // sleeping busy handler, which would add milliseconds of latency under load.
  std::mutex& WriterMutex() { return writer_mutex_; }
  // Cheap round trip for /healthz: true when a query succeeds within the lease.
  bool Ping();

 private:
  Database(Engine engine, std::size_t size);
  Engine engine_;
  std::unique_ptr<soci::connection_pool> pool_;
  std::mutex writer_mutex_;
};

// A write transaction on a leased session. SQLite takes the write lock up front (BEGIN
// IMMEDIATE) so that concurrent writers queue on busy_timeout instead of deadlocking;
// PostgreSQL uses READ COMMITTED. Rolled back on destruction unless Commit() was called.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  soci::session& Sql() { return session_; }
  Engine EngineKind() const { return engine_; }
  void Commit();

 private:
  std::unique_lock<std::mutex> writer_;  // held for SQLite only
  soci::session session_;
  Engine engine_;
  bool open_ = true;
};

// Runs `body` and turns database exceptions into values: a unique or foreign-key violation is
// kConflict, a lost connection kUnavailable, anything else kInternal (logged). `body` returns
// Result<T>.
template <class F>
auto Guard(std::string_view what, F&& body) -> decltype(body());

Error DatabaseError(std::string_view what, const std::exception& e);

// Runs `stage(tx)` in one write transaction and commits it when `stage` returns a value; an
// error result or an exception rolls everything back. Database exceptions become values as in
// Guard. `stage` takes a Transaction& and returns Result<T>.
template <class F>
auto InTransaction(Database& db, std::string_view what, F&& stage)
    -> std::invoke_result_t<F, Transaction&>;

template <class F>
auto Guard(std::string_view what, F&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const std::exception& e) {
    return std::unexpected(DatabaseError(what, e));
  }
}

template <class F>
auto InTransaction(Database& db, std::string_view what, F&& stage)
    -> std::invoke_result_t<F, Transaction&> {
  return Guard(what, [&]() -> std::invoke_result_t<F, Transaction&> {
    Transaction tx(db);
    auto staged = stage(tx);
    if (staged) tx.Commit();
    return staged;
  });
}

// Reading a soci::row portably: integer columns arrive as int, long long or double depending
// on the engine and the declared type; NULL reads as 0 / "".
long long GetInt(const soci::row& row, std::size_t column);
std::string GetText(const soci::row& row, std::size_t column);
bool IsNull(const soci::row& row, std::size_t column);
// An RFC 3339 instant column. Harbour writes only valid instants; an unreadable one (a
// hand-edited row) reads as the epoch rather than failing the whole page.
Instant GetInstant(const soci::row& row, std::size_t column);
// The same for a nullable column: nullopt for NULL.
std::optional<Instant> GetOptionalInstant(const soci::row& row, std::size_t column);
// A nullable YYYY-MM-DD date column: nullopt for NULL or a date that does not read.
std::optional<Date> GetOptionalDate(const soci::row& row, std::size_t column);

// Binding helper: an empty string binds as NULL (for optional unique columns).
struct NullableText {
  std::string value;
  soci::indicator indicator;
  explicit NullableText(std::string v)
      : value(std::move(v)), indicator(value.empty() ? soci::i_null : soci::i_ok) {}
};

}  // namespace harbour::storage
