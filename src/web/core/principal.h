#pragma once
// Who is making a request, once authenticated (web/core/sessions.h). A value.
#include <optional>

#include "access/policy.h"
#include "agencies/agency.h"
#include "identity/identity.h"

namespace harbour::web {

struct Principal {
  identity::User user;
  agencies::Agency agency;
  std::optional<identity::Session> session;  // page requests
  access::Subject Subject() const { return {user.id, user.role, agency.id}; }
};

}  // namespace harbour::web
