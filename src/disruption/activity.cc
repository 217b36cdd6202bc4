#include "disruption/activity.h"

#include <algorithm>
#include <array>
#include <map>
#include <utility>

#include "common/ids.h"
#include "common/text.h"

namespace harbour::disruption {

namespace {

using Errors = std::map<std::string, std::string>;

constexpr int kPersonOnly = 1, kPlaceOnly = 2, kVehicleOnly = 4;

// What each measure may be recorded against and when it expires, in kMeasureCodes' order.
struct MeasureRule {
  Measure measure;
  int subjects;  // bit set of kPersonOnly, kPlaceOnly, kVehicleOnly
  ExpiryRule expiry;
};
constexpr std::array<MeasureRule, kMeasureCodes.Size()> kMeasureRules{{
    {Measure::kChildAbductionWarningNotice, kPersonOnly, ExpiryRule::kRequired},
    {Measure::kLetterToPersonOfConcern, kPersonOnly, ExpiryRule::kNever},
    {Measure::kSexualRiskOrder, kPersonOnly, ExpiryRule::kRequired},
    {Measure::kInterimSexualRiskOrder, kPersonOnly, ExpiryRule::kRequired},
    {Measure::kSexualHarmPreventionOrder, kPersonOnly, ExpiryRule::kRequiredOrNone},
    {Measure::kClosureNotice, kPlaceOnly, ExpiryRule::kRequired},
    {Measure::kClosureOrder, kPlaceOnly, ExpiryRule::kRequired},
    {Measure::kHotelGuestInformationNotice, kPlaceOnly, ExpiryRule::kRequired},
    {Measure::kSlaveryTraffickingPreventionOrder, kPersonOnly, ExpiryRule::kRequiredOrNone},
    {Measure::kSlaveryTraffickingRiskOrder, kPersonOnly, ExpiryRule::kRequired},
    {Measure::kCriminalBehaviourOrder, kPersonOnly, ExpiryRule::kRequiredOrNone},
    {Measure::kInjunction, kPersonOnly, ExpiryRule::kRequiredOrNone},
    {Measure::kRecoveryOrder, kPersonOnly, ExpiryRule::kRequiredOrNone},
    {Measure::kVehicleFlagged, kVehicleOnly, ExpiryRule::kRequired},
    {Measure::kLicensingReview, kPlaceOnly | kVehicleOnly, ExpiryRule::kRequiredOrNone},
    {Measure::kArrest, kPersonOnly, ExpiryRule::kNever},
    {Measure::kCharge, kPersonOnly, ExpiryRule::kNever},
    {Measure::kConviction, kPersonOnly, ExpiryRule::kNever},
}};
static_assert(std::ranges::equal(kMeasureRules, kMeasureCodes.Values(), {}, &MeasureRule::measure),
              "one rule per measure, in kMeasureCodes' order");

const MeasureRule& RuleOf(Measure measure) {
  for (const auto& m : kMeasureRules) {
    if (m.measure == measure) return m;
  }
  return kMeasureRules.back();
}

// The bit of each subject type in MeasureRule::subjects.
struct SubjectBit {
  SubjectType type;
  int bit;
};
constexpr std::array<SubjectBit, kSubjectTypeCodes.Size()> kSubjectBits{{
    {SubjectType::kPerson, kPersonOnly},
    {SubjectType::kPlace, kPlaceOnly},
    {SubjectType::kVehicle, kVehicleOnly},
}};

// The place types of business premises (intelligence::IsBusinessPremises), in the order lists
// show them; their codes and labels are intelligence::kPlaceTypeCodes'.
constexpr std::array kPremises = {
    intelligence::PlaceType::kHotel,
    intelligence::PlaceType::kBedAndBreakfast,
    intelligence::PlaceType::kTaxiFirm,
    intelligence::PlaceType::kTakeaway,
    intelligence::PlaceType::kLicensedPremises,
};

// Optional single-line text and free text (line breaks allowed): common/text.h's OptionalText.
std::string ShortText(std::string_view raw, std::string_view field, std::string_view label,
                      Errors& errors) {
  return OptionalText(raw, std::string(field), label, kMaxShortText, /*multi_line=*/false, errors);
}

std::string LongText(std::string_view raw, std::string_view field, std::string_view label,
                     Errors& errors) {
  return OptionalText(raw, std::string(field), label, kMaxLongText, /*multi_line=*/true, errors);
}

// A date that is not after today: `missing` when blank.
std::optional<Date> PastDate(std::string_view raw, std::string_view field, std::string_view missing,
                             std::string_view label, Date today, Errors& errors) {
  std::string text = Trim(raw);
  if (text.empty()) {
    errors[std::string(field)] = std::string(missing);
    return std::nullopt;
  }
  auto date = ParseDate(text);
  if (!date) {
    errors[std::string(field)] = std::string(label) + " must be a real date, like 2026-03-27";
    return std::nullopt;
  }
  if (std::chrono::sys_days{*date} > std::chrono::sys_days{today}) {
    errors[std::string(field)] = std::string(label) + " must be today or in the past";
  }
  return *date;
}

bool Known(const std::vector<std::string>& known, const std::string& id) {
  return std::find(known.begin(), known.end(), id) != known.end();
}

}  // namespace

const std::vector<Measure>& AllMeasures() {
  static const std::vector<Measure> all = [] {
    const auto values = kMeasureCodes.Values();
    return std::vector<Measure>(values.begin(), values.end());
  }();
  return all;
}

bool AppliesTo(Measure measure, SubjectType type) {
  for (const auto& s : kSubjectBits) {
    if (s.type == type) return (RuleOf(measure).subjects & s.bit) != 0;
  }
  return false;
}

std::vector<SubjectType> SubjectsOf(Measure measure) {
  std::vector<SubjectType> out;
  for (const auto& s : kSubjectBits) {
    if (AppliesTo(measure, s.type)) out.push_back(s.type);
  }
  return out;
}

ExpiryRule ExpiryOf(Measure measure) { return RuleOf(measure).expiry; }

bool IsJusticeOutcome(Measure measure) {
  return measure == Measure::kArrest || measure == Measure::kCharge ||
         measure == Measure::kConviction;
}

PersonStatus NextStatus(PersonStatus current, Measure measure) {
  auto rank = [](PersonStatus s) {
    switch (s) {
      case PersonStatus::kSuspected:
      case PersonStatus::kNoFurtherAction:
        return 0;
      case PersonStatus::kArrested:
        return 1;
      case PersonStatus::kCharged:
        return 2;
      case PersonStatus::kConvicted:
        return 3;
    }
    return 0;
  };
  PersonStatus target = current;
  if (measure == Measure::kArrest) target = PersonStatus::kArrested;
  if (measure == Measure::kCharge) target = PersonStatus::kCharged;
  if (measure == Measure::kConviction) target = PersonStatus::kConvicted;
  if (target == current || !IsJusticeOutcome(measure)) return current;
  return rank(target) > rank(current) ? target : current;
}

std::optional<std::string> CawnRefusal(const ChildFacts& child, Date on) {
  std::optional<int> age;
  if (child.date_of_birth) {
    age = AgeInYears(*child.date_of_birth, on);
  } else if (child.estimated_age) {
    age = *child.estimated_age;
  }
  if (!age) {
    return std::string(
        "The child's age is not known: a child abduction warning notice needs a child under 16, "
        "or under 18 in care");
  }
  int limit = child.looked_after ? 18 : 16;
  if (*age < limit) return std::nullopt;
  if (child.looked_after) {
    return "The child is " + std::to_string(*age) +
           ": a child abduction warning notice protects a child in care only until they are 18";
  }
  return "The child is " + std::to_string(*age) +
         " and not in care: a child abduction warning notice protects a child under 16, or "
         "under 18 in care";
}

Result<Disruption> ValidateDisruption(const DisruptionInput& input,
                                      const DisruptionContext& context) {
  Errors errors;
  Disruption d;
  std::string measure_code = Trim(input.measure);
  auto measure = MeasureFromCode(measure_code);
  if (measure_code.empty()) {
    errors["measure"] = "Select the disruption measure";
  } else if (!measure) {
    errors["measure"] = "Select a disruption measure from the list";
  } else {
    d.measure = *measure;
  }

  std::string type_code = Trim(input.subject_type);
  auto type = SubjectTypeFromCode(type_code);
  if (!type) {
    errors["subject_type"] = "Select whether the measure is against a person, a place or a vehicle";
  } else {
    d.subject_type = *type;
    if (measure && !AppliesTo(*measure, *type)) {
      std::string allowed;
      auto subjects = SubjectsOf(*measure);
      for (std::size_t i = 0; i < subjects.size(); ++i) {
        if (i > 0) allowed += " or a ";
        allowed += ToCode(subjects[i]);
      }
      errors["subject_type"] = std::string(Label(*measure)) + " is recorded against a " + allowed +
                               ", not a " + std::string(ToCode(*type));
    }
  }

  d.subject_id = Trim(input.subject_id);
  if (d.subject_id.empty()) {
    errors["subject_id"] = "Choose the person, place or vehicle the measure is against";
  } else if (!IsValidId(d.subject_id)) {
    errors["subject_id"] = "There is no such person, place or vehicle";
  }

  auto date = PastDate(input.date, "date", "Enter the date of the measure", "The date",
                       context.today, errors);
  if (date) d.date = *date;

  d.by_agency = Trim(input.by_agency);
  if (d.by_agency.empty()) {
    errors["by_agency"] = "Select the agency that took the measure";
  } else if (!Known(context.known_agencies, d.by_agency)) {
    errors["by_agency"] = "Select an agency from the list";
  }

  d.officer = ShortText(input.officer, "officer", "The officer's name", errors);
  if (d.officer.empty() && !errors.contains("officer")) {
    errors["officer"] = "Enter who took the measure";
  }
  d.outcome = LongText(input.outcome, "outcome", "The outcome", errors);
  d.notes = LongText(input.notes, "notes", "The notes", errors);

  std::string expiry_text = Trim(input.expiry);
  std::optional<Date> expiry;
  if (!expiry_text.empty()) {
    auto parsed = ParseDate(expiry_text);
    if (!parsed) {
      errors["expiry"] = "The expiry date must be a real date, like 2027-03-27";
    } else {
      expiry = *parsed;
      if (date && std::chrono::sys_days{*expiry} <= std::chrono::sys_days{*date}) {
        errors["expiry"] =
            "The expiry date must be after the date of the measure (" + FormatLongDate(*date) + ")";
      }
    }
  }
  if (measure) {
    auto rule = ExpiryOf(*measure);
    std::string label(Label(*measure));
    if (rule == ExpiryRule::kNever && (!expiry_text.empty() || input.no_expiry)) {
      errors["expiry"] = label + " does not expire: leave the expiry date empty";
    } else if (rule == ExpiryRule::kRequired && input.no_expiry) {
      errors["expiry"] = label + " always has an expiry date: enter it";
    } else if (rule == ExpiryRule::kRequired && expiry_text.empty()) {
      errors["expiry"] = "Enter the date the " + label + " expires";
    } else if (rule == ExpiryRule::kRequiredOrNone && expiry_text.empty() && !input.no_expiry) {
      errors["expiry"] = "Enter the date the " + label + " expires, or choose \"no expiry\"";
    } else if (rule == ExpiryRule::kRequiredOrNone && !expiry_text.empty() && input.no_expiry) {
      errors["expiry"] = "Either enter an expiry date or choose \"no expiry\", not both";
    }
  }
  if (!errors.contains("expiry")) d.expiry = expiry;

  d.child_id = Trim(input.child_id);
  if (!d.child_id.empty()) {
    if (!IsValidId(d.child_id) || !context.child) {
      errors["child_id"] = "There is no such child";
    } else if (measure && *measure == Measure::kChildAbductionWarningNotice && date) {
      if (auto refusal = CawnRefusal(*context.child, *date)) errors["child_id"] = *refusal;
    }
  }

  if (!errors.empty()) return Invalid(std::move(errors));
  return d;
}

Instant ReminderDue(Date expiry, int reminder_days) {
  Date day{std::chrono::sys_days{expiry} - std::chrono::days{reminder_days}};
  return FromLondonLocal(day, 9, 0);
}

std::optional<tasks::Task> ReminderTask(const Disruption& disruption, int reminder_days,
                                        Instant now) {
  if (!disruption.expiry) return std::nullopt;
  tasks::Task t;
  t.child_id = disruption.child_id;
  t.source_type = "disruption";
  t.source_id = disruption.id;
  t.title = "Disruption expires on " + FormatLongDate(*disruption.expiry) + ": review or renew (" +
            std::string(Label(disruption.measure)) + ")";
  t.who = "Whoever recorded the measure";
  t.assigned_user = disruption.recorded_by;
  t.due_at = std::max(ReminderDue(*disruption.expiry, reminder_days), now);
  t.status = tasks::TaskStatus::kOpen;
  t.created_by = disruption.recorded_by;
  t.created_at = now;
  return t;
}

ExpiryWindow ExpiringWindow(Date today, int within_days) {
  return {today, Date{std::chrono::sys_days{today} + std::chrono::days{within_days}}};
}

std::vector<Disruption> Expiring(const std::vector<Disruption>& list, Date today, int within_days) {
  const ExpiryWindow window = ExpiringWindow(today, within_days);
  auto first = std::chrono::sys_days{window.first};
  auto last = std::chrono::sys_days{window.last};
  std::vector<Disruption> out;
  for (const auto& d : list) {
    if (!d.expiry) continue;
    auto at = std::chrono::sys_days{*d.expiry};
    if (at >= first && at <= last) out.push_back(d);
  }
  std::stable_sort(out.begin(), out.end(), [](const Disruption& a, const Disruption& b) {
    return std::chrono::sys_days{*a.expiry} < std::chrono::sys_days{*b.expiry};
  });
  return out;
}

std::string Headline(const Disruption& disruption) {
  std::string text =
      std::string(Label(disruption.measure)) + ", " + FormatLongDate(disruption.date);
  if (disruption.expiry) text += ", expires " + FormatLongDate(*disruption.expiry);
  return text;
}

const std::vector<std::string_view>& BusinessPremisesTypes() {
  static const std::vector<std::string_view> types = [] {
    std::vector<std::string_view> v;
    v.reserve(kPremises.size());
    for (auto p : kPremises) v.push_back(intelligence::ToCode(p));
    return v;
  }();
  return types;
}

bool IsBusinessPremises(std::string_view place_type) {
  return std::any_of(kPremises.begin(), kPremises.end(),
                     [&](auto p) { return intelligence::ToCode(p) == place_type; });
}

std::string_view PremisesLabel(std::string_view place_type) {
  for (auto p : kPremises) {
    if (intelligence::ToCode(p) == place_type) return intelligence::Label(p);
  }
  return "Other premises";
}

Result<Visit> ValidateVisit(const VisitInput& input, const VisitContext& context) {
  Errors errors;
  Visit v;
  v.place_id = Trim(input.place_id);
  if (v.place_id.empty()) {
    errors["place_id"] = "Choose the premises that were visited";
  } else if (!IsValidId(v.place_id) || !context.place_type) {
    errors["place_id"] = "There is no such place";
  } else if (!IsBusinessPremises(*context.place_type)) {
    errors["place_id"] =
        "Business visits are recorded for hotels, bed and breakfasts, taxi firms, takeaways and "
        "licensed premises only";
  } else {
    v.place_type = *context.place_type;
  }

  auto date = PastDate(input.date, "date", "Enter the date of the visit", "The date of the visit",
                       context.today, errors);
  if (date) v.date = *date;

  for (const auto& raw : input.visiting_agencies) {
    std::string id = Trim(raw);
    if (id.empty()) continue;
    if (!Known(context.known_agencies, id)) {
      errors["visiting_agencies"] = "Select the visiting agencies from the list";
      continue;
    }
    if (std::find(v.visiting_agencies.begin(), v.visiting_agencies.end(), id) ==
        v.visiting_agencies.end()) {
      v.visiting_agencies.push_back(id);
    }
  }
  if (v.visiting_agencies.empty() && !errors.contains("visiting_agencies")) {
    errors["visiting_agencies"] = "Select at least one visiting agency";
  }

  v.awareness_pack_given = input.awareness_pack_given;
  v.staff_spoken_to = LongText(input.staff_spoken_to, "staff_spoken_to", "Staff spoken to", errors);
  v.concerns_raised = LongText(input.concerns_raised, "concerns_raised", "Concerns raised", errors);
  v.follow_up = LongText(input.follow_up, "follow_up", "Follow-up", errors);

  if (!errors.empty()) return Invalid(std::move(errors));
  return v;
}

Date MonthsBefore(Date today, int months) {
  std::chrono::year_month ym =
      std::chrono::year_month{today.year(), today.month()} - std::chrono::months{months};
  std::chrono::year_month_day_last last{ym.year(), std::chrono::month_day_last{ym.month()}};
  std::chrono::day day = std::min(today.day(), last.day());
  return Date{ym.year(), ym.month(), day};
}

std::vector<PremisesGroup> NotVisitedSince(const std::vector<PremisesVisit>& premises, Date today,
                                           int months) {
  auto cutoff = std::chrono::sys_days{MonthsBefore(today, months)};
  std::vector<PremisesGroup> groups;
  for (auto p : kPremises) {
    const std::string_view code = intelligence::ToCode(p);
    PremisesGroup group{std::string(code), std::string(intelligence::Label(p)), {}};
    for (const auto& place : premises) {
      if (place.place_type != code) continue;
      if (place.last_visit && std::chrono::sys_days{*place.last_visit} >= cutoff) continue;
      group.premises.push_back(place);
    }
    if (group.premises.empty()) continue;
    std::stable_sort(group.premises.begin(), group.premises.end(),
                     [](const PremisesVisit& a, const PremisesVisit& b) {
                       if (!a.last_visit || !b.last_visit) {
                         return !a.last_visit && b.last_visit.has_value();
                       }
                       return std::chrono::sys_days{*a.last_visit} <
                              std::chrono::sys_days{*b.last_visit};
                     });
    groups.push_back(std::move(group));
  }
  return groups;
}

}  // namespace harbour::disruption
