#pragma once
// Persistence of feedback messages (feedback/message.h): insert-only, except that a message
// is marked read once.
#include <vector>

#include "common/error.h"
#include "feedback/message.h"
#include "storage/database.h"

namespace harbour::storage {

class MessagesRepository {
 public:
  explicit MessagesRepository(Database& db) : db_(db) {}

  void InsertIn(Transaction& tx, const feedback::Message& message);
  // The recipient's messages about one subject, oldest first.
  Result<std::vector<feedback::Message>> About(std::string_view recipient,
                                               std::string_view subject_type,
                                               std::string_view subject_id);
  Result<int> UnreadCount(std::string_view recipient) const;
  // Marks the recipient's unread messages about the subject read.
  Result<void> MarkRead(std::string_view recipient, std::string_view subject_type,
                        std::string_view subject_id, Instant at);

 private:
  Database& db_;
};

}  // namespace harbour::storage
