#include "storage/person_lookup.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "common/text.h"
#include "matching/check.h"

namespace harbour::storage {

namespace in = harbour::intelligence;

namespace {

constexpr int kMostRead = 500;

// A person's name as the matcher reads it: the last word is the family name, the rest given.
matching::MatchRecord RecordOf(std::string id, std::string_view name,
                               const std::optional<Date>& dob, std::string_view sex) {
  matching::MatchRecord r;
  r.id = std::move(id);
  std::string text = Trim(name);
  auto space = text.find_last_of(' ');
  if (space == std::string::npos) {
    r.family_name = text;
  } else {
    r.given_name = Trim(text.substr(0, space));
    r.family_name = text.substr(space + 1);
  }
  r.date_of_birth = dob;
  if (sex == "female" || sex == "male") r.sex = std::string(sex);
  return r;
}

// The first and last words of a name key, for reading candidates ("dean marsh" -> dean, marsh).
std::pair<std::string, std::string> EndWords(const std::string& key) {
  auto first = key.substr(0, key.find(' '));
  auto last = key.substr(key.find_last_of(' ') + 1);
  return {first, last};
}

std::string Percent(double probability) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f%%", std::min(probability, 0.999) * 100.0);
  return text;
}

struct Held {
  std::string id, label;
  std::vector<matching::MatchRecord> names;  // the record's name and each other name
};

}  // namespace

Result<std::vector<in::Candidate>> LikelyLookup::People(const in::Person& person) {
  auto exact = exact_.People(person);
  if (!exact) return std::unexpected(exact.error());
  return Guard("looking up likely people", [&]() -> Result<std::vector<in::Candidate>> {
    soci::session sql(db_.Pool());
    std::string key = person.name_key.empty() ? in::NameKey(person.name) : person.name_key;
    auto [first, last] = EndWords(key);
    std::string dob = person.date_of_birth ? FormatDate(*person.date_of_birth) : "\x01";
    std::string first_like = first.empty() ? "\x01" : first + "%";
    std::string last_like = last.empty() ? "\x01" : "% " + last;
    std::string first_alias = first_like, last_alias = last_like;
    // People sharing a date of birth, a first or last name word, or such a word of another name.
    std::map<std::string, Held> held;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT p.id, p.name, p.date_of_birth, p.age_from, p.age_to, p.sex, "
                        "p.name_key, p.ethnicity, p.description, p.status FROM people_of_concern p "
                        "WHERE p.date_of_birth = :dob OR p.name_key LIKE :first OR p.name_key "
                        "LIKE :last OR p.id IN (SELECT person_id FROM person_aliases WHERE "
                        "alias_key LIKE :first_alias OR alias_key LIKE :last_alias) ORDER BY p.id "
                        "LIMIT "
                     << kMostRead,
         soci::use(dob, "dob"), soci::use(first_like, "first"), soci::use(last_like, "last"),
         soci::use(first_alias, "first_alias"), soci::use(last_alias, "last_alias"));
    for (const auto& row : rows) {
      in::Person p;
      p.id = GetText(row, 0);
      p.name = GetText(row, 1);
      p.date_of_birth = GetOptionalDate(row, 2);
      if (!IsNull(row, 3)) p.age_from = int(GetInt(row, 3));
      if (!IsNull(row, 4)) p.age_to = int(GetInt(row, 4));
      Held h{p.id, in::PersonLabel(p), {RecordOf(p.id, p.name, p.date_of_birth, GetText(row, 5))}};
      held.emplace(p.id, std::move(h));
    }
    for (auto& [id, h] : held) {
      std::string pid = id;
      soci::rowset<soci::row> aliases =
          (sql.prepare << "SELECT alias FROM person_aliases WHERE person_id = :p ORDER BY alias",
           soci::use(pid));
      matching::MatchRecord main = h.names.front();
      for (const auto& a : aliases) {
        h.names.push_back(RecordOf(id, GetText(a, 0), main.date_of_birth, main.sex));
      }
    }
    std::vector<matching::MatchRecord> mine = {
        RecordOf("", person.name, person.date_of_birth, person.sex)};
    for (const auto& alias : person.aliases) {
      mine.push_back(RecordOf("", alias, person.date_of_birth, person.sex));
    }
    // Each held person's best score over every pair of their names and the new person's.
    matching::Model model = matching::StartingModel();
    struct Scored {
      const Held* held;
      matching::Explanation best;
    };
    std::vector<Scored> scored;
    for (const auto& [id, h] : held) {
      std::optional<matching::Explanation> best;
      for (const auto& m : mine) {
        for (const auto& found :
             matching::LikelyMatches(model, *variants_, m, h.names, matching::kLikelyMatch)) {
          if (!best || found.explanation.weight > best->weight) best = found.explanation;
        }
      }
      if (best) scored.push_back({&h, std::move(*best)});
    }
    std::stable_sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
      return a.best.weight > b.best.weight;
    });
    std::vector<in::Candidate> out = std::move(*exact);
    for (const auto& s : scored) {
      if (std::any_of(out.begin(), out.end(),
                      [&](const in::Candidate& c) { return c.id == s.held->id; })) {
        continue;
      }
      std::string why;
      for (const auto& reason : matching::ReasonsFor(s.best, 3)) {
        why += (why.empty() ? "" : ", ") + reason;
      }
      out.push_back({in::RecordType::kPerson, s.held->id, s.held->label,
                     "likely (" + Percent(s.best.probability) + "): " + why});
    }
    return out;
  });
}

}  // namespace harbour::storage
