#pragma once
// The partnership's risk tools: registering new versions (from the CLI, the administrator's
// page or the shipped files), choosing the active tool, and loading any registered version for
// scoring. Loaded definitions are parsed once and cached; thread-safe.
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "assessments/assessment.h"
#include "audit/chain.h"
#include "reference/catalogue.h"
#include "storage/assessments_repository.h"
#include "storage/audit_repository.h"

namespace harbour::storage {

using ToolPtr = std::shared_ptr<const assessments::ToolDefinition>;

struct RegisterOutcome {
  ToolPtr tool;
  assessments::Registration registration = assessments::Registration::kNewVersion;
};

// The tool used when an administrator has not chosen one.
inline constexpr std::string_view kDefaultTool = "harbour-screening";

class ToolLibrary {
 public:
  ToolLibrary(Database& db, const reference::Catalogue& catalogue);

  // Parses `text` as a new version and stores it with `audit` (whose record id and detail are
  // filled in here) in one transaction. kInvalid carries every problem of the file (see
  // assessments::ToError); kConflict a version clash. Registering the same content again is not
  // an error (kAlreadyRegistered, nothing stored or audited).
  Result<RegisterOutcome> Register(std::string_view text, std::string_view registered_by,
                                   audit::Entry audit, Instant now);
  // A registered version, parsed (cached).
  Result<ToolPtr> Load(std::string_view tool_id, int version);
  Result<ToolPtr> Latest(std::string_view tool_id);
  // The active tool's latest version: the administrator's choice, else kDefaultTool.
  Result<ToolPtr> Active();
  Result<std::string> ActiveId();
  // Makes `tool_id` (which must be registered) the active tool, audited in the same transaction.
  Result<void> Activate(std::string_view tool_id, std::string_view by, audit::Entry audit,
                        Instant now);
  Result<std::vector<ToolVersionRecord>> Versions() { return repository_.ToolVersions(); }

 private:
  Result<ToolPtr> Parse(const ToolVersionRecord& record);

  Database& db_;
  const reference::Catalogue& catalogue_;
  AssessmentsRepository repository_;
  AuditRepository audit_;
  std::mutex mutex_;
  std::map<std::pair<std::string, int>, ToolPtr> cache_;
};

}  // namespace harbour::storage
