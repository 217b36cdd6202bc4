#pragma once
// multipart/form-data bodies (RFC 7578 on the framing of RFC 2046 §5.1): the boundary from the
// Content-Type header, then each part's name, file name, type and bytes. Pure; strict and
// bounded: anything it does not understand is kMalformed ("malformed_multipart") with a
// message saying what, never a crash and never a guess.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"

namespace harbour::web {

// One part of the body. `name` is the Content-Disposition's name (UTF-8, no control
// character); `filename`, when the part is a file, its base name as the browser sent it (any
// directories stripped; "" when no file was chosen); `content_type` the part's own, "" when
// it gives none; `body` its bytes, untouched.
struct MultipartPart {
  std::string name;
  std::optional<std::string> filename;
  std::string content_type;
  std::string body;
};

struct MultipartLimits {
  std::size_t max_parts = 100;          // parts in one body
  std::size_t max_header_bytes = 4096;  // one part's header block, its blank line included
  std::size_t max_headers = 8;          // header lines in one part
};

// True when the request's Content-Type is multipart/form-data (any case, any parameters).
bool IsMultipartFormData(std::string_view content_type);

// The boundary parameter of a multipart/form-data Content-Type, quoted or not: 1 to 70
// characters of RFC 2046's bchars, not ending in a space. kMalformed otherwise, or when the
// type is not multipart/form-data.
Result<std::string> MultipartBoundary(std::string_view content_type);

// The parts of `body`, in order. A preamble before the first delimiter and an epilogue after
// the closing one are ignored; a delimiter line may end in spaces or tabs. Every part needs
// `Content-Disposition: form-data` with a name; header names are case-insensitive and other
// headers than Content-Disposition and Content-Type are ignored; folded headers, bare LF line
// ends, a NUL, CR or LF in a header, a body without its closing delimiter, and anything over
// `limits` are refused.
Result<std::vector<MultipartPart>> ParseMultipart(std::string_view body, std::string_view boundary,
                                                  const MultipartLimits& limits = {});

// The same with the boundary taken from `content_type`.
Result<std::vector<MultipartPart>> ParseMultipartRequest(std::string_view content_type,
                                                         std::string_view body,
                                                         const MultipartLimits& limits = {});

// The value of the first part named `name` that is not a file, or "" when there is none.
std::string MultipartField(const std::vector<MultipartPart>& parts, std::string_view name);

}  // namespace harbour::web
