#include "cli/demo_data.h"

#include <spdlog/spdlog.h>

#include <array>
#include <random>
#include <set>

#include "agencies/agency.h"
#include "common/identifiers.h"
#include "common/text.h"
#include "identity/identity.h"
#include "storage/agencies_repository.h"
#include "storage/audit_repository.h"
#include "storage/children_repository.h"
#include "storage/concerns_repository.h"
#include "storage/identity_repository.h"
#include "storage/messages_repository.h"
#include "storage/referrals_repository.h"
#include "storage/tasks_repository.h"
#include "storage/tool_library.h"

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

}  // namespace

std::vector<DemoLogin> DemoLogins() {
  std::vector<DemoLogin> out;
  for (const auto& u : kUsers) {
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
  for (const auto& u : kUsers) {
    identity::User user{rng.Id(), u.username,   u.name, agency_ids[u.agency], u.role, password_hash,
                        0,        std::nullopt, true};
    if (auto saved = identity_repo.InsertUser(user, start); !saved)
      return std::unexpected(saved.error());
    if (u.role == access::Role::kCoordinator) coordinator_id = user.id;
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
