// Risk-tool definitions (config/tools/*.toml) on arbitrary text: a parse either lists at least
// one problem, each with a field and a message, or yields a tool that the engine can score
// without failing, whose levels, bands and rules refer only to things the tool defines.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "assessments/engine.h"
#include "assessments/tool.h"
#include "fuzz_catalogue.h"
#include "fuzz_check.h"

namespace {

using harbour::fuzz::FuzzCatalogue;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace harbour::assessments;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto tool = ParseTool(input, FuzzCatalogue());
  if (!tool) {
    FUZZ_CHECK(!tool.error().empty());
    for (const ToolProblem& problem : tool.error()) {
      FUZZ_CHECK(!problem.field.empty() && !problem.message.empty());
    }
    return 0;
  }
  FUZZ_CHECK(!tool->id.empty() && tool->version >= 1 && tool->levels.size() >= 2);
  FUZZ_CHECK(tool->fingerprint.size() == 64);
  std::vector<Answer> answers;
  for (const Section& section : tool->sections) {
    for (const ToolIndicator& indicator : section.indicators) {
      const auto* known = FuzzCatalogue().FindIndicator(indicator.code);
      FUZZ_CHECK(known != nullptr && !known->retired);
      Answer answer;
      answer.indicator = indicator.code;
      answer.recency = Recency::kBoth;
      answers.push_back(answer);
    }
  }
  for (const Band& band : tool->bands) FUZZ_CHECK(tool->LevelIndex(band.level) >= 0);
  harbour::WorkingCalendar calendar({});
  harbour::Instant now{std::chrono::seconds{1772618400}};
  ChildFacts child{12, harbour::children::Disability::kYes};
  auto none = Score(*tool, {}, child, now, calendar);
  auto all = Score(*tool, answers, child, now, calendar);
  FUZZ_CHECK(none.has_value() && all.has_value());
  FUZZ_CHECK(tool->LevelIndex(none->level) >= 0);
  FUZZ_CHECK(tool->LevelIndex(all->level) >= tool->LevelIndex(none->level));
  FUZZ_CHECK(all->score >= none->score);
  return 0;
}
