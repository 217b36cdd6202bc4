#pragma once
// Children's records: find a child (with a request for access to matches outside one's access), add
// a child, the child's page with the team around the child, warning flags, and the coordinator's
// access requests (pages and API). The handlers behind web/children/children.h; included only
// inside web/children/.
#include <string>
#include <vector>

#include "children/child.h"
#include "children/flag.h"
#include "reference/catalogue.h"
#include "storage/access_repository.h"
#include "storage/agencies_repository.h"
#include "storage/children_repository.h"
#include "storage/flags_repository.h"
#include "storage/matching_repository.h"
#include "web/assessments/assessments.h"
#include "web/children/flag_json.h"
#include "web/core/handlers.h"
#include "web/matching/matching.h"
#include "web/records/records.h"

namespace harbour::web {

class ChildrenHandlers : public AreaHandlers {
 public:
  ChildrenHandlers(const Core& core, const reference::Catalogue& catalogue,
                   const RecordsArea& records, const AssessmentsArea& assessments,
                   const MatchingArea& matching)
      : AreaHandlers(core),
        catalogue_(catalogue),
        records_area_(records),
        assessments_area_(assessments),
        matching_area_(matching) {}

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
  Response AddToTeam(Request& request, const Principal& who);
  Response RequestAccess(Request& request, const Principal& who);
  Response AccessRequests(Request& request, const Principal& who);
  Response DecideAccessRequest(Request& request, const Principal& who);

  // --- API ------------------------------------------------------------------------------
  Response ApiSearchChildren(Request& request, const Principal& who);
  Response ApiCreateChild(Request& request, const Principal& who);
  Response ApiGetChild(Request& request, const Principal& who);
  // Warning flags and feedback messages in the JSON API (flags_api.cc, messages_api.cc).
  Response ApiListFlags(Request& request, const Principal& who);
  Response ApiAddFlag(Request& request, const Principal& who);
  Response ApiEndFlag(Request& request, const Principal& who);

  // --- shared verbs (used by pages and the API) -----------------------------------------
  // Validates `input` and checks for likely matches first (MatchingArea::LikelyChildren).
  // With `stop_for_matches` (the form), any match stops it unless the user confirmed a different
  // child: nothing is created, `check` (when given) holds them, answered as kConflict
  // "possible_duplicate". Otherwise the child is created, and each near-certain match that nobody
  // has looked at (through the API, or outside the user's access) is queued for the coordinator
  // in the same transaction; the audit entry says what was confirmed and what was queued.
  Result<children::Child> DoCreateChild(const Principal& who, const Request& request,
                                        const children::ChildInput& input,
                                        DuplicateCheck* check = nullptr,
                                        bool stop_for_matches = false);
  // The form of "Add a child" again with what was typed, each field's problem and, for a
  // possible duplicate, the likely matches.
  Response NewChildFormAgain(Request& request, const Principal& who, const FormData& form,
                             const Error& shown, const DuplicateCheck* check);

  // Warning-flag verbs shared by the child's page and the API (children_handlers.cc). DoAddFlag
  // validates `input` (children::ValidateFlag against the flags active today; kInvalid with
  // fields "kind", "start", "panel_reference") and stores the flag with its audit entry
  // (`flag.add`) in one transaction.
  Result<children::Flag> DoAddFlag(const Principal& who, const Request& request,
                                   const children::Child& child, const children::FlagInput& input,
                                   std::string_view purpose);
  // Ends the child's flag `flag_id` on `end` (raw "YYYY-MM-DD"): kNotFound when the child has no
  // such flag, kConflict "flag_ended" when it is already ended, kInvalid with field "end"
  // (children::ValidateFlagEnd); stored with its audit entry (`flag.end`) in one transaction.
  // Returns the flag as ended.
  Result<children::Flag> DoEndFlag(const Principal& who, const Request& request,
                                   const children::Child& child, std::string_view flag_id,
                                   std::string_view end, std::string_view purpose);

  struct SearchOutcome {
    std::vector<children::Child> visible;
    std::size_t hidden = 0;  // matches outside the searcher's access
    bool truncated = false;
  };
  Result<SearchOutcome> DoSearch(const Principal& who, const Request& request,
                                 std::string_view text);

 private:
  const reference::Catalogue& catalogue_;
  const RecordsArea& records_area_;
  const AssessmentsArea& assessments_area_;
  const MatchingArea& matching_area_;
  storage::ChildrenRepository children_{db_};
  storage::FlagsRepository flags_{db_};
  storage::AccessRepository access_{db_};
  storage::AgenciesRepository agencies_{db_};
  storage::MatchingRepository matching_{db_};
};

}  // namespace harbour::web
