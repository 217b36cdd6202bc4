#include "web/core/audit.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace harbour::web {
namespace {

audit::Entry Sample() {
  audit::Entry e;
  e.action = "panel.view";
  e.record_type = "panel_meeting";
  e.record_id = "m-1";
  e.request_id = "req-1";
  return e;
}

std::vector<std::string> ChildrenOf(const std::vector<audit::Entry>& entries) {
  std::vector<std::string> out;
  out.reserve(entries.size());
  for (const auto& e : entries) out.push_back(e.child_id);
  return out;
}

// Regression (the audit trail missed actions about a child): an entry on a record about a
// child names that child.
TEST(AboutChildTest, NamesTheChildAndKeepsEverythingElse) {
  audit::Entry e = AboutChild(Sample(), "c-1");
  EXPECT_EQ(e.child_id, "c-1");
  EXPECT_EQ(e.action, "panel.view");
  EXPECT_EQ(e.record_id, "m-1");
}

TEST(AboutChildTest, AnEmptyIdLeavesTheEntryAsItIs) {
  audit::Entry named = Sample();
  named.child_id = "c-9";  // from the request's authorised child
  EXPECT_EQ(AboutChild(named, "").child_id, "c-9");
  EXPECT_EQ(AboutChild(Sample(), "").child_id, "");
}

TEST(PerChildTest, OneCopyPerChildInOrderSkippingEmptyAndRepeatedIds) {
  auto entries = PerChild(Sample(), {"c-2", "", "c-1", "c-2"});
  EXPECT_EQ(ChildrenOf(entries), (std::vector<std::string>{"c-2", "c-1"}));
  for (const auto& e : entries) {
    EXPECT_EQ(e.request_id, "req-1");
    EXPECT_EQ(e.record_id, "m-1");
  }
}

TEST(PerChildTest, TheEntryAloneWhenNoChildIsLeft) {
  EXPECT_EQ(ChildrenOf(PerChild(Sample(), {})), (std::vector<std::string>{""}));
  EXPECT_EQ(ChildrenOf(PerChild(Sample(), {"", ""})), (std::vector<std::string>{""}));
}

}  // namespace
}  // namespace harbour::web
