#pragma once
// Expected failures as values (DESIGN.md §2). Every fallible domain verb returns
// Result<T>; exceptions are reserved for bugs and are turned into a 500 at the edge.
#include <expected>
#include <map>
#include <string>
#include <utility>

namespace harbour {

// What went wrong, independent of transport. web/ maps each kind to one HTTP status.
enum class ErrorKind {
  kInvalid,          // input failed validation (422); `fields` names each bad field
  kMalformed,        // input could not be parsed at all (400)
  kUnauthenticated,  // no or bad credentials (401)
  kForbidden,        // authenticated but not allowed, where existence may be revealed (403)
  kNotFound,         // absent, or hidden from this subject by access policy (404)
  kConflict,         // clashes with current state, e.g. duplicate username (409)
  kTooLarge,         // over a configured size limit (413)
  kLocked,           // account temporarily locked (423 on the API; same page as a bad password)
  kUnavailable,      // a dependency (database) is unreachable (503)
  kInternal,         // a broken invariant; logged with an id (500)
};

struct Error {
  ErrorKind kind = ErrorKind::kInternal;
  std::string code;                           // stable snake_case code, e.g. "validation_failed"
  std::string message;                        // one sentence for a person
  std::map<std::string, std::string> fields;  // snake_case field name -> message
};

template <class T>
using Result = std::expected<T, Error>;

// Convenience constructors; each returns std::unexpected so `return Invalid(...)` works in
// any function returning Result<T>.
inline std::unexpected<Error> Fail(ErrorKind kind, std::string code, std::string message,
                                   std::map<std::string, std::string> fields = {}) {
  return std::unexpected(Error{kind, std::move(code), std::move(message), std::move(fields)});
}
inline std::unexpected<Error> Invalid(std::map<std::string, std::string> fields,
                                      std::string message = "Check the highlighted fields.") {
  return Fail(ErrorKind::kInvalid, "validation_failed", std::move(message), std::move(fields));
}
inline std::unexpected<Error> NotFound(std::string message = "Not found.") {
  return Fail(ErrorKind::kNotFound, "not_found", std::move(message));
}
inline std::unexpected<Error> Conflict(std::string code, std::string message) {
  return Fail(ErrorKind::kConflict, std::move(code), std::move(message));
}

}  // namespace harbour
