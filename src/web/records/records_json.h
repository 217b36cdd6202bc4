#pragma once
// The bodies of the records routes in docs/api/openapi.yaml: POST /api/v1/records/{kind}
// (PersonInput, VehicleInput, PlaceInput, PhoneInput, AccountInput, each with an optional
// "confirm") and POST /api/v1/links (LinkInput). JSON text to the domain's raw input. Checks
// only shape and types; whether the values make sense is the domain's question
// (intelligence::ValidatePerson and the others), so that every value problem is reported
// together. Pure; never throws.
#include <cstddef>
#include <string>
#include <string_view>

#include "common/error.h"
#include "intelligence/records.h"

namespace harbour::web {

inline constexpr std::size_t kMaxRecordCodeChars = 100;  // codes, dates and ids

// A record as posted. Only the member of `type` is filled. `confirm`: create the record even
// when the exact lookup finds existing ones.
struct RecordBody {
  intelligence::RecordType type = intelligence::RecordType::kPerson;
  intelligence::PersonInput person;
  intelligence::VehicleInput vehicle;
  intelligence::PlaceInput place;
  intelligence::PhoneInput phone;
  intelligence::AccountInput account;
  bool confirm = false;
};

// Errors: kMalformed "malformed_json" and kInvalid "not_an_object", as ParseJsonObject; kInvalid
// "validation_failed" with a message per member: one that is not part of the body, a value of
// the wrong type, text with control characters (line breaks allowed in "description" and
// "address" only) or over its limit. Person: "aliases" is a list of at most
// intelligence::kMaxAliases strings; "age_from"/"age_to" are whole numbers. Place: "latitude",
// "longitude", "easting", "northing" are numbers. `type` kChild is refused (children have
// their own API).
Result<RecordBody> ParseRecordJson(intelligence::RecordType type, std::string_view body);

struct RecordLinkBody {
  std::string link_type, from_type, from_id, to_type, to_id, report_id;
};
// Every member is a string (ids at most kMaxRecordCodeChars); codes are checked by the caller.
Result<RecordLinkBody> ParseRecordLinkJson(std::string_view body);

}  // namespace harbour::web
