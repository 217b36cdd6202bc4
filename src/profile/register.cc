#include "profile/register.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace harbour::profile {
namespace {

bool Within(const Period& inner, const Period& outer) {
  return inner.first >= outer.first && inner.last <= outer.last;
}

bool Overlap(const Period& a, const Period& b) { return a.first <= b.last && b.first <= a.last; }

Error Refusal(ErrorKind kind, std::string code, std::string message) {
  Error e{kind, std::move(code), message, {}};
  e.fields["period"] = std::move(message);
  return e;
}

}  // namespace

Result<std::optional<std::string>> EarlierToCheckAgainst(
    const Period& period, const std::vector<PublishedPeriod>& published, Date today) {
  if (period.last >= today) {
    return std::unexpected(Refusal(ErrorKind::kInvalid, "period_not_ended",
                                   "A board report is published once its period has ended: " +
                                       PeriodLabel(period) + " has not."));
  }
  std::vector<const PublishedPeriod*> inside;
  for (const PublishedPeriod& p : published) {
    if (p.period.first == period.first && p.period.last == period.last) {
      return std::unexpected(Refusal(ErrorKind::kConflict, "period_published",
                                     "The board report for " + p.label +
                                         " is already published; a period is published once."));
    }
    if (Within(p.period, period)) {
      inside.push_back(&p);
    } else if (Overlap(p.period, period)) {
      return std::unexpected(Refusal(
          ErrorKind::kConflict, "period_overlaps",
          "The published report for " + p.label + " overlaps " + PeriodLabel(period) +
              " without lying inside it, so the two could be subtracted. Publish a period that "
              "contains the published ones, or none of them."));
    }
  }
  if (inside.empty()) return std::optional<std::string>();
  // Longest first; each must contain the next.
  std::ranges::sort(inside, [](const PublishedPeriod* a, const PublishedPeriod* b) {
    return DaysIn(a->period) > DaysIn(b->period);
  });
  for (std::size_t i = 1; i < inside.size(); ++i) {
    if (!Within(inside[i]->period, inside[i - 1]->period)) {
      return std::unexpected(Refusal(
          ErrorKind::kConflict, "periods_not_nested",
          PeriodLabel(period) + " contains the published reports for " + inside[i - 1]->label +
              " and " + inside[i]->label +
              ", neither of which contains the other: the new report less both could publish "
              "the rest of the period. Publish year to date (a quarter, the half-year, nine "
              "months, the year) instead."));
    }
  }
  return std::optional<std::string>(inside.front()->id);
}

std::string EarlierReleaseJson(const EarlierRelease& release) {
  auto value = [](const std::optional<long>& n) { return n ? nlohmann::json(*n) : nullptr; };
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [id, table] : release) {
    nlohmann::json rows = nlohmann::json::object();
    for (const auto& [code, count] : table.rows) rows[code] = value(count);
    out[id] = {{"total", value(table.total)}, {"rows", rows}};
  }
  return out.dump();
}

namespace {

bool ReadCount(const nlohmann::json& j, std::optional<long>& out) {
  if (j.is_null()) {
    out.reset();
    return true;
  }
  if (!j.is_number_integer() || j.get<long long>() < 0) return false;
  out = static_cast<long>(j.get<long long>());
  return true;
}

}  // namespace

Result<EarlierRelease> ParseEarlierRelease(std::string_view json) {
  const Error corrupt{ErrorKind::kInvalid,
                      "register_corrupt",
                      "A published release in the register cannot be read.",
                      {}};
  nlohmann::json doc = nlohmann::json::parse(json, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return std::unexpected(corrupt);
  EarlierRelease release;
  for (const auto& [id, table] : doc.items()) {
    if (!table.is_object() || !table.contains("total") || !table.contains("rows") ||
        !table["rows"].is_object()) {
      return std::unexpected(corrupt);
    }
    EarlierTable& t = release[id];
    if (!ReadCount(table["total"], t.total)) return std::unexpected(corrupt);
    for (const auto& [code, count] : table["rows"].items()) {
      if (!ReadCount(count, t.rows[code])) return std::unexpected(corrupt);
    }
  }
  return release;
}

}  // namespace harbour::profile
