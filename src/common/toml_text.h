#pragma once
// Checks to run on TOML text before toml11 3.7 parses it: toml11 reads past its buffer when it
// reports some invalid UTF-8 and recurses on nested brackets, so text from outside is checked
// first (found by tests/fuzz/bank_holidays_fuzz). Pure.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace harbour {

inline constexpr std::size_t kMaxTomlBytes = 1 << 20;
// Harbour's TOML files need a nesting depth of one or two.
inline constexpr int kMaxTomlNesting = 8;

struct TomlProblem {
  std::uint_least32_t line = 1;
  std::string what;  // "the file is not valid UTF-8", ...
};

// A problem that makes the text unsafe or pointless to hand to toml11, or nullopt.
std::optional<TomlProblem> CheckTomlText(std::string_view text);

// toml11 quotes the failing line in what() as " 4 | date = 2026-02-30" even when location()
// says line 1. Returns the first quoted line number, or `fallback`.
std::uint_least32_t LineInTomlMessage(std::string_view message, std::uint_least32_t fallback);

}  // namespace harbour
