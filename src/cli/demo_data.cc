#include "cli/demo_data.h"

#include <spdlog/spdlog.h>

#include <array>
#include <random>
#include <set>

#include "agencies/agency.h"
#include "common/embedded.h"
#include "common/identifiers.h"
#include "common/text.h"
#include "identity/identity.h"
#include "places/wards.h"
#include "profile/population.h"
#include "storage/agencies_repository.h"
#include "storage/audit_repository.h"
#include "storage/children_repository.h"
#include "storage/concerns_repository.h"
#include "storage/disruption_repository.h"
#include "storage/identity_repository.h"
#include "storage/intelligence_repository.h"
#include "storage/messages_repository.h"
#include "storage/missing_repository.h"
#include "storage/panel_repository.h"
#include "storage/profile_repository.h"
#include "storage/records_repository.h"
#include "storage/referrals_repository.h"
#include "storage/tasks_repository.h"
#include "storage/tool_library.h"
#include "storage/wards_repository.h"

namespace harbour::cli {

namespace {

struct DemoAgency {
  const char* code;
  const char* name;
  agencies::Sector sector;
  const char* type;
};

constexpr std::array kAgencies = {
    DemoAgency{"HPOL", "Harbourside Police", agencies::Sector::kStatutory, "police"},
    DemoAgency{"HCSC", "Harbourside Children's Social Care", agencies::Sector::kStatutory,
               "childrens_social_care"},
    DemoAgency{"HNHS", "Harbourside NHS Foundation Trust", agencies::Sector::kStatutory, "health"},
    DemoAgency{"HACAD", "Harbourside Academy", agencies::Sector::kStatutory, "education"},
    DemoAgency{"WFSCH", "Westfield School", agencies::Sector::kStatutory, "education"},
    DemoAgency{"HHOUSE", "Harbourside Housing", agencies::Sector::kStatutory, "housing"},
    DemoAgency{"HYOT", "Harbourside Youth Offending Team", agencies::Sector::kStatutory,
               "youth_offending"},
    DemoAgency{"HYS", "Harbourside Youth Service", agencies::Sector::kStatutory, "youth_service"},
    DemoAgency{"SHC", "Harbourside Sexual Health Clinic", agencies::Sector::kStatutory,
               "sexual_health"},
    DemoAgency{"SAFE", "Safe Harbour Project", agencies::Sector::kVoluntary, "voluntary"},
    DemoAgency{"STEPS", "Steps Drug and Alcohol Service", agencies::Sector::kVoluntary,
               "substance_misuse"},
    DemoAgency{"BRIGHT", "Brightwater Children's Homes Ltd", agencies::Sector::kPrivate,
               "private_provider"},
    DemoAgency{"HLA", "Harbourside Council", agencies::Sector::kStatutory, "local_authority_other"},
};

struct DemoUser {
  const char* username;
  const char* name;
  access::Role role;
  const char* agency;
};

constexpr std::array kUsers = {
    DemoUser{"demo.practitioner", "Alex Morgan", access::Role::kPractitioner, "HACAD"},
    DemoUser{"demo.voluntary", "Sam Okafor", access::Role::kPractitioner, "SAFE"},
    DemoUser{"demo.lead", "Jordan Patel", access::Role::kSafeguardingLead, "HACAD"},
    DemoUser{"demo.coordinator", "Casey Lewis", access::Role::kCoordinator, "HCSC"},
    DemoUser{"demo.panel", "Riley Hughes", access::Role::kPanelMember, "HNHS"},
    DemoUser{"demo.intel", "Morgan Reid", access::Role::kIntelligenceOfficer, "HPOL"},
    DemoUser{"demo.analyst", "Taylor Brooks", access::Role::kAnalyst, "HLA"},
    DemoUser{"demo.admin", "Jamie Carter", access::Role::kAdministrator, "HLA"},
    DemoUser{"demo.auditor", "Robin Shaw", access::Role::kAuditor, "HLA"},
};
// Users added after the seeded history, so that adding one changes none of its records: the
// regional analyst combines the partnerships' returns (scripts/demo-returns writes some) and
// sees nothing of Harbourside's own records.
constexpr std::array kLaterUsers = {
    DemoUser{"demo.regional", "Avery Quinn", access::Role::kRegionalAnalyst, "HLA"},
};

constexpr std::array kGirls = {"Amelia", "Olivia", "Isla",   "Ava",   "Mia",   "Ivy",
                               "Lily",   "Grace",  "Sophia", "Freya", "Zara",  "Aisha",
                               "Maya",   "Ella",   "Chloe",  "Ruby",  "Leah",  "Hana",
                               "Nadia",  "Jade",   "Erin",   "Keira", "Poppy", "Imani"};
constexpr std::array kBoys = {"Noah",  "Oliver", "Leo",   "Jack",    "Harry", "Oscar",
                              "Ethan", "Mason",  "Kai",   "Ryan",    "Adam",  "Yusuf",
                              "Tyler", "Kyle",   "Liam",  "Jayden",  "Reece", "Callum",
                              "Omar",  "Dylan",  "Lewis", "Ibrahim", "Kofi",  "Tomasz"};
constexpr std::array kFamilies = {
    "Smith",  "Jones",    "Taylor",   "Brown",    "Williams", "Wilson",   "Johnson", "Davies",
    "Patel",  "Robinson", "Wright",   "Thompson", "Evans",    "Walker",   "White",   "Roberts",
    "Green",  "Hall",     "Wood",     "Jackson",  "Clarke",   "Khan",     "Ahmed",   "Hussain",
    "Begum",  "Nowak",    "Kowalski", "Okafor",   "Mensah",   "Campbell", "Murphy",  "Kelly",
    "Hughes", "Edwards",  "Turner",   "Hill",     "Cooper",   "Ward",     "Morris",  "Moore"};
constexpr std::array kPlaces = {"the bus station",
                                "the retail park",
                                "a takeaway on the high street",
                                "the park by the river",
                                "a flat on the Eastgate estate",
                                "outside school",
                                "the railway station",
                                "a hotel near the ring road",
                                "the shopping centre",
                                "a car park behind the leisure centre"};
constexpr std::array kObservations = {
    "was collected from school by an unknown adult in a car",
    "has a new phone and new clothes and would not say where they came from",
    "returned home late and seemed under the influence of alcohol",
    "was seen with a group of older males",
    "disclosed that an older 'boyfriend' buys them things",
    "has been missing from school for most of this week",
    "was found after being reported missing overnight",
    "has been receiving many calls and messages and seems anxious",
    "talked about parties at a flat where adults give out alcohol",
    "had marks on their arms they tried to hide",
    "was seen getting into different cars after school",
    "has become withdrawn and tired in lessons",
};

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : engine_(seed) {}
  std::uint64_t Next() { return engine_(); }
  std::size_t Pick(std::size_t n) { return static_cast<std::size_t>(engine_() % n); }
  bool Chance(int percent) { return static_cast<int>(engine_() % 100) < percent; }
  template <class A>
  auto Of(const A& array) {
    return array[Pick(array.size())];
  }
  std::string Id() {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string id(32, '0');
    std::uint64_t a = engine_(), b = engine_();
    for (int i = 0; i < 16; ++i) {
      id[i] = kHex[(a >> (i * 4)) & 0xF];
      id[16 + i] = kHex[(b >> (i * 4)) & 0xF];
    }
    return id;
  }

 private:
  std::mt19937_64 engine_;
};

std::string Postcode(Rng& rng) {
  static constexpr char kLetters[] = "ABDEFGHJLNPQRSTUWXYZ";
  std::string pc = "HB" + std::to_string(1 + rng.Pick(9)) + " " + std::to_string(rng.Pick(10));
  pc += kLetters[rng.Pick(20)];
  pc += kLetters[rng.Pick(20)];
  return pc;
}

const char* Weighted(Rng& rng, std::initializer_list<std::pair<const char*, int>> options) {
  int total = 0;
  for (const auto& [v, w] : options) total += w;
  int roll = static_cast<int>(rng.Pick(static_cast<std::size_t>(total)));
  for (const auto& [v, w] : options) {
    if (roll < w) return v;
    roll -= w;
  }
  return options.begin()->first;
}

audit::Entry SystemEntry(std::string action, std::string detail, Instant at) {
  audit::Entry e;
  e.at = at;
  e.user_id = "system";
  e.username = "harbour-cli";
  e.role = "system";
  e.agency = "-";
  e.action = std::move(action);
  e.record_type = "database";
  e.outcome = "allowed";
  e.purpose = "demonstration";
  e.detail = std::move(detail);
  return e;
}

// What the demo writes for one child's risk assessments.
struct DemoAssessor {
  const assessments::ToolDefinition& tool;
  const WorkingCalendar& calendar;
  storage::AssessmentsRepository& assessments;
  storage::TasksRepository& tasks;
  storage::ConcernsRepository& concerns;
  storage::ReferralsRepository& referrals;
  storage::MessagesRepository& messages;
  std::string coordinator;  // the demo coordinator's user id
};

// A referral of the child to the panel after their latest assessment, walked by the demo
// coordinator through the state machine to a random point (some still waiting to be screened,
// a few of those overdue), with the referrer's feedback messages for each step.
void WriteDemoReferral(Rng& rng, storage::Transaction& tx, const DemoAssessor& w,
                       const children::Child& child, const assessments::Assessment& assessed,
                       Instant as_of) {
  using referrals::State;
  referrals::Referral r;
  r.id = rng.Id();
  r.child_id = child.id;
  r.referred_by = assessed.assessed_by;
  r.referrer_agency = assessed.assessed_by_agency;
  r.assessment_id = assessed.id;
  r.reason = "Demo: the assessment found " + assessed.judged_level +
             "; the panel's partners may hold more.";
  r.sharing = rng.Chance(70) ? referrals::Sharing::kConsent : referrals::Sharing::kWithoutConsent;
  if (r.sharing == referrals::Sharing::kWithoutConsent) {
    r.sharing_reason = "Demo: asking would put the child at more risk (DPA 2018 Sch 1 para 18).";
  }
  r.submitted_at = std::min(*assessed.submitted_at + std::chrono::hours(2 + rng.Pick(20)),
                            as_of - std::chrono::hours(1));
  r.screening_due = referrals::ScreeningDue(r.submitted_at, w.calendar);
  r.child_name = children::DisplayName(child);
  constexpr std::array kPath = {State::kScreening, State::kAccepted, State::kDiscussed,
                                State::kUnderReview};
  std::size_t steps = rng.Pick(kPath.size() + 2);  // 0..5: the last means "not accepted"
  Instant at = r.submitted_at;
  std::vector<referrals::Transition> moves;  // decided here, recorded below
  State state = State::kSubmitted;
  for (std::size_t i = 0; i < steps && i <= kPath.size(); ++i) {
    bool refuse = i == kPath.size() || (i == 1 && rng.Chance(20));
    referrals::TransitionRequest req{
        refuse ? State::kNotAccepted : kPath[i], referrals::Actor::kCoordinator,
        "Demo: below the panel's threshold for now.", "Demo: the youth service's early help team."};
    if (refuse && state != State::kScreening) break;
    at += std::chrono::hours(6 + rng.Pick(30));
    if (at >= as_of) break;
    auto t = referrals::Decide(state, req, w.coordinator, at);
    if (!t) break;
    moves.push_back(*t);
    state = t->to;
    if (refuse) break;
  }
  // Stored as submitted, then moved step by step as the coordinator would (each move recorded).
  r.state = State::kSubmitted;
  r.updated_at = r.submitted_at;
  w.referrals.InsertIn(tx, r);
  referrals::Transition received{State::kSubmitted, State::kSubmitted, "", "",
                                 r.referred_by,     r.submitted_at};
  std::vector<referrals::Transition> told{received};
  for (const auto& t : moves) {
    if (!w.referrals.MoveIn(tx, r.id, t, rng.Id())) break;
    told.push_back(t);
  }
  for (const auto& t : told) {
    feedback::Message m = referrals::MessageFor(r, t, "exploitation panel",
                                                "the exploitation coordinator, through Harbour",
                                                FormatLondonDateTime(r.screening_due));
    m.id = rng.Id();
    m.recipient = r.referred_by;
    m.at = t.at;
    w.messages.InsertIn(tx, m);
  }
}

// A child the demo may give missing episodes to.
struct DemoMissingChild {
  std::string id;
  std::string given_name;
  std::string agency;  // the agency that created the record (already involved)
  std::string worker;  // that agency's worker, who records the episodes
};

// Partner intelligence for the first children of `children` (at most six): each child's agency
// worker reports a man, a car and a place; the intelligence unit (demo.intel) grades it P with
// a sanitised text, creates the records and links them to the child, so that the coordinator's
// child page and the record pages have something to show. The seventh report is left in the
// queue, ungraded. Synthetic: names and marks come from small fixed lists.
Result<void> WriteDemoIntelligence(storage::Database& db,
                                   const std::vector<DemoMissingChild>& children,
                                   const std::string& holding_agency, const std::string& officer,
                                   Instant as_of, std::uint64_t seed) {
  Rng rng(seed ^ 0x696e74656c6cULL);
  using std::chrono::days;
  constexpr std::array kMen = {"Dean Marsh", "Kyle Brandt", "Rico Vance", "Lee Harker",
                               "Tony Quill", "Mick Dorran", "Jay Selwood"};
  constexpr std::array kMarks = {"AB12CDE", "HB19XKT", "YD67RLM", "KX21PZA",
                                 "HB70NOE", "LV15GHD", "MW68TUR"};
  constexpr std::array kPlaceNames = {"Seaview Hotel",  "Quayside Kebabs", "Harbour Cars",
                                      "Eastgate flats", "Riverside park",  "Station Lodge B&B",
                                      "Anchor Inn"};
  constexpr std::array kPlaceTypes = {intelligence::PlaceType::kHotel,
                                      intelligence::PlaceType::kTakeaway,
                                      intelligence::PlaceType::kTaxiFirm,
                                      intelligence::PlaceType::kHmo,
                                      intelligence::PlaceType::kPark,
                                      intelligence::PlaceType::kBedAndBreakfast,
                                      intelligence::PlaceType::kLicensedPremises};
  storage::IntelligenceRepository reports(db);
  storage::RecordsRepository records(db);
  storage::DisruptionRepository disruption(db);
  // Each place sits inside the synthetic wards (config/reference/harbourside-wards.geojson).
  std::vector<std::pair<places::LatLon, std::optional<places::WardRef>>> spots;
  for (std::size_t i = 0; i < kPlaceNames.size(); ++i) {
    places::LatLon at{52.612 + 0.01 * static_cast<double>(i),
                      -1.885 + 0.025 * static_cast<double>(i)};
    auto ward = storage::WardsRepository(db).Locate(at);
    if (!ward) return std::unexpected(ward.error());
    spots.emplace_back(at, *ward);
  }
  return storage::Guard("loading demo intelligence", [&]() -> Result<void> {
    storage::Transaction tx(db);
    std::size_t n = std::min<std::size_t>(children.size(), kMen.size());
    for (std::size_t i = 0; i < n; ++i) {
      const DemoMissingChild& c = children[i];
      Instant at = as_of - days(40 - 5 * static_cast<int>(i));
      intelligence::Report r;
      r.id = rng.Id();
      r.submitted_by = c.worker;
      r.submitted_by_agency = c.agency;
      r.submitted_at = at;
      r.holding_agency = holding_agency;
      r.category = intelligence::Category::kSexualExploitation;
      r.knowledge = intelligence::Knowledge::kFirstHand;
      intelligence::Original original{std::string("A man who calls himself ") + kMen[i],
                                      c.given_name +
                                          " was seen getting into a car with an older man near " +
                                          kPlaceNames[i] + ".",
                                      kPlaceNames[i],
                                      "Several evenings last month",
                                      "",
                                      ""};
      std::vector<intelligence::ReportSubject> subjects = {
          {rng.Id(), 0, "child", c.id, {}, {}},
          {rng.Id(), 1, "person", "", {{"name", kMen[i]}}, {}},
          {rng.Id(), 2, "vehicle", "", {{"registration", kMarks[i]}}, {}},
          {rng.Id(), 3, "place", "", {{"name", kPlaceNames[i]}}, {}},
      };
      reports.InsertIn(tx, r, original, {"Demo worker", "Demo agency", "", ""}, subjects);
      if (i + 1 == n && n > 1) break;  // the last one waits in the queue
      intelligence::Person person;
      person.name = kMen[i];
      person.name_key = intelligence::NameKey(kMen[i]);
      person.age_from = 25;
      person.age_to = 40;
      person.sex = "male";
      auto vehicle = intelligence::ValidateVehicle({kMarks[i], "Ford", "Focus", "silver"});
      auto place = intelligence::ValidatePlace({kPlaceNames[i],
                                                std::string(intelligence::ToCode(kPlaceTypes[i])),
                                                "", "", "", "", "", ""});
      if (!vehicle || !place) return Fail(ErrorKind::kInternal, "bad_demo_record", "demo record");
      place->latitude = spots[i].first.lat;
      place->longitude = spots[i].first.lon;
      if (spots[i].second) {
        place->ward_code = spots[i].second->code;
        place->ward_name = spots[i].second->name;
      }
      std::string ids[3] = {records.InsertPersonIn(tx, person, officer, holding_agency, at),
                            records.InsertVehicleIn(tx, *vehicle, officer, holding_agency, at),
                            records.InsertPlaceIn(tx, *place, officer, holding_agency, at)};
      for (int k = 0; k < 3; ++k) {
        reports.ResolveSubjectIn(tx, r.id, subjects[static_cast<std::size_t>(k) + 1].id, ids[k]);
      }
      using intelligence::LinkType;
      using intelligence::RecordType;
      const std::tuple<LinkType, RecordType, std::string, RecordType, std::string> links[] = {
          {LinkType::kSuspectedExploiter, RecordType::kChild, c.id, RecordType::kPerson, ids[0]},
          {LinkType::kDriver, RecordType::kPerson, ids[0], RecordType::kVehicle, ids[1]},
          {LinkType::kSeenIn, RecordType::kChild, c.id, RecordType::kVehicle, ids[1]},
          {LinkType::kSeenAt, RecordType::kChild, c.id, RecordType::kPlace, ids[2]},
      };
      for (const auto& [type, from_type, from, to_type, to] : links) {
        auto ends = intelligence::CanonicalLink(type, from_type, from, to_type, to);
        if (!ends) return std::unexpected(ends.error());
        records.LinkIn(tx, *ends, r.id, officer, holding_agency, at);
      }
      intelligence::Grading grading;
      grading.grade = {intelligence::Source::k2,
                       intelligence::Assessment::kB,
                       intelligence::Handling::kP,
                       "",
                       {}};
      grading.sanitised_text =
          "A young person has been seen getting into a car with an adult "
          "male near " +
          std::string(kPlaceNames[i]) + ".";
      grading.outcome = intelligence::Outcome::kLogCreated;
      reports.GradeIn(tx, r.id, grading, officer, at + days(1));
      // Disruption that needs no reminder: a letter to the first man, an arrest of the second;
      // business visits: the first place this month, the sixth 14 months ago (so it is on the
      // "not visited in 12 months" list).
      if (i < 2) {
        disruption::Disruption d;
        d.id = rng.Id();
        d.measure =
            i == 0 ? disruption::Measure::kLetterToPersonOfConcern : disruption::Measure::kArrest;
        d.subject_type = disruption::SubjectType::kPerson;
        d.subject_id = ids[0];
        d.date = std::chrono::floor<days>(at + days(3));
        d.by_agency = holding_agency;
        d.officer = "PC Demo Officer";
        d.outcome = i == 0 ? "Letter hand-delivered" : "Released under investigation";
        d.recorded_by = officer;
        d.recorded_by_agency = holding_agency;
        d.recorded_at = at + days(3);
        disruption.InsertIn(tx, d);
      }
      if (i == 0 || i == 5) {
        disruption::Visit v;
        v.id = rng.Id();
        v.place_id = ids[2];
        v.date = std::chrono::floor<days>(i == 0 ? as_of - days(10) : as_of - days(425));
        v.visiting_agencies = {holding_agency};
        v.awareness_pack_given = true;
        v.staff_spoken_to = "Duty manager";
        v.follow_up = "Revisit in six months";
        v.recorded_by = officer;
        v.recorded_by_agency = holding_agency;
        v.recorded_at = as_of - days(i == 0 ? 10 : 425);
        disruption.InsertVisitIn(tx, v);
      }
    }
    tx.Commit();
    return {};
  });
}

// Missing episodes for about one child in three (at most twelve), relative to `as_of`: the first
// child has three returns within the last 25 days (meeting the repeat rule, so the coordinators
// have one open strategy-discussion task), with a completed interview, a refused one and one
// still due; the others have an overdue interview, an interview offered and still due, an
// episode still going on, or an older completed one. Uses its own random stream so that the
// rest of the demo area does not change with it.
Result<void> WriteDemoMissing(storage::Database& db, const std::vector<DemoMissingChild>& children,
                              const std::string& coordinator, const std::string& interviewer_agency,
                              Instant as_of, std::uint64_t seed) {
  using std::chrono::days;
  using std::chrono::hours;
  Rng rng(seed ^ 0x6d697373696e67ULL);
  storage::MissingRepository repo(db);
  storage::TasksRepository tasks_repo(db);
  return storage::Guard("loading demo missing episodes", [&]() -> Result<void> {
    storage::Transaction tx(db);
    auto episode = [&](const DemoMissingChild& c, Instant started, std::optional<Instant> back) {
      missing::MissingEpisode e;
      e.id = rng.Id();
      e.child_id = c.id;
      e.kind = rng.Chance(70) ? missing::Kind::kMissing : missing::Kind::kAway;
      e.started_at = started;
      e.returned_at = back;
      e.reported_by = rng.Of(std::array{"Parent", "Foster carer", "Residential home manager"});
      e.police_reference = "HP-DEMO-" + std::to_string(1000 + rng.Pick(9000));
      e.risk_grade = static_cast<missing::RiskGrade>(rng.Pick(4));
      if (back) {
        e.where_found = rng.Of(kPlaces);
        e.found_with = rng.Chance(50) ? "Two older males (demo data)" : "Friends from school";
      }
      e.carer_name = "Demo carer of " + c.given_name;
      e.recorded_by = c.worker;
      e.recorded_by_agency = c.agency;
      e.recorded_at = started + hours(2);
      repo.InsertEpisodeIn(tx, e);
      return e;
    };
    auto interview = [&](const DemoMissingChild& c, const missing::MissingEpisode& e,
                         missing::InterviewStatus status, Instant at) {
      missing::ReturnInterview r;
      r.id = rng.Id();
      r.episode_id = e.id;
      r.status = status;
      r.offered_at = at - hours(6);
      r.interviewer_name = "Safe Harbour return worker";
      r.interviewer_agency = interviewer_agency;
      if (status == missing::InterviewStatus::kCompleted) {
        r.held_at = at;
        r.place = "Harbourside youth centre";
        r.findings[0] = "Demo: went to meet friends at the retail park.";
        r.findings[1] = "Demo: a flat on the Eastgate estate, with older males " + c.given_name +
                        " did not want to name.";
        r.findings[4] = "Demo: offered alcohol and lifts.";
      } else if (status == missing::InterviewStatus::kRefused) {
        r.reason = "Demo: said they did not want to talk about it.";
      }
      r.recorded_by = c.worker;
      r.recorded_by_agency = c.agency;
      r.recorded_at = at + hours(1);
      repo.InsertInterviewIn(tx, r);
    };
    int shown = 0;
    for (std::size_t i = 0; i < children.size() && shown < 12; i += 3, ++shown) {
      const DemoMissingChild& c = children[i];
      switch (shown % 4) {
        case 0: {
          if (shown == 0) {  // meets the repeat rule: three returns within 25 days
            auto a = episode(c, as_of - days(24), as_of - days(23));
            interview(c, a, missing::InterviewStatus::kCompleted, as_of - days(22));
            auto b = episode(c, as_of - days(12), as_of - days(11) - hours(5));
            interview(c, b, missing::InterviewStatus::kRefused, as_of - days(10));
            auto last = episode(c, as_of - days(1), as_of - hours(10));
            if (!coordinator.empty()) {
              tasks::Task t;
              t.id = rng.Id();
              t.child_id = c.id;
              t.source_type = "missing";
              t.source_id = last.id;
              t.title = missing::StrategyTaskTitle(3, 30);
              t.who = "coordinator";
              t.assigned_role = std::string(access::ToCode(access::Role::kCoordinator));
              t.due_at = last.recorded_at + hours(24);
              t.created_by = c.worker;
              t.created_at = last.recorded_at;
              tasks_repo.InsertIn(tx, t);
            }
          } else {
            episode(c, as_of - days(3) - hours(10), std::nullopt);  // still missing
          }
          break;
        }
        case 1:  // returned five days ago, no interview: overdue
          episode(c, as_of - days(6), as_of - days(5));
          break;
        case 2: {  // offered, still due
          auto e = episode(c, as_of - days(2), as_of - days(1) - hours(20));
          interview(c, e, missing::InterviewStatus::kOffered, as_of - days(1));
          break;
        }
        default: {  // months ago, completed in time
          auto e = episode(c, as_of - days(120), as_of - days(119));
          interview(c, e, missing::InterviewStatus::kCompleted, as_of - days(118));
          break;
        }
      }
    }
    tx.Commit();
    return {};
  });
}

// One to three submitted assessments of the child, each pre-filled from the concerns seen before
// it (as a practitioner would confirm them) and scored with the tool; usually judged at the
// computed level, sometimes one lower with a rationale (which alerts the coordinator). The
// latest one's actions become tasks, done with an outcome when they fell due before `as_of`.
// Returns how many assessments were written.
int WriteDemoAssessments(Rng& rng, storage::Transaction& tx, const DemoAssessor& w,
                         const children::Child& child,
                         const std::vector<assessments::Sighting>& sightings,
                         const std::string& assessor, const std::string& agency, Instant first,
                         Instant as_of) {
  int count = 1 + static_cast<int>(rng.Pick(3));
  auto span = std::chrono::duration_cast<std::chrono::seconds>(as_of - first).count();
  if (span < 86400) return 0;
  for (int k = 1; k <= count; ++k) {
    // Earlier ones spread over the history; the latest within the last two months, so that some
    // reviews are due, some overdue and some not yet.
    Instant at = first + std::chrono::seconds(span * k / (count + 1) + rng.Pick(3600));
    if (k == count) {
      at = std::max(at, as_of - std::chrono::days(1 + rng.Pick(60)) - std::chrono::hours(2));
    }
    auto prefill = assessments::Prefill(w.tool, sightings, LondonDate(at));
    assessments::Assessment a;
    a.id = rng.Id();
    a.child_id = child.id;
    a.tool_id = w.tool.id;
    a.tool_version = w.tool.version;
    a.status = assessments::Status::kSubmitted;
    std::vector<assessments::Sighting> evidence;
    for (const auto& p : prefill) {
      a.answers.push_back(p.answer);
      evidence.insert(evidence.end(), p.sources.begin(), p.sources.end());
    }
    a.facts = assessments::FactsOf(child, LondonDate(at));
    auto outcome = assessments::Score(w.tool, a.answers, a.facts, at, w.calendar);
    if (!outcome) continue;  // cannot happen with pre-filled answers; skip rather than fail
    a.outcome = *outcome;
    a.judged_level = outcome->level;
    int index = w.tool.LevelIndex(outcome->level);
    if (index > 0 && rng.Chance(8)) {
      a.judged_level = w.tool.levels[static_cast<std::size_t>(index - 1)].code;
      a.rationale =
          "Demo: the family and school report the contact has stopped; reviewed with "
          "the safeguarding lead.";
      w.concerns.RaiseAlertIn(tx, "judged_lower", child.id,
                              "Judged one level below the tool's (demo data).", assessor, at);
    }
    a.assessed_by = assessor;
    a.assessed_by_agency = agency;
    a.created_at = a.updated_at = at - std::chrono::minutes(20);
    a.submitted_at = at;
    a.plan = assessments::PlanFor(w.tool, a.outcome, a.judged_level, at, w.calendar);
    w.assessments.InsertIn(tx, a, {}, evidence);
    if (k != count) continue;
    // The children judged in the top two levels are sometimes referred to the panel.
    if (!w.coordinator.empty() &&
        w.tool.LevelIndex(a.plan.level) + 2 >= static_cast<int>(w.tool.levels.size()) &&
        rng.Chance(30)) {
      WriteDemoReferral(rng, tx, w, child, a, as_of);
    }
    for (const auto& t : assessments::TasksFor(a, [&rng] { return rng.Id(); })) {
      w.tasks.InsertIn(tx, t);
      if (t.due_at < as_of && rng.Chance(75)) {
        w.tasks.CompleteIn(tx, t.id, "Done (demo data).", assessor, t.due_at);
      }
    }
  }
  return count;
}

// The users a demo panel meeting involves.
struct DemoPanel {
  std::string coordinator, coordinator_agency;
  std::string member, member_agency;                               // the demo panel member
  std::vector<std::pair<std::string, std::string>> action_owners;  // agency workers: id, label
};

constexpr std::size_t kDemoAgendaSize = 20;  // children per demo meeting, as panels often have
constexpr int kDemoPastMeetings = 26;        // a year of fortnightly meetings at most

// A meeting at 10:00 London time `days` after `as_of`, its coordinator and panel member members
// (present when it has been held), stored.
panel::PanelMeeting WriteDemoMeeting(Rng& rng, storage::Transaction& tx,
                                     storage::PanelRepository& repo, Instant as_of, int days,
                                     const DemoPanel& who) {
  Instant starts = FromLondonLocal(LondonDate(as_of + std::chrono::days(days)), 10, 0);
  panel::PanelMeeting m{rng.Id(),       starts,          "Room 4, Harbourside Civic Centre",
                        rng.Chance(50), who.coordinator, starts - std::chrono::days(7)};
  repo.InsertMeetingIn(tx, m);
  for (const auto& [user, agency] : {std::pair{who.coordinator, who.coordinator_agency},
                                     std::pair{who.member, who.member_agency}}) {
    repo.AddMemberIn(tx, m.id, user, agency, who.coordinator, m.created_at);
    if (days < 0) {
      repo.SetAttendanceIn(tx, m.id, user, panel::Attendance::kPresent, who.coordinator, starts);
    }
  }
  return m;
}

// The held meeting's decision on one child and one or two actions, some done, some overdue.
void WriteDemoDecision(Rng& rng, storage::Transaction& tx, storage::PanelRepository& repo,
                       storage::TasksRepository& tasks_repo, const panel::PanelMeeting& held,
                       const panel::AgendaItem& item, const DemoPanel& who) {
  Date held_day = LondonDate(held.starts_at);
  panel::Decision d;
  d.category = static_cast<panel::Category>(1 + rng.Pick(3));
  d.models = {panel::kModels[rng.Pick(std::size(panel::kModels))]};
  if (rng.Chance(40)) d.elements = {panel::kElements[rng.Pick(std::size(panel::kElements))]};
  d.plan =
      "Demo: disruption of the adults involved; a trusted worker visits weekly; school "
      "attendance monitored.";
  d.next_review = Date{std::chrono::sys_days{held_day} + std::chrono::days(14 + rng.Pick(42))};
  d.recorded_by = who.coordinator;
  d.recorded_at = held.starts_at + std::chrono::minutes(30);
  repo.RecordDecisionIn(tx, item.id, d);
  for (std::size_t k = 0, n = 1 + rng.Pick(2); k < n && !who.action_owners.empty(); ++k) {
    tasks::Task t;
    t.id = rng.Id();
    t.child_id = item.child_id;
    t.source_type = "panel";
    t.source_id = item.id;
    t.title = rng.Of(
        std::array{"Return home interview follow-up", "Share the disruption plan with the school",
                   "Licensing check on the hotel named", "Strategy discussion with the police"});
    const auto& [owner, label] = who.action_owners[rng.Pick(who.action_owners.size())];
    t.assigned_user = owner;
    t.who = label;
    t.due_at = panel::ActionDueAt(
        Date{std::chrono::sys_days{held_day} + std::chrono::days(3 + rng.Pick(10))});
    t.created_by = who.coordinator;
    t.created_at = d.recorded_at;
    tasks_repo.InsertIn(tx, t);
    if (rng.Chance(50)) {
      tasks_repo.CompleteIn(tx, t.id, "Done (demo data).", t.assigned_user, t.due_at);
    }
  }
}

// Panel meetings for the demo referrals: the children whose referral went past "accepted" were
// discussed at fortnightly meetings going back from a fortnight before `as_of`
// (kDemoAgendaSize each, a year at most), each with a decision and actions; the meeting a week
// after `as_of` has about half the accepted referrals on its agenda (the rest stay proposals).
// The coordinator and the demo panel member are members of every meeting.
Result<void> WriteDemoPanel(Rng& rng, storage::Database& db, Instant as_of, const DemoPanel& who) {
  using referrals::State;
  storage::ReferralsRepository referrals_repo(db);
  storage::PanelRepository panel_repo(db);
  storage::TasksRepository tasks_repo(db);
  auto open = referrals_repo.Open(100000);
  if (!open) return std::unexpected(open.error());
  return storage::Guard("loading demo panel meetings", [&]() -> Result<void> {
    storage::Transaction tx(db);
    panel::PanelMeeting next = WriteDemoMeeting(rng, tx, panel_repo, as_of, 7, who);
    std::optional<panel::PanelMeeting> held;
    std::size_t on_held = 0, on_next = 0;
    int past = 0;
    for (const auto& r : *open) {
      bool discussed = r.state == State::kDiscussed || r.state == State::kUnderReview;
      bool to_next = r.state == State::kAccepted && on_next < kDemoAgendaSize && rng.Chance(50);
      if (!discussed && !to_next) continue;
      if (discussed && (!held || on_held == kDemoAgendaSize)) {
        if (past == kDemoPastMeetings) continue;
        held = WriteDemoMeeting(rng, tx, panel_repo, as_of, -14 * ++past, who);
        on_held = 0;
      }
      const panel::PanelMeeting& meeting = discussed ? *held : next;
      panel::AgendaItem item{
          rng.Id(), meeting.id,   r.child_id,   r.id, panel::ItemReason::kReferral,
          0,        std::nullopt, r.child_name, "",   ""};
      panel_repo.InsertItemIn(tx, item, who.coordinator, meeting.created_at);
      ++(discussed ? on_held : on_next);
      if (discussed) WriteDemoDecision(rng, tx, panel_repo, tasks_repo, *held, item, who);
    }
    tx.Commit();
    return {};
  });
}

}  // namespace

std::vector<DemoLogin> DemoLogins() {
  std::vector<DemoLogin> out;
  std::vector<DemoUser> users(kUsers.begin(), kUsers.end());
  users.insert(users.end(), kLaterUsers.begin(), kLaterUsers.end());
  for (const auto& u : users) {
    const char* agency_name = "";
    for (const auto& a : kAgencies) {
      if (std::string_view(a.code) == u.agency) agency_name = a.name;
    }
    out.push_back({u.username, std::string(access::ToCode(u.role)), agency_name});
  }
  return out;
}

Result<DemoSummary> LoadDemoData(storage::Database& db, const reference::Catalogue& catalogue,
                                 const WorkingCalendar& calendar, const DemoOptions& options) {
  storage::AgenciesRepository agencies_repo(db);
  auto existing = agencies_repo.FindByCode("HPOL");
  if (!existing) return std::unexpected(existing.error());
  if (existing->has_value()) {
    return Conflict("demo_data_present", "The demo area is already loaded in this database.");
  }
  Rng rng(options.seed);
  Instant as_of = std::chrono::sys_days(options.as_of) + std::chrono::hours(17);
  Instant start = as_of - std::chrono::days(730);
  DemoSummary summary;
  // The demo area's electoral wards (issue 5; config/reference/harbourside-wards.geojson,
  // embedded), before anything is placed in them.
  {
    auto wards =
        places::ParseWardsGeoJson(EmbeddedText("config/reference/harbourside-wards.geojson"));
    if (!wards) return std::unexpected(wards.error());
    if (auto saved = storage::WardsRepository(db).ReplaceAll(*wards, start, "demo-data",
                                                             "harbourside-wards.geojson");
        !saved) {
      return std::unexpected(saved.error());
    }
  }

  // The demo area's child population for equality monitoring (issue 12;
  // config/reference/demo-population.csv, synthetic, embedded).
  {
    profile::EthnicityCodes codes;
    for (const auto& e : catalogue.Ethnicities()) codes.insert(e.code);
    auto population =
        profile::ParsePopulationCsv(EmbeddedText("config/reference/demo-population.csv"), codes);
    if (!population) return std::unexpected(population.error());
    storage::ProfileRepository profiles(db);
    auto saved = storage::InTransaction(
        db, "loading the demo population", [&](storage::Transaction& tx) -> Result<bool> {
          profiles.ReplacePopulationIn(tx, *population, start, "demo-data", "demo-population.csv");
          return true;
        });
    if (!saved) return std::unexpected(saved.error());
  }

  std::map<std::string, std::string> agency_ids;      // code -> id
  std::map<std::string, std::string> agency_workers;  // agency id -> user id
  std::map<std::string, std::string> agency_names;    // agency id -> name
  std::vector<std::string> case_agencies;             // ids that record concerns
  std::string password_hash = identity::HashPassword(kDemoPassword);
  storage::IdentityRepository identity_repo(db);
  for (const auto& a : kAgencies) {
    agencies::Agency agency{rng.Id(), a.code, a.name, a.sector, a.type};
    if (!catalogue.FindAgencyType(agency.type)) {
      return Fail(ErrorKind::kInternal, "bad_demo_agency", "Unknown agency type " + agency.type);
    }
    if (auto saved = agencies_repo.Insert(agency, start); !saved)
      return std::unexpected(saved.error());
    agency_ids[a.code] = agency.id;
    agency_names[agency.id] = agency.name;
    ++summary.agencies;
    // Every agency has a worker who records its concerns in the demo history.
    identity::User worker{rng.Id(),
                          "worker." + NameKey(a.code),
                          std::string(a.name) + " worker",
                          agency.id,
                          access::Role::kPractitioner,
                          password_hash,
                          0,
                          std::nullopt,
                          true};
    if (auto saved = identity_repo.InsertUser(worker, start); !saved) {
      return std::unexpected(saved.error());
    }
    agency_workers[agency.id] = worker.id;
    if (std::string_view(a.code) != "HLA") case_agencies.push_back(agency.id);
    ++summary.users;
  }
  std::string coordinator_id;
  std::string intelligence_officer;
  DemoPanel panel_people;
  for (const auto& [agency, worker] : agency_workers) {
    panel_people.action_owners.emplace_back(
        worker, agency_names[agency] + " worker (" + agency_names[agency] + ")");
  }
  for (const auto& u : kUsers) {
    identity::User user{rng.Id(), u.username,   u.name, agency_ids[u.agency], u.role, password_hash,
                        0,        std::nullopt, true};
    if (auto saved = identity_repo.InsertUser(user, start); !saved)
      return std::unexpected(saved.error());
    if (u.role == access::Role::kCoordinator) coordinator_id = user.id;
    if (u.role == access::Role::kIntelligenceOfficer) intelligence_officer = user.id;
    if (u.role == access::Role::kCoordinator) panel_people.coordinator = user.id;
    if (u.role == access::Role::kCoordinator) panel_people.coordinator_agency = user.agency_id;
    if (u.role == access::Role::kPanelMember) panel_people.member = user.id;
    if (u.role == access::Role::kPanelMember) panel_people.member_agency = user.agency_id;
    ++summary.users;
  }

  std::vector<std::string> indicator_codes;
  for (const auto& i : catalogue.Indicators()) {
    if (!i.retired && i.group != reference::IndicatorGroup::kCommunity) {
      indicator_codes.push_back(i.code);
    }
  }
  std::vector<std::string> ethnicity_codes;
  for (const auto& e : catalogue.Ethnicities()) ethnicity_codes.push_back(e.code);

  long long total_concerns = options.concerns >= 0 ? options.concerns : 4LL * options.children;
  storage::ChildrenRepository children_repo(db);
  storage::ConcernsRepository concerns_repo(db);
  storage::AssessmentsRepository assessments_repo(db);
  storage::TasksRepository tasks_repo(db);
  storage::ReferralsRepository referrals_repo(db);
  storage::MessagesRepository messages_repo(db);
  // Assessments use the default tool when `harbour migrate` has registered it.
  storage::ToolLibrary library(db, catalogue);
  auto tool = library.Latest(storage::kDefaultTool);
  std::optional<DemoAssessor> assessor;
  if (tool) {
    assessor.emplace(DemoAssessor{**tool, calendar, assessments_repo, tasks_repo, concerns_repo,
                                  referrals_repo, messages_repo, coordinator_id});
  }
  std::set<std::string> nhs_used;
  std::vector<DemoMissingChild> demo_missing;
  constexpr int kBatch = 500;
  long long concerns_left = total_concerns;
  for (int first = 0; first < options.children; first += kBatch) {
    auto batch = storage::Guard("loading demo children", [&]() -> Result<void> {
      storage::Transaction tx(db);
      for (int i = first; i < std::min(options.children, first + kBatch); ++i) {
        children::Child c;
        c.id = rng.Id();
        c.sex = rng.Chance(60) ? children::Sex::kFemale
                               : (rng.Chance(95) ? children::Sex::kMale : children::Sex::kNotKnown);
        c.given_name = c.sex == children::Sex::kMale ? rng.Of(kBoys) : rng.Of(kGirls);
        c.family_name = rng.Of(kFamilies);
        if (rng.Chance(10)) c.aliases.push_back(std::string(rng.Of(kGirls)).substr(0, 3) + "z");
        int age = 10 + static_cast<int>(rng.Pick(8));
        if (rng.Chance(95)) {
          auto days = std::chrono::days(age * 365 + static_cast<int>(rng.Pick(365)));
          c.date_of_birth = Date(std::chrono::sys_days(options.as_of) - days);
        } else {
          c.estimated_age = age;
        }
        c.ethnicity = ethnicity_codes.empty() ? "not_known"
                                              : ethnicity_codes[rng.Pick(ethnicity_codes.size())];
        c.first_language =
            rng.Chance(85) ? "English" : rng.Of(std::array{"Polish", "Urdu", "Arabic", "Romanian"});
        c.disability = rng.Chance(12) ? children::Disability::kYes : children::Disability::kNo;
        c.special_needs = rng.Chance(15) ? children::SpecialNeeds::kSenSupport
                                         : (rng.Chance(5) ? children::SpecialNeeds::kEhcPlan
                                                          : children::SpecialNeeds::kNone);
        c.address = std::to_string(1 + rng.Pick(120)) + " " +
                    rng.Of(std::array{"Quay Street", "Harbour Road", "Mill Lane", "Eastgate",
                                      "Station Road", "Church View", "Ropewalk"}) +
                    ", Harbourside";
        c.postcode = Postcode(rng);
        c.school = rng.Chance(50) ? "Harbourside Academy" : "Westfield School";
        if (rng.Chance(85)) {
          std::string nhs = SyntheticNhsNumber(static_cast<std::uint64_t>(i) * 7 + rng.Pick(7));
          if (nhs_used.insert(nhs).second) c.nhs_number = nhs;
        }
        if (rng.Chance(70)) c.upn = SyntheticUpn(static_cast<std::uint64_t>(i));
        c.legal_status = children::LegalStatusFromCode(Weighted(rng, {{"none", 55},
                                                                      {"child_in_need", 15},
                                                                      {"child_protection_plan", 8},
                                                                      {"looked_after_s20", 8},
                                                                      {"looked_after_s31", 10},
                                                                      {"looked_after_s38", 2},
                                                                      {"care_leaver", 2}}))
                             .value_or(children::LegalStatus::kNone);
        if (children::IsLookedAfter(c.legal_status)) {
          c.placing_authority = rng.Chance(70) ? "Harbourside Council" : "Northmoor Council";
        }
        c.allocated_worker =
            rng.Chance(60) ? "Social worker " + std::to_string(1 + rng.Pick(40)) : "";
        c.created_by_agency = case_agencies[rng.Pick(case_agencies.size())];
        c.created_at = start + std::chrono::seconds(rng.Pick(365 * 86400));
        c.updated_at = c.created_at;
        children_repo.InsertIn(tx, c, agency_workers[c.created_by_agency]);
        ++summary.children;
        if (demo_missing.size() < 36) {  // WriteDemoMissing looks at every third of these
          demo_missing.push_back(
              {c.id, c.given_name, c.created_by_agency, agency_workers[c.created_by_agency]});
        }

        long long remaining_children = options.children - i;
        long long share = concerns_left / remaining_children;
        long long count =
            remaining_children == 1
                ? concerns_left
                : (share == 0 ? 0 : rng.Pick(static_cast<std::size_t>(2 * share + 1)));
        count = std::min(count, concerns_left);
        std::vector<assessments::Sighting> sightings;
        Instant first_concern = as_of;
        for (long long k = 0; k < count; ++k) {
          concerns::Concern concern;
          concern.id = rng.Id();
          concern.child_id = c.id;
          auto span =
              std::chrono::duration_cast<std::chrono::seconds>(as_of - c.created_at).count();
          concern.observed_at =
              c.created_at + std::chrono::seconds(
                                 rng.Pick(static_cast<std::size_t>(std::max<long long>(span, 1))));
          concern.recorded_at =
              std::min(as_of, concern.observed_at + std::chrono::hours(rng.Pick(72)));
          concern.category =
              concerns::CategoryFromCode(Weighted(rng, {{"sexual_exploitation", 45},
                                                        {"criminal_exploitation", 20},
                                                        {"missing", 20},
                                                        {"online_harm", 10},
                                                        {"other", 5}}))
                  .value_or(concerns::Category::kOther);
          std::set<std::string> codes;
          std::size_t n = rng.Pick(6);
          for (std::size_t j = 0; j < n && !indicator_codes.empty(); ++j) {
            codes.insert(indicator_codes[rng.Pick(indicator_codes.size())]);
          }
          concern.indicators.assign(codes.begin(), codes.end());
          concern.location = rng.Chance(70) ? rng.Of(kPlaces) : "";
          concern.narrative = std::string(c.given_name) + " " + rng.Of(kObservations) + ".";
          concern.first_hand = rng.Chance(70);
          concern.immediate_danger = rng.Chance(1);
          concern.recorded_by_agency =
              rng.Chance(50) ? c.created_by_agency : case_agencies[rng.Pick(case_agencies.size())];
          concern.recorded_by = agency_workers[concern.recorded_by_agency];
          concerns_repo.InsertIn(tx, concern);
          children_repo.AddInvolvementIn(tx, c.id, concern.recorded_by_agency, "concern",
                                         concern.recorded_by, concern.recorded_at);
          ++summary.concerns;
          first_concern = std::min(first_concern, concern.observed_at);
          for (const auto& code : concern.indicators) {
            const std::string& name = agency_names[concern.recorded_by_agency];
            sightings.push_back({code, LondonDate(concern.observed_at), "concern", concern.id, name,
                                 name + " worker"});
          }
        }
        concerns_left -= count;
        if (assessor && !sightings.empty() && rng.Chance(40)) {
          summary.assessments += WriteDemoAssessments(rng, tx, *assessor, c, sightings,
                                                      agency_workers[c.created_by_agency],
                                                      c.created_by_agency, first_concern, as_of);
        }
      }
      tx.Commit();
      return {};
    });
    if (!batch) return std::unexpected(batch.error());
    if (options.children >= 10000 && (first / kBatch) % 20 == 0) {
      spdlog::info("demo-data: {} of {} children loaded", first + kBatch, options.children);
    }
  }
  if (assessor) {
    if (auto panelled = WriteDemoPanel(rng, db, as_of, panel_people); !panelled) {
      return std::unexpected(panelled.error());
    }
  }
  // Anchored at the start of the as-of day, so that nothing lies ahead of a server started on it.
  if (auto went = WriteDemoMissing(db, demo_missing, coordinator_id, agency_ids["SAFE"],
                                   std::chrono::sys_days(options.as_of), options.seed);
      !went) {
    return std::unexpected(went.error());
  }
  if (auto intel = WriteDemoIntelligence(db, demo_missing, agency_ids["HPOL"], intelligence_officer,
                                         std::chrono::sys_days(options.as_of), options.seed);
      !intel) {
    return std::unexpected(intel.error());
  }
  for (const auto& u : kLaterUsers) {
    identity::User user{rng.Id(), u.username,   u.name, agency_ids[u.agency], u.role, password_hash,
                        0,        std::nullopt, true};
    if (auto saved = identity_repo.InsertUser(user, start); !saved) {
      return std::unexpected(saved.error());
    }
    ++summary.users;
  }
  storage::AuditRepository audit_repo(db);
  auto audited = audit_repo.Append(SystemEntry(
      "demo-data.load",
      std::to_string(summary.children) + " children, " + std::to_string(summary.concerns) +
          " concerns, " + std::to_string(summary.assessments) + " assessments, seed " +
          std::to_string(options.seed),
      SystemClock().Now()));
  if (!audited) return std::unexpected(audited.error());
  return summary;
}

}  // namespace harbour::cli
