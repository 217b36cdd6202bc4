#pragma once
// The record lookup before a record is created from intelligence (issue 13; docs/matching.md,
// "People of concern"): LikelyLookup offers every exact match ExactLookup finds and, for a
// person, every person of concern the matcher finds at least 0.5 likely (a nickname, a spelling,
// the names swapped, a date of birth with a typing error), each with the reasons. Vehicles,
// places, phones and accounts are matched exactly, as before.
#include <memory>

#include "matching/names.h"
#include "storage/records_repository.h"

namespace harbour::storage {

class LikelyLookup final : public intelligence::RecordLookup {
 public:
  LikelyLookup(Database& db, std::shared_ptr<const matching::NameVariants> variants)
      : db_(db), exact_(db), variants_(std::move(variants)) {}
  Result<std::vector<intelligence::Candidate>> People(const intelligence::Person& p) override;
  Result<std::vector<intelligence::Candidate>> Vehicles(const intelligence::Vehicle& v) override {
    return exact_.Vehicles(v);
  }
  Result<std::vector<intelligence::Candidate>> Places(const intelligence::Place& p) override {
    return exact_.Places(p);
  }
  Result<std::vector<intelligence::Candidate>> Phones(const intelligence::Phone& p) override {
    return exact_.Phones(p);
  }
  Result<std::vector<intelligence::Candidate>> Accounts(const intelligence::Account& a) override {
    return exact_.Accounts(a);
  }

 private:
  Database& db_;
  ExactLookup exact_;
  std::shared_ptr<const matching::NameVariants> variants_;
};

}  // namespace harbour::storage
