#pragma once
// Persistence of child records, their aliases, the agencies involved and access grants.
// Writes take a Transaction so the caller commits them with their audit entry.
#include <optional>
#include <string>
#include <vector>

#include "access/policy.h"
#include "children/child.h"
#include "children/search.h"
#include "common/error.h"
#include "storage/database.h"

namespace harbour::storage {

struct InvolvedAgency {
  std::string agency_id;
  std::string agency_name;
  std::string reason;  // "created", "concern", "team"
  Instant added_at{};
};

// A search hit with what the access policy needs to decide whether the searcher may see it;
// the record itself is read (FindMany) only for the hits the searcher may see.
struct SearchCandidate {
  std::string child_id;
  access::ChildContext context;
};

class ChildrenRepository {
 public:
  explicit ChildrenRepository(Database& db) : db_(db) {}

  // Inserts the child, its aliases and the creating agency's involvement.
  void InsertIn(Transaction& tx, const children::Child& child, std::string_view created_by);
  // Recomputes every child's name keys (children::FoldName of the given name, family name and
  // aliases) in child_name_keys: the step of migration 0012 that SQL cannot do, and what a
  // change to FoldName would run again.
  static void RebuildNameKeysIn(Transaction& tx);
  // The search keys of a child with these names (children::FoldName of each), without repeats.
  static std::vector<std::string> NameKeysFor(std::string_view given_name,
                                              std::string_view family_name,
                                              const std::vector<std::string>& aliases);
  Result<std::optional<children::Child>> Find(std::string_view id);
  // Agencies involved and unexpired grants for `user_id` (the access policy's input).
  Result<access::ChildContext> Context(std::string_view child_id, std::string_view user_id,
                                       Instant now);
  Result<std::vector<InvolvedAgency>> Involved(std::string_view child_id);
  // Adds `agency_id` to the team around the child unless already involved.
  void AddInvolvementIn(Transaction& tx, std::string_view child_id, std::string_view agency_id,
                        std::string_view reason, std::string_view added_by, Instant at);

  // Candidates matching the query, at most `limit`, in name order, each with its access
  // context for `user_id`.
  Result<std::vector<SearchCandidate>> Search(const children::SearchQuery& query,
                                              std::string_view user_id, Instant now, int limit);
  // Children the user recorded something about most recently (created or logged a concern).
  // The records with these ids, in the given order (without aliases); missing ids are skipped.
  Result<std::vector<children::Child>> FindMany(const std::vector<std::string>& ids);
  Result<std::vector<children::Child>> RecentForUser(std::string_view user_id, int limit);
  Result<long long> Count();

 private:
  Database& db_;
};

}  // namespace harbour::storage
