#include "audit/filter.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "audit/actions.h"
#include "common/ids.h"
#include "common/text.h"

namespace harbour::audit {
namespace {

constexpr std::size_t kMaxUsername = 100;
constexpr std::size_t kMaxAgency = 16;

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string Upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

bool AllOf(std::string_view text, std::string_view allowed_punctuation) {
  return std::ranges::all_of(text, [&](char c) {
    const auto u = static_cast<unsigned char>(c);
    return std::isdigit(u) || std::isalpha(u) || allowed_punctuation.find(c) != std::string::npos;
  });
}

bool IsAsciiText(std::string_view text) {
  return std::ranges::all_of(text, [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// One date bound: the ISO form when given, else the three boxes; nullopt when all are blank.
std::optional<Date> DateBound(std::string_view iso, std::string_view day, std::string_view month,
                              std::string_view year, const std::string& field,
                              std::string_view label,
                              std::map<std::string, std::string>& problems) {
  const std::string typed = Trim(iso);
  if (!typed.empty()) {
    auto date = ParseDate(typed);
    if (date) return *date;
    problems[field] = std::string(label) + " must be a real date, for example 2026-03-27";
    return std::nullopt;
  }
  if (Trim(day).empty() && Trim(month).empty() && Trim(year).empty()) return std::nullopt;
  auto date = DateFromParts(day, month, year, label);
  if (date) return *date;
  auto message = date.error().fields.find("date");
  problems[field] = message != date.error().fields.end() ? message->second : date.error().message;
  return std::nullopt;
}

std::optional<std::int64_t> Cursor(std::string_view text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  std::int64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  if (value < 1) return std::nullopt;
  return value;
}

bool KnownAction(std::string_view code) {
  return std::ranges::any_of(Actions(), [&](const ActionWords& a) { return a.code == code; });
}

}  // namespace

std::optional<Instant> Filter::FromInstant() const {
  if (!from) return std::nullopt;
  return FromLondonLocal(*from, 0, 0);
}

std::optional<Instant> Filter::UntilInstant() const {
  if (!to) return std::nullopt;
  const Date next{std::chrono::sys_days(*to) + std::chrono::days(1)};
  return FromLondonLocal(next, 0, 0);
}

bool Filter::Empty() const {
  return child_id.empty() && username.empty() && agency.empty() && action.empty() &&
         !refused_only && !from && !to;
}

Result<Query> ParseQuery(const FilterInput& input) {
  std::map<std::string, std::string> problems;
  Query q;
  Filter& f = q.filter;

  if (std::string child = Lower(Trim(input.child)); !child.empty()) {
    if (IsValidId(child)) {
      f.child_id = std::move(child);
    } else {
      problems["child"] =
          "Enter a child record ID of 32 characters, using the digits 0 to 9 and the letters a "
          "to f";
    }
  }
  if (std::string user = Lower(Trim(input.user)); !user.empty()) {
    if (user.size() <= kMaxUsername && IsAsciiText(user) && AllOf(user, "._-:")) {
      f.username = std::move(user);
    } else {
      problems["user"] =
          "Enter a username of up to 100 characters, using only letters, digits, full stops, "
          "underscores, hyphens and colons";
    }
  }
  if (std::string agency = Upper(Trim(input.agency)); !agency.empty()) {
    if (agency.size() <= kMaxAgency && IsAsciiText(agency) && AllOf(agency, "-")) {
      f.agency = std::move(agency);
    } else {
      problems["agency"] =
          "Enter an agency code of up to 16 letters, digits and hyphens, for example HPOL";
    }
  }
  if (std::string action = Trim(input.action); !action.empty()) {
    if (KnownAction(action)) {
      f.action = std::move(action);
    } else {
      problems["action"] = "Choose an action from the list";
    }
  }
  if (std::string outcome = Trim(input.outcome); !outcome.empty()) {
    if (outcome == "refused") {
      f.refused_only = true;
    } else {
      problems["outcome"] = "Select refusals only, or leave it unselected to see every outcome";
    }
  }
  f.from = DateBound(input.from, input.from_day, input.from_month, input.from_year, "from",
                     "Date from", problems);
  f.to =
      DateBound(input.to, input.to_day, input.to_month, input.to_year, "to", "Date to", problems);
  if (f.from && f.to && *f.to < *f.from) {
    problems["to"] = "Date to must be the same as or after date from";
  }
  if (!problems.empty()) return Invalid(problems, "There is a problem with the filter.");

  q.page.before = Cursor(Trim(input.before));
  if (!q.page.before) q.page.after = Cursor(Trim(input.after));
  return q;
}

std::string ToQueryString(const Filter& filter) {
  std::string out;
  auto add = [&](std::string_view name, std::string_view value) {
    if (value.empty()) return;
    if (!out.empty()) out += '&';
    out += name;
    out += '=';
    out += PercentEncode(value);
  };
  add("child", filter.child_id);
  add("user", filter.username);
  add("agency", filter.agency);
  add("action", filter.action);
  add("outcome", filter.refused_only ? "refused" : "");
  add("from", filter.from ? FormatDate(*filter.from) : "");
  add("to", filter.to ? FormatDate(*filter.to) : "");
  return out;
}

std::string Describe(const Filter& filter) {
  std::string out;
  auto add = [&](const std::string& part) {
    if (!out.empty()) out += "; ";
    out += part;
  };
  if (!filter.child_id.empty()) add("child " + filter.child_id);
  if (!filter.username.empty()) add("user " + filter.username);
  if (!filter.agency.empty()) add("agency " + filter.agency);
  if (!filter.action.empty()) add("action " + filter.action);
  if (filter.refused_only) add("refusals only");
  if (filter.from) add("from " + FormatDate(*filter.from));
  if (filter.to) add("to " + FormatDate(*filter.to));
  return out.empty() ? "no filter" : out;
}

}  // namespace harbour::audit
