#include "web/core/view_helpers.h"

#include <gtest/gtest.h>

namespace harbour::web {
namespace {

TEST(AddChoiceFlagsTest, MarksTheSubmittedChoiceForATemplate) {
  FormData form;
  form.Add("sex", "female");
  form.Add("legal_status", "looked_after_s20");
  form.Add("given_name", "ada");
  mstch::map context;
  AddChoiceFlags(context, form, {"sex", "legal_status", "disability"});
  EXPECT_EQ(mstch::render("{{#sex_female}}F{{/sex_female}}{{#sex_male}}M{{/sex_male}}"
                          "{{#legal_status_looked_after_s20}}S20{{/legal_status_looked_after_s20}}",
                          context),
            "FS20");
  EXPECT_FALSE(context.contains("given_name_ada"));  // not a listed field
  EXPECT_EQ(context.size(), 2u);                     // nothing for an absent disability
}

TEST(AddChoiceFlagsTest, SkipsValuesThatAreNotCodes) {
  FormData form;
  form.Add("sex", "Female<script>");
  form.Add("disability", std::string(41, 'a'));
  form.Add("special_needs", "");
  mstch::map context;
  AddChoiceFlags(context, form, {"sex", "disability", "special_needs"});
  EXPECT_TRUE(context.empty());
}

TEST(AddChoiceFlagsTest, NeverOverwritesAnExistingKey) {
  FormData form;
  form.Add("sex", "error");
  mstch::map context{{"sex_error", std::string("Select the child's sex")}};
  AddChoiceFlags(context, form, {"sex"});
  EXPECT_EQ(mstch::render("{{sex_error}}", context), "Select the child&#39;s sex");
}

}  // namespace
}  // namespace harbour::web
