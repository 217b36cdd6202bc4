#include "storage/audit_repository.h"

#include <algorithm>
#include <deque>

namespace harbour::storage {

namespace {

constexpr const char* kColumns =
    "seq, at, user_id, username, role, agency, action, record_type, record_id, purpose, "
    "outcome, detail, request_id, prev_hash, hash, child_id";
constexpr const char* kListedColumns =
    "seq, at, user_id, username, role, agency, action, record_type, record_id, purpose, "
    "outcome, detail, request_id, prev_hash, hash, child_id, inferred_child_id";

audit::Entry FromRow(const soci::row& row) {
  audit::Entry e;
  e.seq = GetInt(row, 0);
  e.at = GetInstant(row, 1);
  e.user_id = GetText(row, 2);
  e.username = GetText(row, 3);
  e.role = GetText(row, 4);
  e.agency = GetText(row, 5);
  e.action = GetText(row, 6);
  e.record_type = GetText(row, 7);
  e.record_id = GetText(row, 8);
  e.purpose = GetText(row, 9);
  e.outcome = GetText(row, 10);
  e.detail = GetText(row, 11);
  e.request_id = GetText(row, 12);
  e.prev_hash = GetText(row, 13);
  e.hash = GetText(row, 14);
  e.child_id = GetText(row, 15);
  return e;
}

ListedEntry ListedFromRow(const soci::row& row) {
  return ListedEntry{FromRow(row), GetText(row, 16)};
}

// The conditions of a query and the values they bind, each under its own name (SOCI's
// PostgreSQL backend binds a name used twice only once). The values live in deques so that
// the references the statement keeps stay valid.
class Where {
 public:
  void Add(std::string_view condition) {
    sql_ += sql_.empty() ? " WHERE " : " AND ";
    sql_ += condition;
  }
  void Text(std::string name, std::string value) {
    text_names_.push_back(std::move(name));
    texts_.push_back(std::move(value));
  }
  void Int(std::string name, long long value) {
    int_names_.push_back(std::move(name));
    ints_.push_back(value);
  }
  const std::string& Sql() const { return sql_; }

  // Runs `query` (which uses this clause and its names) and reads every row with `read`.
  template <class Read>
  auto Run(soci::session& sql, const std::string& query, Read read) const {
    std::vector<decltype(read(std::declval<const soci::row&>()))> out;
    soci::row row;
    soci::statement st(sql);
    st.exchange(soci::into(row));
    for (std::size_t i = 0; i < texts_.size(); ++i) {
      st.exchange(soci::use(texts_[i], text_names_[i]));
    }
    for (std::size_t i = 0; i < ints_.size(); ++i) st.exchange(soci::use(ints_[i], int_names_[i]));
    st.alloc();
    st.prepare(query);
    st.define_and_bind();
    for (bool got = st.execute(true); got; got = st.fetch()) out.push_back(read(row));
    return out;
  }

 private:
  std::string sql_;
  std::deque<std::string> texts_;
  std::vector<std::string> text_names_;
  std::deque<long long> ints_;
  std::vector<std::string> int_names_;
};

// The filter's conditions, each on an indexed column (migration 10).
Where FilterWhere(const audit::Filter& f) {
  Where w;
  if (!f.child_id.empty()) {
    w.Add("(child_id = :child1 OR inferred_child_id = :child2)");
    w.Text("child1", f.child_id);
    w.Text("child2", f.child_id);
  }
  if (!f.username.empty()) {
    w.Add("username = :username");
    w.Text("username", f.username);
  }
  if (!f.agency.empty()) {
    w.Add("agency = :agency");
    w.Text("agency", f.agency);
  }
  if (!f.action.empty()) {
    w.Add("action = :action");
    w.Text("action", f.action);
  }
  if (f.refused_only) w.Add("outcome = 'refused'");
  if (auto from = f.FromInstant()) {
    w.Add("at >= :from_at");
    w.Text("from_at", FormatRfc3339(*from));
  }
  if (auto until = f.UntilInstant()) {
    w.Add("at < :until_at");
    w.Text("until_at", FormatRfc3339(*until));
  }
  return w;
}

std::string Select(const Where& w, std::string_view order) {
  return std::string("SELECT ") + kListedColumns + " FROM audit_log" + w.Sql() + " ORDER BY seq " +
         std::string(order) + " LIMIT :limit";
}

// Whether an entry matching `filter` lies beyond `seq` ("<" older, ">" newer).
bool AnyBeyond(soci::session& sql, const audit::Filter& filter, std::string_view op,
               std::int64_t seq) {
  Where w = FilterWhere(filter);
  w.Add("seq " + std::string(op) + " :edge");
  w.Int("edge", seq);
  w.Int("limit", 1);
  std::string query = "SELECT seq FROM audit_log" + w.Sql() + " LIMIT :limit";
  return !w.Run(sql, query, [](const soci::row& row) { return GetInt(row, 0); }).empty();
}

}  // namespace

void AuditRepository::AppendIn(Transaction& tx, audit::Entry entry) {
  soci::session& sql = tx.Sql();
  if (tx.EngineKind() == Engine::kPostgres) sql << "LOCK TABLE audit_log IN EXCLUSIVE MODE";
  std::optional<audit::Entry> previous;
  long long seq = 0;
  std::string hash;
  soci::indicator ind = soci::i_null;
  sql << "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1", soci::into(seq),
      soci::into(hash, ind);
  if (sql.got_data()) {
    previous = audit::Entry{};
    previous->seq = seq;
    previous->hash = hash;
  }
  audit::Seal(entry, previous);
  std::string at = FormatRfc3339(entry.at);
  long long new_seq = entry.seq;
  sql << "INSERT INTO audit_log (" << kColumns
      << ") VALUES (:seq, :at, :user_id, :username, :role, :agency, :action, :record_type, "
         ":record_id, :purpose, :outcome, :detail, :request_id, :prev_hash, :hash, :child_id)",
      soci::use(new_seq), soci::use(at), soci::use(entry.user_id), soci::use(entry.username),
      soci::use(entry.role), soci::use(entry.agency), soci::use(entry.action),
      soci::use(entry.record_type), soci::use(entry.record_id), soci::use(entry.purpose),
      soci::use(entry.outcome), soci::use(entry.detail), soci::use(entry.request_id),
      soci::use(entry.prev_hash), soci::use(entry.hash), soci::use(entry.child_id);
}

Result<void> AuditRepository::Append(audit::Entry entry) {
  return Guard("writing the audit trail", [&]() -> Result<void> {
    Transaction tx(db_);
    AppendIn(tx, std::move(entry));
    tx.Commit();
    return {};
  });
}

Result<void> AuditRepository::Append(std::vector<audit::Entry> entries) {
  return Guard("writing the audit trail", [&]() -> Result<void> {
    Transaction tx(db_);
    for (auto& entry : entries) AppendIn(tx, std::move(entry));
    tx.Commit();
    return {};
  });
}

Result<std::vector<audit::Entry>> AuditRepository::ReadAfter(std::int64_t after, int limit) {
  return Guard("reading the audit trail", [&]() -> Result<std::vector<audit::Entry>> {
    soci::session sql(db_.Pool());
    long long from = after;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT " << kColumns
                     << " FROM audit_log WHERE seq > :after ORDER BY seq LIMIT :limit",
         soci::use(from), soci::use(limit));
    std::vector<audit::Entry> out;
    for (const auto& row : rows) out.push_back(FromRow(row));
    return out;
  });
}

Result<std::vector<audit::Entry>> AuditRepository::Recent(int limit) {
  return Guard("reading the audit trail", [&]() -> Result<std::vector<audit::Entry>> {
    soci::session sql(db_.Pool());
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT " << kColumns << " FROM audit_log ORDER BY seq DESC LIMIT :l",
         soci::use(limit));
    std::vector<audit::Entry> out;
    for (const auto& row : rows) out.push_back(FromRow(row));
    return out;
  });
}

Result<TrailPage> AuditRepository::Page(const audit::Filter& filter,
                                        const audit::PageCursor& cursor, int page_size) {
  return Guard("reading the audit trail", [&]() -> Result<TrailPage> {
    soci::session sql(db_.Pool());
    const auto size = static_cast<std::size_t>(std::max(page_size, 1));
    TrailPage page;
    if (cursor.after && !cursor.before) {
      Where w = FilterWhere(filter);
      w.Add("seq > :after");
      w.Int("after", *cursor.after);
      w.Int("limit", static_cast<long long>(size) + 1);
      auto rows = w.Run(sql, Select(w, "ASC"), ListedFromRow);
      if (rows.size() > size) {
        rows.resize(size);
        std::ranges::reverse(rows);
        page.entries = std::move(rows);
        page.has_newer = true;
        page.has_older = AnyBeyond(sql, filter, "<", page.entries.back().entry.seq);
        return page;
      }
      // Not a whole page newer than the cursor: that is the newest page.
    }
    Where w = FilterWhere(filter);
    if (cursor.before) {
      w.Add("seq < :before");
      w.Int("before", *cursor.before);
    }
    w.Int("limit", static_cast<long long>(size) + 1);
    page.entries = w.Run(sql, Select(w, "DESC"), ListedFromRow);
    if (page.entries.size() > size) {
      page.entries.resize(size);
      page.has_older = true;
    }
    if (cursor.before) {
      page.has_newer =
          AnyBeyond(sql, filter, ">",
                    page.entries.empty() ? *cursor.before - 1 : page.entries.front().entry.seq);
    }
    return page;
  });
}

Result<std::vector<ListedEntry>> AuditRepository::Matching(const audit::Filter& filter, int limit,
                                                           bool* more) {
  return Guard("reading the audit trail", [&]() -> Result<std::vector<ListedEntry>> {
    soci::session sql(db_.Pool());
    const auto size = static_cast<std::size_t>(std::max(limit, 0));
    Where w = FilterWhere(filter);
    w.Int("limit", static_cast<long long>(size) + 1);
    auto rows = w.Run(sql, Select(w, "DESC"), ListedFromRow);
    if (more != nullptr) *more = rows.size() > size;
    if (rows.size() > size) rows.resize(size);
    return rows;
  });
}

Result<std::optional<audit::Break>> AuditRepository::VerifyAll(std::int64_t* checked) {
  constexpr int kBatch = 5000;
  std::optional<audit::Entry> previous;
  std::int64_t count = 0;
  for (;;) {
    auto batch = ReadAfter(previous ? previous->seq : 0, kBatch);
    if (!batch) return std::unexpected(batch.error());
    if (batch->empty()) break;
    if (auto broken = audit::Verify(*batch, previous)) return broken;
    count += static_cast<std::int64_t>(batch->size());
    previous = batch->back();
  }
  if (checked != nullptr) *checked = count;
  return std::optional<audit::Break>{};
}

}  // namespace harbour::storage
