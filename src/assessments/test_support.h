#pragma once
// For tests only (included by *_test.cc): the checkout's real reference files and shipped tools.
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "assessments/engine.h"
#include "assessments/tool.h"
#include "common/time.h"
#include "reference/catalogue.h"

namespace harbour::assessments::testing {

// A file of the source tree, by its path relative to the checkout.
inline std::string ReadSource(const std::string& relative) {
  std::ifstream in(std::string(HARBOUR_TEST_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// config/reference/indicators.toml as a catalogue (no ethnicities or agency types).
inline const reference::Catalogue& RealCatalogue() {
  static const reference::Catalogue catalogue = [] {
    auto indicators =
        reference::Catalogue::ParseIndicators(ReadSource("config/reference/indicators.toml"));
    if (!indicators) throw std::runtime_error(indicators.error().message);
    return reference::Catalogue(std::move(*indicators), {}, {});
  }();
  return catalogue;
}

inline ToolDefinition ParseOrDie(const std::string& text) {
  auto tool = ParseTool(text, RealCatalogue());
  if (!tool) throw std::runtime_error(FormatProblems(tool.error()));
  return *tool;
}

inline Date D(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

// An answer saying the indicator is present, with no dates (current).
inline Answer Present(std::string code) {
  Answer answer;
  answer.indicator = std::move(code);
  return answer;
}

}  // namespace harbour::assessments::testing
