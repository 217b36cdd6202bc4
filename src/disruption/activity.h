#pragma once
// Disruption activity and business engagement (issue 5; DOMAIN.md §10). A disruption measure is
// recorded against a person of concern, a place or a vehicle: which measure, when, by which
// agency and officer, its outcome and, for orders, notices and flags, when it expires, so that
// the recorder is reminded to review or renew it before then. Arrests, charges and convictions
// are recorded the same way and move the person's status forward. Visits to business premises
// (hotels, B&Bs, taxi firms, takeaways, licensed premises) are recorded with the agencies that
// went, and premises not visited in the last 12 months are listed by type. Pure.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/codes.h"
#include "common/error.h"
#include "common/time.h"
#include "intelligence/records.h"
#include "tasks/task.h"

namespace harbour::disruption {

// DOMAIN.md §10, one code per measure.
enum class Measure {
  kChildAbductionWarningNotice,
  kLetterToPersonOfConcern,
  kSexualRiskOrder,
  kInterimSexualRiskOrder,
  kSexualHarmPreventionOrder,
  kClosureNotice,
  kClosureOrder,
  kHotelGuestInformationNotice,
  kSlaveryTraffickingPreventionOrder,
  kSlaveryTraffickingRiskOrder,
  kCriminalBehaviourOrder,
  kInjunction,
  kRecoveryOrder,
  kVehicleFlagged,
  kLicensingReview,
  kArrest,
  kCharge,
  kConviction,
};
inline constexpr auto kMeasureCodes = MakeCodeTable<Measure>({
    {Measure::kChildAbductionWarningNotice, "child_abduction_warning_notice",
     "Child abduction warning notice"},
    {Measure::kLetterToPersonOfConcern, "letter_to_person_of_concern",
     "Letter to a person of concern"},
    {Measure::kSexualRiskOrder, "sexual_risk_order", "Sexual risk order"},
    {Measure::kInterimSexualRiskOrder, "interim_sexual_risk_order", "Interim sexual risk order"},
    {Measure::kSexualHarmPreventionOrder, "sexual_harm_prevention_order",
     "Sexual harm prevention order"},
    {Measure::kClosureNotice, "closure_notice", "Closure notice"},
    {Measure::kClosureOrder, "closure_order", "Closure order"},
    {Measure::kHotelGuestInformationNotice, "hotel_guest_information_notice",
     "Hotel guest information notice"},
    {Measure::kSlaveryTraffickingPreventionOrder, "slavery_trafficking_prevention_order",
     "Slavery and trafficking prevention order"},
    {Measure::kSlaveryTraffickingRiskOrder, "slavery_trafficking_risk_order",
     "Slavery and trafficking risk order"},
    {Measure::kCriminalBehaviourOrder, "criminal_behaviour_order", "Criminal behaviour order"},
    {Measure::kInjunction, "injunction", "Injunction"},
    {Measure::kRecoveryOrder, "recovery_order", "Recovery order (Children Act 1989 s50)"},
    {Measure::kVehicleFlagged, "vehicle_flagged", "Vehicle flagged"},
    {Measure::kLicensingReview, "licensing_review", "Licensing review"},
    {Measure::kArrest, "arrest", "Arrest"},
    {Measure::kCharge, "charge", "Charge"},
    {Measure::kConviction, "conviction", "Conviction"},
});
static_assert(IsCompleteCodeTable<kMeasureCodes>());
constexpr std::string_view ToCode(Measure measure) { return kMeasureCodes.Code(measure); }
constexpr std::optional<Measure> MeasureFromCode(std::string_view code) {
  return kMeasureCodes.FromCode(code);
}
constexpr std::string_view Label(Measure measure) { return kMeasureCodes.LabelOf(measure); }
// Every measure, in kMeasureCodes' order.
const std::vector<Measure>& AllMeasures();

// What a measure is recorded against (the shared record-type codes).
enum class SubjectType { kPerson, kPlace, kVehicle };
inline constexpr auto kSubjectTypeCodes = MakeCodeTable<SubjectType>({
    {SubjectType::kPerson, "person", "Person of concern"},
    {SubjectType::kPlace, "place", "Place"},
    {SubjectType::kVehicle, "vehicle", "Vehicle"},
});
static_assert(IsCompleteCodeTable<kSubjectTypeCodes>());
constexpr std::string_view ToCode(SubjectType type) { return kSubjectTypeCodes.Code(type); }
constexpr std::optional<SubjectType> SubjectTypeFromCode(std::string_view code) {
  return kSubjectTypeCodes.FromCode(code);
}
constexpr std::string_view Label(SubjectType type) { return kSubjectTypeCodes.LabelOf(type); }
// True when the measure can be recorded against that kind of subject: premises measures
// (closure notice and order, hotel guest-information notice) against a place, a vehicle flag
// against a vehicle, a licensing review against a place (premises licence) or a vehicle (taxi
// licence), everything else against a person.
bool AppliesTo(Measure measure, SubjectType type);
std::vector<SubjectType> SubjectsOf(Measure measure);

// Whether a measure carries an expiry:
// - kRequired: notices, fixed-term orders and flags always end (CAWN, SRO and interim SRO,
//   closure notice and order, hotel guest-information notice, STRO, vehicle flag);
// - kRequiredOrNone: orders the court may make "until further order" (SHPO, STPO, CBO,
//   injunction, recovery order) and a licensing review (its sanction may be indefinite): an
//   expiry, or explicitly "no expiry";
// - kNever: a letter, an arrest, a charge or a conviction never expires.
enum class ExpiryRule { kRequired, kRequiredOrNone, kNever };
ExpiryRule ExpiryOf(Measure measure);

// Arrest, charge and conviction move a person's status (PersonStatusAfter).
bool IsJusticeOutcome(Measure measure);

// The status of a person of concern is intelligence::PersonStatus (records.h), with its codes
// and labels.
using intelligence::Label;
using intelligence::PersonStatus;
using intelligence::PersonStatusFromCode;
using intelligence::ToCode;

// The status after recording `measure`: only forwards along suspected -> arrested -> charged ->
// convicted (recording an arrest for someone already charged leaves them charged; a conviction
// never goes back). After "no further action" a new arrest, charge or conviction applies again.
// Any other measure leaves the status as it is. No further action is recorded by the officer on
// the person's record, not through this function.
PersonStatus NextStatus(PersonStatus current, Measure measure);

inline constexpr std::size_t kMaxShortText = 200;  // officer, names
inline constexpr std::size_t kMaxLongText = 4000;  // outcome, notes, visit details

// What is known about the child a measure protects (children/child.h), for the CAWN rule.
struct ChildFacts {
  std::optional<Date> date_of_birth;
  std::optional<int> estimated_age;  // when the date of birth is not known
  bool looked_after = false;         // children::IsLookedAfter(legal_status)
};

// A child abduction warning notice protects a child under 16, or under 18 in care, on the
// notice's date. nullopt when it may be issued; otherwise the reason it may not.
std::optional<std::string> CawnRefusal(const ChildFacts& child, Date on);

// A measure as submitted from a form or the API: raw text.
struct DisruptionInput {
  std::string measure;
  std::string subject_type;
  std::string subject_id;
  std::string date;       // YYYY-MM-DD
  std::string by_agency;  // agency id
  std::string officer;    // by whom
  std::string outcome;
  std::string expiry;      // YYYY-MM-DD, or empty
  bool no_expiry = false;  // explicitly "no expiry" (ExpiryRule::kRequiredOrNone only)
  std::string child_id;    // optional: the child the measure protects
  std::string notes;
};

// What the input is checked against.
struct DisruptionContext {
  Date today{};                             // Europe/London
  std::vector<std::string> known_agencies;  // agency ids
  // The child named by child_id when it exists (the caller looks it up; an unknown child_id
  // with no facts is refused as not found).
  std::optional<ChildFacts> child;
};

struct Disruption {
  std::string id;
  Measure measure = Measure::kArrest;
  SubjectType subject_type = SubjectType::kPerson;
  std::string subject_id;
  std::string child_id;  // empty when none
  Date date{};
  std::string by_agency;  // agency id
  std::string officer;
  std::string outcome;
  std::optional<Date> expiry;
  std::string notes;
  std::string recorded_by;
  std::string recorded_by_agency;
  Instant recorded_at{};
  // For display, filled by storage.
  std::string subject_label;  // the person's name, the place's name, the registration
  std::string by_agency_name;
  std::string recorder_name;
};

// Checks and normalises a measure. kInvalid with messages keyed by DisruptionInput member names,
// every problem at once: measure unknown; subject_type unknown or not one the measure applies
// to; subject_id missing or malformed; date missing, unreadable or after today; by_agency not a
// known agency; officer missing; expiry unreadable, not after the date, missing when the measure
// carries one (or, where the law allows, "no expiry" not chosen), given (or "no expiry" chosen)
// for a measure that never expires; child_id malformed or not found; a CAWN for a child too old
// (CawnRefusal); text with control characters or too long. Does not set id or recorded_*.
Result<Disruption> ValidateDisruption(const DisruptionInput& input,
                                      const DisruptionContext& context);

// The reminder before a measure expires: 9am Europe/London, `reminder_days` days before the
// expiry date ([disruption] reminder_days in harbour.toml, default 28).
inline constexpr int kDefaultReminderDays = 28;
Instant ReminderDue(Date expiry, int reminder_days);
// The recorder's task for a measure with an expiry ("Disruption expires on 3 March 2027: review
// or renew (Sexual risk order)"), due at ReminderDue or at `now` when that has passed; source
// "disruption" and the measure's id; child_id is the protected child or empty. No id (the caller
// gives one). nullopt when the measure has no expiry.
std::optional<tasks::Task> ReminderTask(const Disruption& disruption, int reminder_days,
                                        Instant now);

// The days a measure "expires soon" in: from today to `within_days` later, both included.
// Expired measures are not in it.
struct ExpiryWindow {
  Date first;
  Date last;
};
ExpiryWindow ExpiringWindow(Date today, int within_days);
// The measures of `list` whose expiry falls in ExpiringWindow(today, within_days), soonest first
// (storage fetches the candidates by the window's dates; this is the rule that lists them).
std::vector<Disruption> Expiring(const std::vector<Disruption>& list, Date today, int within_days);

// "Sexual risk order, 3 March 2026, expires 3 March 2028".
std::string Headline(const Disruption& disruption);

// Business premises: the place types visited for business engagement (the shared place-type
// codes hotel, bed_and_breakfast, taxi_firm, takeaway, licensed_premises), in display order.
const std::vector<std::string_view>& BusinessPremisesTypes();
bool IsBusinessPremises(std::string_view place_type);
std::string_view PremisesLabel(std::string_view place_type);  // "Hotel", "Bed and breakfast", ...

struct VisitInput {
  std::string place_id;
  std::string date;                            // YYYY-MM-DD
  std::vector<std::string> visiting_agencies;  // agency ids
  bool awareness_pack_given = false;
  std::string staff_spoken_to;
  std::string concerns_raised;
  std::string follow_up;
};

struct VisitContext {
  Date today{};
  std::vector<std::string> known_agencies;  // agency ids
  // The place's type when the place exists (the caller looks it up); a place that is not
  // business premises is refused on place_id.
  std::optional<std::string> place_type;
};

struct Visit {
  std::string id;
  std::string place_id;
  Date date{};
  std::vector<std::string> visiting_agencies;  // agency ids, as given, without duplicates
  bool awareness_pack_given = false;
  std::string staff_spoken_to;
  std::string concerns_raised;
  std::string follow_up;
  std::string recorded_by;
  std::string recorded_by_agency;
  Instant recorded_at{};
  // For display, filled by storage.
  std::string place_name;
  std::string place_type;
  std::vector<std::string> agency_names;
  std::string recorder_name;
};

// kInvalid keyed by VisitInput member names, every problem at once: place_id missing, malformed,
// not found (no place_type) or not business premises; date missing, unreadable or after today;
// visiting_agencies empty or naming an unknown agency (a repeated one is kept once); text with
// control characters or too long.
Result<Visit> ValidateVisit(const VisitInput& input, const VisitContext& context);

// Business premises with the date of their last visit (none: never visited).
struct PremisesVisit {
  std::string place_id;
  std::string name;
  std::string place_type;
  std::optional<Date> last_visit;
};
struct PremisesGroup {
  std::string place_type;
  std::string label;
  std::vector<PremisesVisit> premises;  // never visited first, then the longest ago
};
// The date `months` calendar months before `today` (the 31st clamps to the month's last day).
Date MonthsBefore(Date today, int months);
// Business premises not visited within the last `months` months: never visited, or last visited
// before MonthsBefore(today, months) (a visit on that very day still counts). One group per
// business premises type, in BusinessPremisesTypes() order, empty groups left out.
std::vector<PremisesGroup> NotVisitedSince(const std::vector<PremisesVisit>& premises, Date today,
                                           int months = 12);

}  // namespace harbour::disruption
