#pragma once
// Persistence of users, sessions and API tokens. Secrets are stored only as digests.
#include <optional>
#include <vector>

#include "common/error.h"
#include "identity/identity.h"
#include "storage/database.h"

namespace harbour::storage {

class IdentityRepository {
 public:
  explicit IdentityRepository(Database& db) : db_(db) {}

  Result<void> InsertUser(const identity::User& user, Instant at);  // kConflict on username
  Result<std::optional<identity::User>> FindUserByUsername(std::string_view username);
  Result<std::optional<identity::User>> FindUserById(std::string_view id);
  Result<std::vector<identity::User>> ListUsers();
  // Saves failed_sign_ins and locked_until after a sign-in attempt.
  Result<void> SaveSignInState(const identity::User& user);

  Result<void> InsertSession(const identity::Session& session);
  Result<std::optional<identity::Session>> FindSession(std::string_view id_digest);
  Result<void> TouchSession(std::string_view id_digest, Instant at);
  Result<void> DeleteSession(std::string_view id_digest);

  Result<void> InsertToken(const identity::ApiToken& token);
  Result<std::optional<identity::ApiToken>> FindToken(std::string_view token_digest);

 private:
  Database& db_;
};

}  // namespace harbour::storage
