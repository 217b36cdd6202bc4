#include "children/search.h"

#include <charconv>

#include "common/identifiers.h"
#include "common/text.h"

namespace harbour::children {

namespace {

std::optional<Date> ParseUkDate(std::string_view text) {
  int parts[3] = {0, 0, 0};
  std::size_t index = 0;
  const char* p = text.data();
  const char* end = text.data() + text.size();
  while (p < end && index < 3) {
    auto [next, ec] = std::from_chars(p, end, parts[index]);
    if (ec != std::errc()) return std::nullopt;
    ++index;
    p = next;
    if (p < end && (*p == '/' || *p == '-' || *p == '.')) ++p;
  }
  if (index != 3 || p != end || parts[2] < 1900) return std::nullopt;
  Date d{std::chrono::year(parts[2]), std::chrono::month(static_cast<unsigned>(parts[1])),
         std::chrono::day(static_cast<unsigned>(parts[0]))};
  if (!d.ok()) return std::nullopt;
  return d;
}

}  // namespace

SearchQuery ParseSearchQuery(std::string_view text) {
  SearchQuery query;
  std::string trimmed = Trim(text);
  if (trimmed.empty() || trimmed.size() > 200 || !IsValidUtf8(trimmed)) return query;
  if (auto nhs = NormaliseNhsNumber(trimmed)) {
    query.nhs_number = *nhs;
    return query;
  }
  if (auto iso = ParseDate(trimmed)) {
    query.date_of_birth = *iso;
    return query;
  }
  if (auto uk = ParseUkDate(trimmed)) {
    query.date_of_birth = *uk;
    return query;
  }
  std::string key = NameKey(trimmed);
  std::size_t pos = 0;
  while (pos < key.size() && query.name_keys.size() < 3) {
    std::size_t space = key.find(' ', pos);
    std::string token =
        key.substr(pos, space == std::string::npos ? std::string::npos : space - pos);
    if (!token.empty()) query.name_keys.push_back(token);
    if (space == std::string::npos) break;
    pos = space + 1;
  }
  return query;
}

}  // namespace harbour::children
