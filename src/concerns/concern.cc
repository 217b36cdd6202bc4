#include "concerns/concern.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <utility>

#include "common/identifiers.h"
#include "common/text.h"

namespace harbour::concerns {
namespace {

constexpr std::size_t kMaxLocation = 200;
constexpr std::size_t kSummaryExcerpt = 120;
constexpr auto kClockSkew = std::chrono::minutes{5};

using Errors = std::map<std::string, std::string>;

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The narrative-like text shared by concerns and addenda: 1..kMaxNarrative characters.
std::expected<std::string, std::string> CheckedLongText(std::string_view raw,
                                                        std::string_view missing,
                                                        std::string_view label) {
  return CheckedFreeText(raw, missing, label, kMaxNarrative);
}

std::optional<Instant> CheckedObservedAt(std::string_view raw, Instant now, Errors& errors) {
  const std::string text = Trim(raw);
  if (text.empty()) {
    errors["observed_at"] = "Enter the date and time this was seen or heard";
    return std::nullopt;
  }
  auto at = ParseRfc3339(text);
  if (!at) {
    errors["observed_at"] = "Enter a real date and time";
    return std::nullopt;
  }
  if (*at > now + kClockSkew) {
    errors["observed_at"] = "Date and time must be in the past";
    return std::nullopt;
  }
  return *at;
}

// Sorted, unique indicator codes; blanks (e.g. an unticked form field) are dropped. Rejects
// codes that are unknown, retired, or area-level community factors, which describe a ward
// rather than a child.
std::vector<std::string> CheckedIndicators(const std::vector<std::string>& raw,
                                           const reference::Catalogue& catalogue, Errors& errors) {
  std::vector<std::string> codes;
  for (const std::string& entry : raw) {
    std::string code = Trim(entry);
    if (code.empty()) continue;
    const reference::Indicator* indicator = catalogue.FindIndicator(code);
    if (indicator == nullptr) {
      errors["indicators"] = "Select indicators from the list";
      return {};
    }
    if (indicator->retired) {
      errors["indicators"] = "'" + indicator->label + "' is no longer used: untick it";
      return {};
    }
    if (indicator->group == reference::IndicatorGroup::kCommunity) {
      errors["indicators"] = "'" + indicator->label + "' describes an area, not a child: untick it";
      return {};
    }
    codes.push_back(std::move(code));
  }
  std::ranges::sort(codes);
  auto [first, last] = std::ranges::unique(codes);
  codes.erase(first, last);
  return codes;
}

// "yes" / "no", or nullopt for anything else. Case and surrounding space are ignored.
std::optional<bool> YesNo(std::string_view raw) {
  std::string text = Trim(raw);
  std::ranges::transform(text, text.begin(), [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  });
  if (text == "yes") return true;
  if (text == "no") return false;
  return std::nullopt;
}

// The first `max` characters of `text` on one line, cut at a word boundary where there is one,
// with "…" when anything was left out.
std::string Excerpt(std::string_view text, std::size_t max) {
  std::string flat;
  bool pending_space = false;
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      pending_space = !flat.empty();
      continue;
    }
    if (pending_space) flat.push_back(' ');
    pending_space = false;
    flat.push_back(c);
  }
  if (CharacterCount(flat) <= max) return flat;
  std::size_t end = 0;
  for (std::size_t count = 0; end < flat.size() && count < max; ++count) {
    ++end;
    while (end < flat.size() && IsContinuationByte(flat[end])) ++end;
  }
  std::size_t space = flat.rfind(' ', end);
  if (space != std::string::npos && space > end / 2) end = space;
  flat.resize(end);
  while (!flat.empty() && (flat.back() == ' ' || flat.back() == ',' || flat.back() == '.')) {
    flat.pop_back();
  }
  return flat + "\xE2\x80\xA6";  // "…"
}

}  // namespace

Result<Concern> ValidateConcern(const ConcernInput& input, const reference::Catalogue& catalogue,
                                Instant now) {
  Errors errors;
  Concern concern;
  if (auto at = CheckedObservedAt(input.observed_at, now, errors)) concern.observed_at = *at;

  concern.location = Trim(input.location);
  if (!IsValidUtf8(concern.location) || HasControlCharacters(concern.location, false)) {
    errors["location"] = "Location must only include letters, numbers, spaces and punctuation";
  } else if (CharacterCount(concern.location) > kMaxLocation) {
    errors["location"] = "Location must be 200 characters or fewer";
  }
  if (std::string postcode = Trim(input.location_postcode); !postcode.empty()) {
    if (auto canonical = NormalisePostcode(postcode)) {
      concern.location_postcode = *canonical;
    } else {
      errors["location_postcode"] = "Enter a real postcode, like SW1A 1AA";
    }
  }

  if (auto category = CategoryFromCode(Trim(input.category))) {
    concern.category = *category;
  } else {
    errors["category"] = "Select the type of concern";
  }
  concern.indicators = CheckedIndicators(input.indicators, catalogue, errors);

  if (auto narrative = CheckedLongText(input.narrative, "Enter what you saw or heard",
                                       "What you saw or heard")) {
    concern.narrative = std::move(*narrative);
  } else {
    errors["narrative"] = narrative.error();
  }

  if (auto first_hand = YesNo(input.first_hand)) {
    concern.first_hand = *first_hand;
  } else {
    errors["first_hand"] = "Select yes if you saw or heard this yourself";
  }
  if (Trim(input.immediate_danger).empty()) {
    concern.immediate_danger = false;
  } else if (auto danger = YesNo(input.immediate_danger)) {
    concern.immediate_danger = *danger;
  } else {
    errors["immediate_danger"] = "Select yes if the child is in immediate danger";
  }

  if (!errors.empty()) return Invalid(std::move(errors));
  return concern;
}

Result<std::string> ValidateAddendumText(std::string_view text) {
  auto checked = CheckedLongText(text, "Enter the addendum", "Addendum");
  if (!checked) return Invalid({{"text", checked.error()}});
  return std::move(*checked);
}

std::string Headline(const Concern& concern) {
  const std::size_t count = concern.indicators.size();
  std::string headline(Label(concern.category));
  headline += ": ";
  headline += count == 0 ? "no indicators"
                         : std::to_string(count) + (count == 1 ? " indicator" : " indicators");
  return headline;
}

std::string Summary(const Concern& concern) {
  std::string summary = Headline(concern);
  std::string excerpt = Excerpt(concern.narrative, kSummaryExcerpt);
  if (!excerpt.empty()) summary += ". " + excerpt;
  return summary;
}

std::string WhereSeen(const Concern& concern) {
  if (concern.location.empty()) return concern.location_postcode;
  if (concern.location_postcode.empty()) return concern.location;
  return concern.location + ", " + concern.location_postcode;
}

chronology::Entry ChronologyEntry(const Concern& concern, chronology::Attribution by) {
  chronology::Entry e;
  e.type = chronology::EntryType::kConcern;
  e.at = concern.observed_at;
  e.id = concern.id;
  e.by = std::move(by);
  e.headline = Headline(concern);
  e.summary = Summary(concern);
  e.detail = concern.narrative;
  e.location = WhereSeen(concern);
  e.indicators = concern.indicators;
  e.immediate_danger = concern.immediate_danger;
  return e;
}

chronology::Entry ChronologyEntry(const Addendum& addendum, chronology::Attribution by) {
  chronology::Entry e;
  e.type = chronology::EntryType::kAddendum;
  e.at = addendum.recorded_at;
  e.id = addendum.id;
  e.by = std::move(by);
  e.headline = e.summary = "Addendum to a concern";
  e.detail = addendum.text;
  e.related_id = addendum.concern_id;
  return e;
}

}  // namespace harbour::concerns
