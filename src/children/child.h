#pragma once
// The child record (issue 2): who the child is, where they live and learn, their legal
// status and the agencies around them. Pure domain; persistence is storage/'s job.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chronology/chronology.h"
#include "common/codes.h"
#include "common/error.h"
#include "common/time.h"
#include "reference/catalogue.h"

namespace harbour::children {

enum class Sex { kFemale, kMale, kNotKnown };
enum class LegalStatus {
  kNone,
  kLookedAfterS20,
  kLookedAfterS31,
  kLookedAfterS38,
  kChildInNeed,
  kChildProtectionPlan,
  kCareLeaver,
};
enum class Disability { kNo, kYes, kNotKnown };
enum class SpecialNeeds { kNone, kSenSupport, kEhcPlan, kNotKnown };

// Codes are the snake_case wire names used in forms, the API and the database.
inline constexpr auto kSexCodes = MakeCodeTable<Sex>({
    {Sex::kFemale, "female", "Female"},
    {Sex::kMale, "male", "Male"},
    {Sex::kNotKnown, "not_known", "Not known"},
});
static_assert(IsCompleteCodeTable<kSexCodes>());
inline constexpr auto kLegalStatusCodes = MakeCodeTable<LegalStatus>({
    {LegalStatus::kNone, "none", "None"},
    {LegalStatus::kLookedAfterS20, "looked_after_s20", "Looked after (section 20)"},
    {LegalStatus::kLookedAfterS31, "looked_after_s31", "Looked after (section 31, care order)"},
    {LegalStatus::kLookedAfterS38, "looked_after_s38",
     "Looked after (section 38, interim care order)"},
    {LegalStatus::kChildInNeed, "child_in_need", "Child in need"},
    {LegalStatus::kChildProtectionPlan, "child_protection_plan", "Child protection plan"},
    {LegalStatus::kCareLeaver, "care_leaver", "Care leaver"},
});
static_assert(IsCompleteCodeTable<kLegalStatusCodes>());
inline constexpr auto kDisabilityCodes = MakeCodeTable<Disability>({
    {Disability::kNo, "no", "No"},
    {Disability::kYes, "yes", "Yes"},
    {Disability::kNotKnown, "not_known", "Not known"},
});
static_assert(IsCompleteCodeTable<kDisabilityCodes>());
inline constexpr auto kSpecialNeedsCodes = MakeCodeTable<SpecialNeeds>({
    {SpecialNeeds::kNone, "none", "None"},
    {SpecialNeeds::kSenSupport, "sen_support", "SEN support"},
    {SpecialNeeds::kEhcPlan, "ehc_plan", "Education, health and care plan"},
    {SpecialNeeds::kNotKnown, "not_known", "Not known"},
});
static_assert(IsCompleteCodeTable<kSpecialNeedsCodes>());

constexpr std::string_view ToCode(Sex v) { return kSexCodes.Code(v); }
constexpr std::string_view ToCode(LegalStatus v) { return kLegalStatusCodes.Code(v); }
constexpr std::string_view ToCode(Disability v) { return kDisabilityCodes.Code(v); }
constexpr std::string_view ToCode(SpecialNeeds v) { return kSpecialNeedsCodes.Code(v); }
constexpr std::optional<Sex> SexFromCode(std::string_view code) { return kSexCodes.FromCode(code); }
constexpr std::optional<LegalStatus> LegalStatusFromCode(std::string_view code) {
  return kLegalStatusCodes.FromCode(code);
}
constexpr std::optional<Disability> DisabilityFromCode(std::string_view code) {
  return kDisabilityCodes.FromCode(code);
}
constexpr std::optional<SpecialNeeds> SpecialNeedsFromCode(std::string_view code) {
  return kSpecialNeedsCodes.FromCode(code);
}
constexpr std::string_view Label(LegalStatus v) { return kLegalStatusCodes.LabelOf(v); }
constexpr std::string_view Label(Sex v) { return kSexCodes.LabelOf(v); }
constexpr std::string_view Label(Disability v) { return kDisabilityCodes.LabelOf(v); }
constexpr std::string_view Label(SpecialNeeds v) { return kSpecialNeedsCodes.LabelOf(v); }
bool IsLookedAfter(LegalStatus v);

struct Child {
  std::string id;
  std::string given_name;
  std::string family_name;
  std::vector<std::string> aliases;
  std::optional<Date> date_of_birth;  // exactly one of date_of_birth / estimated_age is set
  std::optional<int> estimated_age;   // whole years, 0..25, when the date is not known
  Sex sex = Sex::kNotKnown;
  std::string gender;          // as the child describes it; free text, optional
  std::string ethnicity;       // ONS 2021 code from the catalogue, "not_known" by default
  std::string first_language;  // free text
  Disability disability = Disability::kNotKnown;
  SpecialNeeds special_needs = SpecialNeeds::kNotKnown;
  std::string address;
  std::string postcode;    // canonical, or empty
  std::string school;      // school or setting
  std::string nhs_number;  // 10 digits, or empty
  std::string upn;         // 13 characters, or empty
  std::string social_care_id;
  LegalStatus legal_status = LegalStatus::kNone;
  std::string placing_authority;
  std::string allocated_worker;
  std::string created_by_agency;  // agency id
  Instant created_at{};
  Instant updated_at{};
  // The record this one was merged into (issue 13), or empty: a merged record is kept so that a
  // merge can be undone, and its page points to the survivor.
  std::string merged_into;
  // Room for warning flags (a later issue) lives in their own table keyed by child id.
};

// Raw text of a child form or API body, exactly as submitted, so that a form with errors
// can be shown again with everything the user typed.
struct ChildInput {
  std::string given_name, family_name, aliases;  // aliases: one per line
  std::string date_of_birth;                     // "YYYY-MM-DD" or empty
  std::string estimated_age;
  std::string sex, gender, ethnicity, first_language, disability, special_needs;
  std::string address, postcode, school, nhs_number, upn, social_care_id;
  std::string legal_status, placing_authority, allocated_worker;
  // "yes" when the user has seen the likely matches the check before adding found and confirms
  // this is a different child (issue 13); not a field of the record.
  std::string confirmed_different;
};

// Validates and normalises. On failure kInvalid with one message per bad field, keyed by the
// ChildInput member name (snake_case). `today` bounds the date of birth (not in the future,
// not more than 25 years ago). Does not set id, created_* or updated_at.
Result<Child> ValidateChild(const ChildInput& input, const reference::Catalogue& catalogue,
                            Date today);

// Display name "Given Family", and the age text ("14", or "about 14").
std::string DisplayName(const Child& child);
std::string AgeText(const Child& child, Date today);

// The record's creation in the child's chronology, credited to `by` (who created it, for
// which agency).
chronology::Entry RecordCreatedEntry(const Child& child, chronology::Attribution by);

}  // namespace harbour::children
