#pragma once
// The request-target of an HTTP request line (origin form only). Pure.
#include <string>
#include <string_view>

#include "common/error.h"

namespace harbour::web {

struct Target {
  std::string path;   // percent-decoded, starts with '/', no "." or ".." segments
  std::string query;  // raw, without '?'; decode with ParseUrlEncoded
};

// kMalformed for anything but "/path[?query]": absolute-form, a bad escape, an encoded '/'
// or NUL, a "." or ".." segment, or invalid UTF-8.
Result<Target> ParseTarget(std::string_view target);

}  // namespace harbour::web
