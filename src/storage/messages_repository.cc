#include "storage/messages_repository.h"

namespace harbour::storage {

namespace {

constexpr const char* kSelect =
    "SELECT id, recipient, subject_type, subject_id, title, body, next_steps, contact, sent_at, "
    "read_at FROM messages ";

feedback::Message FromRow(const soci::row& row) {
  feedback::Message m;
  m.id = GetText(row, 0);
  m.recipient = GetText(row, 1);
  m.subject_type = GetText(row, 2);
  m.subject_id = GetText(row, 3);
  m.title = GetText(row, 4);
  m.body = GetText(row, 5);
  m.next_steps = GetText(row, 6);
  m.contact = GetText(row, 7);
  m.at = GetInstant(row, 8);
  m.read_at = GetOptionalInstant(row, 9);
  return m;
}

}  // namespace

void MessagesRepository::InsertIn(Transaction& tx, const feedback::Message& m) {
  std::string at = FormatRfc3339(m.at);
  std::string to = m.recipient, type = m.subject_type, subject = m.subject_id;
  tx.Sql() << "INSERT INTO messages (id, recipient, subject_type, subject_id, title, body, "
              "next_steps, contact, sent_at, seq) VALUES (:id, :to, :type, :subject, :title, "
              ":body, :next, :contact, :at, (SELECT COUNT(*) FROM messages WHERE recipient = "
              ":to2 AND subject_type = :type2 AND subject_id = :subject2))",
      soci::use(m.id), soci::use(m.recipient), soci::use(m.subject_type), soci::use(m.subject_id),
      soci::use(m.title), soci::use(m.body), soci::use(m.next_steps), soci::use(m.contact),
      soci::use(at), soci::use(to), soci::use(type), soci::use(subject);
}

Result<std::vector<feedback::Message>> MessagesRepository::About(std::string_view recipient,
                                                                 std::string_view subject_type,
                                                                 std::string_view subject_id) {
  return Guard("reading messages", [&]() -> Result<std::vector<feedback::Message>> {
    soci::session sql(db_.Pool());
    std::string to(recipient), type(subject_type), id(subject_id);
    std::vector<feedback::Message> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT id, recipient, subject_type, subject_id, title, body, "
                        "next_steps, contact, sent_at, read_at FROM messages WHERE recipient = "
                        ":to AND subject_type = :type AND subject_id = :id ORDER BY seq",
         soci::use(to), soci::use(type), soci::use(id));
    for (const auto& row : rows) {
      out.push_back(feedback::Message{GetText(row, 0), GetText(row, 1), GetText(row, 2),
                                      GetText(row, 3), GetText(row, 4), GetText(row, 5),
                                      GetText(row, 6), GetText(row, 7), GetInstant(row, 8),
                                      GetOptionalInstant(row, 9)});
    }
    return out;
  });
}

Result<int> MessagesRepository::UnreadCount(std::string_view recipient) const {
  return Guard("counting messages", [&]() -> Result<int> {
    soci::session sql(db_.Pool());
    std::string to(recipient);
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT COUNT(*) FROM messages WHERE recipient = :to AND read_at IS NULL",
         soci::use(to));
    int count = 0;
    for (const auto& row : rows) count = static_cast<int>(GetInt(row, 0));
    return count;
  });
}

Result<std::map<std::string, int>> MessagesRepository::UnreadByType(
    std::string_view recipient) const {
  return Guard("counting messages", [&]() -> Result<std::map<std::string, int>> {
    soci::session sql(db_.Pool());
    std::string to(recipient);
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT subject_type, COUNT(*) FROM messages WHERE recipient = :to AND "
                        "read_at IS NULL GROUP BY subject_type",
         soci::use(to));
    std::map<std::string, int> out;
    for (const auto& row : rows) out[GetText(row, 0)] = static_cast<int>(GetInt(row, 1));
    return out;
  });
}

Result<void> MessagesRepository::MarkRead(std::string_view recipient, std::string_view subject_type,
                                          std::string_view subject_id, Instant at) {
  return Guard("marking messages read", [&]() -> Result<void> {
    Transaction tx(db_);
    std::string to(recipient), type(subject_type), id(subject_id), when = FormatRfc3339(at);
    tx.Sql() << "UPDATE messages SET read_at = :at WHERE recipient = :to AND subject_type = "
                ":type AND subject_id = :id AND read_at IS NULL",
        soci::use(when), soci::use(to), soci::use(type), soci::use(id);
    tx.Commit();
    return {};
  });
}

Result<std::vector<feedback::Message>> MessagesRepository::ForRecipient(std::string_view recipient,
                                                                        bool unread_only,
                                                                        int limit) {
  return Guard("reading messages", [&]() -> Result<std::vector<feedback::Message>> {
    soci::session sql(db_.Pool());
    std::string to(recipient);
    std::vector<feedback::Message> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << kSelect << "WHERE recipient = :to"
                     << (unread_only ? " AND read_at IS NULL" : "")
                     << " ORDER BY sent_at DESC, seq DESC, id DESC LIMIT :n",
         soci::use(to), soci::use(limit));
    for (const auto& row : rows) out.push_back(FromRow(row));
    return out;
  });
}

Result<std::optional<feedback::Message>> MessagesRepository::Find(std::string_view id) {
  return Guard("reading a message", [&]() -> Result<std::optional<feedback::Message>> {
    soci::session sql(db_.Pool());
    std::string key(id);
    soci::rowset<soci::row> rows = (sql.prepare << kSelect << "WHERE id = :id", soci::use(key));
    for (const auto& row : rows) return FromRow(row);
    return std::nullopt;
  });
}

bool MessagesRepository::MarkOneReadIn(Transaction& tx, std::string_view recipient,
                                       std::string_view id, Instant at) {
  std::string to(recipient), key(id), when = FormatRfc3339(at);
  soci::statement update =
      (tx.Sql().prepare << "UPDATE messages SET read_at = :at WHERE id = :id AND recipient = :to "
                           "AND read_at IS NULL",
       soci::use(when), soci::use(key), soci::use(to));
  update.execute(true);
  return update.get_affected_rows() == 1;
}

}  // namespace harbour::storage
