#pragma once
// Persistence of access requests (a user asks the coordinator to see a child) and grants.
#include <optional>
#include <string>
#include <vector>

#include "common/error.h"
#include "common/time.h"
#include "storage/database.h"

namespace harbour::storage {

struct AccessRequest {
  std::string id;
  std::string child_id;
  std::string child_name;
  std::string user_id;
  std::string user_name;
  std::string agency_name;
  std::string reason;
  std::string status;  // "open", "granted", "refused"
  Instant requested_at{};
};

class AccessRepository {
 public:
  explicit AccessRepository(Database& db) : db_(db) {}

  void InsertRequestIn(Transaction& tx, const AccessRequest& request);
  Result<std::vector<AccessRequest>> OpenRequests(int limit);
  Result<std::optional<AccessRequest>> FindRequest(std::string_view id);
  // Marks the request decided and, when granted, inserts a grant expiring at `expires_at`.
  void DecideIn(Transaction& tx, const AccessRequest& request, bool grant,
                std::string_view decided_by, Instant at, std::optional<Instant> expires_at);

 private:
  Database& db_;
};

}  // namespace harbour::storage
