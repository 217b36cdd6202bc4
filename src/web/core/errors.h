#pragma once
// The one table at the edge that maps error kinds to HTTP (DESIGN.md §2), and the JSON error
// body of the API. Pure and thread-safe.
#include "common/error.h"
#include "web/core/http.h"

namespace harbour::web {

// kInvalid 422, kMalformed 400, kUnauthenticated 401, kForbidden 403, kNotFound 404,
// kConflict 409, kTooLarge 413, kLocked 423, kUnavailable 503, kInternal 500.
unsigned StatusFor(ErrorKind kind);

// {"error":{"code":…,"message":…,"fields":{…}}} with StatusFor(error.kind); "fields" is always
// present (maybe empty). Invalid UTF-8 in the error is replaced, never thrown on.
Response JsonError(const Error& error);

// A request that cannot be audited is not served (no personal data without its audit entry).
inline const Error kAuditUnavailable{ErrorKind::kUnavailable,
                                     "audit_unavailable",
                                     "The service cannot record this request. Try again later.",
                                     {}};

// Whether an API request says it carries JSON (Content-Type application/json), and the 400
// answer when it does not.
bool IsJson(const Request& request);
Error NotJson();

}  // namespace harbour::web
