#include "web/core/errors.h"

#include <nlohmann/json.hpp>

namespace harbour::web {

unsigned StatusFor(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kInvalid:
      return 422;
    case ErrorKind::kMalformed:
      return 400;
    case ErrorKind::kUnauthenticated:
      return 401;
    case ErrorKind::kForbidden:
      return 403;
    case ErrorKind::kNotFound:
      return 404;
    case ErrorKind::kConflict:
      return 409;
    case ErrorKind::kTooLarge:
      return 413;
    case ErrorKind::kLocked:
      return 423;
    case ErrorKind::kUnavailable:
      return 503;
    case ErrorKind::kInternal:
      return 500;
  }
  return 500;
}

Response JsonError(const Error& error) {
  nlohmann::json fields = nlohmann::json::object();
  for (const auto& [name, message] : error.fields) fields[name] = message;
  const nlohmann::json body = {
      {"error", {{"code", error.code}, {"message", error.message}, {"fields", fields}}}};
  return Response::Json(StatusFor(error.kind),
                        body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

bool IsJson(const Request& request) {
  return request.Header("content-type").starts_with("application/json");
}

Error NotJson() {
  return Error{ErrorKind::kMalformed,
               "unsupported_media_type",
               "Send the body as JSON with Content-Type: application/json.",
               {}};
}

}  // namespace harbour::web
