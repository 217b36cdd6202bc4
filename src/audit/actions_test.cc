#include "audit/actions.h"

#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "access/policy.h"

namespace harbour::audit {
namespace {

namespace fs = std::filesystem;

std::string ReadText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The top-level arguments of the call whose '(' is at `open`, respecting string and character
// literals and nested brackets.
std::vector<std::string> Arguments(const std::string& text, std::size_t open) {
  std::vector<std::string> args;
  std::string current;
  int depth = 0;
  for (std::size_t i = open + 1; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"' || c == '\'') {
      std::size_t j = i + 1;
      while (j < text.size() && text[j] != c) j += text[j] == '\\' ? 2 : 1;
      current.append(text, i, j - i + 1);
      i = j;
      continue;
    }
    if (c == '(' || c == '{' || c == '[') {
      ++depth;
    } else if (c == ')' || c == '}' || c == ']') {
      if (depth == 0) {
        args.push_back(current);
        return args;
      }
      --depth;
    } else if (c == ',' && depth == 0) {
      args.push_back(current);
      current.clear();
      continue;
    }
    current += c;
  }
  return args;
}

bool LooksLikeActionCode(const std::string& text) {
  static const std::regex code(R"(^[a-z][a-z_]*([.-][a-z_]+)+$)");
  return std::regex_match(text, code);
}

// Whole string literals in `arg` that look like action codes (a literal joined to something
// else with '+' is not a whole code).
void AddLiteralCodes(const std::string& arg, std::set<std::string>& out) {
  static const std::regex literal(R"re("((?:[^"\\]|\\.)*)")re");
  for (std::sregex_iterator it(arg.begin(), arg.end(), literal), end; it != end; ++it) {
    const auto before = arg.find_last_not_of(" \n\t", it->position() == 0 ? 0 : it->position() - 1);
    const auto after = arg.find_first_not_of(" \n\t", it->position() + it->length());
    const bool joined = (it->position() > 0 && before != std::string::npos && arg[before] == '+') ||
                        (after != std::string::npos && arg[after] == '+');
    if (!joined && LooksLikeActionCode((*it)[1])) out.insert((*it)[1]);
  }
}

// Every action code the source writes: the literal action argument of each audit entry made
// (AuditEntry / Auditor::Entry: the third argument; the CLI's CliEntry and the demo loader's
// SystemEntry: the first), every `.action = "..."`, and the access policy's codes
// (access::kActionCodes), under which refusals are recorded.
std::set<std::string> CodesInTheSource() {
  const fs::path src = fs::path(HARBOUR_TEST_SOURCE_DIR) / "src";
  std::set<std::string> codes;
  static const std::regex call(R"((\.Entry|\bAuditEntry|\bCliEntry|\bSystemEntry)\()");
  static const std::regex assignment(R"re(\.action = "([^"]+)")re");
  for (const auto& file : fs::recursive_directory_iterator(src)) {
    const std::string name = file.path().filename().string();
    if (!file.is_regular_file() || name.ends_with("_test.cc") || name == "storage_fixture.h" ||
        name == "test_support.h" || !(name.ends_with(".cc") || name.ends_with(".h"))) {
      continue;
    }
    const std::string text = ReadText(file.path());
    for (std::sregex_iterator it(text.begin(), text.end(), call), end; it != end; ++it) {
      const std::string callee = (*it)[1];
      const std::size_t index = callee == "CliEntry" || callee == "SystemEntry" ? 0 : 2;
      auto args = Arguments(text, it->position() + it->length() - 1);
      if (args.size() > index) AddLiteralCodes(args[index], codes);
    }
    for (std::sregex_iterator it(text.begin(), text.end(), assignment), end; it != end; ++it) {
      if (LooksLikeActionCode((*it)[1])) codes.insert((*it)[1]);
    }
  }
  for (const auto& entry : access::kActionCodes) codes.insert(std::string(entry.code));
  return codes;
}

TEST(ActionWords, EveryActionCodeHarbourWritesHasWords) {
  const std::set<std::string> codes = CodesInTheSource();
  // The scan itself works: it finds codes from the web areas, the CLI, the demo loader and the
  // access policy.
  for (const char* known : {"concern.create", "assessment.submit", "referral.create",
                            "panel.decide", "panel.correct", "sign-in", "database.migrate",
                            "demo-data.load", "flag.manage", "audit.view", "audit.export"}) {
    EXPECT_TRUE(codes.contains(known)) << known << " was not found in the source";
  }
  EXPECT_GT(codes.size(), 90u);
  for (const std::string& code : codes) {
    EXPECT_FALSE(WordsFor(code).empty()) << code << " has no words in audit/actions.cc";
  }
}

TEST(ActionWords, ListsOnlyCodesHarbourWrites) {
  // The auditor's filter offers nothing that never happens.
  const std::set<std::string> codes = CodesInTheSource();
  for (const ActionWords& a : Actions()) {
    EXPECT_TRUE(codes.contains(std::string(a.code))) << a.code << " is not written anywhere";
  }
}

TEST(ActionWords, EachCodeOnceWithSentenceCaseWordsAndAnArea) {
  std::set<std::string_view> seen;
  for (const ActionWords& a : Actions()) {
    EXPECT_TRUE(seen.insert(a.code).second) << a.code << " is listed twice";
    ASSERT_FALSE(a.words.empty()) << a.code;
    EXPECT_TRUE(std::isupper(static_cast<unsigned char>(a.words.front()))) << a.code;
    EXPECT_NE(a.words.back(), '.') << a.code;
    EXPECT_FALSE(a.area.empty()) << a.code;
  }
}

TEST(ActionWords, WordsForKnownAndUnknownCodes) {
  EXPECT_EQ(WordsFor("concern.create"), "Logged a concern");
  EXPECT_EQ(WordsFor("assessment.submit"), "Submitted a risk assessment");
  EXPECT_EQ(WordsFor("panel.decide"), "Recorded the panel's decision");
  EXPECT_EQ(WordsFor("audit.export"), "Exported the audit trail");
  EXPECT_EQ(WordsFor("no.such.action"), "");
  EXPECT_EQ(WordsFor(""), "");
  EXPECT_EQ(WordsFor("Concern.create"), "") << "codes match exactly";
}

}  // namespace
}  // namespace harbour::audit
