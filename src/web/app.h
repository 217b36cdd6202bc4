#pragma once
// The web application: routes, authentication, authorisation and rendering. Every handler
// follows one shape (DESIGN.md §2): authenticate → authorise (access::Decide) → domain verb →
// persist → audit → render. Handlers hold no business rules. Thread-safe: handlers share only
// immutable state and the database pool.
#include <memory>
#include <optional>
#include <string>

#include "access/policy.h"
#include "agencies/agency.h"
#include "audit/chain.h"
#include "common/time.h"
#include "common/working_days.h"
#include "identity/identity.h"
#include "reference/catalogue.h"
#include "storage/access_repository.h"
#include "storage/agencies_repository.h"
#include "storage/assessments_repository.h"
#include "storage/audit_repository.h"
#include "storage/children_repository.h"
#include "storage/concerns_repository.h"
#include "storage/database.h"
#include "storage/flags_repository.h"
#include "storage/identity_repository.h"
#include "storage/messages_repository.h"
#include "storage/referrals_repository.h"
#include "storage/tasks_repository.h"
#include "storage/tool_library.h"
#include "web/http.h"
#include "web/templates.h"

namespace harbour::web {

struct AssessmentForm;  // web/assessment_views.h

struct AppOptions {
  bool demo = false;                              // shows the "synthetic demo data" banner
  bool secure_cookies = false;                    // Secure cookies (set when served behind TLS)
  std::string openapi_yaml;                       // served at /api/v1/openapi.yaml
  std::string panel_name = "exploitation panel";  // in feedback messages
  std::string panel_contact = "the exploitation coordinator, through Harbour";
};

// Who is making the request, once authenticated.
struct Principal {
  identity::User user;
  agencies::Agency agency;
  std::optional<identity::Session> session;  // page requests
  access::Subject Subject() const { return {user.id, user.role, agency.id}; }
};

class App {
 public:
  App(storage::Database& db, const reference::Catalogue& catalogue, const Clock& clock,
      const WorkingCalendar& calendar, AppOptions options);

  Router BuildRouter();

 private:
  // --- authentication -------------------------------------------------------------
  std::optional<Principal> SessionPrincipal(const Request& request);
  std::optional<Principal> TokenPrincipal(const Request& request);
  std::optional<Principal> LoadPrincipal(const std::string& user_id);
  // Wraps a page handler: redirects to sign-in without a valid session and checks the
  // CSRF token on every POST.
  Handler PageRoute(std::function<Response(Request&, const Principal&)> handler);
  // Wraps an API handler: 401 without a usable bearer token.
  Handler ApiRoute(std::function<Response(Request&, const Principal&)> handler);

  // --- audit --------------------------------------------------------------------------
  audit::Entry AuditEntry(const Principal& who, const Request& request, std::string_view action,
                          std::string_view record_type, std::string_view record_id,
                          std::string_view outcome, std::string_view purpose = {},
                          std::string_view detail = {}) const;
  // Appends in its own transaction; a failure to audit is logged and turns the response
  // into a 503 (no personal data is shown without its audit entry).
  bool Audit(audit::Entry entry);

  // Decides access to a child for `action`; audits a refusal. Returns the child when allowed,
  // else kNotFound (hidden or absent) or kForbidden.
  Result<children::Child> AuthoriseChild(const Principal& who, const Request& request,
                                         std::string_view child_id, access::Action action,
                                         access::Decision* decision = nullptr,
                                         access::ChildContext* context = nullptr);

  // --- rendering ----------------------------------------------------------------------
  Response Page(const Principal* who, const Request& request, std::string_view title,
                std::string_view page, mstch::map context, unsigned status = 200) const;
  Response ErrorPage(const Principal* who, const Request& request, const Error& error) const;
  Response NotFoundPage(const Principal* who, const Request& request) const;

  // --- pages ----------------------------------------------------------------------------
  Response SignInForm(Request& request);
  Response SignIn(Request& request);
  Response SignOut(Request& request, const Principal& who);
  Response Home(Request& request, const Principal& who);
  Response SearchChildren(Request& request, const Principal& who);
  // The search page for `q`; `context` adds to it (errors of the access-request form).
  Response SearchPage(Request& request, const Principal& who, const std::string& q,
                      mstch::map context, unsigned status);
  Response NewChildForm(Request& request, const Principal& who);
  Response CreateChild(Request& request, const Principal& who);
  Response ViewChild(Request& request, const Principal& who);
  // The child's page; a refused flag form shows its problems and what was typed (422).
  Response ChildPage(Request& request, const Principal& who, const Error* flag_problem,
                     const FormData* flag_form);
  // Warning flags (children_handlers.cc): add and end, by the coordinator.
  Response AddFlag(Request& request, const Principal& who);
  Response EndFlag(Request& request, const Principal& who);
  // Adds "child_flags" (the active warning flags, for the banner of every page of the child)
  // to `context`; false when they cannot be read.
  bool AddChildFlags(mstch::map& context, const children::Child& child);
  // The child page's risk panel: current level, review marker, history chart.
  Result<mstch::map> RiskPanel(const children::Child& child, Date today);
  Response NewConcernForm(Request& request, const Principal& who);
  Response CreateConcern(Request& request, const Principal& who);
  Response CreateAddendum(Request& request, const Principal& who);
  Response Chronology(Request& request, const Principal& who);
  Response AddToTeam(Request& request, const Principal& who);
  Response RequestAccess(Request& request, const Principal& who);
  // Audits a refusal of `action` and renders the 403 page.
  Response Refuse(const Principal& who, const Request& request, const access::Decision& decision,
                  access::Action action, std::string_view message);
  Response AccessRequests(Request& request, const Principal& who);
  Response DecideAccessRequest(Request& request, const Principal& who);
  Response AuditTrail(Request& request, const Principal& who);

  // Risk assessments (assessments_handlers.cc).
  Response StartAssessment(Request& request, const Principal& who);
  Response ViewAssessment(Request& request, const Principal& who);
  Response SaveAssessment(Request& request, const Principal& who);
  Response ChildAssessments(Request& request, const Principal& who);
  // Adds what submitting `form` would also refuse (the engine's and the judgement's checks), so
  // that one round shows every problem.
  void AddSubmitProblems(const assessments::ToolDefinition& tool, const children::Child& child,
                         const AssessmentForm& form, Error& problems);
  // The draft's form, with `problems` (422) or without (200); `preview` is what the tool
  // computes from the saved answers.
  Response AssessmentFormPage(const Principal& who, const Request& request,
                              const children::Child& child, const assessments::ToolDefinition& tool,
                              const assessments::Assessment& draft, const AssessmentForm& form,
                              const Error* problems, bool saved,
                              const assessments::Outcome* preview = nullptr);
  // Tasks and reviews (tasks_handlers.cc).
  Response MyTasks(Request& request, const Principal& who);
  // The tasks page; a failed completion shows its message and the typed outcome on that task.
  Response TasksPage(Request& request, const Principal& who, const std::string& problem_id,
                     const std::string& problem, const std::string& typed);
  Response CompleteTask(Request& request, const Principal& who);
  Response AreaReviews(Request& request, const Principal& who);
  // Risk tools (tools_handlers.cc).
  Response ToolsAdmin(Request& request, const Principal& who);
  Response RegisterTool(Request& request, const Principal& who);
  Response ActivateTool(Request& request, const Principal& who);
  Response ViewToolVersion(Request& request, const Principal& who);
  // The administrator's tools page; a refused file shows every problem and keeps the text.
  Response ToolsPage(Request& request, const Principal& who, const Error* problem,
                     const std::string& typed);

  // Referrals to the panel and the feedback loop (referrals_handlers.cc).
  Response NewReferralForm(Request& request, const Principal& who);
  Response CreateReferral(Request& request, const Principal& who);
  Response ViewReferral(Request& request, const Principal& who);
  Response MoveReferral(Request& request, const Principal& who);
  Response ReferralQueue(Request& request, const Principal& who);
  Response MyReferrals(Request& request, const Principal& who);
  // The child's referral form, with `problems` (422) or without.
  Response ReferralFormPage(const Principal& who, const Request& request,
                            const children::Child& child, const FormData* form,
                            const Error* problems);
  // A referral's page for the coordinator or the referrer; `problems` and `form` show a refused
  // move again.
  Response ReferralPage(const Principal& who, const Request& request,
                        const referrals::Referral& referral, bool coordinator,
                        const Error* problems, const FormData* form, unsigned status);

  // --- API ------------------------------------------------------------------------------
  Response ApiSearchChildren(Request& request, const Principal& who);
  Response ApiCreateChild(Request& request, const Principal& who);
  Response ApiGetChild(Request& request, const Principal& who);
  Response ApiCreateConcern(Request& request, const Principal& who);
  Response ApiChronology(Request& request, const Principal& who);
  // Risk tools and assessments (assessments_api.cc).
  Response ApiListTools(Request& request, const Principal& who);
  Response ApiGetToolVersion(Request& request, const Principal& who);
  Response ApiCreateAssessment(Request& request, const Principal& who);
  Response ApiListAssessments(Request& request, const Principal& who);
  // Referrals and their feedback messages (referrals_api.cc).
  Response ApiCreateReferral(Request& request, const Principal& who);
  Response ApiGetReferral(Request& request, const Principal& who);
  Response ApiMoveReferral(Request& request, const Principal& who);
  Response ApiListReferrals(Request& request, const Principal& who);
  // A referral as JSON text: its fields, its recorded moves (the coordinator's view only) and
  // the caller's own messages about it. Reads only; the caller audits.
  Result<std::string> ReferralDetailJson(const Principal& who, const referrals::Referral& referral,
                                         bool coordinator);

  Response Health(Request& request);

  // --- shared verbs (used by pages and the API) -----------------------------------------
  Result<children::Child> DoCreateChild(const Principal& who, const Request& request,
                                        const children::ChildInput& input);
  Result<concerns::Concern> DoLogConcern(const Principal& who, const Request& request,
                                         const children::Child& child,
                                         const concerns::ConcernInput& input,
                                         std::string_view purpose);
  struct Chronicle {
    std::vector<chronology::Entry> entries;
  };
  Result<Chronicle> DoChronology(const Principal& who, const Request& request,
                                 const children::Child& child, const chronology::Filter& filter,
                                 std::string_view purpose);
  // The chronology page; an addendum that failed validation is shown again on its concern.
  struct AddendumProblem {
    std::string concern_id;
    std::string text;
    std::string message;
  };
  Response ChronologyPage(Request& request, const Principal& who, const children::Child& child,
                          std::string_view purpose, const AddendumProblem* problem);
  // What a practitioner (form) or partner system (API) answered.
  struct AssessmentInput {
    std::vector<assessments::Answer> answers;  // the indicators present
    std::vector<std::string> cleared;          // pre-filled answers the practitioner cleared
    std::string judged_level;
    std::string rationale;
  };
  struct SubmittedAssessment {
    assessments::Assessment assessment;
    std::vector<tasks::Task> tasks;
  };
  // Scores `input` with `tool` (the draft's pinned version, or the active tool's latest for a
  // new assessment), checks the judgement, stores the submitted assessment (completing `draft`
  // when given), turns the required actions into tasks, alerts the coordinators when the judged
  // level is below the computed one, and audits — all in one transaction. kInvalid carries
  // every field problem at once: "answers.<code>[.<part>]", "judged_level", "rationale".
  Result<SubmittedAssessment> DoSubmitAssessment(
      const Principal& who, const Request& request, const children::Child& child,
      const storage::ToolPtr& tool, const storage::AssessmentsRepository::Stored* draft,
      const AssessmentInput& input, std::string_view purpose);
  // A child's assessments, newest first (drafts included), audited as one read.
  Result<std::vector<assessments::Assessment>> DoListAssessments(const Principal& who,
                                                                 const Request& request,
                                                                 const children::Child& child,
                                                                 std::string_view purpose);
  // The child's submitted assessments as chronology entries (headline: the judged level, and
  // the tool's when different; detail: the rationale).
  Result<std::vector<chronology::Entry>> AssessmentEntries(const children::Child& child);
  // What the records of every agency suggest for `tool`, today.
  Result<std::vector<assessments::Prefilled>> DoPrefill(const children::Child& child,
                                                        const assessments::ToolDefinition& tool);

  // Referral verbs shared by pages and the API. DoRefer validates and stores a referral in the
  // submitted state, tells the referrer and their agency's safeguarding leads, and audits.
  Result<referrals::Referral> DoRefer(const Principal& who, const Request& request,
                                      const children::Child& child,
                                      const referrals::ReferralInput& input,
                                      std::string_view purpose);
  // The referral `id` as the caller may see it: the coordinator (any) or its referrer; anyone
  // else gets kNotFound, audited. `coordinator` says which view applies.
  Result<referrals::Referral> FindReferralFor(const Principal& who, const Request& request,
                                              std::string_view id, bool* coordinator);
  // Moves the referral (guards in referrals::Decide), records the move, messages the referrer
  // and audits, in one transaction. kConflict names the current state; kInvalid has fields.
  Result<referrals::Transition> DoMoveReferral(const Principal& who, const Request& request,
                                               const referrals::Referral& referral,
                                               const referrals::TransitionRequest& move);

  struct SearchOutcome {
    std::vector<children::Child> visible;
    std::size_t hidden = 0;  // matches outside the searcher's access
    bool truncated = false;
  };
  Result<SearchOutcome> DoSearch(const Principal& who, const Request& request,
                                 std::string_view text);

  storage::Database& db_;
  const reference::Catalogue& catalogue_;
  const Clock& clock_;
  const WorkingCalendar& calendar_;
  AppOptions options_;
  Templates templates_;
  storage::AgenciesRepository agencies_;
  storage::IdentityRepository identity_;
  storage::ChildrenRepository children_;
  storage::ConcernsRepository concerns_;
  storage::AccessRepository access_;
  storage::AuditRepository audit_;
  storage::AssessmentsRepository assessments_;
  storage::TasksRepository tasks_;
  storage::ToolLibrary tools_;
  storage::ReferralsRepository referrals_;
  storage::MessagesRepository messages_;
  storage::FlagsRepository flags_;
};

}  // namespace harbour::web
