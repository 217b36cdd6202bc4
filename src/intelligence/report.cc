#include "intelligence/report.h"

#include <algorithm>
#include <array>
#include <utility>

#include "common/identifiers.h"
#include "common/ids.h"
#include "common/phone.h"
#include "common/text.h"
#include "common/vehicle_registration.h"

namespace harbour::intelligence {
namespace {

using Problems = std::map<std::string, std::string>;

// A free-text box that may be blank (common/text.h); notes a problem under `field`.
std::string OptionalText(std::string_view raw, std::string_view label, std::size_t max,
                         const std::string& field, Problems& problems) {
  return harbour::OptionalText(raw, field, label, max, /*multi_line=*/true, problems);
}

// What each new subject needs at least one of, to identify it to the intelligence officer.
const std::map<std::string, std::vector<std::string>, std::less<>>& IdentifyingDetails() {
  static const std::map<std::string, std::vector<std::string>, std::less<>> table = {
      {"person", {"name", "aliases", "description"}},
      {"vehicle", {"registration", "make", "model", "colour"}},
      {"place", {"name", "address", "postcode"}},
      {"phone", {"number"}},
      {"account", {"handle"}},
  };
  return table;
}

constexpr std::string_view kUnverified = "; kept as typed and marked unverified";

}  // namespace

std::map<std::string, std::string> UnverifiedDetails(
    std::string_view type, const std::map<std::string, std::string>& details) {
  std::map<std::string, std::string> out;
  auto typed = [&](const char* name) -> std::string {
    auto it = details.find(name);
    return it == details.end() ? std::string() : it->second;
  };
  if (type == "vehicle" && !typed("registration").empty()) {
    auto mark = NormaliseRegistration(typed("registration"));
    if (!mark) out["registration"] = "Not a UK registration format" + std::string(kUnverified);
  }
  if (type == "phone" && !typed("number").empty()) {
    auto phone = NormalisePhone(typed("number"));
    if (!phone) out["number"] = "Not a phone number that can be checked" + std::string(kUnverified);
  }
  if ((type == "place" || type == "person") && !typed("postcode").empty()) {
    auto postcode = NormalisePostcode(typed("postcode"));
    if (!postcode) out["postcode"] = "Not a UK postcode" + std::string(kUnverified);
  }
  return out;
}

namespace {

void ValidateSubject(const SubjectInput& in, std::size_t index, Submission& out,
                     Problems& problems) {
  const std::string prefix = "subjects[" + std::to_string(index) + "]";
  ReportSubject subject;
  subject.position = static_cast<int>(index);
  subject.type = Trim(in.type);
  if (!IsSubjectType(subject.type)) {
    problems[prefix + ".type"] =
        "Choose what this subject is: a child, person, vehicle, place, "
        "phone number or online account";
    return;
  }
  subject.record_id = Trim(in.record_id);
  if (!subject.record_id.empty() && !IsValidId(subject.record_id)) {
    problems[prefix + ".record_id"] = "Choose the record again from the list";
    return;
  }
  if (subject.type == "child" && subject.record_id.empty()) {
    problems[prefix + ".record_id"] =
        "Choose a child you work with; describe any other child in the text";
    return;
  }
  if (!subject.record_id.empty()) {
    if (!in.details.empty()) {
      problems[prefix] = "Choose an existing record or enter a new one, not both";
      return;
    }
    out.subjects.push_back(std::move(subject));
    return;
  }
  const auto& allowed = DetailNames(subject.type);
  bool identified = false;
  const auto& identifying = IdentifyingDetails().find(subject.type)->second;
  for (const auto& [name, raw] : in.details) {
    if (std::ranges::find(allowed, name) == allowed.end()) {
      problems[prefix + "." + name] = "This is not a detail of a " + subject.type;
      continue;
    }
    std::string value = OptionalText(raw, "This detail", kMaxDetail, prefix + "." + name, problems);
    if (value.empty()) continue;
    if (std::ranges::find(identifying, name) != identifying.end()) identified = true;
    subject.details[name] = std::move(value);
  }
  if (!identified && !problems.contains(prefix)) {
    problems[prefix] = "Give something that identifies this " +
                       std::string(SubjectTypeLabel(subject.type)) + ", such as " +
                       identifying.front();
  }
  subject.unverified = UnverifiedDetails(subject.type, subject.details);
  out.subjects.push_back(std::move(subject));
}

bool ContainsFolded(const std::string& haystack, std::string_view needle) {
  std::string key = NameKey(needle);
  if (CharacterCount(key) < 3) return false;  // initials and blanks identify no one
  return NameKey(haystack).find(key) != std::string::npos;
}

}  // namespace

bool IsSubjectType(std::string_view type) {
  return std::ranges::find(kSubjectTypes, type) != std::end(kSubjectTypes);
}

std::string_view SubjectTypeLabel(std::string_view type) {
  if (type == "child") return "Child";
  if (type == "person") return "Person";
  if (type == "vehicle") return "Vehicle";
  if (type == "place") return "Place";
  if (type == "phone") return "Phone number";
  if (type == "account") return "Online account";
  return "Subject";
}

const std::vector<std::string>& DetailNames(std::string_view type) {
  static const std::map<std::string, std::vector<std::string>, std::less<>> table = {
      {"child", {}},
      {"person",
       {"name", "aliases", "date_of_birth", "age", "sex", "description", "address", "postcode"}},
      {"vehicle", {"registration", "make", "model", "colour"}},
      {"place", {"name", "place_type", "address", "postcode"}},
      {"phone", {"number"}},
      {"account", {"platform", "handle"}},
  };
  static const std::vector<std::string> none;
  auto it = table.find(type);
  return it == table.end() ? none : it->second;
}

Result<Submission> ValidateSubmission(const SubmissionInput& input) {
  Problems problems;
  Submission out;
  auto what = CheckedFreeText(input.what, "Enter what happened or what you know", "What you know",
                              kMaxText);
  if (what) {
    out.original.what = *what;
  } else {
    problems["what"] = what.error();
  }
  out.original.who = OptionalText(input.who, "Who", kMaxText, "who", problems);
  out.original.where = OptionalText(input.where, "Where", kMaxText, "where", problems);
  out.original.when = OptionalText(input.when, "When", kMaxText, "when", problems);
  out.original.why = OptionalText(input.why, "Why", kMaxText, "why", problems);
  out.original.how = OptionalText(input.how, "How", kMaxText, "how", problems);

  if (auto category = CategoryFromCode(input.category)) {
    out.category = *category;
  } else {
    problems["category"] = "Choose what the intelligence is about";
  }
  if (auto knowledge = KnowledgeFromCode(input.knowledge)) {
    out.knowledge = *knowledge;
  } else {
    problems["knowledge"] = "Say how you know this";
  }
  out.heard_from = OptionalText(input.heard_from, "Who told you", kMaxText, "heard_from", problems);
  if (out.knowledge == Knowledge::kSecondHand && out.heard_from.empty() &&
      !problems.contains("knowledge") && !problems.contains("heard_from")) {
    problems["heard_from"] = "Say who told you, or how you came to know it";
  }
  if (input.immediate_danger == "yes" || input.immediate_danger == "no") {
    out.immediate_danger = input.immediate_danger == "yes";
  } else {
    problems["immediate_danger"] = "Say whether anyone is in immediate danger";
  }
  if (input.subjects.size() > kMaxSubjects) {
    problems["subjects"] = "Name 20 subjects or fewer; describe the others in the text";
  } else {
    for (std::size_t i = 0; i < input.subjects.size(); ++i) {
      ValidateSubject(input.subjects[i], i, out, problems);
    }
  }
  if (!problems.empty()) {
    return Invalid(std::move(problems), "There is a problem with the intelligence.");
  }
  return out;
}

Result<Grading> ValidateGrading(const GradingInput& input,
                                const std::vector<std::string>& source_words) {
  Problems problems;
  Grading out;
  auto grade = ValidateGrade(input.grade);
  if (grade) {
    out.grade = *grade;
  } else {
    problems = grade.error().fields;
  }
  auto text = CheckedFreeText(input.sanitised_text, "Enter the sanitised text partners may see",
                              "The sanitised text", kMaxSanitised);
  if (!text) {
    problems["sanitised_text"] = text.error();
  } else {
    out.sanitised_text = *text;
    for (const std::string& word : source_words) {
      if (ContainsFolded(out.sanitised_text, word)) {
        problems["sanitised_text"] =
            "The sanitised text names the source (\"" + Trim(word) + "\"); remove it";
        break;
      }
    }
  }
  if (auto outcome = OutcomeFromCode(input.outcome)) {
    out.outcome = *outcome;
  } else {
    problems["outcome"] = "Choose the outcome";
  }
  if (!problems.empty()) return Invalid(std::move(problems), "There is a problem with the grade.");
  return out;
}

std::string GradeCode(const Grade& grade) {
  return std::string(ToCode(grade.source)) + "/" + std::string(ToCode(grade.assessment)) + "/" +
         std::string(ToCode(grade.handling));
}

std::string GradeCode(const LegacyGrade& grade) {
  return std::string(ToCode(grade.source)) + "/" + std::string(ToCode(grade.intelligence)) + "/" +
         std::string(ToCode(grade.handling)) + " (5x5x5)";
}

std::string GradeCode(const Report& report) {
  if (report.grade) return GradeCode(*report.grade);
  if (report.legacy_grade) return GradeCode(*report.legacy_grade);
  return {};
}

}  // namespace harbour::intelligence
