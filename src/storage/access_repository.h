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
  std::string search_terms;  // what the requester searched for
  std::string child_id;      // the child access was granted to, once granted
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
  // Marks the request refused.
  void RefuseIn(Transaction& tx, const AccessRequest& request, std::string_view decided_by,
                Instant at);
  // Marks the request granted for `child_id` and inserts a grant expiring at `expires_at`.
  void GrantIn(Transaction& tx, const AccessRequest& request, std::string_view child_id,
               std::string_view decided_by, Instant at, std::optional<Instant> expires_at);

 private:
  Database& db_;
};

}  // namespace harbour::storage
