#pragma once
// The record lookup run before a record is created (issue 5, "Lookup"): which existing records
// a new one may be. Swappable: storage::ExactLookup matches exactly; storage::LikelyLookup (what
// the web layer uses, issue 13) adds the people the matcher finds likely.
#include <string>
#include <vector>

#include "common/error.h"
#include "intelligence/records.h"

namespace harbour::intelligence {

struct Candidate {
  RecordType type = RecordType::kPerson;
  std::string id;
  std::string label;       // the record's one-line label ("Dean Marsh (b. 1990)")
  std::string matched_on;  // what matched, for the person: "name and date of birth", ...
};

class RecordLookup {
 public:
  virtual ~RecordLookup() = default;
  // Name or an alias (name keys), and the date of birth when the new person has one.
  virtual Result<std::vector<Candidate>> People(const Person& person) = 0;
  // Registration (canonical, or the same typed text when unverified).
  virtual Result<std::vector<Candidate>> Vehicles(const Vehicle& vehicle) = 0;
  // Postcode and name key (name alone when the new place has no postcode).
  virtual Result<std::vector<Candidate>> Places(const Place& place) = 0;
  // Number (E.164, or the same typed digits when unverified).
  virtual Result<std::vector<Candidate>> Phones(const Phone& phone) = 0;
  // Platform and handle key.
  virtual Result<std::vector<Candidate>> Accounts(const Account& account) = 0;
};

}  // namespace harbour::intelligence
