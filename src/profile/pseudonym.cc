#include "profile/pseudonym.h"

#include <sodium.h>

#include <algorithm>
#include <stdexcept>

#include "children/child.h"
#include "common/text.h"
#include "profile/age_band.h"

namespace harbour::profile {
namespace {

constexpr std::size_t kProjectMaxChars = 60;
constexpr std::size_t kPseudonymBytes = 10;

bool ProjectCharacter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' ||
         c == '-' || c == '_';
}

std::string Joined(const std::vector<std::string_view>& values) {
  std::string out;
  for (const auto& v : values) {
    if (!out.empty()) out += ";";
    out += v;
  }
  return out;
}

std::string OrNotRecorded(std::string_view code) {
  return std::string(code.empty() || code == "not_known" ? kNotRecorded : code);
}

std::string LookedAfter(const ChildFacts& c) {
  auto status = children::LegalStatusFromCode(c.legal_status);
  if (!status) return std::string(kNotRecorded);
  return children::IsLookedAfter(*status) ? "yes" : "no";
}

std::string AgencyName(const Labels& labels, std::string_view id) {
  auto it = labels.agencies.find(std::string(id));
  return it == labels.agencies.end() ? std::string(kNotRecorded) : it->second;
}

}  // namespace

Result<std::string> ValidateProject(std::string_view project) {
  std::string trimmed = Trim(project);
  if (trimmed.empty()) return Invalid({{"project", "Enter a name for your project"}});
  if (trimmed.size() > kProjectMaxChars ||
      !std::all_of(trimmed.begin(), trimmed.end(), ProjectCharacter)) {
    return Invalid(
        {{"project",
          "A project name is up to 60 letters, digits, spaces, hyphens or underscores"}});
  }
  return trimmed;
}

std::string Pseudonym(std::string_view key, std::string_view analyst_id, std::string_view project,
                      std::string_view child_id) {
  if (key.size() != kPseudonymKeyBytes) throw std::invalid_argument("pseudonym key size");
  std::string message;
  message.reserve(analyst_id.size() + project.size() + child_id.size() + 2);
  message.append(analyst_id).push_back('\0');
  message.append(project).push_back('\0');
  message.append(child_id);
  unsigned char hash[kPseudonymBytes];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(message.data()),
                     message.size(), reinterpret_cast<const unsigned char*>(key.data()),
                     key.size());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char byte : hash) {
    out.push_back(kHex[byte >> 4]);
    out.push_back(kHex[byte & 0xf]);
  }
  return out;
}

std::vector<std::string> PseudonymisedHeader() {
  return {"pseudonym",
          "age_band",
          "sex",
          "ethnicity",
          "disability",
          "looked_after",
          "placed_from_out_of_area",
          "school_recorded",
          "risk_tool_level",
          "risk_judged_level",
          "panel_category",
          "concern_categories",
          "exploitation_models",
          "exploitation_elements",
          "wards",
          "first_agency"};
}

std::vector<std::vector<std::string>> PseudonymisedRows(const std::vector<ChildFacts>& children,
                                                        const Labels& labels, std::string_view key,
                                                        std::string_view analyst_id,
                                                        std::string_view project) {
  std::vector<std::vector<std::string>> rows;
  rows.reserve(children.size());
  for (const auto& c : children) {
    rows.push_back({Pseudonym(key, analyst_id, project, c.child_id),
                    std::string(ToCode(AgeBandOf(c.age))), OrNotRecorded(c.sex),
                    OrNotRecorded(c.ethnicity), OrNotRecorded(c.disability), LookedAfter(c),
                    c.placing_authority.empty() ? "no" : "yes", c.school.empty() ? "no" : "yes",
                    OrNotRecorded(c.tool_level), OrNotRecorded(c.judged_level),
                    OrNotRecorded(c.panel_category), Joined(c.categories), Joined(c.models),
                    Joined(c.elements), Joined(c.wards), AgencyName(labels, c.first_agency)});
  }
  // Sorted by pseudonym, so that the order says nothing about when records were made.
  std::sort(rows.begin(), rows.end());
  return rows;
}

}  // namespace harbour::profile
