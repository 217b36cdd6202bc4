#pragma once
// For tests only (included by *_test.cc): checks that an enumeration's own functions answer from
// its CodeTable (common/codes.h).
#include <gtest/gtest.h>

#include <cstddef>
#include <optional>
#include <string_view>

#include "common/codes.h"

namespace harbour::codes_testing {

// For every value of `table`: ToCode(value) (found by argument-dependent lookup in the
// enumeration's namespace) is the table's code and `from_code` gives the value back; Label(value),
// when the namespace has one for the enumeration, is the table's label and is not empty.
template <typename Enum, std::size_t N, typename FromCode>
void ExpectAnswersFromTable(const CodeTable<Enum, N>& table, FromCode from_code) {
  for (const auto& entry : table) {
    const std::string_view code = ToCode(entry.value);
    EXPECT_EQ(code, entry.code);
    EXPECT_EQ(from_code(code), std::optional<Enum>(entry.value)) << code;
    if constexpr (requires { Label(entry.value); }) {
      EXPECT_EQ(Label(entry.value), entry.label) << code;
      EXPECT_FALSE(Label(entry.value).empty()) << code;
    }
  }
}

// The same, for an enumeration with no XFromCode of its own: the table reads its codes back.
template <typename Enum, std::size_t N>
void ExpectAnswersFromTable(const CodeTable<Enum, N>& table) {
  ExpectAnswersFromTable(table, [&](std::string_view code) { return table.FromCode(code); });
}

}  // namespace harbour::codes_testing
