#pragma once
// Records of people of concern, vehicles, places, phones and online accounts, and the typed
// links between them and children (issue 5; DOMAIN.md §4, §10, §11; docs/intelligence.md).
// Pure: validation and normalisation of what was typed. Persistence is
// storage/records_repository's job; the geography of a place (BNG conversion, UK bounds, ward)
// is applied by the caller through places/geo.h and storage/wards_repository.h.
//
// Identifiers that do not parse (a foreign registration, an odd phone number, a postcode not
// in the UK format) are never dropped: they are kept as typed, marked unverified, with a
// warning for the person, and they match only the same typed text.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/codes.h"
#include "common/error.h"
#include "common/time.h"

namespace harbour::intelligence {

inline constexpr std::size_t kMaxRecordName = 100;
inline constexpr std::size_t kMaxDescription = 2000;
inline constexpr std::size_t kMaxAddress = 500;
inline constexpr std::size_t kMaxAliases = 20;
inline constexpr std::size_t kMaxVehicleText = 50;  // make, model, colour
inline constexpr std::size_t kMaxIdentifier = 100;  // registration, phone, handle, postcode
inline constexpr int kMinPersonAge = 10;
inline constexpr int kMaxPersonAge = 100;

// ---- Record types --------------------------------------------------------------------------

enum class RecordType { kChild, kPerson, kVehicle, kPlace, kPhone, kAccount };
inline constexpr auto kRecordTypeCodes = MakeCodeTable<RecordType>({
    {RecordType::kChild, "child", "Child"},
    {RecordType::kPerson, "person", "Person"},
    {RecordType::kVehicle, "vehicle", "Vehicle"},
    {RecordType::kPlace, "place", "Place"},
    {RecordType::kPhone, "phone", "Phone"},
    {RecordType::kAccount, "account", "Online account"},
});
static_assert(IsCompleteCodeTable<kRecordTypeCodes>());
constexpr std::string_view ToCode(RecordType type) { return kRecordTypeCodes.Code(type); }
constexpr std::optional<RecordType> RecordTypeFromCode(std::string_view code) {
  return kRecordTypeCodes.FromCode(code);
}
constexpr std::string_view Label(RecordType type) { return kRecordTypeCodes.LabelOf(type); }
// The URL segment of a record page: "people", "vehicles", "places", "phones", "accounts"
// ("children" for a child).
inline constexpr auto kRecordTypePathSegments = MakeCodeTable<RecordType>({
    {RecordType::kChild, "children"},
    {RecordType::kPerson, "people"},
    {RecordType::kVehicle, "vehicles"},
    {RecordType::kPlace, "places"},
    {RecordType::kPhone, "phones"},
    {RecordType::kAccount, "accounts"},
});
static_assert(IsCompleteCodeTable<kRecordTypePathSegments>());
constexpr std::string_view PathSegment(RecordType type) {
  return kRecordTypePathSegments.Code(type);
}
constexpr std::optional<RecordType> RecordTypeFromPathSegment(std::string_view segment) {
  return kRecordTypePathSegments.FromCode(segment);
}

// ---- Codes ---------------------------------------------------------------------------------

enum class PersonStatus { kSuspected, kArrested, kCharged, kConvicted, kNoFurtherAction };
inline constexpr auto kPersonStatusCodes = MakeCodeTable<PersonStatus>({
    {PersonStatus::kSuspected, "suspected", "Suspected"},
    {PersonStatus::kArrested, "arrested", "Arrested"},
    {PersonStatus::kCharged, "charged", "Charged"},
    {PersonStatus::kConvicted, "convicted", "Convicted"},
    {PersonStatus::kNoFurtherAction, "no_further_action", "No further action"},
});
static_assert(IsCompleteCodeTable<kPersonStatusCodes>());
constexpr std::string_view ToCode(PersonStatus status) { return kPersonStatusCodes.Code(status); }
constexpr std::optional<PersonStatus> PersonStatusFromCode(std::string_view code) {
  return kPersonStatusCodes.FromCode(code);
}
constexpr std::string_view Label(PersonStatus status) { return kPersonStatusCodes.LabelOf(status); }
std::vector<PersonStatus> AllPersonStatuses();

enum class PlaceType {
  kHotel,
  kBedAndBreakfast,
  kTakeaway,
  kTaxiFirm,
  kTaxiRank,
  kLicensedPremises,
  kPark,
  kHmo,
  kHostel,
  kSchoolCollege,
  kShop,
  kPrivateAddress,
  kOnlinePlatform,
  kOther,
};
inline constexpr auto kPlaceTypeCodes = MakeCodeTable<PlaceType>({
    {PlaceType::kHotel, "hotel", "Hotel"},
    {PlaceType::kBedAndBreakfast, "bed_and_breakfast", "Bed and breakfast"},
    {PlaceType::kTakeaway, "takeaway", "Takeaway"},
    {PlaceType::kTaxiFirm, "taxi_firm", "Taxi firm"},
    {PlaceType::kTaxiRank, "taxi_rank", "Taxi rank"},
    {PlaceType::kLicensedPremises, "licensed_premises", "Licensed premises"},
    {PlaceType::kPark, "park", "Park"},
    {PlaceType::kHmo, "hmo", "House in multiple occupation"},
    {PlaceType::kHostel, "hostel", "Hostel"},
    {PlaceType::kSchoolCollege, "school_college", "School or college"},
    {PlaceType::kShop, "shop", "Shop"},
    {PlaceType::kPrivateAddress, "private_address", "Private address"},
    {PlaceType::kOnlinePlatform, "online_platform", "Online platform"},
    {PlaceType::kOther, "other", "Other"},
});
static_assert(IsCompleteCodeTable<kPlaceTypeCodes>());
constexpr std::string_view ToCode(PlaceType type) { return kPlaceTypeCodes.Code(type); }
constexpr std::optional<PlaceType> PlaceTypeFromCode(std::string_view code) {
  return kPlaceTypeCodes.FromCode(code);
}
constexpr std::string_view Label(PlaceType type) { return kPlaceTypeCodes.LabelOf(type); }
std::vector<PlaceType> AllPlaceTypes();
// Premises a business visit may be recorded at: hotel, bed and breakfast, taxi firm, takeaway,
// licensed premises.
bool IsBusinessPremises(PlaceType type);

enum class Platform {
  kSnapchat,
  kInstagram,
  kTiktok,
  kFacebook,
  kWhatsapp,
  kTelegram,
  kX,
  kDiscord,
  kYoutube,
  kTwitch,
  kOther,
};
inline constexpr auto kPlatformCodes = MakeCodeTable<Platform>({
    {Platform::kSnapchat, "snapchat", "Snapchat"},
    {Platform::kInstagram, "instagram", "Instagram"},
    {Platform::kTiktok, "tiktok", "TikTok"},
    {Platform::kFacebook, "facebook", "Facebook"},
    {Platform::kWhatsapp, "whatsapp", "WhatsApp"},
    {Platform::kTelegram, "telegram", "Telegram"},
    {Platform::kX, "x", "X (Twitter)"},
    {Platform::kDiscord, "discord", "Discord"},
    {Platform::kYoutube, "youtube", "YouTube"},
    {Platform::kTwitch, "twitch", "Twitch"},
    {Platform::kOther, "other", "Other"},
});
static_assert(IsCompleteCodeTable<kPlatformCodes>());
constexpr std::string_view ToCode(Platform platform) { return kPlatformCodes.Code(platform); }
constexpr std::optional<Platform> PlatformFromCode(std::string_view code) {
  return kPlatformCodes.FromCode(code);
}
constexpr std::string_view Label(Platform platform) { return kPlatformCodes.LabelOf(platform); }
std::vector<Platform> AllPlatforms();

// Key for exact name matching: trimmed, case- and accent-folded, inner whitespace collapsed
// (harbour::NameKey). "  Dean  MARSH " and "Déan Marsh" both give "dean marsh".
std::string NameKey(std::string_view text);

// ---- People of concern ---------------------------------------------------------------------

// As typed on the form or in the API body. aliases: one per element (the form splits its
// textarea on lines).
struct PersonInput {
  std::string name;
  std::vector<std::string> aliases;
  std::string date_of_birth;  // "YYYY-MM-DD" or empty
  std::string age_from;       // estimated age range, whole years, when no date of birth
  std::string age_to;
  std::string sex;  // "female" | "male" | "not_known" (children::Sex codes); empty = not_known
  std::string ethnicity;  // catalogue code or "not_known"; empty = not_known
  std::string description;
  std::string status;  // PersonStatus code, required
};

struct Person {
  std::string id;
  std::string name;
  std::string name_key;
  std::vector<std::string> aliases;
  std::optional<Date> date_of_birth;  // at most one of date_of_birth / age range
  std::optional<int> age_from;
  std::optional<int> age_to;
  std::string sex = "not_known";        // children::Sex code
  std::string ethnicity = "not_known";  // catalogue code or "not_known"
  std::string description;
  PersonStatus status = PersonStatus::kSuspected;
};

// kInvalid with one message per bad field (keys: the PersonInput member names). Name required;
// a date of birth not in the future and giving an age of 10..100, or an age range within
// 10..100 with from <= to (either end alone is allowed), never both a date and a range.
// `ethnicity_codes`: the catalogue's codes ("not_known" is always accepted). Does not set id.
Result<Person> ValidatePerson(const PersonInput& input,
                              const std::vector<std::string>& ethnicity_codes, Date today);
// "Dean Marsh (b. 1990)", "Dean Marsh (aged 25-30)", "Dean Marsh".
std::string PersonLabel(const Person& person);

// ---- Vehicles ------------------------------------------------------------------------------

struct VehicleInput {
  std::string registration, make, model, colour;
};

struct Vehicle {
  std::string id;
  std::string registration;        // canonical ("AB12CDE"), or typed text upper-cased without
                                   // spaces and hyphens when unverified
  std::string registration_typed;  // trimmed, as typed
  bool verified = false;
  std::string display;  // "AB12 CDE" when verified, else `registration`
  std::string make, model, colour;
  std::string warning;  // why it is unverified, or empty
};

inline constexpr std::string_view kUnverifiedRegistrationWarning =
    "Not a UK registration format; kept as typed and marked unverified";

// Registration required; make, model and colour optional (at most 50 characters each).
Result<Vehicle> ValidateVehicle(const VehicleInput& input);
// The text stored in `registration` for a typed mark: canonical when it parses, else upper-cased
// without spaces and hyphens. Used by the lookup so that "ab12 cde" finds "AB12CDE".
std::string RegistrationKey(std::string_view typed);
// Rebuilds display and warning from the stored columns.
void FillVehicleDisplay(Vehicle& vehicle);
// "AB12 CDE silver Ford Focus" (the parts that are known).
std::string VehicleLabel(const Vehicle& vehicle);

// ---- Phones --------------------------------------------------------------------------------

struct PhoneInput {
  std::string number;
};

struct Phone {
  std::string id;
  std::string number;        // E.164 when verified, else the typed digits and '+' only
  std::string number_typed;  // trimmed, as typed
  bool verified = false;
  std::string kind = "other";  // "mobile" | "fixed_line" | "other" (PhoneTypeName)
  std::string display;         // national form when verified, else `number_typed`
  std::string warning;
};

inline constexpr std::string_view kUnverifiedPhoneWarning =
    "Not a recognised phone number; kept as typed and marked unverified";

Result<Phone> ValidatePhone(const PhoneInput& input);
// The text stored in `number` for a typed number (E.164, or digits and '+').
std::string PhoneKey(std::string_view typed);
void FillPhoneDisplay(Phone& phone);
std::string PhoneLabel(const Phone& phone);  // "07700 900123 (mobile)"

// ---- Online accounts -----------------------------------------------------------------------

struct AccountInput {
  std::string platform, handle;
};

struct Account {
  std::string id;
  Platform platform = Platform::kOther;
  std::string handle;      // trimmed, as typed
  std::string handle_key;  // lower case, without a leading '@'
};

Result<Account> ValidateAccount(const AccountInput& input);
std::string HandleKey(std::string_view handle);
std::string AccountLabel(const Account& account);  // "@dm_90 on Snapchat"

// ---- Places --------------------------------------------------------------------------------

struct PlaceInput {
  std::string name, type, address, postcode;
  std::string latitude, longitude;  // WGS84 decimal degrees
  std::string easting, northing;    // British National Grid metres
};

struct Place {
  std::string id;
  std::string name;
  std::string name_key;
  PlaceType type = PlaceType::kOther;
  std::string address;
  std::string postcode;        // normalised ("HB1 2AB") when verified, else as typed
  std::string postcode_typed;  // trimmed, as typed
  bool postcode_verified = false;
  std::optional<double> latitude, longitude;  // WGS84, set by the caller from BNG if needed
  std::optional<double> easting, northing;    // as given (not stored)
  std::string ward_code, ward_name;           // set by the caller (point in ward polygon)
  std::vector<std::string> warnings;
};

inline constexpr std::string_view kUnverifiedPostcodeWarning =
    "Not a UK postcode format; kept as typed and marked unverified";

// Name and type required; postcode optional (kept as typed with a warning when it does not
// parse); coordinates: both latitude and longitude, or both easting and northing, or none,
// parsed strictly as decimal numbers; latitude -90..90, longitude -180..180, easting
// 0..700000, northing 0..1300000 (whether the point is in the UK is the caller's check).
Result<Place> ValidatePlace(const PlaceInput& input);
// The postcode column for a typed postcode (normalised when it parses, else trimmed text).
std::string PostcodeKey(std::string_view typed);
// "Seaview Hotel, HB1 2AB".
std::string PlaceLabel(const Place& place);

// ---- Links ---------------------------------------------------------------------------------

enum class LinkType {
  kAssociate,           // child-person, person-person
  kBoyfriend,           // child-person
  kSuspectedExploiter,  // child-person
  kRelative,            // person-person
  kCoOffender,          // person-person
  kDriver,              // person-vehicle
  kOwner,               // person-vehicle
  kSeenIn,              // child-vehicle, person-vehicle (passenger)
  kSeenAt,              // child|person|vehicle - place
  kLivesAt,             // child|person - place
  kWorksAt,             // person - place
  kUses,                // child|person - phone|account
};
inline constexpr auto kLinkTypeCodes = MakeCodeTable<LinkType>({
    {LinkType::kAssociate, "associate", "Associate"},
    {LinkType::kBoyfriend, "boyfriend", "Boyfriend"},
    {LinkType::kSuspectedExploiter, "suspected_exploiter", "Suspected exploiter"},
    {LinkType::kRelative, "relative", "Relative"},
    {LinkType::kCoOffender, "co_offender", "Co-offender"},
    {LinkType::kDriver, "driver", "Driver"},
    {LinkType::kOwner, "owner", "Owner"},
    {LinkType::kSeenIn, "seen_in", "Seen in"},
    {LinkType::kSeenAt, "seen_at", "Seen at"},
    {LinkType::kLivesAt, "lives_at", "Lives at"},
    {LinkType::kWorksAt, "works_at", "Works at"},
    {LinkType::kUses, "uses", "Uses"},
});
static_assert(IsCompleteCodeTable<kLinkTypeCodes>());
constexpr std::string_view ToCode(LinkType type) { return kLinkTypeCodes.Code(type); }
constexpr std::optional<LinkType> LinkTypeFromCode(std::string_view code) {
  return kLinkTypeCodes.FromCode(code);
}
constexpr std::string_view Label(LinkType type) { return kLinkTypeCodes.LabelOf(type); }
std::vector<LinkType> AllLinkTypes();

// The two ends in the order stored (record_links.from_* / to_*).
struct LinkEnds {
  RecordType from;
  RecordType to;
  bool swapped = false;  // true when the given order was reversed to reach the stored one
};

// Accepts either order and returns the canonical one; kInvalid (field "link_type") naming the
// pairs the type allows when the pair is not one of them.
Result<LinkEnds> ValidateLink(LinkType type, RecordType from, RecordType to);
// A link as it is stored: its ends in the canonical order (ValidateLink), and a symmetric link
// between two records of one type (associates, co-offenders) stored once whichever way it was
// given, the smaller id first. Made only by CanonicalLink.
struct CanonicalLinkEnds {
  LinkType type = LinkType::kAssociate;
  RecordType from_type = RecordType::kPerson;
  std::string from_id;
  RecordType to_type = RecordType::kPerson;
  std::string to_id;
};
// kInvalid: "link_type" as ValidateLink; "to_id" when a record would be linked to itself.
Result<CanonicalLinkEnds> CanonicalLink(LinkType type, RecordType from_type,
                                        std::string_view from_id, RecordType to_type,
                                        std::string_view to_id);
// "Suspected exploiter: child and person; ..." for the message above and the form's hint.
std::string AllowedPairsText(LinkType type);

}  // namespace harbour::intelligence
