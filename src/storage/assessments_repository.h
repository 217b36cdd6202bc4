#pragma once
// Persistence of risk-tool versions, the partnership's settings, assessments and the
// indicator sightings that pre-fill them. Tool versions are insert-only; a submitted assessment
// is never updated (the UPDATE statements only match drafts).
#include <optional>
#include <string>
#include <vector>

#include "assessments/assessment.h"
#include "common/error.h"
#include "storage/database.h"

namespace harbour::storage {

struct ToolVersionRecord {
  std::string tool_id;
  int version = 0;
  std::string name;
  std::string scheme;
  std::string fingerprint;
  std::string definition;  // the TOML text as registered
  std::string registered_by;
  Instant registered_at{};
};

// The latest submitted assessment of a child whose review date has come.
struct ReviewDue {
  std::string assessment_id;
  std::string child_id;
  std::string child_name;
  std::string tool_id;
  int tool_version = 0;
  std::string level;  // the judged level's code
  Date next_review;
  std::string assessed_by_name;
  std::string agency_name;
};

class AssessmentsRepository {
 public:
  explicit AssessmentsRepository(Database& db) : db_(db) {}

  // --- tools and settings ---
  Result<std::vector<ToolVersionRecord>> ToolVersions();  // by tool id, then version
  Result<std::optional<ToolVersionRecord>> FindToolVersion(std::string_view tool_id, int version);
  Result<std::optional<ToolVersionRecord>> LatestToolVersion(std::string_view tool_id);
  void InsertToolVersionIn(Transaction& tx, const ToolVersionRecord& record);
  Result<std::optional<std::string>> Setting(std::string_view name);
  void PutSettingIn(Transaction& tx, std::string_view name, std::string_view value,
                    std::string_view by, Instant at);

  // --- assessments ---
  void InsertIn(Transaction& tx, const assessments::Assessment& assessment,
                const std::vector<std::string>& cleared,
                const std::vector<assessments::Sighting>& evidence);
  // Replaces a draft's answers, judgement and status; false when no draft has that id (already
  // submitted, or absent).
  bool UpdateDraftIn(Transaction& tx, const assessments::Assessment& assessment,
                     const std::vector<std::string>& cleared,
                     const std::vector<assessments::Sighting>& evidence);

  struct Stored {
    assessments::Assessment assessment;
    std::vector<std::string> cleared;  // pre-filled answers the practitioner cleared
    std::vector<assessments::Sighting> evidence;
  };
  Result<std::optional<Stored>> Find(std::string_view id);
  // Every assessment of the child, drafts included, newest first.
  Result<std::vector<assessments::Assessment>> ForChild(std::string_view child_id);
  // Latest submitted assessment per child with next_review <= `by`, soonest first.
  Result<std::vector<ReviewDue>> ReviewsDueBy(Date by, int limit);

  // Indicators seen about the child in concerns observed at or after `since`.
  Result<std::vector<assessments::Sighting>> Sightings(std::string_view child_id, Instant since);

 private:
  Database& db_;
};

}  // namespace harbour::storage
