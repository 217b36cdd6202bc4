#pragma once
// The audit trail's action codes in words, for the auditor (DESIGN.md §2): "concern.create" is
// "Logged a concern". One table for every code Harbour writes, the access policy's codes
// (access::ToCode, under which refusals are recorded) included; actions_test.cc reads the
// source for codes written without words. Pure and immutable.
#include <span>
#include <string_view>

namespace harbour::audit {

struct ActionWords {
  std::string_view code;   // as written to audit_log.action
  std::string_view words;  // past tense, sentence case: "Logged a concern"
  std::string_view area;   // the part of Harbour, for grouping: "Concerns and chronology"
};

// Every action code, grouped by area in the order the auditor's filter lists them.
std::span<const ActionWords> Actions();

// The words for `code`; empty when Harbour writes no such code (an unknown code is shown as
// it is).
std::string_view WordsFor(std::string_view code);

}  // namespace harbour::audit
