#pragma once
// application/x-www-form-urlencoded bodies and URL query strings. Pure.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "common/text.h"

namespace harbour::web {

// Decoded name/value pairs in arrival order; a name may repeat (checkboxes).
class FormData {
 public:
  void Add(std::string name, std::string value);
  // First value for `name`, or "" when absent.
  std::string Get(std::string_view name) const;
  std::vector<std::string> GetAll(std::string_view name) const;
  bool Has(std::string_view name) const;
  const std::multimap<std::string, std::string, std::less<>>& Pairs() const { return pairs_; }

 private:
  std::multimap<std::string, std::string, std::less<>> pairs_;
};

inline constexpr std::size_t kMaxFormFields = 1000;

// Strict decoding: '+' is a space; a bad %-escape, invalid UTF-8, a NUL byte or more than
// kMaxFormFields pairs fails with kMalformed. An empty input is an empty FormData.
Result<FormData> ParseUrlEncoded(std::string_view text);
// Percent-coding lives in common/text.h (storage needs it too); named here for web code.
using harbour::PercentDecode;
using harbour::PercentEncode;

}  // namespace harbour::web
