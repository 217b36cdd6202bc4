#pragma once
// Risk-assessment tool definitions (issue 3): config/tools/*.toml, format in docs/risk-tools.md.
// A tool is data: sections of questions about catalogue indicators, a scoring scheme, levels
// with required actions and review intervals, bands, rules and floors. Pure; a parsed
// ToolDefinition is immutable and safe to share between threads.
#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/codes.h"
#include "common/error.h"
#include "reference/catalogue.h"

namespace harbour::assessments {

// DOMAIN.md §3: points with recency (SERAF-like), categories with rules (Pan-London-like) and
// indicator-level RAG (Croydon/Wiltshire-like).
enum class Scheme { kPoints, kCategories, kRag };
inline constexpr auto kSchemeCodes = MakeCodeTable<Scheme>({
    {Scheme::kPoints, "points"},
    {Scheme::kCategories, "categories"},
    {Scheme::kRag, "rag"},
});
static_assert(IsCompleteCodeTable<kSchemeCodes>());
constexpr std::string_view ToCode(Scheme scheme) { return kSchemeCodes.Code(scheme); }
constexpr std::optional<Scheme> SchemeFromCode(std::string_view code) {
  return kSchemeCodes.FromCode(code);
}

// A required action at a level. Exactly one of due_hours / due_working_days is set.
struct Action {
  std::string text;  // "Refer to the exploitation panel"
  std::string who;   // a role code ("safeguarding-lead") or agency type ("police"); shown as is
  std::optional<int> due_hours;         // 1..720, from the moment of submission
  std::optional<int> due_working_days;  // 0..65, per DOMAIN.md §8 and the bank holidays
};

// An output level; ToolDefinition::levels is ordered lowest to highest.
struct Level {
  std::string code;    // snake_case, unique in the tool
  std::string label;   // "Significant risk"
  std::string colour;  // a GOV.UK tag colour: grey, green, turquoise, blue, light-blue, ...
  std::vector<Action> actions;
  int review_days = 90;  // next review this many calendar days after submission
};

struct Points {  // points scheme only; 0 <= current, past <= both
  int current = 0;
  int past = 0;
  int both = 0;
};

struct ToolIndicator {
  std::string code;      // a warning_sign or vulnerability code of the catalogue, not retired
  std::string question;  // the tool's own wording
  std::string guidance;  // the tool's guidance, or the catalogue's when the file has none
  Points points;         // points scheme
  std::string at_least;  // any scheme, optional: if present, the result is at least this level
  bool immediate_action = false;  // any scheme: if present, ToolDefinition::immediate applies
  std::string suggested;          // rag scheme: the indicator's suggested level code
};

struct Section {
  std::string code;
  std::string title;
  std::vector<ToolIndicator> indicators;
};

struct LookBack {  // an answer last seen `age` days before now is current if age <= current_days,
  int current_days = 90;  // past if current_days < age <= past_days, else outside the look-back
  int past_days = 365;
};

struct Band {  // points scheme: totals from `from` up to the next band's `from` map to `level`
  int from = 0;
  std::string level;
};

// "At least `count` of these indicators present → at least level X" (any scheme).
struct Rule {
  std::vector<std::string> any_of;
  int count = 1;
  std::string at_least;
  std::string description;
};

enum class Condition { kAgeUnder, kDisability, kLookedAfter, kChildProtectionPlan, kSenOrEhcp };
inline constexpr auto kConditionCodes = MakeCodeTable<Condition>({
    {Condition::kAgeUnder, "age_under"},
    {Condition::kDisability, "disability"},
    {Condition::kLookedAfter, "looked_after"},
    {Condition::kChildProtectionPlan, "child_protection_plan"},
    {Condition::kSenOrEhcp, "sen_or_ehcp"},
});
static_assert(IsCompleteCodeTable<kConditionCodes>());
constexpr std::string_view ToCode(Condition condition) { return kConditionCodes.Code(condition); }

// A floor or raise from the child's record. Exactly one effect: at_least, raise or add_points
// (add_points only in a points tool, and added before bands are applied).
struct Floor {
  Condition condition = Condition::kAgeUnder;
  int age = 0;  // kAgeUnder: applies when the child's age in years is known and < age
  std::string at_least;
  int raise = 0;  // move up this many levels (capped at the highest)
  int add_points = 0;
  bool only_with_indicators = true;  // apply only when at least one indicator counts
  std::string description;
};

struct Immediate {       // what "immediate action" indicators trigger
  std::string at_least;  // may be empty: actions only
  std::vector<Action> actions;
};

struct ToolDefinition {
  std::string id;  // lower-case letters, digits and '-', e.g. "harbour-screening"
  std::string name;
  std::string description;
  int version = 1;  // declared in the file; a changed tool must declare a new version
  Scheme scheme = Scheme::kCategories;
  LookBack look_back;
  std::vector<Level> levels;  // lowest first, at least two
  std::vector<Section> sections;
  std::vector<Band> bands;  // points scheme only; from ascending, first from = 0
  std::vector<Rule> rules;
  std::vector<Floor> floors;
  Immediate immediate;
  // BLAKE2b-256 (hex) of the normalised definition: equal for files that differ only in
  // comments, layout or key order; storage refuses a known (id, version) with another one.
  std::string fingerprint;

  const Level* FindLevel(std::string_view code) const;
  int LevelIndex(std::string_view code) const;  // -1 if unknown
  const ToolIndicator* FindIndicator(std::string_view code) const;
};

// One problem in a tool file. `field` is a path such as "level[2].action[1].due_hours"
// (1-based indexes, in file order) or "toml" for a syntax error.
struct ToolProblem {
  std::uint32_t line = 0;
  std::string field;
  std::string message;
};

using ToolParseResult = std::expected<ToolDefinition, std::vector<ToolProblem>>;

// kNewVersion: a file offered as a new version; every indicator must be current in the catalogue.
// kRegistered: a version already stored; indicators retired since it was registered still load,
// so that an old assessment always renders and re-scores with the version it used.
enum class ParseMode { kNewVersion, kRegistered };

// Parses and validates a tool file against the catalogue. On failure returns EVERY problem found
// (sorted by line), except that a TOML syntax error stops parsing and is the only problem.
ToolParseResult ParseTool(std::string_view toml_text, const reference::Catalogue& catalogue,
                          ParseMode mode = ParseMode::kNewVersion);

// The problems as a kInvalid Error: one field per problem keyed "line N: field", and a message
// counting them, for callers that deal in Result.
Error ToError(const std::vector<ToolProblem>& problems);
// "Line 12, level[2].colour: ..." one per line, for `harbour tools validate`.
std::string FormatProblems(const std::vector<ToolProblem>& problems);

// The normalised text the fingerprint is computed from (exposed for tests and debugging).
std::string CanonicalText(const ToolDefinition& tool);

}  // namespace harbour::assessments
