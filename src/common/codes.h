#pragma once
// One table of codes and labels per enumeration (issue 11 §2). Each enumeration's table sits
// beside it in its header, followed by `static_assert(IsCompleteCodeTable<kTable>())`; its
// ToCode, XFromCode and Label are one-liners over the table. Header-only and constexpr.
#include <array>
#include <cstddef>
#include <functional>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace harbour {

// One enumerator's code and, when its enumeration has them, its label. Codes are stored in
// databases and sent by forms and the API: never change one.
template <typename Enum>
struct CodeEntry {
  Enum value;
  std::string_view code;
  std::string_view label = {};  // what people read; empty when the enumeration has no labels
};

// The codes and labels of one scoped enumeration, in the order of its entries (built with
// MakeCodeTable). Lookups do not fail loudly: a value that is in no entry has the code and label
// `otherwise` (empty by default), and text that is no entry's code has no value. Codes are
// compared exactly: callers trim or fold text first when they accept it loosely. When two
// entries share a value or a code (IsCompleteCodeTable refuses such a table) the first wins.
// Immutable; safe to share between threads.
template <typename Enum, std::size_t N>
class CodeTable {
  static_assert(std::is_scoped_enum_v<Enum>, "a CodeTable maps the values of an enum class");
  static_assert(N > 0, "a CodeTable has at least one entry");

 public:
  using Value = Enum;
  using Entry = CodeEntry<Enum>;

  constexpr explicit CodeTable(const std::array<Entry, N>& entries) : entries_(entries) {}

  constexpr std::size_t Size() const { return N; }
  constexpr const Entry& operator[](std::size_t i) const { return entries_[i]; }
  constexpr const Entry* begin() const { return entries_.data(); }
  constexpr const Entry* end() const { return entries_.data() + N; }

  // Every value, in table order (the enumeration's declaration order, for a complete table).
  constexpr std::array<Enum, N> Values() const {
    std::array<Enum, N> out{};
    for (std::size_t i = 0; i < N; ++i) out[i] = entries_[i].value;
    return out;
  }

  constexpr std::string_view Code(Enum value, std::string_view otherwise = {}) const {
    const Entry* entry = Find(value);
    return entry == nullptr ? otherwise : entry->code;
  }

  constexpr std::string_view LabelOf(Enum value, std::string_view otherwise = {}) const {
    const Entry* entry = Find(value);
    return entry == nullptr ? otherwise : entry->label;
  }

  constexpr std::optional<Enum> FromCode(std::string_view code) const {
    const Entry* entry = FindCode(code);
    if (entry == nullptr) return std::nullopt;
    return entry->value;
  }

  // The values whose codes are the elements of `codes`, each passed through `proj` first: each
  // value once, in table order. nullopt when any element is no entry's code.
  template <typename Range, typename Proj = std::identity>
  constexpr std::optional<std::vector<Enum>> FromCodes(const Range& codes, Proj proj = {}) const {
    std::array<bool, N> chosen{};
    for (const auto& code : codes) {
      const Entry* entry = FindCode(std::invoke(proj, code));
      if (entry == nullptr) return std::nullopt;
      chosen[static_cast<std::size_t>(entry - begin())] = true;
    }
    std::vector<Enum> out;
    for (std::size_t i = 0; i < N; ++i) {
      if (chosen[i]) out.push_back(entries_[i].value);
    }
    return out;
  }

 private:
  static constexpr long long Number(Enum value) {
    return static_cast<long long>(std::to_underlying(value));
  }

  // In a complete table a value's entry sits at its distance from the first entry's value; any
  // other table is searched.
  constexpr const Entry* Find(Enum value) const {
    const long long at = Number(value) - Number(entries_[0].value);
    if (at >= 0 && at < static_cast<long long>(N)) {
      const Entry& entry = entries_[static_cast<std::size_t>(at)];
      if (entry.value == value) return &entry;
    }
    for (const Entry& entry : entries_) {
      if (entry.value == value) return &entry;
    }
    return nullptr;
  }

  constexpr const Entry* FindCode(std::string_view code) const {
    for (const Entry& entry : entries_) {
      if (entry.code == code) return &entry;
    }
    return nullptr;
  }

  std::array<Entry, N> entries_;
};

// The table of `entries`, in the order given, e.g.
//   MakeCodeTable<Sex>({{Sex::kFemale, "female", "Female"}, {Sex::kMale, "male", "Male"}})
template <typename Enum, std::size_t N>
consteval CodeTable<Enum, N> MakeCodeTable(const CodeEntry<Enum> (&entries)[N]) {
  return CodeTable<Enum, N>(std::to_array(entries));
}

namespace codes_internal {

// True when `kValue` is one of its enumeration's enumerators. GCC and Clang end
// __PRETTY_FUNCTION__ with the template argument: an enumerator by its name
// ("harbour::children::Sex::kMale]"), any other value as a cast ("(harbour::children::Sex)3]").
template <auto kValue>
consteval bool NamesEnumerator() {
  const std::string_view spelt = __PRETTY_FUNCTION__;
  std::size_t i = spelt.size() - 1;  // the closing ']'
  while (i > 0 && spelt[i - 1] >= '0' && spelt[i - 1] <= '9') --i;
  if (i > 0 && spelt[i - 1] == '-') --i;
  return !(i > 0 && spelt[i - 1] == ')');
}

enum class Probe { kOnly };
static_assert(NamesEnumerator<Probe::kOnly>() && !NamesEnumerator<static_cast<Probe>(1)>(),
              "this compiler spells __PRETTY_FUNCTION__ differently: IsCompleteCodeTable cannot "
              "tell whether a table holds every enumerator");

// Entries whose values run consecutively from the first entry's, with non-empty unique codes,
// and labels on every entry or on none.
template <typename Enum, std::size_t N>
constexpr bool IsWellFormed(const CodeTable<Enum, N>& table) {
  const auto number = [](Enum value) { return static_cast<long long>(std::to_underlying(value)); };
  std::size_t labelled = 0;
  for (std::size_t i = 0; i < N; ++i) {
    const auto& entry = table[i];
    if (number(entry.value) != number(table[0].value) + static_cast<long long>(i)) return false;
    if (entry.code.empty()) return false;
    for (std::size_t j = 0; j < i; ++j) {
      if (table[j].code == entry.code) return false;
    }
    if (!entry.label.empty()) ++labelled;
  }
  return labelled == 0 || labelled == N;
}

}  // namespace codes_internal

// True when `kTable` holds every enumerator of its enumeration exactly once, in declaration order:
// its values run consecutively from the first entry's (no enumerator is skipped in the middle),
// neither the value just before the first nor the one just after the last is an enumerator (none
// is left off either end: an enumerator added to the enumeration fails the check until the table
// has it), codes are non-empty and unique, and labels are on every entry or on none. For an
// enumeration whose enumerators' values are consecutive (no explicit gaps). Use it in a
// static_assert right after the table; `kTable` must have static storage duration.
template <const auto& kTable>
consteval bool IsCompleteCodeTable() {
  using Enum = typename std::remove_cvref_t<decltype(kTable)>::Value;
  constexpr long long kFirst = static_cast<long long>(std::to_underlying(kTable[0].value));
  constexpr long long kAfter = kFirst + static_cast<long long>(kTable.Size());
  return codes_internal::IsWellFormed(kTable) &&
         !codes_internal::NamesEnumerator<static_cast<Enum>(kFirst - 1)>() &&
         !codes_internal::NamesEnumerator<static_cast<Enum>(kAfter)>();
}

}  // namespace harbour
