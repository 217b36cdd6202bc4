#include "storage/tool_library.h"

#include <spdlog/spdlog.h>

namespace harbour::storage {

namespace {

constexpr std::string_view kActiveToolSetting = "active_tool";

}  // namespace

ToolLibrary::ToolLibrary(Database& db, const reference::Catalogue& catalogue)
    : db_(db), catalogue_(catalogue), repository_(db), audit_(db) {}

Result<RegisterOutcome> ToolLibrary::Register(std::string_view text, std::string_view registered_by,
                                              audit::Entry audit, Instant now) {
  auto parsed = assessments::ParseTool(text, catalogue_);
  if (!parsed) return std::unexpected(assessments::ToError(parsed.error()));
  auto same = repository_.FindToolVersion(parsed->id, parsed->version);
  if (!same) return std::unexpected(same.error());
  auto latest = repository_.LatestToolVersion(parsed->id);
  if (!latest) return std::unexpected(latest.error());
  std::optional<std::string> fingerprint;
  if (*same) fingerprint = (*same)->fingerprint;
  std::optional<int> latest_version;
  if (*latest) latest_version = (*latest)->version;
  auto registration = assessments::CheckRegistration(*parsed, fingerprint, latest_version);
  if (!registration) return std::unexpected(registration.error());
  auto tool = std::make_shared<const assessments::ToolDefinition>(std::move(*parsed));
  if (*registration == assessments::Registration::kAlreadyRegistered) {
    return RegisterOutcome{tool, *registration};
  }
  ToolVersionRecord record{tool->id,
                           tool->version,
                           tool->name,
                           std::string(assessments::ToCode(tool->scheme)),
                           tool->fingerprint,
                           std::string(text),
                           std::string(registered_by),
                           now};
  audit.record_type = "risk_tool";
  audit.record_id = tool->id;
  audit.detail = "registered version " + std::to_string(tool->version) + " (" +
                 tool->fingerprint.substr(0, 16) + ")";
  auto saved = Guard("registering a risk tool", [&]() -> Result<void> {
    Transaction tx(db_);
    repository_.InsertToolVersionIn(tx, record);
    audit_.AppendIn(tx, std::move(audit));
    tx.Commit();
    return {};
  });
  if (!saved) return std::unexpected(saved.error());
  return RegisterOutcome{tool, *registration};
}

Result<ToolPtr> ToolLibrary::Parse(const ToolVersionRecord& record) {
  auto parsed =
      assessments::ParseTool(record.definition, catalogue_, assessments::ParseMode::kRegistered);
  if (!parsed) {
    spdlog::error("registered tool {} version {} no longer parses:\n{}", record.tool_id,
                  record.version, assessments::FormatProblems(parsed.error()));
    return Fail(ErrorKind::kInternal, "tool_unreadable",
                "The risk tool " + record.tool_id + " version " + std::to_string(record.version) +
                    " cannot be read.");
  }
  return std::make_shared<const assessments::ToolDefinition>(std::move(*parsed));
}

Result<ToolPtr> ToolLibrary::Load(std::string_view tool_id, int version) {
  {
    std::lock_guard lock(mutex_);
    auto it = cache_.find({std::string(tool_id), version});
    if (it != cache_.end()) return it->second;
  }
  auto record = repository_.FindToolVersion(tool_id, version);
  if (!record) return std::unexpected(record.error());
  if (!*record) {
    return NotFound("There is no risk tool " + std::string(tool_id) + " version " +
                    std::to_string(version) + ".");
  }
  auto tool = Parse(**record);
  if (!tool) return tool;
  std::lock_guard lock(mutex_);
  cache_[{std::string(tool_id), version}] = *tool;
  return tool;
}

Result<ToolPtr> ToolLibrary::Latest(std::string_view tool_id) {
  auto record = repository_.LatestToolVersion(tool_id);
  if (!record) return std::unexpected(record.error());
  if (!*record) return NotFound("There is no risk tool " + std::string(tool_id) + ".");
  return Load(tool_id, (*record)->version);
}

Result<std::string> ToolLibrary::ActiveId() {
  auto chosen = repository_.Setting(kActiveToolSetting);
  if (!chosen) return std::unexpected(chosen.error());
  return chosen->value_or(std::string(kDefaultTool));
}

Result<ToolPtr> ToolLibrary::Active() {
  auto id = ActiveId();
  if (!id) return std::unexpected(id.error());
  return Latest(*id);
}

Result<void> ToolLibrary::Activate(std::string_view tool_id, std::string_view by,
                                   audit::Entry audit, Instant now) {
  auto latest = repository_.LatestToolVersion(tool_id);
  if (!latest) return std::unexpected(latest.error());
  if (!*latest) {
    return Invalid({{"tool", "Choose a registered tool"}},
                   "There is no risk tool " + std::string(tool_id) + ".");
  }
  audit.record_type = "risk_tool";
  audit.record_id = std::string(tool_id);
  audit.detail = "made the active tool";
  return Guard("choosing the active tool", [&]() -> Result<void> {
    Transaction tx(db_);
    repository_.PutSettingIn(tx, kActiveToolSetting, tool_id, by, now);
    audit_.AppendIn(tx, std::move(audit));
    tx.Commit();
    return {};
  });
}

}  // namespace harbour::storage
