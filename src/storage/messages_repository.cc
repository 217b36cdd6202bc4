#include "storage/messages_repository.h"

namespace harbour::storage {

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

}  // namespace harbour::storage
