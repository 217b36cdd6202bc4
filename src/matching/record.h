#pragma once
// One person as the matcher reads them (issue 13; docs/matching.md): a child's record, a person
// of concern, or a row of a partner's batch file. Pure.
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/time.h"
#include "matching/names.h"

namespace harbour::matching {

// A record as recorded, before it is prepared for comparison. Every field but `id` may be empty.
struct MatchRecord {
  std::string id;      // the record's own id: a child's id, or a batch row's record_id
  std::string agency;  // who recorded it (shown to reviewers; not compared)
  std::string given_name, family_name;
  std::optional<Date> date_of_birth;
  std::string sex;       // "female", "male", or "" when not known
  std::string postcode;  // as recorded, any case and spacing
  std::string phone;     // as recorded, any form libphonenumber reads
};

// A postcode in its parts: "HB4 7QT" is outward "HB4", sector "HB4 7", unit "HB4 7QT". Empty
// parts when the text is not a postcode.
struct PostcodeParts {
  std::string unit, sector, outward;
};
PostcodeParts SplitPostcode(std::string_view text);

// What the comparisons read of a record, worked out once.
struct PreparedRecord {
  FoldedWords given, family;  // names folded (names.h)
  std::string given_group;    // the first given word's variant group key, or the word itself
  std::string given_sound;    // Soundex of the first given word
  std::optional<Date> date_of_birth;
  std::string sex;
  PostcodeParts postcode;
  std::string phone;  // E.164, or "" when none or unreadable
};

PreparedRecord Prepare(const MatchRecord& record, const NameVariants& variants);

// Prepares many records, working out each distinct name and phone once: names repeat, and folding
// through ICU and reading a number through libphonenumber are most of a record's cost (at a
// million records, 40 s of the run before). The same result as Prepare. Not thread-safe: one per
// thread.
class Preparer {
 public:
  explicit Preparer(const NameVariants& variants) : variants_(variants) {}
  PreparedRecord operator()(const MatchRecord& record);

 private:
  struct GivenKeys {
    std::string group, sound;
  };
  const FoldedWords& Folded(const std::string& name);
  const std::string& E164(const std::string& phone);

  const NameVariants& variants_;
  std::unordered_map<std::string, FoldedWords> names_;
  std::unordered_map<std::string, GivenKeys> given_keys_;  // by the first folded given word
  std::unordered_map<std::string, std::string> phones_;
};

}  // namespace harbour::matching
